import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import type { GenerationReport } from '../../../src/engine/record';
import { IDLE_RUN, type LiveRun } from '../../../src/app/store/live-run';
import {
  announcement,
  formatEta,
  generationAnnouncement,
  phaseDetail,
  progressValue,
  statusLine,
} from '../../../src/app/run-bar/run-status';

// Only the length of `generations` matters to the run bar.
const finished = (n: number): GenerationReport[] => Array.from({ length: n }, () => ({}) as GenerationReport);

const running = (patch: Partial<LiveRun['current']>, done = 2): LiveRun => ({
  ...IDLE_RUN,
  status: 'running',
  config: { ...DEFAULT_CONFIG, generations: 10 },
  generations: finished(done),
  current: { ...IDLE_RUN.current, generation: done, ...patch },
});

describe('run bar status text', () => {
  it('says the run waits for the class while it chooses what enters, not that it is generating', () => {
    const choosing: LiveRun = {
      ...running({ phase: 'generating', done: 2000, total: 2000 }),
      classReview: { id: 1, generation: 2, offered: [], budget: 2000 },
    };
    expect(statusLine(choosing, 30, 10)).toBe(
      'Generation 2 (3 of 10) — waiting for the class to keep or discard its documents',
    );
    expect(announcement(choosing, 10)).toBe(statusLine(choosing, null, 10));
    // Paused while the class chooses: the pause is what the bar says.
    expect(statusLine({ ...choosing, status: 'paused' }, null, 10)).toMatch(/^Paused at generation 2/);
  });

  it('numbers generations from 0 like the charts, with the count for progress', () => {
    expect(statusLine(running({ phase: 'sampling-corpus' }, 0), null, 10)).toBe(
      'Generation 0 (1 of 10) — sampling the corpus',
    );
  });

  it('reads a training step with the ETA', () => {
    const run = running({ phase: 'training', step: 120, totalSteps: 300 });
    expect(statusLine(run, 130, 10)).toBe(
      'Generation 2 (3 of 10) — training, step 120/300, about 2 min left',
    );
  });

  it('names every phase in words', () => {
    expect(phaseDetail(running({ phase: 'sampling-corpus' }).current)).toBe('sampling the corpus');
    expect(phaseDetail(running({ phase: 'evaluating' }).current)).toBe('evaluating');
    expect(phaseDetail(running({ phase: 'generating', done: 1200, total: 6000 }).current)).toBe(
      'generating, 1,200/6,000 characters',
    );
    expect(phaseDetail(running({ phase: 'writing-back' }).current)).toBe('writing back');
    expect(phaseDetail(running({ phase: null }).current)).toBeNull();
  });

  it('says what each status means, keeping finished results in view', () => {
    expect(statusLine(IDLE_RUN, null, 10)).toBe('Ready: press Play to run 10 generations.');
    expect(
      statusLine({ ...running({ phase: 'training', step: 5, totalSteps: 300 }), status: 'paused' }, 60, 10),
    ).toBe('Paused at generation 2 (3 of 10) — training, step 5/300.');
    expect(statusLine({ ...running({}, 4), status: 'stopped' }, null, 10)).toBe(
      'Stopped after 4 of 10 generations; the results so far are kept.',
    );
    expect(statusLine({ ...running({}, 10), status: 'complete' }, null, 10)).toBe(
      'Done: 10 of 10 generations.',
    );
    expect(statusLine({ ...running({}, 1), status: 'failed', error: 'the loss diverged' }, null, 10)).toBe(
      'Failed after 1 of 10 generations: the loss diverged. The results so far are kept.',
    );
  });

  it('announces only the generation and phase to screen readers while running', () => {
    expect(announcement(running({ phase: 'training', step: 120, totalSteps: 300 }), 10)).toBe(
      'Generation 2 (3 of 10) — training',
    );
  });
});

describe('ETA wording', () => {
  it('rounds to minutes and hours', () => {
    expect(formatEta(null)).toBeNull();
    expect(formatEta(20)).toBe('less than a minute left');
    expect(formatEta(130)).toBe('about 2 min left');
    expect(formatEta(3600)).toBe('about 1 h left');
    expect(formatEta(4800)).toBe('about 1 h 20 min left');
  });
});

describe('progress value (in generations)', () => {
  it('moves through a generation by phase and step', () => {
    const start = progressValue(running({ phase: 'sampling-corpus' }), 10);
    const mid = progressValue(running({ phase: 'training', step: 150, totalSteps: 300 }), 10);
    const late = progressValue(running({ phase: 'generating', done: 10, total: 10 }), 10);
    expect(start).toBeCloseTo(2, 5);
    expect(mid).toBeCloseTo(2.41, 5);
    expect(late).toBeCloseTo(2.98, 5);
    expect(start).toBeLessThan(mid);
  });

  it('is the count of finished generations between them and at the end', () => {
    expect(progressValue(running({ phase: null }), 10)).toBe(2);
    expect(
      progressValue({ ...running({ phase: 'writing-back', generation: 9 }, 10), status: 'complete' }, 10),
    ).toBe(10);
    expect(progressValue(IDLE_RUN, 10)).toBe(0);
  });
});

describe('end-of-generation announcement', () => {
  const report = (generation: number, perplexity: number) => ({ generation, perplexity });

  it('says the generation, its perplexity and how far it is from generation 0', () => {
    expect(generationAnnouncement([], null)).toBe('');
    expect(generationAnnouncement([report(0, 6.19)], null)).toBe('Generation 0 done: perplexity 6.2.');
    expect(generationAnnouncement([report(0, 6.7), report(1, 9.3), report(3, 12.8)], null)).toBe(
      'Generation 3 done: perplexity 12.8, 1.9x generation 0.',
    );
  });

  it('says so when the model is no better than an untrained one', () => {
    expect(generationAnnouncement([report(0, 6), report(1, 58)], 1)).toBe(
      'Generation 1 done: perplexity 58.0, 9.7x generation 0. No better than an untrained model from here on.',
    );
  });
});
