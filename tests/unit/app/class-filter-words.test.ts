import { describe, expect, it } from 'vitest';
import { choiceSummary, continueLabel } from '../../../src/app/lessons/class-filter/class-choice-words';
import { foldRun } from '../../../src/app/store/fold-run';
import { IDLE_RUN } from '../../../src/app/store/live-run';
import { PROTOCOL_VERSION, type ClassReviewAsked } from '../../../src/worker/simulation-protocol';

const record = (kept: number, keptChars: number, filledChars: number) => ({
  offered: 6,
  kept,
  discarded: 6 - kept,
  keptChars,
  filledChars,
  discardedTexts: [],
});

describe('what the page says about the class’s choice', () => {
  it.each([
    [
      record(4, 980, 1_020),
      "You kept 4 of 6; the other 1,020 characters are the model's next documents, as without the class.",
    ],
    [
      record(6, 1_245, 755),
      "You kept all 6; the other 755 characters are the model's next documents, as without the class.",
    ],
    [
      record(0, 0, 2_000),
      "You kept none of 6; all 2,000 characters are the model's next documents, as without the class.",
    ],
    [record(3, 500, 0), 'You kept 3 of 6; they fill all 500 characters this generation writes back.'],
  ])('%j reads %s', (r, words) => {
    expect(choiceSummary(r)).toBe(words);
  });

  it.each([
    [4, 6, 'Continue with these 4'],
    [6, 6, 'Continue with all 6'],
    [0, 6, 'Continue with none of them'],
  ])('%i kept of %i: the button says "%s"', (kept, offered, label) => {
    expect(continueLabel(kept, offered)).toBe(label);
  });
});

describe('the review waiting on the page', () => {
  const request: ClassReviewAsked = {
    id: 3,
    generation: 2,
    budget: 2_000,
    offered: [{ text: 'Once', nonWords: [] }],
  };
  const asked = foldRun(
    { ...IDLE_RUN, status: 'running' },
    { type: 'classReview', version: PROTOCOL_VERSION, request },
    0,
  );

  it('shows the documents until the class answers them, or the run stops', () => {
    expect(asked.classReview).toEqual(request);
    expect(foldRun(asked, { type: 'class-review-answered', id: 3 }, 0).classReview).toBeNull();
    expect(foldRun(asked, { type: 'class-review-answered', id: 2 }, 0).classReview).toEqual(request);
    expect(foldRun(asked, { type: 'stopped-by-user' }, 0).classReview).toBeNull();
    expect(foldRun(asked, { type: 'worker-crashed', message: 'gone' }, 0).classReview).toBeNull();
  });
});
