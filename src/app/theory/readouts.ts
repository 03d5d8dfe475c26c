/** The plain-words readouts under the controls: what this run shows, computed from its record. */
import type { TheoryRecord } from '../../engine/record';
import { firstCrossing } from './shared/chart-rows';
import { formatPercent } from './shared/log-slider';
import type { TheorySettings } from './shared/theory-settings';

/**
 * The drift the summary calls "collapse well under way": a quarter of the probability mass sits
 * where the real text does not put it. A teaching threshold, named as such in the text.
 */
export const DRIFT_MILESTONE_TV = 0.25;

const gen = (g: number) => g.toLocaleString('en');
/**
 * The count model's evaluation floor, NGRAM_EVAL_FLOOR of engine/loop/families/ngram.ts (the
 * page may not import that module; a unit test keeps the two equal).
 */
export const EVAL_FLOOR = 1e-6;
const floorNats = (-Math.log(EVAL_FLOOR)).toFixed(1);

export function summaryLines(record: TheoryRecord, settings: TheorySettings): string[] {
  const lines: string[] = [];
  const u = record.unigram;
  const weight = record.formulas.realWeight.values;
  const last = record.recordedGenerations.length - 1;
  if (weight)
    lines.push(
      `Real text is ${formatPercent(weight[last])} of the corpus after ${gen(record.generations)} generations.`,
    );
  const crossing = firstCrossing(record, 'tv', DRIFT_MILESTONE_TV);
  lines.push(
    crossing === null
      ? `The median run has not yet drifted ${DRIFT_MILESTONE_TV} (total variation) from the real law within ${gen(record.generations)} generations.`
      : `The median run drifted ${DRIFT_MILESTONE_TV} (total variation) from the real law by generation ${gen(crossing)}.`,
  );
  if (u) {
    const lost = u.bands.lostRealMass.median[last];
    if (lost !== null && lost > 0)
      lines.push(
        `By then the median model gives probability 0 to characters that make up ${formatPercent(lost)} of real text: scored on held-out real text, every one of them would sit at the evaluation floor (probability ${EVAL_FLOOR.toExponential()}, ${floorNats} nats each), and those tokens would set its perplexity.`,
      );
    const half = u.fixation.halfAbsorbedGeneration;
    const share = u.fixation.absorbedShare[last];
    lines.push(
      half === null
        ? `${formatPercent(share)} of runs ended writing a single character forever; fewer than half within the horizon.`
        : `Half of the runs were writing a single character forever by generation ${gen(half)}.`,
    );
  }
  lines.push(paradigmNote(settings));
  return lines;
}

/** What to look for under each paradigm (and smoothing), for the student. */
export function paradigmNote(s: TheorySettings): string {
  switch (s.paradigm) {
    case 'replace':
      return 'Under replace, ten times less generated text per generation makes the same drift take about ten times more generations: move the slider and keep a curve to compare.';
    case 'accumulate-subsample':
    case 'accumulate':
      return s.alpha > 0
        ? 'With a systematic error (smoothing α > 0) the drift grows like the logarithm of the generations: slow, but it goes on until the models are as far from real text as the error can take them, however little text is written back.'
        : 'With no systematic error the drift under accumulation stays bounded, yet real text still dwindles to nothing; set smoothing α above 0 (an imperfect model) to see the slow drift that does not stop.';
    case 'fresh-data':
      return 'Fresh real text enters every generation: the real share never falls below the fresh share of what enters, and the drift stays bounded, the loop that avoids collapse.';
  }
}
