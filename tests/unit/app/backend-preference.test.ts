import { describe, expect, it } from 'vitest';
import {
  forgetPreference,
  PREFERENCE_KEY,
  preferenceFromTimings,
  readPreference,
  rememberPreference,
  type BackendTimingRecord,
} from '../../../src/app/store/backend-preference';

/** An in-memory Storage, optionally refusing every call as a locked-down browser does. */
function fakeStorage(refuse = false) {
  const items = new Map<string, string>();
  const guard = () => {
    if (refuse) throw new DOMException('access denied', 'SecurityError');
  };
  return {
    items,
    getItem: (k: string) => (guard(), items.get(k) ?? null),
    setItem: (k: string, v: string) => (guard(), void items.set(k, v)),
    removeItem: (k: string) => (guard(), void items.delete(k)),
  };
}

const TIMINGS: BackendTimingRecord[] = [
  { backend: 'wasm', sampler: 'kv-cache', msPerStep: 150, charsPerSec: 13_000, secondsPerGeneration: 45.8 },
  { backend: 'webgl', sampler: 'fixed-shape', msPerStep: 1_600, charsPerSec: 40, secondsPerGeneration: 730 },
];
const BROWSER = 'Mozilla/5.0 Chrome/156';

describe('remembering the timed backend choice per browser', () => {
  it('reads back what it remembered: the winner, its sampler and the ranking', () => {
    const storage = fakeStorage();
    const preference = preferenceFromTimings(TIMINGS, BROWSER, new Date('2026-11-24T08:00:00Z'));
    expect(rememberPreference(preference, storage)).toBe(true);
    const read = readPreference(BROWSER, storage);
    expect(read).toEqual(preference);
    expect(read).toMatchObject({
      backend: 'wasm',
      sampler: 'kv-cache',
      measuredAt: '2026-11-24T08:00:00.000Z',
    });
    expect(read?.timings.map((t) => t.backend)).toEqual(['wasm', 'webgl']);
  });

  it('has no preference before any timing, and none after "measure again" forgets it', () => {
    const storage = fakeStorage();
    expect(readPreference(BROWSER, storage)).toBeNull();
    rememberPreference(preferenceFromTimings(TIMINGS, BROWSER), storage);
    forgetPreference(storage);
    expect(readPreference(BROWSER, storage)).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('ignores a choice another browser (or browser version) measured', () => {
    const storage = fakeStorage();
    rememberPreference(preferenceFromTimings(TIMINGS, BROWSER), storage);
    expect(readPreference('Mozilla/5.0 Chrome/157', storage)).toBeNull();
    expect(readPreference(undefined, storage)?.backend).toBe('wasm');
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['another format version', JSON.stringify({ ...preferenceFromTimings(TIMINGS, BROWSER), version: 2 })],
    ['an unknown backend', JSON.stringify({ ...preferenceFromTimings(TIMINGS, BROWSER), backend: 'cuda' })],
    ['no timings', JSON.stringify({ ...preferenceFromTimings(TIMINGS, BROWSER), timings: [] })],
    [
      'a negative timing',
      JSON.stringify({
        ...preferenceFromTimings(TIMINGS, BROWSER),
        timings: [{ ...TIMINGS[0], msPerStep: -1 }],
      }),
    ],
    ['a bare string', '"wasm"'],
    ['null', 'null'],
  ])('treats junk in storage (%s) as no preference', (_name, junk) => {
    const storage = fakeStorage();
    storage.items.set(PREFERENCE_KEY, junk);
    expect(readPreference(BROWSER, storage)).toBeNull();
  });

  it('works without storage, and when the browser refuses access, without throwing', () => {
    const preference = preferenceFromTimings(TIMINGS, BROWSER);
    for (const storage of [null, fakeStorage(true)]) {
      expect(rememberPreference(preference, storage)).toBe(false);
      expect(readPreference(BROWSER, storage)).toBeNull();
      expect(() => forgetPreference(storage)).not.toThrow();
    }
  });

  it('refuses to build a preference from an empty ranking', () => {
    expect(() => preferenceFromTimings([], BROWSER)).toThrow(/at least one/);
  });
});
