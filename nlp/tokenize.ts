// Tokens with offsets into the original text, and Arabic proclitic stripping.

import type { Token } from '../types/analysis';
import { Memo } from '../types/memo';
import { normalize } from './normalize';

const CACHE_LIMIT = 50_000;

/**
 * One normalised word form, shared by every token written that way in any text: the recognisers keep
 * what they learn about the form here (gazetteer candidates, answers of the rules), for one owner
 * (the gazetteer index) at a time, so a repeated word costs one look-up and not one per question.
 */
export interface WordForm {
  /** The normalised form; the same string object as the `norm` of the tokens that have it. */
  readonly norm: string;
  /** What `gaz` and `memo` were computed for; they are dropped when another owner asks. */
  owner: object | null;
  gaz: unknown;
  memo: unknown;
}

/** Every normalised form seen, so equal forms are one string and one WordForm. */
const formsByNorm = new Memo<string, WordForm>(CACHE_LIMIT);

function wordFormOf(norm: string): WordForm {
  let f = formsByNorm.get(norm);
  if (!f) {
    f = { norm, owner: null, gaz: null, memo: null };
    formsByNorm.set(norm, f);
  }
  return f;
}

/** The normalised form of text[start, end) read as one written word, without cutting it out when seen before. */
export function normalizeWordAt(text: string, start: number, end: number): string {
  return writtenForm(text, start, end).norm;
}

// Written forms seen so far, in an open-addressing table keyed by the characters themselves, so a
// repeated word is found without cutting it out of the text first.
interface Written {
  raw: string;
  /** form.norm, kept here too so the tokenizer touches one object per word. */
  norm: string;
  form: WordForm;
}
const TABLE_BITS = 17;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const TABLE_MAX = 60_000;
let table: (Written | undefined)[] = new Array(1 << TABLE_BITS);
/** The hash of each slot's form, compared before the form itself is touched. */
let tableHashes = new Int32Array(1 << TABLE_BITS);
let tableSize = 0;
/** Longer words would be kept as slices that pin the whole article text in the table. */
const MAX_CACHED_FORM = 12;

function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h | 0;
}

function sameChars(raw: string, text: string, start: number, end: number): boolean {
  if (raw.length !== end - start) return false;
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** The written form text[start, end) and its WordForm, from the table when seen before. */
function writtenForm(text: string, start: number, end: number): Written {
  if (end - start > MAX_CACHED_FORM) {
    const raw = text.slice(start, end);
    const form = wordFormOf(normalize(raw));
    return { raw, norm: form.norm, form };
  }
  const hash = hashOf(text, start, end);
  let slot = hash & TABLE_MASK;
  for (let w = table[slot]; w !== undefined; w = table[slot]) {
    if (tableHashes[slot] === hash && sameChars(w.raw, text, start, end)) return w;
    slot = (slot + 1) & TABLE_MASK;
  }
  if (tableSize >= TABLE_MAX) {
    table = new Array(1 << TABLE_BITS);
    tableHashes = new Int32Array(1 << TABLE_BITS);
    tableSize = 0;
    slot = hash & TABLE_MASK;
  }
  const raw = text.slice(start, end);
  const form = wordFormOf(normalize(raw));
  const w: Written = { raw, norm: form.norm, form };
  table[slot] = w;
  tableHashes[slot] = hash;
  tableSize++;
  return w;
}

/**
 * A test «how many code units long is the character at i, if it is in this class?» (0 when not), for
 * a one-character Unicode regex such as /^[\p{L}\p{M}]$/u. Code units are classified on first sight
 * (testing all 65,536 up front would slow the first load); a surrogate pair is one character.
 */
export function charClass(oneChar: RegExp): (text: string, i: number) => number {
  const unit = new Int8Array(0x10000).fill(-1);
  const astral = new Map<number, boolean>();
  return (text, i) => {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        let ok = astral.get(cp);
        if (ok === undefined) {
          ok = oneChar.test(String.fromCodePoint(cp));
          astral.set(cp, ok);
        }
        return ok ? 2 : 0;
      }
    }
    let w = unit[c]!;
    if (w < 0) {
      w = oneChar.test(String.fromCharCode(c)) ? 1 : 0;
      unit[c] = w;
    }
    return w;
  };
}

