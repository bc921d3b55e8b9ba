// The side panel's state (signals) and the actions that load it through the background.
// Components only receive what is here; this module is the one place the panel asks for data.
import { batch, computed, signal } from '@preact/signals';
import browser from 'webextension-polyfill';
import { type FixChoice, fixRequestOf } from '../../components/FixActions';
import { type Gender, genderOf } from '../../components/gender';
import type { ExportFormat, SavedFilter } from '../../components/SavedQuotes';
import { EMPTY_FILTER } from '../../components/SavedQuotes';
import { dirOf, resolveLang, type UiLang } from '../../locales/index';
import { ask } from '../../messaging/client';
import type { PageMessage } from '../../messaging/page';
import type { TabArticle, TabStatus } from '../../messaging/protocol';
import { saveQuoteRequest } from '../../messaging/save-quote';
import { setSiteAnalysed } from '../../storage/settings';
import type { ActorType } from '../../types/analysis';
import type { AnchorStatus, HistoryHit, SavedQuoteView, TimelineEntry } from '../../types/library';
import type { Theme } from '../../types/settings';

export type ViewId = 'article' | 'saved' | 'history';
export const VIEWS: readonly ViewId[] = ['article', 'saved', 'history'];

export type Load = 'loading' | 'ready' | 'error';

export const lang = signal<UiLang>('ar');
export const dir = computed(() => dirOf(lang.value));
export const theme = signal<Theme>('system');
/** With online enrichment on, a card is asked for only when the reader opens that actor (the name goes online). */
export const enrichmentOn = signal(false);
export const view = signal<ViewId>('article');
/** The actor whose timeline is open (over the current view), or null. */
export const actorPage = signal<string | null>(null);

export const tabId = signal<number | null>(null);
export const tabStatus = signal<TabStatus | null>(null);
export const article = signal<TabArticle | null>(null);
export const descriptions = signal<Record<string, { description: string | null; latin: string | null }>>({});
/** Quotation keys (start:end) of this article the reader saved, mapped to the saved quotation's id. */
export const savedHere = signal<Record<string, string>>({});
export const copyState = signal<Record<string, 'copied' | 'failed'>>({});

export const savedFilter = signal<SavedFilter>(EMPTY_FILTER);
export const savedItems = signal<SavedQuoteView[]>([]);
/** The filter savedItems answer. */
export const savedItemsFor = signal<SavedFilter>(EMPTY_FILTER);
export const savedAll = signal<SavedQuoteView[]>([]);
export const anchors = signal<Record<string, AnchorStatus>>({});
export const savedLoad = signal<Load>('loading');

export const historyQuery = signal('');
export const historyItems = signal<HistoryHit[]>([]);
/** The query historyItems answer. */
export const historyItemsFor = signal('');
export const historyLoad = signal<Load>('loading');

export const timeline = signal<{ name: string; type: ActorType | null; gender: Gender; entries: TimelineEntry[] } | null>(null);
export const timelineLoad = signal<Load>('loading');
export const corrections = signal<Record<string, string>>({});

/** A database-wide problem ("could not open", "purged") shown above every view. */
export const storageProblem = signal<{ kind: 'open' | 'purged'; detail: string } | null>(null);
export const errorText = signal<string | null>(null);
/** Short confirmation or undo offer, announced politely. */
export const toast = signal<{ text: string; undo?: () => void } | null>(null);

