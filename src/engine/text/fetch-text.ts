/**
 * Corpus text from a web address the user typed: the only network request the app ever makes.
 * Every failure (bad address, refused by CORS, timeout, HTTP error, not text) gets its own
 * message; the body then goes through the same checks as a file, streamed: a binary body is
 * refused at its first chunk, and a huge one is read only as far as a run can use (as files are).
 */
import { loadUserTextStream, readableChunks } from './text-stream';
import { DEFAULT_MAX_USER_CHARS, loadUserText, type TextLoadResult, type UserTextOptions } from './user-text';

const fail = (error: string): TextLoadResult => ({ ok: false, error });

export interface FetchTextOptions extends UserTextOptions {
  timeoutMs: number;
  /** Lets the user cancel the download. */
  signal?: AbortSignal;
}

const HTTP_MEANING: Readonly<Record<number, string>> = {
  400: 'bad request',
  401: 'a login is needed',
  403: 'access is forbidden',
  404: 'no file at this address',
  410: 'the file was removed',
  429: 'too many requests, try again later',
  500: 'the server had an error',
  502: 'bad gateway',
  503: 'the server is unavailable',
  504: 'the server timed out',
};

/** Content types that may hold plain text; anything else is refused by name. */
function isTextType(mime: string): boolean {
  return (
    mime === '' ||
    (mime.startsWith('text/') && mime !== 'text/html') ||
    mime === 'application/octet-stream' ||
    mime === 'application/json' ||
    mime === 'application/xml' ||
    mime.endsWith('+xml') ||
    mime.endsWith('+json')
  );
}

const isUnicodeLabel = (label: string): boolean =>
  /^(utf-?8|unicode-1-1-utf-8|utf-?16(le|be)?)$/i.test(label);

/**
 * A body in a legacy encoding the server declared (ISO-8859-1, Shift_JIS...): collected whole,
 * at most 4 bytes a character, since decoding falls back to that encoding only if the bytes are
 * not UTF-8, which the streaming check would refuse.
 */
async function readLegacy(
  body: ReadableStream<Uint8Array>,
  options: FetchTextOptions,
  charset: string,
): Promise<TextLoadResult> {
  const limit = 4 * (options.maxChars ?? DEFAULT_MAX_USER_CHARS);
  const chunks: Uint8Array[] = [];
  let received = 0;
  for await (const chunk of readableChunks(body)) {
    chunks.push(chunk);
    received += chunk.byteLength;
    if (received >= limit) break;
  }
  const all = new Uint8Array(Math.min(received, limit));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk.subarray(0, all.length - at), at);
    at += Math.min(chunk.byteLength, all.length - at);
  }
  // Cut at a line end, so no character is cut in two (0x0A is never part of another character
  // in UTF-8 or the legacy encodings); a cut character would make UTF-8 text look like Latin-1.
  const lineEnd = received > limit ? all.lastIndexOf(10) : -1;
  const bytes = lineEnd > 0 ? all.subarray(0, lineEnd + 1) : all;
  return loadUserText(bytes, { ...options, encoding: charset });
}

/**
 * Downloads text with the platform fetch (browser, worker or Node 20) and loads it as loadUserText
 * does. Never throws: every failure, from a typo in the address to a slow server, is a message.
 */
export async function fetchCorpusText(url: string, options: FetchTextOptions): Promise<TextLoadResult> {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return fail(
      `"${url}" is not a valid web address. A web address looks like https://example.org/story.txt (with https:// at the start).`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    const hint =
      parsed.protocol === 'file:'
        ? ' To use a file on this computer, choose it with the file button instead.'
        : '';
    return fail(`Only http:// and https:// addresses can be loaded, not "${parsed.protocol}".${hint}`);
  }
  const host = parsed.host;
  const seconds = `${Math.round(options.timeoutMs / 100) / 10} s`;
  if (options.signal?.aborted) return fail('Loading was cancelled.');
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onCancel = (): void => controller.abort();
  options.signal?.addEventListener('abort', onCancel);
  // A failure after an abort is the abort's doing: say which one.
  const aborted = (): TextLoadResult | null =>
    timedOut
      ? fail(
          `The server at ${host} did not send the text within ${seconds}. It may be slow or down; try again later or use a smaller file.`,
        )
      : options.signal?.aborted
        ? fail('Loading was cancelled.')
        : null;
  try {
    let response: Response;
    try {
      response = await fetch(parsed, { signal: controller.signal, redirect: 'follow' });
    } catch {
      return (
        aborted() ??
        fail(
          `Could not load the text from ${host}. The network may be down or the address wrong, or the server may not allow ` +
            "cross-origin requests (CORS), which a web page needs to read another site's files. Try downloading the file and opening it instead.",
        )
      );
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const meaning = HTTP_MEANING[response.status] ?? response.statusText;
      return fail(
        `The server at ${host} answered with HTTP error ${response.status}${meaning ? ` (${meaning})` : ''}. Check the address.`,
      );
    }
    const contentType = response.headers.get('content-type') ?? '';
    const mime = contentType.split(';')[0].trim().toLowerCase();
    if (!isTextType(mime)) {
      await response.body?.cancel().catch(() => undefined);
      const why =
        mime === 'text/html'
          ? 'a web page (HTML), not a plain-text file. Link to the .txt file itself, e.g. a "Plain Text UTF-8" download'
          : `"${mime}", not text`;
      return fail(`The address ${parsed.href} returns ${why}.`);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1] ?? options.encoding;
    if (!response.body) return loadUserText(new Uint8Array(0), options);
    try {
      return charset && !isUnicodeLabel(charset)
        ? await readLegacy(response.body, options, charset)
        : await loadUserTextStream(readableChunks(response.body), {
            ...options,
            totalBytes: Number.isFinite(declared) ? declared : undefined,
          });
    } catch {
      return (
        aborted() ?? fail(`The connection to ${host} broke off while the text was downloading. Try again.`)
      );
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
  }
}
