// Messages the background and the side panel send to the content script of a tab, validated there.
import * as v from 'valibot';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

export const PageMessageSchema = v.variant('type', [
  /** Show or hide every mark (the toggle-marks command). */
  v.object({ type: v.literal('page:toggleMarks') }),
  /** Move to the next / previous actor or quotation and open its card (commands next-mark, previous-mark). */
  v.object({ type: v.literal('page:nextMark') }),
  v.object({ type: v.literal('page:previousMark') }),
  /** Scroll to an actor's first mention (or a quotation) and flash it; open its card when asked. */
  v.object({ type: v.literal('page:focusActor'), actorId: id, openCard: v.optional(v.boolean()) }),
  v.object({
    type: v.literal('page:focusQuote'),
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    openCard: v.optional(v.boolean()),
  }),
  /** The context menu «احفظ كاقتباس» on a selection: the page asks who said it, then saves. */
  v.object({ type: v.literal('page:saveSelection'), text: v.optional(v.pipe(v.string(), v.maxLength(10_000))) }),
  /** Saved quotations of this page changed elsewhere (side panel): repaint them. */
  v.object({ type: v.literal('page:savedChanged') }),
  /** What the page currently shows, for tests and the panel. */
  v.object({ type: v.literal('page:state') }),
]);

export type PageMessage = v.InferOutput<typeof PageMessageSchema>;

/** What `page:state` answers. */
export interface PageState {
  painted: boolean;
  marksVisible: boolean;
  counts: Record<'person' | 'organization' | 'place' | 'quote' | 'saved', number>;
  /** The open card: the actor's name or the quotation's text, with the role or speaker. */
  openCard: { kind: 'actor' | 'quote' | 'save'; label: string; role: string | null; saved: boolean } | null;
  pinned: boolean;
}

/** Validate an untrusted page message; null when it is not one of ours. */
export function parsePageMessage(raw: unknown): PageMessage | null {
  const result = v.safeParse(PageMessageSchema, raw);
  return result.success ? result.output : null;
}

// ---- From the content script to the background ----

/** The page reports how many saved quotations it shows, for the toolbar badge. */
export const ReportPageSchema = v.object({
  type: v.literal('reportPage'),
  savedCount: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000)),
});

/** The card's "open in the side panel" link: open it on this tab and show the actor. */
export const OpenPanelSchema = v.object({
  type: v.literal('openPanel'),
  actorId: v.nullable(id),
});

/** Listed in RequestSchema (protocol.ts). */
export const PageRequestSchemas = [ReportPageSchema, OpenPanelSchema] as const;

/** Where the side panel finds the actor to show: browser.storage.session, this key, `{ tabId, actorId, at }`. */
export const PANEL_FOCUS_KEY = 'panelFocus';

/** Merged into Responses (protocol.ts). */
export interface PageResponses {
  reportPage: { badge: string };
  openPanel: { opened: boolean };
}
