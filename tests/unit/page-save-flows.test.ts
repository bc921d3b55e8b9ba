// The page's save flows alone, with the background, the card and the painting stood in for: what the reader
// sees after saving a selection, and after a save that failed.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardController, OpenCard } from '../../entrypoints/content/card-controller';
import type { HoverIntent } from '../../entrypoints/content/hover';
import type { Mark } from '../../entrypoints/content/marks';
import { emptyPageData } from '../../entrypoints/content/page-data';
import type { Pipeline } from '../../entrypoints/content/pipeline';
import { createSaveFlows } from '../../entrypoints/content/save-flows';
import type { Analysis } from '../../types/analysis';

/** What the stand-in background was asked, and how it answers. */
const sent: Record<string, unknown>[] = [];
let answer: (request: Record<string, unknown>) => Promise<unknown> = async () => ({});
vi.mock('../../entrypoints/content/runtime', () => ({
  ask: (request: Record<string, unknown>) => {
    sent.push(request);
    return answer(request);
  },
}));

const TEXT = 'قال وزير الخارجية إن «المحادثات كانت مثمرة» بعد لقائه نظيره في العاصمة أمس.';
const QUOTE = 'المحادثات كانت مثمرة';

function setup() {
  const data = emptyPageData();
  data.analysis = { text: TEXT, actors: [], quotes: [] } as unknown as Analysis;
  data.readingId = 'r1';
  let open: OpenCard | null = null;
  const card = {
    open: () => open,
    set: (next: OpenCard) => {
      open = next;
    },
    redraw: () => {},
    close: () => {
      open = null;
    },
    fail: (_kind: string, error: unknown) => {
      if (open?.kind === 'save') open = { ...open, busy: false, error: String(error) };
    },
  } as unknown as CardController;
  const pipeline = { reportSaved: vi.fn(), repaint: vi.fn(async () => {}) } as unknown as Pipeline;
  const hover = { opened: () => {}, pinned: false } as unknown as HoverIntent<Mark>;
  const flows = createSaveFlows(document, data, pipeline, card, hover);
  const start = TEXT.indexOf(QUOTE);
  card.set({ kind: 'save', start, end: start + QUOTE.length, busy: false, error: null });
  return { data, flows, card, pipeline, start };
}

describe('saving a selection', () => {
  beforeEach(() => {
    sent.length = 0;
  });

  it('sends the selected words with their context, paints them as saved and closes the form', async () => {
    const { data, flows, card, pipeline, start } = setup();
    answer = async (request) => ({ ...request, id: 's1', note: '', tags: [] });
    await flows.saveSelection(start, start + QUOTE.length, { actorId: null, name: 'وزير الخارجية' });
    expect(sent).toHaveLength(1);
    const request = sent[0]!;
    expect(request).toMatchObject({ type: 'saveQuote', readingId: 'r1', exact: QUOTE, speakerName: 'وزير الخارجية' });
    expect(TEXT.slice(0, start).endsWith(String(request.prefix))).toBe(true);
    expect(data.saved.map((s) => s.exact)).toEqual([QUOTE]);
    expect(pipeline.repaint).toHaveBeenCalled();
    expect(card.open()).toBeNull();
  });

  it('keeps the form open and says why when the save failed, with nothing painted as saved', async () => {
    const { data, flows, card, start } = setup();
    answer = async () => {
      throw new Error('quota exceeded');
    };
    await flows.saveSelection(start, start + QUOTE.length, { actorId: null, name: null });
    const form = card.open();
    expect(form?.kind).toBe('save');
    expect(form?.kind === 'save' && form.error).toContain('quota exceeded');
    expect(data.saved).toEqual([]);
  });
});
