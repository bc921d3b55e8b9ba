// Hostile and difficult pages in real Chromium with the built extension: text that looks like markup never
// runs in the card, the panel or an export; a page's CSS cannot restyle the card; a huge, live page with an
// editor, an iframe and shadow DOM keeps working, its editor untouched, without long main-thread tasks.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inExtensionWorld } from '../../scripts/browser';
import { type Session, withSession } from './harness';
import { askBackground, highlights, hoverHighlight, openCard, pageState } from './page-helpers';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Longest main-thread task allowed while the extension works on the busy page. `npm run bench` holds the
 * 50 ms budget on a quiet machine; this shared 2-core test machine gets headroom for noise, not for jank. */
const E2E_LONG_TASK_MS = 250;

async function painted(session: Session, page: Page): Promise<void> {
  await expect.poll(async () => (await pageState(session, page))?.painted ?? false, { timeout: 30_000 }).toBe(true);
}

/** What ran in the page because of markup in its text (null: nothing did). */
const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned: unknown }).__pwned);

/** The card's typography and box, read inside its closed shadow root. */
const CARD_STYLE = `(() => {
  const host = document.querySelector('siyaq-card');
  const root = host && chrome.dom.openOrClosedShadowRoot(host);
  const float = root && root.querySelector('.sq-float');
  if (!float || float.hidden) return null;
  const name = float.querySelector('[data-testid=card-name]') || float.querySelector('.sq-card');
  const cs = getComputedStyle(name);
  const r = float.getBoundingClientRect();
  return { fontSize: cs.fontSize, direction: cs.direction, fontFamily: cs.fontFamily, color: cs.color, letterSpacing: cs.letterSpacing,
    width: Math.round(r.width), height: Math.round(r.height), visible: r.width > 0 && r.height > 0 };
})()`;

