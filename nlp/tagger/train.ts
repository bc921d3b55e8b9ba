// Averaged structured perceptron: learns feature weights and tag transitions from BIO-tagged sentences.

import { type CrfParams, trainCrf } from './crf';
import { viterbi } from './decode';
import { docCodes } from './doc';
import { BIAS_HASH, Featurizer, type WordLists } from './features';
import { type NerModel, NT, TAGS } from './model';

export interface TaggedSentence {
  /** Normalised word forms (see nlp/normalize.ts). */
  words: string[];
  tags: string[];
  /** Document codes from a first pass (see doc.ts); present for second-pass training copies. */
  doc?: Int32Array;
  /** Gazetteer/pattern code of each word (see features.ts hintCodes). */
  hints?: Int32Array;
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  lists: WordLists;
  /** Features seen fewer times than this in the training data get no weight (default 1: keep all). */
  minCount?: number;
  /** Called after each epoch with the averaged model so far (for dev-set model selection). */
  onEpoch?: (epoch: number, model: RawModel) => void;
  /** What is learnt: the averaged perceptron (default), averaged passive–aggressive with Hamming cost, or a CRF by log-likelihood (crf.ts). */
  objective?: 'perceptron' | 'crf' | 'pa';
  /** Passive–aggressive only: the largest step (default 1). */
  c?: number;
  /** CRF only: L2 strength over the whole training set (default 10) and AdaGrad rate (default 0.05). */
  l2?: number;
  eta?: number;
  /** Perceptron and passive–aggressive: how many learners (seeds seed, seed + 1, …) to average (default 1). */
  bag?: number;
  /** Perceptron and passive–aggressive: probability of hiding a feature occurrence from a step (default 0). */
  dropout?: number;
  /** CRF only: average the iterates (as the perceptron does). */
  average?: boolean;
}

