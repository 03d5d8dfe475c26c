/**
 * `npm run bench:bundle`: the CLI as a folder a GPU machine without npm runs with a `node` binary
 * alone. Built outside the repository (so no node_modules above it can help), it must train a
 * transformer on wasm with two workers: the .wasm files and the training-worker entry are found
 * beside the bundle.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(os.tmpdir(), 'collapse-bundle-'));
const out = path.join(dir, 'dist-bench');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bundled CLI', () => {
  it('runs a generation on two wasm workers from a folder with nothing but node beside it', () => {
    execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/bundle-bench.ts', '--out', out], {
      stdio: 'pipe',
    });
    for (const file of [
      'bench.mjs',
      'simulate.mjs',
      'replica-thread.mjs',
      'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm',
      'node_modules/webgpu/index.js',
    ]) {
      expect(existsSync(path.join(out, file)), file).toBe(true);
    }
    const run = path.join(dir, 'run.json');
    const settings = ['size=micro', 'steps=4', 'realChars=2000', 'heldOutChars=500', 'evalChars=500'].flatMap(
      (s) => ['--set', s],
    );
    const printed = execFileSync(
      process.execPath,
      [path.join(out, 'simulate.mjs'), ...settings, '--generations', '1', '--workers', '2', '--out', run],
      {
        cwd: dir,
        stdio: 'pipe',
        encoding: 'utf8',
        env: { ...process.env, NODE_PATH: '' },
      },
    );
    const record = JSON.parse(readFileSync(run, 'utf8')) as {
      status: string;
      generations: { perplexity: number }[];
      notices: string[];
    };
    expect(record.status).toBe('complete');
    expect(record.generations).toHaveLength(1);
    expect(Number.isFinite(record.generations[0].perplexity)).toBe(true);
    const said = printed + record.notices.join('\n');
    expect(said).toMatch(/Training on 2 of \d+ workers \(wasm\)/);
    expect(said).not.toMatch(/falling back|fell back/i);
  }, 180_000);
});
