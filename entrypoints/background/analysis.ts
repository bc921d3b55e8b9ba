// Analysis of the article in a tab, and what the side panel asks about that tab.

import { loadAnalyzer } from '../../knowledge/recognizer';
import type { TabArticle, TabStatus } from '../../messaging/protocol';
import { recordReading } from '../../storage/readings';
import { getSettings, siteOf } from '../../storage/settings';
import type { Handlers } from './handlers';

const tabStatus = new Map<number, TabStatus>();
/** The last analysed article of each tab, for the side panel (lost when the worker stops; a reload re-analyses). */
const tabArticles = new Map<number, TabArticle>();

function emptyStatus(tabId: number): TabStatus {
  return { tabId, state: 'idle', url: null, title: null, actors: 0, quotes: 0, readingId: null, error: null };
}

export const analysisHandlers = {
  async analyzeArticle(request, sender) {
    const tabId = sender.tab?.id ?? -1;
    // The content script checks these too; the background is the one place that cannot be bypassed.
    const settings = await getSettings();
    const site = siteOf(request.url);
    if (site && settings.pausedSites.includes(site)) throw new Error('Siyaq is paused on this site: nothing was analysed');
    const record = !sender.tab?.incognito || settings.recordPrivate;
    tabStatus.set(tabId, { ...emptyStatus(tabId), state: 'analysing', url: request.url, title: request.title });
    tabArticles.delete(tabId);
    // The analyser (bundled gazetteer + tagger) is loaded on first use and kept warm.
    const analyze = await loadAnalyzer();
    const analysis = analyze({ title: request.title, blocks: request.blocks, signals: request.signals ?? null });
    if (!analysis.page.isArabicNews) {
      tabStatus.set(tabId, { ...emptyStatus(tabId), state: 'not-article', url: request.url, title: request.title });
      return { readingId: null, analysis };
    }
    // A private window leaves no history unless the reader allowed it in the settings.
    const page = { url: request.url, canonicalUrl: request.canonicalUrl ?? null, publishedAt: request.publishedAt ?? null };
    const reading = record ? await recordReading(page, analysis) : null;
    tabStatus.set(tabId, {
      tabId,
      state: 'done',
      url: request.url,
      title: request.title,
      actors: analysis.actors.length,
      quotes: analysis.quotes.length,
      readingId: reading?.id ?? null,
      error: null,
    });
    tabArticles.set(tabId, {
      url: request.url,
      title: request.title,
      publishedAt: request.publishedAt ?? null,
      readingId: reading?.id ?? null,
      analysis,
    });
    return { readingId: reading?.id ?? null, analysis };
  },
  async getTabArticle(request) {
    return tabArticles.get(request.tabId) ?? null;
  },
  async getTabStatus(request) {
    return tabStatus.get(request.tabId) ?? emptyStatus(request.tabId);
  },
} satisfies Partial<Handlers>;
