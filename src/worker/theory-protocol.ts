/**
 * Messages between the Theory view and its own small worker, which runs theory mode's unigram
 * chain (pure TypeScript, no TensorFlow.js). Separate from simulation-protocol.ts on purpose: the theory
 * worker is tiny and starts in milliseconds, and neither side should need the other's shapes.
 *
 * Every command and event carries the run id the page chose, so an event of a run the page has
 * already replaced (a slider moved on) is recognised and dropped rather than drawn.
 *
 * Type-only engine imports: they vanish at build time.
 */
import type { SimulationConfig } from '../engine/config/schema';
import type { TheoryRecord } from '../engine/record';

export type { SimulationConfig, TheoryRecord };

/** Bump on any change to the shapes below. */
export const THEORY_PROTOCOL_VERSION = 1;

// ---- page -> worker ---------------------------------------------------------------------------

export type TheoryCommand =
  /** Start a run; a run still in progress is cancelled first (its events stop). */
  | { type: 'run'; version: typeof THEORY_PROTOCOL_VERSION; runId: number; config: SimulationConfig }
  | { type: 'cancel'; version: typeof THEORY_PROTOCOL_VERSION; runId: number };

// ---- worker -> page ---------------------------------------------------------------------------

export type TheoryEvent =
  /** Generations simulated so far over all runs (done of total = runs x generations). */
  | { type: 'progress'; version: typeof THEORY_PROTOCOL_VERSION; runId: number; done: number; total: number }
  | { type: 'result'; version: typeof THEORY_PROTOCOL_VERSION; runId: number; record: TheoryRecord }
  /** runId null: the failure belongs to no run (a malformed command, a worker that did not load). */
  | { type: 'error'; version: typeof THEORY_PROTOCOL_VERSION; runId: number | null; message: string };

type WithoutVersion<T> = T extends unknown ? Omit<T, 'version'> : never;
export type TheoryEventBody = WithoutVersion<TheoryEvent>;
export type TheoryCommandBody = WithoutVersion<TheoryCommand>;

/** True for any object that claims to be a message of this protocol version. */
export function isTheoryMessage(data: unknown): data is { type: string; version: number; runId: unknown } {
  return (
    typeof data === 'object' &&
    data !== null &&
    'type' in data &&
    'version' in data &&
    data.version === THEORY_PROTOCOL_VERSION
  );
}
