// Composition root: validates every message, then hands it to the module that owns its type.
import browser, { type Runtime } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { type Envelope, ProtocolError, parseRequest, type Request } from '../../messaging/protocol';
import { analysisHandlers, readingWritten } from './analysis';
import { cardHandlers } from './cards';
import { isQuotaError, QUOTA_MESSAGE } from './errors';
import type { Handler, Handlers } from './handlers';
import { libraryHandlers } from './library';
import { pageHandlers, setupPage } from './page';

const handlers: Handlers = { ...analysisHandlers, ...libraryHandlers, ...cardHandlers, ...pageHandlers };

/** Only this extension's own content scripts and pages may talk to the background. */
function isOwnSender(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

/**
 * What a content script may ask: it lives inside pages nobody here controls, so reading the whole history,
 * backups, exports and clearing are left to the extension's own pages (side panel, settings).
 */
export const PAGE_REQUESTS: ReadonlySet<Request['type']> = new Set<Request['type']>([
  'analyzeArticle',
  'reportNotArticle',
  'savedForPage',
  'saveQuote',
  'unsaveQuote',
  'updateSavedQuote',
  'getCard',
  'chooseEntity',
  'correctActor',
  'addFix',
  'removeFix',
  'reportPage',
  'openPanel',
]);

/** True for the side panel and settings pages; false for content scripts, whose sender URL is the web page's. */
function fromExtensionPage(sender: Runtime.MessageSender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
}

export { QUOTA_MESSAGE };

/** Validate, dispatch and wrap the answer in an envelope; errors become readable text, never throws. */
export async function dispatch(raw: unknown, sender: Runtime.MessageSender): Promise<Envelope<unknown>> {
  if (!isOwnSender(sender)) return { ok: false, error: 'sender is not this extension' };
  let request: Request;
  try {
    request = parseRequest(raw);
  } catch (error) {
    return { ok: false, error: error instanceof ProtocolError ? error.message : String(error) };
  }
  // A tab's page is answered before its reading is written; what the tab asks next waits for that write.
  const tabId = sender.tab?.id;
  if (tabId !== undefined && request.type !== 'analyzeArticle') await readingWritten(tabId);
  if (!PAGE_REQUESTS.has(request.type) && !fromExtensionPage(sender)) {
    return { ok: false, error: `"${request.type}" is only answered to the extension's own pages` };
  }
  try {
    const handler = handlers[request.type] as Handler<Request['type']>;
    return { ok: true, data: await handler(request, sender) };
  } catch (error) {
    if (isQuotaError(error)) return { ok: false, error: QUOTA_MESSAGE };
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => dispatch(raw, sender));
  setupPage();

  // The toolbar button opens the side panel (Chrome); Firefox opens its sidebar from the action.
  const sidePanel = (globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }).chrome?.sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
});
