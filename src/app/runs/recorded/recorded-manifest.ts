/**
 * The recorded runs shipped with the page (public/recorded/, written by npm run record-runs):
 * reading and checking index.json, and fetching one run. Paths are relative to the page, which
 * may be served from a sub-path. Failures come back as sentences, never as exceptions.
 */
import { z } from 'zod';
import { parseRunFile, type ImportedRunRecord } from '../../../engine/record';

/** Where the recordings live, relative to the page. */
export const RECORDED_BASE = 'recorded/';

const entrySchema = z.object({
  id: z.string().min(1),
  file: z.string().regex(/^[\w.-]+\.json$/, 'a plain .json file name next to index.json'),
  preset: z.string(),
  label: z.string().min(1),
  generations: z.number().int().min(1),
  finalPerplexity: z.number().nullable(),
  baselinePerplexity: z.number().nullable().optional(),
  seed: z.number().int(),
  command: z.string(),
  date: z.string(),
  bytes: z.number().int().min(0).optional(),
});

export const recordedManifestSchema = z.object({
  version: z.literal(1),
  runs: z.array(entrySchema),
});

export type RecordedEntry = z.output<typeof entrySchema>;

export type Fetched<T> = { ok: true; value: T } | { ok: false; message: string };

type FetchText = (url: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

const defaultFetch: FetchText = (url) => fetch(url);

/** Checks index.json's text; each problem is named with where it is. */
export function parseRecordedManifest(text: string): Fetched<RecordedEntry[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The list of recorded runs is damaged (index.json is not JSON).' };
  }
  const parsed = recordedManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      message: `The list of recorded runs is damaged (${issue.path.join('.') || 'index.json'}: ${issue.message}).`,
    };
  }
  return { ok: true, value: parsed.data.runs };
}

async function fetchText(url: string, what: string, fetchFn: FetchText): Promise<Fetched<string>> {
  try {
    const response = await fetchFn(url);
    if (!response.ok) return { ok: false, message: `${what} could not be loaded (HTTP ${response.status}).` };
    return { ok: true, value: await response.text() };
  } catch (e) {
    return {
      ok: false,
      message: `${what} could not be loaded (${e instanceof Error ? e.message : String(e)}).`,
    };
  }
}

export async function fetchRecordedManifest(
  fetchFn: FetchText = defaultFetch,
): Promise<Fetched<RecordedEntry[]>> {
  const text = await fetchText(`${RECORDED_BASE}index.json`, 'The list of recorded runs', fetchFn);
  return text.ok ? parseRecordedManifest(text.value) : text;
}

/** One recorded run, checked like an imported run.json. */
export async function fetchRecordedRun(
  entry: RecordedEntry,
  fetchFn: FetchText = defaultFetch,
): Promise<Fetched<ImportedRunRecord>> {
  const text = await fetchText(`${RECORDED_BASE}${entry.file}`, `The recorded run "${entry.label}"`, fetchFn);
  if (!text.ok) return text;
  const parsed = parseRunFile(entry.file, text.value);
  return parsed.ok ? { ok: true, value: parsed.record } : { ok: false, message: parsed.message };
}
