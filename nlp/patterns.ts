// Rule patterns for names the gazetteer does not know: titles and roles before names, given names,
// nasab and kunya chains, names after reporting verbs, organization heads. All rules walk the token
// array once with bounded look-ahead, so cost stays linear.

import type { Token } from '../types/analysis';
import { Memo } from '../types/memo';
import { type GazetteerIndex, type GazetteerMatch, joined } from './gazetteer';
import {
  COUNTERPART_WORDS,
  DEFINITE_BODY_HEADS,
  DEFINITE_ORG_HEADS,
  FORCE_SIDES,
  FUNCTION_WORDS,
  HONORIFIC_OPENERS,
  NUMBERED_UNIT_HEADS,
  OPPONENT_WORDS,
  ORG_HEADS,
  PARTY_HEADS,
  PLACE_HEADS,
  PLACE_OFFICE_HEADS,
  PLAIN_ADJECTIVES,
  RANKING_ADJECTIVES,
  REPORTING,
  RESULT_VERBS,
  SIDE_ADJECTIVES,
  STATE_BODY_HEADS,
  STATE_BODY_KIND_HEADS,
  TEAM_DESCRIPTIONS,
  TITLE_WORDS,
  UNIT_ORDINALS,
} from './lexicon';
import { normalize, normalizedLength, withoutMarks } from './normalize';
import { cliticReadings, type Stripped, wordForms } from './tokenize';

/** Shared view of one text for the recognisers: tokens, their clitic readings, gazetteer hits. */
export interface Doc {
  text: string;
  tokens: readonly Token[];
  readings: Stripped[][];
  index: GazetteerIndex;
  /** Gazetteer match starting at a token, if any. */
  gazAt: (GazetteerMatch | undefined)[];
  /** Index into `gaz` of the match covering a token, or -1. */
  covered: Int32Array;
  gaz: GazetteerMatch[];
  /** One-word place names (normalised), to tell nationality adjectives from family names. */
  placeWords: Set<string>;
  /** Per token, the memo of its word form (shared by every token of that form): see hasWord. */
  forms?: FormMemo[];
  /** Tokens whose first letter is the conjunction «و» before a coordinated name («وفيرانيتشي»). */
  conjoined?: Set<number>;
}

/** A span found by a pattern, in token indices. */
export interface PatternHit {
  first: number;
  last: number;
  type: 'PERS' | 'ORG' | 'LOC';
  /** The gazetteer match this hit extends or annotates, when the name itself is a known entry. */
  gazetteer: GazetteerMatch | null;
  /** The title/role text that introduced the name («الرئيس الروسي»), if any. */
  role: string | null;
  /** A role mention standing for the same person right before the name («نظيره»). */
  roleMention: { first: number; last: number } | null;
  /** Name given inside quotation marks after a head («وكالة «تاس»»). */
  quotedName?: boolean;
}

/** A role phrase with no name after it («وشدد المتحدث باسم الكرملين»): resolved later to an actor. */
export interface RolePhrase {
  first: number;
  last: number;
  /** Normalised tokens with the first token's clitics stripped, to compare role phrases. */
  key: string;
}

const ABD = normalize('عبد');
const FI = normalize('في');
const AGENCY = normalize('وكالة');
const ALLAH = normalize('الله');
const ALI = normalize('علي');
const AYAH = normalize('آية');
const BISM = normalize('باسم');
const LISHUUN = normalize('لشؤون');
const MADDA_WORDS = new Set(
  ['آخر', 'آخرين', 'آخرون', 'آلاف', 'آن', 'آنذاك', 'آراء', 'آثار', 'آمال', 'آلية', 'آليات', 'آسيا'].map(normalize),
);
/** «آل» as written (its madda tells it from the article). */
const AAL = 'آل';
const NASAB = new Set(['بن', 'ابن', 'بنت', 'ولد'].map(normalize));
const KUNYA = new Set(['ابو', 'ام', 'ابي', 'ابا'].map(normalize));
const ARABIC_WORD = /^[\u0621-\u064a]+$/;
const OPEN_MARKS = new Set(['«', '“', '"', '‘', '„']);
const CLOSE_OF: Record<string, string> = { '«': '»', '“': '”', '"': '"', '‘': '’', '„': '“' };

/** /^[وف]?علي$/ without a regex: asked of every token that starts no other pattern. */
function isAliWritten(t: string): boolean {
  if (t.length === 3) return t === 'علي';
  const c = t.charCodeAt(0);
  return t.length === 4 && (c === 0x0648 || c === 0x0641) && t.endsWith('علي');
}

/** Build the shared document view once per analysis. */
export function makeDoc(text: string, tokens: readonly Token[], index: GazetteerIndex, gaz: GazetteerMatch[]): Doc {
  const gazAt: (GazetteerMatch | undefined)[] = new Array(tokens.length);
  const covered = new Int32Array(tokens.length).fill(-1);
  gaz.forEach((m, k) => {
    gazAt[m.first] = m;
    for (let t = m.first; t <= m.last; t++) covered[t] = k;
  });
  const readings: Stripped[][] = new Array(tokens.length);
  const forms: FormMemo[] = new Array(tokens.length);
  const memos = formMemosOf(index);
  const shared = wordForms(tokens);
  for (let t = 0; t < tokens.length; t++) {
    const norm = tokens[t]!.norm;
    // The memo rides on the token's shared WordForm when there is one (no look-up for a repeated word).
    const wf = shared?.[t];
    let f = wf !== undefined && wf.norm === norm && wf.owner === index ? (wf.memo as FormMemo | null) : undefined;
    if (!f) {
      f = memos.get(norm);
      if (!f) {
        f = {
          readings: cliticReadings(norm),
          bits: 0,
          surnameCandidates: null,
          surnameCall: 0,
          surnameHit: -1,
          surnameGroup: null,
          definiteHead: undefined,
        };
        memos.set(norm, f);
      }
      if (wf !== undefined && wf.norm === norm) {
        if (wf.owner !== index) {
          wf.owner = index;
          wf.gaz = null;
        }
        wf.memo = f;
      }
    }
    readings[t] = f.readings;
    forms[t] = f;
  }
  return { text, tokens, readings, index, gazAt, covered, gaz, placeWords: placeWordsOf(index), forms };
}

/**
 * What the rules have asked about one word form, so each question is answered once per form and not
 * once per token: two bits per (word set, article stripped or not) slot, «asked» and «answer».
 */
interface FormMemo {
  readings: Stripped[];
  bits: number;
  /** Kept for the actor grouping (see actors.ts surnameCandidates). */
  surnameCandidates: number[] | null;
  /** The family-name search (actors.ts findSurnameMentions) this form was last looked up in, numbered per call. */
  surnameCall: number;
  /** In that search: the reading that names a family (-1 for none) and its group. */
  surnameHit: number;
  surnameGroup: unknown;
  /** The «ال» + head word this form reads as (actors.ts definiteHead); undefined until asked. */
  definiteHead: string | null | undefined;
}

const FORM_MEMO_LIMIT = 50_000;
/** Form memos per gazetteer index (answers about firstNames depend on it). */
const formMemoCache = new WeakMap<GazetteerIndex, Memo<string, FormMemo>>();
function formMemosOf(index: GazetteerIndex): Memo<string, FormMemo> {
  let m = formMemoCache.get(index);
  if (!m) {
    m = new Memo(FORM_MEMO_LIMIT);
    formMemoCache.set(index, m);
  }
  return m;
}

/** Slot of each (word set, article stripped or not) hasWord is asked about; 16 slots fit in the bits. */
const strictSlots = new Map<Set<string>, number>();
const strippedSlots = new Map<Set<string>, number>();
const GIVEN_SLOT = 0;
const FOREIGN_SLOT = 1;
const SLOTS = 16;
let nextSlot = 2;
function slotOf(words: Set<string>, allowArticleStrip: boolean): number {
  const slots = allowArticleStrip ? strippedSlots : strictSlots;
  let slot = slots.get(words);
  if (slot === undefined) {
    if (nextSlot >= SLOTS) return -1;
    slot = nextSlot++;
    slots.set(words, slot);
  }
  return slot;
}

/** The memoised answer for token i's form in a slot: 1 yes, 0 no, -1 not asked yet (or no memo). */
function recalled(doc: Doc, i: number, slot: number): number {
  const f = doc.forms?.[i];
  if (!f || slot < 0) return -1;
  const bits = f.bits >>> (2 * slot);
  return bits & 1 ? (bits >>> 1) & 1 : -1;
}

function remember(doc: Doc, i: number, slot: number, answer: boolean): boolean {
  const f = doc.forms?.[i];
  if (f && slot >= 0) f.bits |= (answer ? 3 : 1) << (2 * slot);
  return answer;
}

const placeWordCache = new WeakMap<GazetteerIndex, Set<string>>();
function placeWordsOf(index: GazetteerIndex): Set<string> {
  let s = placeWordCache.get(index);
  if (!s) {
    s = new Set();
    for (const [first, list] of index.phrases)
      if (list.some((p) => p.rest.length === 0 && index.entries[p.entry]!.type === 'place')) s.add(first);
    placeWordCache.set(index, s);
  }
  return s;
}

/** True when a reading of token i (with only و/ف/ب/ل/ك/س stripped) is in the set. */
function hasWord(doc: Doc, i: number, words: Set<string>, allowArticleStrip = false): boolean {
  return hasWordIn(doc, i, words, allowArticleStrip, slotOf(words, allowArticleStrip));
}

/** hasWord with the set's slot found beforehand: the sets asked of every token have theirs fixed at load (HOT_SLOTS). */
function hasWordIn(doc: Doc, i: number, words: Set<string>, allowArticleStrip: boolean, slot: number): boolean {
  // Memoised per word form; the word sets never change once built.
  const known = recalled(doc, i, slot);
  return known >= 0 ? known === 1 : remember(doc, i, slot, hasWordOnce(doc, i, words, allowArticleStrip));
}

function hasWordOnce(doc: Doc, i: number, words: Set<string>, allowArticleStrip: boolean): boolean {
  for (const r of doc.readings[i] ?? []) {
    if (!allowArticleStrip && r.prefix.endsWith('ال')) continue;
    if (!allowArticleStrip && r.prefix.endsWith('لل')) continue;
    if (words.has(r.stem)) return true;
  }
  return false;
}

/** Token i is a given name, possibly after و/ف/ب/ل (never ك: «كلية» is not ك + «ليه»). */
function givenAt(doc: Doc, i: number): boolean {
  const known = recalled(doc, i, GIVEN_SLOT);
  return known >= 0 ? known === 1 : remember(doc, i, GIVEN_SLOT, givenAtOnce(doc, i));
}

