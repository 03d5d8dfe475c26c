/**
 * A file read as a stream of byte chunks (a browser File's stream(), a Node read stream): checked
 * as it arrives, so a binary or mis-encoded file is refused after its first chunk, and reading
 * stops once the most text a run can use (DEFAULT_MAX_USER_CHARS characters) is in hand.
 *
 * Why truncate rather than refuse a huge file: a run never uses more than that many characters,
 * so a 60 MB book dump is as good as its first few megabytes. Reading only those keeps memory
 * small and the wait short, whatever the file's size; a notice says where reading stopped.
 * The bytes read then go through loadUserText, so messages and repairs are the same as for a
 * file read whole.
 */
import {
  classifyHead,
  countLineFeeds,
  firstInvalidUtf8,
  HEAD_BYTES,
  invalidUtf8Message,
} from './byte-checks';
import {
  DEFAULT_MAX_USER_CHARS,
  EMPTY_FILE,
  loadUserText,
  type TextLoadResult,
  type UserTextOptions,
} from './user-text';

export interface TextStreamOptions extends UserTextOptions {
  /** The whole file's size in bytes, when known: for the notice when reading stops early. */
  totalBytes?: number;
  /** Cancels the read; the result is then the "cancelled" refusal. */
  signal?: AbortSignal;
  /** Called after every chunk with the bytes read so far. */
  onProgress?: (bytesRead: number) => void;
}

export const CANCELLED = 'Loading was cancelled.';

const formatBytes = (n: number): string =>
  n >= 1e6
    ? `${(n / 1e6).toFixed(1)} MB`
    : n >= 1e3
      ? `${(n / 1e3).toFixed(1)} kB`
      : `${n.toLocaleString('en-US')} bytes`;

/** Bytes at the end of `bytes` that start a UTF-8 character the next chunk must complete. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return length > back ? back : 0;
    }
  }
  return 0;
}

/**
 * Follows UTF-8 across chunk boundaries: where the first bad byte is (with its line), and how many
 * characters (code points) have gone by, to know when enough text has been read.
 */
class Utf8Follower {
  private carry = new Uint8Array(0);
  private offset = 0; // file offset of carry[0]
  private lines = 1;
  chars = 0;

  /** Checks a chunk; returns the refusal, or null. `skip` bytes at the file's start are a byte-order mark. */
  push(chunk: Uint8Array, skip: number): string | null {
    const bytes =
      this.carry.length > 0 ? concat([this.carry, chunk], this.carry.length + chunk.length) : chunk;
    const from = Math.max(0, skip - this.offset);
    const complete = bytes.length - incompleteTail(bytes);
    const bad = firstInvalidUtf8(bytes.subarray(from, complete));
    if (bad >= 0) {
      const at = from + bad;
      return invalidUtf8Message(bytes[at], this.offset + at, this.lines + countLineFeeds(bytes, 0, at));
    }
    for (let i = from; i < complete; i++) if ((bytes[i] & 0xc0) !== 0x80) this.chars++;
    this.lines += countLineFeeds(bytes, 0, complete);
    this.carry = bytes.slice(complete);
    this.offset += complete;
    return null;
  }

  /** At the end of the file: a character left unfinished is an error. */
  finish(): string | null {
    return this.carry.length > 0 ? invalidUtf8Message(this.carry[0], this.offset, this.lines) : null;
  }
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Byte offset just past the first `count` characters of valid UTF-8 (after a `skip`-byte mark). */
function utf8PrefixBytes(bytes: Uint8Array, count: number, skip: number): number {
  let seen = 0;
  for (let i = skip; i < bytes.length; i++) {
    if ((bytes[i] & 0xc0) !== 0x80) {
      if (seen === count) return i;
      seen++;
    }
  }
  return bytes.length;
}

type Readable = Exclude<ReturnType<typeof classifyHead>, { error: string }>;

/**
 * Loads user text from byte chunks, refusing as early as the bytes allow and reading no more than a
 * run can use. Reading errors (a file removed meanwhile) are thrown for the caller to word.
 */
export async function loadUserTextStream(
  chunks: AsyncIterable<Uint8Array>,
  options: TextStreamOptions = {},
): Promise<TextLoadResult> {
  const maxChars = options.maxChars ?? DEFAULT_MAX_USER_CHARS;
  const kept: Uint8Array[] = [];
  let read = 0;
  let kind: Readable | null = null;
  const utf8 = new Utf8Follower();
  let stoppedEarly = false;
  /** Checks newly read bytes: a refusal, 'enough' once a run's worth is in hand, or null. */
  const follow = (bytes: Uint8Array, k: Readable): string | null => {
    if (k.encoding !== 'utf-8') return (read - k.skip) / 2 > maxChars ? 'enough' : null;
    return utf8.push(bytes, k.skip) ?? (utf8.chars > maxChars ? 'enough' : null);
  };
  /** Decides the encoding from the head, then follows every byte read so far. */
  const start = (): string | null => {
    const all = concat(kept, read);
    const head = classifyHead(all.subarray(0, HEAD_BYTES));
    if ('error' in head) return head.error;
    kind = head;
    return follow(all, head);
  };
  for await (const chunk of chunks) {
    if (options.signal?.aborted) return { ok: false, error: CANCELLED };
    kept.push(chunk);
    read += chunk.byteLength;
    options.onProgress?.(read);
    if (kind === null && read < HEAD_BYTES) continue;
    const verdict = kind === null ? start() : follow(chunk, kind);
    if (verdict === 'enough') {
      stoppedEarly = true;
      break; // ends the iteration: the stream is cancelled, the rest never read
    }
    if (verdict) return { ok: false, error: verdict };
  }
  if (options.signal?.aborted) return { ok: false, error: CANCELLED };
  if (read === 0) return { ok: false, error: EMPTY_FILE };
  if (kind === null) {
    const verdict = start(); // a file shorter than the head
    if (verdict && verdict !== 'enough') return { ok: false, error: verdict };
    stoppedEarly = verdict === 'enough';
  }
  const k = kind as unknown as Readable;
  const bytes = concat(kept, read);
  if (!stoppedEarly) {
    const unfinished = k.encoding === 'utf-8' ? utf8.finish() : null;
    return unfinished ? { ok: false, error: unfinished } : loadUserText(bytes, options);
  }
  const used = k.encoding === 'utf-8' ? utf8PrefixBytes(bytes, maxChars, k.skip) : k.skip + 2 * maxChars;
  const result = loadUserText(bytes.subarray(0, used), options);
  if (!result.ok) return result;
  const size =
    options.totalBytes !== undefined ? `The file is ${formatBytes(options.totalBytes)}; reading` : 'Reading';
  const notice = `${size} stopped after its first ${maxChars.toLocaleString('en-US')} characters (${formatBytes(used)}), the most one run can use.`;
  return { ...result, notices: [notice, ...result.notices] };
}

/**
 * The chunks of a web ReadableStream (a File's stream(), a fetch body) as an async iterable,
 * through a reader rather than the stream's own iterator, which some browsers still lack.
 * Ending the iteration early cancels the stream, so the rest of a file is never read.
 */
export async function* readableChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
