// Readings: one per article whatever the URL variant, Arabic-aware history search, actor timeline, forgetting.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReaderDb } from '../../storage/db';
import { saveQuote } from '../../storage/quotes';
import {
  actorTimeline,
  correctActor,
  deleteReading,
  forgetSite,
  listReadingsPage,
  recordReading,
  searchHistory,
} from '../../storage/readings';
import { actor, analysis, freshDb, quote } from './storage-fixtures';

const lukashenko = actor('a1', 'ألكسندر لوكاشينكو', { aliases: ['ألكسندر لوكاشينكو', 'لوكاشينكو'], role: 'الرئيس البيلاروسي' });
const putin = actor('a2', 'فلاديمير بوتين', { aliases: ['فلاديمير بوتين', 'بوتين'] });
const peskov = actor('a3', 'دميتري بيسكوف', { aliases: ['دميتري بيسكوف', 'بيسكوف'], role: 'المتحدث باسم الكرملين' });

// Long enough to be identified by its text (see MIN_HASHED_TEXT).
const secondText = 'نص المقال الثاني عن تصريحات الكرملين. '.repeat(10);

const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

let db: ReaderDb;
beforeEach(async () => {
  db = freshDb();
  await db.open();
});

async function seed() {
  const r1 = await recordReading(
    { url: 'https://www.news.example/a/1?utm_source=x', canonicalUrl: 'https://news.example/a/1', publishedAt: '2026-03-01' },
    analysis('لوكاشينكو يلتقي بوتين في مينسك', 'نص المقال الأول', [lukashenko, putin], [quote('سنعمل معا', lukashenko, 5)]),
    db,
  );
  await tick(); // distinct reading times, so "newest first" has one answer
  const r2 = await recordReading(
    'https://other.example/story/2',
    analysis('الكرملين يعلق', secondText, [peskov], [quote('لا تعليق لبوتين على ذلك', peskov, 3)]),
    db,
  );
  return { r1, r2 };
}

describe('recording readings', () => {
  it.each([
    ['the same URL again', 'https://news.example/a/1'],
    ['with tracking parameters', 'https://news.example/a/1?utm_campaign=y&fbclid=abc'],
    ['the AMP variant', 'https://news.example/a/1/amp'],
    ['with www and a fragment', 'https://www.news.example/a/1#comments'],
  ])('%s is the same reading (%s)', async (_why, url) => {
    const { r1 } = await seed();
    const again = await recordReading(url, analysis('لوكاشينكو يلتقي بوتين في مينسك', 'نص المقال الأول', [lukashenko]), db);
    expect(again.id).toBe(r1.id);
    expect(await db.readings.count()).toBe(2);
    expect(again.firstReadAt).toBe(r1.firstReadAt);
  });

  it('finds a reading by its text when the URL is unrelated (a syndicated copy)', async () => {
    const { r2 } = await seed();
    const copy = await recordReading('https://mirror.example/x?id=9', analysis('الكرملين يعلق', secondText, [peskov]), db);
    expect(copy.id).toBe(r2.id);
  });

  it('two different short pages with the same text stay two readings', async () => {
    await seed();
    await recordReading('https://x.example/1', analysis('أ', 'نص قصير', []), db);
    await recordReading('https://y.example/2', analysis('ب', 'نص قصير', []), db);
    expect(await db.readings.count()).toBe(4);
  });

  it('re-recording replaces the actors and quotations of the reading instead of adding more', async () => {
    const { r1 } = await seed();
    await recordReading('https://news.example/a/1', analysis('عنوان', 'نص المقال الأول', [putin]), db);
    expect(await db.readingActors.where('readingId').equals(r1.id).count()).toBe(1);
    expect(await db.readingQuotes.where('readingId').equals(r1.id).count()).toBe(0);
  });

  it('lists newest first, pages and filters by site', async () => {
    await seed();
    const all = await listReadingsPage({}, db);
    expect(all.total).toBe(2);
    expect(all.items.map((r) => r.site)).toEqual(['other.example', 'news.example']);
    expect(all.items[1]?.topActors).toEqual(['ألكسندر لوكاشينكو', 'فلاديمير بوتين']);
    expect((await listReadingsPage({ site: 'www.news.example' }, db)).items.map((r) => r.site)).toEqual(['news.example']);
    expect((await listReadingsPage({ limit: 1, offset: 1 }, db)).items.map((r) => r.site)).toEqual(['news.example']);
  });
});

describe('Arabic-aware history search', () => {
  it.each([
    ['لوكاشنكو', ['news.example'], 'a spelling without the long vowel finds «لوكاشينكو»'],
    ['بوتين', ['other.example', 'news.example'], '«بوتين» finds the title and «لبوتين» in a quotation'],
    ['مينسك', ['news.example'], 'a title word'],
    ['الكرملين', ['other.example'], 'with the article'],
    ['كرملين', ['other.example'], 'without the article'],
    ['بيسكوف الكرملين', ['other.example'], 'every word must match'],
    ['بيسكوف مينسك', [], 'words from two different readings match neither'],
    ['نتنياهو', [], 'an absent name finds nothing'],
    ['بُوتِين', ['other.example', 'news.example'], 'diacritics in the query are ignored'],
    ['news.example', ['news.example'], 'a site name'],
  ])('%s → %j (%s)', async (query, sites, _why) => {
    await seed();
    const { items } = await searchHistory(query, 50, db);
    expect(items.map((h) => h.reading.site)).toEqual(sites);
  });

  it('says what matched, for highlighting', async () => {
    await seed();
    const { items } = await searchHistory('بوتين', 50, db);
    const other = items.find((h) => h.reading.site === 'other.example');
    expect(other?.matches).toEqual([{ field: 'quote', text: 'لا تعليق لبوتين على ذلك' }]);
    const news = items.find((h) => h.reading.site === 'news.example');
    expect(news?.matches.map((m) => m.field)).toEqual(['title', 'actor']);
  });
});

