// The background's side of the page: toolbar badge, the «احفظ كاقتباس» context menu, and the
// keyboard commands forwarded to the tab's content script.
import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { resolveLang, t } from '../../locales/index';
import type { PageMessage } from '../../messaging/page';
import { PANEL_FOCUS_KEY } from '../../messaging/page-requests';
import { getSettings, watchSettings } from '../../storage/settings';
import type { Handlers } from './handlers';

const MENU_ID = 'siyaq-save-quote';

/** What each keyboard command (wxt.config.ts `commands`) asks the tab's content script. */
export const COMMANDS: Record<string, PageMessage> = {
  'toggle-marks': { type: 'page:toggleMarks' },
  'next-mark': { type: 'page:nextMark' },
  'previous-mark': { type: 'page:previousMark' },
  'highlight-selection': { type: 'page:saveSelection' },
};

type ActionApi = {
  setBadgeText(d: { text: string; tabId?: number }): Promise<void>;
  setBadgeBackgroundColor(d: { color: string; tabId?: number }): Promise<void>;
};

function actionApi(): ActionApi | null {
  const b = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  return b.action ?? b.browserAction ?? null;
}

/** The badge text for a number of saved quotations: empty for none, capped so it fits. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

async function setBadge(tabId: number, count: number): Promise<string> {
  const text = badgeText(count);
  const action = actionApi();
  if (!action) return text;
  await action.setBadgeText({ tabId, text }).catch(() => {});
  if (text) await action.setBadgeBackgroundColor({ tabId, color: '#c62828' }).catch(() => {});
  return text;
}

/** Send a message to a tab's content script; a tab without one (chrome://, paused site) is not an error. */
export async function sendToTab(tabId: number, message: PageMessage): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, message);
  } catch {
    return undefined;
  }
}

async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id ?? null;
}

export const pageHandlers = {
  async reportPage(request, sender) {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { badge: '' };
    return { badge: await setBadge(tabId, request.savedCount) };
  },
  async openPanel(request, sender) {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { opened: false };
    const session = (browser.storage as { session?: typeof browser.storage.local }).session;
    await session?.set({ [PANEL_FOCUS_KEY]: { tabId, actorId: request.actorId, at: Date.now() } }).catch(() => {});
    const g = globalThis as {
      chrome?: { sidePanel?: { open(o: { tabId: number }): Promise<void> } };
      browser?: { sidebarAction?: { open(): Promise<void> } };
    };
    try {
      if (g.chrome?.sidePanel) await g.chrome.sidePanel.open({ tabId });
      else await g.browser?.sidebarAction?.open();
      return { opened: true };
    } catch {
      // Browsers may refuse without a direct user gesture; the panel still finds the actor when opened.
      return { opened: false };
    }
  },
} satisfies Partial<Handlers>;

async function createMenu(): Promise<void> {
  const lang = resolveLang((await getSettings()).uiLang, browser.i18n.getUILanguage());
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ID, title: t(lang, 'saveAsQuote'), contexts: ['selection'] });
}

/** Wire commands, the context menu and badge resets; called once from the background's main. */
export function setupPage(): void {
  browser.runtime.onInstalled.addListener(() => {
    createMenu().catch(() => {});
  });
  browser.runtime.onStartup?.addListener(() => {
    createMenu().catch(() => {});
  });
  watchSettings(() => {
    createMenu().catch(() => {});
  });
  browser.contextMenus.onClicked.addListener((info: Menus.OnClickData, tab?: Tabs.Tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    sendToTab(tab.id, { type: 'page:saveSelection', text: info.selectionText ?? '' });
  });
  browser.commands?.onCommand.addListener(async (command: string, tab?: Tabs.Tab) => {
    const message = COMMANDS[command];
    if (!message) return;
    const tabId = tab?.id ?? (await activeTabId());
    if (tabId !== null) await sendToTab(tabId, message);
  });
  browser.tabs.onUpdated.addListener((tabId: number, change: Tabs.OnUpdatedChangeInfoType) => {
    if (change.status === 'loading') setBadge(tabId, 0).catch(() => {});
  });
}
