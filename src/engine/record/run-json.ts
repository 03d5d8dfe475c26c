/**
 * run.json as text. Written the one way the CLI and the page's export both use; read back
 * (an import, a recorded run) refusing with a sentence a student can act on: too big, not JSON,
 * not a run, made by a newer version, or missing what the charts need (with where).
 */
import type { z } from 'zod';
import type { RunRecord } from './run-record';
import { RUN_RECORD_VERSION, runRecordSchema, type ImportedRunRecord } from './schema';

/** The text of run.json (one space of indent: readable, and a tenth smaller than two). */
export const runJsonText = (record: RunRecord): string => JSON.stringify(record, null, 1);

/** A run of thousands of generations with samples is a few MB; 50 MB is not a run.json. */
export const MAX_RUN_FILE_BYTES = 50 * 1024 * 1024;

export type RunFileResult = { ok: true; record: ImportedRunRecord } | { ok: false; message: string };

const refuse = (name: string, why: string): RunFileResult => ({
  ok: false,
  message: `${name} was not imported: ${why}.`,
});

/** Checked before reading, so a huge file is never loaded into memory. */
export function sizeProblem(name: string, bytes: number): RunFileResult | null {
  if (bytes > MAX_RUN_FILE_BYTES)
    return refuse(
      name,
      `it is ${(bytes / 1024 / 1024).toFixed(0)} MB, and a run.json is at most ${MAX_RUN_FILE_BYTES / 1024 / 1024} MB`,
    );
  if (bytes === 0) return refuse(name, 'the file is empty');
  return null;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues
    .slice(0, 3)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : 'the file'}: ${i.message}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : '';
  return `it is not a valid run.json (${shown.join('; ')}${more})`;
}

export function parseRunFile(name: string, text: string): RunFileResult {
  const size = sizeProblem(name, text.length);
  if (size) return size;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse(name, 'it is not JSON (a run.json is written by Export run or by npm run simulate)');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return refuse(name, 'it is JSON but not a run (expected an object with config and generations)');
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > RUN_RECORD_VERSION) {
    return refuse(
      name,
      `it was written by a newer Collapse Lab (run.json version ${version}; this page reads version ${RUN_RECORD_VERSION})`,
    );
  }
  if (!('generations' in json) || !('config' in json))
    return refuse(name, 'it is JSON but not a run (it has no config or generations)');
  const parsed = runRecordSchema.safeParse(json);
  if (!parsed.success) return refuse(name, describeIssues(parsed.error.issues));
  return { ok: true, record: parsed.data };
}
