// Arabic-aware normalisation for matching, with a map back to the original characters.
// Folding rules: diacritics, tatweel, bidi and zero-width marks are dropped; alef/hamza forms,
// ى/ی→ي, ک→ك, ة→ه are folded; Arabic-Indic digits become ASCII; presentation forms go through
// NFKC; Latin is lower-cased. Every normalised character remembers its source range.
import { Memo } from '../types/memo';

const DROP = -1;

/** Replacement code point per BMP code point: DROP, the same code point, or another one. */
const SINGLE = new Int32Array(0x10000).map((_, c) => c);
/** Code points whose NFKC form is longer than one character (ligatures such as ﻻ or ﷲ). */
const MULTI = new Map<number, string>();

function setDrop(from: number, to = from): void {
  for (let c = from; c <= to; c++) SINGLE[c] = DROP;
}

setDrop(0x064b, 0x065f); // harakat, shadda, sukun, hamza above/below marks
setDrop(0x0670); // superscript alef
setDrop(0x06d6, 0x06ed); // Quranic annotation marks
setDrop(0x0640); // tatweel
setDrop(0x061c); // arabic letter mark
setDrop(0x200b, 0x200f); // zero-width space/joiners, LRM, RLM
setDrop(0x202a, 0x202e); // bidi embeddings and overrides
setDrop(0x2066, 0x2069); // bidi isolates
setDrop(0xfeff); // byte order mark
setDrop(0x00ad); // soft hyphen

const FOLD: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ٲ: 'ا',
  ٳ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ې: 'ي',
  ئ: 'ي',
  ک: 'ك',
  ڪ: 'ك',
  ة: 'ه',
  ۀ: 'ه',
  ہ: 'ه',
  ە: 'ه',
  ؤ: 'و',
};
for (const [from, to] of Object.entries(FOLD)) SINGLE[from.charCodeAt(0)] = to.charCodeAt(0);
for (let d = 0; d < 10; d++) {
  SINGLE[0x0660 + d] = 0x30 + d; // Arabic-Indic digits
  SINGLE[0x06f0 + d] = 0x30 + d; // Extended Arabic-Indic (Persian/Urdu) digits
}
for (let c = 0x41; c <= 0x5a; c++) SINGLE[c] = c + 32;

function foldString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const r = SINGLE[s.charCodeAt(i)] ?? s.charCodeAt(i);
    if (r !== DROP) out += String.fromCharCode(r);
  }
  return out;
}

// Compatibility characters: presentation forms, full-width Latin, ligatures. Their NFKC form is folded too.
for (const [from, to] of [
  [0xfb50, 0xfdff],
  [0xfe70, 0xfefc],
  [0xff01, 0xff5e],
  [0x2000, 0x200a],
] as const) {
  for (let c = from; c <= to; c++) {
    const nfkc = foldString(String.fromCharCode(c).normalize('NFKC'));
    if (nfkc.length === 1) SINGLE[c] = nfkc.charCodeAt(0);
    else if (nfkc.length === 0) SINGLE[c] = DROP;
    else MULTI.set(c, nfkc);
  }
}

export interface Normalized {
  /** The folded text used for matching. */
  norm: string;
  /** For each character of `norm`, the index of the original character it came from. */
  source: Int32Array;
}

/** Fold text for matching and keep, for every output character, where it came from. */
export function normalizeWithMap(text: string): Normalized {
  const source = new Int32Array(text.length * 2 + 1);
  let norm = '';
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const r = SINGLE[c] ?? c;
    if (r === DROP) continue;
    if (r === c && !MULTI.has(c)) {
      norm += text[i];
      source[n++] = i;
      continue;
    }
    const multi = MULTI.get(c);
    if (multi) {
      norm += multi;
      for (let k = 0; k < multi.length; k++) source[n++] = i;
    } else {
      norm += String.fromCharCode(r);
      source[n++] = i;
    }
  }
  return { norm, source: source.subarray(0, n) };
}

/** 1 for the code units normalize() changes (drops, folds or expands); 0 for those it keeps. */
const CHANGES = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (SINGLE[c] !== c) CHANGES[c] = 1;
for (const c of MULTI.keys()) CHANGES[c] = 1;

/** normalize(String.fromCharCode(code)).length without building the string: 0 when dropped, more for a ligature. */
export function normalizedLength(code: number): number {
  if (CHANGES[code] === 0) return 1;
  if (SINGLE[code] === DROP) return 0;
  return MULTI.get(code)?.length ?? 1;
}

let buffer = new Uint16Array(256);
const CHUNK = 4096;

