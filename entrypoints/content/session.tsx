// One article on one page: extract → ask the background → paint → hover cards, keyboard, saving.
// Everything it adds (listeners, observers, timers, highlights, the card host) goes away in stop().
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type FixChoice, FixDone, fixLabel, fixRequestOf } from '../../components/FixActions';
import { HoverCard } from '../../components/HoverCard';
import { QuoteCard, SaveQuoteForm } from '../../components/QuoteCard';
import type { Card } from '../../knowledge/card-types';
import { resolveLang, type UiLang } from '../../locales/index';
import { tp as t } from '../../locales/page';
import type { PageMessage, PageState } from '../../messaging/page';
import type { Analysis } from '../../nlp/types';
import type { AnchoredQuote } from '../../types/library';
import type { Settings } from '../../types/settings';
import { type CardHost, createCardHost } from './card-host';
import { collectSignals, type ExtractedArticle, extractSteps, rangeFor } from './extract';
import { rangesAtPoint } from './hit';
import { createHoverIntent } from './hover';
import { buildMarks, cardFromAnalysis, innermost, locateSelection, type Mark, quoteSelector, stepMark } from './marks';
import { createHighlightPainter, type PaintEntry, type Painter } from './painter';
import { ask, onPageMessage } from './runtime';
import { onSettingsChanged, readSettings } from './settings';
import { runSliced, type Steps } from './slice';
import { createWrappingPainter } from './wrap-fallback';

/** Ranges handed to the highlight registry before a frame may render: each one costs the page a little style work. */
const SLICE_MARKS = 400;
/**
 * Beyond this many marks only those near the viewport are registered: every change to the highlights makes the
 * browser re-check all registered ranges in the next frame (3,000 cost a 40–80 ms frame; 300 cost 2 ms).
 */
const NEAR_FROM = 600;
/** How far beyond the viewport (above and below) marks are kept painted, so scrolling finds them ready. */
const NEAR_MARGIN = '100% 0px';
/** Fewer characters than this is not an article's body (a title, a date, a line of teaser): "analyse anyway" reads the whole page. */
const SHORT_BODY = 200;
/** Late paragraphs (lazy loading, live blogs) are looked at after this quiet period. */
const MUTATION_DEBOUNCE_MS = 400;
const PIN_KEY = 'p';

interface Entry extends PaintEntry {
  mark: Mark;
  range: Range;
}

type OpenCard =
  | { kind: 'actor'; mark: Mark; card: Card; token: number }
  | { kind: 'quote'; mark: Mark; busy: boolean; error: string | null; noteSaved?: boolean }
  | { kind: 'save'; start: number; end: number; busy: boolean; error: string | null }
  | { kind: 'fixed'; mark: Mark; what: string; fixId: string; busy: boolean };

function sameMark(a: Mark, b: Mark): boolean {
  return a.start === b.start && a.end === b.end && a.kind === b.kind;
}

function isEditable(target: EventTarget | null): boolean {
  const el = target instanceof Element ? target : null;
  return !!el?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])');
}

function canonicalUrl(doc: Document): string | null {
  const href = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (!href) return null;
  try {
    return new URL(href, doc.baseURI).href.slice(0, 4096);
  } catch {
    return null;
  }
}

function publishedAt(doc: Document): string | null {
  const meta = doc.querySelector('meta[property="article:published_time"], meta[name="pubdate"], meta[itemprop="datePublished"]');
  const fromMeta = meta?.getAttribute('content');
  if (fromMeta) return fromMeta.slice(0, 64);
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const m = /"datePublished"\s*:\s*"([^"]{4,64})"/.exec(script.textContent ?? '');
    if (m?.[1]) return m[1];
  }
  return null;
}

function bodyLength(article: ExtractedArticle): number {
  return article.blocks.reduce((n, b) => n + b.length, 0);
}

/** The analysis-text offset of a DOM point inside the extracted article, or null. */
export function offsetOfPoint(article: ExtractedArticle, node: Node, offset: number): number | null {
  const parts = article.title ? [article.titleNodes, ...article.nodes] : article.nodes;
  const texts = article.title ? [article.title, ...article.blocks] : article.blocks;
  let base = 0;
  for (let i = 0; i < texts.length; i++) {
    for (const p of parts[i]?.pieces ?? []) {
      if (p.node === node && offset >= p.nodeStart && offset <= p.nodeStart + p.length) return base + p.start + (offset - p.nodeStart);
    }
    base += (texts[i]?.length ?? 0) + 2;
  }
  return null;
}

