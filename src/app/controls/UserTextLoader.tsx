import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { fetchCorpusText } from '../../engine/text/fetch-text';
import { loadUserText, type TextLoadResult } from '../../engine/text/user-text';
import { useAppStore } from '../store/app-store';
import { applySettings } from './apply-settings';
import { describeUserCorpus, fileProblem, nameForUrl, toUserCorpus, URL_MAX_BYTES, URL_TIMEOUT_MS } from './corpus-load';

type LoadState = { kind: 'idle' } | { kind: 'loading'; what: string; cancellable: boolean } | { kind: 'error'; message: string };

/**
 * The teacher's own text: pasted, a .txt file (chooser or drag and drop) or a web address. Each
 * failure shows the loader's own message; success shows the name, size and every repair made.
 */
export function UserTextLoader() {
  const id = useId();
  const userCorpus = useAppStore((s) => s.userCorpus);
  const [state, setState] = useState<LoadState>({ kind: 'idle' });
  const [pasted, setPasted] = useState('');
  const [url, setUrl] = useState('');
  const [dragging, setDragging] = useState(false);
  const download = useRef<AbortController | null>(null);
  useEffect(() => () => download.current?.abort(), []);

  const accept = (name: string, result: TextLoadResult, extraNotices: string[] = []): void => {
    if (!result.ok) {
      setState({ kind: 'error', message: result.error });
      return;
    }
    const { setUserCorpus, config } = useAppStore.getState();
    setUserCorpus(toUserCorpus(name, result, extraNotices));
    const error = applySettings({ ...config, corpus: { ...config.corpus, source: 'user' } });
    setState(error ? { kind: 'error', message: error } : { kind: 'idle' });
  };

  const readFile = async (file: File, extraNotices: string[] = []): Promise<void> => {
    const problem = fileProblem(file);
    if (problem) {
      setState({ kind: 'error', message: problem });
      return;
    }
    setState({ kind: 'loading', what: `Reading "${file.name}"…`, cancellable: false });
    try {
      accept(file.name, loadUserText(new Uint8Array(await file.arrayBuffer())), extraNotices);
    } catch (e) {
      setState({ kind: 'error', message: `"${file.name}" could not be read: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  const loadUrl = async (): Promise<void> => {
    download.current?.abort();
    const controller = new AbortController();
    download.current = controller;
    setState({ kind: 'loading', what: `Loading ${nameForUrl(url)}…`, cancellable: true });
    const result = await fetchCorpusText(url, { timeoutMs: URL_TIMEOUT_MS, maxBytes: URL_MAX_BYTES, signal: controller.signal });
    if (download.current !== controller) return; // a newer load replaced this one
    download.current = null;
    accept(nameForUrl(url), result);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setDragging(false);
    const files = Array.from(e.dataTransfer.files);
    if (files.length > 0) {
      const extra = files.length > 1 ? [`${files.length} files were dropped; only the first, "${files[0].name}", is used.`] : [];
      void readFile(files[0], extra);
      return;
    }
    // Text dragged from another page arrives as a string: treat it like pasted text.
    const text = e.dataTransfer.getData('text/plain');
    if (text) accept('dropped text', loadUserText(text));
  };

  const loading = state.kind === 'loading';
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
        <button type="button" className="cl-button" disabled={loading || pasted.trim() === ''} onClick={() => accept('pasted text', loadUserText(pasted))}>
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
          Choose a file, or drop one here.
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
          {state.kind === 'loading' && state.cancellable ? (
            <button type="button" className="cl-button" onClick={() => download.current?.abort()}>
              Cancel
            </button>
          ) : (
            <button type="submit" className="cl-button" disabled={loading || url.trim() === ''}>
              Load
            </button>
          )}
        </div>
        <p id={`${id}-url-hint`} className="cl-hint">
          A plain-text file on a site that allows loading from other pages (CORS).
        </p>
      </form>

      <div aria-live="polite" className="cl-load-status">
        {state.kind === 'loading' && <p className="cl-loading">{state.what}</p>}
        {state.kind === 'error' && (
          <p className="cl-message cl-message-error" role="alert">
            {state.message}
          </p>
        )}
        {state.kind === 'idle' && userCorpus && (
          <div className="cl-loaded">
            <p>
              <strong>Loaded:</strong> {describeUserCorpus(userCorpus)}
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
