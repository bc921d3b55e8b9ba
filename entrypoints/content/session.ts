// One article on one page, put together from its parts: the pipeline (extract → ask → paint), the viewport
// painter, the card controller and the save flows. This file wires them to the page's events and the panel's
// messages; everything it adds (listeners, observers, timers, highlights, the card host) goes away in stop().
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { tp as t } from '../../locales/page';
import type { PageMessage, PageState } from '../../messaging/page';
import { type ExtractedArticle, rangeFor } from '../../page/extract';
import { rangesAtPoint } from '../../page/hit';
import { createCardController } from './card-controller';
import { createHoverIntent } from './hover';
import { buildMarks, innermost, type Mark, stepMark } from './marks';
import { emptyPageData, pageLang } from './page-data';
import { createPipeline } from './pipeline';
import { ask, onPageMessage } from './runtime';
import { createSaveFlows } from './save-flows';
import { onSettingsChanged, readSettings } from './settings';
import { createViewportPainter } from './viewport-painter';

/** Fewer characters than this is not an article's body (a title, a date, a line of teaser): "analyse anyway" reads the whole page. */
const SHORT_BODY = 200;
/** Late paragraphs (lazy loading, live blogs) are looked at after this quiet period. */
const MUTATION_DEBOUNCE_MS = 400;
const PIN_KEY = 'p';

function sameMark(a: Mark, b: Mark): boolean {
  return a.start === b.start && a.end === b.end && a.kind === b.kind;
}

function isEditable(target: EventTarget | null): boolean {
  const el = target instanceof Element ? target : null;
  return !!el?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])');
}

function bodyLength(article: ExtractedArticle): number {
  return article.blocks.reduce((n, b) => n + b.length, 0);
}

