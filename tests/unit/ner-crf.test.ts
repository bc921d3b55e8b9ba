// The CRF objective (nlp/tagger/crf.ts): its log-likelihood normalises over exactly the BIO sequences
// the decoder may return, its gradient matches finite differences, and training on a tiny corpus
// written for this test learns the names.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../nlp/normalize';
import { type CrfParams, crfNll, repairBio, type SparseSentence } from '../../nlp/tagger/crf';
import { ALLOWED } from '../../nlp/tagger/decode';
import type { WordLists } from '../../nlp/tagger/features';
import { createTagger } from '../../nlp/tagger/index';
import { NT } from '../../nlp/tagger/model';
import { compress, type TaggedSentence, train } from '../../nlp/tagger/train';

/** Deterministic pseudo-random numbers in [-1, 1) for parameters. */
function noise(seed: number): () => number {
  let a = seed;
  return () => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return (a / 2 ** 32) * 2 - 1;
  };
}

/** Four features over three tokens, one shared by two tokens. */
const SENT: SparseSentence = { ids: Int32Array.from([0, 1, 1, 2, 3]), offs: Int32Array.from([0, 2, 4, 5]) };
const NF = 4;

function params(seed: number): CrfParams {
  const r = noise(seed);
  return {
    w: Float64Array.from({ length: NF * NT }, r),
    trans: Float64Array.from({ length: NT * NT }, () => 2 * r()),
    start: Float64Array.from({ length: NT }, r),
  };
}

/** log Σ exp(score) over every tag sequence the decoder allows, by enumeration. */
function bruteLogZ(p: CrfParams): number {
  const n = SENT.offs.length - 1;
  let z = 0;
  const tags = new Int32Array(n);
  const visit = (t: number): void => {
    if (t === n) {
      let s = p.start[tags[0]!]!;
      for (let i = 0; i < n; i++) {
        for (let k = SENT.offs[i]!; k < SENT.offs[i + 1]!; k++) s += p.w[SENT.ids[k]! * NT + tags[i]!]!;
        if (i > 0) s += p.trans[tags[i - 1]! * NT + tags[i]!]!;
      }
      z += Math.exp(s);
      return;
    }
    for (let y = 0; y < NT; y++) {
      const prev = t === 0 ? NT : tags[t - 1]!;
      if (!ALLOWED[prev * NT + y]) continue;
      tags[t] = y;
      visit(t + 1);
    }
  };
  visit(0);
  return Math.log(z);
}

describe('CRF log-likelihood', () => {
  const gold = Int32Array.from([1, 2, 0]); // B-PERS I-PERS O

  it('normalises over the allowed sequences only (forbidden transitions masked, as in Viterbi)', () => {
    const p = params(3);
    const gScore =
      p.start[1]! +
      p.w[0 * NT + 1]! +
      p.w[1 * NT + 1]! +
      p.trans[1 * NT + 2]! +
      p.w[1 * NT + 2]! +
      p.w[2 * NT + 2]! +
      p.trans[2 * NT + 0]! +
      p.w[3 * NT + 0]!;
    expect(crfNll(SENT, gold, p)).toBeCloseTo(bruteLogZ(p) - gScore, 9);
  });

  it('has the gradient finite differences give, for weights, transitions and start scores', () => {
    const p = params(11);
    const grad: CrfParams = { w: new Float64Array(NF * NT), trans: new Float64Array(NT * NT), start: new Float64Array(NT) };
    crfNll(SENT, gold, p, grad);
    const h = 1e-5;
    let checked = 0;
    for (const key of ['w', 'trans', 'start'] as const) {
      for (let i = 0; i < p[key].length; i++) {
        if (key === 'trans' && !ALLOWED[i]) continue;
        const keep = p[key][i]!;
        p[key][i] = keep + h;
        const up = crfNll(SENT, gold, p);
        p[key][i] = keep - h;
        const down = crfNll(SENT, gold, p);
        p[key][i] = keep;
        expect(grad[key][i]!).toBeCloseTo((up - down) / (2 * h), 6);
        checked++;
      }
    }
    expect(checked).toBe(NF * NT + 53 + NT); // every weight, the 53 allowed transitions, every start score
  });

  it('stays finite on a long sentence with large scores (scaled forward–backward)', () => {
    const n = 400;
    const s: SparseSentence = {
      ids: Int32Array.from({ length: n }, (_, i) => i % NF),
      offs: Int32Array.from({ length: n + 1 }, (_, i) => i),
    };
    const p = params(5);
    for (let i = 0; i < p.w.length; i++) p.w[i]! *= 60;
    const nll = crfNll(s, new Int32Array(n), p);
    expect(Number.isFinite(nll)).toBe(true);
    expect(nll).toBeGreaterThanOrEqual(0);
  });

  it.each([
    [[0, 2, 2], [0, 1, 2], 'I-PERS after O opens the name'],
    [[2, 0], [1, 0], 'I-PERS at the start opens the name'],
    [[1, 4], [1, 3], 'I-LOC after B-PERS starts a new place'],
    [[1, 2, 0], [1, 2, 0], 'a valid sequence is left alone'],
  ])('repairs gold %j to %j: %s', (input, expected) => {
    expect(Array.from(repairBio(Int32Array.from(input)))).toEqual(expected);
  });
});

const NO_LISTS: WordLists = { lexicon: null, person: null, place: null, placeToken: null, org: null, orgToken: null };

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

describe('CRF training on a tiny corpus', () => {
  const OPTS = { epochs: 10, seed: 7, lists: NO_LISTS, objective: 'crf' as const, l2: 0.1, eta: 0.3 };
  const model = compress(train(CORPUS, OPTS), 100_000);
  const tagger = createTagger(model);

  it.each([
    ['فاز سامي حداد في طرابلس .', ['O', 'B-PERS', 'I-PERS', 'O', 'B-LOC', 'O'], 'a known person and a known place in a new sentence'],
    ['غادر رامي خوري بيروت .', ['O', 'B-PERS', 'I-PERS', 'B-LOC', 'O'], 'names learnt from different contexts'],
    ['وقال مدير شركة نور للطاقة إن الأرباح زادت .', ['O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O', 'O'], 'a three-word organisation'],
  ])('tags «%s»', (text, expected, _why) => {
    expect(tagger.tagWords(text.split(' ').map(normalize))).toEqual(expected);
  });

  it('is deterministic for a seed', () => {
    const again = compress(train(CORPUS, OPTS), 100_000);
    expect(Array.from(again.weights)).toEqual(Array.from(model.weights));
  });

  it('shrinks the weights as L2 grows', () => {
    const size = (l2: number) => train(CORPUS, { ...OPTS, l2 }).weights.reduce((s, v) => s + v * v, 0);
    expect(size(20)).toBeLessThan(size(0.1) * 0.5);
  });
});
