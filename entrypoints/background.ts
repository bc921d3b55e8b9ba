// Composition root: validates every message, runs the analysis, records readings.
import browser, { type Runtime } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { type Envelope, ProtocolError, parseRequest, type Request, type TabStatus } from '../messaging/protocol';
import { analyze } from '../nlp/analyze';
import { recordReading } from '../storage/readings';

const tabStatus = new Map<number, TabStatus>();

function emptyStatus(tabId: number): TabStatus {
  return { tabId, state: 'idle', url: null, title: null, actors: 0, quotes: 0, readingId: null, error: null };
}

/** Only this extension's own content scripts and pages may talk to the background. */
function isOwnSender(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

async function handle(request: Request, sender: Runtime.MessageSender): Promise<unknown> {
  switch (request.type) {
    case 'analyzeArticle': {
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
    }
    case 'getTabStatus':
      return tabStatus.get(request.tabId) ?? emptyStatus(request.tabId);
  }
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<Envelope<unknown>> => {
    if (!isOwnSender(sender)) return Promise.resolve({ ok: false, error: 'sender is not this extension' });
    let request: Request;
    try {
      request = parseRequest(raw);
    } catch (error) {
      return Promise.resolve({ ok: false, error: error instanceof ProtocolError ? error.message : String(error) });
    }
    return handle(request, sender).then(
      (data) => ({ ok: true, data }),
      (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });

  // The toolbar button opens the side panel (Chrome); Firefox opens its sidebar from the action.
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome?.sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
});
