// Word representations learnt from unlabelled news: the text is written the way the tagger reads
// words (normalised, conjunction and preposition clitics split off), vectors are trained outside
// the project (fastText), and only k-means cluster ids of the vectors are kept. Deterministic.

import { cliticReadings, type Stripped } from '../tokenize';
import type { Clusters } from './clusters';

/** Stems shorter than this stay attached: «كما» is not ك + «ما». */
const MIN_SPLIT_STEM = 3;

/**
 * The clitic-split reading of a normalised word, as tokens: the conjunction/preposition prefix
 * («و», «ب», «وب», «ل» of «للرئيس» …) then the stem, or the word alone. «ال» stays on the stem (it
 * is part of how names are written). A prefix is split off only when the corpus writes the stem
 * alone at least as often as the whole word, so «وزير» and «بريطانيا» stay whole.
 */
export function splitClitics(word: string, count: (w: string) => number): string[] {
  const whole = count(word);
  let best: Stripped | null = null;
  for (const r of cliticReadings(word)) {
    if (!splittable(r) || count(r.stem) < whole) continue;
    if (!best || r.prefix.length > best.prefix.length) best = r;
  }
  return best ? [best.prefix, best.stem] : [word];
}

function splittable(r: Stripped): boolean {
  return r.prefix !== '' && !r.prefix.endsWith('ال') && !r.prefix.endsWith('لل') && r.stem.length >= MIN_SPLIT_STEM;
}

/**
 * A word's row in a table learnt from the split text: the word itself, else its deepest reading that
 * splitClitics could have written (the corpus mostly wrote «والرئيس» as «و الرئيس»); -1 when none.
 */
export function findSplit(table: Clusters, word: string): number {
  const row = table.find(word);
  if (row >= 0) return row;
  const readings = cliticReadings(word);
  for (let i = readings.length - 1; i > 0; i--) {
    const r = readings[i]!;
    if (!splittable(r)) continue;
    const hit = table.find(r.stem);
    if (hit >= 0) return hit;
  }
  return -1;
}

/**
 * Clusters at several levels, each level splitting every cluster of the one before it (64 → 256 →
 * 1024: each cluster in 4), so a fine id says its coarse id and a word is compared with 64 + 4 + 4
 * centres, not 1,344. Returns one assignment per level.
 */
export function nestedKmeans(vectors: readonly Float32Array[], levels: readonly number[], iterations: number): Int32Array[] {
  const out: Int32Array[] = [kmeansDense(vectors, levels[0]!, iterations)];
  for (let l = 1; l < levels.length; l++) {
    const factor = levels[l]! / levels[l - 1]!;
    const parent = out[l - 1]!;
    const members: number[][] = Array.from({ length: levels[l - 1]! }, () => []);
    for (let i = 0; i < parent.length; i++) members[parent[i]!]!.push(i);
    const assign = new Int32Array(vectors.length);
    members.forEach((idx, p) => {
      const sub = kmeansDense(
        idx.map((i) => vectors[i]!),
        factor,
        iterations,
      );
      idx.forEach((i, j) => {
        assign[i] = p * factor + sub[j]!;
      });
    });
    out.push(assign);
  }
  return out;
}

/** Cluster counts of the vector clusters, coarse to fine, as scripts/train-vectors.ts makes them. */
export const VECTOR_LEVELS = [64, 256, 1024] as const;

/**
 * Corpus statistics kept per word after the cluster ids, each a small bucket: how often a title word
 * comes just before it, how often a reporting verb comes one or two words before it (both say "a
 * name"), how frequent it is (log scale), how often the corpus writes it with «ال» toggled (a name
 * such as «لافروف» never takes «ال»; an adjective or common noun often does), and how often a word of
 * the person-name list stands next to it (family names sit beside given names).
 */
export const VECTOR_STATS = ['afterTitle', 'afterReport', 'frequency', 'otherDefiniteness', 'besidePersonName'] as const;

/** The same word with «ال» added or taken off: «رئيس» ↔ «الرئيس». */
export function toggledDefinite(word: string): string {
  return word.startsWith('ال') ? word.slice(2) : `ال${word}`;
}

/** Bucket of a share: 0 never, then under 1/64, 1/16, 1/4, and more. */
export function shareBucket(hits: number, total: number): number {
  if (hits === 0 || total === 0) return 0;
  const r = hits / total;
  return r < 1 / 64 ? 1 : r < 1 / 16 ? 2 : r < 1 / 4 ? 3 : 4;
}

/** Bucket of a count on a log scale (×4 per bucket), at most 9. */
export function frequencyBucket(count: number): number {
  return Math.min(9, Math.floor(Math.log(Math.max(1, count)) / Math.log(4)));
}
/** The words of a vectors file in fastText's text format (`.vec`), each with its vector; the header line is skipped. */
export function parseVec(text: string): { words: string[]; vectors: Float32Array[] } {
  const words: string[] = [];
  const vectors: Float32Array[] = [];
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const parts = lines[i]!.trimEnd().split(' ');
    if (parts.length < 2) continue;
    words.push(parts[0]!);
    vectors.push(Float32Array.from(parts.slice(1), Number));
  }
  return { words, vectors };
}

/**
 * Spherical k-means over unit vectors (cosine similarity), seeded with vectors spread evenly over
 * the given order (the frequency ranking), so the same input always gives the same clusters.
 */
export function kmeansDense(vectors: readonly Float32Array[], k: number, iterations: number): Int32Array {
  const n = vectors.length;
  const dim = vectors[0]?.length ?? 0;
  k = Math.min(k, n);
  const unit = vectors.map((v) => {
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
    return Float32Array.from(v, (x) => x / norm);
  });
  let centres = new Float32Array(k * dim);
  for (let c = 0; c < k; c++) centres.set(unit[Math.floor((c * n) / k)]!, c * dim);
  const assign = new Int32Array(n).fill(-1);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const v = unit[i]!;
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = 0;
        const o = c * dim;
        for (let d = 0; d < dim; d++) s += v[d]! * centres[o + d]!;
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      if (assign[i] !== best) moved++;
      assign[i] = best;
    }
    const next = new Float32Array(k * dim);
    for (let i = 0; i < n; i++) {
      const o = assign[i]! * dim;
      const v = unit[i]!;
      for (let d = 0; d < dim; d++) next[o + d]! += v[d]!;
    }
    for (let c = 0; c < k; c++) {
      const o = c * dim;
      let norm = 0;
      for (let d = 0; d < dim; d++) norm += next[o + d]! ** 2;
      // An emptied cluster keeps its old centre rather than becoming a zero vector.
      if (norm === 0) next.set(centres.subarray(o, o + dim), o);
      else for (let d = 0; d < dim; d++) next[o + d]! /= Math.sqrt(norm);
    }
    centres = next;
    if (moved === 0) break;
  }
  return assign;
}
