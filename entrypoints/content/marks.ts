// What to paint: the analysis, the reader's density and type choices and the saved quotations
// turned into a flat, ordered list of marks. Pure, so it is tested without a browser.

import type { Actor, Analysis, Quote } from '../../types/analysis';
import type { Card } from '../../types/card';
import type { AnchoredQuote } from '../../types/library';
import type { Density, MarkKind } from '../../types/settings';

export type PaintKind = 'person' | 'organization' | 'place' | 'quote' | 'saved';
export const PAINT_KINDS: readonly PaintKind[] = ['person', 'organization', 'place', 'quote', 'saved'];

export interface Mark {
  kind: PaintKind;
  start: number;
  end: number;
  /** The actor this mention belongs to (actor marks). */
  actorId: string | null;
  /** Index into Analysis.quotes (detected quotations, saved or not). */
  quoteIndex: number | null;
  /** The saved quotation's id (saved marks). */
  savedId: string | null;
}

export interface MarkOptions {
  density: Density;
  types: Record<MarkKind, boolean>;
  saved: readonly AnchoredQuote[];
}

const TYPE_OF_KIND: Record<PaintKind, MarkKind | null> = {
  person: 'person',
  organization: 'organization',
  place: 'place',
  quote: 'quote',
  saved: null,
};

/** The saved quotation covering the same characters as a detected one (a few characters of slack for quote marks). */
function savedFor(quote: Quote, saved: readonly AnchoredQuote[]): AnchoredQuote | null {
  for (const s of saved) {
    const { start, end } = s.anchor;
    if (start === null || end === null) continue;
    if (Math.abs(start - quote.start) <= 2 && Math.abs(end - quote.end) <= 2) return s;
  }
  return null;
}

/** Which actor mark wins where two overlap, after length: a person over an organization over a place. */
const TYPE_RANK: Record<PaintKind, number> = { person: 0, organization: 1, place: 2, quote: 3, saved: 3 };

/**
 * One actor mark per stretch of text: where mentions overlap («الأميرة السعودية» and «السعودية» in it), the longest
 * wins, then person over organization over place, so there is one underline and the card is of the whole name.
 */
export function oneMarkPerName(actorMarks: Mark[]): Mark[] {
  const sorted = [...actorMarks].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mark[] = [];
  let cluster: Mark[] = [];
  let clusterEnd = -1;
  const settle = () => {
    if (cluster.length === 1) kept.push(cluster[0]!);
    else if (cluster.length > 1) {
      const byRank = [...cluster].sort((a, b) => b.end - b.start - (a.end - a.start) || TYPE_RANK[a.kind] - TYPE_RANK[b.kind]);
      const chosen: Mark[] = [];
      for (const m of byRank) if (chosen.every((c) => m.end <= c.start || m.start >= c.end)) chosen.push(m);
      kept.push(...chosen);
    }
    cluster = [];
  };
  for (const m of sorted) {
    if (m.start >= clusterEnd) settle();
    cluster.push(m);
    clusterEnd = Math.max(clusterEnd, m.end);
  }
  settle();
  return kept;
}

/** Longest run of letters glued before a name that is painted with it («لـ», «وبـ», «ولل»). */
const MAX_GLUED = 3;
const ARABIC_LETTER = /[\u0621-\u064a]/;

/**
 * Where the painted mark of a name starts: at the start of its word, with the clitics glued to it
 * («لإسرائيل», «وبوتين»). A highlight that starts inside a word breaks the letters' joining on screen
 * (the lam-alef of «لإسرائيل» falls apart), and the reader sees one word anyway.
 */
export function wordStart(text: string, start: number): number {
  let s = start;
  while (s > 0 && start - s < MAX_GLUED && ARABIC_LETTER.test(text[s - 1]!)) s--;
  return s > 0 && ARABIC_LETTER.test(text[s - 1]!) ? start : s;
}

