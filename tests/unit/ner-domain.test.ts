// Training on a second corpus with other conventions (Daumé 2007's feature copies): the target's own
// convention must survive a larger corpus that labels the same words differently.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../nlp/normalize';
import type { WordLists } from '../../nlp/tagger/features';
import { createTagger } from '../../nlp/tagger/index';
import { compress, type TaggedSentence, train } from '../../nlp/tagger/train';

const NO_LISTS: WordLists = { lexicon: null, person: null, place: null, placeToken: null, org: null, orgToken: null };

/** «word/TAG» pairs separated by spaces; a bare word is O. */
function sentence(line: string, domain?: number): TaggedSentence {
  const pairs = line.split(' ').map((p) => p.split('/') as [string, string?]);
  return { words: pairs.map(([w]) => normalize(w)), tags: pairs.map(([, t]) => t ?? 'O'), ...(domain === undefined ? {} : { domain }) };
}

// The target (ANERcorp-like) tags currencies MISC; the source corpus, three times larger, leaves them O.
const TARGET = [
  'بلغ السعر مئة دولار/B-MISC أمس .',
  'دفع الرجل ألف دولار/B-MISC للشركة .',
  'ارتفع الدولار/B-MISC في بيروت/B-LOC .',
  'زار سامي/B-PERS بيروت/B-LOC أمس .',
];
const SOURCE = [
  'بلغ السعر مئة دولار أمس .',
  'دفع الرجل ألف دولار للشركة .',
  'ارتفع الدولار في دمشق/B-LOC .',
  'زار رامي/B-PERS دمشق/B-LOC أمس .',
];
const OPTS = { epochs: 10, seed: 3, lists: NO_LISTS };
const source = (domain?: number) => [1, 2, 3].flatMap(() => SOURCE.map((l) => sentence(l, domain)));
const tagOf = (data: TaggedSentence[]) =>
  createTagger(compress(train(data, OPTS), 100_000)).tagWords('قبض خمسين دولار .'.split(' ').map(normalize));

describe('corpus-private feature copies', () => {
  it.each([
    ['plain: the larger corpus outvotes the target', () => tagOf([...TARGET.map((l) => sentence(l)), ...source()]), 'O'],
    ['domain copies: the target keeps its convention', () => tagOf([...TARGET.map((l) => sentence(l)), ...source(1)]), 'B-MISC'],
  ])('%s', (_why, tags, expected) => {
    expect(tags()[2]).toBe(expected);
  });

  it('stores no rows for the private copies: the model has as many rows as plain training on the same words', () => {
    const plain = compress(train([...TARGET.map((l) => sentence(l)), ...source()], OPTS), 100_000);
    const adapted = compress(train([...TARGET.map((l) => sentence(l)), ...source(1)], OPTS), 100_000);
    expect(adapted.keys.length).toBeLessThanOrEqual(plain.keys.length);
    expect(new Set(adapted.keys).size).toBe(adapted.keys.length);
  });
});
