// Migration harness: a database of the shipped schema full of data, opened by a test-only next version, keeps every row.
import { describe, expect, it } from 'vitest';
import { CACHE_VERSIONS, CacheDb, READER_TABLES, READER_VERSIONS, ReaderDb, type SchemaVersion } from '../../storage/db';
import { saveQuote } from '../../storage/quotes';
import { correctActor, recordReading } from '../../storage/readings';
import { actor, analysis, quote } from './storage-fixtures';

/** The newest shipped schema version. */
const LATEST = READER_VERSIONS[READER_VERSIONS.length - 1]?.version ?? 1;

/** A plausible next version: a new index on saved quotations, a new table, and a field filled by the upgrade. */
const TEST_NEXT: SchemaVersion = {
  version: LATEST + 1,
  stores: { savedQuotes: 'id, readingId, pageKey, site, savedAt, speakerKey, *tags, updatedAt', collections: 'id, name' },
  upgrade: async (tx) => {
    await tx
      .table('readings')
      .toCollection()
      .modify((r: { wordCount?: number; actorCount: number }) => {
        r.wordCount = r.actorCount * 0; // a new field every old row must get
      });
  },
};

async function populate(name: string) {
  const db = new ReaderDb(name);
  for (let i = 0; i < 20; i++) {
    const a = actor(`a${i}`, `فلاديمير بوتين ${i}`);
    const r = await recordReading(
      `https://site${i % 3}.example/n/${i}`,
      analysis(`عنوان ${i}`, `نص ${i}`, [a], [quote(`قول ${i}`, a)]),
      db,
    );
    if (i % 2 === 0) await saveQuote({ readingId: r.id, exact: `قول ${i}`, prefix: '', suffix: '', start: 0, end: 5, tags: ['وسم'] }, db);
  }
  await correctActor('الرئيس الروسي', { name: 'فلاديمير بوتين', type: 'person', knowledgeId: null }, db);
  const counts: Record<string, number> = {};
  const rows: Record<string, unknown[]> = {};
  for (const t of READER_TABLES) {
    counts[t] = await db.table(t).count();
    rows[t] = await db.table(t).toArray();
  }
  db.close();
  return { counts, rows };
}

describe('reader schema migration', () => {
  it('the shipped versions start at 1 and only grow', () => {
    const versions = READER_VERSIONS.map((v) => v.version);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(CACHE_VERSIONS[0]?.version).toBe(1);
  });

  it('a database with data upgraded to a test-only next version keeps every row and gets the new field', async () => {
    const name = `migrate-${Math.random()}`;
    const before = await populate(name);
    expect(before.counts.readings).toBe(20);
    expect(before.counts.savedQuotes).toBe(10);

    const upgraded = new ReaderDb(name, [...READER_VERSIONS, TEST_NEXT]);
    await upgraded.open();
    expect(upgraded.verno).toBe(LATEST + 1);
    for (const t of READER_TABLES) {
      expect(await upgraded.table(t).count(), t).toBe(before.counts[t]);
    }
    const readings = await upgraded.table('readings').toArray();
    expect(readings.every((r) => r.wordCount === 0)).toBe(true);
    const strip = ({ wordCount: _w, ...rest }: Record<string, unknown>) => rest;
    expect(readings.map(strip)).toEqual(before.rows.readings);
    expect(await upgraded.table('savedQuotes').toArray()).toEqual(before.rows.savedQuotes);
    // The new index answers queries over the old rows.
    expect(await upgraded.table('savedQuotes').orderBy('updatedAt').count()).toBe(10);
    expect(await upgraded.table('collections').count()).toBe(0);
    upgraded.close();
  });

  it('older code opening a newer database neither downgrades it nor loses rows (Dexie 4 adapts)', async () => {
    const name = `newer-${Math.random()}`;
    await populate(name);
    const newer = new ReaderDb(name, [...READER_VERSIONS, TEST_NEXT]);
    await newer.open();
    newer.close();
    const old = new ReaderDb(name);
    await old.open();
    expect(old.backendDB().version / 10).toBe(LATEST + 1); // IndexedDB keeps the newer version (Dexie stores ×10)
    expect(await old.readings.count()).toBe(20);
    old.close();
  });

  it('the cache database is separate: clearing it leaves the reader data alone', async () => {
    const name = `sep-${Math.random()}`;
    await populate(name);
    const cache = new CacheDb(`cache-${Math.random()}`);
    await cache.wikimedia.put({ url: 'https://x', body: {}, fetchedAt: 0, expiresAt: 1 });
    await Promise.all(cache.tables.map((t) => t.clear()));
    const reader = new ReaderDb(name);
    expect(await reader.readings.count()).toBe(20);
    expect(await cache.wikimedia.count()).toBe(0);
  });
});
