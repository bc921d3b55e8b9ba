// What the speaker rules read about an article: token maps (which actor mention covers a token,
// which tokens sit inside quotation marks, where the role phrases are) and the small word tests
// the rules share. Built once per article; the rules themselves keep no state.

import type { Actor, Speaker, Token } from '../types/analysis';
import { joined } from './gazetteer';
import {
  CAME_VERBS,
  COMPLEMENTIZERS,
  FUNCTION_WORDS,
  IN_IT,
  NAMING_HEADS,
  ORG_HEADS,
  REPORTING,
  SOURCE_PREPOSITIONS,
  SPAN_PREPOSITIONS,
  SPEECH_ACT_NOUNS,
  STATEMENT_STEMS,
  WITHHOLDING_WORDS,
} from './lexicon';
import { normalize } from './normalize';
import type { MarkedSpan } from './quotes';
import { cliticReadings } from './tokenize';

export interface MentionRef {
  actor: Actor;
  /** First and last token index. */
  first: number;
  last: number;
}

/** A role phrase the recogniser found («وزير الخارجية الروسي»), token indices inclusive. */
export interface RoleSpan {
  first: number;
  last: number;
}

export interface Scene {
  text: string;
  tokens: readonly Token[];
  actors: readonly Actor[];
  /** The actor mention covering each token. */
  mentionAt: (MentionRef | undefined)[];
  /** 1: inside marks (a name or term); 2: inside a quotation. */
  inMarks: Uint8Array;
  /** Role phrases by their first token. */
  roleAt: Map<number, RoleSpan>;
  paragraphOf: (pos: number) => number;
}

/** Tokens looked back for the subject of a pronoun-dropped cue (a long news paragraph is ~150). */
export const LOOKBACK = 300;
export const UNKNOWN: Speaker = { actorId: null, name: null, kind: 'unknown' };
export const AN = normalize('عن');
const FI = normalize('في');
const THE_STATEMENT = normalize('البيان');

export function buildScene(
  text: string,
  tokens: readonly Token[],
  quotes: readonly MarkedSpan[],
  actors: readonly Actor[],
  allMarked: readonly MarkedSpan[],
  roles: readonly RoleSpan[],
): Scene {
  const mentionAt: (MentionRef | undefined)[] = new Array(tokens.length);
  for (const actor of actors) {
    for (const m of actor.mentions) {
      const first = tokenAt(tokens, m.start);
      let last = first;
      while (last + 1 < tokens.length && tokens[last + 1]!.start < m.end) last++;
      const ref = { actor, first, last };
      for (let t = first; t <= last; t++) mentionAt[t] = ref;
    }
  }
  markFamilyNames(tokens, actors, mentionAt);
  const inMarks = new Uint8Array(tokens.length);
  const quoted = new Set(quotes);
  for (const q of allMarked) {
    const end = q.close >= 0 ? q.close : q.end;
    const mark = quoted.has(q) ? 2 : 1;
    for (let t = tokenAt(tokens, q.start); t < tokens.length && tokens[t]!.start < end; t++) inMarks[t] = mark;
  }
  return { text, tokens, actors, mentionAt, inMarks, roleAt: new Map(roles.map((r) => [r.first, r])), paragraphOf: paragraphIndex(text) };
}

/** «بن», «بنت», «ابن», «أبو»: words of a chain of fathers' names. */
const LINEAGE = new Set(['بن', 'بنت', 'ابن', 'أبو'].map(normalize));

/**
 * «ويقول الكبير، وهو محلل», «وقالت كارلسون»: a person named in full is often named again by the
 * family name alone, which the recogniser may leave unmarked (an everyday word, or a name two people
 * share outside the article); the scene reads it as that person when no other person of the article
 * ends with the same word.
 */
