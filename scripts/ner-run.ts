// Tag CoNLL sentences the way the extension recognises names: the tagger alone, or combined with the
// gazetteer and patterns through nlp/entities recognise (as analyze does), written out under the
// ANERcorp/MUC convention (nlp/tagger/conll-view.ts). Used by ner and eval-ner, so the combined row
// of eval:ner is exactly what `npm run ner` prints.

import { loadGazetteer } from '../knowledge/recognizer';
import { recognise } from '../nlp/entities';
import { conllFromSpans, conllFromTokenTags, conllView } from '../nlp/tagger/align';
import { anercorpSpans, CONVENTION_RULES, type ConventionRule } from '../nlp/tagger/conll-view';
import { loadTagger } from '../nlp/tagger/index';
import type { Tagger } from '../types/analysis';
import { chunk } from './ner-data';

export type NerMode = 'tagger' | 'combined';

/** The conventions applied to the combined output; NER_CONVENTION=none or a comma list, for measuring each. */
export function conventionRules(env = process.env.NER_CONVENTION): Set<ConventionRule> {
  if (env === undefined || env === '' || env === 'all') return new Set(CONVENTION_RULES);
  if (env === 'none') return new Set();
  const names = env.split(',').map((r) => r.trim());
  const unknown = names.filter((r) => !(CONVENTION_RULES as readonly string[]).includes(r));
  if (unknown.length > 0)
    throw new Error(`NER_CONVENTION: unknown ${unknown.join(', ')} (known: none, all, ${CONVENTION_RULES.join(', ')})`);
  return new Set(names as ConventionRule[]);
}

/** The recogniser's tagger, remembering the tags it gave on its last call, so the CoNLL view reads the same reading. */
function recording(tagger: Tagger): { tagger: Tagger; last: () => string[] | null } {
  let last: string[] | null = null;
  const wrapped: Tagger = {
    tag: (tokens, text, hints) => {
      last = tagger.tag(tokens, text, hints);
      return last;
    },
  };
  // tagWithLoneMargins is what the recogniser calls first when the tagger has it; without it the
  // recogniser would fall back to tagWithMargins and the figures would be measured on a slower path.
  for (const method of ['tagWithMargins', 'tagWithLoneMargins'] as const) {
    const read = tagger[method]?.bind(tagger);
    if (read)
      wrapped[method] = (tokens, text, hints) => {
        const out = read(tokens, text, hints);
        last = out.tags;
        return out;
      };
  }
  return { tagger: wrapped, last: () => last };
}

/** BIO tags for every token of every sentence; sentences are analysed in pseudo-documents of consecutive sentences. */
export async function tagConll(
  sentences: readonly (readonly string[])[],
  mode: NerMode,
  rules: ReadonlySet<ConventionRule> = conventionRules(),
): Promise<string[][]> {
  const tagger = await loadTagger();
  const gazetteer = mode === 'combined' ? await loadGazetteer() : null;
  const rec = recording(tagger);
  const out: string[][] = [];
  for (const doc of chunk(sentences)) {
    const view = conllView(doc);
    if (gazetteer) {
      const recognition = recognise(view.text, view.tokens, { gazetteer, tagger: rec.tagger });
      out.push(...conllFromSpans(view, anercorpSpans(recognition, rec.last(), rules)));
    } else {
      out.push(...conllFromTokenTags(view, tagger.tag(view.tokens, view.text)));
    }
  }
  return out;
}
