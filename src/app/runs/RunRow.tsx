import { useState, type FormEvent } from 'react';
import { overlayStyle } from './kept/overlay-style';
import { ORIGIN_WORDS, runFacts, type KeptRun } from './kept/kept-run';
import { MAX_LABEL_LENGTH } from './kept/runs-reducer';
import { useRunsStore } from './kept/runs-store';
import { canResume, resumeKeptRun } from './resume-kept-run';
import { showKeptRun } from './playback/show-run';

interface Props {
  run: KeptRun;
  onScreen: boolean;
  /** A live run is going: nothing else can be put on screen. */
  busy: boolean;
}

/** One run of the list: its name (renamable), where it came from, status and figures, and actions. */
export function RunRow({ run, onScreen, busy }: Props) {
  const dispatch = useRunsStore((s) => s.dispatch);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(run.label);
  const style = overlayStyle(run.styleIndex);

  const commit = (event: FormEvent) => {
    event.preventDefault();
    dispatch({ type: 'rename', id: run.id, label: draft });
    setEditing(false);
  };

  return (
    <li className="runs-row" data-run-origin={run.origin} aria-current={onScreen ? 'true' : undefined}>
      <div className="runs-name">
        <svg width="28" height="12" aria-hidden="true" className="runs-swatch">
          <line
            x1="0"
            y1="6"
            x2="28"
            y2="6"
            stroke={style.colour}
            strokeWidth="3"
            strokeDasharray={style.dash}
          />
        </svg>
        {editing ? (
          <form onSubmit={commit} className="runs-rename">
            <input
              type="text"
              value={draft}
              maxLength={MAX_LABEL_LENGTH}
              aria-label={`New name for ${run.label}`}
              onChange={(e) => setDraft(e.currentTarget.value)}
              onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
              autoFocus
            />
            <button type="submit" className="runs-button">
              Save
            </button>
          </form>
        ) : (
          <span className="runs-label">{run.label}</span>
        )}
        <span className={`runs-badge runs-badge-${run.origin}`}>{ORIGIN_WORDS[run.origin]}</span>
        {onScreen && <span className="runs-badge">on screen</span>}
        {run.pinned && <span className="runs-badge">pinned</span>}
      </div>
      <p className="runs-facts">
        <span className="runs-status">{run.status}</span>, {runFacts(run)}
      </p>
      <div className="runs-actions" role="group" aria-label={`Actions for ${run.label}`}>
        <label className="runs-check">
          <input
            type="checkbox"
            checked={run.overlaid}
            disabled={onScreen || run.generations.length === 0}
            onChange={(e) =>
              dispatch({ type: 'set-overlaid', id: run.id, overlaid: e.currentTarget.checked })
            }
          />
          Overlay on charts
        </label>
        <button
          type="button"
          className="runs-button"
          onClick={() => showKeptRun(run)}
          disabled={busy || onScreen || run.generations.length === 0}
        >
          Show
        </button>
        {canResume(run) && (
          <button
            type="button"
            className="runs-button"
            onClick={() => resumeKeptRun(run)}
            disabled={busy}
            title="Continue this run from its last finished generation"
          >
            Resume
          </button>
        )}
        <button
          type="button"
          className="runs-button"
          onClick={() => (setDraft(run.label), setEditing(true))}
          disabled={editing}
        >
          Rename
        </button>
        <button
          type="button"
          className="runs-button"
          aria-pressed={run.pinned}
          onClick={() => dispatch({ type: 'set-pinned', id: run.id, pinned: !run.pinned })}
        >
          {run.pinned ? 'Unpin' : 'Pin'}
        </button>
        <button
          type="button"
          className="runs-button"
          onClick={() => dispatch({ type: 'remove', id: run.id })}
          disabled={onScreen && busy}
        >
          Remove
        </button>
      </div>
    </li>
  );
}
