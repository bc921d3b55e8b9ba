// The card on the page: which one is open (an actor's, a quotation's, the save form, a correction done), what it
// shows, and the corrections made from it. Saving is the save flows' work; they change the card through here.
import type { ComponentChild } from 'preact';
import { type FixChoice, FixDone, fixLabel, fixRequestOf } from '../../components/FixActions';
import { HoverCard } from '../../components/HoverCard';
import { QuoteCard, SaveQuoteForm } from '../../components/QuoteCard';
import { tp as t } from '../../locales/page';
import type { PageState } from '../../messaging/page';
import { publishedAt } from '../../page/meta';
import type { Card } from '../../types/card';
import { type CardHost, createCardHost } from './card-host';
import type { HoverIntent } from './hover';
import { cardFromAnalysis, type Mark } from './marks';
import { type PageData, pageLang, quoteOf } from './page-data';
import { ask } from './runtime';

export type OpenCard =
  | { kind: 'actor'; mark: Mark; card: Card; token: number }
  | { kind: 'quote'; mark: Mark; busy: boolean; error: string | null; noteSaved?: boolean }
  | { kind: 'save'; start: number; end: number; busy: boolean; error: string | null }
  | { kind: 'fixed'; mark: Mark; what: string; fixId: string; busy: boolean };

/** What the card's buttons do beyond the card itself. */
export interface CardActions {
  saveQuote(mark: Mark): void;
  unsaveQuote(mark: Mark): void;
  saveNote(id: string, note: string): void;
  saveSelection(start: number, end: number, speaker: { actorId: string | null; name: string | null }): void;
  /** Analyse the article again (the background applies the reader's corrections) and repaint it. */
  reanalyse(): Promise<void>;
}

export interface CardController {
  /** The card open now, or null; set() replaces it and redraws. */
  open(): OpenCard | null;
  set(open: OpenCard): void;
  /** Draw the open card again (its data or the pin changed). */
  redraw(): void;
  openMark(mark: Mark, range: Range, opts: { focus: boolean; point: { x: number; y: number } | null }): void;
  openSaveForm(start: number, end: number, range: Range): void;
  close(returnFocus: boolean): void;
  /** A request from the card that failed: say why on the card that asked, if it is still open. */
  fail(kind: 'quote' | 'save', error: unknown): void;
  /** The shadow host, created on first use (for announcements, pointer and key checks). */
  host(): CardHost;
  hostIfAny(): CardHost | null;
  describe(): PageState['openCard'];
  destroy(): void;
}

