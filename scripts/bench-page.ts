// Benchmarks on the page, in headless Chromium: the built extension on the demo article and on a generated
// 20,000-word article (navigation → first highlights, longest task, hover → card), the content-script
// size, and a side by side of the extension's painter with mark.js on the same mentions.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { DWELL_MS } from '../entrypoints/content/hover';
import type { TabStatus } from '../messaging/protocol';
import type { ArticleInput, PageSignals, Span } from '../types/analysis';
import { generatedArticlePage } from './bench-corpus';
import type { AnalyzeFn } from './bench-node';
import { askFromExtensionPage, installNameShim, installProbe, type ProbeReading, readProbe, tabIdOf } from './bench-probe';
import { type Metric, median, metric, na } from './bench-report';
import { type LoadTrace, longestOfExtension, longestOfPage, MARK_PAINTER, traceLoad } from './bench-trace';
import {
  CHROME_BUILD,
  CHROMIUM_FLAGS,
  findChromium,
  inExtensionWorld,
  launchWithExtension,
  type PageServer,
  ROOT,
  servePages,
} from './browser';

const DEMO = '/demo-article.html';
const LONG = '/long-article.html';
const LONG_WORDS = 20_000;
const CONTENT_SCRIPT = join(CHROME_BUILD, 'content-scripts', 'content.js');
const MARK_JS = join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js');
const HEADLESS_ARGS = ['--headless=new', ...CHROMIUM_FLAGS];

type Log = (s: string) => void;

/** Build the Chrome extension so the figures are of the code as it is now. */
export function buildExtension(log: Log): boolean {
  log('page: building the extension (npx wxt build)');
  return spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' }).status === 0;
}

/** Content-script size as built (minified) and gzipped. */
export function bundleMetrics(): Metric[] {
  if (!existsSync(CONTENT_SCRIPT)) {
    const why = 'no build in .output/chrome-mv3';
    return [
      na('bundle.minKB', 'content script, minified', 'KB', why, { op: '<=', limit: 60 }),
      na('bundle.gzipKB', 'content script, gzipped', 'KB', why),
    ];
  }
  const bytes = readFileSync(CONTENT_SCRIPT);
  return [
    metric('bundle.minKB', 'content script, minified', bytes.length / 1024, 'KB', {
      budget: { op: '<=', limit: 60 },
      digits: 1,
      note: '.output/chrome-mv3/content-scripts/content.js',
    }),
    metric('bundle.gzipKB', 'content script, gzipped', gzipSync(bytes, { level: 9 }).length / 1024, 'KB', { digits: 1 }),
  ];
}

async function statusOf(ext: Page, tabId: number): Promise<TabStatus> {
  return askFromExtensionPage<TabStatus>(ext, { type: 'getTabStatus', tabId });
}

/** Wait until the background has finished with this URL in the tab (the tab may still show the previous page). */
async function waitForAnalysis(ext: Page, tabId: number, url: string, timeoutMs: number): Promise<TabStatus> {
  const deadline = Date.now() + timeoutMs;
  const pending = (s: TabStatus) => s.url !== url || s.state === 'idle' || s.state === 'analysing';
  let status = await statusOf(ext, tabId);
  while (pending(status) && Date.now() < deadline) {
    await ext.waitForTimeout(100);
    status = await statusOf(ext, tabId);
  }
  return status;
}

async function waitForHighlights(page: Page, timeoutMs: number): Promise<boolean> {
  return page
    .waitForFunction(
      () => (globalThis as { __siyaqProbe?: { firstHighlightAt: number | null } }).__siyaqProbe?.firstHighlightAt != null,
      null,
      { timeout: timeoutMs },
    )
    .then(() => true)
    .catch(() => false);
}

interface Visit {
  probe: ProbeReading;
  painted: boolean;
  /** The tab's main-thread tasks, when the visit was traced. */
  trace?: LoadTrace;
}

