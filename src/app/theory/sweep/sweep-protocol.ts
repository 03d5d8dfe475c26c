/**
 * Messages between the Theory view and the contamination sweep's worker. Every message carries
 * the id the page chose, so the result of a sweep the page has already replaced is dropped.
 * Type-only engine imports: they vanish at build time.
 */
import type { ContaminationSweep } from '../../../engine/theory/contamination-sweep';
import type { SweepRequest } from './sweep-job';

export type SweepCommand =
  { type: 'sweep'; id: number; request: SweepRequest } | { type: 'cancel'; id: number };

export type SweepEvent =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; sweep: ContaminationSweep }
  /** id null: the failure belongs to no sweep (the worker did not load, a message it could not read). */
  | { type: 'error'; id: number | null; message: string };

export function isSweepEvent(data: unknown): data is SweepEvent {
  return typeof data === 'object' && data !== null && 'type' in data && 'id' in data;
}

export function isSweepCommand(data: unknown): data is SweepCommand {
  return (
    typeof data === 'object' &&
    data !== null &&
    'type' in data &&
    (data.type === 'sweep' || data.type === 'cancel') &&
    'id' in data &&
    typeof data.id === 'number'
  );
}
