// What the demo and the benchmarks read from a page: highlights the extension painted, when, and long tasks.
// The probe runs in the page's main world; CSS.highlights is one registry per document, so it sees
// what the content script registers from its isolated world.
import type { BrowserContext, Page } from 'playwright-core';

export interface ProbeReading {
  /** ms after navigation start when the first highlighted range appeared; null while none. */
  firstHighlightAt: number | null;
  /** ms after navigation start of DOMContentLoaded / load. */
  domContentLoadedAt: number | null;
  loadAt: number | null;
  /** Longest main-thread task seen (PerformanceObserver 'longtask', tasks ≥ 50 ms); 0 when none. */
  longestTask: number;
  longTasks: number;
  /** Highlighted text per highlight name («ent-person» → the mentions it paints). */
  highlights: Record<string, string[]>;
}

/** Installed before any page script: watches CSS.highlights every frame and collects long tasks. */
export function probeScript(): void {
  type Probe = { firstHighlightAt: number | null; longestTask: number; longTasks: number };
  const probe: Probe = { firstHighlightAt: null, longestTask: 0, longTasks: 0 };
  (globalThis as unknown as { __siyaqProbe: Probe }).__siyaqProbe = probe;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        probe.longTasks++;
        probe.longestTask = Math.max(probe.longestTask, entry.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no longtask support: longestTask stays 0
  }
  const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<unknown>> } }).CSS?.highlights;
  if (!registry) return;
  const check = () => {
    if (probe.firstHighlightAt !== null) return;
    for (const highlight of registry.values()) {
      if (highlight.size > 0) {
        probe.firstHighlightAt = performance.now();
        return;
      }
    }
    requestAnimationFrame(check);
  };
  // rAF stops in background tabs; a timer keeps checking at a coarser grain there.
  requestAnimationFrame(check);
  const timer = setInterval(() => {
    if (probe.firstHighlightAt !== null) clearInterval(timer);
    else check();
  }, 50);
}

/**
 * tsx compiles with esbuild's keepNames, which wraps inner functions in `__name(...)`; functions sent
 * to the page (evaluate, init scripts) then need that helper there.
 */
export async function installNameShim(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
}

/** Install the probe for every page the context opens from now on. */
export async function installProbe(context: BrowserContext): Promise<void> {
  await installNameShim(context);
  await context.addInitScript(probeScript);
}

/** Read the probe and the painted highlights of a page. */
export async function readProbe(page: Page): Promise<ProbeReading> {
  return page.evaluate(() => {
    const probe = (globalThis as unknown as { __siyaqProbe?: { firstHighlightAt: number | null; longestTask: number; longTasks: number } })
      .__siyaqProbe;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const highlights: Record<string, string[]> = {};
    const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<AbstractRange>> } }).CSS?.highlights;
    for (const [name, highlight] of registry ?? []) {
      // Ranges may be StaticRange (no toString): read each through a live Range.
      highlights[name] = [...highlight].map((r) => {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live.toString();
      });
    }
    return {
      firstHighlightAt: probe?.firstHighlightAt ?? null,
      domContentLoadedAt: nav ? nav.domContentLoadedEventEnd : null,
      loadAt: nav ? nav.loadEventEnd : null,
      longestTask: probe?.longestTask ?? 0,
      longTasks: probe?.longTasks ?? 0,
      highlights,
    };
  });
}

/** Ask the background through an extension page, as the side panel does. */
export async function askFromExtensionPage<T>(extensionPage: Page, request: { type: string } & Record<string, unknown>): Promise<T> {
  return extensionPage.evaluate(async (req) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
    const reply = (await runtime.sendMessage(req)) as { ok: boolean; data?: unknown; error?: string } | undefined;
    if (!reply) throw new Error('no answer from the background');
    if (!reply.ok) throw new Error(reply.error);
    return reply.data;
  }, request) as Promise<T>;
}

/** The browser's tab id of a page, asked from the service worker while the page is in front. */
export async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  const [worker] = page.context().serviceWorkers();
  if (!worker) throw new Error('extension service worker not running');
  return worker.evaluate(async () => {
    const chromeTabs = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome.tabs;
    const [tab] = await chromeTabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}
