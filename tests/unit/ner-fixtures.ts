// A model with one empty weight row and the given word lists, for round trips of the lists and tables.
import type { WordLists } from '../../nlp/tagger/features';
import type { NerModel } from '../../nlp/tagger/index';

export function modelWithLists(lists: Partial<WordLists>): NerModel {
  return {
    keys: Uint32Array.from([5]),
    weights: new Int8Array(9),
    scale: 1,
    trans: new Float32Array(81),
    start: new Float32Array(9),
    lists: { lexicon: null, person: null, place: null, placeToken: null, org: null, orgToken: null, ...lists },
  };
}
