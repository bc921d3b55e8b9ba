// What the who's-who build takes from one corpus line (title, space, body): where it comes from, its year,
// the actors Siyaq's own analysis finds in it, and — for an encyclopaedia article — what its first sentence
// says the subject is. No text leaves this module: only names, roles and short descriptions.
import type { ActorType, Analysis } from '../types/analysis';

/** One actor of one text, as the aggregation needs it. */
export interface ReadActor {
  name: string;
  type: ActorType;
  role: string | null;
  aliases: string[];
  mentions: number;
}

/** One text, reduced to facts. `year` is 0 when neither the text nor its source says it. */
export interface ReadText {
  source: 'press' | 'wikipedia';
  year: number;
  actors: ReadActor[];
  /** Encyclopaedia articles only: the subject's name and what the first sentence calls it. */
  subject: { name: string; description: string } | null;
}

/** The press parts of the corpus: Saudi papers of 2015 and pan-Arab outlets of 2018 (see PROVENANCE.md). */
// Marks of a year: the year itself, its Hijri year, the outlets' own names and the office holders of the time.
const YEAR_MARKS: [number, RegExp][] = [
  [2018, /2018|2017|1439|1438|#|سكاي نيوز|بي بي سي|فرانس 24|CNN|العربية\.نت|ترامب|ترمب|ماكرون/g],
  [2015, /2015|2014|1436|\d{4} ?هـ|واس|ولي ولي العهد|أوباما|أمس/g],
];

/** The year of a press text: the publication year it names most (Gregorian or Hijri), else its outlet's habit. */
export function yearOf(text: string): number {
  let best = 0;
  let bestCount = 0;
  for (const [year, mark] of YEAR_MARKS) {
    const count = text.match(mark)?.length ?? 0;
    if (count > bestCount) {
      best = year;
      bestCount = count;
    }
  }
  return best;
}

/**
 * An encyclopaedia article repeats its title at the start of its body («X X (…) هو …»): the longest title
 * of one to six words met again within the body's first words, or null for a news text.
 */
export function repeatedTitle(words: readonly string[]): number {
  for (let k = Math.min(6, words.length >> 1); k >= 1; k--) {
    const title = words.slice(0, k).join(' ');
    for (let at = k; at <= k + 3 && at + k <= words.length; at++) {
      if (words.slice(at, at + k).join(' ') === title) return k;
    }
  }
  return 0;
}

// «X (…) هو سياسي مصري …»: what the subject is, read from «هو/هي» among the first words up to a clause
// break, a date, a relative clause or a second clause joined by «و».
const DEFINITION = /^(?:\S+\s+){0,25}?(?:هو|هي)\s+(?:أحد\s+|إحدى\s+)?([^.،,؛:()\d«»"]{3,80})/;
const STOP_WORD = /^(?:ولد|ولدت|من|منذ|الذي|التي|الذين|حيث|عام|سنة|بين|يقع|تقع|يعد|تعد|يعتبر|تعتبر|كان|كانت)$/;
const MAX_DESCRIPTION_WORDS = 5;

/** The short description an encyclopaedia article's first sentence gives its subject, or null. */
export function firstSentenceDescription(body: string): string | null {
  const sentence = body.slice(0, 400).split(/[.!؟]\s/)[0] ?? '';
  const m = DEFINITION.exec(sentence);
  if (!m?.[1]) return null;
  const words: string[] = [];
  for (const w of m[1].trim().split(/\s+/)) {
    if (STOP_WORD.test(w) || (words.length >= 2 && w.startsWith('و')) || words.length >= MAX_DESCRIPTION_WORDS) break;
    words.push(w);
  }
  // A trailing «في» / «على» leaves a dangling phrase.
  while (words.length && /^(?:في|على|إلى|عن|ثم|أو)$/.test(words[words.length - 1]!)) words.pop();
  if (words.length === 0 || !/^[\u0621-\u064a]/.test(words[0]!)) return null;
  return words.join(' ');
}

/** Reduce one corpus line to facts with the given analyser. */
export function readLine(line: string, analyze: (t: { title: null; blocks: string[] }) => Analysis): ReadText {
  const words = line.split(' ');
  const titleWords = repeatedTitle(words);
  const source = titleWords > 0 ? 'wikipedia' : 'press';
  const analysis = analyze({ title: null, blocks: [line] });
  const actors = analysis.actors.map((a) => ({
    name: a.name,
    type: a.type,
    role: a.role ?? null,
    aliases: a.aliases ?? [],
    mentions: a.mentions.length,
  }));
  let subject: ReadText['subject'] = null;
  if (source === 'wikipedia') {
    const name = words.slice(0, titleWords).join(' ');
    const description = firstSentenceDescription(words.slice(titleWords).join(' '));
    if (description) subject = { name, description };
  }
  return { source, year: source === 'press' ? yearOf(line) : 0, actors, subject };
}
