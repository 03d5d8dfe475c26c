import { describe, expect, it } from 'vitest';
import {
  chartFileName,
  INLINED_PROPERTIES,
  pngSize,
  presentationAttributes,
  slug,
} from '../../../src/app/charts/chart-export';

describe('chart export: file names', () => {
  it('names the chart and the run it comes from', () => {
    expect(chartFileName('Held-out perplexity per generation', 'paper-replace', 1, 'png')).toBe(
      'collapse-lab-held-out-perplexity-per-generation-paper-replace-seed1.png',
    );
    expect(chartFileName('Training loss, generation 3', null, 42, 'svg')).toBe(
      'collapse-lab-training-loss-generation-3-custom-seed42.svg',
    );
  });

  it('keeps names safe for every file system', () => {
    expect(slug('Corpus provenance: who wrote the training text')).toBe(
      'corpus-provenance-who-wrote-the-training-text',
    );
    expect(slug('Entropie über Zeit / "n*" ≥ 5')).toBe('entropie-uber-zeit-n-5');
    expect(slug('')).toBe('chart');
    expect(slug('!!!')).toBe('chart');
    expect(slug('a'.repeat(200)).length).toBeLessThanOrEqual(60);
    expect(slug('word '.repeat(30))).not.toMatch(/-$/);
  });
});

describe('chart export: styles and size', () => {
  it('writes each computed property that has a value, quotes made safe for an attribute', () => {
    const computed: Record<string, string> = {
      fill: 'rgb(0, 114, 178)',
      stroke: ' none ',
      'font-family': '"DejaVu Sans", sans-serif',
      opacity: '',
    };
    expect(presentationAttributes((p) => computed[p] ?? '')).toEqual([
      ['fill', 'rgb(0, 114, 178)'],
      ['stroke', 'none'],
      ['font-family', "'DejaVu Sans', sans-serif"],
    ]);
  });

  it('inlines the properties that decide how a line chart looks', () => {
    for (const p of ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'font-size'])
      expect(INLINED_PROPERTIES).toContain(p);
  });

  it('draws PNGs at twice the size on screen', () => {
    expect(pngSize(640, 280)).toEqual({ width: 1280, height: 560 });
    expect(pngSize(100.4, 0.1, 2)).toEqual({ width: 201, height: 1 });
  });
});