/** Navigate and wait for the first highlights (or, when nothing is expected, for quiet). */
async function visit(page: Page, url: string, expectPaint: boolean, timeoutMs: number): Promise<Visit> {
  await page.goto(url, { waitUntil: 'load' });
  const painted = expectPaint ? await waitForHighlights(page, timeoutMs) : false;
  if (!expectPaint) await page.waitForTimeout(1500);
  return { probe: await readProbe(page), painted };
}

/** What the page settles into after its first highlights: the rest of the painting and its frames. */
const SETTLE_MS = 1500;

/** A visit traced from navigation until the page has settled after painting. */
async function tracedVisit(page: Page, url: string, expectPaint: boolean, timeoutMs: number): Promise<Visit> {
  let seen: Visit | null = null;
  const trace = await traceLoad(page, url, async () => {
    seen = await visit(page, url, expectPaint, timeoutMs);
    await page.waitForTimeout(SETTLE_MS);
  });
  return { ...(seen as unknown as Visit), trace };
}

/** The page alone: the same article in plain Chromium without the extension, for its own parsing and layout. */
async function pageAloneRun(url: string, loads: number): Promise<{ ms: number; cpu: number }[]> {
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, headless: false, args: HEADLESS_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'ar' });
    const longest: { ms: number; cpu: number }[] = [];
    for (let i = 0; i < loads; i++) {
      const trace = await traceLoad(page, url, async () => {
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForTimeout(SETTLE_MS);
      });
      longest.push(longestOfPage(trace));
    }
    return longest;
  } finally {
    await browser.close().catch(() => {});
  }
}

/** Centre of the first painted name on screen, for hovering. */
async function mentionPoint(page: Page): Promise<{ x: number; y: number; text: string } | null> {
  return page.evaluate(() => {
    const registry = (globalThis as unknown as { CSS: { highlights: Map<string, Set<AbstractRange>> } }).CSS.highlights;
    for (const [name, highlight] of registry) {
      if (/quote|saved|flash/.test(name)) continue;
      for (const r of highlight) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        const rect = live.getClientRects()[0];
        if (rect && rect.width > 0 && rect.top >= 0 && rect.bottom <= innerHeight) {
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text: live.toString() };
        }
      }
    }
    return null;
  });
}

// In the content script's world: note when the pointer comes to rest and when the card's float (inside the
// closed shadow root of <siyaq-card>) stops being hidden — by mutation, with a per-frame check as backstop.
const ARM_CARD_WATCH = `(() => {
  const w = globalThis;
  w.__benchMoveAt = null;
  w.__benchCardAt = null;
  const floatOf = () => {
    const host = document.querySelector('siyaq-card');
    const root = host && chrome.dom.openOrClosedShadowRoot(host);
    return root ? root.querySelector('.sq-float') : null;
  };
  const check = () => {
    const f = floatOf();
    if (w.__benchCardAt === null && f && !f.hidden) w.__benchCardAt = performance.now();
  };
  const watch = new MutationObserver(check);
  watch.observe(document.documentElement, { childList: true });
  const host = document.querySelector('siyaq-card');
  const root = host && chrome.dom.openOrClosedShadowRoot(host);
  if (root) watch.observe(root, { subtree: true, attributes: true, childList: true });
  const frame = () => { check(); if (w.__benchCardAt === null) requestAnimationFrame(frame); else watch.disconnect(); };
  requestAnimationFrame(frame);
  // The last move before the card opens is the pointer coming to rest on the name.
  addEventListener('pointermove', () => { if (w.__benchCardAt === null) w.__benchMoveAt = performance.now(); }, { capture: true });
  return true;
})()`;

const READ_CARD_WATCH = '({ moveAt: globalThis.__benchMoveAt, cardAt: globalThis.__benchCardAt })';

