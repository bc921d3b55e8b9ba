// The one place that loads the bundled gazetteer (and the trained tagger when present) and hands out
// a warm analyser. The JSON is imported dynamically so the background stays light until first use.
import { type Analyzer, createAnalyzer } from '../nlp/analyze';
import { buildGazetteerIndex, type GazetteerData, type GazetteerEntry, type GazetteerIndex, nameTokens } from '../nlp/gazetteer';
import type { Tagger } from '../types/analysis';

let indexPromise: Promise<GazetteerIndex> | null = null;
const analyzers = new Map<boolean, Promise<Analyzer>>();

/** Load and index knowledge/data/gazetteer.json once per process (memoised). */
export function loadGazetteer(): Promise<GazetteerIndex> {
  indexPromise ??= import('./data/gazetteer.json').then((m) => buildGazetteerIndex((m.default ?? m) as unknown as GazetteerData));
  return indexPromise;
}

/** The trained tagger, when nlp/tagger provides loadTagger(); null when it is absent or fails to load. */
async function loadTaggerIfAny(): Promise<Tagger | null> {
  try {
    const mod = (await import('../nlp/tagger/index')) as { loadTagger?: () => Promise<Tagger | null> | Tagger | null };
    return mod.loadTagger ? await mod.loadTagger() : null;
  } catch {
    return null;
  }
}

/**
 * A warm analyser with the bundled gazetteer (and, by default, the tagger when one is built).
 * Memoised per option, so the background, CLI, eval and bench share one index.
 */
export function loadAnalyzer(opts: { tagger?: boolean } = {}): Promise<Analyzer> {
  const withTagger = opts.tagger ?? true;
  let p = analyzers.get(withTagger);
  if (!p) {
    p = (async () => {
      const [gazetteer, tagger] = await Promise.all([loadGazetteer(), withTagger ? loadTaggerIfAny() : Promise.resolve(null)]);
      return createAnalyzer({ gazetteer, tagger });
    })();
    analyzers.set(withTagger, p);
  }
  return p;
}

/** What the bundled knowledge says about a name, for cards: every entry whose name matches it. */
export interface KnownName {
  id: string;
  type: GazetteerEntry['type'];
  names: string[];
  latin: string | null;
  description: string | null;
  sources: { id: string; name: string; licence: string; url: string }[];
}

let sourcesPromise: Promise<GazetteerData['sources']> | null = null;

/** Look a name up in the bundled gazetteer (normalised, clitics not stripped); [] when unknown. */
export async function lookupName(name: string): Promise<KnownName[]> {
  const index = await loadGazetteer();
  sourcesPromise ??= import('./data/gazetteer.json').then((m) => ((m.default ?? m) as unknown as GazetteerData).sources);
  const sources = await sourcesPromise;
  const toks = nameTokens(name);
  const [first, ...rest] = toks;
  if (!first) return [];
  const found: KnownName[] = [];
  const seen = new Set<string>();
  for (const phrase of index.phrases.get(first) ?? []) {
    if (phrase.rest.join(' ') !== rest.join(' ')) continue;
    const e = index.entries[phrase.entry]!;
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    found.push({
      id: e.id,
      type: e.type,
      names: e.names,
      latin: e.en,
      description: e.description,
      sources: e.sources.map((id) => ({ id, ...(sources[id] ?? { name: id, licence: '', url: '' }) })),
    });
  }
  return found;
}