function markFamilyNames(tokens: readonly Token[], actors: readonly Actor[], mentionAt: (MentionRef | undefined)[]): void {
  const byFamily = new Map<string, Actor | null>();
  for (const actor of actors) {
    const words = normalize(actor.name).split(' ');
    const family = words.at(-1)!;
    // «أحمد بن سعدون»: in a chain of fathers' names the last one is someone else's given name.
    if (actor.type !== 'person' || words.length < 2 || family.length < 4 || words.some((w) => LINEAGE.has(w))) continue;
    byFamily.set(family, byFamily.has(family) ? null : actor);
  }
  tokens.forEach((tok, t) => {
    const actor = mentionAt[t] ? null : (byFamily.get(tok.norm) ?? byFamily.get(stripConj(tok.norm)));
    if (actor) mentionAt[t] = { actor, first: t, last: t };
  });
}

export function speakerOf(m: MentionRef): Speaker {
  return { actorId: m.actor.id, name: m.actor.name, kind: 'actor' };
}

/** A reporting verb or a source preposition («بحسب»), after its clitics and not after «ال». */
export function isCue(tok: Token): boolean {
  for (const r of cliticReadings(tok.norm)) {
    if (r.prefix.includes('ال')) continue;
    if (REPORTING.has(r.stem) || SOURCE_PREPOSITIONS.has(r.stem)) return true;
  }
  return false;
}

/** «بيان», «ببيان», «والبيان»: a written statement, whose owner may speak through it. */
export function isStatement(tok: Token): boolean {
  for (const r of cliticReadings(tok.norm)) if (!r.prefix.includes('ال') && STATEMENT_STEMS.has(r.stem)) return true;
  return false;
}

export function isDefiniteStatement(tok: Token): boolean {
  for (const r of cliticReadings(tok.norm)) if (!r.prefix.includes('ال') && r.stem === THE_STATEMENT) return true;
  return false;
}

/**
 * A reporting cue at token t: a reporting verb, «وجاء في البيان» where the statement itself reports,
 * «جاء فيه» after a document, or a speech-act noun with its agent right after it («قول X»).
 */
export function isCueAt(s: Scene, t: number): boolean {
  const { tokens } = s;
  const tok = tokens[t]!;
  if (isCue(tok)) return true;
  if (CAME_VERBS.has(tok.norm) && IN_IT.has(tokens[t + 1]?.norm ?? '')) return true;
  if (SPEECH_ACT_NOUNS.has(stripConj(tok.norm)) && speechAgent(s, t)) return true;
  return t >= 2 && isStatement(tok) && tokens[t - 1]!.norm === FI && CAME_VERBS.has(tokens[t - 2]!.norm);
}

/** «قول هاردينغ», «إعلان شركة «X»»: the person or body named right after a speech-act noun, or after its head word. */
function speechAgent(s: Scene, t: number): MentionRef | null {
  const head = s.tokens[t + 1];
  const at = head && !s.mentionAt[t + 1] && ORG_HEADS.has(head.norm) ? t + 2 : t + 1;
  const m = s.mentionAt[at];
  return m && m.first === at && m.actor.type !== 'place' && s.inMarks[at] !== 2 ? m : null;
}

/**
 * Who speaks through «البيان» at token t: the owner named right after a statement noun («بيان
 * للرئاسة», «البيان الصادر عن الوزارة») or, for «وقال X في بيان», the subject of that sentence —
 * taken from the nearest statement noun at or before t that has one, within a bounded look-back.
 */
export function statementOwner(s: Scene, t: number): MentionRef | null {
  const { text, tokens, mentionAt, inMarks } = s;
  const stop = Math.max(0, t - LOOKBACK);
  for (let k = t; k >= stop; k--) {
    if (inMarks[k] || !isStatement(tokens[k]!)) continue;
    for (let j = k + 1; j < Math.min(tokens.length, k + 5) && joined(text, tokens[j - 1]!, tokens[j]!); j++) {
      const m = mentionAt[j];
      if (m && m.actor.type !== 'place') return m;
      // «البيان على أن البابا ...»: only «عن»/«لـ»/«الصادر» link a statement to its owner.
      if (tokens[j]!.norm !== AN && FUNCTION_WORDS.has(tokens[j]!.norm)) break;
    }
    if (k === t) continue;
    // «وقال الوزير X في بيان»: the nearest name before the statement in its sentence.
    for (let j = k - 1; j >= Math.max(stop, k - 12); j--) {
      if (sentenceEndBetween(text, tokens[j]!.end, tokens[j + 1]!.start)) break;
      const m = mentionAt[j];
      if (m && !inMarks[j] && m.actor.type !== 'place') return m;
    }
  }
  return null;
}

