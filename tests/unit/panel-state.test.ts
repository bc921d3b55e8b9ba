// The panel picks its language and the tab it describes the way a reader (and a screenshot) expects.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describedTabId, pickLang } from '../../entrypoints/sidepanel/state';

describe('panel state', () => {
  it.each([
    ['en', 'ar', 'ar-EG', 'en', '?lang= wins over the setting (screenshots)'],
    [null, 'browser', 'en-US', 'en', 'no override: an English browser gets English'],
    [null, 'browser', 'fr-FR', 'ar', 'no override, other browser language: Arabic, the default'],
    ['xx', 'en', 'ar', 'en', 'a bad override is ignored'],
  ] as const)('lang=%j, setting %s, browser %s → %s (%s)', (urlLang, setting, browserLang, expected, _why) => {
    expect(pickLang(urlLang, setting, browserLang)).toBe(expected);
  });

  it('describes the tab named in ?tab=, else the active tab', async () => {
    expect(await describedTabId('?tab=42&lang=ar')).toBe(42);
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [{ id: 7 }]) as never);
    expect(await describedTabId('?tab=abc')).toBe(7);
    expect(await describedTabId('')).toBe(7);
    vi.restoreAllMocks();
  });
});

describe('cards the panel asks for', () => {
  const status = { tabId: 3, state: 'done', url: 'https://news.example/a', title: 't', actors: 2, quotes: 0, readingId: 'r1', error: null };
  const article = {
    url: 'https://news.example/a',
    title: 't',
    publishedAt: null,
    readingId: 'r1',
    analysis: {
      text: '',
      page: { language: 'ar', isArticle: true, isArabicNews: true, title: 't' },
      actors: [
        { id: 'p1', name: 'أنطونيو غوتيريش', type: 'person', role: null, aliases: [], mentions: [] },
        { id: 'p2', name: 'بدر عبد العاطي', type: 'person', role: null, aliases: [], mentions: [] },
      ],
      quotes: [],
    },
  };
  const card = { name: { ar: 'x', latin: null }, description: 'وصف' };

  it.each([
    [false, 2, 'offline: every actor gets its card from bundled knowledge'],
    [true, 0, 'enrichment on: no actor name goes online until the reader opens that actor'],
  ] as const)('enrichment %s → %i getCard requests on opening the article (%s)', async (on, expected, _why) => {
    const state = await import('../../entrypoints/sidepanel/state');
    const asked: string[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (msg: { type: string }) => {
      asked.push(msg.type);
      const data = { getTabStatus: status, getTabArticle: article, getCard: card, savedForPage: { readingId: 'r1', items: [] } }[msg.type];
      return { ok: true, data };
    }) as never);
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [{ id: 3 }]) as never);
    state.enrichmentOn.value = on;
    state.tabStatus.value = null;
    await state.refreshTab();
    expect(asked.filter((t) => t === 'getCard')).toHaveLength(expected);
    expect(state.article.value?.readingId).toBe('r1');
  });
});
