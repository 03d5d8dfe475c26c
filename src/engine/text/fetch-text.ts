/**
 * Corpus text from a web address the user typed: the only network request the app ever makes.
 * Every failure (bad address, refused by CORS, timeout, HTTP error, not text, too large) gets
 * its own message; the body then goes through the same checks as a file (loadUserText).
 */
import { loadUserText, type TextLoadResult, type UserTextOptions } from './user-text';

const fmt = (n: number): string => n.toLocaleString('en-US');
const fail = (error: string): TextLoadResult => ({ ok: false, error });

export interface FetchTextOptions extends UserTextOptions {
  timeoutMs: number;
  /** Lets the user cancel the download. */
  signal?: AbortSignal;
  /** Larger downloads are refused before (Content-Length) or while they arrive. */
  maxBytes: number;
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

const formatBytes = (n: number): string =>
  n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${fmt(n)} bytes`;

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
    const tooLarge = (size: string): TextLoadResult =>
      fail(
        `The file at ${host} is too large: ${size}, more than the ${formatBytes(options.maxBytes)} limit. Use a smaller file or raise the limit.`,
      );
    if (declared > options.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return tooLarge(formatBytes(declared));
    }
    const chunks: Uint8Array[] = [];
    let received = 0;
    const reader = response.body?.getReader();
    try {
      for (;;) {
        if (!reader) break;
        const { done, value } = await reader.read();
        if (done) break;
        received += value.byteLength;
        if (received > options.maxBytes) {
          await reader.cancel().catch(() => undefined);
          return tooLarge(`over ${formatBytes(options.maxBytes)}`);
        }
        chunks.push(value);
      }
    } catch {
      return (
        aborted() ?? fail(`The connection to ${host} broke off while the text was downloading. Try again.`)
      );
    }
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
    return loadUserText(bytes, { ...options, encoding: charset ?? options.encoding });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
  }
}
