// Storage faults: a full disk, two tabs at once, a save cut off halfway, an upgrade blocked by an old
// connection, a hostile backup. Whatever happens, a save is whole or absent and nothing already kept is lost.
import { describe, expect, it, vi } from 'vitest';
import { exportBackup, importBackup } from '../../storage/backup';
import { READER_VERSIONS, ReaderDb, type SchemaVersion } from '../../storage/db';
import { saveQuote } from '../../storage/quotes';
import { forgetSite, recordReading } from '../../storage/readings';
import { actor, analysis, freshDb, quote } from './storage-fixtures';

const putin = actor('a1', 'فلاديمير بوتين');
const lavrov = actor('a2', 'سيرغي لافروف');
const first = analysis('عنوان', 'قال بوتين «لن نتراجع»', [putin], [quote('لن نتراجع', putin, 12)]);
const second = analysis(
  'عنوان',
  'قال لافروف «سنرد» و«لن نقبل»',
  [putin, lavrov],
  [quote('سنرد', lavrov, 12), quote('لن نقبل', lavrov, 20)],
);

async function everything(db: ReaderDb) {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('a save is whole or absent', () => {
  it('a full disk halfway through recording a reading writes none of it', async () => {
    const db = freshDb();
    const spy = vi.spyOn(db.readingQuotes, 'bulkPut').mockRejectedValue(quotaError());
    await expect(recordReading('https://news.example/a/1', first, db)).rejects.toThrow(/quota/i);
    spy.mockRestore();
    expect(await db.readings.count(), 'no reading without its actors and quotations').toBe(0);
    expect(await db.readingActors.count()).toBe(0);
  });

  it('a full disk while re-reading an article keeps the reading as it was', async () => {
    const db = freshDb();
    await recordReading('https://news.example/a/1', first, db);
    const before = await everything(db);
    const spy = vi.spyOn(db.readingQuotes, 'bulkPut').mockRejectedValue(quotaError());
    await expect(recordReading('https://news.example/a/1', second, db)).rejects.toThrow(/quota/i);
    spy.mockRestore();
    // The old actors and quotations were deleted inside the failed transaction: they must all be back.
    expect(await everything(db)).toEqual(before);
  });

  it('a save cut off halfway (the worker stopped) leaves no half-written quotation and can simply be repeated', async () => {
    const db = freshDb();
    const r = await recordReading('https://news.example/a/1', first, db);
    const input = { readingId: r.id, exact: 'لن نتراجع', prefix: 'بوتين «', suffix: '»', start: 12, end: 21 };
    const spy = vi.spyOn(db.savedQuotes, 'put').mockImplementationOnce(() => {
      throw new Error('the service worker was stopped');
    });
    await expect(saveQuote(input, db)).rejects.toThrow(/stopped/);
    spy.mockRestore();
    expect(await db.savedQuotes.count()).toBe(0);
    const again = await saveQuote(input, db);
    const twice = await saveQuote(input, db);
    expect(twice.id, 'a retried save is the same quotation, not a copy').toBe(again.id);
    expect(await db.savedQuotes.count()).toBe(1);
  });
});

describe('two tabs at once', () => {
  it('the same article read in two tabs at the same moment is one reading', async () => {
    const db = freshDb();
    await Promise.all([
      recordReading('https://news.example/a/1?utm_source=x', first, db),
      recordReading('https://news.example/a/1', first, db),
      recordReading('https://news.example/a/1#comments', first, db),
    ]);
    expect(await db.readings.count()).toBe(1);
    expect(await db.readingActors.count()).toBe(1);
  });

  it('the same quotation saved from two tabs at once is saved once; different ones both arrive', async () => {
    const db = freshDb();
    const r = await recordReading('https://news.example/a/2', second, db);
    const save = (exact: string, start: number) =>
      saveQuote({ readingId: r.id, exact, prefix: '', suffix: '', start, end: start + exact.length }, db);
    await Promise.all([save('سنرد', 12), save('سنرد', 12), save('لن نقبل', 20), save('لن نقبل', 20)]);
    expect((await db.savedQuotes.toArray()).map((q) => q.exact).sort()).toEqual(['سنرد', 'لن نقبل']);
  });
});

describe('schema upgrades', () => {
  const NEXT = (READER_VERSIONS[READER_VERSIONS.length - 1]?.version ?? 1) + 1;
  const V2: SchemaVersion = { version: NEXT, stores: { collections: 'id' } };

  it('an open older connection (another tab of the panel) steps aside, and the upgrade keeps every row', async () => {
    const name = `blocked-${Math.random()}`;
    const old = new ReaderDb(name);
    await recordReading('https://news.example/a/1', first, old);
    const upgraded = new ReaderDb(name, [...READER_VERSIONS, V2]);
    await upgraded.open();
    expect(upgraded.verno).toBe(NEXT);
    expect(await upgraded.readings.count()).toBe(1);
    expect(old.isOpen(), 'the old connection closed itself on versionchange').toBe(false);
  });

  it('a connection that never lets go blocks the upgrade, which waits, is reported, and completes once it closes', async () => {
    const name = `stubborn-${Math.random()}`;
    const seed = new ReaderDb(name);
    await recordReading('https://news.example/a/1', first, seed);
    seed.close();
    // A raw connection without a versionchange handler, as a stale page of an older build would hold.
    const stubborn = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const upgraded = new ReaderDb(name, [...READER_VERSIONS, V2]);
    const blocked = vi.fn();
    upgraded.on('blocked', blocked);
    const opening = upgraded.open();
    await vi.waitFor(() => expect(blocked).toHaveBeenCalled());
    expect(upgraded.isOpen()).toBe(false);
    stubborn.close();
    await opening;
    expect(upgraded.verno).toBe(NEXT);
    expect(await upgraded.readings.count(), 'nothing lost while waiting').toBe(1);
  });
});

describe('hostile backup files', () => {
  async function backupWith(mutate: (file: { data: { data: { tableName: string; rows: Record<string, unknown>[] }[] } }) => void) {
    const source = freshDb();
    await recordReading('https://news.example/a/1', first, source);
    const file = JSON.parse((await exportBackup(source)).json);
    mutate(file);
    return JSON.stringify(file);
  }
  const readingsOf = (file: { data: { data: { tableName: string; rows: Record<string, unknown>[] }[] } }) =>
    file.data.data.find((t) => t.tableName === 'readings')!.rows;

  // change to a good backup → why it must be refused
  const hostile: [string, (file: Parameters<Parameters<typeof backupWith>[0]>[0]) => void][] = [
    ['a javascript: link in the history', (f) => Object.assign(readingsOf(f)[0]!, { url: 'javascript:alert(document.cookie)' })],
    ['a data: URL as a saved page', (f) => Object.assign(readingsOf(f)[0]!, { url: 'data:text/html,<script>alert(1)</script>' })],
    ['a value typed as a function', (f) => Object.assign(readingsOf(f)[0]!, { $types: { title: 'function' } })],
    ['rows that are not objects', (f) => readingsOf(f).push('<img src=x onerror=alert(1)>' as never)],
    ['a table the app does not have', (f) => f.data.data.push({ tableName: 'settings', rows: [] })],
  ];
  it.each(hostile)('rejects %s and keeps what the reader had', async (_why, mutate) => {
    const json = await backupWith(mutate);
    const target = freshDb();
    await recordReading('https://mine.example/b/2', second, target);
    const before = await everything(target);
    await expect(importBackup(json, target)).rejects.toThrow(/backup/);
    expect(await everything(target)).toEqual(before);
  });

  it('a "__proto__" key in a row reaches no other object', async () => {
    const json = (await backupWith(() => {})).replace('"pageKey"', '"__proto__":{"polluted":true},"pageKey"');
    const target = freshDb();
    await importBackup(json, target).catch(() => {});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('forget this site', () => {
  it('leaves no reading, actor, quotation or saved quotation of the site, and keeps every other site', async () => {
    const db = freshDb();
    const r = await recordReading('https://www.news.example/a/1', first, db);
    await recordReading('https://news.example/a/3?ref=home', second, db);
    await saveQuote({ readingId: r.id, exact: 'لن نتراجع', prefix: '', suffix: '', start: 12, end: 21 }, db);
    const other = await recordReading('https://other.example/x', second, db);
    await forgetSite('https://www.news.example/anything', db);
    const left = JSON.stringify(await everything(db));
    expect(left).not.toContain('news.example/a');
    expect(await db.readings.toArray()).toEqual([expect.objectContaining({ id: other.id })]);
    expect((await db.readingActors.toArray()).every((a) => a.readingId === other.id)).toBe(true);
    expect((await db.readingQuotes.toArray()).every((q) => q.readingId === other.id)).toBe(true);
  });

  it('the same wire story read on two sites stays for the other site, without any address of the forgotten one', async () => {
    const db = freshDb();
    const wire = { ...first, text: `${first.text} ${'وأضاف أن المفاوضات ستستمر في الأسابيع المقبلة. '.repeat(20)}` };
    await recordReading('https://www.wire.example/story/7', wire, db);
    const merged = await recordReading('https://paper.example/world/7', wire, db);
    expect(
      merged.urlKeys.some((u) => u.includes('wire.example')),
      'one reading for the same text',
    ).toBe(true);
    await forgetSite('wire.example', db);
    expect(JSON.stringify(await everything(db))).not.toContain('wire.example');
    expect(await db.readings.count()).toBe(1);
    expect(await db.readingActors.count(), 'the other site keeps its actors').toBe(1);
  });
});