describe('actor timeline', () => {
  it('collects every reading and quotation of an actor, by any of their names', async () => {
    await seed();
    await recordReading(
      'https://third.example/3',
      analysis('خبر', 'نص ثالث', [actor('b1', 'لوكاشنكو')], [quote('لن نتراجع', actor('b1', 'لوكاشنكو'))]),
      db,
    );
    const byShortName = await actorTimeline({ name: 'لوكاشينكو' }, db);
    expect(byShortName.entries.map((e) => e.reading.site).sort()).toEqual(['news.example', 'third.example']);
    const said = byShortName.entries.flatMap((e) => e.quotes.map((q) => q.text)).sort();
    expect(said).toEqual(['سنعمل معا', 'لن نتراجع']);
  });

  it('joins one foreign name spelt with sin in one article and shin in another', async () => {
    const a = actor('g1', 'أنطونيو غوتيريش', { aliases: ['أنطونيو غوتيريش', 'غوتيريش'] });
    const b = actor('g2', 'أنطونيو غوتيريس', { aliases: ['أنطونيو غوتيريس', 'غوتيريس'] });
    const r1 = await recordReading('https://one.example/1', analysis('خبر', 'نص', [a], [quote('قول أول', a)]), db);
    await recordReading('https://two.example/2', analysis('خبر', 'نص آخر', [b], [quote('قول ثان', b)]), db);
    const t = await actorTimeline({ readingId: r1.id, actorId: 'g1' }, db);
    expect(t.entries.flatMap((e) => e.quotes.map((q) => q.text)).sort()).toEqual(['قول أول', 'قول ثان']);
    expect((await searchHistory('غوتيريس', 50, db)).items.map((h) => h.reading.site).sort()).toEqual(['one.example', 'two.example']);
  });

  it('starts from an actor of a reading and carries the role given there', async () => {
    const { r2 } = await seed();
    const t = await actorTimeline({ readingId: r2.id, actorId: 'a3' }, db);
    expect(t.name).toBe('دميتري بيسكوف');
    expect(t.entries[0]?.role).toBe('المتحدث باسم الكرملين');
  });

  it('a correction makes later readings of a name count for the corrected actor', async () => {
    await seed();
    expect(await correctActor('الرئيس البيلاروسي', { name: 'ألكسندر لوكاشينكو', type: 'person', knowledgeId: null }, db)).toBe(true);
    await recordReading('https://fourth.example/4', analysis('خبر', 'نص رابع', [actor('c1', 'الرئيس البيلاروسي')]), db);
    const t = await actorTimeline({ name: 'ألكسندر لوكاشينكو' }, db);
    expect(t.entries.map((e) => e.reading.site).sort()).toEqual(['fourth.example', 'news.example']);
    expect(await correctActor('الرئيس البيلاروسي', null, db)).toBe(true);
    expect(await correctActor('الرئيس البيلاروسي', null, db)).toBe(false);
  });
});

describe('deleting and forgetting', () => {
  it('deleting a reading removes its actors and quotations but keeps saved quotations unless asked', async () => {
    const { r1 } = await seed();
    await saveQuote({ readingId: r1.id, exact: 'سنعمل معا', prefix: '', suffix: '', start: 5, end: 14 }, db);
    expect(await deleteReading(r1.id, false, db)).toEqual({ deleted: true, savedQuotes: 0 });
    expect(await db.readingActors.where('readingId').equals(r1.id).count()).toBe(0);
    expect(await db.savedQuotes.count()).toBe(1);
    expect((await searchHistory('مينسك', 50, db)).items).toEqual([]);
    expect(await deleteReading(r1.id, true, db)).toEqual({ deleted: false, savedQuotes: 1 });
  });

  it('forgetting a site removes its readings and saved quotations, and nothing else', async () => {
    const { r1, r2 } = await seed();
    await saveQuote({ readingId: r1.id, exact: 'سنعمل معا', prefix: '', suffix: '', start: 5, end: 14 }, db);
    await saveQuote({ readingId: r2.id, exact: 'لا تعليق', prefix: '', suffix: '', start: 3, end: 11 }, db);
    expect(await forgetSite('https://www.news.example/', db)).toEqual({ readings: 1, savedQuotes: 1 });
    expect((await listReadingsPage({}, db)).items.map((r) => r.site)).toEqual(['other.example']);
    expect(await db.savedQuotes.count()).toBe(1);
    expect(await db.readingQuotes.count()).toBe(1);
  });
});