/**
 * A person mention within a few joined tokens, before «إن/أن», or set off by one comma right after
 * the title («العميل الخاص في مكتب التحقيقات، X:»).
 */
export function personInPhrase(s: Scene, from: number, limit: number): MentionRef | null {
  const { text, tokens, mentionAt } = s;
  for (let t = from; t < Math.min(limit, from + 6); t++) {
    const m = mentionAt[t];
    if (!joined(text, tokens[t - 1]!, tokens[t]!)) {
      const apposed = /^\s*[،,]\s*$/.test(text.slice(tokens[t - 1]!.end, tokens[t]!.start)) && m?.first === t;
      return apposed && m.actor.type === 'person' ? m : null;
    }
    if (COMPLEMENTIZERS.has(tokens[t]!.norm)) return null;
    if (m && m.actor.type === 'person') return m;
  }
  return null;
}

export function stripConj(n: string): string {
  return n.length > 3 && (n[0] === 'و' || n[0] === 'ف') ? n.slice(1) : n;
}

/**
 * «لوكالة», «بصحيفة», «لتلفزيون»: a preposition glued to the head of an outlet or body; it ends an
 * unnamed source's description («مصدر مطلع لوكالة «رويترز»») and puts the name after it in its phrase.
 */
export function headWithPreposition(tok: Token): boolean {
  for (const r of cliticReadings(tok.norm)) {
    // «مصدر في الوزارة» goes on: only a preposition glued to the head («لوكالة», «بصحيفة») ends it.
    const preposition = r.prefix.replace(/ال$/, '');
    if (preposition !== '' && preposition !== 'و' && (ORG_HEADS.has(r.stem) || NAMING_HEADS.has(r.stem))) return true;
  }
  return false;
}

/** «مصدر مطلع», «مسؤول كبير في الخارجية الأمريكية», «مسؤول رفض الكشف عن اسمه». */
export function anonymousAt(s: Scene, from: number, limit: number): Speaker {
  const { text, tokens } = s;
  let end = from;
  while (end + 1 < limit && end - from < 7) {
    const next = tokens[end + 1]!;
    const namingWithheld = WITHHOLDING_WORDS.has(tokens[end]!.norm);
    if (
      !joined(text, tokens[end]!, next) ||
      COMPLEMENTIZERS.has(next.norm) ||
      (isCue(next) && !namingWithheld) ||
      headWithPreposition(next) ||
      // «مصدر عسكري لـCNN»: «لـ» with a tatweel opens whom the source spoke to.
      next.text.startsWith('لـ') ||
      // «عن مسؤولين وصفهم للحادث بأنه»: their words, not their description.
      /^(?:قول|وصف|تصريح|تصريحات)(?:ه|ها|هم|هما)$/.test(next.norm)
    )
      break;
    end++;
  }
  return { actorId: null, name: text.slice(tokens[from]!.start, tokens[end]!.end), kind: 'anonymous' };
}

/** A full stop, «!», «?» or «؟» in text[from, to), without slicing (called per token in look-backs). */
export function sentenceEndBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 46 || c === 33 || c === 63 || c === 0x61f) return true;
  }
  return false;
}

/** Closing minus opening round brackets in text[from, to). */
export function parenDelta(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 41) n++;
    else if (c === 40) n--;
  }
  return n;
}

