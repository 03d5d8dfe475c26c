/**
 * The class's predictions: the answer waiting for its generation, and the history of answers
 * set beside what was measured. The history is kept in this browser only (localStorage, where the
 * browser gives it) so a lesson survives a reload; nothing is ever sent anywhere.
 */
import { z } from 'zod';
import { create } from 'zustand';
import type { LockedAnswer } from './prediction-turn';

export const PREDICTIONS_KEY = 'collapse-lab:predictions';
/** Oldest results are dropped past this: a term of lessons, not a database. */
export const MAX_HISTORY = 60;

const figures = z.object({
  generation: z.number().int().nonnegative(),
  perplexity: z.number(),
  realWordShare: z.number(),
});

const historyEntry = z.object({
  runLabel: z.string(),
  at: z.number(),
  before: figures,
  after: figures,
  prediction: z.object({
    direction: z.enum(['up', 'same', 'down']),
    factor: z.number().positive(),
    realWordShare: z.number().min(0).max(1).nullable(),
  }),
  directionRight: z.boolean(),
  shareRight: z.boolean().nullable(),
  perplexityWords: z.string(),
  shareWords: z.string().nullable(),
});

/** One prediction with its result, as the history table shows it. */
export type PredictionResult = z.infer<typeof historyEntry>;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage where the browser gives it (private modes and locked-down kiosks may not). */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The stored history; anything unreadable counts as none (a lesson is not worth a broken page). */
export function readHistory(store: Storage | null = storage()): PredictionResult[] {
  try {
    const raw = store?.getItem(PREDICTIONS_KEY);
    if (!raw) return [];
    const parsed = z.array(historyEntry).safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.slice(-MAX_HISTORY) : [];
  } catch {
    return [];
  }
}

export function writeHistory(history: readonly PredictionResult[], store: Storage | null = storage()): void {
  try {
    if (history.length === 0) store?.removeItem(PREDICTIONS_KEY);
    else store?.setItem(PREDICTIONS_KEY, JSON.stringify(history.slice(-MAX_HISTORY)));
  } catch {
    // Storage refused or full: the history still lives in memory until the page closes.
  }
}

interface PredictionState {
  /** The answer locked in for a generation not on screen yet; null when none is waiting. */
  answer: LockedAnswer | null;
  history: PredictionResult[];
  /** The latest result, shown beside its prediction until the next one is locked in. */
  latest: PredictionResult | null;
  lockIn(answer: LockedAnswer): void;
  /** The answer's generation is on screen (with its result, unless it was skipped) or will never be. */
  settle(result: PredictionResult | null): void;
  clearHistory(): void;
}

export const usePredictions = create<PredictionState>()((set) => ({
  answer: null,
  history: readHistory(),
  latest: null,
  lockIn: (answer) => set({ answer, latest: null }),
  settle: (result) =>
    set((s) => {
      if (result === null) return { answer: null };
      const history = [...s.history, result].slice(-MAX_HISTORY);
      writeHistory(history);
      return { answer: null, history, latest: result };
    }),
  clearHistory: () => {
    writeHistory([]);
    set({ history: [], latest: null });
  },
}));
