// One article on one page: extract → ask the background → paint → hover cards, keyboard, saving.
// Everything it adds (listeners, observers, timers, highlights, the card host) goes away in stop().
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HoverCard } from '../../components/HoverCard';
import { QuoteCard, SaveQuoteForm } from '../../components/QuoteCard';
import type { Card } from '../../knowledge/card-types';
import { resolveLang, type UiLang } from '../../locales/index';
import { tp as t } from '../../locales/page';
import type { AnchoredQuote } from '../../messaging/library-protocol';
import type { PageMessage, PageState } from '../../messaging/page';
import type { Analysis } from '../../nlp/types';
import { getSettings, type Settings, watchSettings } from '../../storage/settings';
import { CardHost } from './card-host';
import { collectSignals, type ExtractedArticle, extractArticle, rangeFor } from './extract';
import { rangesAtPoint } from './hit';
import { HoverIntent } from './hover';
import { buildMarks, cardFromAnalysis, innermost, locateSelection, type Mark, quoteSelector, stepMark } from './marks';
import { createHighlightPainter, type PaintEntry, type Painter } from './painter';
import { ask, onPageMessage } from './runtime';
import { createWrappingPainter } from './wrap-fallback';

/** Work is cut into slices of this many milliseconds so no task blocks the page for long. */
const SLICE_MS = 8;
/** Late paragraphs (lazy loading, live blogs) are looked at after this quiet period. */
const MUTATION_DEBOUNCE_MS = 400;
const PIN_KEY = 'p';

interface Entry extends PaintEntry {
  mark: Mark;
  range: Range;
}

type OpenCard =
  | { kind: 'actor'; mark: Mark; card: Card; token: number }
  | { kind: 'quote'; mark: Mark; busy: boolean; error: string | null }
  | { kind: 'save'; start: number; end: number; busy: boolean; error: string | null };

/** Give the page's own work a turn (scheduler.yield where there is one). */
function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

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

