// Saved quotations: save/unsave, notes and tags, filters, and how they are found again on their page.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReaderDb } from '../../storage/db';
import { listSavedQuotes, savedForPage, saveQuote, unsaveQuote, updateSavedQuote } from '../../storage/quotes';
import { recordReading } from '../../storage/readings';
import { actor, analysis, freshDb, quote } from './storage-fixtures';

const text = 'عنوان الخبر\n\nقال لوكاشينكو: «سنعمل معا من أجل السلام». وقال بيسكوف إن «الكرملين لا يعلق».';
const luka = actor('a1', 'ألكسندر لوكاشينكو', { aliases: ['لوكاشينكو'] });
const peskov = actor('a2', 'دميتري بيسكوف', { aliases: ['بيسكوف'] });
const q1 = 'سنعمل معا من أجل السلام';
const q2 = 'الكرملين لا يعلق';
const at = (q: string) => ({ start: text.indexOf(q), end: text.indexOf(q) + q.length });

let db: ReaderDb;
let readingId: string;
beforeEach(async () => {
  db = freshDb();
  const r = await recordReading(
    { url: 'https://news.example/a/1', publishedAt: '2026-03-01T10:00:00Z' },
    analysis('عنوان الخبر', text, [luka, peskov], [quote(q1, luka, at(q1).start), quote(q2, peskov, at(q2).start)]),
    db,
  );
  readingId = r.id;
});

async function saveBoth() {
  const a = await saveQuote(
    { readingId, exact: q1, prefix: 'لوكاشينكو: «', suffix: '». وقال', ...at(q1), actorId: 'a1', tags: ['سلام'] },
    db,
  );
  await new Promise((r) => setTimeout(r, 3)); // distinct save times, so "newest first" has one answer
  const b = await saveQuote(
    { url: 'https://news.example/a/1?utm_source=t', exact: q2, prefix: 'إن «', suffix: '».', ...at(q2), speakerName: 'دميتري بيسكوف' },
    db,
  );
  return { a, b };
}

describe('saving quotations', () => {
  it('keeps speaker, outlet, title and date, taking the speaker name from the actor', async () => {
    const { a, b } = await saveBoth();
    expect(a).toMatchObject({
      exact: q1,
      speakerName: 'ألكسندر لوكاشينكو',
      site: 'news.example',
      title: 'عنوان الخبر',
      publishedAt: '2026-03-01T10:00:00Z',
      tags: ['سلام'],
    });
    expect(b.readingId).toBe(readingId);
  });

  it('saving the same quotation twice is one saved quotation, keeping its note', async () => {
    const { a } = await saveBoth();
    await updateSavedQuote(a.id, { note: 'مهم' }, db);
    const again = await saveQuote({ readingId, exact: q1, prefix: '', suffix: '', ...at(q1) }, db);
    expect(again.id).toBe(a.id);
    expect(again.note).toBe('مهم');
    expect(await db.savedQuotes.count()).toBe(2);
  });

  it('a page saved before it was recorded gets a reading of its own', async () => {
    const s = await saveQuote({ url: 'https://new.example/x', exact: 'نص', prefix: '', suffix: '', start: 0, end: 2 }, db);
    expect((await db.readings.get(s.readingId))?.site).toBe('new.example');
  });

  it.each([
    [{ exact: 'x', prefix: '', suffix: '', start: 5, end: 5, readingId: 'r' }, 'end must be after start'],
    [{ exact: 'x', prefix: '', suffix: '', start: 0, end: 1 }, 'a reading id or a URL is needed'],
    [{ exact: 'x', prefix: '', suffix: '', start: 0, end: 1, readingId: 'missing' }, 'no such reading'],
  ])('refuses %j: %s', async (input, message) => {
    await expect(saveQuote(input, db)).rejects.toThrow(message);
  });

  it('unsave removes it once; notes and tags can change', async () => {
    const { a } = await saveBoth();
    const changed = await updateSavedQuote(a.id, { note: 'للتقرير', tags: [' سلام ', 'بيلاروس', 'سلام'] }, db);
    expect(changed.tags).toEqual(['سلام', 'بيلاروس']);
    expect(await unsaveQuote(a.id, db)).toBe(true);
    expect(await unsaveQuote(a.id, db)).toBe(false);
    await expect(updateSavedQuote(a.id, { note: 'x' }, db)).rejects.toThrow('no saved quotation');
  });
});

describe('filtering saved quotations', () => {
  it.each([
    [{}, [q2, q1], 'everything, newest first'],
    [{ speaker: 'لوكاشنكو' }, [q1], 'speaker by a spelling variant'],
    [{ speaker: 'بيسكوف' }, [q2], 'speaker by family name'],
    [{ text: 'السلام' }, [q1], 'a word of the quotation'],
    [{ text: 'سلام' }, [q1], 'without the article'],
    [{ text: 'عنوان' }, [q2, q1], 'a word of the article title'],
    [{ site: 'www.news.example' }, [q2, q1], 'site with www'],
    [{ site: 'other.example' }, [], 'another site'],
    [{ tag: 'سلام' }, [q1], 'a tag'],
    [{ from: Date.parse('2026-02-01'), to: Date.parse('2026-03-02') }, [q2, q1], 'article date inside the range'],
    [{ from: Date.parse('2026-03-02') }, [], 'article date before the range'],
  ])('%j → %j (%s)', async (filter, expected, _why) => {
    await saveBoth();
    const { items, total } = await listSavedQuotes(filter, db);
    expect(items.map((q) => q.exact)).toEqual(expected);
    expect(total).toBe(expected.length);
  });
});

describe('saved quotations on their page', () => {
  it('are found again in the page as it is now, with a status for each', async () => {
    await saveBoth();
    const edited = `سطر مضاف.\n${text.replace('الكرملين لا يعلق', 'الكرملين يرفض التعليق على هذه المسألة')}`;
    const { items, readingId: rid } = await savedForPage({ url: 'https://www.news.example/a/1#top', text: edited }, db);
    expect(rid).toBe(readingId);
    expect(items.map((q) => [q.exact, q.anchor.status])).toEqual([
      [q1, 'exact'],
      [q2, 'changed'],
    ]);
    expect(edited.slice(items[0]!.anchor.start!, items[0]!.anchor.end!)).toBe(q1);
  });

  it('without a text, uses the text last analysed for that reading', async () => {
    await saveBoth();
    const { items } = await savedForPage({ url: 'https://news.example/a/1' }, db);
    expect(items.map((q) => q.anchor.status)).toEqual(['exact', 'exact']);
  });

  it('a page with nothing saved has an empty list', async () => {
    expect((await savedForPage({ url: 'https://news.example/other', text: 'x' }, db)).items).toEqual([]);
  });
});
