/**
 * "Time to collapse against contamination": the paper's central result as a sweep over the
 * share lambda of generated text written back per generation, run in its own worker on the
 * Theory view's corpus. Every control is a labelled native input; Run and Cancel are buttons.
 */
import { useDeferredValue, useId } from 'react';
import { formatPercent } from '../shared/log-slider';
import { useTheoryStore } from '../shared/theory-store';
import { formatShare, sweepSummary } from './sweep-rows';
import {
  BIAS_CHOICES,
  parseLambdas,
  REAL_SHARE_CHOICES,
  SWEEP_RUN_CHOICES,
  TV_LEVEL_CHOICES,
} from './sweep-settings';
import { SweepChart } from './SweepChart';
import { sweepStatusText, useSweepStore, type SweepThreshold } from './sweep-store';
import { SweepTable } from './SweepTable';
import { useSweep } from './use-sweep';

const isThreshold = (v: string): v is SweepThreshold => v === 'tv' || v === 'realShare';

export function ContaminationSweepSection() {
  const id = useId();
  return (
    <section className="theory-sweep" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Time to collapse against contamination</h3>
      <p>
        The paper&rsquo;s central result: however little generated text each generation writes back, collapse
        comes, only later. For each share λ below, many runs of the count model go on until the corpus the
        models learn from has drifted a set distance from real text, and until real text is under a set share
        of it. Under <em>replace</em>, with no systematic error, that takes about 1/λ generations. Under{' '}
        <em>accumulate, train on a sample</em>, the real text is never thrown away, and only a systematic
        error b (here: smoothing toward uniform) moves the models far; then it takes about (1/λ)&nbsp;e
        <sup>D/b</sup> generations, exponentially longer as the error shrinks, but it still comes.
      </p>
      <SweepControls />
      <SweepResults titleId={`${id}-chart`} />
    </section>
  );
}

function SweepControls() {
  const id = useId();
  const params = useSweepStore((s) => s.params);
  const setParams = useSweepStore((s) => s.setParams);
  const status = useSweepStore((s) => s.run.status);
  const runState = useSweepStore((s) => s.run);
  const realChars = useTheoryStore((s) => s.settings.realChars);
  const { run, cancel } = useSweep();
  const parsed = parseLambdas(params.lambdasText);
  const error = 'error' in parsed ? parsed.error : null;
  const running = status === 'running';
  const submit = () => {
    if (!('lambdas' in parsed)) return;
    run({
      realChars,
      lambdas: parsed.lambdas,
      tvLevel: params.tvLevel,
      realShareLevel: params.realShareLevel,
      bias: params.bias,
      runs: params.runs,
    });
  };
  return (
    <>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <fieldset className="theory-controls">
          <legend>
            Sweep settings (on the real corpus above: {realChars.toLocaleString('en')} characters)
          </legend>
          <label className="theory-sweep-lambdas">
            Shares λ written back per generation, separated by commas (0.1 or 10%)
            <input
              type="text"
              inputMode="decimal"
              value={params.lambdasText}
              aria-invalid={error !== null}
              aria-describedby={`${id}-lambdas-help`}
              onChange={(e) => setParams({ lambdasText: e.target.value })}
            />
          </label>
          <p
            id={`${id}-lambdas-help`}
            className={error ? 'theory-sweep-error' : 'theory-sweep-help'}
            aria-live="polite"
          >
            {error ??
              `${parsed && 'lambdas' in parsed ? parsed.lambdas.map(formatShare).join(', ') : ''}: from 0.1% to 100%, at most 12.`}
          </p>
          <label>
            Collapsed when the corpus has drifted (total variation)
            <select value={params.tvLevel} onChange={(e) => setParams({ tvLevel: Number(e.target.value) })}>
              {TV_LEVEL_CHOICES.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
          <label>
            Real text used up when it is under
            <select
              value={params.realShareLevel}
              onChange={(e) => setParams({ realShareLevel: Number(e.target.value) })}
            >
              {REAL_SHARE_CHOICES.map((s) => (
                <option key={s} value={s}>
                  {formatPercent(s)} of the corpus
                </option>
              ))}
            </select>
          </label>
          <label>
            Systematic error b per refit (accumulate)
            <select value={params.bias} onChange={(e) => setParams({ bias: Number(e.target.value) })}>
              {BIAS_CHOICES.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
          </label>
          <label>
            Runs per share
            <select value={params.runs} onChange={(e) => setParams({ runs: Number(e.target.value) })}>
              {SWEEP_RUN_CHOICES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <div className="theory-sweep-buttons">
            <button type="submit" disabled={error !== null}>
              {running ? 'Run again with these settings' : 'Run the sweep'}
            </button>
            <button type="button" onClick={cancel} disabled={!running}>
              Cancel
            </button>
          </div>
        </fieldset>
      </form>
      <div className="theory-progress">
        <p role="status" aria-live="polite" data-testid="theory-sweep-status" data-status={status}>
          {sweepStatusText(runState)}
        </p>
        <progress
          max={1}
          value={running && runState.total > 0 ? runState.done / runState.total : status === 'done' ? 1 : 0}
          aria-hidden="true"
        />
      </div>
    </>
  );
}

function SweepResults({ titleId }: { titleId: string }) {
  const sweep = useDeferredValue(useSweepStore((s) => s.run.sweep));
  const threshold = useDeferredValue(useSweepStore((s) => s.threshold));
  const setThreshold = useSweepStore((s) => s.setThreshold);
  if (!sweep) return null;
  const title =
    threshold === 'tv'
      ? `Generations until the corpus has drifted ${sweep.settings.tvLevel} (total variation) from real text`
      : `Generations until real text is under ${formatPercent(sweep.settings.realShareLevel)} of the corpus`;
  return (
    <div className="theory-sweep-results" data-testid="theory-sweep-results">
      <label className="theory-sweep-threshold">
        Show the time until
        <select
          value={threshold}
          onChange={(e) => isThreshold(e.target.value) && setThreshold(e.target.value)}
        >
          <option value="tv">the corpus has drifted {sweep.settings.tvLevel} from real text</option>
          <option value="realShare">
            real text is under {formatPercent(sweep.settings.realShareLevel)} of the corpus
          </option>
        </select>
      </label>
      <ul className="theory-summary" aria-label="What the sweep shows">
        {sweepSummary(sweep, threshold).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <SweepChart sweep={sweep} threshold={threshold} titleId={titleId} title={title} />
      <details className="theory-notes">
        <summary>The numbers, and the laws</summary>
        <SweepTable sweep={sweep} threshold={threshold} caption={title} />
        <ul>
          <li>Replace, drift: {sweep.laws.replaceTv}</li>
          <li>Replace, real share: {sweep.laws.replaceRealShare}</li>
          <li>Accumulate, drift: {sweep.laws.accumulateTv}</li>
          <li>Accumulate, real share: {sweep.laws.accumulateRealShare}</li>
          <li>
            The systematic error b = {sweep.biased.bias} is add-α smoothing with α ={' '}
            {sweep.biased.alpha.toPrecision(3)} on each model&rsquo;s{' '}
            {sweep.settings.trainingTokens.toLocaleString('en')} tokens; it can take the corpus at most{' '}
            {sweep.biased.limit.toFixed(3)} (the distance to the uniform law) from real text. Runs stop after{' '}
            {sweep.settings.maxGenerations.toLocaleString('en')} generations.
          </li>
        </ul>
      </details>
    </div>
  );
}
