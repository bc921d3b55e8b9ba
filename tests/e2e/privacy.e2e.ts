// Privacy in real Chromium with the built extension: with default settings reading articles makes no network
// request at all; a paused site gets no analysis; "forget this site" leaves nothing of it in either database.
import type { Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Session, saveFailureArtifacts, startSession } from './harness';
import { askBackground, highlights, pageState, setSettings } from './page-helpers';

// Let Playwright report the extension service worker's own requests too (read when the browser starts).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

declare const indexedDB: IDBFactory;

async function painted(session: Session, page: Page): Promise<void> {
  await expect.poll(async () => (await pageState(session, page))?.painted ?? false, { timeout: 30_000 }).toBe(true);
}

/** Every row of both extension databases, as text, read inside the service worker. */
async function bothDatabases(session: Session): Promise<Record<string, string>> {
  const [worker] = session.context.serviceWorkers();
  if (!worker) throw new Error('no service worker');
  return worker.evaluate(async () => {
    const out: Record<string, string> = {};
    for (const name of ['siyaq', 'siyaq-cache']) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const rows: Record<string, unknown[]> = {};
      for (const store of [...db.objectStoreNames]) {
        rows[store] = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      }
      db.close();
      out[name] = JSON.stringify(rows);
    }
    return out;
  });
}

describe('privacy', () => {
  let session: Session;
  const requests: { url: string; from: string }[] = [];
  const record = (request: Request) => {
    const url = request.url();
    let from = 'service worker';
    try {
      from = request.frame().url() || 'page';
    } catch {
      // Requests of workers have no frame.
    }
    requests.push({ url, from });
  };
  beforeAll(async () => {
    session = await startSession();
    session.context.on('request', record);
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await saveFailureArtifacts(session, ctx.task.name);
  });

  it('with default settings, reading several articles makes no network request', async () => {
    requests.length = 0;
    const pages = ['demo-article.html', 'demo-article-2.html', 'hostile-markup.html', 'persian-news.html', 'english-page.html'];
    let markedPages = 0;
    for (const path of pages) {
      const page = await session.open(path);
      if (path.startsWith('demo') || path.startsWith('hostile')) {
        await painted(session, page);
        markedPages++;
      } else await page.waitForTimeout(1500);
      if (path === 'demo-article.html') {
        const panel = await session.openPanel(page, 'ar');
        await panel.waitForTimeout(1500);
        await panel.close();
      }
      await page.close();
    }
    expect(markedPages).toBe(3);
    // Only the fixture pages themselves (served from 127.0.0.1) and the extension's own files may be fetched.
    const local = (u: string) => u.startsWith(session.server.origin) || /^(chrome-extension|data|blob|about):/.test(u);
    const leaks = requests.filter((r) => !local(r.url));
    expect(leaks, JSON.stringify(leaks.slice(0, 5))).toEqual([]);
    // And nothing the extension itself asked of the page's server: every local request is one of ours, made by a page.
    const extensionToServer = requests.filter((r) => r.url.startsWith(session.server.origin) && r.from.startsWith('chrome-extension:'));
    expect(extensionToServer).toEqual([]);
  });

  it('the recorder does see the extension’s own requests (the control for the test above)', async () => {
    requests.length = 0;
    const [worker] = session.context.serviceWorkers();
    // 192.0.2.0/24 is reserved for documentation: nothing answers, the attempt is what counts.
    await worker!.evaluate(() => fetch('http://192.0.2.1/siyaq-probe').catch(() => null));
    await expect.poll(() => requests.some((r) => r.url.includes('siyaq-probe')), { timeout: 5000 }).toBe(true);
  });

  it('a paused site gets no analysis at all: no marks, no reading', async () => {
    const before = await askBackground<{ total: number }>(session, { type: 'listReadings' });
    await setSettings(session, { pausedSites: ['127.0.0.1'] });
    const page = await session.open('demo-article-2.html?paused');
    await page.waitForTimeout(3000);
    expect(await highlights(page)).toEqual({});
    expect((await pageState(session, page))?.painted ?? false).toBe(false);
    const after = await askBackground<{ total: number; items: { url: string }[] }>(session, { type: 'listReadings' });
    expect(after.total).toBe(before.total);
    expect(after.items.some((r) => r.url.includes('?paused'))).toBe(false);
    await page.close();
    await setSettings(session, { pausedSites: [] });
  });

  it('"forget this site" leaves nothing of it in either database and keeps other sites', async () => {
    const page = await session.open('demo-article.html');
    await painted(session, page);
    const { items } = await askBackground<{ items: { id: string; site: string }[] }>(session, { type: 'listReadings' });
    const mine = items.find((r) => r.site.startsWith('127.0.0.1'));
    expect(mine).toBeDefined();
    await askBackground(session, {
      type: 'saveQuote',
      readingId: mine!.id,
      exact: 'المجتمع الدولي لا يملك ترف الانتظار',
      prefix: '',
      suffix: '',
      start: 0,
      end: 35,
    });
    await page.close();
    // Another site: the same server under another host name.
    const other = await session.context.newPage();
    await other.goto(`${session.server.origin.replace('127.0.0.1', 'localhost')}/demo-article-2.html`);
    await painted(session, other);
    await other.close();

    const before = await bothDatabases(session);
    expect(before.siyaq).toContain('127.0.0.1');
    expect(before.siyaq).toContain('localhost');
    const forgotten = await askBackground<{ readings: number; savedQuotes: number }>(session, { type: 'forgetSite', site: mine!.site });
    expect(forgotten.readings).toBeGreaterThan(0);
    expect(forgotten.savedQuotes).toBe(1);
    const after = await bothDatabases(session);
    expect(after.siyaq).not.toContain('127.0.0.1');
    expect(after['siyaq-cache']).not.toContain('127.0.0.1');
    expect(after.siyaq, 'the other site is kept').toContain('localhost');
  });
});
