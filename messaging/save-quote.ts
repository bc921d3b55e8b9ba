// The one way a quotation of an article becomes a saveQuote request: the exact text with its context on each
// side (a W3C TextQuoteSelector), so the quotation is found again when the article changes.
import type * as v from 'valibot';
import type { SaveQuoteSchema } from './library-protocol';

export type SaveQuoteRequest = v.InferOutput<typeof SaveQuoteSchema>;

/** Characters of context kept before and after the quotation: enough to tell repeated words apart. */
const QUOTE_CONTEXT = 32;

/** The request saving [start, end) of the article `text` read at `url` (and recorded as `readingId` when known). */
export function saveQuoteRequest(
  article: { text: string; url: string; readingId: string | null },
  start: number,
  end: number,
  speaker: { name: string | null; actorId: string | null },
): SaveQuoteRequest {
  const { text } = article;
  return {
    type: 'saveQuote',
    readingId: article.readingId ?? undefined,
    url: article.url,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT),
    start,
    end,
    speakerName: speaker.name,
    actorId: speaker.actorId,
  };
}
