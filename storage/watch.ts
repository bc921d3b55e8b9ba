// The library as it changes: pages read and quotations saved in any extension context (Dexie's liveQuery).
import { liveQuery } from 'dexie';
import { readerDb } from './db';

/**
 * Calls `changed` each time a reading or a saved quotation is added or updated (not for the first look), and
 * `failed` when the database cannot be read. Returns what stops watching.
 */
export function watchLibrary(changed: () => void, failed: (error: unknown) => void, db = readerDb()): () => void {
  let first = true;
  const subscription = liveQuery(async () => [
    await db.readings.count(),
    (await db.readings.orderBy('readAt').last())?.readAt ?? 0,
    await db.savedQuotes.count(),
  ]).subscribe({
    next: () => {
      if (first) {
        first = false;
        return;
      }
      changed();
    },
    error: failed,
  });
  return () => subscription.unsubscribe();
}
