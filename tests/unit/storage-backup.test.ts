// Backup and restore: a round trip keeps everything, restoring twice adds nothing twice, bad files change nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '../../storage/backup';
import type { ReaderDb } from '../../storage/db';
import { saveQuote, updateSavedQuote } from '../../storage/quotes';
import { correctActor, recordReading } from '../../storage/readings';
import { actor, analysis, freshDb, quote } from './storage-fixtures';

let source: ReaderDb;
beforeEach(async () => {
  source = freshDb();
  const luka = actor('a1', 'ألكسندر لوكاشينكو');
  const r = await recordReading(
    'https://news.example/a/1',
    analysis('عنوان', 'قال «سنعمل معا»', [luka], [quote('سنعمل معا', luka, 5)]),
    source,
  );
  const s = await saveQuote({ readingId: r.id, exact: 'سنعمل معا', prefix: 'قال «', suffix: '»', start: 5, end: 14 }, source);
  await updateSavedQuote(s.id, { note: 'ملاحظة', tags: ['بيلاروس'] }, source);
  await correctActor('الرئيس البيلاروسي', { name: 'ألكسندر لوكاشينكو', type: 'person', knowledgeId: null }, source);
});

async function snapshot(db: ReaderDb) {
  const out: Record<string, unknown[]> = {};
  for (const t of ['readings', 'readingActors', 'readingQuotes', 'savedQuotes', 'corrections', 'choices'])
    out[t] = await db.table(t).toArray();
  return out;
}

describe('backup', () => {
  it('restores every row into an empty database exactly as it was', async () => {
    const { json, fileName } = await exportBackup(source, Date.parse('2026-03-01'));
    expect(fileName).toBe('siyaq-backup-2026-03-01.json');
    const target = freshDb();
    const report = await importBackup(json, target);
    expect(report.added).toMatchObject({ readings: 1, readingActors: 1, readingQuotes: 1, savedQuotes: 1, corrections: 1 });
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('restoring twice adds nothing the second time, and keeps newer local changes', async () => {
    const { json } = await exportBackup(source);
    const target = freshDb();
    await importBackup(json, target);
    const [saved] = await target.savedQuotes.toArray();
    await updateSavedQuote(saved!.id, { note: 'أحدث' }, target);
    const second = await importBackup(json, target);
    expect(Object.values(second.added).every((n) => n === 0)).toBe(true);
    expect(second.skipped.savedQuotes).toBe(1);
    expect(await target.savedQuotes.count()).toBe(1);
    expect((await target.savedQuotes.get(saved!.id))?.note).toBe('أحدث');
  });

  it('merges into a database that has its own readings', async () => {
    const target = freshDb();
    await recordReading('https://other.example/2', analysis('آخر', 'نص'), target);
    await importBackup((await exportBackup(source)).json, target);
    expect((await target.readings.toArray()).map((r) => r.site).sort()).toEqual(['news.example', 'other.example']);
  });

  const foreign = JSON.stringify({
    formatName: 'dexie',
    formatVersion: 1,
    data: { databaseName: 'someone-else', databaseVersion: 1, tables: [], data: [] },
  });
  it.each([
    ['not JSON', '{"formatName": "dexie", "data": [', 'not valid JSON'],
    ['JSON of something else', '{"hello": "world"}', 'not a database export'],
    ['another database', foreign, 'backup of another database'],
    ['a newer schema', foreign.replace('someone-else', 'siyaq').replace('"databaseVersion":1', '"databaseVersion":99'), 'newer version'],
  ])('rejects %s with a clear message and changes nothing', async (_why, json, message) => {
    const before = await snapshot(source);
    await expect(importBackup(json, source)).rejects.toThrow(message);
    expect(await snapshot(source)).toEqual(before);
  });

  it('rejects a backup with one damaged row without writing any of its good rows', async () => {
    const parsed = JSON.parse((await exportBackup(source)).json);
    const saved = parsed.data.data.find((t: { tableName: string }) => t.tableName === 'savedQuotes');
    saved.rows.push({ id: 'broken' });
    const target = freshDb();
    await expect(importBackup(JSON.stringify(parsed), target)).rejects.toThrow('row 2 of "savedQuotes" is incomplete');
    expect(await target.readings.count()).toBe(0);
  });
});