/** Fold text for matching when no offsets are needed (gazetteer keys, search queries). */
export function normalize(text: string): string {
  const n = text.length;
  let i = 0;
  while (i < n && CHANGES[text.charCodeAt(i)] === 0) i++;
  // A short word already in normal form comes back as it is. A longer string may be a slice of a
  // whole article, which must not be kept alive by the caches that store normalised forms: copy it.
  if (i === n && n <= 12) return text;
  // The rest is written as char codes and turned into a string in chunks (no string per character).
  if (buffer.length < n + 16) buffer = new Uint16Array(2 * n + 16);
  let k = 0;
  for (let j = 0; j < i; j++) buffer[k++] = text.charCodeAt(j);
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (CHANGES[c] === 0) {
      buffer[k++] = c;
      continue;
    }
    const r = SINGLE[c]!;
    if (r === DROP) continue;
    const multi = MULTI.get(c);
    if (multi !== undefined) {
      if (k + multi.length + (n - i) > buffer.length) {
        const grown = new Uint16Array(2 * (k + multi.length + (n - i)) + 16);
        grown.set(buffer.subarray(0, k));
        buffer = grown;
      }
      for (let m = 0; m < multi.length; m++) buffer[k++] = multi.charCodeAt(m);
      continue;
    }
    buffer[k++] = r;
  }
  if (k <= CHUNK) return String.fromCharCode.apply(null, buffer.subarray(0, k) as unknown as number[]);
  let out = '';
  for (let a = 0; a < k; a += CHUNK)
    out += String.fromCharCode.apply(null, buffer.subarray(a, Math.min(k, a + CHUNK)) as unknown as number[]);
  return out;
}

/** Map a span [start, end) of a normalised string back to the original text's span. */
export function toOriginalSpan(n: Normalized, start: number, end: number, original: string): [number, number] {
  const from = n.source[start] ?? original.length;
  const lastSource = end > start ? (n.source[end - 1] ?? from) : from;
  let to = lastSource + 1;
  // Keep a surrogate pair whole, and the diacritics that sit on the last letter.
  if (to < original.length && isLowSurrogate(original.charCodeAt(to))) to++;
  while (to < original.length && isTrailingMark(original.charCodeAt(to))) to++;
  return [from, end > start ? to : from];
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Harakat, shadda, sukun, the dagger alef and tatweel: the marks a word may carry on top of its letters. */
const WORD_MARKS = /[\u064b-\u065f\u0670\u0640]/g;

/** A word as written, without its marks («الْوَزِير» → «الوزير»): for spelling tests that normalize() would blur (ة/ه, أ/ا). */
export function withoutMarks(text: string): string {
  return text.replace(WORD_MARKS, '');
}

function isTrailingMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640;
}

const SKELETON_DROP = new Set(['ا', 'و', 'ي', 'ء']);
const SKELETON_FOLD: Record<string, string> = { غ: 'ج', گ: 'ج', ڤ: 'ف', پ: 'ب', چ: 'ج' };

/**
 * A consonant skeleton of a normalised word, so transliteration variants of one foreign name meet
 * (لوكاشينكو/لوكاشنكو, شويغو/شويجو): long vowels after the first letter are dropped and
 * the letters used for /g/ are folded. Only meaningful for words of five letters or more.
 */
export function skeleton(norm: string): string {
  const cached = skeletonCache.get(norm);
  if (cached !== undefined) return cached;
  const out = computeSkeleton(norm);
  skeletonCache.set(norm, out);
  return out;
}

const skeletonCache = new Memo<string, string>(50_000);

/** skeleton(norm).length without building it (or touching the cache): a cheap test before a look-up. */
export function skeletonLength(norm: string): number {
  if (norm.length === 0) return 0;
  let n = 1;
  for (let i = 1; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    // ا و ي ء, the letters SKELETON_DROP holds; every other letter stays one letter.
    if (c !== 0x0627 && c !== 0x0648 && c !== 0x064a && c !== 0x0621) n++;
  }
  return n;
}

const SKELETON_FOLD_CODE = new Map(Object.entries(SKELETON_FOLD).map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]));

/** The last char code of skeleton(norm) without building it (a cheap test before a look-up); norm not empty. */
export function skeletonLastCode(norm: string): number {
  for (let i = norm.length - 1; i >= 1; i--) {
    const c = norm.charCodeAt(i);
    // ا و ي ء, the letters SKELETON_DROP holds, as in skeletonLength.
    if (c === 0x0627 || c === 0x0648 || c === 0x064a || c === 0x0621) continue;
    return SKELETON_FOLD_CODE.get(c) ?? c;
  }
  return norm.charCodeAt(0);
}

function computeSkeleton(norm: string): string {
  let out = norm[0] ?? '';
  for (let i = 1; i < norm.length; i++) {
    const ch = norm[i] ?? '';
    if (SKELETON_DROP.has(ch)) continue;
    out += SKELETON_FOLD[ch] ?? ch;
  }
  return out;
}