/** Token i is a word of foreign names and not an everyday word (memoised per form). */
function foreignNameWord(doc: Doc, i: number): boolean {
  const known = recalled(doc, i, FOREIGN_SLOT);
  if (known >= 0) return known === 1;
  const n = doc.tokens[i]!.norm;
  return remember(doc, i, FOREIGN_SLOT, doc.index.nameTokens.has(n) && !doc.index.common.has(n) && !startsSentenceWithVerb(n));
}

/** «ودان بوتين», «فأكد»: a reporting verb with «و/ف» glued on opens a sentence, even when the verb is also a name («دان», the town «ودان»). */
export function startsSentenceWithVerb(n: string): boolean {
  return (n.startsWith('و') || n.startsWith('ف')) && REPORTING.has(n.slice(1));
}

function givenAtOnce(doc: Doc, i: number): boolean {
  const n = doc.tokens[i]!.norm;
  if (startsSentenceWithVerb(n) || doc.index.common.has(n) || ORG_HEADS.has(n) || TITLE_WORDS.has(n) || FUNCTION_WORDS.has(n)) return false;
  for (const r of doc.readings[i] ?? []) {
    // «ك» never, «س» only before a verb («وساد» is not و + س + a name).
    if (r.prefix.includes('ك') || r.prefix.includes('ال') || r.prefix.includes('س')) continue;
    if (doc.index.firstNames.has(r.stem)) return true;
  }
  return false;
}

/** «الروسي», «السورية», «الأميركيين»: an adjective made from a place name. */
export function isNisbaOfPlace(norm: string, places: Set<string>): boolean {
  if (!norm.startsWith('ال')) return false;
  let stem = norm.slice(2);
  for (const suffix of ['يين', 'يون', 'يه', 'ي']) {
    if (stem.endsWith(suffix)) {
      stem = stem.slice(0, -suffix.length);
      break;
    }
  }
  if (stem.length < 2 || stem === norm.slice(2)) return false;
  return (
    places.has(stem) ||
    places.has(`${stem}ا`) ||
    places.has(`${stem}يا`) ||
    places.has(`${stem}ه`) ||
    places.has(`${stem}ان`) ||
    places.has(`ال${stem}`) ||
    places.has(`ال${stem}ه`) ||
    places.has(`${stem.replace(/ك$/, 'كا')}`)
  );
}

/** The token is written with the article «ال» (after و/ف/ب/ك/ل), judged on the original letters: «ألكسندر» is not. */
export function isDefinite(doc: Doc, i: number): boolean {
  const raw = withoutMarks(doc.tokens[i]?.text ?? '');
  return /^(?:[وف]?[بكل]?ال|[وف]?لل)/.test(raw);
}

function isAdjective(doc: Doc, norm: string): boolean {
  return PLAIN_ADJECTIVES.has(norm) || isNisbaOfPlace(norm, doc.placeWords);
}

/** A token that can be part of a name: an Arabic word that is not a function word, title or everyday word. */
function nameLike(doc: Doc, i: number, position: 'first' | 'next'): boolean {
  const t = doc.tokens[i];
  if (!t || !ARABIC_WORD.test(t.norm) || t.norm.length < 2) return false;
  const n = t.norm;
  // «آنا» folds onto «أنا»: a madda-initial word that is not an everyday one opens a foreign name.
  if (position === 'first' && t.text.startsWith('آ') && !MADDA_WORDS.has(n) && n.length >= 3 && doc.covered[i]! < 0) return true;
  if (FUNCTION_WORDS.has(n) || TITLE_WORDS.has(n) || REPORTING.has(n) || ORG_HEADS.has(n) || HONORIFIC_OPENERS.has(n)) return false;
  // «وقالت أمانة منطقة جدة»: an office or a region word opens a body or a place, not a name.
  if (PLACE_OFFICE_HEADS.has(n) || PLACE_HEADS.has(n)) return false;
  // «سامر قداح على»: «على» folds onto «علي» but is the preposition.
  if (n === ALI && t.text.endsWith('ى')) return false;
  const g = doc.gazAt[i];
  // «كيث هولت»: after a given name, a small place's one-word name that is also a family name continues the name.
  const surnamePlace =
    position === 'next' &&
    g !== undefined &&
    g.first === g.last &&
    g.entry.type === 'place' &&
    (doc.index.phrases.get(n) ?? []).every((p) => p.rest.length > 0 || p.minor) &&
    doc.index.nameTokens.has(n) &&
    doc.index.firstNames.has(doc.tokens[i - 1]?.norm ?? '') &&
    !PLACE_HEADS.has(doc.tokens[i - 1]?.norm ?? '');
  if (doc.covered[i]! >= 0 && g?.entry.type !== 'person' && !surnamePlace) return false;
  const known = doc.index.nameTokens.has(n) || doc.index.firstNames.has(n);
  if (isDefinite(doc, i)) {
    if (position === 'first') return false;
    // A family name with «ال» carries no clitic: «والوزير», «للحديث» are other words.
    if (!/^ال/.test(withoutMarks(t.text))) return false;
    // «كريم العراقي», «نوال الكويتية»: Arabic puts the nationality before a name, so a place adjective
    // right after a lone given name is that person's family name.
    // Ordinals are no family names; a ruler's regnal number is added after the name (withRegnalNumber).
    if (PLAIN_ADJECTIVES.has(n) || REGNAL_NUMBERS.has(n)) return false;
    if (isNisbaOfPlace(n, doc.placeWords) && !(givenAt(doc, i - 1) && !partOfName(doc, i - 2))) return false;
    return known || !doc.index.common.has(n);
  }
  if (doc.index.common.has(n) && !known) return false;
  if (known) return true;
  // An unknown word that is a clitic plus an everyday word («والوزير», «للحديث», «بأجمل») is no name.
  for (const r of doc.readings[i] ?? []) {
    if (r.prefix !== '' && (doc.index.common.has(r.stem) || FUNCTION_WORDS.has(r.stem) || TITLE_WORDS.has(r.stem) || ORG_HEADS.has(r.stem)))
      return false;
  }
  // «وسلامي», «لبوتين»: a clitic glued to a known name starts another phrase.
  if (position === 'next') {
    if (/^[وف]/.test(n) && !foreignInitial(doc, n, t.text)) return false;
    for (const r of doc.readings[i] ?? []) {
      if (r.prefix !== '' && (doc.index.nameTokens.has(r.stem) || doc.index.firstNames.has(r.stem) || doc.index.phrases.has(r.stem)))
        return false;
    }
  }
  // Unknown words with possessive suffixes («بحليته», «شعرهم», «بأغنيته», «بمدائحه») are nouns, not names.
  if (position === 'next' && /(ته|تها|ها|هم|هما|هن|كم)$/.test(n) && n.length >= 4) return false;
  if (position === 'next' && /^[بل].{3,}ه$/.test(withoutMarks(t.text))) return false;
  // Unknown words with verb prefixes («سيزور», «يقترح») are not names either.
  // «مولود تشاوش أوغلو»: after a given name, «تش» writes a foreign /ch/, not a verb.
  const foreignCh = position === 'next' && n.startsWith('تش') && doc.index.firstNames.has(doc.tokens[i - 1]?.norm ?? '');
  // «جان موكونزيما»: inside a name, a long word ending in a vowel letter is a transliterated family
  // name; verbs that long end in a plural or dual suffix («يستطيعون», «يتحدثان», «يكتبوا»).
  const foreignLong = position === 'next' && n.length >= 7 && /[اوي]$/.test(n) && !/(?:ون|ين|ان|وا)$/.test(n);
  if (/^(?:[يتن][^اوي]|س[يتن])/.test(n) && n.length >= 4 && !foreignCh && !foreignLong) return false;
  return true;
}

/** Token i is a known given name or name word (so the name before an adjective is not a lone given name). */
function partOfName(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  if (!t || !joined(doc.text, t, doc.tokens[i + 1]!)) return false;
  return doc.index.firstNames.has(t.norm) || doc.index.nameTokens.has(t.norm) || NASAB.has(t.norm) || KUNYA.has(t.norm);
}

/**
 * «فيغانو», «واغنر»: a foreign surname whose first letter looks like the conjunction. Read as a name only
 * when the rest is no word we know (ف), or for و only before a long vowel-initial remainder («وا…»).
 */
function foreignInitial(doc: Doc, n: string, raw: string): boolean {
  const rest = n.slice(1);
  if (rest.length < 3) return false;
  if (doc.index.common.has(rest) || doc.index.nameTokens.has(rest) || doc.index.firstNames.has(rest) || doc.index.phrases.has(rest))
    return false;
  if (FUNCTION_WORDS.has(rest) || TITLE_WORDS.has(rest) || REPORTING.has(rest) || ORG_HEADS.has(rest)) return false;
  // «وأصدقاؤه» is و + a noun: only a bare alef (as in transliterations) opens a name after و.
  if (doc.index.common.has(n) || FUNCTION_WORDS.has(n)) return false;
  // «فيغانو» ends in a vowel as transliterations do; «فيتوجه» is ف + a verb.
  if (n[0] === 'ف') return !rest.startsWith('ال') && (!/^(?:[يتن][^اوي]|س[يتن])/.test(rest) || /[اوي]$/.test(rest));
  return /^وا[^ل]/.test(raw) && !/(ه|ها|هم|ته)$/.test(rest);
}

/**
 * Read a personal name starting at token i; returns the last token index or -1.
 * Handles «عبد X», nasab chains («خالد بن عبدالله العرج») and kunya («أبو بكر»).
 */
function readName(doc: Doc, i: number, minTokens = 1, firstKnown = false): number {
  const toks = doc.tokens;
  let j = i;
  const first = toks[i];
  if (!first) return -1;
  const firstNorm = firstKnown ? stemOf(doc, i) : first.norm;
  // «عبد الكريم الراشد», «أبو بكر الحلبي»: a compound given name is followed by the family name as a nasab is.
  let nasab = false;
  if (KUNYA.has(firstNorm) || firstNorm === ABD) {
    if (!toks[i + 1] || !joined(doc.text, first, toks[i + 1]!)) return -1;
    j = i + 1;
    nasab = true;
  } else if (!firstKnown && !nameLike(doc, i, 'first')) return -1;
  let count = j - i + 1;
  while (count < 7) {
    const next = toks[j + 1];
    if (!next || !joined(doc.text, toks[j]!, next)) break;
    const n = next.norm;
    // «آل سعود», «آل الشيخ»: the family's house closes the name, whatever word names it.
    const house = toks[j + 2];
    if (next.text === AAL && house && joined(doc.text, next, house) && ARABIC_WORD.test(house.norm) && !FUNCTION_WORDS.has(house.norm)) {
      j += 2;
      break;
    }
    if (
      (NASAB.has(n) || n === ABD || KUNYA.has(n)) &&
      toks[j + 2] &&
      joined(doc.text, next, toks[j + 2]!) &&
      nameLike(doc, j + 2, 'next')
    ) {
      j += 2;
      count += 2;
      nasab = true;
      continue;
    }
    if (!nameLike(doc, j + 1, 'next')) {
      // «عبدالله بن سالم الداود», «عبد الكريم الراشد»: after a nasab chain or a compound given name a
      // definite word is the family name, even when it is also an everyday word.
      if (nasab && familyAfterNasab(doc, j + 1)) j++;
      break;
    }
    // A definite word closes the name («وليد الخطيب»); nothing follows a family name with «ال».
    j++;
    count++;
    if (isDefinite(doc, j)) break;
  }
  return count >= minTokens ? j : -1;
}