export class PageSession {
  private analysis: Analysis | null = null;
  private article: ExtractedArticle | null = null;
  private readingId: string | null = null;
  private settings: Settings | null = null;
  private saved: AnchoredQuote[] = [];
  private marks: Mark[] = [];
  private entries: Entry[] = [];
  private byRange = new Map<AbstractRange, Entry>();
  private painter: Painter | null = null;
  private visible = true;
  private stopped = false;
  private generation = 0;
  private card: CardHost | null = null;
  private open: OpenCard | null = null;
  private hover: HoverIntent<Mark>;
  private cardToken = 0;
  private current: Mark | null = null;
  private rafPending = false;
  private lastPointer: { x: number; y: number } | null = null;
  private cleanups: (() => void)[] = [];
  private mutationTimer = 0;
  private lastBlocksKey = '';

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document = document,
  ) {
    this.hover = new HoverIntent<Mark>(
      {
        open: (mark, point) => this.openMark(mark, { focus: false, point }),
        close: () => this.closeCard(false),
      },
      sameMark,
    );
  }

  private get lang(): UiLang {
    return resolveLang(this.settings?.uiLang ?? 'browser', this.doc.defaultView?.navigator.language);
  }

  /** Run the pipeline; resolves once the first marks are painted (or the page turned out not to be an article). */
  async start(): Promise<void> {
    this.settings = await getSettings();
    if (this.stopped) return;
    const site = location.hostname.toLowerCase();
    if (this.settings.pausedSites.includes(site)) return;
    const article = extractArticle(this.doc);
    if (article.blocks.length === 0) return;
    const answer = await ask({
      type: 'analyzeArticle',
      url: location.href,
      canonicalUrl: canonicalUrl(this.doc),
      title: article.title,
      blocks: article.blocks,
      signals: collectSignals(this.doc),
      publishedAt: publishedAt(this.doc),
    });
    if (this.stopped || !answer.analysis.page.isArabicNews) return;
    this.article = article;
    this.analysis = answer.analysis;
    this.readingId = answer.readingId;
    this.lastBlocksKey = article.blocks.join('\n');
    this.visible = this.settings.density !== 'none';
    this.listen();
    await this.loadSaved();
    await this.repaint();
  }

  private async loadSaved(): Promise<void> {
    if (!this.analysis) return;
    try {
      const answer = await ask({
        type: 'savedForPage',
        url: location.href,
        canonicalUrl: canonicalUrl(this.doc),
        text: this.analysis.text,
      });
      this.saved = answer.items;
    } catch {
      this.saved = [];
    }
    this.reportSaved();
  }

  private reportSaved(): void {
    const count = this.saved.filter((s) => s.anchor.start !== null).length;
    ask({ type: 'reportPage', savedCount: count }).catch(() => {});
  }

  /** Rebuild marks from the analysis and settings and paint them, a slice at a time. */
  private async repaint(): Promise<void> {
    const analysis = this.analysis;
    const article = this.article;
    const settings = this.settings;
    if (!analysis || !article || !settings) return;
    const generation = ++this.generation;
    this.painter ??= createHighlightPainter(this.doc) ?? createWrappingPainter();
    this.painter.clear();
    this.entries = [];
    this.byRange = new Map();
    const density = this.visible && settings.density === 'none' ? 'all' : settings.density;
    this.marks = this.visible ? buildMarks(analysis, { density, types: settings.types, saved: this.saved }) : [];
    let i = 0;
    while (i < this.marks.length) {
      const sliceEnd = performance.now() + SLICE_MS;
      const batch: Entry[] = [];
      while (i < this.marks.length && performance.now() < sliceEnd) {
        const mark = this.marks[i++]!;
        const range = rangeFor(article, mark.start, mark.end);
        if (range) batch.push({ kind: mark.kind, mark, range });
      }
      this.painter.add(batch);
      for (const e of batch) {
        this.entries.push(e);
        this.byRange.set(e.range, e);
      }
      if (i < this.marks.length) {
        await yieldToMain();
        if (generation !== this.generation || this.stopped) return;
      }
    }
  }

  private listen(): void {
    const ctx = this.ctx;
    // Listeners end with this session (in-page navigation) or with the extension (ctx), whichever comes first.
    const aborter = new AbortController();
    const signal = aborter.signal;
    this.cleanups.push(() => aborter.abort());
    this.cleanups.push(ctx.onInvalidated(() => aborter.abort()));
    this.doc.addEventListener('pointermove', (event) => this.onPointerMove(event), { passive: true, capture: true, signal });
    this.doc.addEventListener('keydown', (event) => this.onKeyDown(event), { capture: true, signal });
    this.doc.addEventListener(
      'pointerdown',
      (event) => {
        if (this.open && !this.card?.contains(event.target) && !this.hover.pinned) this.closeCard(false);
      },
      { signal },
    );
    this.cleanups.push(onPageMessage((message) => this.onMessage(message)));
    this.cleanups.push(
      watchSettings((settings) => {
        const densityChanged = settings.density !== this.settings?.density;
        this.settings = settings;
        if (densityChanged) this.visible = settings.density !== 'none';
        this.repaint().catch(() => {});
      }),
    );
    const body = this.doc.body;
    if (body && typeof MutationObserver === 'function') {
      const observer = new MutationObserver((records) => {
        const foreign = records.some((r) =>
          [...r.addedNodes, ...r.removedNodes].some((n) => n.nodeName !== 'SIYAQ-MARK' && n.nodeName !== 'SIYAQ-CARD'),
        );
        if (!foreign) return;
        clearTimeout(this.mutationTimer);
        this.mutationTimer = ctx.setTimeout(() => this.onPageChanged(), MUTATION_DEBOUNCE_MS);
      });
      observer.observe(body, { childList: true, subtree: true });
      this.cleanups.push(() => observer.disconnect());
    }
  }

  /** The page added or removed text: analyse again when the article's blocks changed. */
  private async onPageChanged(): Promise<void> {
    if (this.stopped) return;
    const article = extractArticle(this.doc);
    const key = article.blocks.join('\n');
    if (key === this.lastBlocksKey || article.blocks.length === 0) return;
    this.lastBlocksKey = key;
    try {
      const answer = await ask({
        type: 'analyzeArticle',
        url: location.href,
        canonicalUrl: canonicalUrl(this.doc),
        title: article.title,
        blocks: article.blocks,
        signals: collectSignals(this.doc),
        publishedAt: publishedAt(this.doc),
      });
      if (this.stopped || !answer.analysis.page.isArabicNews) return;
      this.article = article;
      this.analysis = answer.analysis;
      this.readingId = answer.readingId ?? this.readingId;
      if (this.open) this.closeCard(false);
      await this.loadSaved();
      await this.repaint();
    } catch {
      // The background is restarting or the extension was reloaded; the next change tries again.
    }
  }

  private onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    this.lastPointer = { x: event.clientX, y: event.clientY };
    if (this.card?.contains(event.target)) return;
    if (this.rafPending) return;
    this.rafPending = true;
    requestAnimationFrame(() => {
      this.rafPending = false;
      const p = this.lastPointer;
      if (!p || this.stopped) return;
      const hits = rangesAtPoint(this.doc, p.x, p.y, this.entries, this.byRange);
      this.hover.move(innermost(hits.map((h) => h.mark)), p.x, p.y);
    });
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.open) return;
    if (event.key === 'Escape') {
      this.closeCard(true);
      return;
    }
    const fromCard = this.card?.contains(event.target);
    if (
      event.key.toLowerCase() === PIN_KEY &&
      !event.altKey &&
      !event.ctrlKey &&
      !event.metaKey &&
      (fromCard || !isEditable(event.target))
    ) {
      if (this.open.kind === 'save') return;
      this.hover.togglePin();
      this.renderOpen();
    }
  }

  private async onMessage(message: PageMessage): Promise<unknown> {
    switch (message.type) {
      case 'page:toggleMarks':
        this.visible = !this.visible;
        if (!this.visible) this.closeCard(false);
        await this.repaint();
        this.card?.announce(t(this.lang, this.visible ? 'marksShown' : 'marksHidden'));
        return { visible: this.visible };
      case 'page:nextMark':
      case 'page:previousMark':
        return this.step(message.type === 'page:nextMark' ? 1 : -1);
      case 'page:focusActor': {
        const actor = this.analysis?.actors.find((a) => a.id === message.actorId);
        const first = actor ? [...actor.mentions].sort((a, b) => a.start - b.start)[0] : undefined;
        if (!actor || !first) return { found: false };
        const mark: Mark = { kind: actor.type, start: first.start, end: first.end, actorId: actor.id, quoteIndex: null, savedId: null };
        this.reveal(mark, !!message.openCard);
        return { found: true };
      }
      case 'page:focusQuote': {
        const mark = this.navigationMarks().find((m) => m.quoteIndex !== null && m.start === message.start);
        if (!mark) return { found: false };
        this.reveal(mark, !!message.openCard);
        return { found: true };
      }
      case 'page:saveSelection':
        this.startSaveSelection(message.text ?? '');
        return { ok: true };
      case 'page:savedChanged':
        await this.loadSaved();
        await this.repaint();
        return { ok: true };
      case 'page:state':
        return this.state();
    }
  }

  /** What the page shows, for the side panel and tests. */
  state(): PageState {
    const counts = { person: 0, organization: 0, place: 0, quote: 0, saved: 0 };
    for (const e of this.entries) counts[e.kind]++;
    let openCard: PageState['openCard'] = null;
    if (this.open?.kind === 'actor') {
      const c = this.open.card;
      openCard = { kind: 'actor', label: c.name.ar, role: c.roleAtDate?.label ?? c.roleInArticle, saved: false };
    } else if (this.open?.kind === 'quote') {
      const q = this.quoteOf(this.open.mark);
      openCard = { kind: 'quote', label: q?.text ?? '', role: q?.speaker.name ?? null, saved: this.open.mark.kind === 'saved' };
    } else if (this.open?.kind === 'save') openCard = { kind: 'save', label: '', role: null, saved: false };
    return { painted: this.entries.length > 0, marksVisible: this.visible, counts, openCard, pinned: this.hover.pinned };
  }

  /** Marks the keyboard walks through: what is painted, or everything when marks are hidden. */
  private navigationMarks(): Mark[] {
    if (this.marks.length > 0) return this.marks;
    if (!this.analysis || !this.settings) return [];
    return buildMarks(this.analysis, { density: 'all', types: this.settings.types, saved: this.saved });
  }

  private step(direction: 1 | -1): { label: string } | null {
    const marks = this.navigationMarks();
    const next = stepMark(marks, this.current, direction);
    if (!next) return null;
    this.reveal(next, true);
    return { label: this.analysis?.text.slice(next.start, next.end) ?? '' };
  }

  private reveal(mark: Mark, openCard: boolean): void {
    if (!this.article) return;
    const range = rangeFor(this.article, mark.start, mark.end);
    if (!range) return;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.painter?.flash(range);
    if (openCard) this.openMark(mark, { focus: true, point: null });
  }

  private quoteOf(mark: Mark) {
    return mark.quoteIndex === null ? null : (this.analysis?.quotes[mark.quoteIndex] ?? null);
  }

  private ensureCard(): CardHost {
    this.card ??= new CardHost(this.doc, {
      onPointerEnter: () => this.hover.enterCard(),
      onPointerLeave: () => this.hover.leaveCard(),
      onEscape: () => this.closeCard(true),
    });
    return this.card;
  }

  private openMark(mark: Mark, opts: { focus: boolean; point: { x: number; y: number } | null }): void {
    const analysis = this.analysis;
    const article = this.article;
    if (!analysis || !article) return;
    const range = rangeFor(article, mark.start, mark.end);
    if (!range) return;
    this.current = mark;
    const actor = mark.quoteIndex === null && mark.savedId === null ? analysis.actors.find((a) => a.id === mark.actorId) : undefined;
    let label: string;
    if (actor) {
      const token = ++this.cardToken;
      const card = cardFromAnalysis(analysis, actor);
      this.open = { kind: 'actor', mark, card, token };
      label = card.name.ar;
      this.fetchCard(actor.id, actor.name, actor.type, token);
    } else {
      this.open = { kind: 'quote', mark, busy: false, error: null };
      const q = this.quoteOf(mark);
      label = q?.speaker.name ?? t(this.lang, 'cardQuotation');
    }
    if (opts.focus) this.hover.opened(mark, true);
    const host = this.ensureCard();
    host.show(this.renderContent(), range, {
      lang: this.lang,
      theme: this.settings?.theme ?? 'system',
      label,
      focus: opts.focus,
      point: opts.point,
      announce: t(this.lang, 'cardOpened', { name: label }),
    });
  }

  private async fetchCard(actorId: string, name: string, actorType: Card['type'], token: number): Promise<void> {
    try {
      const card = await ask({
        type: 'getCard',
        readingId: this.readingId ?? undefined,
        actorId,
        name,
        actorType,
        publishedAt: publishedAt(this.doc),
      });
      // A card for an actor the reader has moved away from is dropped (request token).
      if (this.open?.kind === 'actor' && this.open.token === token) {
        this.open = { ...this.open, card: { ...card, mentionCount: card.mentionCount || this.open.card.mentionCount } };
        this.renderOpen();
      }
    } catch {
      // No fuller card yet: the article's own card stays.
    }
  }

  private renderContent() {
    const open = this.open;
    const lang = this.lang;
    const pinned = this.hover.pinned;
    if (!open) return null;
    if (open.kind === 'actor') {
      return (
        <HoverCard
          lang={lang}
          card={open.card}
          pinned={pinned}
          onClose={() => this.closeCard(true)}
          onOpenPanel={() => this.openInPanel(open.mark.actorId)}
        />
      );
    }
    if (open.kind === 'quote') {
      const q = this.quoteOf(open.mark);
      const savedId = open.mark.savedId;
      const saved = savedId ? this.saved.find((s) => s.id === savedId) : undefined;
      const text = q?.text ?? saved?.exact ?? this.analysis?.text.slice(open.mark.start, open.mark.end) ?? '';
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
          onSave={() => this.saveQuote(open.mark)}
          onUnsave={() => this.unsaveQuote(open.mark)}
          onClose={() => this.closeCard(true)}
        />
      );
    }
    const text = this.analysis?.text.slice(open.start, open.end) ?? '';
    const actors = (this.analysis?.actors ?? [])
      .filter((a) => a.type !== 'place')
      .map((a) => ({ id: a.id, name: a.name }))
      .concat((this.analysis?.actors ?? []).filter((a) => a.type === 'place').map((a) => ({ id: a.id, name: a.name })));
    return (
      <SaveQuoteForm
        lang={lang}
        text={text}
        actors={actors}
        busy={open.busy}
        error={open.error}
        onSave={(speaker) => this.saveSelection(open.start, open.end, speaker)}
        onCancel={() => this.closeCard(true)}
      />
    );
  }

  private renderOpen(): void {
    this.card?.update(this.renderContent());
  }

  private closeCard(returnFocus: boolean): void {
    if (!this.open) return;
    this.open = null;
    this.hover.dismiss();
    this.card?.hide(returnFocus);
  }

  private openInPanel(actorId: string | null): void {
    ask({ type: 'openPanel', actorId }).catch(() => {});
  }

  private async saveQuote(mark: Mark): Promise<void> {
    const open = this.open;
    const analysis = this.analysis;
    if (!analysis || open?.kind !== 'quote') return;
    const q = this.quoteOf(mark);
    this.open = { ...open, busy: true, error: null };
    this.renderOpen();
    try {
      const view = await ask({
        type: 'saveQuote',
        readingId: this.readingId ?? undefined,
        url: location.href,
        ...quoteSelector(analysis.text, mark.start, mark.end),
        start: mark.start,
        end: mark.end,
        speakerName: q?.speaker.name ?? null,
        actorId: q?.speaker.actorId ?? null,
      });
      this.saved = [...this.saved, { ...view, anchor: { status: 'exact', start: mark.start, end: mark.end, found: null } }];
      this.reportSaved();
      await this.repaint();
      const savedMark = this.marks.find((m) => m.kind === 'saved' && m.start === mark.start) ?? {
        ...mark,
        kind: 'saved' as const,
        savedId: view.id,
      };
      if (this.open?.kind === 'quote') this.open = { kind: 'quote', mark: savedMark, busy: false, error: null };
      this.hover.opened(savedMark, this.hover.pinned);
      this.renderOpen();
    } catch (error) {
      if (this.open?.kind === 'quote') {
        this.open = {
          ...this.open,
          busy: false,
          error: t(this.lang, 'cardSaveFailed', { reason: error instanceof Error ? error.message : String(error) }),
        };
        this.renderOpen();
      }
    }
  }

  private async unsaveQuote(mark: Mark): Promise<void> {
    const open = this.open;
    if (!mark.savedId || open?.kind !== 'quote') return;
    this.open = { ...open, busy: true, error: null };
    this.renderOpen();
    try {
      await ask({ type: 'unsaveQuote', id: mark.savedId });
      this.saved = this.saved.filter((s) => s.id !== mark.savedId);
      this.reportSaved();
      await this.repaint();
      const plain = this.marks.find((m) => m.start === mark.start && m.quoteIndex === mark.quoteIndex) ?? {
        ...mark,
        kind: 'quote' as const,
        savedId: null,
      };
      if (this.open?.kind === 'quote') this.open = { kind: 'quote', mark: plain, busy: false, error: null };
      this.hover.opened(plain, this.hover.pinned);
      this.renderOpen();
    } catch (error) {
      if (this.open?.kind === 'quote') {
        this.open = {
          ...this.open,
          busy: false,
          error: t(this.lang, 'cardSaveFailed', { reason: error instanceof Error ? error.message : String(error) }),
        };
        this.renderOpen();
      }
    }
  }

  /** The context menu on a selection: find it in the article, then ask who said it. */
  private startSaveSelection(menuText: string): void {
    const analysis = this.analysis;
    const article = this.article;
    if (!analysis || !article) return;
    const selection = this.doc.getSelection();
    const selected = selection && !selection.isCollapsed ? selection.toString() : menuText;
    const first = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    const hint = first ? offsetOfPoint(article, first.startContainer, first.startOffset) : null;
    const squashed = selected.replace(/\s+/g, ' ').trim();
    const span = locateSelection(analysis.text, squashed, hint);
    const range = span ? rangeFor(article, span.start, span.end) : null;
    if (!span || !range) {
      this.ensureCard().announce(t(this.lang, 'selectionNotInArticle'));
      return;
    }
    this.open = { kind: 'save', start: span.start, end: span.end, busy: false, error: null };
    this.hover.opened({ kind: 'saved', start: span.start, end: span.end, actorId: null, quoteIndex: null, savedId: null }, true);
    this.ensureCard().show(this.renderContent(), range, {
      lang: this.lang,
      theme: this.settings?.theme ?? 'system',
      label: t(this.lang, 'saveAsQuote'),
      focus: true,
      announce: t(this.lang, 'saveAsQuote'),
    });
  }

  private async saveSelection(start: number, end: number, speaker: { actorId: string | null; name: string | null }): Promise<void> {
    const analysis = this.analysis;
    const open = this.open;
    if (!analysis || open?.kind !== 'save') return;
    this.open = { ...open, busy: true, error: null };
    this.renderOpen();
    try {
      const view = await ask({
        type: 'saveQuote',
        readingId: this.readingId ?? undefined,
        url: location.href,
        ...quoteSelector(analysis.text, start, end),
        start,
        end,
        speakerName: speaker.name,
        actorId: speaker.actorId,
      });
      this.saved = [...this.saved, { ...view, anchor: { status: 'exact', start, end, found: null } }];
      this.reportSaved();
      this.closeCard(true);
      await this.repaint();
    } catch (error) {
      if (this.open?.kind === 'save') {
        this.open = {
          ...this.open,
          busy: false,
          error: t(this.lang, 'cardSaveFailed', { reason: error instanceof Error ? error.message : String(error) }),
        };
        this.renderOpen();
      }
    }
  }

  /** Leave no trace: highlights, card, listeners, observers, timers. */
  stop(): void {
    this.stopped = true;
    this.generation++;
    clearTimeout(this.mutationTimer);
    this.hover.dispose();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.painter?.destroy();
    this.painter = null;
    this.card?.destroy();
    this.card = null;
  }
}
