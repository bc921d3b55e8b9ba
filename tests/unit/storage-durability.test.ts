// Durability: persistence request, usage, purge detection with a sentinel, clearing the cache or everything.
import { describe, expect, it, vi } from 'vitest';
import { CacheDb } from '../../storage/db';
import { clearAll, detectPurge, type SideStore, storageStatus } from '../../storage/durability';
import { saveQuote } from '../../storage/quotes';
import { recordReading } from '../../storage/readings';
import { analysis, freshDb } from './storage-fixtures';

function memoryStore(): SideStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: async (k) => data.get(k), set: async (k, v) => void data.set(k, v) };
}

describe('purge detection', () => {
  it.each([
    ['first run: nothing to compare with', false, false],
    ['the database was wiped while the side store remembers it', true, true],
  ])('%s → purged=%s', async (_why, wipe, expected) => {
    const side = memoryStore();
    const db = freshDb();
    await detectPurge(side, db);
    if (wipe) {
      db.close();
      await db.delete();
    }
    const again = wipe ? freshDb() : db;
    expect(await detectPurge(side, again)).toBe(expected);
    // Reported once: the next check finds the new sentinel.
    expect(await detectPurge(side, again)).toBe(false);
  });

  it('clearing everything on purpose is not taken for a purge', async () => {
    const side = memoryStore();
    const db = freshDb();
    await detectPurge(side, db);
    await recordReading('https://a.example/1', analysis('ع', 'ن'), db);
    await clearAll('all', { reader: db, cache: new CacheDb(`c-${Math.random()}`) });
    expect(await db.readings.count()).toBe(0);
    expect(await detectPurge(side, db)).toBe(false);
  });
});

describe('storage status', () => {
  it('reports usage, quota, persistence and counts; asks for persistence only when told', async () => {
    const db = freshDb();
    const r = await recordReading('https://a.example/1', analysis('ع', 'ن'), db);
    await saveQuote({ readingId: r.id, exact: 'ن', prefix: '', suffix: '', start: 0, end: 1 }, db);
    const manager = {
      persisted: vi.fn(async () => false),
      persist: vi.fn(async () => true),
      estimate: vi.fn(async () => ({ usage: 1234, quota: 10_000 })),
    } as unknown as StorageManager;
    const quiet = await storageStatus({ side: memoryStore(), manager }, db);
    expect(quiet).toEqual({ usage: 1234, quota: 10_000, persisted: false, purged: false, readings: 1, savedQuotes: 1 });
    expect(manager.persist).not.toHaveBeenCalled();
    expect((await storageStatus({ side: memoryStore(), manager, requestPersist: true }, db)).persisted).toBe(true);
  });

  it('says "unknown" where the browser has no storage manager', async () => {
    const s = await storageStatus({ side: memoryStore(), manager: null }, freshDb());
    expect([s.usage, s.quota, s.persisted]).toEqual([null, null, null]);
  });

  it('clearing the cache keeps the reader data', async () => {
    const db = freshDb();
    await recordReading('https://a.example/1', analysis('ع', 'ن'), db);
    const cache = new CacheDb(`c-${Math.random()}`);
    await cache.cards.put({ key: 'k', qid: null, data: {}, fetchedAt: 0, expiresAt: 0 });
    await clearAll('cache', { reader: db, cache });
    expect([await db.readings.count(), await cache.cards.count()]).toEqual([1, 0]);
  });
});
