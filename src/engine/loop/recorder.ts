import type { SimulationConfig } from '../config/schema';
import type { SimulationEvent } from './types';
import type { RunRecord } from '../record';

/**
 * Folds the loop's events into a run.json record. The CLI and the page use the same fold, so
 * what one writes the other reads.
 */
export class RunRecorder {
  readonly record: RunRecord;

  /** `before`: what a resumed run had recorded when it stopped; its events continue that record. */
  constructor(config: SimulationConfig, before?: RunRecord) {
    this.record = {
      version: 1,
      config,
      vocabulary: before?.vocabulary ?? [],
      baseline: before?.baseline ?? { perplexity: NaN, nllPerChar: NaN },
      generations: [...(before?.generations ?? [])],
      nStar: before?.nStar ?? null,
      notices: [...(before?.notices ?? [])],
      status: 'failed',
    };
  }

  observe(event: SimulationEvent): void {
    const r = this.record;
    switch (event.type) {
      case 'runStarted':
        r.vocabulary = event.vocabulary;
        break;
      case 'notice':
        r.notices.push(event.message);
        break;
      case 'baseline':
        r.baseline = { perplexity: event.perplexity, nllPerChar: event.nllPerChar };
        break;
      case 'generationDone':
        r.generations.push(event.report);
        r.nStar = event.nStar;
        break;
      case 'runDone':
        r.status = event.status;
        break;
      case 'error':
        r.status = 'failed';
        r.error = event.message;
        break;
      default:
        break;
    }
  }
}