async function hoverOnce(page: Page, extensionId: string, point: { x: number; y: number }): Promise<number | null> {
  // Approach the way a reader does (a fast sweep opens nothing by design), then rest on the name.
  await page.mouse.move(point.x + 40, point.y + 40);
  await page.waitForTimeout(400);
  await inExtensionWorld(page, extensionId, ARM_CARD_WATCH);
  await page.mouse.move(point.x, point.y);
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    const seen = await inExtensionWorld<{ moveAt: number | null; cardAt: number | null }>(page, extensionId, READ_CARD_WATCH);
    if (seen.cardAt !== null && seen.moveAt !== null) return seen.cardAt - seen.moveAt;
    await page.waitForTimeout(50);
  }
  return null;
}

/** Hover a name twice (the second with a warm card cache) and time pointer → card. */
async function hoverToCard(page: Page, extensionId: string): Promise<{ ms: number | null; why: string }> {
  const point = await mentionPoint(page);
  if (!point) return { ms: null, why: 'no painted name on screen to hover' };
  let cold: number | null;
  try {
    cold = await hoverOnce(page, extensionId, point);
  } catch (error) {
    return { ms: null, why: error instanceof Error ? error.message : String(error) };
  }
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(800);
  const warm = await hoverOnce(page, extensionId, point);
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  if (warm === null) return { ms: null, why: cold === null ? 'no hover card appeared' : 'the card did not appear on the second hover' };
  return { ms: warm, why: `«${point.text}»; cold cache ${cold === null ? 'n/a' : `${cold.toFixed(0)} ms`}` };
}

interface ExtensionRun {
  metrics: Metric[];
  demoStatus: TabStatus | null;
}

