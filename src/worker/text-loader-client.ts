/**
 * The page's way to read a teacher's file or web address: in a worker of its own
 * (text-loader.worker.ts), so a 60 MB file or a 32 MB download is checked and split without
 * blocking the page, with progress and a cancel. One worker per load; it is ended as soon as the
 * answer is in, or at once on cancel.
 */

/** What a file gives the page: its documents and the notices, or why it cannot be used. */
export type FileTextResult =
  { ok: true; documents: string[]; chars: number; notices: string[] } | { ok: false; error: string };

export type TextLoaderCommand =
  { type: 'file'; file: File } | { type: 'url'; url: string; timeoutMs: number };

export type TextLoaderEvent =
  { type: 'progress'; bytesRead: number; totalBytes: number } | { type: 'done'; result: FileTextResult };

export const CANCELLED_READ = 'Loading was cancelled.';

export interface FileRead {
  /** Settles once: the loader's answer, a cancel, or the worker's failure, as a message. */
  result: Promise<FileTextResult>;
  cancel(): void;
}

/** Reads a file the teacher chose; progress in bytes of the file. */
export function readTextFile(
  file: File,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
): FileRead {
  return start({ type: 'file', file }, `"${file.name}" could not be read`, onProgress);
}

/** Downloads and checks the text at a web address (the one request the page makes for it). */
export function fetchTextInWorker(url: string, timeoutMs: number): FileRead {
  return start({ type: 'url', url, timeoutMs }, 'The text could not be loaded');
}

function start(
  command: TextLoaderCommand,
  failed: string,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
): FileRead {
  // Vite bundles the worker from this URL expression; keep it literal.
  const worker = new Worker(new URL('./text-loader.worker.ts', import.meta.url), {
    type: 'module',
    name: 'text-loader',
  });
  let settle: (result: FileTextResult) => void = () => undefined;
  const result = new Promise<FileTextResult>((resolve) => {
    settle = (answer) => {
      worker.terminate();
      settle = () => undefined; // later messages and cancels change nothing
      resolve(answer);
    };
  });
  worker.onmessage = (e: MessageEvent<TextLoaderEvent>) => {
    if (e.data.type === 'progress') onProgress?.(e.data.bytesRead, e.data.totalBytes);
    else settle(e.data.result);
  };
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    settle({
      ok: false,
      error: `${failed}: the reader stopped (${e.message || 'it could not start'}). Reload the page and try again.`,
    });
  };
  worker.postMessage(command);
  return { result, cancel: () => settle({ ok: false, error: CANCELLED_READ }) };
}
