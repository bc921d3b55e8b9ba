// Reading what the extension shows on a page, the way a reader (or a screen reader) would meet it:
// the page's highlight registry, the card inside its closed shadow root, and the page's own state.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PageMessage, PageState } from '../../messaging/page';
import { inExtensionWorld } from '../../scripts/browser';
import { type Session, tabIdOf } from './harness';

declare const chrome: {
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
  dom: { openOrClosedShadowRoot(el: Element): ShadowRoot | null };
  storage: { local: { set(items: object): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};

/** Send a message to the page's content script from the background, as the commands and the panel do. */
export async function toPage(session: Session, page: Page, message: PageMessage): Promise<unknown> {
  const tabId = await tabIdOf(page);
  const [worker] = session.context.serviceWorkers();
  if (!worker) throw new Error('no service worker');
  return worker.evaluate(([id, m]) => chrome.tabs.sendMessage(id, m), [tabId, message] as const);
}

/** The toolbar badge text of the page's tab. */
export async function badgeOf(session: Session, page: Page): Promise<string> {
  const tabId = await tabIdOf(page);
  const [worker] = session.context.serviceWorkers();
  if (!worker) throw new Error('no service worker');
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** The page's state as the content script reports it; null when no content script answers (not an article). */
export async function pageState(session: Session, page: Page): Promise<PageState | null> {
  try {
    return ((await toPage(session, page, { type: 'page:state' })) as PageState | undefined) ?? null;
  } catch {
    return null;
  }
}

/** Every siyaq-* highlight registered in the page, with the text of its ranges (read from the page's main world). */
export function highlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    for (const [name, h] of registry) {
      if (!name.startsWith('siyaq-')) continue;
      out[name] = [...h].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      });
    }
    return out;
  });
}

export interface CardView {
  kind: string | null;
  name: string;
  role: string;
  speaker: string;
  text: string;
  lang: string | null;
  dir: string | null;
  rect: { x: number; y: number; width: number; height: number };
  buttons: Record<string, { x: number; y: number }>;
  /** The card's shadow content, to check it in isolation (axe). */
  html: string;
}

const CARD_EXPRESSION = `(() => {
  const host = document.querySelector('siyaq-card');
  if (!host) return null;
  const root = chrome.dom.openOrClosedShadowRoot(host);
  const float = root && root.querySelector('.sq-float');
  if (!float || float.hidden) return null;
  const card = float.querySelector('.sq-card');
  const text = (sel) => (float.querySelector(sel)?.textContent ?? '').trim();
  const buttons = {};
  for (const b of float.querySelectorAll('[data-testid]')) {
    const r = b.getBoundingClientRect();
    buttons[b.getAttribute('data-testid')] = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }
  const r = float.getBoundingClientRect();
  const shell = root.querySelector('.sq-root');
  return {
    kind: card?.getAttribute('data-testid') ?? null,
    name: text('[data-testid=card-name]'),
    role: text('[data-testid=card-role]'),
    speaker: text('[data-testid=quote-speaker]'),
    text: (card?.textContent ?? '').trim(),
    lang: shell?.getAttribute('lang') ?? null,
    dir: shell?.getAttribute('dir') ?? null,
    rect: { x: r.x, y: r.y, width: r.width, height: r.height },
    buttons,
    html: root.innerHTML,
  };
})()`;

/** The open card as the reader sees it, or null. */
export function openCard(page: Page, extensionId: string): Promise<CardView | null> {
  return inExtensionWorld<CardView | null>(page, extensionId, CARD_EXPRESSION);
}

/** Move the pointer onto the n-th range of a highlight the way a reader would, and rest there. */
export async function hoverHighlight(page: Page, name: string, matching: string): Promise<void> {
  const box = await page.evaluate(
    ([n, text]) => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(n);
      const range = [...(h ?? [])].find((r) => r.toString().includes(text));
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
    },
    [name, matching] as const,
  );
  if (!box) throw new Error(`no ${name} highlight containing ${matching}`);
  await page.mouse.move(box.x + 40, box.y + 40);
  await page.mouse.move(box.x, box.y, { steps: 4 });
}

/** Change the reader's settings the way the options page does (storage.local "settings"). */
export async function setSettings(session: Session, settings: object): Promise<void> {
  const [worker] = session.context.serviceWorkers();
  if (!worker) throw new Error('no service worker');
  await worker.evaluate((s) => chrome.storage.local.set({ settings: s }), settings);
}

/** Ask the background a protocol question from an extension page, as the side panel does. */
export async function askBackground<T>(session: Session, request: object): Promise<T> {
  const page = await session.openOptions();
  try {
    const reply = (await page.evaluate((r) => chrome.runtime.sendMessage(r), request)) as { ok: boolean; data?: T; error?: string };
    if (!reply?.ok) throw new Error(reply?.error ?? 'no answer');
    return reply.data as T;
  } finally {
    await page.close();
  }
}

/** Select a piece of an article paragraph's text, as a reader dragging over it would. */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const p = [...document.querySelectorAll('article p')].find((e) => e.textContent?.includes(wanted))!;
    const node = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.includes(wanted))!;
    const at = node.textContent!.indexOf(wanted);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + wanted.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }, text);
}

/** Wait until the content script has painted the page (the first marks are registered). */
export async function painted(session: Session, page: Page, timeout = 20_000): Promise<void> {
  await expect.poll(async () => (await pageState(session, page))?.painted ?? false, { timeout }).toBe(true);
}
