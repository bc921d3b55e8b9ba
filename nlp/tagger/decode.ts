// Viterbi decoding over BIO tags, with the impossible transitions (O → I-X, B-X → I-Y) forbidden.

import { NT, TAGS } from './model';

/** allowed[prev * NT + next]: 1 when next may follow prev; index NT*NT + next is the sentence start. */
const ALLOWED: Uint8Array = (() => {
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

/** Whether the label set has the shape `step` is unrolled for: nine tags, O and B-X after anything, I-X only after B-X or I-X. */
const BIO_SHAPE =
  NT === 9 &&
  PREV.every((preds, y) => (y === 0 || y % 2 === 1 ? preds.length === NT : preds.length === 2 && preds[0] === y - 1 && preds[1] === y));

/**
 * One forward step of Viterbi, unrolled for the BIO shape: scores src[s..s+NT) of the previous word to
 * dst[d..d+NT) with back pointers bk[b..]. Predecessors are tried in increasing order and only a strictly
 * better score replaces the best, exactly as the general loop over PREV does, so ties break the same way.
 */
function step(
  src: Float64Array,
  s: number,
  dst: Float64Array,
  d: number,
  bk: Int32Array,
  b: number,
  trans: Float32Array | Float64Array,
  emit: Float64Array | Float32Array,
  e: number,
): void {
  const p0 = src[s]!;
  const p1 = src[s + 1]!;
  const p2 = src[s + 2]!;
  const p3 = src[s + 3]!;
  const p4 = src[s + 4]!;
  const p5 = src[s + 5]!;
  const p6 = src[s + 6]!;
  const p7 = src[s + 7]!;
  const p8 = src[s + 8]!;
  // O and the B- tags (0, 1, 3, 5, 7) may follow any tag.
  for (let y = 0; y < 9; y = y === 0 ? 1 : y + 2) {
    let best = p0 + trans[y]!;
    let arg = 0;
    let v = p1 + trans[9 + y]!;
    if (v > best) {
      best = v;
      arg = 1;
    }
    v = p2 + trans[18 + y]!;
    if (v > best) {
      best = v;
      arg = 2;
    }
    v = p3 + trans[27 + y]!;
    if (v > best) {
      best = v;
      arg = 3;
    }
    v = p4 + trans[36 + y]!;
    if (v > best) {
      best = v;
      arg = 4;
    }
    v = p5 + trans[45 + y]!;
    if (v > best) {
      best = v;
      arg = 5;
    }
    v = p6 + trans[54 + y]!;
    if (v > best) {
      best = v;
      arg = 6;
    }
    v = p7 + trans[63 + y]!;
    if (v > best) {
      best = v;
      arg = 7;
    }
    v = p8 + trans[72 + y]!;
    if (v > best) {
      best = v;
      arg = 8;
    }
    dst[d + y] = best + emit[e + y]!;
    bk[b + y] = arg;
  }
  // I-X (2, 4, 6, 8) only after B-X (y - 1) or I-X (y).
  for (let y = 2; y < 9; y += 2) {
    const q = src[s + y - 1]! + trans[(y - 1) * 9 + y]!;
    const r = src[s + y]! + trans[y * 9 + y]!;
    if (r > q) {
      dst[d + y] = r + emit[e + y]!;
      bk[b + y] = y;
    } else {
      dst[d + y] = q + emit[e + y]!;
      bk[b + y] = y - 1;
    }
  }
}

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
    if (BIO_SHAPE) {
      step(prev, 0, cur, 0, back, e, trans, emit, ee);
      const t = prev;
      prev = cur;
      cur = t;
      continue;
    }
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
    if (BIO_SHAPE) {
      step(alpha, a, alpha, a + NT, back, a + NT, trans, emit, base + a + NT);
      continue;
    }
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
