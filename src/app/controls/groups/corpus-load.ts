/**
 * Turning text a teacher brings into the store's UserCorpus, and the words the loader shows while
 * it reads. Pure: tested in Node. Files and downloads have no size limit: the reader stops once it
 * has the most text a run can use (5,000,000 characters), so a huge one costs no more than that.
 */
import type { TextLoadResult } from '../../../engine/text/user-text';
import type { FileTextResult } from '../../../worker/text-loader-client';
import type { UserCorpus } from '../../store/app-store';
import { formatChars } from '../fields/format';

export const URL_TIMEOUT_MS = 20_000;

/** A loaded text: the loader's ok result, read here (pasted text) or in the file worker (without the text itself). */
export type LoadedText = Extract<TextLoadResult | FileTextResult, { ok: true }>;

export function toUserCorpus(name: string, result: LoadedText, extraNotices: string[] = []): UserCorpus {
  return {
    name,
    documents: result.documents,
    chars: result.chars,
    notices: [...extraNotices, ...result.notices],
  };
}

/** One line for the loaded text: "story.txt: 12,345 characters in 14 documents". */
export function describeUserCorpus(corpus: UserCorpus): string {
  const docs = corpus.documents.length;
  return `${corpus.name}: ${formatChars(corpus.chars)} in ${docs.toLocaleString('en-US')} document${docs === 1 ? '' : 's'}`;
}

const megabytes = (bytes: number): string => (bytes / 1e6).toFixed(1);

/** The reading line: 'Reading "book.txt": 3.1 of 60.0 MB'. */
export function describeReading(name: string, bytesRead: number, totalBytes: number): string {
  if (totalBytes < 1e5) return `Reading "${name}"…`;
  return `Reading "${name}": ${megabytes(Math.min(bytesRead, totalBytes))} of ${megabytes(totalBytes)} MB`;
}

/** The name a URL's text is listed under: its file name, else its host. */
export function nameForUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    const file = parsed.pathname.split('/').filter(Boolean).pop();
    return file ? `${file} (${parsed.host})` : parsed.host;
  } catch {
    return url.trim();
  }
}
