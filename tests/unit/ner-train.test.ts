// The tagger's training pipeline on a tiny corpus written for this test: it learns names from
// context, reproduces itself with the same seed, and survives quantisation into the model format.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../nlp/normalize';
import type { WordLists } from '../../nlp/tagger/features';
import { createTagger, decodeModel, encodeModel } from '../../nlp/tagger/index';
import { compress, type TaggedSentence, train, trainTwoPass, withOPenalty } from '../../nlp/tagger/train';

const NO_LISTS: WordLists = { lexicon: null, person: null, place: null, placeToken: null, org: null, orgToken: null };

/** «word/TAG» pairs separated by spaces; a bare word is O. */
function sentence(line: string): TaggedSentence {
  const pairs = line.split(' ').map((p) => p.split('/') as [string, string?]);
  return { words: pairs.map(([w]) => normalize(w)), tags: pairs.map(([, t]) => t ?? 'O') };
}

const CORPUS = [
  'قال الرئيس سامي/B-PERS حداد/I-PERS إن الاجتماع انتهى .',
  'وصل رامي/B-PERS خوري/I-PERS إلى بيروت/B-LOC أمس .',
  'أعلنت شركة/B-ORG نور/I-ORG للطاقة/I-ORG عن أرباح جديدة .',
  'زار سامي/B-PERS حداد/I-PERS مدينة طرابلس/B-LOC .',
  'التقى رامي/B-PERS خوري/I-PERS وفدا من شركة/B-ORG نور/I-ORG للطاقة/I-ORG في بيروت/B-LOC .',
  'وقال الرئيس إن الوضع في طرابلس/B-LOC هادئ .',
  'عاد الوفد إلى بيروت/B-LOC بعد الاجتماع .',
  'وأكد سامي/B-PERS حداد/I-PERS أن شركة/B-ORG نور/I-ORG للطاقة/I-ORG ستوسع أعمالها .',
  'قال مدير الشركة إن الأرباح زادت في العام الماضي .',
  'زادت الأرباح في بيروت/B-LOC وطرابلس/B-LOC .',
  'قال مدير المدرسة إن الطلاب عادوا .',
].map(sentence);

const OPTS = { epochs: 8, seed: 7, lists: NO_LISTS };

describe('NER training on a tiny corpus', () => {
  const model = compress(train(CORPUS, OPTS), 100_000);
  const tagger = createTagger(model);

  it.each([
    ['فاز سامي حداد في طرابلس .', ['O', 'B-PERS', 'I-PERS', 'O', 'B-LOC', 'O'], 'a known person and a known place in a new sentence'],
    ['غادر رامي خوري بيروت .', ['O', 'B-PERS', 'I-PERS', 'B-LOC', 'O'], 'names learnt from different contexts'],
    ['وقال مدير شركة نور للطاقة إن الأرباح زادت .', ['O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O', 'O'], 'a three-word organisation'],
  ])('tags «%s»', (text, expected, _why) => {
    expect(tagger.tagWords(text.split(' ').map(normalize))).toEqual(expected);
  });

  it('gives the same weights for the same data and seed, and different ones for another seed', () => {
    const again = compress(train(CORPUS, OPTS), 100_000);
    expect(Array.from(again.weights)).toEqual(Array.from(model.weights));
    expect(Array.from(again.keys)).toEqual(Array.from(model.keys));
    const other = compress(train(CORPUS, { ...OPTS, seed: 8, epochs: 1 }), 100_000);
    expect(Array.from(other.weights)).not.toEqual(Array.from(model.weights));
  });

  it('keeps its tagging through the binary model format', () => {
    const reloaded = createTagger(decodeModel(encodeModel(model)));
    for (const s of CORPUS) expect(reloaded.tagWords(s.words)).toEqual(tagger.tagWords(s.words));
  });

  it('keeps only the strongest features when asked for a smaller model', () => {
    expect(compress(train(CORPUS, OPTS), 50).keys.length).toBe(50);
  });

  it('trains the two-pass model from k-fold first-pass tags and still tags the corpus', () => {
    const docs = [CORPUS.slice(0, 4), CORPUS.slice(4)];
    const two = createTagger(compress(trainTwoPass(docs, { ...OPTS, folds: 2, decoder: (m) => createTagger(m).tagDocument }), 100_000));
    const tagged = two.tagDocument(CORPUS.map((s) => s.words));
    const right = tagged.flat().filter((t, i) => t === CORPUS.flatMap((s) => s.tags)[i]).length;
    expect(right / tagged.flat().length).toBeGreaterThan(0.95);
  });

  it('finds more names, never fewer, when the O score is penalised', () => {
    const raw = train(CORPUS, OPTS);
    const text = 'زار وفد من طرابلس مدينة بيروت وقال مدير الشركة إن الأرباح زادت .'.split(' ').map(normalize);
    const count = (tags: string[]) => tags.filter((t) => t !== 'O').length;
    const plain = count(createTagger(compress(raw, 100_000)).tagWords(text));
    const eager = count(createTagger(compress(withOPenalty(raw, 1e6), 100_000)).tagWords(text));
    expect(eager).toBe(text.length);
    expect(plain).toBeLessThan(eager);
  });

  it('rejects a label outside the BIO set instead of learning it', () => {
    expect(() => train([{ words: ['ا'], tags: ['B-PER'] }], OPTS)).toThrow(/unknown tag/);
  });
});
