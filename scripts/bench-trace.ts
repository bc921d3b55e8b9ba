// Main-thread tasks of one page load, read from a Chromium trace. The page's own PerformanceObserver is no
// judge of the extension: the content script's work that runs from extension messages (its storage and
// background replies) ran 60–210 ms in one task without a single 'longtask' entry, and what it does report
// is mostly the page's own parsing and layout. The trace sees every task of the tab's renderer main thread
// and tells when the content script began.
import type { Page } from 'playwright-core';

/** One task of the tab's renderer main thread, in ms after the task that parsed the page began. */
export interface TraceTask {
  start: number;
  ms: number;
  /** The thread's own CPU time in it: the rest of `ms` is time the system gave other processes. */
  cpu: number;
  /** Style, layout or paint ran in it: a frame rendered. */
  renders: boolean;
}

export interface LoadTrace {
  /** Every task of the page's renderer main thread from its HTML parsing on. */
  tasks: TraceTask[];
  /** When the extension's content script began to run (null when it never ran in this page). */
  contentScriptAt: number | null;
  /** The first frame after the extension set up its painter (PAINTER_MARK; null without one). */
  painterAt: number | null;
}

/** User-timing mark the bench's page script sets in the first frame after the painter's set-up. */
export const PAINTER_MARK = 'siyaq-bench:painter';

/**
 * Main-world script for the traced page: mark the first frame after the extension registered its highlights
 * (done with adopting its style sheet, the first thing it changes in what the page renders).
 */
export const MARK_PAINTER = `(() => {
  const registry = globalThis.CSS && CSS.highlights;
  if (!registry) return;
  const check = () => {
    if (registry.size > 0) performance.mark('${PAINTER_MARK}');
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint']);

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string }; beginData?: { url?: string } };
}

/** Trace `load()` (a navigation and whatever waiting it does) and return the page's main-thread tasks. */
export async function traceLoad(page: Page, url: string, load: () => Promise<void>): Promise<LoadTrace> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    // RunTask (every task of a thread, as DevTools' Performance panel shows it) is in the disabled-by-default category.
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] },
  });
  try {
    await load();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach().catch(() => {});
  }
  return tasksOf(events, url);
}

/** The tasks of the thread that parsed `url`, from that parse on, and the content script's start. */
export function tasksOf(events: readonly TraceEvent[], url: string): LoadTrace {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (!parse) return { tasks: [], contentScriptAt: null, painterAt: null };
  const thread = (e: TraceEvent) => e.pid === parse.pid && e.tid === parse.tid;
  // The task that parses the HTML began a little before the ParseHTML event inside it.
  const begin =
    events.filter((e) => thread(e) && e.name === 'RunTask' && e.ts <= parse.ts && e.ts + (e.dur ?? 0) >= parse.ts).at(0)?.ts ?? parse.ts;
  const script = events.find(
    (e) => thread(e) && e.name === 'EvaluateScript' && /^chrome-extension:\/\/[^/]+\/content-scripts\//.test(e.args?.data?.url ?? ''),
  );
  const rendering = events
    .filter((e) => thread(e) && RENDERING.has(e.name) && e.ts >= begin)
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  let next = 0;
  const tasks = events
    .filter((e) => thread(e) && e.name === 'RunTask' && e.ph === 'X' && e.ts >= begin)
    .sort((a, b) => a.ts - b.ts)
    .map((e) => {
      const end = e.ts + (e.dur ?? 0);
      while (next < rendering.length && (rendering[next] ?? 0) < e.ts) next++;
      const renders = next < rendering.length && (rendering[next] ?? 0) <= end;
      return { start: (e.ts - begin) / 1000, ms: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000, renders };
    });
  const painter = events.find((e) => thread(e) && e.name === PAINTER_MARK);
  return {
    tasks,
    contentScriptAt: script ? (script.ts - begin) / 1000 : null,
    painterAt: painter ? (painter.ts - begin) / 1000 : null,
  };
}

/** The longest task (by wall time, or by the thread's CPU time) among those `ours` accepts. */
function longest(tasks: readonly TraceTask[], ours: (t: TraceTask) => boolean): { ms: number; cpu: number } {
  let ms = 0;
  let cpu = 0;
  for (const t of tasks) {
    if (!ours(t)) continue;
    ms = Math.max(ms, t.ms);
    cpu = Math.max(cpu, t.cpu);
  }
  return { ms, cpu };
}

/** The page's longest task from its parsing on. */
export function longestOfPage(trace: LoadTrace): { ms: number; cpu: number } {
  return longest(trace.tasks, () => true);
}

/**
 * The extension's longest task: begun once the content script ran, leaving out frames rendered before the
 * extension set up its painter (until then it has changed nothing the page shows: reading the text forces no
 * layout, so those frames are the page's own first layout, which a content script at document_idle can precede).
 */
export function longestOfExtension(trace: LoadTrace): { ms: number; cpu: number } | null {
  const from = trace.contentScriptAt;
  if (from === null) return null;
  const painter = trace.painterAt ?? Number.POSITIVE_INFINITY;
  return longest(trace.tasks, (t) => t.start >= from && !(t.renders && t.start + t.ms < painter));
}
