// Viterbi decoding over BIO tags, with the impossible transitions (O → I-X, B-X → I-Y) forbidden.

import { NT, TAGS } from './model';

/** allowed[prev * NT + next]: 1 when next may follow prev; index NT*NT + next is the sentence start. */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array(NT * NT + NT);
  for (let p = 0; p <= NT; p++) {
    for (let y = 0; y < NT; y++) {
      const next = TAGS[y]!;
      let ok = true;
      if (next.startsWith('I-')) {
        const prev = p < NT ? TAGS[p]! : 'O';
        ok = prev !== 'O' && prev.slice(2) === next.slice(2);
      }
      a[p * NT + y] = ok ? 1 : 0;
    }
  }
  return a;
})();

/** For each tag, the tags allowed right before it. */
const PREV: Int32Array[] = Array.from({ length: NT }, (_, y) =>
  Int32Array.from({ length: NT }, (_, p) => p).filter((p) => ALLOWED[p * NT + y] === 1),
);

let back = new Int32Array(256 * NT);
const prevBuf = new Float64Array(NT);
const curBuf = new Float64Array(NT);

/**
 * Best tag sequence for emission scores (n × NT) under transition and start scores.
 * Returns tag indices; forbidden transitions are never taken.
 */
export function viterbi(
  emit: Float64Array | Float32Array,
  n: number,
  trans: Float32Array | Float64Array,
  start: Float32Array | Float64Array,
): Int32Array {
  const out = new Int32Array(n);
  viterbiInto(emit, 0, n, trans, start, out);
  return out;
}

/** viterbi() over emit rows [from, from + n), writing tag indices to out[from..]; no allocation in steady state. */
export function viterbiInto(
  emit: Float64Array | Float32Array,
  from: number,
  n: number,
  trans: Float32Array | Float64Array,
  start: Float32Array | Float64Array,
  out: Int32Array,
): void {
  if (n === 0) return;
  const base = from * NT;
  if (back.length < n * NT) back = new Int32Array(n * NT * 2);
  let prev = prevBuf;
  let cur = curBuf;
  for (let y = 0; y < NT; y++) prev[y] = ALLOWED[NT * NT + y] ? start[y]! + emit[base + y]! : Number.NEGATIVE_INFINITY;
  for (let i = 1; i < n; i++) {
    const e = i * NT;
    const ee = base + e;
    for (let y = 0; y < NT; y++) {
      const preds = PREV[y]!;
      let arg = preds[0]!;
      let best = prev[arg]! + trans[arg * NT + y]!;
      for (let k = 1; k < preds.length; k++) {
        const p = preds[k]!;
        const s = prev[p]! + trans[p * NT + y]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      cur[y] = best + emit[ee + y]!;
      back[e + y] = arg;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  let best = Number.NEGATIVE_INFINITY;
  let arg = 0;
  for (let y = 0; y < NT; y++) {
    if (prev[y]! > best) {
      best = prev[y]!;
      arg = y;
    }
  }
  out[from + n - 1] = arg;
  for (let i = n - 1; i > 0; i--) {
    arg = back[i * NT + arg]!;
    out[from + i - 1] = arg;
  }
}

let alpha = new Float64Array(256 * NT);
let beta = new Float64Array(256 * NT);

/** For each tag, the tags allowed right after it. */
const NEXT: Int32Array[] = Array.from({ length: NT }, (_, y) =>
  Int32Array.from({ length: NT }, (_, z) => z).filter((z) => ALLOWED[y * NT + z] === 1),
);

/**
 * Viterbi plus, for every word, its margin: the best sequence's score minus the best score of any
 * sequence giving that word another tag (max-marginals from a forward and a backward pass). A small
 * margin marks a reading the tagger is unsure of. Writes tags to out[from..] and margins to margins[from..].
 * `lowest`, given the tags, names the first word (0..n) whose margin anyone will read: the backward
 * pass stops there and earlier margins are left as they were (a sentence nobody reads costs no backward pass).
 */
export function viterbiMarginsInto(
  emit: Float64Array | Float32Array,
  from: number,
  n: number,
  trans: Float32Array | Float64Array,
  start: Float32Array | Float64Array,
  out: Int32Array,
  margins: Float64Array,
  lowest?: (tags: Int32Array, from: number, n: number) => number,
): void {
  if (n === 0) return;
  const base = from * NT;
  if (alpha.length < n * NT) {
    alpha = new Float64Array(n * NT * 2);
    beta = new Float64Array(n * NT * 2);
  }
  if (back.length < n * NT) back = new Int32Array(n * NT * 2);
  const NEG = Number.NEGATIVE_INFINITY;
  // Forward: Viterbi scores with back pointers (the tags) kept for every position (the margins).
  for (let y = 0; y < NT; y++) alpha[y] = ALLOWED[NT * NT + y] ? start[y]! + emit[base + y]! : NEG;
  for (let i = 1; i < n; i++) {
    const a = (i - 1) * NT;
    for (let y = 0; y < NT; y++) {
      const preds = PREV[y]!;
      let arg = preds[0]!;
      let best = alpha[a + arg]! + trans[arg * NT + y]!;
      for (let k = 1; k < preds.length; k++) {
        const p = preds[k]!;
        const v = alpha[a + p]! + trans[p * NT + y]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      alpha[a + NT + y] = best + emit[base + a + NT + y]!;
      back[a + NT + y] = arg;
    }
  }
  let arg = 0;
  for (let y = 1; y < NT; y++) if (alpha[(n - 1) * NT + y]! > alpha[(n - 1) * NT + arg]!) arg = y;
  out[from + n - 1] = arg;
  for (let i = n - 1; i > 0; i--) {
    arg = back[i * NT + arg]!;
    out[from + i - 1] = arg;
  }
  const lo = lowest ? lowest(out, from, n) : 0;
  if (lo >= n) return;
  const last = (n - 1) * NT;
  for (let y = 0; y < NT; y++) beta[last + y] = 0;
  for (let i = n - 2; i >= lo; i--) {
    const b = i * NT;
    for (let y = 0; y < NT; y++) {
      const nexts = NEXT[y]!;
      let best = NEG;
      for (let k = 0; k < nexts.length; k++) {
        const z = nexts[k]!;
        const v = trans[y * NT + z]! + emit[base + b + NT + z]! + beta[b + NT + z]!;
        if (v > best) best = v;
      }
      beta[b + y] = best;
    }
  }
  for (let i = lo; i < n; i++) {
    const b = i * NT;
    const chosen = out[from + i]!;
    const top = alpha[b + chosen]! + beta[b + chosen]!;
    let other = NEG;
    for (let y = 0; y < NT; y++) {
      if (y === chosen) continue;
      const v = alpha[b + y]! + beta[b + y]!;
      if (v > other) other = v;
    }
    margins[from + i] = top - other;
  }
}
