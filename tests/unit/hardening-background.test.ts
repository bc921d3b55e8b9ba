// The background is the one gate to the reader's data: every message is checked against its schema and its
// sender before anything runs, refusals say why, and a refused message leaves nothing behind. Private windows
// and paused sites are enforced here too, whatever a content script does.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

const { dispatch, PAGE_REQUESTS, QUOTA_MESSAGE } = await import('../../entrypoints/background/index');
const { readerDb } = await import('../../storage/db');
const { updateSettings } = await import('../../storage/settings');
const { NEWS_PARAGRAPHS, NEWS_TITLE } = await import('./arabic-texts');

type Sender = Parameters<typeof dispatch>[1];
const ID = fakeBrowser.runtime.id;
const EXT = fakeBrowser.runtime.getURL('/');
/** A content script in an ordinary tab of a news site. */
const contentScript = (tab: Partial<NonNullable<Sender['tab']>> = {}): Sender =>
  ({ id: ID, url: 'https://news.example/a/1', tab: { id: 7, incognito: false, ...tab } }) as Sender;
/** The side panel or the settings page. */
const extensionPage: Sender = { id: ID, url: `${EXT}sidepanel.html` } as Sender;

const article = (url = 'https://news.example/a/1') => ({
  type: 'analyzeArticle',
  url,
  title: NEWS_TITLE,
  blocks: NEWS_PARAGRAPHS,
  signals: { lang: 'ar', dir: 'rtl', ogType: 'article', jsonLdTypes: ['NewsArticle'], hasArticleElement: true, hasArticleBody: true },
});

/** The tab's status as the side panel reads it: answered once the tab's reading is written (or failed). */
async function statusOf(tabId = 7) {
  const reply = await dispatch({ type: 'getTabStatus', tabId }, extensionPage);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as { state: string; readingId: string | null; error: string | null };
}

async function stored() {
  const db = readerDb();
  return { readings: await db.readings.count(), actors: await db.readingActors.count(), quotes: await db.readingQuotes.count() };
}

