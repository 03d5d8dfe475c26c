import { describe, expect, it } from 'vitest';
import type { Paradigm } from '../../../src/engine/config/schema';
import { biasedDriftFormulas, biasMap } from '../../../src/engine/theory/drift';
import { realWeightCurve } from '../../../src/engine/theory/formulas';
import type { ChainTokens } from '../../../src/engine/record';
import { recordedGenerations } from '../../../src/engine/theory/recorded-generations';

const PLAIN = { temperature: 1, topK: 0, topP: 1 };
const p0 = [0.7, 0.2, 0.05, 0.05];

function tokens(patch: Partial<ChainTokens> = {}): ChainTokens {
  return {
    realTokens: 2000,
    trainingTokens: null,
    generatedTokens: 200,
    freshRealTokens: 0,
    corpusTokens: 2000,
    lambda: 0.1,
    realKept: 0,
    alpha: 50,
    decoding: PLAIN,
    ...patch,
  };
}

describe('the biased map of a refit', () => {
  it('smoothing: b = beta TV(p0, uniform) and D = TV(p0, uniform), beta = alpha V / (T + alpha V), by hand', () => {
    const { bias, limit } = biasMap(tokens(), p0);
    // TV(p0, uniform) = (0.45 + 0.05 + 0.2 + 0.2) / 2 = 0.45; beta = 200 / 2200.
    expect(limit).toBeCloseTo(0.45, 14);
    expect(bias).toBeCloseTo((200 / 2200) * 0.45, 14);
  });

  it('top-k at temperature 1 maps the law onto its target in one refit: b = D', () => {
    const { bias, limit } = biasMap(tokens({ alpha: 0, decoding: { temperature: 1, topK: 2, topP: 1 } }), p0);
    // Keeping the top two of (0.7, 0.2, 0.05, 0.05) moves 0.1 of mass.
    expect(bias).toBeCloseTo(0.1, 14);
    expect(limit).toBeCloseTo(0.1, 14);
  });

  it('a temperature below 1 drifts toward the most frequent symbol: D = 1 - 0.7', () => {
    const { bias, limit } = biasMap(
      tokens({ alpha: 0, decoding: { temperature: 0.5, topK: 0, topP: 1 } }),
      p0,
    );
    expect(limit).toBeCloseTo(0.3, 9);
    expect(bias).toBeGreaterThan(0);
    expect(bias).toBeLessThan(limit);
  });
});

describe('every plotted drift and share stays in its range', () => {
  const recorded = recordedGenerations(1_000_000);
  const paradigms: Paradigm[] = ['replace', 'accumulate', 'accumulate-subsample', 'fresh-data'];
  const decodings = [PLAIN, { temperature: 0.5, topK: 0, topP: 1 }, { temperature: 1.5, topK: 3, topP: 0.9 }];

  it('for n up to 10^6, lambda over (0, 1], strong biases, real data kept or fresh: 0 <= TV <= D <= 1 and shares in [0, 1]', () => {
    let checked = 0;
    for (const paradigm of paradigms) {
      for (const lambda of [1e-4, 1e-3, 0.01, 0.1, 0.5, 0.9, 1]) {
        const m = Math.max(1, Math.round(lambda * 2000));
        for (const alpha of [0, 1, 1000, 1e6]) {
          for (const decoding of decodings) {
            for (const [realKept, fresh] of [
              [0, 0],
              [0.5, 1000],
            ]) {
              const t = tokens({
                generatedTokens: m,
                lambda: paradigm === 'replace' ? m / 2000 : null,
                trainingTokens: paradigm === 'accumulate-subsample' || paradigm === 'fresh-data' ? 500 : null,
                realKept: paradigm === 'replace' ? realKept : 0,
                freshRealTokens: paradigm === 'fresh-data' ? fresh : 0,
                alpha,
                decoding,
              });
              const drift = biasedDriftFormulas(paradigm, t, p0, recorded);
              const weight = realWeightCurve(paradigm, t, recorded).values ?? [];
              for (const w of weight)
                if (!(w >= 0 && w <= 1)) throw new Error(`${paradigm} lambda ${lambda}: real share ${w}`);
              if (!('thisParadigm' in drift)) continue;
              for (const values of [drift.thisParadigm.values, drift.replace, drift.accumulateSubsample]) {
                for (const v of values) {
                  if (!(v >= 0 && v <= drift.limit + 1e-12 && drift.limit <= 1)) {
                    throw new Error(
                      `${paradigm} lambda ${lambda} alpha ${alpha} T ${decoding.temperature}: TV ${v}, D ${drift.limit}`,
                    );
                  }
                }
              }
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('the old first-order curve left [0, 1] (lambda n b = 2.03 at n = 302); the mean-field one saturates below D', () => {
    // alpha = 500 on T = 2000, V = 4: beta = 0.5, b = 0.225, so lambda n b = 6.8 at n = 302.
    const drift = biasedDriftFormulas('replace', tokens({ alpha: 500 }), p0, [0, 1, 10, 302]);
    if (!('thisParadigm' in drift)) throw new Error(drift.reason);
    expect(0.1 * 302 * drift.bias).toBeGreaterThan(1);
    expect(drift.thisParadigm.values[1]).toBeCloseTo(drift.bias, 14); // the first model moved b
    expect(drift.thisParadigm.values[3]).toBeLessThanOrEqual(drift.limit);
    expect(drift.thisParadigm.values[3]).toBeCloseTo(drift.limit, 6);
  });
});