/** One article's session on the page; stop() leaves no trace. Closures rather than a class keep the
 * content script small (local names minify, property names do not). */
export function createPageSession(
  ctx: ContentScriptContext,
  doc: Document = document,
): { start(): Promise<void>; stop(): void; state(): PageState } {
  let analysisNow: Analysis | null = null;
  /** People's genders as the background read them from the article (card wording). */
  let genders: Record<string, 'm' | 'f'> = {};
  let articleNow: ExtractedArticle | null = null;
  let readingId: string | null = null;
  let settingsNow: Settings | null = null;
  let savedQuotes: AnchoredQuote[] = [];
  let marks: Mark[] = [];
  let entries: Entry[] = [];
  let byRange = new Map<AbstractRange, Entry>();
  let painter: Painter | null = null;
  let nearWatch: IntersectionObserver | null = null;
  let visible = true;
  let stopped = false;
  let paintRun = 0;
  let cardHost: CardHost | null = null;
  let shown: OpenCard | null = null;
  let cardToken = 0;
  /** A correction on its way: the card's correction buttons wait. */
  let fixing = false;
  let current: Mark | null = null;
  let rafPending = false;
  let lastPointer: { x: number; y: number } | null = null;
  const cleanups: (() => void)[] = [];
  let mutationTimer = 0;
  let lastBlocksKey = '';

  const hover = createHoverIntent<Mark>(
    {
      open: (mark, point) => openMark(mark, { focus: false, point }),
      close: () => closeCard(false),
    },
    sameMark,
  );

  /** Stop a half-done walk or paint once this session ended or the extension went away. */
  const ended = () => stopped || ctx.isInvalid;
  /** The article read a slice at a time (a 20,000-word page would otherwise block it for 100 ms and more). */
  const extract = (stop = ended, wholePage = false) => runSliced(extractSteps(doc, wholePage), stop);
  /** The reader asked to analyse this page (or every page of its site) whether or not it looks like an article. */
  let anyway = false;

  const analyzeNow = (article: ExtractedArticle) =>
    ask({
      anyway,
      type: 'analyzeArticle',
      url: location.href,
      canonicalUrl: canonicalUrl(doc),
      title: article.title,
      blocks: article.blocks,
      signals: collectSignals(doc),
      publishedAt: publishedAt(doc),
    });

  /** A save or unsave that failed: say why on the card that asked, if it is still open. */
  function showFailure(kind: 'quote' | 'save', error: unknown): void {
    if (shown?.kind !== kind) return;
    const reason = error instanceof Error ? error.message : String(error);
    shown = { ...shown, busy: false, error: t(uiLang(), 'cardSaveFailed', { reason }) };
    renderOpen();
  }

  function uiLang(): UiLang {
    return resolveLang(settingsNow?.uiLang ?? 'browser', doc.defaultView?.navigator.language);
  }

  /** Run the pipeline; resolves once the first marks are painted (or the page turned out not to be an article). */
  async function start(): Promise<void> {
    // The settings are read while the article is: one round trip less before the first highlights. A paused
    // site stops the reading at its next pause, as soon as the settings say so, and nothing leaves the page.
    let paused = false;
    const settings = readSettings().then((s) => {
      paused = s.pausedSites.includes(location.hostname.toLowerCase());
      return s;
    });
    const article = await extract(() => ended() || paused);
    settingsNow = await settings;
    if (stopped || paused || !article) return;
    anyway = settingsNow.analyseSites.includes(location.hostname.toLowerCase());
    if (await (anyway ? analyseAnyway(article) : analyseAndPaint(article))) return;
    // Not an article: the side panel says so at once and offers to analyse the page anyway.
    cleanups.push(
      onPageMessage(async (message) => {
        if (message.type === 'page:state') return state();
        if (message.type !== 'page:analyseAnyway' || stopped) return { ok: false };
        anyway = true;
        for (const cleanup of cleanups.splice(0)) cleanup();
        return { ok: await analyseAnyway(article) };
      }),
    );
  }

  /** The reader's "analyse this page anyway": the article found, or the page's whole main text when that was short. */
  async function analyseAnyway(found: ExtractedArticle): Promise<boolean> {
    const article = bodyLength(found) >= SHORT_BODY ? found : await extract(ended, true);
    return !!article && (await analyseAndPaint(article));
  }

  /** Analyse an article and paint it; false (and the background told why) when it is not one. */
  async function analyseAndPaint(article: ExtractedArticle): Promise<boolean> {
    // Nothing to analyse: say so at once (a short body is analysed, and the background says when it is too short).
    if (bodyLength(article) === 0) {
      await ask({ type: 'reportNotArticle', url: location.href, title: article.title, reason: 'no-body' }).catch(() => {});
      return false;
    }
    const answer = await analyzeNow(article);
    if (stopped) return true;
    if (!answer.analysis.page.isArabicNews && !anyway) return false;
    articleNow = article;
    analysisNow = answer.analysis;
    genders = answer.genders ?? {};
    readingId = answer.readingId;
    lastBlocksKey = article.blocks.join('\n');
    visible = settingsNow?.density !== 'none';
    listen();
    // Paint what the analysis found at once; saved quotations (a second round trip) follow.
    await repaint();
    await loadSaved();
    if (savedQuotes.length > 0) await repaint();
    return true;
  }

  async function loadSaved(): Promise<void> {
    if (!analysisNow) return;
    try {
      const answer = await ask({
        type: 'savedForPage',
        url: location.href,
        canonicalUrl: canonicalUrl(doc),
        text: analysisNow.text,
      });
      savedQuotes = answer.items;
      // The background answers the page before writing its reading: this answer, which waits for it, has the id.
      readingId = answer.readingId ?? readingId;
    } catch {
      savedQuotes = [];
    }
    reportSaved();
  }

  function reportSaved(): void {
    const count = savedQuotes.filter((s) => s.anchor.start !== null).length;
    ask({ type: 'reportPage', savedCount: count }).catch(() => {});
  }

  /** Rebuild marks from the analysis and settings and paint them, a slice at a time. */
  async function repaint(): Promise<void> {
    const analysis = analysisNow;
    const article = articleNow;
    const settings = settingsNow;
    if (!analysis || !article || !settings) return;
    const generation = ++paintRun;
    painter ??= createHighlightPainter(doc) ?? createWrappingPainter();
    painter.clear();
    nearWatch?.disconnect();
    entries = [];
    byRange = new Map();
    const density = visible && settings.density === 'none' ? 'all' : settings.density;
    marks = visible ? buildMarks(analysis, { density, types: settings.types, saved: savedQuotes }) : [];
    const to = painter;
    const paint = marks.length > NEAR_FROM && to.remove ? paintNear(to) : (entry: Entry) => to.add([entry]);
    await runSliced(paintSteps(paint, article, marks), () => generation !== paintRun || ended());
  }

  /** Paint entries only while their element is near the viewport (a long article's marks, see NEAR_FROM). */
  function paintNear(to: Painter): (entry: Entry) => void {
    const groups = new Map<Element, Entry[]>();
    const near = new Set<Element>();
    nearWatch = new IntersectionObserver(
      (seen) => {
        for (const s of seen) {
          const list = groups.get(s.target) ?? [];
          if (s.isIntersecting) {
            near.add(s.target);
            to.add(list);
          } else {
            near.delete(s.target);
            to.remove?.(list);
          }
        }
      },
      { rootMargin: NEAR_MARGIN },
    );
    return (entry) => {
      const el = entry.range.startContainer.parentElement;
      if (!el) return to.add([entry]);
      let list = groups.get(el);
      if (!list) {
        list = [];
        groups.set(el, list);
        nearWatch?.observe(el);
      }
      list.push(entry);
      if (near.has(el)) to.add([entry]);
    };
  }

  /** Ranges for the marks, handed to the painter a slice at a time. */
  function* paintSteps(paint: (entry: Entry) => void, article: ExtractedArticle, list: Mark[]): Steps<void> {
    // A long article's analysis was just decoded and its marks built in this task: the page has a turn first.
    if (list.length > NEAR_FROM) yield true;
    let n = 0;
    for (const mark of list) {
      const range = rangeFor(article, mark.start, mark.end);
      if (range) {
        const entry: Entry = { kind: mark.kind, mark, range };
        paint(entry);
        entries.push(entry);
        byRange.set(range, entry);
      }
      yield ++n % SLICE_MARKS === 0;
    }
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
        if (shown && !cardHost?.contains(event.target) && !hover.pinned) closeCard(false);
      },
      { signal },
    );
    cleanups.push(onPageMessage((message) => onMessage(message)));
    cleanups.push(
      onSettingsChanged((settings) => {
        const densityChanged = settings.density !== settingsNow?.density;
        settingsNow = settings;
        if (densityChanged) visible = settings.density !== 'none';
        // Pausing the site from the panel takes the marks and the card away at once.
        if (settings.pausedSites.includes(location.hostname.toLowerCase())) {
          visible = false;
          closeCard(false);
        }
        repaint().catch(() => {});
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
    const article = await extract();
    if (!article) return;
    const key = article.blocks.join('\n');
    if (key === lastBlocksKey || article.blocks.length === 0) return;
    lastBlocksKey = key;
    try {
      const answer = await analyzeNow(article);
      if (stopped || !(answer.analysis.page.isArabicNews || anyway)) return;
      articleNow = article;
      analysisNow = answer.analysis;
      genders = answer.genders ?? {};
      readingId = answer.readingId ?? readingId;
      if (shown) closeCard(false);
      await loadSaved();
      await repaint();
    } catch {
      // The background is restarting or the extension was reloaded; the next change tries again.
    }
  }

  function onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    lastPointer = { x: event.clientX, y: event.clientY };
    if (cardHost?.contains(event.target)) return;
    if (rafPending) return;
    rafPending = true;
    requestAnimationFrame(() => {
      rafPending = false;
      const p = lastPointer;
      if (!p || stopped) return;
      const hits = rangesAtPoint(doc, p.x, p.y, entries, byRange);
      hover.move(innermost(hits.map((h) => h.mark)), p.x, p.y);
    });
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (!shown) return;
    if (event.key === 'Escape') {
      closeCard(true);
      return;
    }
    const fromCard = cardHost?.contains(event.target);
    if (fromCard && cardHost?.typing()) return; // a note being written: its letters are not shortcuts
    if (
      event.key.toLowerCase() === PIN_KEY &&
      !event.altKey &&
      !event.ctrlKey &&
      !event.metaKey &&
      (fromCard || !isEditable(event.target))
    ) {
      if (shown.kind === 'save') return;
      hover.togglePin();
      renderOpen();
    }
  }

  async function onMessage(message: PageMessage): Promise<unknown> {
    switch (message.type) {
      case 'page:toggleMarks':
        visible = !visible;
        if (!visible) closeCard(false);
        await repaint();
        cardHost?.announce(t(uiLang(), visible ? 'marksShown' : 'marksHidden'));
        return { visible: visible };
      case 'page:nextMark':
      case 'page:previousMark':
        return step(message.type === 'page:nextMark' ? 1 : -1);
      case 'page:focusActor': {
        const actor = analysisNow?.actors.find((a) => a.id === message.actorId);
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
        startSaveSelection(message.text ?? '');
        return { ok: true };
      case 'page:savedChanged':
        await loadSaved();
        await repaint();
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
    for (const e of entries) counts[e.kind]++;
    let openCard: PageState['openCard'] = null;
    if (shown?.kind === 'actor') {
      const c = shown.card;
      openCard = { kind: 'actor', label: c.name.ar, role: c.roleAtDate?.label ?? c.roleInArticle, saved: false };
    } else if (shown?.kind === 'quote') {
      const q = quoteOf(shown.mark);
      openCard = { kind: 'quote', label: q?.text ?? '', role: q?.speaker.name ?? null, saved: shown.mark.kind === 'saved' };
    } else if (shown?.kind === 'save') openCard = { kind: 'save', label: '', role: null, saved: false };
    else if (shown?.kind === 'fixed') openCard = { kind: 'fixed', label: shown.what, role: null, saved: false };
    return { painted: entries.length > 0, marksVisible: visible, counts, openCard, pinned: hover.pinned };
  }

  /** Marks the keyboard walks through: what is painted, or everything when marks are hidden. */
  function navigationMarks(): Mark[] {
    if (marks.length > 0) return marks;
    if (!analysisNow || !settingsNow) return [];
    return buildMarks(analysisNow, { density: 'all', types: settingsNow.types, saved: savedQuotes });
  }

  function step(direction: 1 | -1): { label: string } | null {
    const order = navigationMarks();
    const next = stepMark(order, current, direction);
    if (!next) return null;
    reveal(next, true);
    return { label: analysisNow?.text.slice(next.start, next.end) ?? '' };
  }

  function reveal(mark: Mark, openCard: boolean): void {
    if (!articleNow) return;
    const range = rangeFor(articleNow, mark.start, mark.end);
    if (!range) return;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    painter?.flash(range);
    if (openCard) openMark(mark, { focus: true, point: null });
  }

  function quoteOf(mark: Mark) {
    return mark.quoteIndex === null ? null : (analysisNow?.quotes[mark.quoteIndex] ?? null);
  }

  function ensureCard(): CardHost {
    cardHost ??= createCardHost(doc, {
      onPointerEnter: () => hover.enterCard(),
      onPointerLeave: () => hover.leaveCard(),
      onEscape: () => closeCard(true),
    });
    return cardHost;
  }

  function openMark(mark: Mark, opts: { focus: boolean; point: { x: number; y: number } | null }): void {
    const analysis = analysisNow;
    const article = articleNow;
    if (!analysis || !article) return;
    const range = rangeFor(article, mark.start, mark.end);
    if (!range) return;
    current = mark;
    const actor = mark.quoteIndex === null && mark.savedId === null ? analysis.actors.find((a) => a.id === mark.actorId) : undefined;
    let label: string;
    if (actor) {
      const token = ++cardToken;
      const card = cardFromAnalysis(analysis, actor);
      shown = { kind: 'actor', mark, card, token };
      label = card.name.ar;
      fetchCard(actor.id, actor.name, actor.type, token);
    } else {
      shown = { kind: 'quote', mark, busy: false, error: null };
      const q = quoteOf(mark);
      label = q?.speaker.name ?? t(uiLang(), 'cardQuotation');
    }
    if (opts.focus) hover.opened(mark, true);
    const host = ensureCard();
    host.show(renderContent(), range, {
      lang: uiLang(),
      theme: settingsNow?.theme ?? 'system',
      label,
      focus: opts.focus,
      point: opts.point,
      announce: t(uiLang(), 'cardOpened', { name: label }),
    });
  }

  async function fetchCard(actorId: string, name: string, actorType: Card['type'], token: number): Promise<void> {
    try {
      const card = await ask({
        type: 'getCard',
        readingId: readingId ?? undefined,
        actorId,
        name,
        actorType,
        publishedAt: publishedAt(doc),
      });
      // A card for an actor the reader has moved away from is dropped (request token).
      if (shown?.kind === 'actor' && shown.token === token) {
        shown = { ...shown, card: { ...card, mentionCount: card.mentionCount || shown.card.mentionCount } };
        renderOpen();
      }
    } catch {
      // No fuller card yet: the article's own card stays.
    }
  }

  function renderContent() {
    const open = shown;
    const lang = uiLang();
    const pinned = hover.pinned;
    if (!open) return null;
    if (open.kind === 'actor') {
      const actor = analysisNow?.actors.find((a) => a.id === open.mark.actorId);
      return (
        <HoverCard
          lang={lang}
          card={open.card}
          pinned={pinned}
          onClose={() => closeCard(true)}
          onOpenPanel={() => openInPanel(open.mark.actorId)}
          onFix={(choice) => void fix(open.mark, choice, open.card.name.ar)}
          fixBusy={fixing}
          gender={(actor && genders[actor.id]) ?? null}
          currentUrl={location.href}
          countsThisArticle={readingId !== null}
        />
      );
    }
    if (open.kind === 'fixed') {
      return (
        <div class="sq-card" data-testid="fixed-card">
          <FixDone lang={lang} what={open.what} busy={open.busy} onUndo={() => void undoFix(open.fixId)} />
        </div>
      );
    }
    if (open.kind === 'quote') {
      const q = quoteOf(open.mark);
      const savedId = open.mark.savedId;
      const saved = savedId ? savedQuotes.find((s) => s.id === savedId) : undefined;
      const text = q?.text ?? saved?.exact ?? analysisNow?.text.slice(open.mark.start, open.mark.end) ?? '';
      const speaker = q?.speaker ?? {
        name: saved?.speakerName ?? null,
        kind: saved?.speakerName ? ('actor' as const) : ('unknown' as const),
      };
      return (
        <QuoteCard
          lang={lang}
          text={text}
          speaker={{ name: speaker.name, kind: speaker.kind }}
          saved={open.mark.kind === 'saved'}
          busy={open.busy}
          error={open.error}
          pinned={pinned}
          onSave={() => saveQuote(open.mark)}
          onUnsave={() => unsaveQuote(open.mark)}
          onClose={() => closeCard(true)}
          onFix={q ? (choice) => void fix(open.mark, choice, q.text) : undefined}
          note={saved?.note ?? ''}
          onNote={saved ? (note) => void saveNote(saved.id, note) : undefined}
          noteSaved={open.noteSaved ?? false}
          onNoteFocus={() => hover.opened(open.mark, true)}
          speakers={(analysisNow?.actors ?? []).filter((a) => a.type !== 'place').map((a) => a.name)}
        />
      );
    }
    const text = analysisNow?.text.slice(open.start, open.end) ?? '';
    // People and organizations first: places rarely speak.
    const actors = [...(analysisNow?.actors ?? [])].sort((a, b) => +(a.type === 'place') - +(b.type === 'place'));
    return (
      <SaveQuoteForm
        lang={lang}
        text={text}
        actors={actors}
        busy={open.busy}
        error={open.error}
        onSave={(speaker) => saveSelection(open.start, open.end, speaker)}
        onCancel={() => closeCard(true)}
      />
    );
  }

  function renderOpen(): void {
    cardHost?.update(renderContent());
  }

  function closeCard(returnFocus: boolean): void {
    if (!shown) return;
    shown = null;
    hover.dismiss();
    cardHost?.hide(returnFocus);
  }

  function openInPanel(actorId: string | null): void {
    ask({ type: 'openPanel', actorId }).catch(() => {});
  }

  async function saveQuote(mark: Mark): Promise<void> {
    const open = shown;
    const analysis = analysisNow;
    if (!analysis || open?.kind !== 'quote') return;
    const q = quoteOf(mark);
    shown = { ...open, busy: true, error: null };
    renderOpen();
    try {
      const view = await ask({
        type: 'saveQuote',
        readingId: readingId ?? undefined,
        url: location.href,
        ...quoteSelector(analysis.text, mark.start, mark.end),
        start: mark.start,
        end: mark.end,
        speakerName: q?.speaker.name ?? null,
        actorId: q?.speaker.actorId ?? null,
      });
      savedQuotes = [...savedQuotes, { ...view, anchor: { status: 'exact', start: mark.start, end: mark.end, found: null } }];
      reportSaved();
      await repaint();
      const savedMark = marks.find((m) => m.kind === 'saved' && m.start === mark.start) ?? {
        ...mark,
        kind: 'saved' as const,
        savedId: view.id,
      };
      if (shown?.kind === 'quote') shown = { kind: 'quote', mark: savedMark, busy: false, error: null };
      hover.opened(savedMark, hover.pinned);
      renderOpen();
    } catch (error) {
      showFailure('quote', error);
    }
  }

  async function unsaveQuote(mark: Mark): Promise<void> {
    const open = shown;
    if (!mark.savedId || open?.kind !== 'quote') return;
    shown = { ...open, busy: true, error: null };
    renderOpen();
    try {
      await ask({ type: 'unsaveQuote', id: mark.savedId });
      savedQuotes = savedQuotes.filter((s) => s.id !== mark.savedId);
      reportSaved();
      await repaint();
      const plain = marks.find((m) => m.start === mark.start && m.quoteIndex === mark.quoteIndex) ?? {
        ...mark,
        kind: 'quote' as const,
        savedId: null,
      };
      if (shown?.kind === 'quote') shown = { kind: 'quote', mark: plain, busy: false, error: null };
      hover.opened(plain, hover.pinned);
      renderOpen();
    } catch (error) {
      showFailure('quote', error);
    }
  }

  /** A note written on a saved quotation's card. */
  async function saveNote(id: string, note: string): Promise<void> {
    const open = shown;
    if (open?.kind !== 'quote') return;
    shown = { ...open, busy: true, error: null, noteSaved: false };
    renderOpen();
    try {
      const view = await ask({ type: 'updateSavedQuote', id, note });
      savedQuotes = savedQuotes.map((s) => (s.id === id ? { ...s, note: view.note } : s));
      if (shown?.kind === 'quote') shown = { ...shown, busy: false, noteSaved: true };
      renderOpen();
    } catch (error) {
      showFailure('quote', error);
    }
  }

  /** Analyse the article again (the background applies the reader's corrections) and repaint it. */
  async function reanalyse(): Promise<void> {
    const article = articleNow;
    if (!article || stopped) return;
    const answer = await analyzeNow(article);
    if (stopped) return;
    analysisNow = answer.analysis;
    genders = answer.genders ?? {};
    readingId = answer.readingId ?? readingId;
    await repaint();
  }

  /** One click on a card's correction: store it, repaint the page with it, and offer to undo. */
  async function fix(mark: Mark, choice: FixChoice, subject: string): Promise<void> {
    if (fixing) return;
    fixing = true;
    renderOpen();
    try {
      const row = await ask({ type: 'addFix', fix: fixRequestOf(choice, subject, location.href) });
      await reanalyse();
      const what = `${subject.length > 40 ? `${subject.slice(0, 40)}…` : subject} — ${fixLabel(uiLang(), choice)}`;
      shown = { kind: 'fixed', mark, what, fixId: row.id, busy: false };
      hover.opened(mark, true);
      renderOpen();
      cardHost?.announce(t(uiLang(), 'fixDone', { what }));
    } catch (error) {
      showFailure('quote', error);
    } finally {
      fixing = false;
    }
  }

  async function undoFix(fixId: string): Promise<void> {
    if (shown?.kind !== 'fixed') return;
    shown = { ...shown, busy: true };
    renderOpen();
    try {
      await ask({ type: 'removeFix', id: fixId });
      await reanalyse();
    } finally {
      closeCard(true);
    }
  }

  /** The context menu on a selection: find it in the article, then ask who said it. */
  function startSaveSelection(menuText: string): void {
    const analysis = analysisNow;
    const article = articleNow;
    if (!analysis || !article) return;
    const selection = doc.getSelection();
    const selected = selection && !selection.isCollapsed ? selection.toString() : menuText;
    const first = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    const hint = first ? offsetOfPoint(article, first.startContainer, first.startOffset) : null;
    const squashed = selected.replace(/\s+/g, ' ').trim();
    const span = locateSelection(analysis.text, squashed, hint);
    const range = span ? rangeFor(article, span.start, span.end) : null;
    if (!span || !range) {
      ensureCard().announce(t(uiLang(), 'selectionNotInArticle'));
      return;
    }
    shown = { kind: 'save', start: span.start, end: span.end, busy: false, error: null };
    hover.opened({ kind: 'saved', start: span.start, end: span.end, actorId: null, quoteIndex: null, savedId: null }, true);
    ensureCard().show(renderContent(), range, {
      lang: uiLang(),
      theme: settingsNow?.theme ?? 'system',
      label: t(uiLang(), 'saveAsQuote'),
      focus: true,
      announce: t(uiLang(), 'saveAsQuote'),
    });
  }

  async function saveSelection(start: number, end: number, speaker: { actorId: string | null; name: string | null }): Promise<void> {
    const analysis = analysisNow;
    const open = shown;
    if (!analysis || open?.kind !== 'save') return;
    shown = { ...open, busy: true, error: null };
    renderOpen();
    try {
      const view = await ask({
        type: 'saveQuote',
        readingId: readingId ?? undefined,
        url: location.href,
        ...quoteSelector(analysis.text, start, end),
        start,
        end,
        speakerName: speaker.name,
        actorId: speaker.actorId,
      });
      savedQuotes = [...savedQuotes, { ...view, anchor: { status: 'exact', start, end, found: null } }];
      reportSaved();
      closeCard(true);
      await repaint();
    } catch (error) {
      showFailure('save', error);
    }
  }

  /** Leave no trace: highlights, card, listeners, observers, timers. */
  function stop(): void {
    stopped = true;
    paintRun++;
    clearTimeout(mutationTimer);
    hover.dispose();
    for (const cleanup of cleanups.splice(0)) cleanup();
    nearWatch?.disconnect();
    painter?.destroy();
    painter = null;
    cardHost?.destroy();
    cardHost = null;
  }

  return { start, stop, state };
}
