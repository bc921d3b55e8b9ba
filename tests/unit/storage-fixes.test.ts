// The reader's corrections: applied to every analysis (this page at once, later readings), by name and by site,
// and to the history and timelines already recorded; each one can be taken back.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReaderDb } from '../../storage/db';
import { addFix, applyFixes, fixRow, listFixes, removeFix } from '../../storage/fixes';
import { actorTimeline, listReadingsPage, recordReading } from '../../storage/readings';
import { actor, analysis, freshDb, quote } from './storage-fixtures';

const minister = actor('a1', 'سامي العبدالله', { aliases: ['سامي العبدالله', 'العبدالله'], role: 'وزير الطاقة' });
const agency = actor('a2', 'وكالة الأنباء', { type: 'organization' });
const capital = actor('a3', 'عمان', { type: 'place' });
const said = quote('سنخفض أسعار الوقود الشهر المقبل', minister, 10);
const term = quote('الطاقة النظيفة', minister, 60);
const article = analysis('العبدالله يعلن خطة للطاقة', 'نص المقال', [minister, agency, capital], [said, term]);

let db: ReaderDb;
beforeEach(async () => {
  db = freshDb();
  await db.open();
});

const fixes = async () => listFixes(db);

describe('applyFixes', () => {
  it('drops a name the reader said is not one, wherever it is read, and leaves its quotations without a speaker', async () => {
    await addFix({ kind: 'not-name', name: 'العبدالله' }, db); // a short form of the name finds the actor
    const fixed = applyFixes(article, await fixes(), 'https://news.example/a/1');
    expect(fixed.actors.map((a) => a.name)).toEqual(['وكالة الأنباء', 'عمان']);
    expect(fixed.quotes.map((q) => q.speaker.kind)).toEqual(['unknown', 'unknown']);
  });

  it('moves an actor to the type the reader chose', async () => {
    await addFix({ kind: 'type', name: 'عمان', type: 'organization' }, db);
    const fixed = applyFixes(article, await fixes(), null);
    expect(fixed.actors.find((a) => a.id === 'a3')?.type).toBe('organization');
  });

  it('hides an actor on one site only', async () => {
    await addFix({ kind: 'hide', name: 'وكالة الأنباء', site: 'https://www.news.example/a/1' }, db);
    expect(applyFixes(article, await fixes(), 'https://news.example/b/2').actors.map((a) => a.id)).toEqual(['a1', 'a3']);
    expect(applyFixes(article, await fixes(), 'https://other.example/c').actors.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
  });

  it('drops a quotation that is not one, and gives another its right speaker or none', async () => {
    await addFix({ kind: 'not-quote', quote: 'الطاقة النظيفة' }, db);
    await addFix({ kind: 'speaker', quote: 'سنخفض  أسعار الوقود الشهر المقبل', speaker: 'وكالة الأنباء' }, db); // spacing differs
    const fixed = applyFixes(article, await fixes(), null);
    expect(fixed.quotes.map((q) => q.text)).toEqual([said.text]);
    expect(fixed.quotes[0]?.speaker).toEqual({ actorId: 'a2', name: 'وكالة الأنباء', kind: 'actor' });
    await addFix({ kind: 'speaker', quote: said.text, speaker: null }, db); // "unknown" replaces the last choice
    expect(applyFixes(article, await fixes(), null).quotes[0]?.speaker.kind).toBe('unknown');
    expect((await fixes()).filter((f) => f.kind === 'speaker')).toHaveLength(1);
  });

  it('is undone by removing the correction', async () => {
    const row = await addFix({ kind: 'not-name', name: 'عمان' }, db);
    expect(await removeFix(row.id, db)).toBe(true);
    expect(applyFixes(article, await fixes(), null)).toBe(article);
  });

  it('refuses a hide without a site and a name without letters', () => {
    expect(() => fixRow({ kind: 'hide', name: 'عمان', site: '' })).toThrow(/site/);
    expect(() => fixRow({ kind: 'not-name', name: '«»' })).toThrow(/letters/);
  });
});

describe('history and timelines', () => {
  it('takes an actor that is not a name out of earlier readings’ history and timeline, and back on undo', async () => {
    const reading = await recordReading('https://news.example/a/1', article, db);
    const before = await actorTimeline({ name: 'سامي العبدالله' }, db);
    expect(before.entries).toHaveLength(1);
    expect((await listReadingsPage({}, db)).items[0]?.topActors).toContain('سامي العبدالله');

    const row = await addFix({ kind: 'not-name', name: 'سامي العبدالله' }, db);
    expect((await actorTimeline({ name: 'سامي العبدالله' }, db)).entries).toEqual([]);
    expect((await actorTimeline({ readingId: reading.id, actorId: 'a1' }, db)).entries).toEqual([]);
    expect((await listReadingsPage({}, db)).items[0]?.topActors).not.toContain('سامي العبدالله');

    await removeFix(row.id, db);
    expect((await actorTimeline({ name: 'سامي العبدالله' }, db)).entries).toHaveLength(1);
  });

  it('shows a timeline under the type the reader chose, and drops quotations given to someone else', async () => {
    await recordReading('https://news.example/a/1', article, db);
    await addFix({ kind: 'type', name: 'عمان', type: 'organization' }, db);
    expect((await actorTimeline({ name: 'عمان' }, db)).type).toBe('organization');
    await addFix({ kind: 'speaker', quote: said.text, speaker: 'وكالة الأنباء' }, db);
    const timeline = await actorTimeline({ name: 'سامي العبدالله' }, db);
    expect(timeline.entries[0]?.quotes.map((q) => q.text)).toEqual([term.text]);
  });
});
