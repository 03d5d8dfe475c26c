/**
 * The streaming loader's promises beyond the messages (bad-input-table.test.ts has those): it
 * stops reading a huge file once a run's worth is in, cancels the stream it reads, reports
 * progress, honours a cancel, and gives the same text whatever the chunk boundaries.
 */
import { describe, expect, it } from 'vitest';
import { CANCELLED, loadUserTextStream, readableChunks } from '../../../src/engine/text/text-stream';

const enc = new TextEncoder();
const PROSE = Array.from(
  { length: 50 },
  (_, i) => `Tale ${i}: the café owner 🙂 said «bonjour» to every guest, naïvely.`,
).join('\n\n');

/** A web ReadableStream over bytes in chunks, recording how far it was pulled and whether it was cancelled. */
function trackedStream(bytes: Uint8Array, chunk: number) {
  const seen = { pulled: 0, cancelled: false };
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      const next = bytes.subarray(at, at + chunk);
      at += next.length;
      seen.pulled = at;
      controller.enqueue(next);
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

describe('loadUserTextStream', () => {
  it('gives the same text and documents whatever the chunk size (characters split across chunks)', async () => {
    const bytes = enc.encode(PROSE);
    const results = [];
    for (const size of [1, 2, 3, 5, 8191, 8193, bytes.length]) {
      const { stream } = trackedStream(bytes, size);
      results.push(await loadUserTextStream(readableChunks(stream)));
    }
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0].ok && results[0].text).toBe(PROSE);
  });

  it('stops reading, and cancels the stream, once the most text a run can use is in', async () => {
    const bytes = enc.encode('The small dog ran home to eat. '.repeat(10_000)); // 310,000 characters
    const { stream, seen } = trackedStream(bytes, 4096);
    const progress: number[] = [];
    const result = await loadUserTextStream(readableChunks(stream), {
      maxChars: 50_000,
      totalBytes: bytes.length,
      onProgress: (n) => progress.push(n),
    });
    expect(result.ok && result.notices[0]).toBe(
      'The file is 310.0 kB; reading stopped after its first 50,000 characters (50.0 kB), the most one run can use.',
    );
    expect(result.ok && result.text.length).toBeLessThanOrEqual(50_000);
    expect(seen.pulled).toBeLessThan(70_000); // a few chunks past the limit at most, never the whole file
    expect(seen.cancelled).toBe(true);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('refuses a binary file after its first chunk, without reading the rest', async () => {
    const bytes = new Uint8Array(1_000_000);
    bytes.set([0x89, 0x50, 0x4e, 0x47]);
    const { stream, seen } = trackedStream(bytes, 16_384);
    const result = await loadUserTextStream(readableChunks(stream));
    expect(!result.ok && result.error).toMatch(/PNG image/);
    expect(seen.pulled).toBeLessThanOrEqual(3 * 16_384);
  });

  it('answers a cancel with the cancelled message', async () => {
    const controller = new AbortController();
    const bytes = enc.encode(PROSE.repeat(20));
    async function* slow(): AsyncGenerator<Uint8Array> {
      for (let at = 0; at < bytes.length; at += 1000) {
        if (at === 5000) controller.abort();
        yield bytes.subarray(at, at + 1000);
      }
    }
    const result = await loadUserTextStream(slow(), { signal: controller.signal });
    expect(result).toEqual({ ok: false, error: CANCELLED });
  });
});
