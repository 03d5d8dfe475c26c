/**
 * Reads one file the teacher chose, or downloads one address, off the main thread. A file's stream
 * goes through the streaming loader (checked chunk by chunk, refused early, read no further than
 * a run can use), with progress posted as it goes. The client starts one of these per load and
 * ends it when the answer arrives or the teacher cancels, so a cancel needs no message.
 */
import { fetchCorpusText } from '../engine/text/fetch-text';
import { loadUserTextStream, readableChunks } from '../engine/text/text-stream';
import type { TextLoadResult } from '../engine/text/user-text';
import type { TextLoaderCommand, TextLoaderEvent } from './text-loader-client';

/** Progress is posted at most this often: enough for a smooth bar, few messages. */
const PROGRESS_EVERY_MS = 100;

interface WorkerScope {
  postMessage(message: TextLoaderEvent): void;
  onmessage: ((e: MessageEvent<TextLoaderCommand>) => void) | null;
}

/** The page needs only the documents, not the whole text a second time. */
const withoutText = (result: TextLoadResult) =>
  result.ok
    ? { ok: true as const, documents: result.documents, chars: result.chars, notices: result.notices }
    : result;

async function readFile(scope: WorkerScope, file: File): Promise<TextLoadResult> {
  let lastPost = 0;
  try {
    return await loadUserTextStream(readableChunks(file.stream() as ReadableStream<Uint8Array>), {
      totalBytes: file.size,
      onProgress: (bytesRead) => {
        const now = performance.now();
        if (now - lastPost < PROGRESS_EVERY_MS) return;
        lastPost = now;
        scope.postMessage({ type: 'progress', bytesRead, totalBytes: file.size });
      },
    });
  } catch (e) {
    // A file removed or changed while it was read, or a permission the browser withdrew.
    const why = e instanceof Error && e.message ? e.message : 'the browser could not read it';
    return { ok: false, error: `"${file.name}" could not be read (${why}). Choose it again.` };
  }
}

async function load(scope: WorkerScope, command: TextLoaderCommand): Promise<void> {
  const result =
    command.type === 'file'
      ? await readFile(scope, command.file)
      : await fetchCorpusText(command.url, { timeoutMs: command.timeoutMs });
  scope.postMessage({ type: 'done', result: withoutText(result) });
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (e) => void load(scope, e.data);