/** Letters, marks, digits, tatweel and joiners: what a token is made of. */
const wordCharAt = charClass(/^[\p{L}\p{M}\p{N}\u0640\u200c\u200d]$/u);

/**
 * Calls visit(start, end) for each run of word characters: the same words as
 * /[\p{L}\p{M}\p{N}\u0640\u200c\u200d]+/gu, by a scan over a table of word characters.
 */
function forEachWordRun(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let step = wordCharAt(text, i);
    if (step === 0) {
      i++;
      continue;
    }
    const start = i;
    while (step > 0) {
      i += step;
      step = i < n ? wordCharAt(text, i) : 0;
    }
    visit(start, i);
  }
}

/** The words of a text as strings, split exactly where tokenize() splits (no normalising). */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  forEachWordRun(text, (start, end) => out.push(text.slice(start, end)));
  return out;
}

/** The WordForm of each token of an array tokenize() returned. */
const formsOfTokens = new WeakMap<readonly Token[], WordForm[]>();

/** The shared WordForms of tokens from tokenize(), aligned with them; undefined for other token arrays. */
export function wordForms(tokens: readonly Token[]): readonly WordForm[] | undefined {
  return formsOfTokens.get(tokens);
}

/** Split text into word tokens with their original offsets and matching forms. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const forms: WordForm[] = [];
  forEachWordRun(text, (start, end) => {
    const w = writtenForm(text, start, end);
    if (w.norm.length === 0) return;
    tokens.push({ start, end, text: w.raw, norm: w.norm });
    forms.push(w.form);
  });
  formsOfTokens.set(tokens, forms);
  return tokens;
}

export interface Stripped {
  /** The normalised clitic prefix that was removed («و», «وال», «لل», ...). */
  prefix: string;
  /** What remains: the candidate stem. */
  stem: string;
}

const CONJ = ['و', 'ف'];
const PREP = ['ب', 'ل', 'ك', 'س'];
const MIN_STEM = 2;

const readingCache = new Memo<string, Stripped[]>(CACHE_LIMIT);

/**
 * Every way to read a normalised word as proclitics + stem, the word itself first.
 * Covers و/ف, then ب/ل/ك/س, then ال, and «لل» for ل + ال («للرئيس» → «الرئيس» and «رئيس»).
 * Results are memoised per word and shared: callers must not modify them.
 */
export function cliticReadings(word: string): Stripped[] {
  const cached = readingCache.get(word);
  if (cached) return cached;
  const readings = computeReadings(word);
  readingCache.set(word, readings);
  return readings;
}

function addReading(readings: Stripped[], prefix: string, stem: string): void {
  if (stem.length < MIN_STEM) return;
  for (const r of readings) if (r.stem === stem) return;
  readings.push({ prefix, stem });
}

function computeReadings(word: string): Stripped[] {
  const readings: Stripped[] = [{ prefix: '', stem: word }];
  const first = word[0] ?? '';
  const conj = CONJ.includes(first);
  for (let k = 0; k < (conj ? 2 : 1); k++) {
    const p = k === 0 ? '' : first;
    const w = k === 0 ? word : word.slice(1);
    addReading(readings, p, w);
    const prep = w[0] ?? '';
    if (PREP.includes(prep)) {
      const rest = w.slice(1);
      addReading(readings, p + prep, rest);
      if (prep === 'ل' && rest.startsWith('ل')) {
        // «للرئيس» is ل + الرئيس with the alef of ال dropped.
        addReading(readings, `${p}ل`, `ا${rest}`);
        addReading(readings, `${p}لل`, rest.slice(1));
      }
      if (rest.startsWith('ال')) addReading(readings, `${p + prep}ال`, rest.slice(2));
    }
    if (w.startsWith('ال')) addReading(readings, `${p}ال`, w.slice(2));
  }
  return readings;
}
