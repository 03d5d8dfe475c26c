import type { RunState } from '../types';
import { mergeLiveSettings } from './config-change';

/**
 * Takes the settings requested since the last generation (LoopControl.requestConfig) into the
 * run, from `generation` on; says what changed and what only changes with a new run.
 */
export function applyRequestedSettings(state: RunState, generation: number): void {
  const next = state.control.takeRequestedConfig();
  if (!next) return;
  const change = mergeLiveSettings(state.config, next);
  if (change.refused.length > 0) {
    state.emit({ type: 'notice', message: `${change.refused.join(', ')} only change when the run starts again` });
  }
  if (change.changed.length === 0) return;
  state.config = change.config;
  state.paradigm.config = change.config;
  state.family.updateConfig(change.config);
  state.emit({ type: 'configChanged', config: change.config, fromGeneration: generation, changed: change.changed });
}
