// Messages the background and the side panel send to the content script of a tab, validated there.
// No schema library here: this module is part of the content script on every Arabic page.
/** Every message a tab's content script accepts. Checked by hand (no schema library in the content script). */
export type PageMessage =
  /** Show or hide every mark (the toggle-marks command). */
  | { type: 'page:toggleMarks' }
  /** Move to the next / previous actor or quotation and open its card (commands next-mark, previous-mark). */
  | { type: 'page:nextMark' }
  | { type: 'page:previousMark' }
  /** Scroll to an actor's first mention and flash it; open its card when asked. */
  | { type: 'page:focusActor'; actorId: string; openCard?: boolean }
  /** Scroll to the quotation starting at this offset of Analysis.text; open its card when asked. */
  | { type: 'page:focusQuote'; start: number; openCard?: boolean }
  /** The context menu «احفظ كاقتباس» on a selection: the page asks who said it, then saves. */
  | { type: 'page:saveSelection'; text?: string }
  /** Saved quotations of this page changed elsewhere (side panel): repaint them. */
  | { type: 'page:savedChanged' }
  /** What the page currently shows (PageState), for the side panel and tests. */
  | { type: 'page:state' }
  /** The reader asked to analyse a page not recognised as an Arabic news article: read its main text and paint it. */
  | { type: 'page:analyseAnyway' }
  /** The reader corrected the analysis (or took a correction back) elsewhere: analyse again and repaint. */
  | { type: 'page:fixesChanged' };

const BARE = new Set([
  'page:toggleMarks',
  'page:nextMark',
  'page:previousMark',
  'page:savedChanged',
  'page:state',
  'page:analyseAnyway',
  'page:fixesChanged',
]);

/** What `page:state` answers. */
export interface PageState {
  painted: boolean;
  marksVisible: boolean;
  counts: Record<'person' | 'organization' | 'place' | 'quote' | 'saved', number>;
  /** The open card: the actor's name or the quotation's text, with the role or speaker. */
  openCard: { kind: 'actor' | 'quote' | 'save' | 'fixed'; label: string; role: string | null; saved: boolean } | null;
  pinned: boolean;
}

/** Validate an untrusted page message; null when it is not one of ours. */
export function parsePageMessage(raw: unknown): PageMessage | null {
  if (!raw || typeof raw !== 'object') return null;
  const m = raw as Record<string, unknown>;
  const optionalFlag = m.openCard === undefined || typeof m.openCard === 'boolean';
  switch (m.type) {
    case 'page:focusActor':
      return typeof m.actorId === 'string' && m.actorId.length > 0 && m.actorId.length <= 200 && optionalFlag
        ? { type: m.type, actorId: m.actorId, openCard: m.openCard as boolean | undefined }
        : null;
    case 'page:focusQuote':
      return typeof m.start === 'number' && Number.isInteger(m.start) && m.start >= 0 && optionalFlag
        ? { type: m.type, start: m.start, openCard: m.openCard as boolean | undefined }
        : null;
    case 'page:saveSelection':
      return m.text === undefined || (typeof m.text === 'string' && m.text.length <= 10_000)
        ? { type: m.type, text: m.text as string | undefined }
        : null;
    default:
      return typeof m.type === 'string' && BARE.has(m.type) ? ({ type: m.type } as PageMessage) : null;
  }
}
