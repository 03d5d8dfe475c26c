import { describe, expect, it } from 'vitest';
import type { SimulationEvent } from '../../../src/engine/loop/types';
import { collectEvents, microRunConfig } from '../../support/loop-fixtures';

describe("a generation's samples", () => {
  it('reach the page after the first sampling call, before the rest of the text is written', async () => {
    const config = microRunConfig({
      generations: 1,
      corpus: { realChars: 30_000 },
      model: { family: 'ngram', ngramOrder: 2 },
    });
    const events = await collectEvents(config);
    const samples = events.flatMap((e, i) => (e.type === 'samples' ? [{ e, i }] : []));
    const progress = events.flatMap((e, i) =>
      e.type === 'phase' && e.phase === 'generating' && e.done !== undefined ? [{ e, i }] : [],
    );
    expect(samples.length).toBe(2);
    const [preview, final] = samples as { e: Extract<SimulationEvent, { type: 'samples' }>; i: number }[];
    // The preview comes before the last progress tick of the text being written.
    expect(progress.length).toBeGreaterThan(1);
    expect(preview.i).toBeLessThan((progress.at(-1) as { i: number }).i);
    // It shows the same first documents the finished generation reports.
    expect(preview.e.samples).toEqual(final.e.samples);
    expect(final.e.promptSamples.length).toBeGreaterThan(0);
  });
});
