/** The Theory view's controls: every one a labelled native input, so keyboards and screen readers work as they do anywhere. */
import { useId } from 'react';
import { PARADIGMS, type Paradigm } from '../../engine/config/schema';
import { contributionAt, formatPercent, positionOf, SLIDER_MAX } from './shared/log-slider';
import {
  ALPHA_CHOICES,
  GENERATION_CHOICES,
  PARADIGM_LABELS,
  REAL_CHARS_CHOICES,
  RUN_CHOICES,
} from './shared/theory-settings';
import { useTheoryStore } from './shared/theory-store';

const isParadigm = (v: string): v is Paradigm => (PARADIGMS as readonly string[]).includes(v);

export function TheoryControls() {
  const settings = useTheoryStore((s) => s.settings);
  const setSettings = useTheoryStore((s) => s.setSettings);
  const id = useId();
  const percent = formatPercent(settings.contribution);

  return (
    <fieldset className="theory-controls">
      <legend>Settings</legend>
      <div className="theory-slider">
        <label htmlFor={`${id}-contribution`}>
          Generated text written back each generation:{' '}
          <output htmlFor={`${id}-contribution`}>{percent}</output> of the real corpus
        </label>
        <input
          id={`${id}-contribution`}
          type="range"
          min={0}
          max={SLIDER_MAX}
          step={1}
          value={positionOf(settings.contribution)}
          aria-valuetext={`${percent} of the real corpus per generation`}
          onChange={(e) => setSettings({ contribution: contributionAt(Number(e.target.value)) })}
        />
        <div className="theory-slider-ticks" aria-hidden="true">
          <span>0.1%</span>
          <span>1%</span>
          <span>10%</span>
          <span>100%</span>
        </div>
      </div>

      <label>
        How generated text enters the corpus
        <select
          value={settings.paradigm}
          onChange={(e) => isParadigm(e.target.value) && setSettings({ paradigm: e.target.value })}
        >
          {PARADIGMS.map((p) => (
            <option key={p} value={p}>
              {PARADIGM_LABELS[p]}
            </option>
          ))}
        </select>
      </label>

      <label>
        Runs (independent seeds)
        <select value={settings.runs} onChange={(e) => setSettings({ runs: Number(e.target.value) })}>
          {RUN_CHOICES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>

      <label>
        Generations
        <select
          value={settings.generations}
          onChange={(e) => setSettings({ generations: Number(e.target.value) })}
        >
          {GENERATION_CHOICES.map((g) => (
            <option key={g} value={g}>
              {g.toLocaleString('en')}
              {g >= 100_000 ? ' (slow: tens of seconds)' : ''}
            </option>
          ))}
        </select>
      </label>

      <label>
        Smoothing α (a systematic error)
        <select value={settings.alpha} onChange={(e) => setSettings({ alpha: Number(e.target.value) })}>
          {ALPHA_CHOICES.map((a) => (
            <option key={a} value={a}>
              {a === 0 ? '0 (unbiased)' : a}
            </option>
          ))}
        </select>
      </label>

      <label>
        Real corpus
        <select
          value={settings.realChars}
          onChange={(e) => setSettings({ realChars: Number(e.target.value) })}
        >
          {REAL_CHARS_CHOICES.map((c) => (
            <option key={c} value={c}>
              {c.toLocaleString('en')} characters
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
