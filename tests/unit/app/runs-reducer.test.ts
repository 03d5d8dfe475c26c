import { describe, expect, it } from 'vitest';
import { runFacts } from '../../../src/app/runs/kept/kept-run';
import { finalPerplexity } from '../../../src/app/runs/kept/kept-run';
import {
  EMPTY_RUNS,
  freeStyleIndex,
  overlaidRuns,
  reduceRuns,
  type RunsAction,
  type RunsState,
} from '../../../src/app/runs/kept/runs-reducer';
import { keptRun, report } from '../../support/report-fixtures';

/** Applies actions in order; returns the state and every run dropped on the way. */
function apply(actions: RunsAction[], max = 8, start: RunsState = EMPTY_RUNS) {
  let state = start;
  const dropped: string[] = [];
  for (const action of actions) {
    const result = reduceRuns(state, action, max);
    state = result.state;
    dropped.push(...result.dropped.map((r) => r.id));
  }
  return { state, dropped };
}

const add = (id: string, createdAt: number, over = {}): RunsAction => ({
  type: 'upsert',
  run: keptRun(id, { createdAt, ...over }),
});

describe('runs list reducer', () => {
  it('keeps runs in the order they came, updating a live run in place', () => {
    const { state } = apply([
      add('a', 1),
      add('b', 2),
      {
        type: 'upsert',
        run: keptRun('a', { createdAt: 99, generations: [report(0), report(1), report(2)] }),
      },
    ]);
    expect(state.runs.map((r) => r.id)).toEqual(['a', 'b']);
    expect(state.runs[0].generations).toHaveLength(3);
    expect(state.runs[0].createdAt).toBe(1); // still the oldest: its age is when it entered the list
  });

  it('past the cap drops the oldest unpinned run, never a pinned one or the one on screen', () => {
    const { state, dropped } = apply(
      [
        add('a', 1),
        add('b', 2),
        add('c', 3),
        { type: 'set-pinned', id: 'a', pinned: true },
        { type: 'on-screen', id: 'b' },
        add('d', 4),
      ],
      3,
    );
    expect(dropped).toEqual(['c']);
    expect(state.runs.map((r) => r.id)).toEqual(['a', 'b', 'd']);
  });

  it('drops the oldest first when nothing is pinned', () => {
    const { state, dropped } = apply([add('a', 1), add('b', 2), add('c', 3), add('d', 4), add('e', 5)], 3);
    expect(dropped).toEqual(['a', 'b']);
    expect(state.runs.map((r) => r.id)).toEqual(['c', 'd', 'e']);
  });

  it('drops a recorded run (the page can fetch it again) before the user’s own older runs', () => {
    const { dropped } = apply([add('mine', 1), add('rec', 2, { origin: 'recorded' }), add('new', 3)], 2);
    expect(dropped).toEqual(['rec']);
  });

  it('keeps every run when all but the newest are pinned, rather than drop a pinned one', () => {
    const { state, dropped } = apply(
      [add('a', 1, { pinned: true }), add('b', 2, { pinned: true }), add('c', 3)],
      2,
    );
    expect(dropped).toEqual([]);
    expect(state.runs).toHaveLength(3);
  });

  it('a run update keeps the name, pin, overlay and colour the user gave it', () => {
    const { state } = apply([
      add('a', 1, { styleIndex: 4 }),
      { type: 'rename', id: 'a', label: '  class 4B, replace  ' },
      { type: 'set-pinned', id: 'a', pinned: true },
      { type: 'set-overlaid', id: 'a', overlaid: true },
      { type: 'upsert', run: keptRun('a', { label: 'automatic name', styleIndex: 0, status: 'stopped' }) },
    ]);
    expect(state.runs[0]).toMatchObject({
      label: 'class 4B, replace',
      pinned: true,
      overlaid: true,
      styleIndex: 4,
      status: 'stopped',
    });
  });

  it('ignores an empty name', () => {
    const { state } = apply([add('a', 1), { type: 'rename', id: 'a', label: '   ' }]);
    expect(state.runs[0].label).toBe('run a');
  });

  it('removing the run on screen leaves nothing on screen', () => {
    const { state } = apply([
      add('a', 1),
      add('b', 2),
      { type: 'on-screen', id: 'a' },
      { type: 'remove', id: 'a' },
    ]);
    expect(state.runs.map((r) => r.id)).toEqual(['b']);
    expect(state.onScreenId).toBeNull();
  });

  it('merges saved runs under this session’s, by age, this session winning on the same id', () => {
    const { state } = apply([
      add('b', 5, { label: 'this session' }),
      {
        type: 'loaded',
        runs: [keptRun('a', { createdAt: 1 }), keptRun('b', { createdAt: 5, label: 'saved copy' })],
      },
    ]);
    expect(state.runs.map((r) => [r.id, r.label])).toEqual([
      ['a', 'run a'],
      ['b', 'this session'],
    ]);
  });

  it('overlays the ticked runs with generations, never the run on screen', () => {
    const { state } = apply([
      add('a', 1, { overlaid: true }),
      add('b', 2, { overlaid: true }),
      add('c', 3, { overlaid: true, generations: [] }),
      add('d', 4),
      { type: 'on-screen', id: 'b' },
    ]);
    expect(overlaidRuns(state).map((r) => r.id)).toEqual(['a']);
  });

  it('gives a new run the lowest palette slot no kept run uses', () => {
    expect(freeStyleIndex([keptRun('a', { styleIndex: 0 }), keptRun('b', { styleIndex: 2 })])).toBe(1);
    expect(freeStyleIndex([])).toBe(0);
  });

  it('clear empties the list', () => {
    expect(apply([add('a', 1), { type: 'clear' }]).state).toEqual(EMPTY_RUNS);
  });
});

describe('runs list wording', () => {
  it('states generations and the final perplexity', () => {
    expect(runFacts(keptRun('a', { generations: [report(0), report(1, { perplexity: 12.345 })] }))).toBe(
      '2 generations, final perplexity 12.35',
    );
    expect(runFacts(keptRun('a', { generations: [] }))).toBe('no finished generation yet');
    expect(finalPerplexity(keptRun('a', { generations: [report(0, { perplexity: NaN })] }))).toBeNull();
  });
});