/** The built extension in headless Chromium: first highlights, longest task, hover → card. */
async function extensionRun(server: PageServer, log: Log): Promise<ExtensionRun> {
  const profile = mkdtempSync(join(tmpdir(), 'siyaq-bench-'));
  const metrics: Metric[] = [];
  const { context, extensionId } = await launchWithExtension(profile, { headless: true });
  let demoStatus: TabStatus | null = null;
  try {
    await installProbe(context);
    await context.addInitScript({ content: MARK_PAINTER });
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${extensionId}/options.html`);
    const page = await context.newPage();

    // Warm-up: the first visit wakes the background and loads the model.
    log('page: warm-up visit to the demo article');
    await page.goto(`${server.origin}${DEMO}`, { waitUntil: 'load' });
    const tabId = await tabIdOf(page);
    demoStatus = await waitForAnalysis(ext, tabId, `${server.origin}${DEMO}`, 60_000);
    const demoPaints = demoStatus.actors + demoStatus.quotes > 0 && (await waitForHighlights(page, 10_000));
    const stateNote = `the extension finds ${demoStatus.actors} actors, ${demoStatus.quotes} quotes (${demoStatus.state})`;

    const demoRuns: Visit[] = [];
    for (let i = 0; i < 7; i++) demoRuns.push(await visit(page, `${server.origin}${DEMO}`, demoPaints, 10_000));
    const firsts = demoRuns.filter((v) => v.painted).map((v) => v.probe.firstHighlightAt as number);
    const afterDcl = demoRuns.filter((v) => v.painted).map((v) => (v.probe.firstHighlightAt as number) - (v.probe.domContentLoadedAt ?? 0));
    if (firsts.length > 0) {
      metrics.push(
        metric('page.demoFirstHighlightMs', 'demo: navigation → first highlights', median(firsts), 'ms', {
          note: `median of ${firsts.length}, warm background; ${stateNote}`,
        }),
      );
      metrics.push(
        metric('page.demoAfterIdleMs', 'demo: first highlights after DOMContentLoaded', median(afterDcl), 'ms', {
          budget: { op: '<=', limit: 100 },
          note: 'the content script runs at document_idle, at or after DOMContentLoaded',
        }),
      );
    } else {
      const why = `nothing painted: ${stateNote}`;
      metrics.push(na('page.demoFirstHighlightMs', 'demo: navigation → first highlights', 'ms', why));
      metrics.push(na('page.demoAfterIdleMs', 'demo: first highlights after DOMContentLoaded', 'ms', why, { op: '<=', limit: 100 }));
    }

    if (demoPaints) {
      await page.goto(`${server.origin}${DEMO}`, { waitUntil: 'load' });
      await waitForHighlights(page, 10_000);
      await page.waitForTimeout(500);
      const hover = await hoverToCard(page, extensionId);
      const dwell = DWELL_MS;
      if (hover.ms !== null) {
        metrics.push(metric('page.hoverToCardMs', 'hover → card, warm cache (pointer to card)', hover.ms, 'ms', { note: hover.why }));
        metrics.push(
          metric('page.hoverBeyondDwellMs', 'hover → card beyond the deliberate dwell', Math.max(0, hover.ms - dwell), 'ms', {
            budget: { op: '<=', limit: 50 },
            note: `dwell ${dwell} ms (entrypoints/content/hover.ts DWELL_MS) so a sweep of the mouse opens nothing`,
          }),
        );
      } else {
        metrics.push(na('page.hoverToCardMs', 'hover → card, warm cache (pointer to card)', 'ms', hover.why));
        metrics.push(na('page.hoverBeyondDwellMs', 'hover → card beyond the deliberate dwell', 'ms', hover.why, { op: '<=', limit: 50 }));
      }
    } else {
      const why = 'nothing painted to hover yet';
      metrics.push(na('page.hoverToCardMs', 'hover → card, warm cache (pointer to card)', 'ms', why));
      metrics.push(na('page.hoverBeyondDwellMs', 'hover → card beyond the deliberate dwell', 'ms', why, { op: '<=', limit: 50 }));
    }

    log(`page: ${LONG_WORDS.toLocaleString('en')}-word article`);
    await page.goto(`${server.origin}${LONG}`, { waitUntil: 'load' });
    const longStatus = await waitForAnalysis(ext, await tabIdOf(page), `${server.origin}${LONG}`, 60_000);
    const longPaints = longStatus.actors + longStatus.quotes > 0 && (await waitForHighlights(page, 20_000));
    const longNote = `the extension finds ${longStatus.actors} actors, ${longStatus.quotes} quotes (${longStatus.state}${longStatus.error ? `: ${longStatus.error}` : ''})`;
    const longRuns: Visit[] = [];
    for (let i = 0; i < 3; i++) longRuns.push(await tracedVisit(page, `${server.origin}${LONG}`, longPaints, 20_000));
    const longFirsts = longRuns.filter((v) => v.painted).map((v) => v.probe.firstHighlightAt as number);
    if (longFirsts.length > 0) {
      metrics.push(
        metric('page.longFirstHighlightMs', '20,000 words: navigation → first highlights', median(longFirsts), 'ms', {
          note: `median of ${longFirsts.length}; ${longNote}`,
        }),
      );
    } else
      metrics.push(na('page.longFirstHighlightMs', '20,000 words: navigation → first highlights', 'ms', `nothing painted: ${longNote}`));
    // The budget is the extension's: every task of the tab's main thread once the content script ran (its
    // slices, the background's replies, the frames that render its highlights), from a Chromium trace.
    // The page's own parsing and layout are measured apart, in Chromium without the extension.
    const ours = longRuns.flatMap((v) => {
      const task = v.trace ? longestOfExtension(v.trace) : null;
      return task ? [task] : [];
    });
    const label = '20,000 words: longest task of the extension';
    const budget = { op: '<=', limit: 50 } as const;
    const each = (tasks: { ms: number; cpu: number }[]) => tasks.map((t) => `${t.ms.toFixed(0)} (CPU ${t.cpu.toFixed(0)})`).join(', ');
    if (ours.length > 0) {
      metrics.push(
        metric('page.longestTaskMs', label, Math.max(...ours.map((t) => t.ms)), 'ms', {
          budget,
          note: `worst of ${ours.length} traced loads, ${each(ours)} ms: the tab's main-thread tasks from the content script's start (its slices, the background's replies, the frames that render its highlights); frames before it set up its painter are the page's own`,
        }),
      );
      metrics.push(
        metric('page.longestTaskCpuMs', '20,000 words: longest task of the extension, CPU', Math.max(...ours.map((t) => t.cpu)), 'ms', {
          note: "the same tasks by the renderer thread's own CPU time: what is left when a busy machine runs other processes in between",
        }),
      );
    } else metrics.push(na('page.longestTaskMs', label, 'ms', 'no trace showed the content script running', budget));
    const alone = await pageAloneRun(`${server.origin}${LONG}`, 3);
    metrics.push(
      metric('page.longPageAloneTaskMs', '20,000 words, page alone: longest task', Math.max(...alone.map((t) => t.ms)), 'ms', {
        note: `worst of ${alone.length} loads, ${each(alone)} ms, in Chromium without the extension: the page's own parsing and layout`,
      }),
    );
    metrics.push(
      metric(
        'page.longObservedTaskMs',
        '20,000 words: longest task the page itself observes',
        Math.max(...longRuns.map((v) => v.probe.longestTask)),
        'ms',
        {
          note: "PerformanceObserver 'longtask' in the page, with the extension: the page's own parsing and layout; the content script's tasks run from extension messages are not reported there",
        },
      ),
    );
  } finally {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
  return { metrics, demoStatus };
}