/** The first token ending after pos. */
export function tokenAt(tokens: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function paragraphIndex(text: string): (pos: number) => number {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  return (pos: number) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** A word of a role phrase compared without its clitics and article: «للأمين» and «الأمين» → «امين». */
function roleCore(word: string): string {
  let w = normalize(word);
  if (w.startsWith('لل')) w = `ال${w.slice(2)}`;
  if (w.length > 4 && (w[0] === 'و' || w[0] === 'ف')) w = w.slice(1);
  if (w.length > 4 && (w[0] === 'ب' || w[0] === 'ل') && w.startsWith('ال', 1)) w = w.slice(1);
  return w.startsWith('ال') && w.length > 4 ? w.slice(2) : w;
}

function roleCores(phrase: string): string[] {
  return phrase.split(/\s+/).filter(Boolean).map(roleCore);
}

/**
 * «الوزير», «الخبير البيئي», «الرئيس الأميركي» standing for a person the article already named with
 * that role: the head word must agree and the shorter of the two phrases must lie within the longer
 * («الفنان» against «الفنان اللبناني»). Among several, the most words in common, then the person
 * named last before the role. Otherwise the role stays an anonymous speaker.
 */
export function resolveRole(s: Scene, role: RoleSpan): Speaker {
  const { text, tokens } = s;
  const phrase = text.slice(tokens[role.first]!.start, tokens[role.last]!.end);
  const words = roleCores(phrase);
  const at = tokens[role.first]!.start;
  const construct = words.length > 1 && !/^[وف]?(?:ال|لل)/.test(tokens[role.first]!.norm);
  let best: { actor: Actor; shared: number; lastSeen: number } | null = null;
  for (const actor of s.actors) {
    if (actor.type !== 'person' || !actor.role) continue;
    const own = roleCores(actor.role);
    if (own[0] !== words[0]) continue;
    const [shorter, longer] = own.length <= words.length ? [own, words] : [words, own];
    // «المدرب الإسباني» for «مدرب المنتخب»: extra words that are only nationality adjectives still fit.
    const fits = shorter.every((w) => longer.includes(w)) || words.every((w, k) => k === 0 || own.includes(w) || isNisba(w));
    // «رئيس الوزراء» is not «الرئيس»: the noun a head without «ال» governs makes another office.
    if (construct && !own.includes(words[1]!) && !isNisba(words[1]!)) continue;
    if (!fits) continue;
    let lastSeen = -1;
    for (const m of actor.mentions) if (m.start < at) lastSeen = Math.max(lastSeen, m.start);
    if (lastSeen < 0) continue;
    if (!best || shorter.length > best.shared || (shorter.length === best.shared && lastSeen > best.lastSeen)) {
      best = { actor, shared: shorter.length, lastSeen };
    }
  }
  if (best) return { actorId: best.actor.id, name: best.actor.name, kind: 'actor' };
  return { actorId: null, name: phrase, kind: 'anonymous' };
}

/**
 * «وقالت الوزارة» after «وزارة الخارجية»: the organization the article named last before `at` whose
 * name opens with the same head word, or null.
 */
export function bodyByHead(s: Scene, head: string, at: number): Speaker | null {
  const core = roleCore(head);
  let best: { actor: Actor; lastSeen: number } | null = null;
  for (const actor of s.actors) {
    if (actor.type !== 'organization' || roleCore(actor.name.split(/\s+/)[0] ?? '') !== core) continue;
    let lastSeen = -1;
    for (const m of actor.mentions) if (m.start < at) lastSeen = Math.max(lastSeen, m.start);
    if (lastSeen >= 0 && (!best || lastSeen > best.lastSeen)) best = { actor, lastSeen };
  }
  return best ? { actorId: best.actor.id, name: best.actor.name, kind: 'actor' } : null;
}

/** The mention at token t follows a preposition («عن X», «في X») or carries one («لبوتين», «بالوزير»). */
export function afterPreposition(s: Scene, t: number): boolean {
  const prev = s.tokens[t - 1];
  if (prev && joined(s.text, prev, s.tokens[t]!) && SPAN_PREPOSITIONS.has(prev.norm)) return true;
  return /^[وف]?[بل]/.test(s.tokens[t]!.norm) && !s.mentionAt[t]!.actor.aliases.some((a) => normalize(a) === s.tokens[t]!.norm);
}

/** A nationality or relation adjective without its article: «اسباني», «مصريه». */
function isNisba(core: string): boolean {
  return core.length > 3 && (core.endsWith('ي') || core.endsWith('يه'));
}
