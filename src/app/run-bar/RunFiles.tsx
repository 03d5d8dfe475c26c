import './run-files.css';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { shareUrl } from '../share/share-encoding';
import { isRunActive, useAppStore } from '../store/app-store';
import { copyText } from '../ui/clipboard';
import { isPlaybackOnScreen, usePlaybackStore } from '../runs/playback/show-run';
import { shownRunLabel, type ShownRunKind } from '../export/live-run-from-record';
import { exportMetricsCsv, exportRunJson, importRunFile } from './run-file-actions';

const SHOWN_WORDS: Record<ShownRunKind, string> = {
  imported: 'Showing a run imported from',
  recorded: 'Showing a recorded run (made with npm run record-runs, not running here):',
  saved: 'Showing a saved run (not running):',
};

/** The run bar's line for a run on screen that is not running here, with playback progress. */
function ShownRunBanner() {
  const run = useAppStore((s) => s.run);
  const shown = shownRunLabel(run);
  const playing = isPlaybackOnScreen(run);
  const progress = usePlaybackStore((s) =>
    playing && s.shown < s.total
      ? `, generation ${s.shown} of ${s.total} shown${s.playing ? ', playing back' : ', playback paused'}`
      : '',
  );
  if (shown === null) return null;
  return (
    <p className="rf-imported" aria-live="polite" data-shown-kind={shown.kind}>
      {SHOWN_WORDS[shown.kind]} {shown.name}
      {progress}
    </p>
  );
}

/**
 * Share and files: copy a link holding the settings, export the run on screen (run.json, the
 * CLI's format, and metrics.csv), import a run.json to view it. Shows "imported from <file>"
 * while an imported run is on screen, so nobody takes it for a live one.
 */
export function RunFiles() {
  const hasGenerations = useAppStore((s) => s.run.generations.length > 0);
  const active = useAppStore((s) => isRunActive(s.run));
  const [copied, setCopied] = useState<string | null>(null);
  const [fallbackLink, setFallbackLink] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const linkField = useRef<HTMLInputElement>(null);

  // Selected as it appears, so one copy shortcut takes the whole link.
  useEffect(() => {
    linkField.current?.focus();
    linkField.current?.select();
  }, [fallbackLink]);

  const copyLink = async (): Promise<void> => {
    const link = shareUrl(useAppStore.getState().config, window.location);
    if (await copyText(link)) {
      setFallbackLink(null);
      setCopied('Link copied: it opens these settings.');
    } else {
      setCopied('Copy the link below (Ctrl+C or ⌘C).');
      setFallbackLink(link);
    }
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (file) await importRunFile(file);
    // Clear, so choosing the same file again imports it again.
    input.value = '';
  };

  return (
    <div className="rf-files" role="group" aria-label="Share and files">
      <button
        type="button"
        className="rb-button"
        onClick={() => void copyLink()}
        title="Copy a link that opens the page with these settings"
      >
        Copy link
      </button>
      <button
        type="button"
        className="rb-button"
        onClick={exportRunJson}
        disabled={!hasGenerations}
        title="Save the run on screen as run.json (the CLI's format)"
      >
        Export run.json
      </button>
      <button
        type="button"
        className="rb-button"
        onClick={exportMetricsCsv}
        disabled={!hasGenerations}
        title="Save one row of metrics per generation, for a spreadsheet"
      >
        Export CSV
      </button>
      <button
        type="button"
        className="rb-button"
        onClick={() => fileInput.current?.click()}
        disabled={active}
        title={
          active
            ? 'Stop the run to import one'
            : 'Open a run.json (from Export or npm run simulate) to view it'
        }
      >
        Import run.json
      </button>
      {/* Reached through the button above (a styled, focusable control); hidden from the tab order. */}
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="run.json file to import"
        data-testid="run-file-input"
        onChange={(e) => void onFile(e)}
      />
      {fallbackLink !== null && (
        <input
          className="rf-link"
          type="text"
          readOnly
          value={fallbackLink}
          aria-label="Link to these settings"
          ref={linkField}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
      <span className="visually-hidden" role="status">
        {copied}
      </span>
      <ShownRunBanner />
    </div>
  );
}
