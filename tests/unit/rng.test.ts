import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng';

describe('rng', () => {
  it('replays the same stream for the same seed and differs for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 8 }, () => a.nextU32());
    expect(Array.from({ length: 8 }, () => b.nextU32())).toEqual(xs);
    expect(Array.from({ length: 8 }, () => c.nextU32())).not.toEqual(xs);
  });

  it('split streams are independent of draws made on the parent', () => {
    const a = createRng(7);
    const b = createRng(7);
    b.next();
    b.next();
    expect(a.split('init').next()).toBe(b.split('init').next());
    expect(a.split('init').next()).not.toBe(a.split('sample').next());
  });

  it('is uniform: mean of next() near 1/2 and int(6) hits each face about equally', () => {
    const r = createRng(1);
    const n = 60000;
    const counts = new Array(6).fill(0);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      sum += r.next();
      counts[r.int(6)]++;
    }
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.01);
    for (const c of counts) expect(Math.abs(c / n - 1 / 6)).toBeLessThan(0.01);
  });

  it('normal() has mean 0 and variance 1', () => {
    const r = createRng(3);
    const n = 50000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.02);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.03);
  });

  it('categorical follows its weights and never picks a zero weight', () => {
    const r = createRng(5);
    const w = [0, 1, 3, 0];
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40000; i++) counts[r.categorical(w)]++;
    expect(counts[0]).toBe(0);
    expect(counts[3]).toBe(0);
    expect(Math.abs(counts[2] / 40000 - 0.75)).toBeLessThan(0.01);
  });
});