/** A family name with «ال» closing a nasab chain: not a title, adjective, nationality or function word. */
function familyAfterNasab(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  if (!t || !joined(doc.text, doc.tokens[i - 1]!, t) || !/^ال/.test(t.text) || !ARABIC_WORD.test(t.norm)) return false;
  const n = t.norm;
  if (FUNCTION_WORDS.has(n) || TITLE_WORDS.has(n) || REPORTING.has(n) || isAdjective(doc, n) || doc.covered[i]! >= 0) return false;
  return !DEFINITE_ORG_HEADS.has(n);
}

/** The token's stem after و/ف/ب/ل/ك stripping, preferring a known given name. */
function stemOf(doc: Doc, i: number): string {
  const whole = doc.tokens[i]?.norm ?? '';
  // A given name is never read with «ال» or the future «س» glued on: «سلوى» is not «س» + «لوى».
  if (doc.index.firstNames.has(whole)) return whole;
  for (const r of doc.readings[i] ?? []) {
    if (doc.index.firstNames.has(r.stem) && !r.prefix.includes('ال') && !r.prefix.includes('س')) return r.stem;
  }
  return whole;
}

function quotedAfter(doc: Doc, i: number): { first: number; last: number } | null {
  const t = doc.tokens[i];
  const next = doc.tokens[i + 1];
  if (!t || !next) return null;
  const gap = doc.text.slice(t.end, next.start).trim();
  if (gap.length !== 1 || !OPEN_MARKS.has(gap)) return null;
  const close = CLOSE_OF[gap]!;
  for (let k = i + 1; k < Math.min(doc.tokens.length, i + 6); k++) {
    const tk = doc.tokens[k]!;
    const after = doc.text.slice(tk.end, doc.tokens[k + 1]?.start ?? doc.text.length).trim();
    if (after.startsWith(close)) return { first: i + 1, last: k };
    if (after.length > 0) return null;
  }
  return null;
}

/** Where the name proper starts in token i: after و/ف/ب/ل/ك when they are clitics of a known word. */
export function nameStartOffset(doc: Doc, i: number, person = true): number {
  const t = doc.tokens[i]!;
  if (doc.conjoined?.has(i)) return t.start + 1;
  // «وTRT»: a Latin name after an Arabic clitic starts after it.
  if (/^[وبلف][A-Za-z]/.test(t.text)) return t.start + 1;
  let stem = stripClitics(doc, i);
  if (stem === t.norm && person) stem = stemOf(doc, i);
  const k = t.norm.length - stem.length;
  if (k <= 0) return t.start;
  let n = 0;
  for (let c = 0; c < t.text.length; c++) {
    if (n === k) return t.start + c;
    n += normalizedLength(t.text.charCodeAt(c));
  }
  return t.start;
}

/** Run every pattern over the document; gazetteer spans are respected, not re-found. */
export function findPatternHits(doc: Doc): { hits: PatternHit[]; roles: RolePhrase[] } {
  const hits: PatternHit[] = [];
  const roles: RolePhrase[] = [];
  const toks = doc.tokens;
  let i = 0;
  while (i < toks.length) {
    const g = doc.gazAt[i];
    // A credit line: «نقلاً عن "الشرق الأوسط"», «نقلا عن الشروق المصرية» closing a paragraph.
    const credit = creditAt(doc, i);
    if (credit) {
      hits.push({ first: credit.first, last: credit.last, type: 'ORG', gazetteer: null, role: null, roleMention: null });
      i = credit.last + 1;
      continue;
    }
    // «CNN», «TRT», «وTRT»: an acronym in Latin capitals inside Arabic text names an outlet or body.
    if (latinAcronymAt(doc, i)) {
      hits.push({ first: i, last: i, type: 'ORG', gazetteer: null, role: null, roleMention: null });
      i++;
      continue;
    }
    // Places named with a head word: «مطار بن غوريون», «سجن نفحة», «سوق عكاظ», «قاعدة «فورت هود»».
    const place = hasWordIn(doc, i, PLACE_NAME_HEADS, false, HOT_SLOTS.placeHeads) ? placeAfterHead(doc, i) : -1;
    if (place > i) {
      // «قاعدة «فورت هود»»: a name in marks is the place's name without its head.
      const first = quotedAfter(doc, i) ? i + 1 : i;
      hits.push({ first, last: place, type: 'LOC', gazetteer: null, role: null, roleMention: null, quotedName: first > i });
      i = place + 1;
      continue;
    }
    // «بلدة كفرنبل», «وقرية تل حميس», «حي الحكمة»: the name after a settlement word is a place.
    const settlement = settlementAt(doc, i);
    if (settlement > i) {
      hits.push({ first: i + 1, last: settlement, type: 'LOC', gazetteer: null, role: null, roleMention: null });
      i = coordinated(doc, settlement, 'LOC', hits);
      continue;
    }
    // A match result: «فاز الهلال على النصر 2-1», «وتعادل الفتح مع مضيفه الخليج بهدف لمثله».
    const result = resultAt(doc, i);
    if (result) {
      for (const team of result) hits.push({ ...team, type: 'ORG', gazetteer: null, role: null, roleMention: null });
      i = result[1]!.last + 1;
      continue;
    }
    // A byline opening a paragraph: «أكابر الأحمدي - جدة».
    const byline = bylineAt(doc, i);
    if (byline > i) {
      hits.push(personHit(doc, i, byline));
      i = byline + 1;
      continue;
    }
    // Bodies known by how they are built: «وقوات الطوارئ», «الفرقة الرابعة», «أمانة منطقة الرياض»,
    // «التيار الصدري», «البرلمان الإيراني», «والنيابة العامة المصرية».
    const body = bodyAt(doc, i);
    if (body > i) {
      hits.push({ first: i, last: body, type: 'ORG', gazetteer: null, role: null, roleMention: null });
      i = body + 1;
      continue;
    }
    // Organization heads: «وزارة الدفاع الروسية», «منظمة العفو الدولية», «وكالة «تاس»».
    const quotedHead = hasWordIn(doc, i, QUOTED_NAME_HEADS, false, HOT_SLOTS.quotedHeads);
    if ((quotedHead || hasWordIn(doc, i, ORG_HEADS, false, HOT_SLOTS.orgHeads)) && !(g && g.last > i)) {
      const quoted = quotedAfter(doc, i);
      if (quoted) {
        hits.push({
          first: quoted.first,
          last: quoted.last,
          type: 'ORG',
          gazetteer: null,
          role: null,
          roleMention: null,
          quotedName: true,
        });
        i = quoted.last + 1;
        continue;
      }
      const last = quotedHead && !hasWord(doc, i, ORG_HEADS) ? i : readOrgTail(doc, i);
      if (last > i) {
        // «صحيفة الشروق المصرية»: the medium word is not part of the outlet's name.
        const medium = MEDIUM_HEADS.has(stripClitics(doc, i));
        const tail = doc.gazAt[i + 1];
        // «صحيفة الشروق», «وكالة فرانس برس»: a known outlet or agency after its head keeps its own
        // name; «منظمة أطباء بلا حدود» is written with its head (grouped with the bare name in actors).
        if (tail && tail.last === last && (medium || stripClitics(doc, i) === AGENCY)) {
          // «صحيفة الشرق الأوسط»: after a medium word a place's name is the outlet's.
          if (tail.entry.type !== 'organization') {
            hits.push({ first: i + 1, last, type: 'ORG', gazetteer: null, role: null, roleMention: null });
            i = last + 1;
          } else i++;
          continue;
        }
        hits.push({ first: medium ? i + 1 : i, last, type: 'ORG', gazetteer: null, role: null, roleMention: null });
        i = last + 1;
        continue;
      }
    }
    if (hasWordIn(doc, i, DEFINITE_ORG_HEADS, true, HOT_SLOTS.definiteOrgHeads) && doc.covered[i]! < 0) {
      // «التلفزيون الروسي الرسمي», «الهيئة العامة للسياحة والتراث الوطني»: an adjective first, then the tail.
      const first = toks[i + 1];
      // «الجمعية الطبية الإسرائيلية»: an adjective of kind, then a nationality.
      const kindThenNation =
        first !== undefined &&
        isDefinite(doc, i + 1) &&
        /(ي|يه)$/.test(first.norm) &&
        toks[i + 2] !== undefined &&
        joined(doc.text, first, toks[i + 2]!) &&
        isNisbaOfPlace(toks[i + 2]!.norm, doc.placeWords);
      if (kindThenNation) {
        hits.push({ first: i, last: i + 2, type: 'ORG', gazetteer: null, role: null, roleMention: null });
        i += 3;
        continue;
      }
      // «الحكومة البريطانية», «المنتخب المصري»: these heads make a name only with a nationality («الحكومة الحالية» is none).
      const nationalOnly = hasWord(doc, i, DEFINITE_BODY_HEADS, true);
      const adjective = first !== undefined && (nationalOnly ? isNisbaOfPlace(first.norm, doc.placeWords) : isAdjective(doc, first.norm));
      if (first && joined(doc.text, toks[i]!, first) && adjective) {
        // «الجيش الإسرائيلي الجمعة», «الخارجية الأمريكية للصحافيين»: after a nationality only adjectives follow.
        let last = i + 1;
        if (isNisbaOfPlace(first.norm, doc.placeWords)) {
          while (toks[last + 1] && joined(doc.text, toks[last]!, toks[last + 1]!) && PLAIN_ADJECTIVES.has(toks[last + 1]!.norm)) last++;
        } else last = Math.max(i + 1, readOrgTail(doc, i));
        hits.push({ first: i, last, type: 'ORG', gazetteer: null, role: null, roleMention: null });
        i = last + 1;
        continue;
      }
    }
    if (g) {
      i = g.last + 1;
      if (g.entry.type === 'place') i = coordinated(doc, g.last, 'LOC', hits);
      else if (g.entry.type === 'person') i = coordinated(doc, g.last, 'PERS', hits);
      continue;
    }
    // «وأكد أن المملكة ستواصل»: «المملكة» alone is the kingdom the article is about (see actors).
    if (kingdomAt(doc, i)) {
      hits.push({ first: i, last: i, type: 'LOC', gazetteer: null, role: null, roleMention: null });
      i++;
      continue;
    }
    // Titles and roles before a name: «الرئيس الروسي فلاديمير بوتين», «المتحدث باسم الكرملين دميتري بيسكوف».
    if (hasWordIn(doc, i, TITLE_WORDS, true, HOT_SLOTS.titles)) {
      const r = readTitled(doc, i, hits);
      if (r) {
        if (r.hit) hits.push(r.hit);
        else if (r.role) roles.push(r.role);
        i = r.next;
        continue;
      }
    }
    // Given name + family name: «آنا كولوتا», «خالد بن عبدالله العرج»; two foreign name words.
    // «علي» folds onto the preposition «على»; only the spelling with ي is the given name.
    const given = givenAt(doc, i) || isAliWritten(toks[i]!.text);
    const foreign = toks[i + 1] !== undefined && foreignNameWord(doc, i) && foreignNameWord(doc, i + 1);
    if (given || foreign) {
      const last = readName(doc, i, 2, given);
      if (last > i) {
        hits.push(personHit(doc, i, last));
        i = last + 1;
        continue;
      }
    }
    // A reporting verb followed by an unknown two-word name: «وقالت كيارا مونتالدو».
    if (hasWordIn(doc, i, REPORTING, false, HOT_SLOTS.reporting) && toks[i + 1] && joined(doc.text, toks[i]!, toks[i + 1]!)) {
      let last = readName(doc, i + 1, 2);
      // «وقالت كيارا مونتالدو المنسقة»: an unknown definite word after the name is a description.
      while (last > i + 1 && isDefinite(doc, last) && !doc.index.nameTokens.has(toks[last]!.norm)) last--;
      let definiteUnknown = false;
      for (let t = i + 1; t <= last; t++) if (isDefinite(doc, t) && !doc.index.nameTokens.has(toks[t]!.norm)) definiteUnknown = true;
      if (last > i + 1 && !definiteUnknown) {
        hits.push(personHit(doc, i + 1, last));
        i = last + 1;
        continue;
      }
      // «وقالت كاغان واغنر لصحيفة», «كما قال ساندي تولان،»: a small place's name that is also a
      // given name, then a family name, as the subject of the verb.
      const pair = givenPlacePair(doc, i + 1);
      if (pair > i + 1) {
        hits.push(personHit(doc, i + 1, pair));
        i = pair + 1;
        continue;
      }
    }
    i++;
  }
  return { hits, roles };
}