/** The extension's own extract/rangeFor/painter, bundled to run in a plain page. */
async function painterBundle(): Promise<string> {
  const out = await esbuild({
    stdin: {
      contents: `import { extractArticle, rangeFor, collectSignals } from './page/extract.ts';
import { createHighlightPainter } from './entrypoints/content/painter.ts';
globalThis.__siyaqBench = { extractArticle, rangeFor, collectSignals, createHighlightPainter };`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: 'es2022',
    charset: 'ascii',
    logLevel: 'silent',
    plugins: [
      {
        // Vite's `?inline` imports (CSS as a string), as the content script uses them.
        name: 'vite-inline',
        setup(build) {
          build.onResolve({ filter: /\?inline$/ }, (a) => ({
            path: join(a.resolveDir, a.path.replace(/\?inline$/, '')),
            namespace: 'inline',
          }));
          build.onLoad({ filter: /.*/, namespace: 'inline' }, (a) => ({ contents: readFileSync(a.path, 'utf8'), loader: 'text' }));
        },
      },
    ],
  });
  const text = out.outputFiles[0]?.text;
  if (!text) throw new Error('esbuild wrote no bundle');
  return text;
}

interface Round {
  paintMs: number;
  layoutMs: number;
  frameMs: number;
  nodesAdded: number;
  marked: number;
}

/** Non-overlapping name mentions from the analysis, else every fifth word (the analysis finds none yet). */
function pickSpans(text: string, analysis: ReturnType<AnalyzeFn>): { spans: Span[]; synthetic: boolean } {
  const mentions = analysis.actors.flatMap((a) => a.mentions.map((m) => ({ start: m.start, end: m.end })));
  let spans = mentions;
  let synthetic = false;
  if (spans.length === 0) {
    synthetic = true;
    spans = [];
    let i = 0;
    for (const m of text.matchAll(/[\u0621-\u064a]{3,}/g)) if (i++ % 5 === 0) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const s of spans) if (!kept.length || s.start >= (kept.at(-1) as Span).end) kept.push(s);
  return { spans: kept, synthetic };
}

/** One fresh load of the page, painted by the extension's painter or by mark.js, with the costs it leaves. */
async function paintRound(page: Page, url: string, bundle: string, spans: Span[], who: 'siyaq' | 'markjs'): Promise<Round> {
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: bundle });
  if (who === 'markjs') await page.addScriptTag({ path: MARK_JS });
  return page.evaluate(
    async ({ spans, who }) => {
      type Bench = {
        extractArticle(d: Document): unknown;
        rangeFor(a: unknown, s: number, e: number): Range | null;
        createHighlightPainter(d: Document): { add(e: { kind: string; range: AbstractRange }[]): void } | null;
      };
      const bench = (globalThis as unknown as { __siyaqBench: Bench }).__siyaqBench;
      const countNodes = () => {
        const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
        let n = 0;
        while (walker.nextNode()) n++;
        return n;
      };
      const nextFrame = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      const article = bench.extractArticle(document);
      let paint: () => number;
      if (who === 'siyaq') {
        paint = () => {
          const painter = bench.createHighlightPainter(document);
          const entries: { kind: string; range: AbstractRange }[] = [];
          for (const s of spans) {
            const range = bench.rangeFor(article, s.start, s.end);
            if (range) entries.push({ kind: 'person', range });
          }
          painter?.add(entries);
          return entries.length;
        };
      } else {
        // mark.js takes offsets into the text of its context: map the same spans to those, untimed.
        const context = document.querySelector('article') ?? document.body;
        const starts = new Map<Node, number>();
        const walker = document.createTreeWalker(context, NodeFilter.SHOW_TEXT);
        let offset = 0;
        while (walker.nextNode()) {
          starts.set(walker.currentNode, offset);
          offset += (walker.currentNode as Text).length;
        }
        const ranges: { start: number; length: number }[] = [];
        for (const s of spans) {
          const r = bench.rangeFor(article, s.start, s.end);
          const a = r ? starts.get(r.startContainer) : undefined;
          const b = r ? starts.get(r.endContainer) : undefined;
          if (r && a !== undefined && b !== undefined)
            ranges.push({ start: a + r.startOffset, length: b + r.endOffset - (a + r.startOffset) });
        }
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('mark { background: none; text-decoration: underline solid 2px #1565c0; }');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        const MarkCtor = (globalThis as unknown as { Mark: new (c: Element) => { markRanges(r: unknown[], o: object): void } }).Mark;
        paint = () => {
          new MarkCtor(context).markRanges(ranges, {});
          return context.querySelectorAll('mark').length;
        };
      }
      void document.documentElement.offsetHeight;
      await nextFrame();
      const nodesBefore = countNodes();
      const t0 = performance.now();
      const marked = paint();
      const t1 = performance.now();
      void document.documentElement.offsetHeight;
      void document.body.getBoundingClientRect();
      const t2 = performance.now();
      await nextFrame();
      const t3 = performance.now();
      return { paintMs: t1 - t0, layoutMs: t2 - t1, frameMs: t3 - t2, nodesAdded: countNodes() - nodesBefore, marked };
    },
    { spans, who },
  );
}

