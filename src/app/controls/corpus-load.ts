/**
 * Turning text a teacher brings into the store's UserCorpus, and the checks that come before the
 * engine's loader (loadUserText) sees the bytes. Pure: tested in Node.
 */
import type { TextLoadResult } from '../../engine/text/user-text';
import type { UserCorpus } from '../store/app-store';
import { formatChars } from './format';

/** Files above this are refused before reading: the loader keeps 5,000,000 characters at most anyway. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
export const URL_TIMEOUT_MS = 20_000;
export const URL_MAX_BYTES = 32 * 1024 * 1024;

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** A reason not to read this file at all, or null. Empty and binary files are the loader's to explain. */
export function fileProblem(file: { name: string; size: number }): string | null {
  if (file.size > MAX_FILE_BYTES) {
    return `"${file.name}" is ${megabytes(file.size)}; files up to ${megabytes(MAX_FILE_BYTES)} can be used. Cut it to a chapter or two (a few hundred kB is plenty).`;
  }
  return null;
}

export function toUserCorpus(name: string, result: Extract<TextLoadResult, { ok: true }>, extraNotices: string[] = []): UserCorpus {
  const chars = result.documents.reduce((n, d) => n + d.length, 0);
  return { name, documents: result.documents, chars, notices: [...extraNotices, ...result.notices] };
}

/** One line for the loaded text: "story.txt: 12,345 characters in 14 documents". */
export function describeUserCorpus(corpus: UserCorpus): string {
  const docs = corpus.documents.length;
  return `${corpus.name}: ${formatChars(corpus.chars)} in ${docs.toLocaleString('en-US')} document${docs === 1 ? '' : 's'}`;
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
