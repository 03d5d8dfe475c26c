/**
 * The worker's side of the class as the filter: the loop's reviewer (RunOptions.reviewByClass)
 * becomes a request to the page, and the page's answer, matched by its id, settles it. One
 * request waits at a time (the loop asks once per generation); a cancelled run forgets it, so a
 * late answer to it is ignored.
 */
import type { ClassReviewer } from '../engine/loop/class-review';
import type { ClassReviewAsked } from './simulation-protocol';

export interface ClassReviewRelay {
  reviewer: ClassReviewer;
  /** The page's answer to request `id`: the indices of the documents the class kept. */
  answer(id: number, kept: readonly number[]): void;
}

export function createClassReviewRelay(ask: (request: ClassReviewAsked) => void): ClassReviewRelay {
  let lastId = 0;
  let waiting: { id: number; resolve(kept: readonly number[]): void } | null = null;
  return {
    reviewer: (request, signal) =>
      new Promise((resolve) => {
        const id = ++lastId;
        waiting = { id, resolve };
        signal.addEventListener(
          'abort',
          () => {
            if (waiting?.id === id) waiting = null;
          },
          { once: true },
        );
        ask({ ...request, id });
      }),
    answer(id, kept) {
      if (waiting?.id !== id) return;
      const { resolve } = waiting;
      waiting = null;
      resolve(kept);
    },
  };
}