/** The panel's language: `?lang=` wins (screenshots), else the reader's setting, else the browser's language. */
export function pickLang(urlLang: string | null, setting: 'browser' | UiLang, browserLang: string): UiLang {
  if (urlLang === 'ar' || urlLang === 'en') return urlLang;
  return resolveLang(setting, browserLang);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The tab this panel describes: `?tab=` when opened as a page, else the active tab of this window. */
export async function describedTabId(search = location.search): Promise<number | null> {
  const fromUrl = new URLSearchParams(search).get('tab');
  if (fromUrl && /^\d+$/.test(fromUrl)) return Number(fromUrl);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Send a message to the described tab's content script; a tab without one is not an error. */
async function toPage(message: PageMessage): Promise<void> {
  const id = tabId.value;
  if (id === null) return;
  await browser.tabs.sendMessage(id, message).catch(() => {});
}

/** Refresh the described tab's status and, when it changed (or `force`), its article and the cards' descriptions. */
export async function refreshTab(force = false): Promise<void> {
  // A real side panel follows the active tab; a panel page opened with ?tab= keeps describing that tab.
  const id = await describedTabId();
  tabId.value = id;
  if (id === null) return;
  const status = await ask({ type: 'getTabStatus', tabId: id });
  const before = tabStatus.value;
  tabStatus.value = status;
  const changed =
    !before ||
    before.tabId !== status.tabId ||
    before.state !== status.state ||
    before.readingId !== status.readingId ||
    before.url !== status.url;
  if (!changed && !force && article.value) return;
  if (status.state !== 'done') {
    article.value = null;
    return;
  }
  const current = await ask({ type: 'getTabArticle', tabId: id });
  article.value = current;
  await Promise.all([loadDescriptions(current), loadSavedHere(current)]);
}

async function loadCard(current: TabArticle, actorId: string): Promise<void> {
  if (!current.readingId) return;
  try {
    const card = await ask({ type: 'getCard', readingId: current.readingId, actorId, publishedAt: current.publishedAt });
    descriptions.value = { ...descriptions.value, [actorId]: { description: card.description, latin: card.name.latin } };
  } catch {
    // A card that cannot be built leaves the tile with what the article says.
  }
}

/** Offline, every tile gets its card's description; with enrichment on, only actors the reader opens do. */
async function loadDescriptions(current: TabArticle | null): Promise<void> {
  descriptions.value = {};
  if (!current?.readingId || enrichmentOn.value) return;
  await Promise.all(current.analysis.actors.map((actor) => loadCard(current, actor.id)));
}

async function loadSavedHere(current: TabArticle | null): Promise<void> {
  if (!current) return;
  try {
    const { items } = await ask({ type: 'savedForPage', url: current.url });
    savedHere.value = Object.fromEntries(items.map((q) => [`${q.start}:${q.end}`, q.id]));
  } catch {
    savedHere.value = {};
  }
}

/** The reader's "analyse this page anyway" (and, when asked, every page of its site from now on). */
export async function analyseAnyway(rememberSite: boolean): Promise<void> {
  const url = tabStatus.value?.url;
  try {
    if (rememberSite && url) await setSiteAnalysed(url, true);
    await toPage({ type: 'page:analyseAnyway' });
    await refreshTab();
  } catch (error) {
    errorText.value = describe(error);
  }
}

/** A correction from the panel: stored, applied to the page at once, and offered for undo. */
export async function fixFromPanel(subject: string, choice: FixChoice, doneText: string): Promise<void> {
  const url = article.value?.url ?? tabStatus.value?.url ?? '';
  try {
    const row = await ask({ type: 'addFix', fix: fixRequestOf(choice, subject, url) });
    await afterFix();
    toast.value = {
      text: doneText,
      undo: async () => {
        toast.value = null;
        await ask({ type: 'removeFix', id: row.id });
        await afterFix();
      },
    };
  } catch (error) {
    errorText.value = describe(error);
  }
}

/** The page analyses again with the corrections; the panel then shows what it shows. */
async function afterFix(): Promise<void> {
  await toPage({ type: 'page:fixesChanged' });
  await refreshTab(true);
}

/** Ask the page to scroll to an actor's first mention and flash it. */
export async function showActor(actorId: string): Promise<void> {
  await toPage({ type: 'page:focusActor', actorId });
  const current = article.value;
  if (current && enrichmentOn.value && !descriptions.value[actorId]) await loadCard(current, actorId);
}

/** Save one of this article's quotations with its context (W3C selectors). */
export async function saveArticleQuote(start: number, end: number): Promise<void> {
  const current = article.value;
  if (!current) return;
  const quote = current.analysis.quotes.find((q) => q.start === start && q.end === end);
  if (!quote) return;
  try {
    const article = { text: current.analysis.text, url: current.url, readingId: current.readingId };
    const saved = await ask(saveQuoteRequest(article, start, end, quote.speaker));
    savedHere.value = { ...savedHere.value, [`${start}:${end}`]: saved.id };
    await toPage({ type: 'page:savedChanged' });
  } catch (error) {
    errorText.value = describe(error);
  }
}

/** Put a citation on the clipboard and say whether it worked. */
export async function copyText(key: string, text: string): Promise<void> {
  let state: 'copied' | 'failed' = 'copied';
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    state = 'failed';
  }
  copyState.value = { ...copyState.value, [key]: state };
  setTimeout(() => {
    const { [key]: _gone, ...rest } = copyState.value;
    copyState.value = rest;
  }, 2500);
}

function dayStart(date: string): number | undefined {
  const ms = Date.parse(`${date}T00:00:00`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Load saved quotations for the current filter, and the unfiltered set for the speaker/site choices. */
let savedToken = 0;

export async function loadSaved(): Promise<void> {
  const token = ++savedToken;
  const f = savedFilter.value;
  try {
    const to = f.to ? dayStart(f.to) : undefined;
    const [filtered, all] = await Promise.all([
      ask({
        type: 'listSavedQuotes',
        text: f.text.trim() || undefined,
        speaker: f.speaker || undefined,
        site: f.site || undefined,
        from: f.from ? dayStart(f.from) : undefined,
        to: to === undefined ? undefined : to + 86_399_999,
        limit: 1000,
      }),
      ask({ type: 'listSavedQuotes', limit: 1000 }),
    ]);
    if (token !== savedToken) return; // a newer filter already answered
    batch(() => {
      savedItems.value = filtered.items;
      savedItemsFor.value = f;
      savedAll.value = all.items;
      savedLoad.value = 'ready';
    });
    void loadAnchors(all.items);
  } catch (error) {
    savedLoad.value = 'error';
    errorText.value = describe(error);
  }
}

/** Which saved quotations no longer match their article as last read (badge "article changed"). */
async function loadAnchors(items: SavedQuoteView[]): Promise<void> {
  const urls = [...new Set(items.map((q) => q.url))].slice(0, 50);
  const found: Record<string, AnchorStatus> = {};
  await Promise.all(
    urls.map(async (url) => {
      try {
        const { items: anchored } = await ask({ type: 'savedForPage', url });
        for (const q of anchored) found[q.id] = q.anchor.status;
      } catch {
        // Unknown status: no badge rather than a wrong one.
      }
    }),
  );
  anchors.value = found;
}

export const speakers = computed(() =>
  [...new Set(savedAll.value.map((q) => q.speakerName).filter((s): s is string => !!s))].sort((a, b) => a.localeCompare(b, 'ar')),
);
export const sites = computed(() => [...new Set(savedAll.value.map((q) => q.site))].sort());

/** Change the saved-quotations filter and reload the list. */
export function setSavedFilter(patch: Partial<SavedFilter>): Promise<void> {
  savedFilter.value = { ...savedFilter.value, ...patch };
  return loadSaved();
}

/** Save a note or tags on a saved quotation. */
export async function updateSaved(id: string, patch: { note?: string; tags?: string[] }): Promise<void> {
  try {
    const updated = await ask({ type: 'updateSavedQuote', id, ...patch });
    const swap = (list: SavedQuoteView[]) => list.map((q) => (q.id === id ? updated : q));
    batch(() => {
      savedItems.value = swap(savedItems.value);
      savedAll.value = swap(savedAll.value);
    });
  } catch (error) {
    errorText.value = describe(error);
  }
}

/** Delete a saved quotation, offering to undo (which saves it again with its note and tags). */
export async function deleteSaved(quote: SavedQuoteView, deletedText: string): Promise<void> {
  try {
    await ask({ type: 'unsaveQuote', id: quote.id });
    await loadSaved();
    await toPage({ type: 'page:savedChanged' });
    toast.value = {
      text: deletedText,
      undo: async () => {
        toast.value = null;
        await ask({
          type: 'saveQuote',
          readingId: quote.readingId,
          url: quote.url,
          exact: quote.exact,
          prefix: quote.prefix,
          suffix: quote.suffix,
          start: quote.start,
          end: quote.end,
          speakerName: quote.speakerName,
          actorId: quote.actorId,
          note: quote.note,
          tags: quote.tags,
        });
        await loadSaved();
        document.getElementById('saved-search')?.focus(); // the Undo button is gone: keep the keyboard in the list's view
        await toPage({ type: 'page:savedChanged' });
      },
    };
  } catch (error) {
    errorText.value = describe(error);
  }
}

/** Export the (filtered) saved quotations and hand the file to the browser as a download. */
export async function exportSaved(format: ExportFormat): Promise<string | null> {
  const f = savedFilter.value;
  try {
    const file = await ask({
      type: 'exportQuotes',
      format,
      text: f.text.trim() || undefined,
      speaker: f.speaker || undefined,
      site: f.site || undefined,
    });
    downloadText(file.fileName, file.mime, file.text);
    return file.fileName;
  } catch (error) {
    errorText.value = describe(error);
    return null;
  }
}

/** Offer text as a file download (an <a download> on a blob URL works in every extension page). */
export function downloadText(fileName: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

let historyToken = 0;

/** Load the history: every reading newest first, or the readings matching the query. */
export async function loadHistory(): Promise<void> {
  const token = ++historyToken;
  const query = historyQuery.value.trim();
  try {
    const items: HistoryHit[] = query
      ? (await ask({ type: 'searchHistory', query, limit: 1000 })).items
      : (await ask({ type: 'listReadings', limit: 1000 })).items.map((reading) => ({ reading, matches: [] }));
    if (token !== historyToken) return; // a newer query already answered
    batch(() => {
      historyItems.value = items;
      historyItemsFor.value = query;
      historyLoad.value = 'ready';
    });
  } catch (error) {
    if (token !== historyToken) return;
    historyLoad.value = 'error';
    errorText.value = describe(error);
  }
}

/** Where the timeline was opened from: an actor of a reading (all its name keys, knowledge id included) or just a name. */
let actorRef: { readingId: string; actorId: string } | null = null;

/** Open an actor's timeline across all readings; from an article, the actor's own keys find every spelling it was known by. */
export async function openActor(name: string, ref: { readingId: string; actorId: string } | null = null): Promise<void> {
  if (ref || actorPage.value !== name) actorRef = ref;
  batch(() => {
    actorPage.value = name;
    timelineLoad.value = 'loading';
  });
  try {
    const answer = await ask(actorRef ? { type: 'actorTimeline', ...actorRef, limit: 1000 } : { type: 'actorTimeline', name, limit: 1000 });
    if (actorPage.value !== name) return;
    // The article the timeline was opened from says whether a person is a man or a woman.
    const here = article.value;
    const actor =
      actorRef && here?.readingId === actorRef.readingId ? here.analysis.actors.find((a) => a.id === actorRef?.actorId) : undefined;
    const gender = here && actor ? genderOf(here.analysis, actor) : null;
    batch(() => {
      timeline.value = { name: answer.name || name, type: answer.type, gender, entries: answer.entries };
      timelineLoad.value = 'ready';
    });
  } catch (error) {
    timelineLoad.value = 'error';
    errorText.value = describe(error);
  }
}

/** Record (or remove) the reader's correction of what a name stands for, then reload the timeline. */
export async function correct(name: string, to: string | null): Promise<void> {
  try {
    await ask({ type: 'correctActor', name, to: to ? { name: to } : null });
    actorRef = null; // the correction is keyed by name: look it up by name from now on
    const { [name]: _old, ...rest } = corrections.value;
    corrections.value = to ? { ...rest, [name]: to } : rest;
    await openActor(name);
  } catch (error) {
    errorText.value = describe(error);
  }
}

/** Did the browser purge the reader's data? (A database that cannot open is reported by the live query.) */
export async function checkStorage(): Promise<void> {
  try {
    const status = await ask({ type: 'storageStatus' });
    if (status.purged) storageProblem.value = { kind: 'purged', detail: '' };
  } catch {
    // No status is not a problem to alarm the reader with; the lists report their own errors.
  }
}

/** Reload what the visible view shows. */
export function refreshView(): Promise<void> {
  if (actorPage.value) return openActor(actorPage.value);
  if (view.value === 'saved') return loadSaved();
  if (view.value === 'history') return loadHistory();
  return refreshTab();
}