/** Unquantised averaged weights, one row of NT per feature hash. */
export interface RawModel {
  hashes: Uint32Array;
  weights: Float32Array;
  trans: Float32Array;
  start: Float32Array;
  lists: WordLists;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TAG_INDEX = new Map<string, number>(TAGS.map((t, i) => [t, i]));

/** Tag index for a BIO label; unknown labels are an error in the data, not something to guess. */
export function tagIndex(tag: string): number {
  const i = TAG_INDEX.get(tag);
  if (i === undefined) throw new Error(`unknown tag ${JSON.stringify(tag)}`);
  return i;
}

/** Train deterministically: same data, options and seed give the same weights. */
export function train(data: readonly TaggedSentence[], opts: TrainOptions): RawModel {
  const ids = new Map<number, number>();
  const hashes: number[] = [];
  const intern = (h: number): number => {
    let id = ids.get(h);
    if (id === undefined) {
      id = hashes.length;
      ids.set(h, id);
      hashes.push(h);
    }
    return id;
  };
  const fz = new Featurizer(opts.lists, intern);
  let feats = data.map((s) => fz.sentence(s.words, s.doc, s.hints));
  const minCount = opts.minCount ?? 1;
  if (minCount > 1) {
    const count = new Int32Array(hashes.length);
    for (const f of feats) for (const id of f.ids) count[id]!++;
    feats = feats.map(({ ids, offs }) => {
      const kept: number[] = [];
      const newOffs = new Int32Array(offs.length);
      for (let t = 0; t + 1 < offs.length; t++) {
        newOffs[t] = kept.length;
        for (let k = offs[t]!; k < offs[t + 1]!; k++) if (count[ids[k]!]! >= minCount) kept.push(ids[k]!);
      }
      newOffs[offs.length - 1] = kept.length;
      return { ids: Int32Array.from(kept), offs: newOffs };
    });
  }
  const gold = data.map((s) => Int32Array.from(s.tags, tagIndex));
  const nf = hashes.length;
  if (opts.objective === 'crf') {
    const toRaw = (p: CrfParams): RawModel => ({
      hashes: Uint32Array.from(hashes),
      weights: Float32Array.from(p.w),
      trans: Float32Array.from(p.trans),
      start: Float32Array.from(p.start),
      lists: opts.lists,
    });
    const onEpoch = opts.onEpoch;
    const p = trainCrf(feats, gold, nf, {
      epochs: opts.epochs,
      l2: opts.l2 ?? 10,
      eta: opts.eta ?? 0.05,
      average: opts.average,
      rand: mulberry32(opts.seed),
      onEpoch: onEpoch && ((epoch, params) => onEpoch(epoch, toRaw(params))),
    });
    return toRaw(p);
  }
  // One averaged learner per seed; with `bag` > 1 their averaged weights are averaged again
  // (bagging over shuffles: less variance from the order the sentences come in).
  const learner = (seed: number) => {
    const w = new Float64Array(nf * NT);
    const u = new Float64Array(nf * NT);
    const tw = new Float64Array(NT * NT);
    const tu = new Float64Array(NT * NT);
    const sw = new Float64Array(NT);
    const su = new Float64Array(NT);
    let c = 1;
    const rand = mulberry32(seed);
    const order = Array.from(data, (_, i) => i);
    const snapshot = (): RawModel => {
      const weights = new Float32Array(nf * NT);
      for (let i = 0; i < weights.length; i++) weights[i] = w[i]! - u[i]! / c;
      const trans = new Float32Array(NT * NT);
      for (let i = 0; i < trans.length; i++) trans[i] = tw[i]! - tu[i]! / c;
      const start = new Float32Array(NT);
      for (let i = 0; i < NT; i++) start[i] = sw[i]! - su[i]! / c;
      return { hashes: Uint32Array.from(hashes), weights, trans, start, lists: opts.lists };
    };
    // Passive–aggressive (1-best MIRA): the step that makes gold beat the cost-augmented best sequence
    // by its Hamming loss, capped at C. `emit` holds the cost-augmented scores (+1 off gold).
    const pa = opts.objective === 'pa';
    const C = opts.c ?? 1;
    const delta = new Map<number, number>();
    const dTrans = new Float64Array(NT * NT + NT);
    const paStep = (g: Int32Array, pred: Int32Array, em: Float64Array, fids: Int32Array, offs: Int32Array): number => {
      let loss = 0;
      let margin = 0;
      delta.clear();
      dTrans.fill(0);
      for (let t = 0; t < g.length; t++) {
        const gy = g[t]!;
        const py = pred[t]!;
        if (gy !== py) {
          loss++;
          margin += em[t * NT + gy]! - (em[t * NT + py]! - 1);
          for (let k = offs[t]!; k < offs[t + 1]!; k++) {
            const row = fids[k]! * NT;
            delta.set(row + gy, (delta.get(row + gy) ?? 0) + 1);
            delta.set(row + py, (delta.get(row + py) ?? 0) - 1);
          }
        }
        const gi = t === 0 ? NT * NT + gy : g[t - 1]! * NT + gy;
        const pi = t === 0 ? NT * NT + py : pred[t - 1]! * NT + py;
        if (gi !== pi) {
          dTrans[gi]! += 1;
          dTrans[pi]! -= 1;
          margin += t === 0 ? sw[gy]! - sw[py]! : tw[gi]! - tw[pi]!;
        }
      }
      if (loss === 0) return 0;
      let norm = 0;
      for (const v of delta.values()) norm += v * v;
      for (const v of dTrans) norm += v * v;
      return norm > 0 ? Math.max(0, Math.min(C, (loss - margin) / norm)) : 0;
    };
    // Feature dropout: each occurrence is hidden from one step with this probability, so no single
    // strong feature (a list hit, the word itself) carries a decision alone.
    const dropout = opts.dropout ?? 0;
    const thin = ({ ids, offs }: { ids: Int32Array; offs: Int32Array }): { ids: Int32Array; offs: Int32Array } => {
      const kept = new Int32Array(ids.length);
      const newOffs = new Int32Array(offs.length);
      let m = 0;
      for (let t = 0; t + 1 < offs.length; t++) {
        newOffs[t] = m;
        for (let k = offs[t]!; k < offs[t + 1]!; k++) if (rand() >= dropout) kept[m++] = ids[k]!;
      }
      newOffs[offs.length - 1] = m;
      return { ids: kept.subarray(0, m), offs: newOffs };
    };
    let emit = new Float64Array(64 * NT);
    const tr32 = new Float64Array(NT * NT);
    const st32 = new Float64Array(NT);
    const runEpoch = (): void => {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        const t = order[i]!;
        order[i] = order[j]!;
        order[j] = t;
      }
      for (const si of order) {
        const { ids: fids, offs } = dropout > 0 ? thin(feats[si]!) : feats[si]!;
        const g = gold[si]!;
        const n = g.length;
        if (emit.length < n * NT) emit = new Float64Array(n * NT * 2);
        emit.fill(0, 0, n * NT);
        for (let t = 0; t < n; t++) {
          const e = t * NT;
          for (let k = offs[t]!; k < offs[t + 1]!; k++) {
            const row = fids[k]! * NT;
            for (let y = 0; y < NT; y++) emit[e + y]! += w[row + y]!;
          }
        }
        tr32.set(tw);
        st32.set(sw);
        if (pa) for (let i = 0; i < n * NT; i++) if (i % NT !== g[Math.floor(i / NT)]) emit[i]! += 1;
        const pred = viterbi(emit, n, tr32, st32);
        const tau = pa ? paStep(g, pred, emit, fids, offs) : 1;
        if (tau > 0) {
          const tc = tau * c;
          for (let t = 0; t < n; t++) {
            const gy = g[t]!;
            const py = pred[t]!;
            const gp = t > 0 ? g[t - 1]! : -1;
            const pp = t > 0 ? pred[t - 1]! : -1;
            if (gy !== py) {
              for (let k = offs[t]!; k < offs[t + 1]!; k++) {
                const row = fids[k]! * NT;
                w[row + gy]! += tau;
                u[row + gy]! += tc;
                w[row + py]! -= tau;
                u[row + py]! -= tc;
              }
            }
            if (gy !== py || gp !== pp) {
              if (t === 0) {
                sw[gy]! += tau;
                su[gy]! += tc;
                sw[py]! -= tau;
                su[py]! -= tc;
              } else {
                tw[gp * NT + gy]! += tau;
                tu[gp * NT + gy]! += tc;
                tw[pp * NT + py]! -= tau;
                tu[pp * NT + py]! -= tc;
              }
            }
          }
        }
        c++;
      }
    };
    return { runEpoch, snapshot };
  };
  const learners = Array.from({ length: Math.max(1, opts.bag ?? 1) }, (_, i) => learner(opts.seed + i));
  const snapshot = (): RawModel => {
    const all = learners.map((l) => l.snapshot());
    const first = all[0]!;
    if (all.length === 1) return first;
    const mean = (key: 'weights' | 'trans' | 'start') =>
      Float32Array.from(first[key], (_, i) => all.reduce((s, m) => s + m[key][i]!, 0) / all.length);
    return { ...first, weights: mean('weights'), trans: mean('trans'), start: mean('start') };
  };
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (const l of learners) l.runEpoch();
    opts.onEpoch?.(epoch, snapshot());
  }
  return snapshot();
}

