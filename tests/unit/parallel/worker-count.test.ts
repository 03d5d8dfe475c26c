import { describe, expect, it } from 'vitest';
import { workerCount } from '../../../src/engine/parallel/replica-host';

describe('how many workers train', () => {
  it('0 means one per hardware thread, at most 8', () => {
    expect(workerCount(0, { hardwareThreads: 2 }, 'wasm', 32)).toBe(2);
    expect(workerCount(0, { hardwareThreads: 64 }, 'wasm', 32)).toBe(8);
  });

  it('a count set by hand is used as set, up to one window per worker', () => {
    expect(workerCount(3, { hardwareThreads: 2 }, 'cpu', 32)).toBe(3);
    expect(workerCount(12, { hardwareThreads: 2 }, 'wasm', 4)).toBe(4);
  });

  it('on a GPU backend one worker trains: more would queue on the same GPU', () => {
    expect(workerCount(4, { hardwareThreads: 8 }, 'webgpu', 32)).toBe(1);
    expect(workerCount(0, { hardwareThreads: 8 }, 'webgl', 32)).toBe(1);
  });
});