/** Every mark to paint, in reading order; saved quotations are painted even when quotes are switched off. */
export function buildMarks(analysis: Analysis, options: MarkOptions): Mark[] {
  const actorMarks: Mark[] = [];
  if (options.density !== 'none') {
    for (const actor of analysis.actors) {
      if (!options.types[actor.type]) continue;
      const mentions = [...actor.mentions].sort((a, b) => a.start - b.start);
      const chosen = options.density === 'first' ? mentions.slice(0, 1) : mentions;
      for (const m of chosen)
        actorMarks.push({
          kind: actor.type,
          start: wordStart(analysis.text, m.start),
          end: m.end,
          actorId: actor.id,
          quoteIndex: null,
          savedId: null,
        });
    }
  }
  const marks = oneMarkPerName(actorMarks);
  const claimed = new Set<string>();
  analysis.quotes.forEach((quote, quoteIndex) => {
    const saved = savedFor(quote, options.saved);
    if (saved) {
      claimed.add(saved.id);
      marks.push({ kind: 'saved', start: quote.start, end: quote.end, actorId: quote.speaker.actorId, quoteIndex, savedId: saved.id });
    } else if (options.density !== 'none' && options.types.quote) {
      marks.push({ kind: 'quote', start: quote.start, end: quote.end, actorId: quote.speaker.actorId, quoteIndex, savedId: null });
    }
  });
  for (const s of options.saved) {
    const { start, end } = s.anchor;
    if (claimed.has(s.id) || start === null || end === null || end <= start || end > analysis.text.length) continue;
    marks.push({ kind: 'saved', start, end, actorId: s.actorId, quoteIndex: null, savedId: s.id });
  }
  return marks.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Whether a kind is one the reader can switch off by type (saved quotations cannot be). */
export function typeOfKind(kind: PaintKind): MarkKind | null {
  return TYPE_OF_KIND[kind];
}

/** The mark to move to from `current` in reading order (wrapping around); quotes' inner names are stops too. */
export function stepMark(marks: readonly Mark[], current: Mark | null, direction: 1 | -1): Mark | null {
  if (marks.length === 0) return null;
  if (!current) return direction === 1 ? marks[0]! : marks[marks.length - 1]!;
  const index = marks.findIndex((m) => m.start === current.start && m.end === current.end && m.kind === current.kind);
  if (index === -1) {
    const after = marks.findIndex((m) => m.start > current.start);
    if (direction === 1) return after === -1 ? marks[0]! : marks[after]!;
    const before = (after === -1 ? marks.length : after) - 1;
    return before < 0 ? marks[marks.length - 1]! : marks[before]!;
  }
  return marks[(index + direction + marks.length) % marks.length]!;
}

/** The smallest mark containing a text offset: a name inside a quotation wins over the quotation. */
export function innermost(candidates: readonly Mark[]): Mark | null {
  let best: Mark | null = null;
  for (const m of candidates) if (!best || m.end - m.start < best.end - best.start) best = m;
  return best;
}

/** A card built from the article alone, shown at once while the background's fuller card is on its way. */
export function cardFromAnalysis(analysis: Analysis, actor: Actor): Card {
  const quotes = analysis.quotes.filter((q) => q.speaker.actorId === actor.id).map((q) => ({ text: q.text, start: q.start, end: q.end }));
  return {
    key: actor.knowledgeId ?? actor.id,
    name: { ar: actor.name, latin: actor.latin ?? null },
    type: actor.type,
    aliases: actor.aliases,
    roleInArticle: actor.role,
    roleAtDate: null,
    description: null,
    extract: null,
    image: null,
    mentionCount: actor.mentions.length,
    quotesInArticle: quotes,
    seenIn: { count: 1, firstSeen: null, latestQuote: null },
    sources: [],
    attribution: null,
    wikidataId: null,
    candidates: [],
    enrichment: 'off',
  };
}

/** Where a selected string sits in the article text: the occurrence nearest the hint, or null when absent. */
export function locateSelection(text: string, selected: string, hint: number | null): { start: number; end: number } | null {
  const needle = selected.trim();
  if (!needle) return null;
  let best: number | null = null;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (best === null || (hint !== null && Math.abs(at - hint) < Math.abs(best - hint))) best = at;
    if (hint === null) break;
  }
  return best === null ? null : { start: best, end: best + needle.length };
}