/**
 * Keep the `maxFeatures` rows with the largest weights and quantise them to int8 with one scale;
 * this is what keeps the artefact small.
 */
export function compress(raw: RawModel, maxFeatures: number): NerModel {
  const nf = raw.hashes.length;
  const mag = new Float32Array(nf);
  let maxAbs = 0;
  for (let f = 0; f < nf; f++) {
    let m = 0;
    for (let y = 0; y < NT; y++) m = Math.max(m, Math.abs(raw.weights[f * NT + y]!));
    mag[f] = m;
    maxAbs = Math.max(maxAbs, m);
  }
  const scale = maxAbs > 0 ? maxAbs / 127 : 1;
  // A row whose every weight rounds to 0 changes no score: it is not stored (a CRF has many).
  const order = Array.from(mag.keys())
    .filter((f) => mag[f]! >= scale / 2)
    .sort((a, b) => mag[b]! - mag[a]! || raw.hashes[a]! - raw.hashes[b]!);
  const keep = order.slice(0, maxFeatures).sort((a, b) => raw.hashes[a]! - raw.hashes[b]!);
  const keys = new Uint32Array(keep.length);
  const weights = new Int8Array(keep.length * NT);
  keep.forEach((f, i) => {
    keys[i] = raw.hashes[f]!;
    for (let y = 0; y < NT; y++) weights[i * NT + y] = Math.max(-127, Math.min(127, Math.round(raw.weights[f * NT + y]! / scale)));
  });
  const trans = Float32Array.from(raw.trans, (v) => v / scale);
  const start = Float32Array.from(raw.start, (v) => v / scale);
  return { keys, weights, scale, trans, start, lists: raw.lists };
}

export interface TwoPassOptions extends TrainOptions {
  /** Folds for the first-pass predictions on the training documents. */
  folds: number;
  /** Builds a decoder from a first-pass model (index.ts createTagger, passed in to keep this module free of it). */
  decoder: (m: NerModel) => (sentences: readonly (readonly string[])[], hints?: readonly (ArrayLike<number> | undefined)[]) => string[][];
}

/**
 * Train for two-pass tagging: first-pass tags for each training document come from a model that did
 * not see it (k-fold), so the document codes look at training time as they will at inference.
 * Each sentence is then learnt twice, without codes (first pass) and with them (second pass).
 */
export function trainTwoPass(docs: readonly (readonly TaggedSentence[])[], opts: TwoPassOptions): RawModel {
  const stemOf = new Featurizer(opts.lists, () => -1);
  const withCodes: TaggedSentence[][] = docs.map(() => []);
  for (let fold = 0; fold < opts.folds; fold++) {
    const inFold = (d: number) => Math.floor((d * opts.folds) / docs.length) === fold;
    const trainDocs = docs.filter((_, d) => !inFold(d)).flat();
    const raw = train(trainDocs, { ...opts, onEpoch: undefined });
    const decode = opts.decoder(compress(raw, Number.MAX_SAFE_INTEGER));
    docs.forEach((doc, d) => {
      if (!inFold(d)) return;
      const tags = decode(
        doc.map((s) => s.words),
        doc.map((s) => s.hints),
      );
      const stems = Int32Array.from(doc.flatMap((s) => s.words.map((w) => stemOf.form(w).stem)));
      const codes = docCodes(stems, Int32Array.from(tags.flat(), tagIndex));
      let k = 0;
      withCodes[d] = doc.map((s) => {
        const doc = codes.slice(k, k + s.words.length);
        k += s.words.length;
        return { ...s, doc };
      });
    });
  }
  return train([...docs.flat(), ...withCodes.flat()], opts);
}

/**
 * A copy of the model with `penalty` taken off every word's O score: a perceptron that finds names
 * with high precision and low recall trades some of one for the other (tuned on dev).
 */
export function withOPenalty(raw: RawModel, penalty: number): RawModel {
  const row = raw.hashes.indexOf(BIAS_HASH);
  if (row < 0 || penalty === 0) return raw;
  const weights = raw.weights.slice();
  weights[row * NT]! -= penalty;
  return { ...raw, weights };
}
