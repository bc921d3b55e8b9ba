// Tokens with offsets into the original text, and Arabic proclitic stripping.
import { normalize } from './normalize';
import type { Token } from './types';

// A word: letters, marks, digits, tatweel and joiners; a dot or apostrophe stays inside Latin words.
const WORD = /[\p{L}\p{M}\p{N}\u0640\u200c\u200d]+/gu;
const CACHE_LIMIT = 50_000;

/** Normalised form per written form: one shared string per form, so later Map/Set look-ups hit its cached hash. */
const formCache = new Map<string, string>();
/** Longer words would be kept as slices that pin the whole article text in the cache. */
const MAX_CACHED_FORM = 12;

/** The normalised form of a written word, memoised for short words (the vast majority). */
export function normalizeWord(word: string): string {
  if (word.length > MAX_CACHED_FORM) return normalize(word);
  let norm = formCache.get(word);
  if (norm === undefined) {
    norm = normalize(word);
    if (formCache.size >= CACHE_LIMIT) formCache.clear();
    formCache.set(word, norm);
  }
  return norm;
}

/** Split text into word tokens with their original offsets and matching forms. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const norm = normalizeWord(m[0]);
    if (norm.length === 0) continue;
    tokens.push({ start: m.index, end: m.index + m[0].length, text: m[0], norm });
  }
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

const readingCache = new Map<string, Stripped[]>();

/**
 * Every way to read a normalised word as proclitics + stem, the word itself first.
 * Covers و/ف, then ب/ل/ك/س, then ال, and «لل» for ل + ال («للرئيس» → «الرئيس» and «رئيس»).
 * Results are memoised per word and shared: callers must not modify them.
 */
export function cliticReadings(word: string): Stripped[] {
  const cached = readingCache.get(word);
  if (cached) return cached;
  const readings = computeReadings(word);
  if (readingCache.size >= CACHE_LIMIT) readingCache.clear();
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
