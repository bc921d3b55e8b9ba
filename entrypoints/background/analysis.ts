// Analysis of the article in a tab, and what the side panel asks about that tab.

import type { TabStatus } from '../../messaging/protocol';
import { analyze } from '../../nlp/analyze';
import { recordReading } from '../../storage/readings';
import type { Handlers } from './handlers';

const tabStatus = new Map<number, TabStatus>();

function emptyStatus(tabId: number): TabStatus {
  return { tabId, state: 'idle', url: null, title: null, actors: 0, quotes: 0, readingId: null, error: null };
}

export const analysisHandlers = {
  async analyzeArticle(request, sender) {
    const tabId = sender.tab?.id ?? -1;
    tabStatus.set(tabId, { ...emptyStatus(tabId), state: 'analysing', url: request.url, title: request.title });
    const analysis = analyze({ title: request.title, blocks: request.blocks, signals: request.signals ?? null });
    if (!analysis.page.isArabicNews) {
      tabStatus.set(tabId, { ...emptyStatus(tabId), state: 'not-article', url: request.url, title: request.title });
      return { readingId: null, analysis };
    }
    const reading = await recordReading(request.url, analysis);
    tabStatus.set(tabId, {
      tabId,
      state: 'done',
      url: request.url,
      title: request.title,
      actors: analysis.actors.length,
      quotes: analysis.quotes.length,
      readingId: reading.id,
      error: null,
    });
    return { readingId: reading.id, analysis };
  },
  async getTabStatus(request) {
    return tabStatus.get(request.tabId) ?? emptyStatus(request.tabId);
  },
} satisfies Partial<Handlers>;
