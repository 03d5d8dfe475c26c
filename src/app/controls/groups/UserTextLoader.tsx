import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { loadUserText } from '../../../engine/text/user-text';
import {
  fetchTextInWorker,
  readTextFile,
  type FileRead,
  type FileTextResult,
} from '../../../worker/text-loader-client';
import { useAppStore } from '../../store/app-store';
import { applySettings } from '../fields/apply-settings';
import { describeReading, describeUserCorpus, nameForUrl, toUserCorpus, URL_TIMEOUT_MS } from './corpus-load';

type LoadState =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string; bytesRead: number; totalBytes: number }
  | { kind: 'downloading'; what: string }
  | { kind: 'error'; message: string };

/**
 * The teacher's own text: pasted, a .txt file (chooser or drag and drop) or a web address. Files
 * and downloads are read and checked in a worker, with a Cancel (and progress for files); pasted
 * text is checked at once, so Play right after "Use pasted text" runs on it. Each failure shows the loader's own message
 * and keeps the text loaded before; success shows the name, size and every repair made (the settings
 * panel says how the settings fit the text).
 */
export function UserTextLoader() {
  const id = useId();
  const userCorpus = useAppStore((s) => s.userCorpus);
  const [state, setState] = useState<LoadState>({ kind: 'idle' });
  const [pasted, setPasted] = useState('');
  const [url, setUrl] = useState('');
  const [dragging, setDragging] = useState(false);
  /** Cancels the load in progress (file or download); null when none. */
  const cancelLoad = useRef<(() => void) | null>(null);
  useEffect(() => () => cancelLoad.current?.(), []);

  const accept = (name: string, result: FileTextResult, extraNotices: string[] = []): void => {
    if (!result.ok) {
      setState({ kind: 'error', message: result.error });
      return;
    }
    const { setUserCorpus, config: current } = useAppStore.getState();
    setUserCorpus(toUserCorpus(name, result, extraNotices));
    const error = applySettings({ ...current, corpus: { ...current.corpus, source: 'user' } });
    setState(error ? { kind: 'error', message: error } : { kind: 'idle' });
  };

  const readFile = (file: File, extraNotices: string[] = []): Promise<void> => {
    cancelLoad.current?.();
    setState({ kind: 'reading', name: file.name, bytesRead: 0, totalBytes: file.size });
    const read = readTextFile(file, (bytesRead, totalBytes) => {
      if (cancelLoad.current === read.cancel)
        setState({ kind: 'reading', name: file.name, bytesRead, totalBytes });
    });
    return runLoad(file.name, read, extraNotices);
  };

  /** Runs one load in the worker; a newer load, or Cancel, makes this one's answer moot. */
  const runLoad = async (name: string, load: FileRead, extraNotices: string[] = []): Promise<void> => {
    cancelLoad.current = load.cancel;
    const result = await load.result;
    if (cancelLoad.current !== load.cancel) return; // a newer load replaced this one
    cancelLoad.current = null;
    accept(name, result, extraNotices);
  };

  const loadUrl = (): Promise<void> => {
    cancelLoad.current?.();
    setState({ kind: 'downloading', what: `Loading ${nameForUrl(url)}…` });
    return runLoad(nameForUrl(url), fetchTextInWorker(url, URL_TIMEOUT_MS));
  };

  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setDragging(false);
    const files = Array.from(e.dataTransfer.files);
    if (files.length > 0) {
      const extra =
        files.length > 1
          ? [`${files.length} files were dropped; only the first, "${files[0].name}", is used.`]
          : [];
      void readFile(files[0], extra);
      return;
    }
    // Text dragged from another page arrives as a string: treat it like pasted text.
    const text = e.dataTransfer.getData('text/plain');
    if (text) accept('dropped text', loadUserText(text));
  };

  const loading = state.kind === 'reading' || state.kind === 'downloading';
  const cancelButton = (
    <button type="button" className="cl-button" onClick={() => cancelLoad.current?.()}>
      Cancel
    </button>
  );
  return (
    <div className="cl-loader" aria-busy={loading}>
      <div className="cl-field">
        <label htmlFor={`${id}-paste`}>Paste text</label>
        <textarea
          id={`${id}-paste`}
          rows={4}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
          placeholder="Stories, articles, a book chapter… at least 1,000 characters."
          aria-describedby={`${id}-paste-hint`}
        />
        <p id={`${id}-paste-hint`} className="cl-hint">
          Plain text; a few thousand characters or more works best.
        </p>
        <button
          type="button"
          className="cl-button"
          disabled={loading || pasted.trim() === ''}
          onClick={() => accept('pasted text', loadUserText(pasted))}
        >
          Use pasted text
        </button>
      </div>

      <div
        className={`cl-drop${dragging ? ' cl-drop-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={`${id}-file`}>A .txt file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".txt,text/plain"
          disabled={loading}
          aria-describedby={`${id}-file-hint`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // so choosing the same file again reloads it
            if (file) void readFile(file);
          }}
        />
        <p id={`${id}-file-hint`} className="cl-hint">
          Choose a file, or drop one here. A very large file is read up to the 5,000,000 characters a run can
          use.
        </p>
      </div>

      <form
        className="cl-field"
        // The loader's own messages are more specific than the browser's "Please enter a URL".
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void loadUrl();
        }}
      >
        <label htmlFor={`${id}-url`}>Web address</label>
        <div className="cl-inline">
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://www.gutenberg.org/…/file.txt"
            aria-describedby={`${id}-url-hint`}
          />
          <button type="submit" className="cl-button" disabled={loading || url.trim() === ''}>
            Load
          </button>
        </div>
        <p id={`${id}-url-hint`} className="cl-hint">
          A plain-text file on a site that allows loading from other pages (CORS).
        </p>
      </form>

      <div aria-live="polite" className="cl-load-status">
        {state.kind === 'reading' && (
          <div className="cl-loading">
            <label htmlFor={`${id}-reading`}>
              {describeReading(state.name, state.bytesRead, state.totalBytes)}
            </label>
            <div className="cl-inline">
              <progress
                id={`${id}-reading`}
                max={Math.max(1, state.totalBytes)}
                value={Math.min(state.bytesRead, state.totalBytes)}
              />
              {cancelButton}
            </div>
          </div>
        )}
        {state.kind === 'downloading' && (
          <div className="cl-loading cl-inline">
            <p>{state.what}</p>
            {cancelButton}
          </div>
        )}
        {state.kind === 'error' && (
          <p className="cl-message cl-message-error" role="alert">
            {state.message}
          </p>
        )}
        {userCorpus && (
          <div className="cl-loaded">
            <p>
              <strong>{state.kind === 'error' ? 'Still loaded:' : 'Loaded:'}</strong>{' '}
              {describeUserCorpus(userCorpus)}
            </p>
            {userCorpus.notices.length > 0 && (
              <ul className="cl-notices">
                {userCorpus.notices.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
