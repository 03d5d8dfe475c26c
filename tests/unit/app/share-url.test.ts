import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import { PRESETS, presetConfig } from '../../../src/engine/config/presets';
import { simulationConfigSchema, type SimulationConfig } from '../../../src/engine/config/schema';
import { mergeConfig } from '../../../src/engine/config/validate';
import { matchingPresetId } from '../../../src/app/share/preset-match';
import {
  readSharedConfig,
  readUrlSettings,
  sharedConfigMessage,
} from '../../../src/app/share/share-decoding';
import { configAssignments, shareSearch, shareUrl } from '../../../src/app/share/share-encoding';
import { startUrlSync, writeConfigToAddress } from '../../../src/app/share/url-sync';

const withChanges = (changes: unknown) => mergeConfig(DEFAULT_CONFIG, changes) as SimulationConfig;

describe('share links: encode and decode', () => {
  it.each(PRESETS.map((p) => p.id))('preset %s survives the round trip, with no notice', (id) => {
    const config = presetConfig(id);
    const { config: read, problems } = readSharedConfig(shareSearch(config));
    expect(problems).toEqual([]);
    expect(read ?? DEFAULT_CONFIG).toEqual(config);
    expect(matchingPresetId(read ?? DEFAULT_CONFIG)).toBe(id);
  });

  it('writes only what differs from the defaults, with a version, readable', () => {
    const config = withChanges({
      paradigm: 'accumulate',
      training: { learningRate: 0.003 },
      model: { continueTraining: true },
    });
    expect(configAssignments(config)).toEqual([
      'model.continueTraining=true',
      'paradigm=accumulate',
      'training.learningRate=0.003',
    ]);
    expect(shareSearch(config)).toBe(
      '?v=1&set=model.continueTraining=true&set=paradigm=accumulate&set=training.learningRate=0.003',
    );
    expect(shareSearch(DEFAULT_CONFIG)).toBe('');
  });

  it('keeps ?backend= and other parameters, and replaces its own', () => {
    const config = withChanges({ seed: 7 });
    expect(shareSearch(config, '?backend=wasm&set=seed=3&v=1')).toBe('?backend=wasm&v=1&set=seed=7');
    expect(
      shareUrl(config, { origin: 'https://x.org', pathname: '/lab/', search: '?backend=cpu', hash: '#a' }),
    ).toBe('https://x.org/lab/?backend=cpu&v=1&set=seed=7#a');
  });

  it('still reads the older ?set= links with aliases and no version', () => {
    const { config, problems } = readSharedConfig('?set=realChars=2000&set=heldOutChars=500&set=model=ngram');
    expect(problems).toEqual([]);
    expect(config?.corpus).toMatchObject({ realChars: 2000, heldOutChars: 500 });
    expect(config?.model.family).toBe('ngram');
  });

  it('a bad value, an unknown key and a malformed pair each keep the default and say so; the rest is read', () => {
    const { config, problems } = readSharedConfig(
      '?v=1&set=seed=abc&set=colour=blue&set=noequals&set=paradigm=accumulate',
    );
    expect(config?.paradigm).toBe('accumulate');
    expect(config?.seed).toBe(DEFAULT_CONFIG.seed);
    expect(problems).toHaveLength(3);
    expect(problems.join(' | ')).toMatch(
      /"colour" is not a setting.*"noequals" is not key=value.*seed: .*using the default/,
    );
    expect(readUrlSettings('?set=seed=abc').problems[0]).toMatch(/^This link's settings were not all usable/);
  });

  it('a link from a newer version is read as far as it can be, with a notice', () => {
    const { config, problems } = readSharedConfig('?v=9&set=seed=5&set=model.wings=3');
    expect(config?.seed).toBe(5);
    expect(problems[0]).toMatch(/newer Collapse Lab \(settings version 9/);
    expect(problems[1]).toMatch(/"model.wings" is not a setting/);
  });

  it('every truncation of a link loads a valid config without throwing', () => {
    const search = shareSearch(
      withChanges({ paradigm: 'fresh-data', freshShare: 0.25, decoding: { topK: 40, temperature: 0.7 } }),
    );
    for (let n = 0; n <= search.length; n++) {
      const { config } = readSharedConfig(search.slice(0, n));
      if (config) expect(simulationConfigSchema.safeParse(config).success).toBe(true);
    }
  });

  it('hostile keys pollute nothing', () => {
    const { config, problems } = readSharedConfig(
      '?set=__proto__.polluted=1&set=constructor.prototype.polluted=1&set=toString=1&set=hasOwnProperty=2',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(problems).toHaveLength(4);
  });

  it('huge links are capped and said so', () => {
    const many = `?${Array.from({ length: 5000 }, (_, i) => `set=seed=${i}`).join('&')}&set=${'x'.repeat(10_000)}=1`;
    const { config, problems } = readSharedConfig(many);
    expect(config?.seed).toBe(99);
    expect(problems[0]).toMatch(/only the first 100 of 5001/);
    expect(sharedConfigMessage(['a', 'b', 'c', 'd', 'e', 'f'])).toMatch(/a; b; c; d; and 2 more\.$/);
  });
});

/** mulberry32: a seeded generator, so a failing fuzz case can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('share links: fuzz', () => {
  it('2,000 random and mutated addresses never throw and always give a valid config or none', () => {
    const random = rng(20240601);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789=&?%.+-_#;/\\"\'<>{}[] \u00e9\u{1f600}\0';
    const seeds = PRESETS.map((p) => shareSearch(presetConfig(p.id), '?backend=wasm'));
    const pieces = [
      'set=',
      'v=',
      '=',
      '&',
      '%',
      '%zz',
      '%3D',
      '__proto__',
      'seed',
      'model.size',
      'NaN',
      '1e999',
      '-1',
      'true',
      '..',
      'corpus.source',
    ];
    const mutate = (s: string): string => {
      const chars = [...s];
      const edits = 1 + Math.floor(random() * 6);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * (chars.length + 1));
        const kind = random();
        if (kind < 0.3) chars.splice(at, 1);
        else if (kind < 0.6) chars.splice(at, 0, pick([...alphabet]));
        else if (kind < 0.85) chars.splice(at, 0, pick(pieces));
        else chars.length = at; // truncation
      }
      return chars.join('');
    };
    const randomString = (): string =>
      Array.from({ length: Math.floor(random() * 80) }, () => pick([...alphabet])).join('');
    let withConfig = 0;
    for (let i = 0; i < 2000; i++) {
      const input = i % 3 === 0 ? randomString() : mutate(pick(seeds));
      let result: ReturnType<typeof readSharedConfig> | undefined;
      expect(() => {
        result = readSharedConfig(input);
      }, input).not.toThrow();
      if (result?.config) {
        withConfig++;
        expect(simulationConfigSchema.safeParse(result.config).success, input).toBe(true);
      }
      expect(result?.problems.every((p) => typeof p === 'string')).toBe(true);
    }
    expect(withConfig).toBeGreaterThan(500); // the mutations mostly still carry some settings
  });
});

describe('the address follows the settings', () => {
  function fakePlace(search = '?backend=wasm') {
    const location = { pathname: '/', search, hash: '' };
    const history = {
      state: null,
      replaceState: vi.fn((_state: unknown, _title: string, url: string) => {
        location.search = url.slice(1).includes('?') ? url.slice(url.indexOf('?')) : '';
      }),
    };
    return { location, history };
  }

  it('writes a throttled replaceState with the changed settings, once for a burst', () => {
    vi.useFakeTimers();
    try {
      const { location, history } = fakePlace();
      let state = { config: DEFAULT_CONFIG };
      const listeners: ((s: typeof state, p: typeof state) => void)[] = [];
      const store = {
        getState: () => state,
        subscribe: (l: (s: typeof state, p: typeof state) => void) => (
          listeners.push(l),
          () => listeners.splice(0)
        ),
      };
      const stop = startUrlSync(store, location, history, 400);
      for (const seed of [2, 3, 4]) {
        const previous = state;
        state = { config: { ...state.config, seed } };
        listeners.forEach((l) => l(state, previous));
      }
      expect(history.replaceState).not.toHaveBeenCalled();
      vi.advanceTimersByTime(400);
      expect(history.replaceState).toHaveBeenCalledTimes(1);
      expect(location.search).toBe('?backend=wasm&v=1&set=seed=4');
      expect(writeConfigToAddress(state.config, location, history)).toBe(false); // already current
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
