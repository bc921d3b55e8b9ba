// Facts written for the nlp tests (names and types only): a tiny gazetteer built the way the bundled
// one is, and a stand-in tagger with fixed tags, so each test row shows one rule at work.
import { buildGazetteerIndex, type GazetteerIndex, type GazetteerRow } from '../../nlp/gazetteer';
import { normalize } from '../../nlp/normalize';
import type { Tagger } from '../../types/analysis';

export interface TestFacts {
  /** Rows as the gazetteer stores them; source 't' for major names, 'small' for minor places. */
  entries: GazetteerRow[];
  firstNames?: string[];
  nameTokens?: string[];
  /** Everyday words: a name made of them needs more evidence. */
  common?: string[];
}

const words = (list: string[] = []) => list.map(normalize).join(' ');

/** The gazetteer index of a test's own facts. */
export function testGazetteer(facts: TestFacts): GazetteerIndex {
  return buildGazetteerIndex({
    version: 1,
    sources: { t: { name: 'test', licence: 'MIT', url: '' }, small: { name: 'small places', licence: 'MIT', url: '' } },
    entries: facts.entries,
    firstNames: words(facts.firstNames),
    nameTokens: words(facts.nameTokens),
    common: words(facts.common),
    minorSources: 'small',
  });
}

/** A tagger that tags the given words (by their text) and leaves the rest O, equally sure of each. */
export function fixedTagger(tags: Record<string, string>, margin = 0): Tagger {
  const tag = (tokens: readonly { text: string }[]) => tokens.map((t) => tags[t.text] ?? 'O');
  return { tag, tagWithMargins: (tokens) => ({ tags: tag(tokens), margins: tokens.map(() => margin) }) };
}
