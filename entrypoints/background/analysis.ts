// Analysis of the article in a tab, and what the side panel asks about that tab.

import { genderOf } from '../../components/gender';
import { loadAnalyzer } from '../../knowledge/recognizer';
import type { AnalyzeArticleRequest, TabArticle, TabStatus } from '../../messaging/protocol';
import { applyFixes, listFixes } from '../../storage/fixes';
import { hash53 } from '../../storage/hash';
import { recordReading } from '../../storage/readings';
import { getSettings, siteOf } from '../../storage/settings';
import type { Analysis } from '../../types/analysis';
import { isQuotaError, QUOTA_MESSAGE } from './errors';
import type { Handlers } from './handlers';

const tabStatus = new Map<number, TabStatus>();
/** The last analysed article of each tab, for the side panel (lost when the worker stops; a reload re-analyses). */
const tabArticles = new Map<number, TabArticle>();
/** Each tab's reading being written after its page was answered (settled: never rejects). */
const writes = new Map<number, Promise<unknown>>();

/** The last few analyses by URL and text: a reload of the same article is answered without analysing it again. */
const recent = new Map<string, Analysis>();
const RECENT_ANALYSES = 4;

function emptyStatus(tabId: number): TabStatus {
  return { tabId, state: 'idle', url: null, title: null, actors: 0, quotes: 0, readingId: null, error: null, notArticle: null };
}

/** Wait until the tab's reading (if one is being written) is on disk or has failed; never throws. */
export function readingWritten(tabId: number): Promise<unknown> {
  return writes.get(tabId) ?? Promise.resolve();
}

/** The analysis of an article as the reader corrected it (not names, types, quotations, speakers, hidden actors). */
async function analyse(request: AnalyzeArticleRequest): Promise<Analysis> {
  const analysis = await analyseAsIs(request);
  // Corrections are kept in memory after the first read; a database that cannot be read leaves the analysis as it is.
  const fixes = await listFixes().catch(() => []);
  return applyFixes(analysis, fixes, request.url);
}

/** The analysis of an article, from the recent ones when the same URL, title, text and page signals were seen. */
async function analyseAsIs(request: AnalyzeArticleRequest): Promise<Analysis> {
  const key = `${request.url}\n${hash53(JSON.stringify([request.title, request.blocks, request.signals ?? null]))}`;
  const known = recent.get(key);
  if (known) return known;
  // The analyser (bundled gazetteer + tagger) is loaded on first use and kept warm.
  const analyze = await loadAnalyzer();
  const analysis = analyze({ title: request.title, blocks: request.blocks, signals: request.signals ?? null });
  recent.set(key, analysis);
  for (const old of recent.keys()) if (recent.size > RECENT_ANALYSES) recent.delete(old);
  return analysis;
}

/** Each person's gender where the article makes it clear, for the page's card wording (kept out of the content script). */
function gendersOf(analysis: Analysis): Record<string, 'm' | 'f'> {
  const out: Record<string, 'm' | 'f'> = {};
  for (const actor of analysis.actors) {
    const gender = genderOf(analysis, actor);
    if (gender) out[actor.id] = gender;
  }
  return out;
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
    const analysis = await analyse(request);
    if (!analysis.page.isArabicNews && !request.anyway) {
      // A page marked up as an article whose text is too short to be one: the body was not found.
      const declared = request.signals?.ogType === 'article' || !!request.signals?.hasArticleBody;
      const notArticle = declared && !analysis.page.isArticle ? 'short-body' : 'not-news';
      tabStatus.set(tabId, { ...emptyStatus(tabId), state: 'not-article', url: request.url, title: request.title, notArticle });
      return { readingId: null, analysis };
    }
    const genders = gendersOf(analysis);
    const done = (readingId: string | null, error: string | null): void => {
      tabStatus.set(tabId, {
        tabId,
        state: error ? 'error' : 'done',
        url: request.url,
        title: request.title,
        actors: analysis.actors.length,
        quotes: analysis.quotes.length,
        readingId,
        error,
        notArticle: null,
      });
      tabArticles.set(tabId, { url: request.url, title: request.title, publishedAt: request.publishedAt ?? null, readingId, analysis });
    };
    // A private window leaves no history unless the reader allowed it in the settings.
    if (!record) {
      done(null, null);
      return { readingId: null, analysis, genders };
    }
    const page = { url: request.url, canonicalUrl: request.canonicalUrl ?? null, publishedAt: request.publishedAt ?? null };
    const writing = recordReading(page, analysis);
    if (!sender.tab) {
      // The extension's own pages wait for the reading's id.
      const reading = await writing;
      done(reading.id, null);
      return { readingId: reading.id, analysis, genders };
    }
    // A tab paints first and learns the reading's id from what it asks next (savedForPage), which waits for this
    // write; a full disk shows in the tab's status (the side panel says so) instead of leaving the page unpainted.
    const written = writing.then(
      (reading) => done(reading.id, null),
      (error: unknown) => done(null, isQuotaError(error) ? QUOTA_MESSAGE : `the reading was not saved: ${String(error)}`),
    );
    const before = writes.get(tabId);
    writes.set(tabId, before ? Promise.all([before, written]) : written);
    return { readingId: null, analysis, genders };
  },
  async reportNotArticle(request, sender) {
    const tabId = sender.tab?.id ?? -1;
    tabArticles.delete(tabId);
    tabStatus.set(tabId, {
      ...emptyStatus(tabId),
      state: 'not-article',
      url: request.url,
      title: request.title,
      notArticle: request.reason,
    });
    return { ok: true };
  },
  async getTabArticle(request) {
    await readingWritten(request.tabId);
    return tabArticles.get(request.tabId) ?? null;
  },
  async getTabStatus(request) {
    await readingWritten(request.tabId);
    return tabStatus.get(request.tabId) ?? emptyStatus(request.tabId);
  },
} satisfies Partial<Handlers>;
