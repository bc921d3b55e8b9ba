// The analyser: text or extracted blocks in, Analysis out (page info, actors, quotations, speakers).
// Pure and deterministic; the gazetteer index and the optional tagger are passed in once.

import type { Actor, Analysis, ArticleInput, Quote, Tagger } from '../types/analysis';
import { buildActors } from './actors';
import { attributeQuotes } from './attribution';
import { classifyPage } from './detect';
import { recognise } from './entities';
import { emptyGazetteer, type GazetteerIndex } from './gazetteer';
import { findMarkedSpans, isQuotation, sentenceHasCue } from './quotes';
import { tokenize } from './tokenize';

const BLOCK_SEPARATOR = '\n\n';

/** Join title and blocks into the one text every offset indexes into. */
export function joinArticle(input: ArticleInput): { text: string; blockStarts: number[] } {
  const parts = input.title ? [input.title, ...input.blocks] : input.blocks;
  const blockStarts: number[] = [];
  let offset = 0;
  for (const part of parts) {
    blockStarts.push(offset);
    offset += part.length + BLOCK_SEPARATOR.length;
  }
  return { text: parts.join(BLOCK_SEPARATOR), blockStarts };
}

export interface AnalyzerDeps {
  gazetteer: GazetteerIndex;
  tagger?: Tagger | null;
}

export type Analyzer = (input: ArticleInput) => Analysis;

/** Bind the bundled knowledge once and get a fast, pure analyse function for articles. */
export function createAnalyzer(deps: AnalyzerDeps): Analyzer {
  const traced = createTracingAnalyzer(deps);
  return (input) => traced(input).analysis;
}

/** The analyser that also tells which speaker rule decided each quotation (same order as `quotes`). */
export function createTracingAnalyzer(deps: AnalyzerDeps): (input: ArticleInput) => { analysis: Analysis; rules: string[] } {
  const entryOf = (id: string) => deps.gazetteer.byId.get(id);
  return (input: ArticleInput) => {
    const { text } = joinArticle(input);
    const page = classifyPage(input.signals ?? null, text);
    const info = { ...page, title: input.title };
    if (page.language !== 'ar') return { analysis: { text, page: info, actors: [], quotes: [] }, rules: [] };
    const tokens = tokenize(text);
    const rec = recognise(text, tokens, deps);
    const actors = uniqueIds(buildActors(text, rec, entryOf));
    const titleEnd = input.title ? input.title.length : 0;
    const marked = findMarkedSpans(text);
    const covers = spanCover(rec.spans);
    const aliases = new Set(actors.flatMap((a) => a.aliases));
    const quotesMarked = marked.filter((m) =>
      isQuotation(text, m, {
        isName: covers(m.start, m.end) || aliases.has(text.slice(m.start, m.end).trim()),
        hasCue: sentenceHasCue(text, m),
        inTitle: m.open < titleEnd,
      }),
    );
    const attributions = attributeQuotes(text, tokens, quotesMarked, actors, marked, rec.roles);
    const quotes: Quote[] = quotesMarked.map((m, k) => ({
      start: m.start,
      end: m.end,
      text: text.slice(m.start, m.end),
      speaker: attributions[k]!.speaker,
      cue: attributions[k]!.cue,
    }));
    return { analysis: { text, page: info, actors, quotes }, rules: attributions.map((a) => a.rule) };
  };
}

/** A test «is [start, end) inside one recognised span?» in O(log n), over spans sorted once. */
function spanCover(spans: readonly { start: number; end: number }[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  let best = -1;
  for (const s of sorted) {
    best = Math.max(best, s.end);
    maxEnd.push(best);
  }
  return (start, end) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1]! >= end;
  };
}

function uniqueIds(actors: Actor[]): Actor[] {
  const seen = new Map<string, number>();
  for (const a of actors) {
    const n = seen.get(a.id) ?? 0;
    seen.set(a.id, n + 1);
    if (n > 0) a.id = `${a.id}~${n + 1}`;
  }
  return actors;
}

let textOnly: Analyzer | null = null;

/**
 * Analyse with patterns only (no bundled gazetteer): for tests and callers without knowledge/.
 * The extension and the CLI use knowledge/recognizer.ts loadAnalyzer(), which bundles the gazetteer.
 */
export function analyze(input: ArticleInput): Analysis {
  textOnly ??= createAnalyzer({ gazetteer: emptyGazetteer() });
  return textOnly(input);
}