/**
 * The head of a state body at token i (written «ال» + head after و/ف/ب/ل, or «جهاز»), whether it needs
 * a word of kind, and whether it is «الاتحاد» (a body only with what it does); or null.
 */
function stateHeadAt(doc: Doc, i: number): { kind: boolean; union: boolean } | null {
  if (doc.covered[i]! >= 0) return null;
  let raw: string | null = null;
  for (const r of doc.readings[i] ?? []) {
    const word = r.prefix.endsWith('ال') ? `ال${r.stem}` : r.stem;
    // Asked of every token: the set look-ups first, the prefix and spelling only for a head.
    if (!STATE_BODY_HEADS.has(word) && !STATE_BODY_KIND_HEADS.has(word)) continue;
    if (!/^[وف]?[بل]?$/.test(r.prefix.replace(/ال$/, '')) || r.prefix.includes('لل')) continue;
    raw ??= withoutMarks(doc.tokens[i]!.text);
    const definite = raw.slice(r.prefix.replace(/ال$/, '').length).startsWith('ال');
    if (definite && STATE_BODY_HEADS.has(word)) return { kind: false, union: word === ITTIHAD };
    if (STATE_BODY_KIND_HEADS.has(word) && (definite || word === JIHAZ)) return { kind: true, union: false };
  }
  return null;
}
const JIHAZ = normalize('جهاز');
const ITTIHAD = normalize('الاتحاد');

/**
 * «البرلمان الإيراني», «السفارة الأمريكية», «النيابة العامة المصرية», «جهاز الأمن الروسي»,
 * «الاتحاد المصري لكرة القدم»: a state body's head, one word of kind where the head needs it, and a
 * nationality, then plain adjectives and a «ل» tail of what the body does. Returns the last token or -1.
 */
function stateBodyAt(doc: Doc, i: number): number {
  const head = stateHeadAt(doc, i);
  if (!head) return -1;
  const toks = doc.tokens;
  const next = (k: number) => (toks[k + 1] && joined(doc.text, toks[k]!, toks[k + 1]!) ? toks[k + 1] : undefined);
  // «مستشار المخابرات العامة», «مجلس القوات المسلحة»: after a title or a head in construct the head is part of another name.
  const before = toks[i - 1];
  if (head.kind && before && joined(doc.text, before, toks[i]!) && !isDefinite(doc, i - 1)) {
    const n = before.norm;
    if (TITLE_WORDS.has(n) || ORG_HEADS.has(n)) return -1;
  }
  let k = i;
  const kind = next(k);
  if (kind && !isNisbaOfPlace(kind.norm, doc.placeWords)) {
    // «الحزب الديمقراطي الكردستاني»: one word of kind, which some heads need; «القوات الحكومية» names a side.
    if (!isDefinite(doc, k + 1) || !/^ال/.test(withoutMarks(kind.text)) || doc.covered[k + 1]! >= 0) return -1;
    if (SIDE_ADJECTIVES.has(kind.norm)) return -1;
    k++;
  } else if (head.kind) return -1;
  const nation = next(k);
  if (!nation || !isNisbaOfPlace(nation.norm, doc.placeWords) || !/^ال/.test(withoutMarks(nation.text))) return -1;
  k++;
  while (next(k) && PLAIN_ADJECTIVES.has(toks[k + 1]!.norm)) k++;
  // «الاتحاد المصري لكرة القدم»: «ل» + a noun + a definite word names what the body does.
  const object = next(k + 1);
  if (next(k) && /^ل[^ل]/.test(toks[k + 1]!.text) && !FUNCTION_WORDS.has(toks[k + 1]!.norm) && object && isDefinite(doc, k + 2))
    return k + 2;
  // «الاتحاد الروسي» alone is the Russian Federation, a country.
  return head.union ? -1 : k;
}

const RESULT_PREPOSITIONS = new Set(['علي', 'مع', 'امام'].map(normalize));

/** A team's name at token k: one definite word that is no description, or a word the lists do not know; -1 for none. */
function teamAt(doc: Doc, k: number): number {
  const t = doc.tokens[k];
  if (!t || !joined(doc.text, doc.tokens[k - 1]!, t) || !ARABIC_WORD.test(t.norm)) return -1;
  const n = t.norm;
  if (TEAM_DESCRIPTIONS.has(n) || FUNCTION_WORDS.has(n) || isAdjective(doc, n) || doc.gazAt[k]?.entry.type === 'person') return -1;
  const g = doc.gazAt[k];
  if (g) return g.entry.type === 'place' || g.entry.type === 'organization' ? g.last : -1;
  if (doc.covered[k]! >= 0 || (!withoutMarks(t.text).startsWith('ال') && doc.index.common.has(n))) return -1;
  const after = doc.tokens[k + 1];
  // «سيسكا موسكو», «ريال مدريد»: a word the lists do not know, then the club's city.
  const city = after && joined(doc.text, t, after) ? doc.gazAt[k + 1] : undefined;
  if (!isDefinite(doc, k) && city?.entry.type === 'place') return city.last;
  // «النجم الساحلي»: a definite adjective of kind (no nationality) belongs to the name.
  const described = after && joined(doc.text, t, after) && /^ال.+ي$/.test(after.norm) && !isAdjective(doc, after.norm);
  return described && doc.covered[k + 1]! < 0 ? k + 1 : k;
}

/**
 * «فاز الهلال على النصر 2-1», «تغلب الاتحاد على نظيره الباطن بسداسية»: a result verb, a team, «على/مع/
 * أمام», an opponent's description at most, a team, and the score within three words (digits or
 * «بهدف», «بثلاثية», «بنتيجة») name two teams. Returns their token ranges, or null.
 */
function resultAt(doc: Doc, i: number): [{ first: number; last: number }, { first: number; last: number }] | null {
  if (!hasWord(doc, i, RESULT_VERBS)) return null;
  const toks = doc.tokens;
  const xLast = teamAt(doc, i + 1);
  if (xLast < 0) return null;
  let k = xLast + 1;
  if (!toks[k] || !RESULT_PREPOSITIONS.has(toks[k]!.norm) || !joined(doc.text, toks[k - 1]!, toks[k]!)) return null;
  k++;
  if (toks[k] && OPPONENT_WORDS.has(toks[k]!.norm)) k++;
  const yLast = teamAt(doc, k);
  if (yLast < 0) return null;
  for (let s = yLast + 1; s <= yLast + 3 && toks[s]; s++) {
    const raw = toks[s]!.text;
    if (/\d/.test(raw) || /^ب(?:هدف|نتيجه|ثلاثيه|ثنائيه|رباعيه|خماسيه|سداسيه|سباعيه)/.test(toks[s]!.norm)) {
      return [
        { first: i + 1, last: xLast },
        { first: k, last: yLast },
      ];
    }
  }
  return null;
}

const KINGDOM = new Set([normalize('المملكة')]);

/** «المملكة» (after و/ب/ل) with no name or adjective after it. */
function kingdomAt(doc: Doc, i: number): boolean {
  if (doc.covered[i]! >= 0 || !hasWord(doc, i, KINGDOM, true) || !isDefinite(doc, i)) return false;
  const next = doc.tokens[i + 1];
  return !next || !joined(doc.text, doc.tokens[i]!, next) || !isDefinite(doc, i + 1) || !/(?:ي|يه)$/.test(next.norm);
}

/**
 * «التيار الصدري», «التحالف الوطني», «الحزب الديمقراطي الكردستاني»: a definite party head and an
 * adjective in -ي that names it (not one that ranks it: «الحزب الحاكم», «التيار الرئيسي»), then plain
 * adjectives or a nationality. Returns the last token or -1.
 */
