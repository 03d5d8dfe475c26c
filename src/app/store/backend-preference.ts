/**
 * Which backend the page asks the worker for. `?backend=webgpu|webgl|wasm|cpu` forces one (tests,
 * or a user who knows their machine), as does the picker; otherwise the backend and sampler that
 * the start-up timing chose, remembered per browser (localStorage) so later visits skip the
 * timing. The remembered record is versioned: a record from another version of the format, or
 * anything unreadable, counts as no record. Safe where localStorage is missing or refuses access
 * (private modes, locked-down kiosks): then nothing is remembered and the timing simply runs again.
 */
import { z } from 'zod';
import {
  BACKEND_NAMES,
  isBackendName,
  type BackendName,
  type SamplerKind,
} from '../../worker/simulation-protocol';

/** 'auto': the timed choice (remembered per browser); a name: only that backend is tried. */
export type BackendSetting = 'auto' | BackendName;

export interface BackendFromUrl {
  backend: BackendName | null;
  problem: string | null;
}

/** The address's ?backend=, read once at start-up; an unknown value is ignored with a message rather than breaking the page. */
export function readBackendOverride(search: string): BackendFromUrl {
  const raw = new URLSearchParams(search).get('backend');
  if (raw === null || raw === '') return { backend: null, problem: null };
  const value = raw.trim().toLowerCase();
  if (isBackendName(value)) return { backend: value, problem: null };
  return {
    backend: null,
    problem: `The address asks for backend "${raw}", which is not one of ${BACKEND_NAMES.join(', ')}; the best available backend is used instead.`,
  };
}

export const PREFERENCE_KEY = 'collapse-lab:backend-preference:v1';
const FORMAT_VERSION = 1;

const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const satisfies readonly BackendName[];
const SAMPLERS = ['kv-cache', 'fixed-shape'] as const satisfies readonly SamplerKind[];

const timingSchema = z.object({
  backend: z.enum(BACKENDS),
  sampler: z.enum(SAMPLERS),
  msPerStep: z.number().positive(),
  charsPerSec: z.number().nonnegative(),
  secondsPerGeneration: z.number().nonnegative(),
});

const preferenceSchema = z.object({
  version: z.literal(FORMAT_VERSION),
  backend: z.enum(BACKENDS),
  sampler: z.enum(SAMPLERS),
  /** The ranking the choice came from, fastest first (the picker shows the winner's figures). */
  timings: z.array(timingSchema).min(1),
  /** ISO date of the measurement. */
  measuredAt: z.string().min(1),
  /** The browser that measured (its user agent): a new browser version is measured again. */
  browser: z.string(),
});

export type BackendTimingRecord = z.infer<typeof timingSchema>;
export type BackendPreference = z.infer<typeof preferenceSchema>;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage where the browser gives it; reading the property itself may throw. */
function defaultStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * The remembered choice, or null when there is none, it is unreadable, or it was measured by
 * another browser than `browser` (pass navigator.userAgent; omit it to accept any).
 */
export function readPreference(
  browser?: string,
  storage: Storage | null = defaultStorage(),
): BackendPreference | null {
  let text: string | null;
  try {
    text = storage?.getItem(PREFERENCE_KEY) ?? null;
  } catch {
    return null;
  }
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = preferenceSchema.safeParse(raw);
  if (!parsed.success) return null;
  if (browser !== undefined && parsed.data.browser !== browser) return null;
  return parsed.data;
}

/** Builds the record of a timing's winner and ranking, measured now by this browser. */
export function preferenceFromTimings(
  timings: readonly BackendTimingRecord[],
  browser: string,
  now: Date = new Date(),
): BackendPreference {
  if (timings.length === 0) throw new Error('a preference needs at least one timed backend');
  const [winner] = timings;
  return {
    version: FORMAT_VERSION,
    backend: winner.backend,
    sampler: winner.sampler,
    timings: [...timings],
    measuredAt: now.toISOString(),
    browser,
  };
}

/** Stores the choice; returns false when the browser refused (nothing remembered, nothing broken). */
export function rememberPreference(
  preference: BackendPreference,
  storage: Storage | null = defaultStorage(),
): boolean {
  if (!storage) return false;
  try {
    storage.setItem(PREFERENCE_KEY, JSON.stringify(preference));
    return true;
  } catch {
    return false; // quota full or storage disabled
  }
}

/** Forgets the choice, so the next start times the backends again ("measure again"). */
export function forgetPreference(storage: Storage | null = defaultStorage()): void {
  try {
    storage?.removeItem(PREFERENCE_KEY);
  } catch {
    // Storage refused: there was nothing readable to forget.
  }
}