/** One article's session on the page; stop() leaves no trace. */
export function createPageSession(
  ctx: ContentScriptContext,
  doc: Document = document,
): { start(): Promise<void>; stop(): void; state(): PageState } {
  const data = emptyPageData();
  let stopped = false;
  let current: Mark | null = null;
  let rafPending = false;
  let lastPointer: { x: number; y: number } | null = null;
  const cleanups: (() => void)[] = [];
  let mutationTimer = 0;
  let lastBlocksKey = '';

  /** Stop a half-done walk or paint once this session ended or the extension went away. */
  const ended = () => stopped || ctx.isInvalid;
  const hover = createHoverIntent<Mark>(
    {
      open: (mark, point) => openMark(mark, { focus: false, point }),
      close: () => card.close(false),
    },
    sameMark,
  );
  const painter = createViewportPainter(doc);
  const pipeline = createPipeline(doc, data, painter, () => stopped, ended);
  const card = createCardController(doc, data, hover, {
    saveQuote: (mark) => void saves.saveQuote(mark),
    unsaveQuote: (mark) => void saves.unsaveQuote(mark),
    saveNote: (id, note) => void saves.saveNote(id, note),
    saveSelection: (start, end, speaker) => void saves.saveSelection(start, end, speaker),
    reanalyse,
  });
  const saves = createSaveFlows(doc, data, pipeline, card, hover);

  /** Run the pipeline; resolves once the first marks are painted (or the page turned out not to be an article). */
  async function start(): Promise<void> {
    // The settings are read while the article is: one round trip less before the first highlights. A paused
    // site stops the reading at its next pause, as soon as the settings say so, and nothing leaves the page.
    let paused = false;
    const settings = readSettings().then((s) => {
      paused = s.pausedSites.includes(location.hostname.toLowerCase());
      return s;
    });
    const article = await pipeline.extract(() => ended() || paused);
    data.settings = await settings;
    if (stopped || paused || !article) return;
    data.anyway = data.settings.analyseSites.includes(location.hostname.toLowerCase());
    if (await (data.anyway ? analyseAnyway(article) : analyseAndPaint(article))) return;
    // Not an article: the side panel says so at once and offers to analyse the page anyway.
    cleanups.push(
      onPageMessage(async (message) => {
        if (message.type === 'page:state') return state();
        if (message.type !== 'page:analyseAnyway' || stopped) return { ok: false };
        data.anyway = true;
        for (const cleanup of cleanups.splice(0)) cleanup();
        return { ok: await analyseAnyway(article) };
      }),
    );
  }

  /** The reader's "analyse this page anyway": the article found, or the page's whole main text when that was short. */
  async function analyseAnyway(found: ExtractedArticle): Promise<boolean> {
    const article = bodyLength(found) >= SHORT_BODY ? found : await pipeline.extract(ended, true);
    return !!article && (await analyseAndPaint(article));
  }

  /** Analyse an article and paint it; false (and the background told why) when it is not one. */
  async function analyseAndPaint(article: ExtractedArticle): Promise<boolean> {
    // Nothing to analyse: say so at once (a short body is analysed, and the background says when it is too short).
    if (bodyLength(article) === 0) {
      await ask({ type: 'reportNotArticle', url: location.href, title: article.title, reason: 'no-body' }).catch(() => {});
      return false;
    }
    const outcome = await pipeline.analyse(article);
    if (outcome !== 'article') return outcome === 'stopped';
    lastBlocksKey = article.blocks.join('\n');
    data.visible = data.settings?.density !== 'none';
    listen();
    // Paint what the analysis found at once; saved quotations (a second round trip) follow.
    await pipeline.repaint();
    await pipeline.loadSaved();
    if (data.saved.length > 0) await pipeline.repaint();
    return true;
  }

  /** Analyse the article again (the background applies the reader's corrections) and repaint it. */
  async function reanalyse(): Promise<void> {
    if (!data.article || stopped) return;
    if ((await pipeline.analyse(data.article, true)) === 'article') await pipeline.repaint();
  }

  function listen(): void {
    // Listeners end with this session (in-page navigation) or with the extension (ctx), whichever comes first.
    const aborter = new AbortController();
    const signal = aborter.signal;
    cleanups.push(() => aborter.abort());
    cleanups.push(ctx.onInvalidated(() => aborter.abort()));
    doc.addEventListener('pointermove', (event) => onPointerMove(event), { passive: true, capture: true, signal });
    doc.addEventListener('keydown', (event) => onKeyDown(event), { capture: true, signal });
    doc.addEventListener(
      'pointerdown',
      (event) => {
        if (card.open() && !card.hostIfAny()?.contains(event.target) && !hover.pinned) card.close(false);
      },
      { signal },
    );
    cleanups.push(onPageMessage((message) => onMessage(message)));
    cleanups.push(
      onSettingsChanged((settings) => {
        const densityChanged = settings.density !== data.settings?.density;
        data.settings = settings;
        if (densityChanged) data.visible = settings.density !== 'none';
        // Pausing the site from the panel takes the marks and the card away at once.
        if (settings.pausedSites.includes(location.hostname.toLowerCase())) {
          data.visible = false;
          card.close(false);
        }
        pipeline.repaint().catch(() => {});
      }),
    );
    const body = doc.body;
    if (body && typeof MutationObserver === 'function') {
      const observer = new MutationObserver((records) => {
        const foreign = records.some((r) =>
          [...r.addedNodes, ...r.removedNodes].some((n) => n.nodeName !== 'SIYAQ-MARK' && n.nodeName !== 'SIYAQ-CARD'),
        );
        if (!foreign) return;
        clearTimeout(mutationTimer);
        mutationTimer = ctx.setTimeout(() => onPageChanged(), MUTATION_DEBOUNCE_MS);
      });
      observer.observe(body, { childList: true, subtree: true });
      cleanups.push(() => observer.disconnect());
    }
  }

  /** The page added or removed text: analyse again when the article's blocks changed. */
  async function onPageChanged(): Promise<void> {
    if (stopped) return;
    const article = await pipeline.extract(ended);
    if (!article) return;
    const key = article.blocks.join('\n');
    if (key === lastBlocksKey || article.blocks.length === 0) return;
    lastBlocksKey = key;
    try {
      if ((await pipeline.analyse(article)) !== 'article') return;
      if (card.open()) card.close(false);
      await pipeline.loadSaved();
      await pipeline.repaint();
    } catch {
      // The background is restarting or the extension was reloaded; the next change tries again.
    }
  }

  function onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    lastPointer = { x: event.clientX, y: event.clientY };
    if (card.hostIfAny()?.contains(event.target)) return;
    if (rafPending) return;
    rafPending = true;
    requestAnimationFrame(() => {
      rafPending = false;
      const p = lastPointer;
      if (!p || stopped) return;
      const hits = rangesAtPoint(doc, p.x, p.y, painter.entries, painter.byRange);
      hover.move(innermost(hits.map((h) => h.mark)), p.x, p.y);
    });
  }

  function onKeyDown(event: KeyboardEvent): void {
    const shown = card.open();
    if (!shown) return;
    if (event.key === 'Escape') {
      card.close(true);
      return;
    }
    const host = card.hostIfAny();
    const fromCard = host?.contains(event.target);
    if (fromCard && host?.typing()) return; // a note being written: its letters are not shortcuts
    if (
      event.key.toLowerCase() === PIN_KEY &&
      !event.altKey &&
      !event.ctrlKey &&
      !event.metaKey &&
      (fromCard || !isEditable(event.target))
    ) {
      if (shown.kind === 'save') return;
      hover.togglePin();
      card.redraw();
    }
  }

  async function onMessage(message: PageMessage): Promise<unknown> {
    switch (message.type) {
      case 'page:toggleMarks':
        data.visible = !data.visible;
        if (!data.visible) card.close(false);
        await pipeline.repaint();
        card.hostIfAny()?.announce(t(pageLang(doc, data), data.visible ? 'marksShown' : 'marksHidden'));
        return { visible: data.visible };
      case 'page:nextMark':
      case 'page:previousMark':
        return step(message.type === 'page:nextMark' ? 1 : -1);
      case 'page:focusActor': {
        const actor = data.analysis?.actors.find((a) => a.id === message.actorId);
        const first = actor ? [...actor.mentions].sort((a, b) => a.start - b.start)[0] : undefined;
        if (!actor || !first) return { found: false };
        const mark: Mark = { kind: actor.type, start: first.start, end: first.end, actorId: actor.id, quoteIndex: null, savedId: null };
        reveal(mark, !!message.openCard);
        return { found: true };
      }
      case 'page:focusQuote': {
        const mark = navigationMarks().find((m) => m.quoteIndex !== null && m.start === message.start);
        if (!mark) return { found: false };
        reveal(mark, !!message.openCard);
        return { found: true };
      }
      case 'page:saveSelection':
        saves.startSaveSelection(message.text ?? '');
        return { ok: true };
      case 'page:savedChanged':
        await pipeline.loadSaved();
        await pipeline.repaint();
        return { ok: true };
      case 'page:state':
        return state();
      case 'page:fixesChanged':
        await reanalyse();
        return { ok: true };
      case 'page:analyseAnyway':
        return { ok: true }; // already analysed
    }
  }

  /** What the page shows, for the side panel and tests. */
  function state(): PageState {
    const counts = { person: 0, organization: 0, place: 0, quote: 0, saved: 0 };
    for (const e of painter.entries) counts[e.kind]++;
    return { painted: painter.entries.length > 0, marksVisible: data.visible, counts, openCard: card.describe(), pinned: hover.pinned };
  }

  /** Marks the keyboard walks through: what is painted, or everything when marks are hidden. */
  function navigationMarks(): Mark[] {
    if (data.marks.length > 0) return data.marks;
    if (!data.analysis || !data.settings) return [];
    return buildMarks(data.analysis, { density: 'all', types: data.settings.types, saved: data.saved });
  }

  function step(direction: 1 | -1): { label: string } | null {
    const next = stepMark(navigationMarks(), current, direction);
    if (!next) return null;
    reveal(next, true);
    return { label: data.analysis?.text.slice(next.start, next.end) ?? '' };
  }

  function reveal(mark: Mark, openCard: boolean): void {
    if (!data.article) return;
    const range = rangeFor(data.article, mark.start, mark.end);
    if (!range) return;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    painter.flash(range);
    if (openCard) openMark(mark, { focus: true, point: null });
  }

  function openMark(mark: Mark, opts: { focus: boolean; point: { x: number; y: number } | null }): void {
    if (!data.article) return;
    const range = rangeFor(data.article, mark.start, mark.end);
    if (!range) return;
    current = mark;
    card.openMark(mark, range, opts);
  }

  /** Leave no trace: highlights, card, listeners, observers, timers. */
  function stop(): void {
    stopped = true;
    pipeline.cancel();
    clearTimeout(mutationTimer);
    hover.dispose();
    for (const cleanup of cleanups.splice(0)) cleanup();
    painter.destroy();
    card.destroy();
  }

  return { start, stop, state };
}
