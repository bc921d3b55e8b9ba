// The decoder and the scorer on hand-made cases: Viterbi never produces an impossible BIO sequence,
// entities are counted as conlleval counts them, and document votes carry a name to its other mentions.
import { describe, expect, it } from 'vitest';
import { bioSpans, prf, scoreEntities } from '../../nlp/tagger/conll';
import { viterbi, viterbiMarginsInto } from '../../nlp/tagger/decode';
import { docCodes } from '../../nlp/tagger/doc';
import { NT, TAGS } from '../../nlp/tagger/model';

/** Emission rows from the tag each position prefers (score 1 for it, 0 for the rest). */
function prefer(...tags: string[]): Float64Array {
  const e = new Float64Array(tags.length * NT);
  tags.forEach((t, i) => {
    e[i * NT + TAGS.indexOf(t as (typeof TAGS)[number])] = 1;
  });
  return e;
}
const flat = new Float32Array(NT * NT);
const start = new Float32Array(NT);
const decode = (e: Float64Array, trans = flat) => Array.from(viterbi(e, e.length / NT, trans, start), (y) => TAGS[y]);

describe('viterbi margins: how sure the tagger is of each word', () => {
  const margins = (e: Float64Array) => {
    const n = e.length / NT;
    const tags = new Int32Array(n);
    const m = new Float64Array(n);
    viterbiMarginsInto(e, 0, n, flat, start, tags, m);
    return { tags: Array.from(tags, (y) => TAGS[y]), m: Array.from(m) };
  };
  it.each([
    [1, 1, 'a clear preference: the runner-up tag scores one point less'],
    [0.2, 0.2, 'a near tie: the margin is the small gap between the two readings'],
  ])('B-PERS ahead of B-LOC by %d → margin %d (%s)', (gap, expected) => {
    const e = prefer('B-PERS', 'O');
    e[TAGS.indexOf('B-LOC')] = 1 - gap;
    const { tags, m } = margins(e);
    expect(tags).toEqual(['B-PERS', 'O']);
    expect(m[0]).toBeCloseTo(expected);
  });

  it.each([
    [0, [true, true, true], 'from the first word: every margin, as without a limit'],
    [2, [false, false, true], 'from the last word: only its margin, the backward pass stops there'],
    [3, [false, false, false], 'no word wanted: no margin written, the tags still decoded'],
  ])('a reader wanting margins from word %d → written %j (%s)', (lo, written, _why) => {
    const e = prefer('B-PERS', 'O', 'B-LOC');
    e[TAGS.indexOf('B-LOC')] = 0.5;
    e[2 * NT + TAGS.indexOf('B-ORG')] = 0.7;
    const full = margins(e);
    const tags = new Int32Array(3);
    const m = new Float64Array(3).fill(-1); // -1: never written
    viterbiMarginsInto(e, 0, 3, flat, start, tags, m, () => lo);
    expect(Array.from(tags, (y) => TAGS[y])).toEqual(full.tags);
    expect(Array.from(m, (v, i) => v !== -1 && Math.abs(v - full.m[i]!) < 1e-9)).toEqual(written);
  });

  it('agrees with plain viterbi on the tags', () => {
    const e = prefer('B-ORG', 'I-ORG', 'O', 'B-LOC');
    expect(margins(e).tags).toEqual(decode(e));
  });
});

describe('viterbi', () => {
  it.each([
    [['B-PERS', 'I-PERS', 'O'], ['B-PERS', 'I-PERS', 'O'], 'a valid preferred sequence is kept'],
    [['O', 'I-LOC'], ['O', 'O'], 'I-LOC cannot follow O: the best allowed path wins'],
    [['I-ORG'], ['O'], 'a sentence cannot start inside an entity'],
    [['B-PERS', 'I-LOC'], ['B-PERS', 'O'], 'I-LOC cannot continue a person'],
    [[], [], 'an empty sentence has no tags'],
  ])('%j → %j (%s)', (preferred, expected, _why) => {
    expect(decode(prefer(...preferred))).toEqual(expected);
  });

  it('lets transition scores overrule a weak emission', () => {
    const e = prefer('B-PERS', 'O');
    e[1 * NT + TAGS.indexOf('I-PERS')] = 0.9;
    const trans = new Float32Array(NT * NT);
    trans[TAGS.indexOf('B-PERS') * NT + TAGS.indexOf('I-PERS')] = 0.5;
    expect(decode(e)).toEqual(['B-PERS', 'O']);
    expect(decode(e, trans)).toEqual(['B-PERS', 'I-PERS']);
  });
});

describe('entity scoring (conlleval rules)', () => {
  it.each([
    [['B-PERS', 'I-PERS', 'O', 'B-LOC'], ['PERS 0-2', 'LOC 3-4'], 'B then I is one entity'],
    [['O', 'I-ORG', 'I-ORG'], ['ORG 1-3'], 'a stray I- starts an entity'],
    [['B-PERS', 'I-LOC'], ['PERS 0-1', 'LOC 1-2'], 'a type change ends an entity'],
    [['B-PERS', 'B-PERS'], ['PERS 0-1', 'PERS 1-2'], 'B- right after an entity starts another'],
  ])('%j has entities %j (%s)', (tags, expected, _why) => {
    expect(bioSpans(tags).map((s) => `${s.type} ${s.start}-${s.end}`)).toEqual(expected);
  });

  it('counts only exact span and type matches', () => {
    const gold = [['B-PERS', 'I-PERS', 'O', 'B-LOC', 'O', 'B-ORG']];
    const pred = [['B-PERS', 'O', 'O', 'B-LOC', 'O', 'B-LOC']];
    const s = scoreEntities(gold, pred);
    expect(s.micro).toEqual({ tp: 1, fp: 2, fn: 2 });
    expect(s.byType.get('LOC')).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(prf(s.micro).f).toBeCloseTo(100 / 3, 5); // P = R = 1/3
  });
});

describe('document votes', () => {
  it('marks every mention of a stem tagged somewhere, with how sure the vote is', () => {
    // stems: 7 = a name tagged twice of three times, 9 = a word never tagged, 5 = tagged once, alone.
    const stems = [7, 9, 7, 7, 5];
    const tags = [TAGS.indexOf('B-PERS'), 0, TAGS.indexOf('B-PERS'), 0, TAGS.indexOf('B-LOC')];
    const codes = Array.from(docCodes(stems, tags));
    expect(codes).toEqual([1 * 4 + 1, 0, 1 * 4 + 1, 1 * 4 + 1, 2 * 4 + 0]);
  });
});
