// Finding a saved quotation again in the article as it is now (after Hypothesis): the exact text,
// then the stored position, then Arabic-normalised text, then an approximate match. A quotation that
// cannot be found is reported as changed or removed, never dropped.
import search from 'approx-string-match';
import { normalize, normalizeWithMap, toOriginalSpan } from '../nlp/normalize';
import type { AnchorStatus } from '../types/library';

export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface Anchor {
  status: AnchorStatus;
  start: number | null;
  end: number | null;
  found: string | null;
}

/** Share of the quotation's length that may differ for a match to count as the same quotation, edited. */
const FUZZY_SHARE = 0.2;
/** Beyond FUZZY_SHARE and up to this share, the place is still reported, as changed. */
const CHANGED_SHARE = 0.5;

function contextScore(text: string, start: number, end: number, sel: QuoteSelector): number {
  const before = text.slice(Math.max(0, start - sel.prefix.length), start);
  const after = text.slice(end, end + sel.suffix.length);
  let score = 0;
  if (sel.prefix && before === sel.prefix) score += 20;
  else if (sel.prefix && normalize(before).endsWith(normalize(sel.prefix).slice(-8))) score += 10;
  if (sel.suffix && after === sel.suffix) score += 20;
  else if (sel.suffix && normalize(after).startsWith(normalize(sel.suffix).slice(0, 8))) score += 10;
  // Closer to where it was is better, but only as a tie-breaker.
  score += 2 * (1 - Math.min(1, Math.abs(start - sel.start) / Math.max(1, text.length)));
  return score;
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i !== -1 && out.length < 1000; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Re-anchor one saved quotation in the current article text. */
export function anchorQuote(text: string, sel: QuoteSelector): Anchor {
  // 1. The exact text, disambiguated by its context and old position.
  const exact = occurrences(text, sel.exact);
  if (exact.length > 0) {
    const best = exact.map((s) => ({ s, score: contextScore(text, s, s + sel.exact.length, sel) })).sort((a, b) => b.score - a.score)[0]!;
    return { status: 'exact', start: best.s, end: best.s + sel.exact.length, found: null };
  }
  // 2. The stored position still holds the same words (only marks, alef forms or spaces differ).
  const atPosition = text.slice(sel.start, sel.end);
  const target = normalize(sel.exact);
  if (atPosition && normalize(atPosition) === target) {
    return { status: 'position', start: sel.start, end: sel.end, found: atPosition };
  }
  // 3. Normalised text anywhere (the article re-rendered with different marks).
  const n = normalizeWithMap(text);
  const normHits = target ? occurrences(n.norm, target) : [];
  if (normHits.length > 0) {
    const spans = normHits.map((s) => toOriginalSpan(n, s, s + target.length, text));
    const best = spans.map(([s, e]) => ({ s, e, score: contextScore(text, s, e, sel) })).sort((a, b) => b.score - a.score)[0]!;
    return { status: 'position', start: best.s, end: best.e, found: text.slice(best.s, best.e) };
  }
  // 4. Approximate match on the normalised text.
  if (target.length >= 4) {
    const maxErrors = Math.min(256, Math.floor(target.length * CHANGED_SHARE));
    const matches = search(n.norm, target, maxErrors);
    if (matches.length > 0) {
      const best = matches
        .map((m) => {
          const [s, e] = toOriginalSpan(n, m.start, m.end, text);
          return { s, e, errors: m.errors, score: contextScore(text, s, e, sel) - (50 * m.errors) / target.length };
        })
        .sort((a, b) => b.score - a.score)[0]!;
      const status: AnchorStatus = best.errors <= target.length * FUZZY_SHARE ? 'fuzzy' : 'changed';
      return { status, start: best.s, end: best.e, found: text.slice(best.s, best.e) };
    }
  }
  return { status: 'removed', start: null, end: null, found: null };
}

/** Context to store with a new quotation: the characters just before and after it (W3C TextQuoteSelector). */
export function quoteContext(text: string, start: number, end: number, size = 32): { prefix: string; suffix: string } {
  return { prefix: text.slice(Math.max(0, start - size), start), suffix: text.slice(end, end + size) };
}
