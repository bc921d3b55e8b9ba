// Requests from the content script to the background about the page (badge, side panel), validated there.
import * as v from 'valibot';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/** The page reports how many saved quotations it shows, for the toolbar badge. */
const ReportPageSchema = v.object({
  type: v.literal('reportPage'),
  savedCount: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000)),
});

/** The card's "open in the side panel" link: open it on this tab and show the actor. */
const OpenPanelSchema = v.object({
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
