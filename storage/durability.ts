// Durability: persistent storage, usage, and detecting that the browser purged the reader's data.
import type { StorageStatus } from '../types/library';
import { type ReaderDb, readerDb } from './db';

/** A small key-value store that lives outside IndexedDB (browser.storage.local in the extension). */
export interface SideStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

const SENTINEL_KEY = 'sentinel';
const SIDE_KEY = 'siyaq.dbSentinel';

/** The browser's storage manager where there is one (extension pages and service workers). */
function storageManager(): StorageManager | null {
  return (globalThis.navigator as Navigator | undefined)?.storage ?? null;
}

/**
 * True when the database lost its sentinel while the side store still remembers it: the browser purged
 * IndexedDB. Writes the sentinel on first run (and again after a purge, so it is reported once).
 */
export async function detectPurge(side: SideStore, db: ReaderDb = readerDb()): Promise<boolean> {
  const remembered = (await side.get(SIDE_KEY)) as string | undefined;
  const row = await db.meta.get(SENTINEL_KEY);
  if (row && typeof row.value === 'string') {
    if (remembered !== row.value) await side.set(SIDE_KEY, row.value);
    return false;
  }
  const value = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await db.meta.put({ key: SENTINEL_KEY, value });
  await side.set(SIDE_KEY, value);
  return typeof remembered === 'string';
}

/** Usage, quota, persistence and purge state, optionally asking the browser to keep the data. */
export async function storageStatus(
  options: { requestPersist?: boolean; side: SideStore; manager?: StorageManager | null },
  db: ReaderDb = readerDb(),
): Promise<StorageStatus> {
  const manager = options.manager === undefined ? storageManager() : options.manager;
  const purged = await detectPurge(options.side, db);
  let persisted: boolean | null = null;
  let usage: number | null = null;
  let quota: number | null = null;
  try {
    if (manager?.persisted) persisted = await manager.persisted();
    if (options.requestPersist && manager?.persist && !persisted) persisted = await manager.persist();
    if (manager?.estimate) {
      const e = await manager.estimate();
      usage = e.usage ?? null;
      quota = e.quota ?? null;
    }
  } catch {
    // Some contexts refuse these calls; the status then says "unknown".
  }
  return { usage, quota, persisted, purged, readings: await db.readings.count(), savedQuotes: await db.savedQuotes.count() };
}

/** Clear what can be rebuilt, or everything; the purge sentinel is rewritten so a clear is not taken for a purge. */
export async function clearAll(scope: 'all' | 'cache', dbs: { reader: ReaderDb; cache: { tables: { clear(): Promise<void> }[] } }) {
  for (const t of dbs.cache.tables) await t.clear();
  if (scope === 'all') {
    const reader = dbs.reader;
    const sentinel = await reader.meta.get(SENTINEL_KEY);
    await reader.transaction('rw', reader.tables, async () => {
      for (const t of reader.tables) await t.clear();
      if (sentinel) await reader.meta.put(sentinel);
    });
  }
  return { cleared: scope };
}