function partyAt(doc: Doc, i: number): number {
  const toks = doc.tokens;
  const next = toks[i + 1];
  if (!next || doc.covered[i]! >= 0 || doc.covered[i + 1]! >= 0 || !joined(doc.text, toks[i]!, next)) return -1;
  if (!hasWord(doc, i, PARTY_HEADS, true) || !isDefinite(doc, i) || /^[وفبلك]?لل/.test(toks[i]!.text)) return -1;
  const n = next.norm;
  if (!/^ال/.test(withoutMarks(next.text)) || !/(?:ي|يه)$/.test(n) || RANKING_ADJECTIVES.has(n) || SIDE_ADJECTIVES.has(n)) return -1;
  let last = i + 1;
  while (toks[last + 1] && joined(doc.text, toks[last]!, toks[last + 1]!)) {
    const a = toks[last + 1]!.norm;
    if (!PLAIN_ADJECTIVES.has(a) && !isNisbaOfPlace(a, doc.placeWords)) break;
    last++;
  }
  return last;
}

/** Readers of bodies named by their construction, each returning the body's last token or -1. */
const BODY_READERS = [forcesAt, placeOfficeAt, partyAt, stateBodyAt];

function bodyAt(doc: Doc, i: number): number {
  // Asked of every token: only a word with one of the readers' heads among its readings goes on.
  if (!(doc.readings[i] ?? []).some((r) => BODY_HEAD_STEMS.has(r.stem))) return -1;
  for (const read of BODY_READERS) {
    const last = read(doc, i);
    if (last > i) return last;
  }
  return -1;
}

const FORCES = new Set([normalize('قوات')]);
/** Every head a body reader starts from, with and without «ال», as a clitic reading's stem may hold it. */
const BODY_HEAD_STEMS = new Set(
  [...FORCES, ...NUMBERED_UNIT_HEADS, ...PLACE_OFFICE_HEADS, ...PARTY_HEADS, ...STATE_BODY_HEADS, ...STATE_BODY_KIND_HEADS].flatMap((w) => [
    w,
    w.startsWith('ال') ? w.slice(2) : `ال${w}`,
  ]),
);

/**
 * «قوات الطوارئ», «وقوات الدفاع الوطني», «قوات الحرس الثوري»: «قوات» and a definite noun of what the
 * force does, with one adjective at most, name a body; «قوات النظام», «قوات الأمن» name a side,
 * «قوات الأمريكية» a nationality, «قوات المتمردين» a group of people. «الفرقة الرابعة»: a unit with
 * its number. Returns the last token or -1.
 */
function forcesAt(doc: Doc, i: number): number {
  const toks = doc.tokens;
  const next = toks[i + 1];
  if (!next || doc.gazAt[i] || !joined(doc.text, toks[i]!, next) || doc.covered[i + 1]! >= 0) return -1;
  const n = next.norm;
  if (hasWord(doc, i, NUMBERED_UNIT_HEADS, true) && isDefinite(doc, i)) return UNIT_ORDINALS.has(n) ? i + 1 : -1;
  if (!hasWord(doc, i, FORCES) || !withoutMarks(next.text).startsWith('ال') || !ARABIC_WORD.test(n)) return -1;
  if (FORCE_SIDES.has(n) || isAdjective(doc, n) || /(?:ين|ون)$/.test(n) || FUNCTION_WORDS.has(n) || TITLE_WORDS.has(n)) return -1;
  const adjective = toks[i + 2];
  const described =
    adjective !== undefined &&
    joined(doc.text, next, adjective) &&
    withoutMarks(adjective.text).startsWith('ال') &&
    doc.covered[i + 2]! < 0 &&
    (PLAIN_ADJECTIVES.has(adjective.norm) || /(?:ي|يه)$/.test(adjective.norm)) &&
    !isNisbaOfPlace(adjective.norm, doc.placeWords);
  return described ? i + 2 : i + 1;
}

/** Latin capitals that are units, formats, illnesses or countries, not the name of a body. */
const NOT_BODY_ACRONYMS = new Set(
  'TV PDF GDP SMS USB DNA HIV AIDS COVID SARS MERS GPS CEO VIP VAR FM AM PM OK USD EUR US USA UK UAE EU ID IQ PCR'.split(' '),
);

/** Token i is two to six Latin capitals (after an Arabic و/ب/ل at most) and not a unit or format. */
function latinAcronymAt(doc: Doc, i: number): boolean {
  const text = doc.tokens[i]!.text;
  // Most tokens are Arabic: a last character that is no capital or digit settles it before the regex.
  const last = text.charCodeAt(text.length - 1);
  if (!((last >= 0x41 && last <= 0x5a) || (last >= 0x30 && last <= 0x39))) return false;
  const m = /^[وبلف]?([A-Z][A-Z0-9&]{1,5})$/.exec(text);
  return m !== null && !NOT_BODY_ACRONYMS.has(m[1]!) && doc.covered[i]! < 0;
}

const NAQLAN = normalize('نقلا');
const AN = normalize('عن');

