// The e2e harness: the built extension in real Chromium with a fresh profile, pages from 127.0.0.1.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchWithExtension, type PageServer, ROOT, servePages } from '../../scripts/browser';

export const ARTIFACTS = join(ROOT, 'test-results');

export interface Session {
  context: BrowserContext;
  extensionId: string;
  server: PageServer;
  profileDir: string;
  consoleLines: string[];
  /** Open a fixture page and wait until the content script has had its say. */
  open(path: string): Promise<Page>;
  /** Open the side panel page as a tab, describing the given page's tab. */
  openPanel(describes?: Page, lang?: 'ar' | 'en'): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Close the browser, keeping the profile (for restart tests). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Launch Chromium with the extension; pass a profile directory to reuse one. */
export async function startSession(profileDir = mkdtempSync(join(tmpdir(), 'siyaq-e2e-'))): Promise<Session> {
  const server = await servePages();
  const consoleLines: string[] = [];
  let launched = await launchWithExtension(profileDir, { headless: true });
  const watch = (context: BrowserContext) => {
    context.on('console', (msg) => consoleLines.push(`[${msg.type()}] ${msg.text()}`));
    context.on('weberror', (err) => consoleLines.push(`[pageerror] ${err.error().message}`));
  };
  watch(launched.context);
  const session: Session = {
    get context() {
      return launched.context;
    },
    get extensionId() {
      return launched.extensionId;
    },
    server,
    profileDir,
    consoleLines,
    async open(path) {
      const page = await launched.context.newPage();
      await page.goto(`${server.origin}/${path.replace(/^\//, '')}`);
      return page;
    },
    async openPanel(describes, lang) {
      const tabId = describes ? await tabIdOf(describes) : null;
      const params = new URLSearchParams();
      if (tabId !== null) params.set('tab', String(tabId));
      if (lang) params.set('lang', lang);
      const page = await launched.context.newPage();
      await page.goto(`chrome-extension://${launched.extensionId}/sidepanel.html?${params}`);
      return page;
    },
    async openOptions() {
      const page = await launched.context.newPage();
      await page.goto(`chrome-extension://${launched.extensionId}/options.html`);
      return page;
    },
    async restart() {
      await launched.context.close();
      launched = await launchWithExtension(profileDir, { headless: true });
      watch(launched.context);
    },
    async close() {
      await launched.context.close().catch(() => {});
      await server.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return session;
}

/** The browser's tab id of a page: brought to the front, it is the active tab (no `tabs` permission needed). */
export async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  const [worker] = page.context().serviceWorkers();
  if (!worker) throw new Error('extension service worker not running');
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/** Save screenshots of every open page and the console when a test fails. */
export async function saveFailureArtifacts(session: Session | undefined, testName: string): Promise<void> {
  if (!session) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  const slug = testName.replace(/[^\w-]+/g, '_').slice(0, 80);
  const pages = session.context.pages();
  for (const [i, page] of pages.entries()) {
    await page.screenshot({ path: join(ARTIFACTS, `${slug}-${i}.png`), fullPage: true }).catch(() => {});
  }
  writeFileSync(join(ARTIFACTS, `${slug}-console.txt`), session.consoleLines.join('\n'));
}

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

/**
 * One browser session for a describe block: started before its tests, closed after them, with
 * screenshots and the console saved for each failing test. `use` receives the session.
 */
export function withSession(use: (session: Session) => void): void {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await startSession();
    use(session);
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await saveFailureArtifacts(session, ctx.task.name);
  });
}