export function createCardController(doc: Document, data: PageData, hover: HoverIntent<Mark>, actions: CardActions): CardController {
  const uiLang = () => pageLang(doc, data);
  let cardHost: CardHost | null = null;
  let shown: OpenCard | null = null;
  let cardToken = 0;
  /** A correction on its way: the card's correction buttons wait. */
  let fixing = false;

  function host(): CardHost {
    cardHost ??= createCardHost(doc, {
      onPointerEnter: () => hover.enterCard(),
      onPointerLeave: () => hover.leaveCard(),
      onEscape: () => close(true),
    });
    return cardHost;
  }

  function redraw(): void {
    cardHost?.update(render());
  }

  function set(open: OpenCard): void {
    shown = open;
    redraw();
  }

  function openMark(mark: Mark, range: Range, opts: { focus: boolean; point: { x: number; y: number } | null }): void {
    const analysis = data.analysis;
    if (!analysis) return;
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
      label = quoteOf(data, mark)?.speaker.name ?? t(uiLang(), 'cardQuotation');
    }
    if (opts.focus) hover.opened(mark, true);
    host().show(render(), range, {
      lang: uiLang(),
      theme: data.settings?.theme ?? 'system',
      label,
      focus: opts.focus,
      point: opts.point,
      announce: t(uiLang(), 'cardOpened', { name: label }),
    });
  }

  function openSaveForm(start: number, end: number, range: Range): void {
    shown = { kind: 'save', start, end, busy: false, error: null };
    hover.opened({ kind: 'saved', start, end, actorId: null, quoteIndex: null, savedId: null }, true);
    host().show(render(), range, {
      lang: uiLang(),
      theme: data.settings?.theme ?? 'system',
      label: t(uiLang(), 'saveAsQuote'),
      focus: true,
      announce: t(uiLang(), 'saveAsQuote'),
    });
  }

  async function fetchCard(actorId: string, name: string, actorType: Card['type'], token: number): Promise<void> {
    try {
      const card = await ask({
        type: 'getCard',
        readingId: data.readingId ?? undefined,
        actorId,
        name,
        actorType,
        publishedAt: publishedAt(doc),
      });
      // A card for an actor the reader has moved away from is dropped (request token).
      if (shown?.kind === 'actor' && shown.token === token) {
        set({ ...shown, card: { ...card, mentionCount: card.mentionCount || shown.card.mentionCount } });
      }
    } catch {
      // No fuller card yet: the article's own card stays.
    }
  }

  function render(): ComponentChild {
    const open = shown;
    const lang = uiLang();
    const pinned = hover.pinned;
    const analysis = data.analysis;
    if (!open) return null;
    if (open.kind === 'actor') {
      const actor = analysis?.actors.find((a) => a.id === open.mark.actorId);
      return (
        <HoverCard
          lang={lang}
          card={open.card}
          pinned={pinned}
          onClose={() => close(true)}
          onOpenPanel={() => ask({ type: 'openPanel', actorId: open.mark.actorId }).catch(() => {})}
          onFix={(choice) => void fix(open.mark, choice, open.card.name.ar)}
          fixBusy={fixing}
          gender={(actor && data.genders[actor.id]) ?? null}
          currentUrl={location.href}
          countsThisArticle={data.readingId !== null}
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
      const q = quoteOf(data, open.mark);
      const savedId = open.mark.savedId;
      const saved = savedId ? data.saved.find((s) => s.id === savedId) : undefined;
      const text = q?.text ?? saved?.exact ?? analysis?.text.slice(open.mark.start, open.mark.end) ?? '';
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
          onSave={() => actions.saveQuote(open.mark)}
          onUnsave={() => actions.unsaveQuote(open.mark)}
          onClose={() => close(true)}
          onFix={q ? (choice) => void fix(open.mark, choice, q.text) : undefined}
          note={saved?.note ?? ''}
          onNote={saved ? (note) => actions.saveNote(saved.id, note) : undefined}
          noteSaved={open.noteSaved ?? false}
          onNoteFocus={() => hover.opened(open.mark, true)}
          speakers={(analysis?.actors ?? []).filter((a) => a.type !== 'place').map((a) => a.name)}
        />
      );
    }
    const text = analysis?.text.slice(open.start, open.end) ?? '';
    // People and organizations first: places rarely speak.
    const actors = [...(analysis?.actors ?? [])].sort((a, b) => +(a.type === 'place') - +(b.type === 'place'));
    return (
      <SaveQuoteForm
        lang={lang}
        text={text}
        actors={actors}
        busy={open.busy}
        error={open.error}
        onSave={(speaker) => actions.saveSelection(open.start, open.end, speaker)}
        onCancel={() => close(true)}
      />
    );
  }

  function close(returnFocus: boolean): void {
    if (!shown) return;
    shown = null;
    hover.dismiss();
    cardHost?.hide(returnFocus);
  }

  function fail(kind: 'quote' | 'save', error: unknown): void {
    if (shown?.kind !== kind) return;
    const reason = error instanceof Error ? error.message : String(error);
    set({ ...shown, busy: false, error: t(uiLang(), 'cardSaveFailed', { reason }) });
  }

  /** One click on a card's correction: store it, repaint the page with it, and offer to undo. */
  async function fix(mark: Mark, choice: FixChoice, subject: string): Promise<void> {
    if (fixing) return;
    fixing = true;
    redraw();
    try {
      const row = await ask({ type: 'addFix', fix: fixRequestOf(choice, subject, location.href) });
      await actions.reanalyse();
      const what = `${subject.length > 40 ? `${subject.slice(0, 40)}…` : subject} — ${fixLabel(uiLang(), choice)}`;
      shown = { kind: 'fixed', mark, what, fixId: row.id, busy: false };
      hover.opened(mark, true);
      redraw();
      cardHost?.announce(t(uiLang(), 'fixDone', { what }));
    } catch (error) {
      fail('quote', error);
    } finally {
      fixing = false;
    }
  }

  async function undoFix(fixId: string): Promise<void> {
    if (shown?.kind !== 'fixed') return;
    set({ ...shown, busy: true });
    try {
      await ask({ type: 'removeFix', id: fixId });
      await actions.reanalyse();
    } finally {
      close(true);
    }
  }

  function describe(): PageState['openCard'] {
    if (shown?.kind === 'actor') {
      const c = shown.card;
      return { kind: 'actor', label: c.name.ar, role: c.roleAtDate?.label ?? c.roleInArticle, saved: false };
    }
    if (shown?.kind === 'quote') {
      const q = quoteOf(data, shown.mark);
      return { kind: 'quote', label: q?.text ?? '', role: q?.speaker.name ?? null, saved: shown.mark.kind === 'saved' };
    }
    if (shown?.kind === 'save') return { kind: 'save', label: '', role: null, saved: false };
    if (shown?.kind === 'fixed') return { kind: 'fixed', label: shown.what, role: null, saved: false };
    return null;
  }

  return {
    open: () => shown,
    set,
    openMark,
    openSaveForm,
    close,
    fail,
    host,
    hostIfAny: () => cardHost,
    describe,
    redraw,
    destroy() {
      cardHost?.destroy();
      cardHost = null;
    },
  };
}
