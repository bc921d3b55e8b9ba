// Tag CoNLL sentences the way the extension recognises names: the tagger alone, or combined with the
// gazetteer and patterns through nlp/entities findEntities (as analyze does). Used by ner and eval-ner.

import { loadGazetteer } from '../knowledge/recognizer';
import { findEntities } from '../nlp/entities';
import { conllFromSpans, conllFromTokenTags, conllView } from '../nlp/tagger/align';
import { loadTagger } from '../nlp/tagger/index';
import { chunk } from './ner-data';

export type NerMode = 'tagger' | 'combined';

/** BIO tags for every token of every sentence; sentences are analysed in pseudo-documents of consecutive sentences. */
export async function tagConll(sentences: readonly (readonly string[])[], mode: NerMode): Promise<string[][]> {
  const tagger = await loadTagger();
  const gazetteer = mode === 'combined' ? await loadGazetteer() : null;
  const out: string[][] = [];
  for (const doc of chunk(sentences)) {
    const view = conllView(doc);
    if (gazetteer) {
      const spans = findEntities(view.text, view.tokens, { gazetteer, tagger });
      out.push(...conllFromSpans(view, spans));
    } else {
      out.push(...conllFromTokenTags(view, tagger.tag(view.tokens, view.text)));
    }
  }
  return out;
}
