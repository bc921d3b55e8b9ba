// Word clusters learnt from unlabelled text: words used in the same contexts share a cluster id, so
// a name the labelled corpus never showed still looks like the names it did show. Spherical k-means
// over positive-PMI context vectors (neighbours at ±1 and ±2), then the cluster centres grouped
// again for a coarser level. Deterministic: same text, same options, same clusters.

import { hashString } from './hash';

/** Seed of the word hashes that key every per-word table (PMI clusters, vector clusters). */
const KEY_SEED = 303;

/**
 * Small integers per word form (cluster ids at several levels, corpus statistics), stored as sorted
 * word hashes and one 16-bit value per word and level; the words themselves are not stored.
 */
export class Clusters {
  /** Sorted hashes of the word forms. */
  readonly keys: Uint32Array;
  /** `levels` values per key, row after row. */
  readonly ids: Uint16Array;
  readonly levels: number;

  constructor(keys: Uint32Array, ids: Uint16Array, levels: number) {
    if (ids.length !== keys.length * levels) throw new Error(`Clusters: ${levels} ids per key`);
    this.keys = keys;
    this.ids = ids;
    this.levels = levels;
  }

  /** From word → one value per level; on a hash collision the more frequent word (earlier in the map) wins. */
  static from(map: ReadonlyMap<string, readonly number[]>, levels: number): Clusters {
    const seen = new Set<number>();
    const rows: (readonly [number, readonly number[]])[] = [];
    for (const [w, c] of map) {
      const h = hashString(KEY_SEED, w);
      if (seen.has(h)) continue;
      seen.add(h);
      rows.push([h, c]);
    }
    rows.sort((a, b) => a[0] - b[0]);
    const keys = new Uint32Array(rows.length);
    const ids = new Uint16Array(rows.length * levels);
    rows.forEach(([h, c], i) => {
      keys[i] = h;
      for (let l = 0; l < levels; l++) ids[i * levels + l] = c[l]!;
    });
    return new Clusters(keys, ids, levels);
  }

  /** Index of a word's row, or -1 when it has none; its values are id(row, level). */
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

  id(row: number, level: number): number {
    return this.ids[row * this.levels + level]!;
  }
}

const TABLE_MAGIC = 0x31435753; // 'SWC1'

/**
 * A table as bytes (little-endian): magic, word count, level count, each level's size (how many
 * clusters or buckets it has, for the record), the sorted word hashes, the ids, padded to 4 bytes.
 */
export function encodeClusters(c: Clusters, sizes: readonly number[]): Uint8Array {
  if (sizes.length !== c.levels) throw new Error('Clusters: one size per level');
  const n = c.keys.length;
  const head = 12 + 4 * c.levels;
  const bytes = new Uint8Array((head + 4 * n + 2 * n * c.levels + 3) & ~3);
  const dv = new DataView(bytes.buffer);
  dv.setUint32(0, TABLE_MAGIC, true);
  dv.setUint32(4, n, true);
  dv.setUint32(8, c.levels, true);
  for (let l = 0; l < c.levels; l++) dv.setUint32(12 + 4 * l, sizes[l]!, true);
  new Uint32Array(bytes.buffer, head, n).set(c.keys);
  new Uint16Array(bytes.buffer, head + 4 * n, n * c.levels).set(c.ids);
  return bytes;
}

/** Read a table written by encodeClusters at `offset` of a 4-byte-aligned buffer; the arrays view the buffer. */
export function decodeClusters(buf: ArrayBufferLike, offset: number): { clusters: Clusters; sizes: number[]; byteLength: number } {
  const dv = new DataView(buf, offset);
  if (dv.getUint32(0, true) !== TABLE_MAGIC) throw new Error('Clusters: not a cluster table');
  const n = dv.getUint32(4, true);
  const levels = dv.getUint32(8, true);
  const sizes = Array.from({ length: levels }, (_, l) => dv.getUint32(12 + 4 * l, true));
  const head = 12 + 4 * levels;
  const byteLength = (head + 4 * n + 2 * n * levels + 3) & ~3;
  if (offset + byteLength > buf.byteLength) throw new Error('Clusters: table cut short');
  const keys = new Uint32Array(buf, offset + head, n);
  const ids = new Uint16Array(buf, offset + head + 4 * n, n * levels);
  return { clusters: new Clusters(keys, ids, levels), sizes, byteLength };
}

/**
 * The PMI clusters as the tagger reads them: [coarse, fine]. Fine ids from 256 on share a value with
 * id − 256 (with 512 fine clusters, pairs of clusters read as one feature). Measured on dev: keeping
 * all 512 apart scored 73.5 and 256 clusters 73.9 against 74.7 folded, so the fold stays.
 */
export function pmiClusters(map: ReadonlyMap<string, readonly [number, number]>): Clusters {
  return Clusters.from(new Map([...map].map(([w, [coarse, fine]]) => [w, [coarse, fine % 256]])), 2);
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
