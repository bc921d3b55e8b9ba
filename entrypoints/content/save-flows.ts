// Saving quotations from the page: an analysed quotation from its card, a saved one taken back, a note on a saved
// one, and a selection saved through the context menu with the speaker the reader picks.
import { tp as t } from '../../locales/page';
import { saveQuoteRequest } from '../../messaging/save-quote';
import { offsetOfPoint, rangeFor } from '../../page/extract';
import type { SavedQuoteView } from '../../types/library';
import type { CardController } from './card-controller';
import type { HoverIntent } from './hover';
import { locateSelection, type Mark } from './marks';
import { type PageData, pageLang, quoteOf } from './page-data';
import type { Pipeline } from './pipeline';
import { ask } from './runtime';

export interface SaveFlows {
  saveQuote(mark: Mark): Promise<void>;
  unsaveQuote(mark: Mark): Promise<void>;
  saveNote(id: string, note: string): Promise<void>;
  /** The context menu on a selection: find it in the article, then ask who said it. */
  startSaveSelection(menuText: string): void;
  saveSelection(start: number, end: number, speaker: { actorId: string | null; name: string | null }): Promise<void>;
}

export function createSaveFlows(
  doc: Document,
  data: PageData,
  pipeline: Pipeline,
  card: CardController,
  hover: HoverIntent<Mark>,
): SaveFlows {
  /** Ask the background to save [start, end) with this speaker, and paint it as saved. */
  async function save(
    start: number,
    end: number,
    speaker: { name: string | null; actorId: string | null },
  ): Promise<SavedQuoteView | null> {
    const analysis = data.analysis;
    if (!analysis) return null;
    const article = { text: analysis.text, url: location.href, readingId: data.readingId };
    const view = await ask(saveQuoteRequest(article, start, end, speaker));
    data.saved = [...data.saved, { ...view, anchor: { status: 'exact', start, end, found: null } }];
    pipeline.reportSaved();
    return view;
  }

  /** The quotation card again, on the mark that now stands where `mark` was. */
  function showQuote(mark: Mark): void {
    hover.opened(mark, hover.pinned);
    if (card.open()?.kind === 'quote') card.set({ kind: 'quote', mark, busy: false, error: null });
    else card.redraw();
  }

  async function saveQuote(mark: Mark): Promise<void> {
    const open = card.open();
    if (!data.analysis || open?.kind !== 'quote') return;
    const q = quoteOf(data, mark);
    card.set({ ...open, busy: true, error: null });
    try {
      const view = await save(mark.start, mark.end, { name: q?.speaker.name ?? null, actorId: q?.speaker.actorId ?? null });
      if (!view) return;
      await pipeline.repaint();
      showQuote(data.marks.find((m) => m.kind === 'saved' && m.start === mark.start) ?? { ...mark, kind: 'saved', savedId: view.id });
    } catch (error) {
      card.fail('quote', error);
    }
  }

  async function unsaveQuote(mark: Mark): Promise<void> {
    const open = card.open();
    if (!mark.savedId || open?.kind !== 'quote') return;
    card.set({ ...open, busy: true, error: null });
    try {
      await ask({ type: 'unsaveQuote', id: mark.savedId });
      data.saved = data.saved.filter((s) => s.id !== mark.savedId);
      pipeline.reportSaved();
      await pipeline.repaint();
      showQuote(
        data.marks.find((m) => m.start === mark.start && m.quoteIndex === mark.quoteIndex) ?? { ...mark, kind: 'quote', savedId: null },
      );
    } catch (error) {
      card.fail('quote', error);
    }
  }

  /** A note written on a saved quotation's card. */
  async function saveNote(id: string, note: string): Promise<void> {
    const open = card.open();
    if (open?.kind !== 'quote') return;
    card.set({ ...open, busy: true, error: null, noteSaved: false });
    try {
      const view = await ask({ type: 'updateSavedQuote', id, note });
      data.saved = data.saved.map((s) => (s.id === id ? { ...s, note: view.note } : s));
      const now = card.open();
      if (now?.kind === 'quote') card.set({ ...now, busy: false, noteSaved: true });
      else card.redraw();
    } catch (error) {
      card.fail('quote', error);
    }
  }

  function startSaveSelection(menuText: string): void {
    const { analysis, article } = data;
    if (!analysis || !article) return;
    const selection = doc.getSelection();
    const selected = selection && !selection.isCollapsed ? selection.toString() : menuText;
    const first = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    const hint = first ? offsetOfPoint(article, first.startContainer, first.startOffset) : null;
    const squashed = selected.replace(/\s+/g, ' ').trim();
    const span = locateSelection(analysis.text, squashed, hint);
    const range = span ? rangeFor(article, span.start, span.end) : null;
    if (!span || !range) {
      card.host().announce(t(pageLang(doc, data), 'selectionNotInArticle'));
      return;
    }
    card.openSaveForm(span.start, span.end, range);
  }

  async function saveSelection(start: number, end: number, speaker: { actorId: string | null; name: string | null }): Promise<void> {
    const open = card.open();
    if (!data.analysis || open?.kind !== 'save') return;
    card.set({ ...open, busy: true, error: null });
    try {
      if (!(await save(start, end, speaker))) return;
      card.close(true);
      await pipeline.repaint();
    } catch (error) {
      card.fail('save', error);
    }
  }

  return { saveQuote, unsaveQuote, saveNote, startSaveSelection, saveSelection };
}