beforeEach(async () => {
  fakeBrowser.reset();
  const db = readerDb();
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('the message gate', () => {
  it('records an ordinary article read in an ordinary window (the control for every refusal below)', async () => {
    const reply = await dispatch(article(), contentScript());
    expect(reply.ok, JSON.stringify(reply).slice(0, 200)).toBe(true);
    // The page is answered before the reading is written; the tab's status waits for the write.
    expect((await statusOf()).readingId).not.toBeNull();
    expect((await stored()).readings).toBe(1);
  });

  const huge = { ...article(), blocks: Array.from({ length: 30 }, () => 'ب'.repeat(150_000)) };
  const cyclic: Record<string, unknown> = { type: 'analyzeArticle' };
  cyclic.self = cyclic;
  // message → sender → error the caller sees → why
  const refused: [string, unknown, Sender, RegExp][] = [
    ['another extension', article(), { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' } as Sender, /not this extension/],
    ['a web page (no extension id)', article(), { url: 'https://evil.example/' } as Sender, /not this extension/],
    ['an unknown request type', { type: 'dropDatabase' }, contentScript(), /invalid message/],
    ['a request without its fields', { type: 'analyzeArticle' }, contentScript(), /invalid message/],
    ['HTML where text is expected', { ...article(), blocks: [{ html: '<img src=x onerror=alert(1)>' }] }, contentScript(), /blocks/],
    ['a javascript: URL', { ...article(), url: 'javascript:alert(1)//x' }, contentScript(), /url|http/],
    ['a file: URL', { ...article(), url: 'file:///etc/passwd' }, contentScript(), /http/],
    ['a message over 4 MB', huge, contentScript(), /too large/],
    ['a message that cannot be serialised', cyclic, contentScript(), /not serialisable/],
    ['a bare string', 'analyzeArticle', contentScript(), /invalid message/],
  ];
  it.each(refused)('refuses %s with a clear error and stores nothing', async (_why, message, sender, error) => {
    const reply = await dispatch(message, sender);
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.error).toMatch(error);
    expect(await stored()).toEqual({ readings: 0, actors: 0, quotes: 0 });
  });

  it('does not let a "__proto__" key reach other objects', async () => {
    const message = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(article()).slice(1)}`);
    const reply = await dispatch(message, contentScript());
    expect(reply.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  const pageOnly: [string, object][] = [
    ['the whole history', { type: 'listReadings' }],
    ['a history search', { type: 'searchHistory', query: 'الصفدي' }],
    ['an actor timeline', { type: 'actorTimeline', name: 'الصفدي' }],
    ['a full backup', { type: 'exportBackup' }],
    ['restoring a backup', { type: 'importBackup', json: '{}' }],
    ['clearing everything', { type: 'clearAll', scope: 'all' }],
    ['forgetting a site', { type: 'forgetSite', site: 'news.example' }],
    ['deleting a reading', { type: 'deleteReading', id: 'r1' }],
    ['exporting saved quotations', { type: 'exportQuotes', format: 'csv' }],
  ];
  it.each(pageOnly)('answers %s to the extension’s own pages only, never to a content script', async (_why, request) => {
    await dispatch(article(), contentScript());
    const fromPage = await dispatch(request, contentScript());
    expect(fromPage.ok).toBe(false);
    expect(fromPage.ok ? '' : fromPage.error).toMatch(/only answered to the extension/);
    expect((await stored()).readings, 'a refused clear or forget deletes nothing').toBe(1);
    const fromPanel = await dispatch(request, extensionPage);
    expect(fromPanel.ok ? '' : fromPanel.error).not.toMatch(/only answered to the extension/);
  });

  it('lets the content script ask everything the page needs', () => {
    // What entrypoints/content sends today: a new request there must be added here on purpose.
    for (const type of [
      'analyzeArticle',
      'reportNotArticle',
      'savedForPage',
      'saveQuote',
      'unsaveQuote',
      'getCard',
      'reportPage',
      'openPanel',
    ] as const) {
      expect(PAGE_REQUESTS.has(type), type).toBe(true);
    }
  });
});

describe('a full disk', () => {
  // The page is answered before its reading is written (first highlights do not wait for the disk), so a full
  // disk can no longer be the page's answer: the page is still marked, and the tab's status, which the side
  // panel shows, tells the reader storage is full.
  it('still marks the page, tells the reader storage is full and leaves no half-written reading', async () => {
    const db = readerDb();
    const spy = vi.spyOn(db.readingQuotes, 'bulkPut').mockRejectedValue(new DOMException('quota', 'QuotaExceededError'));
    const reply = await dispatch(article(), contentScript());
    const status = await statusOf();
    spy.mockRestore();
    expect(
      reply.ok && (reply.data as { analysis: { actors: unknown[] } }).analysis.actors.length,
      'the page is still marked',
    ).toBeGreaterThan(0);
    expect(status).toMatchObject({ state: 'error', error: QUOTA_MESSAGE, readingId: null });
    expect(await stored()).toEqual({ readings: 0, actors: 0, quotes: 0 });
  });

  it('answers an extension page, which waits for the write, with the full-disk message', async () => {
    const db = readerDb();
    const spy = vi.spyOn(db.readingQuotes, 'bulkPut').mockRejectedValue(new DOMException('quota', 'QuotaExceededError'));
    const reply = await dispatch(article(), extensionPage);
    spy.mockRestore();
    expect(reply).toEqual({ ok: false, error: QUOTA_MESSAGE });
    expect(await stored()).toEqual({ readings: 0, actors: 0, quotes: 0 });
  });
});

describe('private windows and paused sites', () => {
  // window → recordPrivate setting → readings kept → why
  const table: [string, boolean, boolean, number, string][] = [
    ['a private window, default settings', true, false, 0, 'private reading leaves no history unless allowed'],
    ['a private window, reader allowed it', true, true, 1, 'the reader chose to keep private readings'],
    ['an ordinary window', false, false, 1, 'ordinary reading is history'],
  ];
  it.each(table)('%s: history kept only when allowed', async (_why, incognito, recordPrivate, readings, why) => {
    await updateSettings({ recordPrivate });
    const reply = await dispatch(article(), contentScript({ incognito }));
    expect(reply.ok).toBe(true);
    if (reply.ok) {
      const data = reply.data as { readingId: string | null; analysis: { actors: unknown[] } };
      expect(data.analysis.actors.length, 'the page is still marked').toBeGreaterThan(0);
    }
    expect((await statusOf()).readingId === null, why).toBe(readings === 0);
    expect((await stored()).readings, why).toBe(readings);
  });

  it('analyses nothing and stores nothing on a paused site, even if a content script asks', async () => {
    await updateSettings({ pausedSites: ['www.paused.example'] });
    const reply = await dispatch(article('https://WWW.Paused.example/news/1?x=1'), contentScript({ id: 99 }));
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.error).toMatch(/paused/);
    expect(await stored()).toEqual({ readings: 0, actors: 0, quotes: 0 });
    const status = await dispatch({ type: 'getTabStatus', tabId: 99 }, extensionPage);
    expect(status.ok && (status.data as { state: string }).state).toBe('idle');
  });
});
