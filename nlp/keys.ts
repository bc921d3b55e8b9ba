// Variant-tolerant matching keys for Arabic words and names, shared by history search, the timeline and the cards.
import { Memo } from '../types/memo';
import { normalize, skeleton } from './normalize';
import { cliticReadings } from './tokenize';

const WORD = /[\p{L}\p{M}\p{N}\u0640\u200c\u200d]+/gu;
const ARABIC = /[\u0600-\u06ff]/;
/** Words shorter than this (after normalisation) are not indexed: particles and single letters. */
const MIN_WORD = 2;

/**
 * Letters that transliterations of one foreign name trade («غونزاليش»/«غونزاليس», «أتلانتا»/«أطلانطا»,
 * «كازاخستان»/«قازاقستان»). Folded only inside skeleton keys (four letters and more).
 */
const VARIANT_FOLD: Record<string, string> = { ش: 'س', ث: 'س', ص: 'س', ذ: 'ز', ظ: 'ز', ط: 'ت', ض: 'د', ق: 'ك' };

/** The key of one normalised stem: the consonant skeleton from four letters up, so spelling variants meet. */
function stemKey(stem: string): string {
  if (!ARABIC.test(stem) || stem.length < 4) return stem;
  let out = '';
  for (const ch of skeleton(stem)) out += VARIANT_FOLD[ch] ?? ch;
  return out;
}

// Words repeat a lot across articles: their keys are remembered (bounded).
const memo = new Memo<string, string[]>(50_000);

/** Every key one written word may stand for (with and without its proclitics: «لبوتين» → «بوتين»). */
export function wordKeys(word: string): string[] {
  const hit = memo.get(word);
  if (hit) return hit;
  const norm = normalize(word);
  let keys: string[];
  if (norm.length < MIN_WORD) keys = [];
  else if (!ARABIC.test(norm)) keys = [norm];
  else keys = [...new Set(cliticReadings(norm).map((r) => stemKey(r.stem)))];
  memo.set(word, keys);
  return keys;
}

/** The key a query word is looked up with: the word as typed, without stripping (it is what the reader meant). */
function queryKey(word: string): string | null {
  const norm = normalize(word);
  return norm.length < MIN_WORD ? null : stemKey(norm);
}

/** Split text into written words. */
function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** All keys of a text, deduplicated and bounded, for a multi-entry index. */
export function textKeys(texts: Iterable<string>, max = 3000): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    for (const w of words(t)) {
      for (const k of wordKeys(w)) {
        out.add(k);
        if (out.size >= max) return [...out];
      }
    }
  }
  return [...out];
}

/**
 * The key of a whole name («كارلوس مندوزا»): its words' plain keys joined, so two spellings of the
 * same full name meet while «كارلوس» alone does not stand for the full name.
 */
export function nameKey(name: string): string {
  return words(name)
    .map((w) => queryKey(w))
    .filter((k): k is string => k !== null)
    .join(' ');
}

/** True when a written text contains every query key (each word may carry clitics). */
export function textMatches(text: string, keys: readonly string[]): boolean {
  const missing = new Set(keys);
  for (const w of words(text)) {
    for (const k of wordKeys(w)) missing.delete(k);
    if (missing.size === 0) return true;
  }
  return missing.size === 0;
}

/** True when a written text contains at least one of the keys. */
export function textHasAny(text: string, keys: ReadonlySet<string>): boolean {
  for (const w of words(text)) for (const k of wordKeys(w)) if (keys.has(k)) return true;
  return false;
}

/** The query's keys, one per word; empty when nothing searchable was typed. */
export function queryKeys(query: string): string[] {
  return [
    ...new Set(
      words(query)
        .map((w) => queryKey(w))
        .filter((k): k is string => k !== null),
    ),
  ];
}
