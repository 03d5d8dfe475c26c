import { describe, expect, it } from 'vitest';
import { ExtinctionTracker } from '../../../src/engine/metrics';

function run(tracker: ExtinctionTracker, generations: string[][], from = 1): void {
  generations.forEach((samples, i) => tracker.observe(from + i, samples));
}

describe('extinction tracker', () => {
  it('records the first generation of the current absence and clears revived symbols', () => {
    const t = new ExtinctionTracker(['abc']);
    t.observe(1, ['abc']);
    expect(t.extinct('chars')).toEqual([]);
    t.observe(2, ['ab']);
    expect(t.extinctSince('chars', 'c')).toBe(2);
    expect(t.extinctSince('bigrams', 'bc')).toBe(2);
    expect(t.extinctSince('words', 'abc')).toBe(2);
    t.observe(3, ['a']);
    expect(t.extinct('chars')).toEqual([
      { symbol: 'c', since: 2, realCount: 1 },
      { symbol: 'b', since: 3, realCount: 1 },
    ]);
    t.observe(4, ['ac']); // c comes back: no longer extinct
    expect(t.extinctSince('chars', 'c')).toBeNull();
    expect(t.revivals('chars')).toBe(1);
    t.observe(5, ['a']); // c vanishes again: its extinction is the later generation
    expect(t.extinct('chars').map((s) => [s.symbol, s.since])).toEqual([
      ['b', 3],
      ['c', 5],
    ]);
    expect(t.extinctCount('chars')).toEqual({ extinct: 2, support: 3 });
    expect(t.extinctSince('chars', 'a')).toBeNull();
    expect(t.lastGeneration).toBe(5);
  });

  it('ignores generated symbols that are not in the real support', () => {
    const t = new ExtinctionTracker(['ab']);
    t.observe(1, ['xyz']);
    expect(t.extinctCount('chars')).toEqual({ extinct: 2, support: 2 });
    expect(t.extinctSince('chars', 'x')).toBeNull();
  });

  it('survives a JSON round trip', () => {
    const t = new ExtinctionTracker(['the cat', 'constructor __proto__']);
    run(t, [['the cat'], ['the']]);
    const restored = ExtinctionTracker.fromJSON(JSON.parse(JSON.stringify(t)));
    expect(restored.toJSON()).toEqual(t.toJSON());
    expect(restored.extinctSince('words', 'constructor')).toBe(1);
    expect(restored.extinctSince('words', 'cat')).toBe(2);
    restored.observe(3, ['the cat']);
    expect(restored.extinctSince('words', 'cat')).toBeNull();
    expect(restored.revivals('words')).toBe(1);
  });

  it('rejects generations that do not increase', () => {
    const t = new ExtinctionTracker(['ab']);
    t.observe(2, ['ab']);
    expect(() => t.observe(2, ['ab'])).toThrow(RangeError);
  });
});