/** mark.js against the extension's painter on the same mentions of the same page, in the same browser. */
async function peerRun(server: PageServer, analyze: AnalyzeFn, log: Log): Promise<Metric[]> {
  const metrics: Metric[] = [];
  let bundle: string;
  try {
    bundle = await painterBundle();
  } catch (error) {
    const why = `the painter could not be bundled: ${(error instanceof Error ? error.message : String(error)).split('\n').slice(0, 2).join(' ')}`;
    return [na('peer.demoRatio', 'painter / mark.js time', '×', why, { op: '<=', limit: 0.5 })];
  }
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, headless: false, args: HEADLESS_ARGS });
  try {
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await installNameShim(context);
    const page = await context.newPage();
    for (const [path, label, rounds] of [
      [DEMO, 'demo', 15],
      [LONG, '20,000 words', 5],
    ] as const) {
      const url = `${server.origin}${path}`;
      await page.goto(url, { waitUntil: 'load' });
      await page.addScriptTag({ content: bundle });
      const input = await page.evaluate(() => {
        const bench = (
          globalThis as unknown as {
            __siyaqBench: { extractArticle(d: Document): { title: string | null; blocks: string[] }; collectSignals(d: Document): unknown };
          }
        ).__siyaqBench;
        const a = bench.extractArticle(document);
        return { title: a.title, blocks: a.blocks, signals: bench.collectSignals(document) };
      });
      const analysis = analyze({ title: input.title, blocks: input.blocks, signals: input.signals as PageSignals } satisfies ArticleInput);
      const { spans, synthetic } = pickSpans(analysis.text, analysis);
      log(`peer: ${label}, ${spans.length} ${synthetic ? 'synthetic spans' : 'mentions'}, ${rounds} rounds each`);
      const siyaq: Round[] = [];
      const mark: Round[] = [];
      for (let i = 0; i < rounds; i++) {
        siyaq.push(await paintRound(page, url, bundle, spans, 'siyaq'));
        mark.push(await paintRound(page, url, bundle, spans, 'markjs'));
      }
      const m = (rs: Round[], k: keyof Round) => median(rs.map((r) => r[k]));
      const what = synthetic
        ? `${spans.length} synthetic spans (every 5th word: the analysis finds no names yet)`
        : `${spans.length} name mentions from the analysis`;
      const key = path === DEMO ? 'demo' : 'long';
      metrics.push(
        metric(`peer.${key}SiyaqMs`, `${label}: Siyaq painter`, m(siyaq, 'paintMs'), 'ms', {
          note: `${what}; ${m(siyaq, 'marked')} painted; median of ${rounds}`,
        }),
      );
      metrics.push(
        metric(`peer.${key}MarkMs`, `${label}: mark.js markRanges`, m(mark, 'paintMs'), 'ms', {
          note: `${m(mark, 'marked')} <mark> elements`,
        }),
      );
      metrics.push(
        metric(`peer.${key}Ratio`, `${label}: painter / mark.js time`, m(siyaq, 'paintMs') / m(mark, 'paintMs'), '×', {
          budget: { op: '<=', limit: 0.5 },
        }),
      );
      metrics.push(
        metric(`peer.${key}LayoutSiyaqMs`, `${label}: forced layout after painting, Siyaq`, m(siyaq, 'layoutMs'), 'ms', {
          note: `next frame ${m(siyaq, 'frameMs').toFixed(1)} ms`,
        }),
      );
      metrics.push(
        metric(`peer.${key}LayoutMarkMs`, `${label}: forced layout after painting, mark.js`, m(mark, 'layoutMs'), 'ms', {
          note: `next frame ${m(mark, 'frameMs').toFixed(1)} ms`,
        }),
      );
      metrics.push(
        metric(
          `peer.${key}LayoutRatio`,
          `${label}: layout after painting, Siyaq / mark.js`,
          m(siyaq, 'layoutMs') / m(mark, 'layoutMs'),
          '×',
        ),
      );
      metrics.push(
        metric(`peer.${key}NodesSiyaq`, `${label}: DOM nodes added, Siyaq`, m(siyaq, 'nodesAdded'), 'nodes', {
          budget: { op: '<=', limit: 0 },
          digits: 0,
        }),
      );
      metrics.push(metric(`peer.${key}NodesMark`, `${label}: DOM nodes added, mark.js`, m(mark, 'nodesAdded'), 'nodes', { digits: 0 }));
    }
  } finally {
    await browser.close().catch(() => {});
  }
  return metrics;
}

export interface PageResults {
  page: Metric[];
  peer: Metric[];
}

/** Everything measured in Chromium. */
export async function benchPage(log: Log, analyze: AnalyzeFn, opts: { build: boolean }): Promise<PageResults> {
  const page: Metric[] = [];
  if (opts.build && !buildExtension(log)) log('page: the build failed; measuring the previous build if there is one');
  page.push(...bundleMetrics());
  if (!findChromium()) {
    const why = 'no Chromium (apt-get install -y chromium)';
    return {
      page: [...page, na('page.demoFirstHighlightMs', 'demo: navigation → first highlights', 'ms', why)],
      peer: [na('peer.demoRatio', 'painter / mark.js time', '×', why)],
    };
  }
  const server = await servePages();
  const long = generatedArticlePage(LONG_WORDS);
  server.route(LONG, long.html);
  try {
    const run = await extensionRun(server, log);
    page.push(...run.metrics);
    const peer = await peerRun(server, analyze, log);
    return { page, peer };
  } finally {
    await server.close();
  }
}
