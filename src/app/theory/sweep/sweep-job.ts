/**
 * One contamination sweep as the Theory view asks for it: the real law and N0 of the view's
 * corpus (the same tiny tales the view's runs use), each accumulate-subsample model fitting
 * M = N0 tokens, runs cut at MAX_SWEEP_GENERATIONS. Runs in the sweep's worker; plain
 * TypeScript, so it is tested in Node.
 */
import { prepareCorpus } from '../../../engine/corpus/prepare';
import { realUnigramCounts } from '../../../engine/theory/chain-setting';
import {
  runContaminationSweep,
  type ContaminationSweep,
  type SweepOptions,
} from '../../../engine/theory/contamination-sweep';
import { DEFAULT_THEORY_SETTINGS, theoryConfig } from '../shared/theory-settings';

/** A run still short of a threshold by then counts as beyond the horizon. */
export const MAX_SWEEP_GENERATIONS = 20_000;

export interface SweepRequest {
  /** Characters of real text in D0, as the view's settings. */
  realChars: number;
  lambdas: number[];
  tvLevel: number;
  realShareLevel: number;
  bias: number;
  runs: number;
}

export async function runSweepRequest(
  request: SweepRequest,
  options: SweepOptions = {},
): Promise<ContaminationSweep> {
  const config = theoryConfig({ ...DEFAULT_THEORY_SETTINGS, realChars: request.realChars });
  const { counts, tokens } = realUnigramCounts(prepareCorpus(config));
  return runContaminationSweep(
    {
      initialLaw: counts,
      realTokens: tokens,
      lambdas: request.lambdas,
      runs: request.runs,
      seed: config.seed,
      tvLevel: request.tvLevel,
      realShareLevel: request.realShareLevel,
      bias: request.bias,
      trainingTokens: tokens,
      maxGenerations: MAX_SWEEP_GENERATIONS,
    },
    options,
  );
}
