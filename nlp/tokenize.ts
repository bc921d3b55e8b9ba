// Tokens with offsets into the original text, and Arabic proclitic stripping.
import { normalize } from './normalize';
import type { Token } from './types';

// A word: letters, marks, digits, tatweel and joiners; a dot or apostrophe stays inside Latin words.
const WORD = /[\p{L}\p{M}\p{N}\u0640\u200c\u200d]+/gu;

/** Split text into word tokens with their original offsets and matching forms. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const norm = normalize(m[0]);
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

/**
 * Every way to read a normalised word as proclitics + stem, the word itself first.
 * Covers و/ف, then ب/ل/ك/س, then ال, and «لل» for ل + ال («للرئيس» → «الرئيس» and «رئيس»).
 */
export function cliticReadings(word: string): Stripped[] {
  const readings: Stripped[] = [{ prefix: '', stem: word }];
  const seen = new Set<string>([word]);
  const add = (prefix: string, stem: string) => {
    if (stem.length < MIN_STEM || seen.has(stem)) return;
    seen.add(stem);
    readings.push({ prefix, stem });
  };
  const afterConj = CONJ.includes(word[0] ?? '')
    ? [
        { p: '', w: word },
        { p: word[0] ?? '', w: word.slice(1) },
      ]
    : [{ p: '', w: word }];
  for (const { p, w } of afterConj) {
    add(p, w);
    const prep = w[0] ?? '';
    if (PREP.includes(prep)) {
      const rest = w.slice(1);
      add(p + prep, rest);
      if (prep === 'ل' && rest.startsWith('ل')) {
        // «للرئيس» is ل + الرئيس with the alef of ال dropped.
        add(`${p}ل`, `ا${rest}`);
        add(`${p}لل`, rest.slice(1));
      }
      if (rest.startsWith('ال')) add(`${p + prep}ال`, rest.slice(2));
    }
    if (w.startsWith('ال')) add(`${p}ال`, w.slice(2));
  }
  return readings;
}
