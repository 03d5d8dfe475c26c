/**
 * The page's one store (zustand): the settings being edited (one SimulationConfig, the object
 * the CLI takes), the run on screen (folded from worker events), and interface state. Actions
 * that talk to the worker live in session/session.ts; this file only holds and changes state.
 */
import { create } from 'zustand';
import { DEFAULT_CONFIG } from '../../engine/config/defaults';
import { DEFAULT_PRESET_ID } from '../../engine/config/presets';
import type { SimulationConfig } from '../../engine/config/schema';
import type { BackendPreference, BackendSetting } from './backend-preference';
import { foldRunAll } from './fold-run';
import { IDLE_RUN, type LiveRun, type RunInput } from './live-run';

export type DivergenceMeasure = 'js' | 'kl' | 'tv';

export interface UserCorpus {
  /** Where it came from: a file name, "pasted text" or a URL. */
  name: string;
  documents: string[];
  chars: number;
  notices: string[];
}

export interface AppState {
  config: SimulationConfig;
  presetId: string | null;
  userCorpus: UserCorpus | null;
  /** 'auto': the timed choice (remembered per browser); a name: only that backend is tried (?backend= or the picker). */
  backendSetting: BackendSetting;
  /** The pair this browser's last start-up timing chose, with its figures; null: time at the next start. */
  backendPreference: BackendPreference | null;
  run: LiveRun;
  ui: {
    helpOpen: boolean;
    divergence: DivergenceMeasure;
    /** Generation shown in the samples view; null follows the latest. */
    selectedGeneration: number | null;
    /** Page-level messages (bad input, settings that apply later), newest last. */
    messages: string[];
  };
  setConfig(config: SimulationConfig, presetId?: string | null): void;
  setUserCorpus(corpus: UserCorpus | null): void;
  setBackendSetting(setting: BackendSetting): void;
  setBackendPreference(preference: BackendPreference | null): void;
  applyRunInputs(inputs: readonly RunInput[], now: number): void;
  resetRun(): void;
  setUi(patch: Partial<AppState['ui']>): void;
  say(message: string): void;
  dismissMessage(index: number): void;
}

export const useAppStore = create<AppState>()((set) => ({
  config: DEFAULT_CONFIG,
  presetId: DEFAULT_PRESET_ID,
  userCorpus: null,
  backendSetting: 'auto',
  backendPreference: null,
  run: IDLE_RUN,
  ui: { helpOpen: false, divergence: 'js', selectedGeneration: null, messages: [] },
  setConfig: (config, presetId = null) => set({ config, presetId }),
  setUserCorpus: (userCorpus) => set({ userCorpus }),
  setBackendSetting: (backendSetting) => set({ backendSetting }),
  setBackendPreference: (backendPreference) => set({ backendPreference }),
  applyRunInputs: (inputs, now) => set((s) => ({ run: foldRunAll(s.run, inputs, now) })),
  resetRun: () => set((s) => ({ run: IDLE_RUN, ui: { ...s.ui, selectedGeneration: null } })),
  setUi: (patch) => set((s) => ({ ui: { ...s.ui, ...patch } })),
  say: (message) => set((s) => ({ ui: { ...s.ui, messages: [...s.ui.messages.slice(-4), message] } })),
  dismissMessage: (index) =>
    set((s) => ({ ui: { ...s.ui, messages: s.ui.messages.filter((_, i) => i !== index) } })),
}));

/** True while a run is starting, running or paused: what the run bar and the settings check. */
export const isRunActive = (run: LiveRun) =>
  run.status === 'starting' || run.status === 'running' || run.status === 'paused';