/** «نقلاً عن X» with X running to the end of its line: X (one to three words, or in marks) is an outlet. */
function creditAt(doc: Doc, i: number): { first: number; last: number } | null {
  const toks = doc.tokens;
  if (toks[i]!.norm !== NAQLAN || toks[i + 1]?.norm !== AN || !toks[i + 2]) return null;
  const quoted = quotedAfter(doc, i + 1);
  const first = i + 2;
  const lineEnd = doc.text.indexOf('\n', toks[first]!.start);
  const stop = lineEnd < 0 ? doc.text.length : lineEnd;
  let last = quoted ? quoted.last : first;
  if (!quoted)
    while (last < first + 2 && toks[last + 1] && toks[last + 1]!.start < stop && joined(doc.text, toks[last]!, toks[last + 1]!)) last++;
  if (!/^[\s"»”.)]*$/.test(doc.text.slice(toks[last]!.end, stop))) return null;
  for (let k = first; k <= last; k++) {
    const n = toks[k]!.norm;
    if (!ARABIC_WORD.test(n) || FUNCTION_WORDS.has(n) || TITLE_WORDS.has(n) || ANONYMOUS_SOURCES.has(n)) return null;
  }
  return { first, last };
}

/** Words for unnamed sources, which a credit line never names («نقلا عن مصادر»). */
const ANONYMOUS_SOURCES = new Set(['مصدر', 'مصادر', 'مسؤول', 'مسؤولين', 'وكالات', 'مراسلنا', 'مواقع'].map(normalize));

/** Heads that make a place of the name after them. */
const PLACE_NAME_HEADS = new Set(['مطار', 'سجن', 'سوق', 'ميناء', 'مخيم', 'معبر', 'قاعدة', 'جسر', 'ميدان'].map(normalize));

/**
 * The name after a place head: in marks, a known name, or one unknown proper word, with a following
 * «ال» word («مطار الدهانية»); never an everyday word («سوق العمل»). Returns the last token or -1.
 */
function placeAfterHead(doc: Doc, i: number): number {
  const toks = doc.tokens;
  const quoted = quotedAfter(doc, i);
  if (quoted) return quoted.last;
  const next = toks[i + 1];
  if (!next || !joined(doc.text, toks[i]!, next) || !ARABIC_WORD.test(next.norm)) return -1;
  const g = doc.gazAt[i + 1];
  // «لقاعدة حزب الله الشعبية»: a body after the head is whose base or market it is, not a place's name.
  if (g) return g.entry.type === 'organization' && g.last > g.first ? -1 : g.last;
  const n = next.norm;
  // «مطار بن غوريون»: a person's name with «بن»/«أبو» names the place.
  const after = toks[i + 2];
  if ((NASAB.has(n) || KUNYA.has(n)) && after && joined(doc.text, next, after)) {
    const named = doc.gazAt[i + 2];
    if (named?.entry.type === 'person') return named.last;
    return nameLike(doc, i + 2, 'next') ? i + 2 : -1;
  }
  if (doc.index.common.has(n) || FUNCTION_WORDS.has(n) || TITLE_WORDS.has(n) || ORG_HEADS.has(n) || REPORTING.has(n)) return -1;
  if (/^[وفبلك]/.test(n) && !isDefinite(doc, i + 1)) return -1;
  if (isAdjective(doc, n) || /(ته|تها|ها|هم|هما|هن|كم)$/.test(n)) return -1;
  return i + 1;
}

const IMARA = normalize('إمارة');

/**
 * «أمانة منطقة الرياض», «بلدية الخبر», «إمارة منطقة مكة المكرمة»: «أمانة/بلدية/إمارة», a region word
 * at most («منطقة/محافظة/مدينة», which «إمارة» needs: «إمارة دبي» is the emirate itself) and a known
 * place or a settlement's name make one office. Returns the last token or -1.
 */
function placeOfficeAt(doc: Doc, i: number): number {
  const toks = doc.tokens;
  const next = toks[i + 1];
  if (!next || doc.covered[i]! >= 0 || !joined(doc.text, toks[i]!, next) || isDefinite(doc, i)) return -1;
  const head = (doc.readings[i] ?? []).find((r) => !r.prefix.includes('ال') && PLACE_OFFICE_HEADS.has(r.stem))?.stem;
  if (!head) return -1;
  const region = hasWord(doc, i + 1, PLACE_HEADS) && !isDefinite(doc, i + 1);
  if (!region && head === IMARA) return -1;
  const at = region ? i + 2 : i + 1;
  const place = toks[at] && joined(doc.text, toks[at - 1]!, toks[at]!) ? doc.gazAt[at] : undefined;
  if (place?.entry.type === 'place') return place.last;
  // «بلدية محافظة الرس», «بلدية كفرشمس» with a name no list knows: read as after any settlement word.
  if (region) return settlementAt(doc, i + 1);
  // «أمانة» alone is also honesty («أمانة وإتقان»): only «بلدية» takes a name no list knows.
  return head === BALADIYA && placeNameWord(doc, i + 1, false) ? i + 1 : -1;
}
const BALADIYA = normalize('بلدية');

/** Settlement words whose name may be an everyday definite word («حي الحكمة», «قرية العوامية»). */
const SMALL_SETTLEMENTS = new Set(['حي', 'بلده', 'قريه', 'ناحيه', 'قضاء', 'هجره']);
/** Words for a state, which open a longer name themselves («عاصمة جمهورية صربسكا»). */
const STATE_WORDS = new Set(['جمهوريه', 'مملكه', 'اماره', 'سلطنه', 'دوله']);
/** Directions that close a place's name («ولاية أراكان الشمالية»). */
const DIRECTION_ADJECTIVES = new Set(['الشماليه', 'الجنوبيه', 'الشرقيه', 'الغربيه', 'الوسطي', 'الجديده', 'القديمه', 'الكبري']);
/** First words of two-word place names: «تل حميس», «رأس تنورة», «عين العرب», «سان ريمو». */
const PLACE_NAME_OPENERS = new Set(
  ['سان', 'سانت', 'تل', 'راس', 'جبل', 'عين', 'بئر', 'دير', 'كفر', 'وادي', 'بيت', 'بني', 'ابو', 'ام', 'جسر', 'سيدي'].map(normalize),
);

/** Token i can be (part of) a place's name after a settlement word. */
function placeNameWord(doc: Doc, i: number, smallSettlement: boolean): boolean {
  const t = doc.tokens[i];
  if (!t || !ARABIC_WORD.test(t.norm) || t.norm.length < 2 || doc.covered[i]! >= 0) return false;
  const n = t.norm;
  if (FUNCTION_WORDS.has(n) || TITLE_WORDS.has(n) || ORG_HEADS.has(n) || REPORTING.has(n) || PLACE_HEADS.has(n) || isAdjective(doc, n))
    return false;
  if (STATE_WORDS.has(n) || n === ALLAH || /(ته|تها|ها|هم|هما|هن|كم)$/.test(n)) return false;
  // «مدينة جهزت»: a short unknown word ending in «ت» is a verb in the past.
  if (n.length <= 4 && n.endsWith('ت') && !doc.index.nameTokens.has(n)) return false;
  if (isDefinite(doc, i)) return withoutMarks(t.text).startsWith('ال') && (smallSettlement || !doc.index.common.has(n));
  if (doc.index.nameTokens.has(n)) return true;
  if (doc.index.common.has(n) || /^(?:[يتن][^اوي]|س[يتن])/.test(n)) return false;
  // «وكبيرة», «بالقرب»: a clitic glued to an everyday word; «كفرشمس» is a name of its own.
  const clitic = (r: Stripped) =>
    r.prefix !== '' &&
    (doc.index.common.has(r.stem) ||
      FUNCTION_WORDS.has(r.stem) ||
      PLACE_HEADS.has(r.stem) ||
      ORG_HEADS.has(r.stem) ||
      doc.placeWords.has(r.stem));
  return !(doc.readings[i] ?? []).some(clitic);
}

/**
 * «بلدة كفرنبل», «وقرية تل حميس», «جزيرة رأس أبوعلي», «حي الحكمة»: after a settlement word (city,
 * town, village, province, quarter, island) one proper word, or two when the first opens a
 * compound place name, is a place. Known places are the gazetteer's; the head stays outside.
 * Returns the last token or -1.
 */
function settlementAt(doc: Doc, i: number): number {
  const toks = doc.tokens;
  const next = toks[i + 1];
  // Asked of every token: the head first, the rest only after one.
  const head = (doc.readings[i] ?? []).find((r) => !r.prefix.includes('ال') && PLACE_HEADS.has(r.stem))?.stem;
  if (!head || !next || !joined(doc.text, toks[i]!, next) || doc.gazAt[i] || isDefinite(doc, i)) return -1;
  // «شبه جزيرة البلقان»: the head is part of a longer name.
  if (i > 0 && toks[i - 1]!.norm === SHIBH) return -1;
  // «خلال ولاية X الثانية»: «ولاية» is also a term of office, so a person's name after it stays the person's.
  if (head === WILAYA && (doc.index.nameTokens.has(next.norm) || doc.index.firstNames.has(next.norm))) return -1;
  let last = i + 1;
  if (PLACE_NAME_OPENERS.has(next.norm) && doc.covered[i + 1]! < 0) {
    const after = toks[i + 2];
    if (!after || !joined(doc.text, next, after) || !placeNameWord(doc, i + 2, true)) return -1;
    last = i + 2;
  } else {
    if (!placeNameWord(doc, i + 1, SMALL_SETTLEMENTS.has(head))) return -1;
    // «منطقة نائية», «مدينة كبيرة»: an unknown indefinite word agreeing with the head describes it.
    if (!isDefinite(doc, i + 1) && /ه$/.test(next.norm) && !doc.index.nameTokens.has(next.norm)) return -1;
    // «مدينة سان مورتيز», «جزيرة روبن آيلاند»: a foreign name runs on for a word or two.
    // Only after a name word or a long foreign-looking one: «بلدة عرسال رفقة» ends at «عرسال».
    const foreignFirst = doc.index.nameTokens.has(next.norm) || doc.index.firstNames.has(next.norm) || next.norm.length >= 6;
    const runsOn = (k: number) => foreignWord(doc, k) && (foreignFirst || doc.index.nameTokens.has(toks[k]!.norm));
    if (!isDefinite(doc, i + 1)) for (let more = 0; more < 2 && runsOn(last + 1); more++) last++;
  }
  const direction = toks[last + 1];
  if (direction && joined(doc.text, toks[last]!, direction) && DIRECTION_ADJECTIVES.has(direction.norm)) last++;
  return last;
}
const SHIBH = normalize('شبه');
const WILAYA = normalize('ولاية');

/**
 * Names coordinated with «و» right after a known one, one word each, marked without the «و»:
 * «لشبونة وفيرانيتشي وكاستيلمارو» (places: a long transliterated word), «الحلبي والكوفي والدمشقي»
 * (persons: a family name in «ال…ي»). Pushes them and returns the token after the last one.
 */
function coordinated(doc: Doc, last: number, type: 'LOC' | 'PERS', hits: PatternHit[]): number {
  const toks = doc.tokens;
  const fits = type === 'LOC' ? coordinatedPlace : coordinatedFamilyName;
  let k = last + 1;
  while (toks[k] && joined(doc.text, toks[k - 1]!, toks[k]!) && fits(doc, k)) {
    doc.conjoined ??= new Set();
    doc.conjoined.add(k);
    hits.push({ first: k, last: k, type, gazetteer: null, role: null, roleMention: null });
    k++;
  }
  return k;
}

function coordinatedFamilyName(doc: Doc, k: number): boolean {
  const t = doc.tokens[k]!;
  if (doc.covered[k]! >= 0 || !withoutMarks(t.text).startsWith('وال') || !ARABIC_WORD.test(t.norm)) return false;
  const stem = t.norm.slice(1);
  if (stem.length < 5 || !stem.endsWith('ي') || doc.index.common.has(stem) || isAdjective(doc, stem) || FUNCTION_WORDS.has(stem))
    return false;
  return !TITLE_WORDS.has(stem) && !doc.index.common.has(stem.slice(2));
}

function coordinatedPlace(doc: Doc, k: number): boolean {
  const t = doc.tokens[k]!;
  if (doc.covered[k]! >= 0 || !t.text.startsWith('و') || !ARABIC_WORD.test(t.norm)) return false;
  const stem = t.norm.slice(1);
  if (stem.length < 3 || !(doc.readings[k] ?? []).some((r) => r.prefix === 'و' && r.stem === stem)) return false;
  const { index } = doc;
  if (index.common.has(stem) || index.firstNames.has(stem) || FUNCTION_WORDS.has(stem) || TITLE_WORDS.has(stem)) return false;
  if (ORG_HEADS.has(stem) || PLACE_HEADS.has(stem) || REPORTING.has(stem) || isAdjective(doc, stem) || STATE_WORDS.has(stem)) return false;
  if (/(ته|تها|ها|هم|هما|هن|كم)$/.test(stem) || /^(?:[يتن][^اوي]|س[يتن])/.test(stem)) return false;
  // Only a long transliteration: «وفقا», «ورفعت», «ومستوفية», «وموالين», «وللمناطق» are no places.
  if (stem.length < 6 || /^(?:ال|لل)/.test(stem) || /(?:ين|ون|يه|ات|نا)$/.test(stem)) return false;
  // «واحتفاظ», «واستقبال»: verbal nouns of the shapes افتعال and استفعال.
  if (/^(?:ا.ت.ا.|است..ا.)$/.test(stem)) return false;
  return /[اوي]/.test(stem.slice(1, -1));
}

/**
 * «أكابر الأحمدي - جدة»: two or three words opening a paragraph, then a dash and a known place, are
 * the writer's name (returns the last name token, or -1).
 */
function bylineAt(doc: Doc, i: number): number {
  const toks = doc.tokens;
  const t = toks[i]!;
  // Only at a paragraph start (spaces or «*» may come first).
  for (let k = t.start - 1; k >= 0; k--) {
    const c = doc.text[k]!;
    if (c === '\n') break;
    if (c !== ' ' && c !== '*' && c !== '\t') return -1;
  }
  for (let last = i + 1; last <= i + 2 && last < toks.length; last++) {
    if (!joined(doc.text, toks[last - 1]!, toks[last]!)) return -1;
    const gap = doc.text.slice(toks[last]!.end, toks[last + 1]?.start ?? toks[last]!.end);
    if (!/^\s*[-–—]\s*$/.test(gap)) continue;
    const place = doc.gazAt[last + 1];
    if (place?.entry.type !== 'place') return -1;
    // «تقرير خاص - موسكو» is a heading: the name starts without «ال» and ends in a name word.
    const end = toks[last]!.norm;
    if (isDefinite(doc, i) || (doc.index.common.has(end) && !doc.index.nameTokens.has(end))) return -1;
    for (let k = i; k <= last; k++) {
      const n = toks[k]!.norm;
      if (!ARABIC_WORD.test(n) || FUNCTION_WORDS.has(n) || TITLE_WORDS.has(n) || REPORTING.has(n) || ORG_HEADS.has(n)) return -1;
      if (doc.covered[k]! >= 0 && doc.gaz[doc.covered[k]!]!.entry.type !== 'place' && doc.gaz[doc.covered[k]!]!.entry.type !== 'person')
        return -1;
    }
    return last;
  }
  return -1;
}

function personHit(doc: Doc, first: number, last: number): PatternHit {
  const g = doc.gazAt[first];
  return {
    first,
    last,
    type: 'PERS',
    gazetteer: g && g.entry.type === 'person' && g.last === last ? g : null,
    role: null,
    roleMention: null,
  };
}

/** Titles of rulers, whose names carry a regnal number. */
const ROYAL_TITLES = new Set(['الملك', 'الملكه', 'البابا', 'السلطان', 'الامبراطور', 'القيصر'].map(normalize));
const REGNAL_NUMBERS = new Set(
  ['الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع', 'العاشر', 'الحادي', 'الأولى', 'الثانية'].map(
    normalize,
  ),
);
const ASHAR = normalize('عشر');

/** The last token of a ruler's name with its regnal number after `last` («الثاني», «السادس عشر»), or `last`. */
function withRegnalNumber(doc: Doc, last: number): number {
  const toks = doc.tokens;
  const next = toks[last + 1];
  // The name may already have taken the number in as a family name («بنديكت السادس»).
  if (REGNAL_NUMBERS.has(toks[last]!.norm)) return next && joined(doc.text, toks[last]!, next) && next.norm === ASHAR ? last + 1 : last;
  if (!next || !joined(doc.text, toks[last]!, next) || !REGNAL_NUMBERS.has(next.norm)) return last;
  const after = toks[last + 2];
  return after && joined(doc.text, next, after) && after.norm === ASHAR ? last + 2 : last + 1;
}

/** Titles that belong to the name they precede («البابا فرنسيس», «البابا بنديكت السادس عشر»). */
const NAME_BOUND_TITLES = new Set(['البابا'].map(normalize));

/** Titles always followed by a name. */
const STRONG_TITLES = new Set(
  [
    'البابا',
    'الملك',
    'الملكه',
    'الامير',
    'الاميره',
    'الشيخ',
    'الشيخه',
    'السلطان',
    'السيد',
    'السيده',
    'الرئيس',
    'الرئيسه',
    'الوزير',
    'الوزيره',
    'الدكتور',
    'الدكتوره',
    'الامام',
    'المستشاره',
    'المستشار',
    'الجنرال',
  ].map(normalize),
);

/** Heads that name an outlet or platform only when the name is in quotation marks («منصة «تروث سوشيال»»). */
const QUOTED_NAME_HEADS = new Set(['منصه', 'تطبيق', 'حساب', 'موقع', 'شبكه', 'صحيفه', 'قناه', 'مجله', 'جريده'].map(normalize));

/** Slots of the word sets findPatternHits asks about every token, found once (the answers do not depend on the slot). */
const HOT_SLOTS = {
  placeHeads: slotOf(PLACE_NAME_HEADS, false),
  quotedHeads: slotOf(QUOTED_NAME_HEADS, false),
  orgHeads: slotOf(ORG_HEADS, false),
  definiteOrgHeads: slotOf(DEFINITE_ORG_HEADS, true),
  titles: slotOf(TITLE_WORDS, true),
  reporting: slotOf(REPORTING, false),
};

/** Heads whose names may coordinate two nouns with «و». */
const COORDINATING_HEADS = new Set(['وزاره', 'هيئه', 'مؤسسه', 'لجنه', 'مجلس', 'جمعيه', 'اتحاد'].map(normalize));

/** Heads naming a medium: the name is what follows them. */
const MEDIUM_HEADS = new Set(['صحيفه', 'جريده', 'مجله', 'قناه', 'شبكه', 'موقع', 'اذاعه'].map(normalize));

/** Words that end an organization name: «لجنة الشؤون الخارجية التابعة لمجلس النواب» stops at «التابعة». */
const ORG_TAIL_STOP = new Set(
  ['التابعه', 'التابع', 'المعنيه', 'المعني', 'المكلفه', 'المكلف', 'المسؤوله', 'المسؤول', 'المشتركه', 'نفسها', 'نفسه'].map(normalize),
);
/** Heads after which one unknown proper word is the name («جامعة هارفارد», «شركة أرامكو»). */
const PROPER_AFTER = new Set(
  [
    'جامعه',
    'شركه',
    'نادي',
    'صحيفه',
    'جريده',
    'مجله',
    'قناه',
    'وكاله',
    'مستشفي',
    'بنك',
    'مصرف',
    'موقع',
    'شبكه',
    'جمعيه',
    'مدرسه',
    'مؤسسه',
  ].map(normalize),
);

/** A verbal noun of the shape تفعيل names an activity («تكرير», «تطوير», «تنظيم»). */
const ACTIVITY_NOUN = /^ت[^اوي]{2}ي[^اوي]$/;

function readOrgTail(doc: Doc, head: number): number {
  const toks = doc.tokens;
  let j = head;
  let consumed = 0;
  let construct = false;
  const headStem = stripClitics(doc, head).replace(/^ال/, '');
  while (consumed < 4) {
    const next = toks[j + 1];
    if (!next || !joined(doc.text, toks[j]!, next)) break;
    const m = doc.gazAt[j + 1];
    if (m && m.entry.type !== 'person' && (consumed === 0 || construct)) {
      j = m.last;
      consumed++;
      // «وكالة الأناضول التركية»: a known organization's name ends the tail.
      if (m.entry.type === 'organization') break;
      continue;
    }
    construct = false;
    const n = next.norm;
    if (FUNCTION_WORDS.has(n) || ORG_TAIL_STOP.has(n) || TITLE_WORDS.has(n) || REPORTING.has(n)) break;
    // «والمسلحين»: a conjunction starts a new noun phrase, except in names of ministries and bodies
    // («وزارة الثقافة والإعلام», «الهيئة العامة للسياحة والتراث الوطني»).
    if (/^[وف]ال/.test(next.text) && !(COORDINATING_HEADS.has(headStem) && consumed > 0)) break;
    if (isDefinite(doc, j + 1) && !/^[بك]ال/.test(next.text)) {
      j++;
      consumed++;
      continue;
    }
    // «شركة الخليج لتكرير النفط», «الاتحاد الدولي لكرة القدم»: «ل» + a noun + a definite word names what the body does.
    const object = toks[j + 2];
    if (
      consumed > 0 &&
      /^ل[^ل]/.test(next.text) &&
      ARABIC_WORD.test(n) &&
      (!doc.index.common.has(n.slice(1)) || ACTIVITY_NOUN.test(n.slice(1))) &&
      object !== undefined &&
      joined(doc.text, next, object) &&
      isDefinite(doc, j + 2) &&
      !/^[وف]/.test(object.text) &&
      !FUNCTION_WORDS.has(object.norm) &&
      doc.covered[j + 2]! < 0
    ) {
      j += 2;
      consumed += 2;
      continue;
    }
    // «هيئة شؤون الأسرى», «جامعة ولاية أريزونا»: a construct noun right after the head, before a definite word or a place.
    const after = toks[j + 2];
    const afterGaz = doc.gazAt[j + 2];
    if (
      consumed === 0 &&
      after &&
      joined(doc.text, next, after) &&
      ((isDefinite(doc, j + 2) && !/^[وف]/.test(after.text)) || (afterGaz !== undefined && afterGaz.entry.type === 'place')) &&
      ARABIC_WORD.test(n)
    ) {
      j++;
      consumed++;
      // «مستشفى سوركا الإسرائيلي»: an unknown proper word then a nationality: the nationality describes it.
      if (PROPER_AFTER.has(headStem) && !doc.index.common.has(n) && isNisbaOfPlace(after.norm, doc.placeWords)) break;
      construct = true;
      continue;
    }
    if (
      consumed === 0 &&
      PROPER_AFTER.has(headStem) &&
      (doc.index.nameTokens.has(n) || doc.index.firstNames.has(n)) &&
      !doc.index.common.has(n)
    ) {
      j++;
      consumed++;
      // «مدرسة ريد رانك العليا», «جامعة نورث ويستيرن»: a foreign name may run on for a word or two.
      for (let more = 0; more < 2 && foreignWord(doc, j + 1); more++) j++;
      // «مستشفى سوركا الإسرائيلي»: a nationality after the proper name describes it.
      const adj = toks[j + 1];
      if (adj && isNisbaOfPlace(adj.norm, doc.placeWords)) break;
      continue;
    }
    break;
  }
  return j;
}

/** Token i continues a foreign proper name: joined, Arabic letters, no «ال» or clitic, and no everyday or function word. */
function foreignWord(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  if (!t || !joined(doc.text, doc.tokens[i - 1]!, t) || !ARABIC_WORD.test(t.norm) || t.norm.length < 3) return false;
  const n = t.norm;
  if (isDefinite(doc, i) || /^[بل]/.test(n) || doc.covered[i]! >= 0) return false;
  // «جامعة نورث ويستيرن»: a foreign word may start with the letters of «و»/«ف».
  if (/^[وف]/.test(n) && !foreignInitial(doc, n, t.text)) return false;
  if (doc.index.common.has(n) || FUNCTION_WORDS.has(n) || TITLE_WORDS.has(n) || REPORTING.has(n) || ORG_HEADS.has(n)) return false;
  return !/^(?:[يتن][^اوي]|س[يتن])/.test(n);
}

interface Titled {
  hit: PatternHit | null;
  role: RolePhrase | null;
  next: number;
}

function readTitled(doc: Doc, i: number, places: PatternHit[]): Titled | null {
  const toks = doc.tokens;
  const counterpart = hasWord(doc, i, COUNTERPART_WORDS);
  let j = i;
  let fiAt = -1;
  // Modifiers after the title: definite words, construct nouns, «باسم X», known organizations and places.
  for (let steps = 0; steps < 6; steps++) {
    const next = toks[j + 1];
    if (!next || !joined(doc.text, toks[j]!, next)) break;
    const m = doc.gazAt[j + 1];
    if (m && m.entry.type !== 'person') {
      j = m.last;
      continue;
    }
    if (m) break;
    const n = next.norm;
    // «المدعي العام في ولاية تينيسي بيل كيليان»: «في» and a place or body may sit inside the role;
    // kept only when a name follows (see below).
    if (n === FI && j > i) {
      if (fiAt < 0) fiAt = j;
      j++;
      continue;
    }
    if (FUNCTION_WORDS.has(n) || HONORIFIC_OPENERS.has(n)) break;
    // «في ولاية تينيسي»: a place head word inside the role.
    if (fiAt >= 0 && PLACE_HEADS.has(n)) {
      j++;
      continue;
    }
    // «... السعودية وأنا»: a conjunction before a function word ends the role.
    if (/^[وف]/.test(n) && FUNCTION_WORDS.has(n.slice(1))) break;
    if (n === BISM || n === LISHUUN || TITLE_WORDS.has(n)) {
      j++;
      continue;
    }
    // «قائد قوات الطوارئ الخاصة»: named forces inside a role are a body of their own.
    const forces = forcesAt(doc, j + 1);
    if (forces > j + 1) {
      places.push({ first: j + 1, last: forces, type: 'ORG', gazetteer: null, role: null, roleMention: null });
      j = forces;
      continue;
    }
    // «المتحدث باسم وزارة الخارجية الإيرانية»: an organization inside the role.
    if (hasWord(doc, j + 1, ORG_HEADS)) {
      const tail = readOrgTail(doc, j + 1);
      // «وزارة الخارجية الإيرانية» inside a role is a body of its own when its country names it.
      if (tail > j + 1 && isNisbaOfPlace(toks[tail]!.norm, doc.placeWords)) {
        places.push({ first: j + 1, last: tail, type: 'ORG', gazetteer: null, role: null, roleMention: null });
      }
      j = tail;
      continue;
    }
    if (/^[وف]ال/.test(next.text)) break;
    // «رئيس أساقفة واشنطن ثيودور مكاريك»: a place closing a construct title belongs to the role,
    // even when the same word is also a given name.
    const construct = doc.index.common.has(toks[j]!.norm) || TITLE_WORDS.has(toks[j]!.norm);
    if (j > i && construct && !isDefinite(doc, j) && !isDefinite(doc, j + 1) && doc.placeWords.has(n)) {
      j++;
      if (doc.covered[j]! < 0) places.push({ first: j, last: j, type: 'LOC', gazetteer: null, role: null, roleMention: null });
      continue;
    }
    // «آية الله علي رضواني»: a title of two words.
    if (n === ALLAH && toks[j]!.norm === AYAH) {
      j++;
      continue;
    }
    if (isDefinite(doc, j + 1)) {
      if (!doc.index.common.has(n) && !isAdjective(doc, n) && (doc.index.nameTokens.has(n) || doc.index.firstNames.has(n)) && j > i) break;
      j++;
      continue;
    }
    // «وزير البحرية راي مابوس»: after a complete title, an everyday-looking word may open a foreign name.
    if ((j === i || isDefinite(doc, j)) && foreignPair(doc, j + 1) > j + 1) break;
    if (doc.index.common.has(n) && !doc.index.firstNames.has(n) && !doc.index.nameTokens.has(n)) {
      j++;
      continue;
    }
    break;
  }
  // «النائب العام في ولاية»: nothing read after «في», so no name can follow it.
  if (fiAt >= 0 && j === fiAt + 1) j = fiAt;
  const nameStart = j + 1;
  const nameTok = toks[nameStart];
  const roleText = doc.text.slice(toks[i]!.start + prefixLength(doc, i), toks[j]!.end);
  const roleMention = counterpart ? { first: i, last: j } : null;
  // «أعلن رئيس الوزراء، فلان الفلاني، أن»: a name in commas after the role, when it is a known person.
  const apposition =
    nameTok !== undefined &&
    j > i &&
    /^\s*[،,]\s*$/.test(doc.text.slice(toks[j]!.end, nameTok.start)) &&
    (doc.gazAt[nameStart]?.entry.type === 'person' ||
      (hasWord(doc, nameStart, doc.index.firstNames) && readName(doc, nameStart, 2, true) > nameStart) ||
      foreignPair(doc, nameStart) > nameStart);
  if (nameTok && (joined(doc.text, toks[j]!, nameTok) || apposition)) {
    const g = doc.gazAt[nameStart];
    if (g && g.entry.type === 'person') {
      return {
        hit: { first: nameStart, last: g.last, type: 'PERS', gazetteer: g, role: roleText, roleMention },
        role: null,
        next: g.last + 1,
      };
    }
    // «علي» folds onto the preposition «على»: only the spelling with ي is the given name.
    const preposition = toks[nameStart]!.norm === ALI && !/ي$/.test(toks[nameStart]!.text);
    const given = hasWord(doc, nameStart, doc.index.firstNames) && !preposition;
    let last = preposition ? -1 : readName(doc, nameStart, 1, given);
    const n0 = toks[nameStart]!.norm;
    const known = given || doc.index.nameTokens.has(n0) || /^آ/.test(toks[nameStart]!.text);
    // One unknown word after a title is more often a noun («الشاعر لأمسية») than a name, except after
    // titles that are always followed by a name («البابا فرنسيس», «الملك سلمان»).
    if (last === nameStart && !known && !hasWord(doc, i, STRONG_TITLES, true)) last = -1;
    // «وزير البحرية راي مابوس», «الوزير سيغمار غابريل»: a transliterated name whose first word looks
    // like an everyday word or a verb, read only as a pair ending in an unknown word.
    if (last < nameStart) last = foreignPair(doc, nameStart);
    // «الملك عبدالله الثاني», «البابا بنديكت السادس عشر»: a ruler's regnal number belongs to the name.
    if (last >= nameStart && j === i && ROYAL_TITLES.has(stripClitics(doc, i))) last = withRegnalNumber(doc, last);
    if (last >= nameStart) {
      const lastG = doc.gazAt[last];
      // «البابا فرنسيس»: a pope's title is written as part of his name.
      const bound = j === i && NAME_BOUND_TITLES.has(stripClitics(doc, i));
      // «رئيس بلدية زحلة محمد الحلبي»: after a role ending in a construct noun, an unknown word before a
      // given name is that noun's complement (a place the lists do not know); the name opens on the given name.
      const opensLater = !known && !isDefinite(doc, j) && last >= nameStart + 2 && givenAt(doc, nameStart + 1);
      const first = bound ? i : opensLater ? nameStart + 1 : nameStart;
      return {
        hit: {
          first,
          last,
          type: 'PERS',
          gazetteer: lastG && lastG.entry.type === 'person' && lastG.first === first ? lastG : null,
          role: roleText,
          roleMention,
        },
        role: null,
        next: last + 1,
      };
    }
  }
  // No name after «... في X»: the role ends before «في» («وقال الوزير في كلمته»).
  if (fiAt >= 0) j = fiAt;
  // «النبي صلى الله عليه وسلم»: a blessing after a bare title marks it as standing for a person.
  const after = toks[j + 1];
  const blessed = after !== undefined && joined(doc.text, toks[j]!, after) && HONORIFIC_OPENERS.has(after.norm);
  if (j > i || counterpart || (isDefinite(doc, i) && (blessed || hasWord(doc, i, STRONG_TITLES, true)))) {
    const key = [stripClitics(doc, i), ...toks.slice(i + 1, j + 1).map((t) => t.norm)].join(' ');
    return { hit: null, role: { first: i, last: j, key }, next: j + 1 };
  }
  return null;
}

/**
 * Two joined words after a title that read as one foreign name: neither a function word, title,
 * verb of saying or «ال» word, the second one unknown to the everyday-word list and not a verb form,
 * and nothing name-like after them. Returns the second token's index or -1.
 */
function foreignPair(doc: Doc, k: number): number {
  const toks = doc.tokens;
  const a = toks[k];
  const b = toks[k + 1];
  if (!a || !b || !joined(doc.text, a, b) || doc.covered[k]! >= 0) return -1;
  // «سيغمار غابريل»: the second word may be a known family name on its own.
  const known = doc.gazAt[k + 1];
  if (doc.covered[k + 1]! >= 0 && !(known && known.entry.type === 'person' && known.last === k + 1)) return -1;
  for (const t of [a, b]) {
    const n = t.norm;
    if (!ARABIC_WORD.test(n) || n.length < 3 || /^[وف]/.test(n)) return -1;
    if (FUNCTION_WORDS.has(n) || TITLE_WORDS.has(n) || ORG_HEADS.has(n) || HONORIFIC_OPENERS.has(n)) return -1;
  }
  // «راي» folds onto the verb «رأى»: only the second word must not be a verb of saying.
  if (REPORTING.has(b.norm)) return -1;
  if (isDefinite(doc, k) || isDefinite(doc, k + 1)) return -1;
  const n = b.norm;
  if (known) return k + 1;
  if (doc.index.common.has(n) || /^(?:[يتن][^اوي]|س[يتن])/.test(n) || /(ته|تها|ها|هم|هما|هن|كم)$/.test(n)) return -1;
  // «صناعة مستقبله»: a final «ه» written as such (not «ة») is an attached pronoun.
  if (/[^ة]ه$/.test(withoutMarks(b.text))) return -1;
  const c = toks[k + 2];
  if (c && joined(doc.text, b, c) && nameLike(doc, k + 2, 'next')) return -1;
  return k + 1;
}

/**
 * Token k is a one-word place from a minor source only («كاغان», «ساندي») and k+1 a family name
 * (a known name word or an unknown word, «وا…» allowed), with nothing name-like after: the pair is a
 * person. Returns k+1 or -1.
 */
function givenPlacePair(doc: Doc, k: number): number {
  const toks = doc.tokens;
  const g = doc.gazAt[k];
  const b = toks[k + 1];
  if (!b || !joined(doc.text, toks[k]!, b)) return -1;
  // The place may already have been set aside as a given name before a name word.
  if (g ? g.first !== k || g.last !== k || g.entry.type !== 'place' : doc.covered[k]! >= 0) return -1;
  const phrases = doc.index.phrases.get(toks[k]!.norm) ?? [];
  const place = phrases.some((p) => p.rest.length === 0 && doc.index.entries[p.entry]!.type === 'place');
  if (!place || !phrases.every((p) => p.rest.length > 0 || p.minor)) return -1;
  const family = doc.gazAt[k + 1];
  const knownFamily = family?.entry.type === 'person' && family.last === k + 1;
  if ((doc.covered[k + 1]! >= 0 && !knownFamily) || isDefinite(doc, k + 1) || !ARABIC_WORD.test(b.norm)) return -1;
  const n = b.norm;
  if (FUNCTION_WORDS.has(n) || TITLE_WORDS.has(n) || ORG_HEADS.has(n) || REPORTING.has(n) || HONORIFIC_OPENERS.has(n)) return -1;
  if (/^[وف]/.test(n) && !knownFamily && !foreignInitial(doc, n, b.text)) return -1;
  if (!knownFamily && !doc.index.nameTokens.has(n) && (doc.index.common.has(n) || /^(?:[يتن][^اوي]|س[يتن])/.test(n))) return -1;
  const c = toks[k + 2];
  if (c && joined(doc.text, b, c) && nameLike(doc, k + 2, 'next')) return -1;
  return k + 1;
}

/** Normalised form of token i without و/ف/ب/ل/ك proclitics (keeps «ال»): «ووزارة» → «وزارة», «بالكرملين» → «الكرملين». */
function stripClitics(doc: Doc, i: number): string {
  const t = doc.tokens[i]!;
  if (TITLE_WORDS.has(t.norm) || ORG_HEADS.has(t.norm) || PLACE_NAME_HEADS.has(t.norm)) return t.norm;
  const raw = withoutMarks(t.text);
  for (const r of doc.readings[i] ?? []) {
    if (r.prefix === '' || !/^[وف]?[بكل]?$/.test(r.prefix)) continue;
    if (TITLE_WORDS.has(r.stem) || ORG_HEADS.has(r.stem) || PLACE_NAME_HEADS.has(r.stem) || FORCES.has(r.stem)) return r.stem;
    if (PLACE_OFFICE_HEADS.has(r.stem)) return r.stem;
    if (r.stem.startsWith('ال') && raw.slice(r.prefix.length).startsWith('ال')) return r.stem;
  }
  return t.norm;
}

function prefixLength(doc: Doc, i: number): number {
  const t = doc.tokens[i]!;
  const stem = stripClitics(doc, i);
  const k = t.norm.length - stem.length;
  if (k <= 0) return 0;
  let n = 0;
  for (let c = 0; c < t.text.length; c++) {
    if (n === k) return c;
    n += normalizedLength(t.text.charCodeAt(c));
  }
  return 0;
}