describe('hostile pages', () => {
  let session: Session;
  withSession((s) => {
    session = s;
  });

  it('markup and javascript: text in names and quotations stays text in the card, the panel and every export', async () => {
    const page = await session.open('hostile-markup.html');
    await painted(session, page);
    const quotes = (await highlights(page))['siyaq-quote'] ?? [];
    expect(
      quotes.some((q) => q.includes('<img src=x')),
      'the quotation with markup in it is marked as text',
    ).toBe(true);

    await hoverHighlight(page, 'siyaq-quote', 'روسيا لن تتراجع');
    await expect.poll(async () => (await openCard(page, session.extensionId))?.text ?? '', { timeout: 10_000 }).toContain('<img src=x');
    const card = await openCard(page, session.extensionId);
    expect(card?.html, 'the card shows the characters, it does not build elements from them').not.toMatch(
      /<img[^>]*src="?x|<script>|<svg[^>]*onload/,
    );
    // The card's «open in panel»/links never point at javascript:.
    const cardLinks = await inExtensionWorld<string[]>(
      page,
      session.extensionId,
      `(() => { const h = document.querySelector('siyaq-card'); const r = h && chrome.dom.openOrClosedShadowRoot(h);
        return r ? [...r.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')) : []; })()`,
    );
    for (const href of cardLinks) expect(href).not.toMatch(/^\s*javascript:/i);

    const panel = await session.openPanel(page, 'ar');
    await expect.poll(() => panel.evaluate(() => document.body.textContent ?? ''), { timeout: 15_000 }).toContain('<img src=x');
    const panelDom = await panel.evaluate(() => ({
      images: [...document.querySelectorAll('img')].map((i) => i.getAttribute('src')),
      scripts: document.querySelectorAll('script:not([src])').length,
      hrefs: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    }));
    expect(panelDom.images).not.toContain('x');
    expect(panelDom.scripts).toBe(0);
    for (const href of panelDom.hrefs) expect(href).not.toMatch(/^\s*javascript:/i);
    expect(panelDom.pwned).toBeNull();

    // Save the quotation from an extension page and export it in every format.
    const { items } = await askBackground<{ items: { id: string; title: string | null }[] }>(session, { type: 'listReadings' });
    const reading = items.find((r) => r.title?.includes('بوتين يحذر'));
    expect(reading?.title, 'the title is kept as the characters it had').toContain('<img src=x');
    const exact = quotes.find((q) => q.includes('<img src=x'))!;
    const text = await page.evaluate(() => document.querySelector('article')!.textContent ?? '');
    expect(text.length).toBeGreaterThan(0);
    await askBackground(session, { type: 'saveQuote', readingId: reading!.id, exact, prefix: '', suffix: '', start: 0, end: exact.length });
    const md = await askBackground<{ text: string }>(session, { type: 'exportQuotes', format: 'markdown' });
    expect(md.text).toContain('\\<img');
    expect(md.text).not.toMatch(/(^|[^\\])<(img|script|svg|iframe)/);
    expect(md.text).not.toMatch(/\]\(<?javascript:/i);
    const csv = await askBackground<{ text: string }>(session, { type: 'exportQuotes', format: 'csv' });
    for (const line of csv.text.split(/\r\n/).slice(1))
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
    const ld = await askBackground<{ text: string }>(session, { type: 'exportQuotes', format: 'jsonld' });
    expect(JSON.stringify(JSON.parse(ld.text))).toContain('<img src=x');

    await page.bringToFront();
    expect(await pwned(page), 'nothing in the page ran because of its text').toBeNull();
    expect(session.consoleLines.join('\n')).not.toMatch(/Refused to execute inline|onerror/);
    await panel.close();
    await page.close();
  });

  it('a page whose CSS restyles everything does not change the card', async () => {
    const styleOn = async (path: string) => {
      const page = await session.open(path);
      await painted(session, page);
      await hoverHighlight(page, 'siyaq-person', 'غوتيريش');
      await expect.poll(async () => (await openCard(page, session.extensionId))?.name ?? '', { timeout: 10_000 }).toContain('غوتيريش');
      const style = await inExtensionWorld<Record<string, unknown> | null>(page, session.extensionId, CARD_STYLE);
      const card = await openCard(page, session.extensionId);
      await page.close();
      return { style, dir: card?.dir, lang: card?.lang };
    };
    const plain = await styleOn('demo-article.html');
    const hostile = await styleOn('hostile-css.html');
    expect(plain.style?.visible).toBe(true);
    expect(hostile.dir).toBe('rtl');
    expect(hostile.lang).toBe(plain.lang);
    // The same typography and (within a few pixels) the same box as on a well-behaved page.
    for (const key of ['fontSize', 'direction', 'fontFamily', 'color', 'letterSpacing'])
      expect(hostile.style?.[key], key).toEqual(plain.style?.[key]);
    expect(Math.abs(Number(hostile.style?.width) - Number(plain.style?.width))).toBeLessThanOrEqual(4);
    expect(Math.abs(Number(hostile.style?.height) - Number(plain.style?.height))).toBeLessThanOrEqual(4);
  });

  it('a 50,000-node live page with an editor, an iframe and shadow DOM keeps working, its editor untouched', async () => {
    const page = await session.open('hostile-busy.html');
    await painted(session, page);
    const nodes = await page.evaluate(() => (window as unknown as { __nodes: number }).__nodes);
    expect(nodes).toBeGreaterThan(50_000);
    // The page's own live updates arrive while the extension works (twenty paragraphs, 250 ms apart).
    await expect
      .poll(() => page.evaluate(() => document.querySelectorAll('article p').length), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(27);
    const beat0 = await page.evaluate(() => (window as unknown as { __heartbeat: number }).__heartbeat);
    await page.waitForTimeout(1000);
    const beat1 = await page.evaluate(() => (window as unknown as { __heartbeat: number }).__heartbeat);
    expect(beat1 - beat0, 'the page’s own timers keep running').toBeGreaterThan(5);

    // The editor: not rewritten, not marked, and typing still works.
    const editor = await page.evaluate(() => ({
      html: document.getElementById('editor')!.innerHTML,
      before: (window as unknown as { __editorBefore: string }).__editorBefore,
      wrapped: document.querySelectorAll('#editor siyaq-mark, #editor [data-siyaq]').length,
    }));
    expect(editor.html).toBe(editor.before);
    expect(editor.wrapped).toBe(0);
    const marks = Object.values(await highlights(page)).flat();
    expect(
      marks.some((m) => m.includes('المسودة لا تُمسّ')),
      'no mark inside the editor',
    ).toBe(false);
    await page.click('#editor');
    await page.keyboard.press('End');
    await page.keyboard.type(' تم');
    expect(await page.evaluate(() => document.getElementById('editor')!.textContent)).toContain('تم');
    await page.click('#counter');
    await page.click('#counter');
    expect(await page.textContent('#counter')).toBe('2');
    // The iframe and the page's own shadow root are still there and unchanged.
    expect(await page.frameLocator('#frame').locator('p').textContent()).toContain('الإطار صفحة أخرى');
    expect(await page.evaluate(() => document.getElementById('host')!.shadowRoot!.innerHTML)).toContain('الظل جزء من الصفحة');

    const tasks = await page.evaluate(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __built: number };
      return w.__longTasks.filter((t) => t.start >= w.__built).map((t) => Math.round(t.duration));
    });
    console.log(`busy page: ${nodes} nodes, long tasks after build (ms): [${tasks.join(', ')}]`);
    expect(Math.max(0, ...tasks), `long tasks: ${tasks.join(', ')}`).toBeLessThanOrEqual(E2E_LONG_TASK_MS);
    expect(session.consoleLines.filter((l) => l.startsWith('[pageerror]'))).toEqual([]);
    await page.close();
  });

  it('the background refuses malformed, oversized and out-of-place messages with a clear error, storing nothing', async () => {
    const count = async () => (await askBackground<{ total: number }>(session, { type: 'listReadings' })).total;
    const page = await session.open('demo-article.html');
    await painted(session, page);
    const before = await count();
    expect(before).toBeGreaterThan(0);
    const options = await session.openOptions();
    const send = (m: unknown) => options.evaluate((msg) => chrome.runtime.sendMessage(msg), m) as Promise<{ ok: boolean; error?: string }>;
    const huge = {
      type: 'analyzeArticle',
      url: 'https://x.example/a',
      title: null,
      blocks: Array.from({ length: 30 }, () => 'ب'.repeat(150_000)),
    };
    // message → error the sender reads
    const refused: [unknown, RegExp][] = [
      [huge, /too large/],
      [{ type: 'dropDatabase' }, /invalid message/],
      [{ type: 'analyzeArticle', url: 'javascript:alert(1)', title: null, blocks: ['x'] }, /invalid message at url/],
      [{ type: 'analyzeArticle', url: 'https://x.example/a', title: null, blocks: [{ html: '<img src=x onerror=alert(1)>' }] }, /blocks/],
    ];
    for (const [message, error] of refused) {
      const reply = await send(message);
      expect(reply.ok).toBe(false);
      expect(reply.error).toMatch(error);
    }
    await options.close();
    // A content script (in a web page) may not read the history, take a backup or clear anything.
    for (const request of [{ type: 'exportBackup' }, { type: 'listReadings' }, { type: 'clearAll', scope: 'all' }]) {
      const reply = await inExtensionWorld<{ ok: boolean; error?: string }>(
        page,
        session.extensionId,
        `chrome.runtime.sendMessage(${JSON.stringify(request)})`,
      );
      expect(reply.ok, request.type).toBe(false);
      expect(reply.error).toMatch(/only answered to the extension/);
    }
    await page.close();
    expect(await count(), 'nothing stored, nothing cleared').toBe(before);
  });

  it('the service worker stopped in the middle of an analysis: the page is still marked, with one reading', async () => {
    const stopWorker = async (page: Page) => {
      const cdp = await session.context.newCDPSession(page);
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
      const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(session.extensionId));
      // It may already be gone (idle): that is the same situation for the page.
      if (sw) await cdp.send('Target.closeTarget', { targetId: sw.targetId }).catch(() => undefined);
      await cdp.detach();
      // Wake a fresh worker so the harness (which talks to the page through it) can follow.
      const opts = await session.openOptions();
      await opts.evaluate(() => chrome.runtime.sendMessage({ type: 'getTabStatus', tabId: 0 })).catch(() => undefined);
      await opts.close();
    };
    const blank = await session.open('english-page.html');
    await stopWorker(blank); // a cold worker: the analysis has to load the analyser, a long window to be cut off in
    const page = await session.context.newPage();
    await page.goto(`${session.server.origin}/demo-article-2.html?worker=stopped`, { waitUntil: 'commit' });
    await page.waitForTimeout(150);
    await stopWorker(page);
    const t0 = Date.now();
    await painted(session, page);
    console.log(`worker stopped mid-analysis: painted ${Date.now() - t0} ms after the stop`);
    const { items } = await askBackground<{ items: { title: string | null; url: string }[] }>(session, { type: 'listReadings' });
    const readings = items.filter((r) => r.url.includes('demo-article-2'));
    expect(readings, 'one reading, whole').toHaveLength(1);
    await page.close();
    await blank.close();
  });

  it('web pages cannot message the background at all', async () => {
    const page = await session.open('demo-article.html');
    // No externally_connectable: the page's own world has no extension messaging to call.
    const reach = await page.evaluate(() => {
      const c = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome;
      return typeof c?.runtime?.sendMessage;
    });
    expect(reach).toBe('undefined');
    await page.close();
  });
});
