// Word clusters learnt from unlabelled text: words used in the same contexts share a cluster id, so
// a name the labelled corpus never showed still looks like the names it did show. Spherical k-means
// over positive-PMI context vectors (neighbours at ±1 and ±2), then the cluster centres grouped
// again for a coarser level. Deterministic: same text, same options, same clusters.

import { hashString } from './hash';

const KEY_SEED = 303;

/** Cluster ids per word form, stored in the model as sorted word hashes and two bytes per word. */
export class Clusters {
  /** Sorted hashes of the clustered word forms. */
  readonly keys: Uint32Array;
  /** Two bytes per key: coarse id, fine id. */
  readonly ids: Uint8Array;

  constructor(keys: Uint32Array, ids: Uint8Array) {
    if (ids.length !== keys.length * 2) throw new Error('Clusters: two ids per key');
    this.keys = keys;
    this.ids = ids;
  }

  /**
   * Build the lookup from word → [coarse, fine]. One byte per id: fine ids from 256 on share a byte
   * with id − 256 (with 512 fine clusters, pairs of clusters read as one feature). Measured on dev:
   * keeping all 512 apart (two bytes) scored 73.5 and 256 clusters 73.9 against 74.7 folded, so the
   * fold stays; it is written out here so nothing relies on the typed array's wrap-around.
   */
  static from(map: ReadonlyMap<string, readonly [number, number]>): Clusters {
    const rows = [...map].map(([w, c]) => [hashString(KEY_SEED, w), c[0], c[1]] as const).sort((a, b) => a[0] - b[0]);
    const keys = new Uint32Array(rows.length);
    const ids = new Uint8Array(rows.length * 2);
    rows.forEach(([h, coarse, fine], i) => {
      keys[i] = h;
      ids[2 * i] = coarse;
      ids[2 * i + 1] = fine % 256;
    });
    return new Clusters(keys, ids);
  }

  /** Index of a word's row, or -1 when it was not clustered; the ids are coarse(i) and fine(i). */
  find(word: string): number {
    const h = hashString(KEY_SEED, word);
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.keys[mid]!;
      if (k === h) return mid;
      if (k < h) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  coarse(i: number): number {
    return this.ids[2 * i]!;
  }

  fine(i: number): number {
    return this.ids[2 * i + 1]!;
  }
}

export interface ClusterOptions {
  /** Words seen fewer times are not clustered. */
  minCount: number;
  /** Most words clustered (the most frequent). */
  maxWords: number;
  /** Most frequent words used as context dimensions. */
  contexts: number;
  fine: number;
  coarse: number;
  iterations: number;
}

interface Sparse {
  idx: Int32Array;
  val: Float64Array;
}

/** Spherical k-means: each vector goes to the centre with the largest dot product; returns assignments and centres. */
function kmeans(vectors: readonly Sparse[], dim: number, k: number, iterations: number): { assign: Int32Array; centres: Float64Array } {
  const n = vectors.length;
  k = Math.min(k, n);
  // Centres stored transposed (dim × k) so one non-zero updates k contiguous scores.
  let centres = new Float64Array(dim * k);
  // Seeds spread evenly over the frequency ranking: deterministic and covering rare and common words.
  for (let c = 0; c < k; c++) {
    const v = vectors[Math.floor((c * n) / k)]!;
    for (let j = 0; j < v.idx.length; j++) centres[v.idx[j]! * k + c] = v.val[j]!;
  }
  const assign = new Int32Array(n).fill(-1);
  const scores = new Float64Array(k);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      scores.fill(0);
      const v = vectors[i]!;
      for (let j = 0; j < v.idx.length; j++) {
        const o = v.idx[j]! * k;
        const x = v.val[j]!;
        for (let c = 0; c < k; c++) scores[c]! += x * centres[o + c]!;
      }
      let best = 0;
      for (let c = 1; c < k; c++) if (scores[c]! > scores[best]!) best = c;
      if (assign[i] !== best) moved++;
      assign[i] = best;
    }
    const next = new Float64Array(dim * k);
    for (let i = 0; i < n; i++) {
      const v = vectors[i]!;
      const c = assign[i]!;
      for (let j = 0; j < v.idx.length; j++) next[v.idx[j]! * k + c]! += v.val[j]!;
    }
    const norm = new Float64Array(k);
    for (let d = 0; d < dim; d++) for (let c = 0; c < k; c++) norm[c]! += next[d * k + c]! ** 2;
    for (let d = 0; d < dim; d++) for (let c = 0; c < k; c++) if (norm[c]! > 0) next[d * k + c]! /= Math.sqrt(norm[c]!);
    centres = next;
    if (moved === 0) break;
  }
  return { assign, centres };
}

/** Cluster the word forms of tokenised sentences: word → [coarse id, fine id]. */
export function clusterWords(sentences: readonly (readonly string[])[], opts: ClusterOptions): Map<string, [number, number]> {
  const freq = new Map<string, number>();
  for (const s of sentences) for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
  const ranked = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const words = ranked.filter(([, c]) => c >= opts.minCount).slice(0, opts.maxWords);
  const wordId = new Map(words.map(([w], i) => [w, i]));
  const ctxId = new Map(ranked.slice(0, opts.contexts).map(([w], i) => [w, i]));
  const C = ctxId.size + 1; // the last context id stands for a sentence boundary
  const dim = 4 * C;
  const pairs: Map<number, number>[] = words.map(() => new Map());
  const ctxTotal = new Float64Array(dim);
  let total = 0;
  const weights = [0.5, 1, 1, 0.5];
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const w = wordId.get(s[i]!);
      if (w === undefined) continue;
      const row = pairs[w]!;
      for (let slot = 0; slot < 4; slot++) {
        const j = i + (slot < 2 ? slot - 2 : slot - 1);
        const c = j < 0 || j >= s.length ? C - 1 : ctxId.get(s[j]!);
        if (c === undefined) continue;
        const d = slot * C + c;
        row.set(d, (row.get(d) ?? 0) + weights[slot]!);
        ctxTotal[d]! += weights[slot]!;
        total += weights[slot]!;
      }
    }
  }
  const vectors: Sparse[] = words.map(([, count], w) => {
    const entries = [...pairs[w]!].sort((a, b) => a[0] - b[0]);
    const idx: number[] = [];
    const val: number[] = [];
    const rowTotal = entries.reduce((sum, [, v]) => sum + v, 0) || count;
    for (const [d, v] of entries) {
      const pmi = Math.log((v * total) / (rowTotal * ctxTotal[d]!));
      if (pmi > 0) {
        idx.push(d);
        val.push(pmi);
      }
    }
    const norm = Math.sqrt(val.reduce((sum, x) => sum + x * x, 0)) || 1;
    return { idx: Int32Array.from(idx), val: Float64Array.from(val, (x) => x / norm) };
  });
  const fine = kmeans(vectors, dim, opts.fine, opts.iterations);
  // The coarse level groups the fine centres, so a coarse id is a prefix of the fine one.
  const k = Math.min(opts.fine, vectors.length);
  const centreVectors: Sparse[] = Array.from({ length: k }, (_, c) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (let d = 0; d < dim; d++) {
      const x = fine.centres[d * k + c]!;
      if (x !== 0) {
        idx.push(d);
        val.push(x);
      }
    }
    return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
  });
  const coarse = kmeans(centreVectors, dim, opts.coarse, opts.iterations);
  const out = new Map<string, [number, number]>();
  words.forEach(([w], i) => {
    const f = fine.assign[i]!;
    out.set(w, [coarse.assign[f]!, f]);
  });
  return out;
}
