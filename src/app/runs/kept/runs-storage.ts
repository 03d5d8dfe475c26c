/**
 * The runs list in IndexedDB (through idb), so it survives a reload. Every call reports failure
 * as a sentence instead of throwing: private browsing, a full disk or a blocked database must
 * leave the page working, only without saved runs.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { KeptRun } from './kept-run';

const DB_NAME = 'collapse-lab-runs';
/** Bump with an upgrade step when the stored shape changes. */
const DB_VERSION = 1;
const STORE = 'runs';

interface RunsDb extends DBSchema {
  runs: { key: string; value: KeptRun };
}

export type StorageResult<T> = { ok: true; value: T } | { ok: false; message: string };

let opened: Promise<IDBPDatabase<RunsDb>> | null = null;

function database(): Promise<IDBPDatabase<RunsDb>> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new Error('this browser offers no IndexedDB'));
  opened ??= openDB<RunsDb>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id' });
    },
  }).catch((e: unknown) => {
    opened = null; // a later call may succeed (e.g. after the user frees space)
    throw e;
  });
  return opened;
}

function why(e: unknown): string {
  if (e instanceof DOMException && e.name === 'QuotaExceededError')
    return 'the browser has no storage space left for this page';
  return e instanceof Error ? e.message : String(e);
}

async function attempt<T>(
  what: string,
  work: (db: IDBPDatabase<RunsDb>) => Promise<T>,
): Promise<StorageResult<T>> {
  try {
    return { ok: true, value: await work(await database()) };
  } catch (e) {
    return {
      ok: false,
      message: `Saved runs are unavailable (${what}: ${why(e)}). Runs still work; they are kept until you close the page.`,
    };
  }
}

export const loadStoredRuns = () => attempt('reading', (db) => db.getAll(STORE));
export const storeRun = (run: KeptRun) => attempt('saving', (db) => db.put(STORE, run).then(() => undefined));
export const deleteStoredRun = (id: string) => attempt('removing', (db) => db.delete(STORE, id));
export const clearStoredRuns = () => attempt('clearing', (db) => db.clear(STORE));
