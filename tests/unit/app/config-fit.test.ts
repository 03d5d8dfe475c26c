import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import type { SimulationConfig } from '../../../src/engine/config/schema';
import { mergeConfig } from '../../../src/engine/config/validate';
import { configFit } from '../../../src/engine/config/config-fit';
import type { UserCorpus } from '../../../src/app/store/app-store';

const config = (patch: unknown): SimulationConfig => mergeConfig(DEFAULT_CONFIG, patch) as SimulationConfig;
const shortText: UserCorpus = {
  name: 'pasted text',
  documents: ['a cat sat.', 'a dog ran.'],
  chars: 20,
  notices: [],
};

describe('configFit: what Play runs', () => {
  it('measures the user text only when the run uses it', () => {
    const builtIn = configFit(DEFAULT_CONFIG, shortText);
    expect(builtIn.issues).toEqual([]);
    const own = configFit(config({ corpus: { source: 'user' } }), shortText);
    expect(own.issues.map((i) => i.field)).toContain('corpus.realChars');
    expect(own.issues.find((i) => i.field === 'model.size')?.kind).toBe('note');
  });

  it('hands Play the adjusted settings: a warm-up longer than training is shortened', () => {
    const fit = configFit(config({ training: { steps: 6 } }), null);
    expect(fit.ok).toBe(true);
    expect(fit.config.training.warmupSteps).toBe(6);
  });

  it('refuses a training sample smaller than one context window', () => {
    const fit = configFit(
      config({ paradigm: 'accumulate-subsample', trainingSample: 0.001, corpus: { realChars: 10_000 } }),
      null,
    );
    expect(fit.ok).toBe(false);
    expect(fit.issues.find((i) => i.kind === 'refused')?.field).toBe('trainingSample');
  });
});
