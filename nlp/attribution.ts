// Who said each quotation: a reporting verb and its subject before the quote («وقال X إن «...»»),
// after it (««...»، قال X»), a colon («X: «...»»), pronoun-dropped continuations («وأضاف أن «...»»
// → the last speaker), role subjects, anonymous sources and agencies («نقلت رويترز عن مصدر ...»).
import { joined } from './gazetteer';
import {
  ABOUT_IT,
  ADJUNCT_PREPOSITIONS,
  AMMA,
  ANONYMOUS_HEADS,
  CAME_VERBS,
  COMPLEMENTIZERS,
  DESCRIBE_VERBS,
  FUNCTION_WORDS,
  NAMING_HEADS,
  ORG_HEADS,
  PASS_ON_VERBS,
  REPORTING,
  SOURCE_PREPOSITIONS,
  SPEECH_NOUNS,
  STATEMENT_NOUNS,
  STATEMENT_STEMS,
  TALK_VERBS,
  TURN_MARKERS,
} from './lexicon';
import { normalize } from './normalize';
import type { MarkedSpan } from './quotes';
import { cliticReadings } from './tokenize';
import type { Actor, Speaker, Token } from './types';

const ALA = normalize('على');
const ILA = normalize('إلى');

export interface Attribution {
  speaker: Speaker;
  cue: string | null;
}

interface MentionRef {
  actor: Actor;
  start: number;
  end: number;
  /** First and last token index. */
  first: number;
  last: number;
}

const WINDOW = 45;
/** Tokens looked back for the subject of a pronoun-dropped cue (a long news paragraph is ~150). */
const PRONOUN_LOOKBACK = 300;
const AN = normalize('عن');
const FI = normalize('في');
const THE_STATEMENT = normalize('البيان');
const SALLA = normalize('صلى');
const UNKNOWN: Speaker = { actorId: null, name: null, kind: 'unknown' };

/** «بيان», «ببيان», «والبيان»: a written statement, whose owner may speak through it. */
function isStatement(tok: Token): boolean {
  for (const r of cliticReadings(tok.norm)) if (!r.prefix.includes('ال') && STATEMENT_STEMS.has(r.stem)) return true;
  return false;
}

/** A reporting cue at token t, including «وجاء في البيان» where the statement itself reports. */
function isCueAt(tokens: readonly Token[], t: number): boolean {
  const tok = tokens[t]!;
  if (isCue(tok)) return true;
  return t >= 2 && isStatement(tok) && tokens[t - 1]!.norm === FI && CAME_VERBS.has(tokens[t - 2]!.norm);
}

/**
 * Who speaks through «البيان» at token t: the owner named right after a statement noun («بيان
 * للفاتيكان», «البيان الصادر عن الوزارة») or, for «وقال X في بيان», the subject of that sentence —
 * taken from the nearest statement noun at or before t that has one, within a bounded look-back.
 */
function statementOwner(
  text: string,
  tokens: readonly Token[],
  t: number,
  mentionAt: (MentionRef | undefined)[],
  inMarks: Uint8Array,
): MentionRef | null {
  const stop = Math.max(0, t - PRONOUN_LOOKBACK);
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

function isDefiniteStatement(tok: Token): boolean {
  for (const r of cliticReadings(tok.norm)) if (!r.prefix.includes('ال') && r.stem === THE_STATEMENT) return true;
  return false;
}

function isCue(tok: Token): boolean {
  for (const r of cliticReadings(tok.norm)) {
    if (r.prefix.includes('ال')) continue;
    if (REPORTING.has(r.stem) || SOURCE_PREPOSITIONS.has(r.stem)) return true;
  }
  return false;
}

/** Attribute every quotation in text order; `quotes` must be sorted by position. */
export function attributeQuotes(
  text: string,
  tokens: readonly Token[],
  quotes: readonly MarkedSpan[],
  actors: readonly Actor[],
  allMarked: readonly MarkedSpan[] = quotes,
  roles: readonly { first: number; last: number }[] = [],
): Attribution[] {
  const roleAt = new Map(roles.map((r) => [r.first, r]));
  // Token-level maps: which actor mention starts at / covers a token; which tokens sit inside marks.
  const mentionAt: (MentionRef | undefined)[] = new Array(tokens.length);
  const firstTokAt = (pos: number): number => lowerBound(tokens, pos);
  for (const actor of actors) {
    for (const m of actor.mentions) {
      const first = firstTokAt(m.start);
      let last = first;
      while (last + 1 < tokens.length && tokens[last + 1]!.start < m.end) last++;
      const ref = { actor, start: m.start, end: m.end, first, last };
      for (let t = first; t <= last; t++) mentionAt[t] = ref;
    }
  }
  // 1: inside any marks (names, terms, quotations); 2: inside a quotation.
  const inMarks = new Uint8Array(tokens.length);
  const quoted = new Set(quotes);
  for (const q of allMarked) {
    const end = q.close >= 0 ? q.close : q.end;
    const mark = quoted.has(q) ? 2 : 1;
    for (let t = firstTokAt(q.start); t < tokens.length && tokens[t]!.start < end; t++) inMarks[t] = mark;
  }
  const paragraphOf = paragraphIndex(text);
  const out: Attribution[] = [];
  let last: { speaker: Speaker; paragraph: number } | null = null;
  for (const q of quotes) {
    const openTok = firstTokAt(q.open);
    const closeTok = q.close >= 0 ? firstTokAt(q.close) : tokens.length;
    const para = paragraphOf(q.open);
    let result = fromLeft(text, tokens, openTok, q, mentionAt, inMarks, paragraphOf, para, roleAt);
    if (!result) result = fromRight(text, tokens, closeTok, q, mentionAt, paragraphOf, para, roleAt, inMarks);
    if (result && result.speaker === null) {
      result = {
        speaker: pronounSubject(text, tokens, result.cueTok ?? openTok, mentionAt, inMarks, paragraphOf, para, last, roleAt),
        cue: result.cue,
        cueTok: null,
      };
    }
    let speaker: Speaker = result?.speaker ?? (last ? last.speaker : UNKNOWN);
    if (!result && last && para - last.paragraph > 2) speaker = UNKNOWN;
    out.push({ speaker, cue: result?.cue ?? null });
    if (speaker.kind !== 'unknown') last = { speaker, paragraph: para };
  }
  return out;
}

interface Found {
  speaker: Speaker | null;
  cue: string;
  cueTok: number | null;
}

function speakerOf(m: MentionRef): Speaker {
  return { actorId: m.actor.id, name: m.actor.name, kind: 'actor' };
}

/** Subject after a cue token: a mention, an anonymous source, or «نقلت X عن Y» → Y. */
function subjectAfter(
  text: string,
  tokens: readonly Token[],
  cue: number,
  limit: number,
  mentionAt: (MentionRef | undefined)[],
  roleAt: Map<number, { first: number; last: number }>,
  inMarks: Uint8Array,
): Speaker | null {
  // «فقال صلى الله عليه وسلم»: the blessing names its bearer, the last one named with it.
  const subject = tokens[cue + 1];
  if (subject && cue + 1 < limit && subject.norm === SALLA) {
    for (let t = cue - 1; t >= Math.max(0, cue - PRONOUN_LOOKBACK); t--) {
      const m = mentionAt[t];
      if (m && !inMarks[t] && m.last === t && tokens[t + 1]?.norm === SALLA) return speakerOf(m);
    }
  }
  // «وتابع البيان», «وشدد البيان»: the statement speaks for its owner.
  if (subject && cue + 1 < limit && !mentionAt[cue + 1] && isDefiniteStatement(subject)) {
    const owner = statementOwner(text, tokens, cue + 1, mentionAt, inMarks);
    if (owner) return speakerOf(owner);
  }
  const naqal = PASS_ON_VERBS.has(tokens[cue]!.norm);
  let j = cue + 1;
  let seenSubject: MentionRef | null = null;
  let afterPhrase = false;
  for (let steps = 0; j < limit && steps < 10; steps++, j++) {
    const tok = tokens[j]!;
    const n = tok.norm;
    if (COMPLEMENTIZERS.has(n) && n !== ALA && n !== ILA) break;
    const punct = text.slice(tokens[j - 1]!.end, tok.start);
    // «قالت وزيرة الخارجية الفرنسية، كاترين كولونا، إنها»: a person set off by commas after a title is the subject.
    const apposed = /^[\s،,]+$/.test(punct) && mentionAt[j]?.actor.type === 'person';
    if (/[.،,:؛]/.test(punct) && steps > 0 && !seenSubject && !apposed) break;
    // «نقلت وكالة بلومبرج قول الأمير محمد بن سلمان إن ...»: the agency reports someone's words.
    if (naqal && seenSubject && SPEECH_NOUNS.has(n)) {
      const after = subjectAfter(text, tokens, j, limit, mentionAt, roleAt, inMarks);
      if (after) return after;
      break;
    }
    if (n === AN && (naqal || seenSubject)) {
      const after = subjectAfter(text, tokens, j, limit, mentionAt, roleAt, inMarks);
      if (after) return after;
      break;
    }
    const m = mentionAt[j];
    if (m && !seenSubject && afterPhrase && m.actor.type !== 'person') {
      j = m.last;
      continue;
    }
    if (m && !seenSubject) {
      if (m.actor.type !== 'place' || steps === 0) {
        // «دعا الأمين العام للأمم المتحدة أنطونيو غوتيريش»: the organization is part of a title
        // whose person follows in the same phrase.
        const person = m.actor.type === 'person' ? null : personInPhrase(text, tokens, m.last + 1, limit, mentionAt);
        if (person) {
          j = person.first;
          continue;
        }
        seenSubject = m;
        if (!naqal) {
          // «نقلت رويترز عن ...»: keep looking for «عن» when the verb is «نقل»; a person speaking
          // «عن» something («تحدث X عن شعور ...») speaks about it.
          const nextTok = tokens[m.last + 1];
          if (!(nextTok && nextTok.norm === AN) || m.actor.type === 'person') return speakerOf(m);
        }
        j = m.last;
        continue;
      }
    }
    if (!seenSubject && !afterPhrase && ANONYMOUS_HEADS.has(stripConj(n))) return anonymous(text, tokens, j, limit);
    // «وأوضح الناطق باسم وزارة الصحة»: an official named only by role.
    const role = roleAt.get(j);
    if (!seenSubject && !m && role && !afterPhrase) {
      return { actorId: null, name: text.slice(tokens[role.first]!.start, tokens[role.last]!.end), kind: 'anonymous' };
    }
    // «وكتب على منصته وزير المالية سامي يوسف»: after a prepositional phrase only a person is the subject.
    if (steps === 0 && !m && FUNCTION_WORDS.has(n)) afterPhrase = true;
  }
  return seenSubject ? speakerOf(seenSubject) : null;
}

/** A person mention within a few joined tokens, before any comma or «إن/أن». */
function personInPhrase(
  text: string,
  tokens: readonly Token[],
  from: number,
  limit: number,
  mentionAt: (MentionRef | undefined)[],
): MentionRef | null {
  for (let t = from; t < Math.min(limit, from + 6); t++) {
    if (!joined(text, tokens[t - 1]!, tokens[t]!) || COMPLEMENTIZERS.has(tokens[t]!.norm)) return null;
    const m = mentionAt[t];
    if (m && m.actor.type === 'person') return m;
  }
  return null;
}

function stripConj(n: string): string {
  return n.length > 3 && (n[0] === 'و' || n[0] === 'ف') ? n.slice(1) : n;
}

/** «مصدر مطلع لوكالة «رويترز»»: a preposition before an outlet or agency ends the description. */
function stopsAnonymous(tok: Token): boolean {
  for (const r of cliticReadings(tok.norm)) if (r.prefix !== '' && (ORG_HEADS.has(r.stem) || NAMING_HEADS.has(r.stem))) return true;
  return false;
}

/** «مصدر مطلع», «مسؤول كبير في الخارجية الأمريكية», «مسؤول رفض الكشف عن اسمه». */
function anonymous(text: string, tokens: readonly Token[], from: number, limit: number): Speaker {
  let end = from;
  while (end + 1 < limit && end - from < 7) {
    const next = tokens[end + 1]!;
    if (!joined(text, tokens[end]!, next) || COMPLEMENTIZERS.has(next.norm) || isCue(next) || stopsAnonymous(next)) break;
    end++;
  }
  return { actorId: null, name: text.slice(tokens[from]!.start, tokens[end]!.end), kind: 'anonymous' };
}

function fromLeft(
  text: string,
  tokens: readonly Token[],
  openTok: number,
  q: MarkedSpan,
  mentionAt: (MentionRef | undefined)[],
  inMarks: Uint8Array,
  paragraphOf: (pos: number) => number,
  para: number,
  roleAt: Map<number, { first: number; last: number }>,
): Found | null {
  // A colon right before the quote: «X: «...»». A person right before the colon is the speaker;
  // otherwise a reporting verb earlier in the sentence decides, and only then the mention before «:».
  const lead = text.slice(tokens[openTok - 1]?.end ?? 0, q.open);
  let colonMention: MentionRef | null = null;
  if (lead.includes(':') && openTok > 0) {
    for (let t = openTok - 1; t >= Math.max(0, openTok - 4); t--) {
      // «X (تصدرها الكلية): «...»»: a name inside an aside right before the colon is not the speaker.
      if (text.slice(tokens[t]!.end, q.open).includes(')')) break;
      const m = mentionAt[t];
      if (m && m.actor.type !== 'place') {
        if (m.actor.type === 'person' && m.last === openTok - 1) return { speaker: speakerOf(m), cue: ':', cueTok: t };
        colonMention = m;
        break;
      }
      if (isCue(tokens[t]!)) break;
    }
  }
  let nearest: Found | null = null;
  let adjunct: Found | null = null;
  // Depth of brackets between the token and the quote: «وقال X (وكتب كتابا عن Y): «...»» — a verb
  // inside an aside does not introduce the quotation after it.
  let aside = 0;
  for (let t = openTok - 1, steps = 0; t >= 0 && steps < WINDOW; t--, steps++) {
    const tok = tokens[t]!;
    if (paragraphOf(tok.start) !== para) break;
    const gapEnd = tokens[t + 1]?.start ?? q.open;
    aside = Math.max(0, aside + parenDelta(text, tok.end, gapEnd));
    // «وقال X: «...». وتابع: «...»»: a verb without a subject is not completed across an earlier quotation.
    if (inMarks[t] === 2 && nearest) break;
    if (inMarks[t]) continue;
    if (!inMarks[t + 1] && sentenceEndBetween(text, tok.end, gapEnd)) break;
    if (aside > 0 || !isCueAt(tokens, t)) continue;
    // «وأما الوزارة فأعلنت أن»: the topic of «أما» is the subject of the verb with «ف».
    const topic = mentionAt[t - 1];
    if (topic && topic.actor.type !== 'place' && tok.norm[0] === 'ف' && isAmma(tokens[topic.first - 1])) {
      return { speaker: speakerOf(topic), cue: tok.text, cueTok: t };
    }
    // «الأغنية التي ... كتب كلماتها الشاعر X»: a verb with an object of its own is not reporting speech.
    if (hasObject(text, tokens, t, mentionAt)) continue;
    // «خامنئي يصف ترامب بـ«...»»: a present-tense verb right after a name has that name as subject.
    const before = mentionAt[t - 1];
    if (before && before.actor.type !== 'place' && /^[يت]/.test(tok.norm) && !inMarks[t - 1]) {
      return { speaker: speakerOf(before), cue: tok.text, cueTok: t };
    }
    // «ووصف الرئيس X بـ«المجرمين»»: the one described is the object; the subject spoke earlier.
    if (describesAs(text, tokens, t, q)) {
      nearest ??= { speaker: null, cue: tok.text, cueTok: t };
      continue;
    }
    const speaker = subjectAfter(text, tokens, t, openTok, mentionAt, roleAt, inMarks);
    // «وقال البابا في بيان للفاتيكان "..."»: a statement noun after a preposition is an adjunct of the
    // verb before it, whose subject spoke; the statement's owner speaks only when no verb is found.
    if (speaker && adjunctNoun(tokens, t)) {
      adjunct ??= { speaker, cue: tok.text, cueTok: t };
      continue;
    }
    if (speaker) return { speaker, cue: tok.text, cueTok: t };
    // «أن عبد العزيز، كتب في صفحته»: a bare verb right after a person has that person as subject
    // («... لوكاشينكو، وقال» starts a new clause with the earlier subject, so و/ف-verbs do not count).
    if (before && before.actor.type === 'person' && before.last === t - 1 && !inMarks[t - 1] && !/^[وف]/.test(tok.text)) {
      return { speaker: speakerOf(before), cue: tok.text, cueTok: t };
    }
    // A cue without a subject («في تصريحات») may sit after the verb that has one («وقال بوتين في تصريحات»).
    nearest ??= { speaker: null, cue: tok.text, cueTok: t };
  }
  // «وأضاف ...، كتبت عنها دورية X (تصدرها الكلية): «...»»: a name set apart from the colon yields to
  // the verb of the sentence, whose dropped subject is resolved later.
  if (colonMention && (colonMention.last === openTok - 1 || !nearest || adjunct)) {
    return { speaker: speakerOf(colonMention), cue: ':', cueTok: openTok - 1 };
  }
  return adjunct ?? nearest ?? (colonMention ? { speaker: speakerOf(colonMention), cue: ':', cueTok: openTok - 1 } : null);
}

function isAmma(tok: Token | undefined): boolean {
  return tok !== undefined && AMMA.has(tok.norm);
}

/** Closing minus opening round brackets in text[from, to). */
function parenDelta(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 41) n++;
    else if (c === 40) n--;
  }
  return n;
}

/** «وصف X بـ«...»»: a past-tense «وصف» (or «واصفا») whose quotation follows «بـ», with no comma between. */
function describesAs(text: string, tokens: readonly Token[], cue: number, q: MarkedSpan): boolean {
  if (!cliticReadings(tokens[cue]!.norm).some((r) => !r.prefix.includes('ال') && DESCRIBE_VERBS.has(r.stem))) return false;
  if (!/ب[\u0640]?\s*$/.test(text.slice(Math.max(0, q.open - 3), q.open))) return false;
  // «وصف الشيخ X، ...، ولي العهد Y، بـ«...»»: with commas the subject is named before the object.
  for (let k = tokens[cue]!.end; k < q.open; k++) if (text[k] === '،' || text[k] === ',') return false;
  return true;
}

/** «في بيان», «ببيان», «عبر تصريحات»: a statement noun inside a prepositional phrase. */
function adjunctNoun(tokens: readonly Token[], cue: number): boolean {
  const n = tokens[cue]!.norm;
  if (n.length > 3 && n[0] === 'ب' && STATEMENT_NOUNS.has(n.slice(1))) return true;
  const prev = tokens[cue - 1];
  return STATEMENT_NOUNS.has(n) && prev !== undefined && ADJUNCT_PREPOSITIONS.has(prev.norm);
}

/** The cue is followed by a noun carrying an object pronoun («كتب كلماتها»), so it reports no speech. */
function hasObject(text: string, tokens: readonly Token[], cue: number, mentionAt: (MentionRef | undefined)[]): boolean {
  const next = tokens[cue + 1];
  if (!next || !joined(text, tokens[cue]!, next) || mentionAt[cue + 1]) return false;
  const n = next.norm;
  // «مجلة كتبت عنها»: a verb about something («عنها», «عنه») is a relative clause, not a speech report.
  if (ABOUT_IT.has(n)) return true;
  if (FUNCTION_WORDS.has(n) || COMPLEMENTIZERS.has(n) || n.length < 5) return false;
  return /^[^وفبل].*(?:ها|هم|هما)$/.test(n);
}

function fromRight(
  text: string,
  tokens: readonly Token[],
  closeTok: number,
  q: MarkedSpan,
  mentionAt: (MentionRef | undefined)[],
  paragraphOf: (pos: number) => number,
  para: number,
  roleAt: Map<number, { first: number; last: number }>,
  inMarks: Uint8Array,
): Found | null {
  if (q.close < 0) return null;
  for (let t = closeTok, steps = 0; t < tokens.length && steps < 3; t++, steps++) {
    const tok = tokens[t]!;
    if (tok.start < q.close) continue;
    if (paragraphOf(tok.start) !== para) break;
    const gap = text.slice(tokens[t - 1]?.end ?? q.close, tok.start);
    if (/[.!?؟«"“]/.test(gap.replace(/^[»”"’]/, ''))) break;
    if (!isCue(tok)) continue;
    return {
      speaker: subjectAfter(text, tokens, t, Math.min(tokens.length, t + 10), mentionAt, roleAt, inMarks),
      cue: tok.text,
      cueTok: t,
    };
  }
  return null;
}

/**
 * The subject of a pronoun-dropped verb: the first person or organization of the nearest earlier
 * sentence in this paragraph that names one («بدوره، دعا لوكاشنكو ... وقال «...»»), else the last speaker.
 */
function pronounSubject(
  text: string,
  tokens: readonly Token[],
  cueTok: number,
  mentionAt: (MentionRef | undefined)[],
  inMarks: Uint8Array,
  paragraphOf: (pos: number) => number,
  para: number,
  last: { speaker: Speaker; paragraph: number } | null,
  roleAt: Map<number, { first: number; last: number }>,
): Speaker {
  let firstInSentence: MentionRef | null = null;
  let sawTurn = false;
  let sameSentence = true;
  let roleSpeaker: Speaker | null = null;
  let speakerInSentence: MentionRef | null = null;
  // Bounded look-back: one long paragraph full of quotations must not cost quadratic time.
  const stop = Math.max(0, cueTok - PRONOUN_LOOKBACK);
  let t = cueTok - 1;
  for (; t >= stop; t--) {
    const tok = tokens[t]!;
    if (paragraphOf(tok.start) !== para) break;
    // A sentence end after this token: the sentence already read named someone, so it decides.
    if (!inMarks[t] && sentenceEndBetween(text, tok.end, tokens[t + 1]?.start ?? tok.end)) {
      if (firstInSentence) break;
      speakerInSentence = null;
      sameSentence = false;
    }
    // «بدوره، دعا X ... وقال»: a turn marker hands the floor over only within its own sentence.
    if (sameSentence && TURN_MARKERS.has(stripConj(tok.norm).replace(/^ب/, 'ب'))) sawTurn = true;
    let m = mentionAt[t];
    // «وتابع البيان ...، مشيرا إلى «...»»: the statement stands for its owner.
    if (!m && !inMarks[t] && isDefiniteStatement(tok)) m = statementOwner(text, tokens, t, mentionAt, inMarks) ?? undefined;
    if (m && !inMarks[t] && m.actor.type !== 'place') firstInSentence = m;
    // «في الجامعة ...، كما قال X، أستاذ ...»: the person a verb of saying introduces outranks
    // the first name of the sentence.
    const said = !m && !inMarks[t] && isCue(tok) ? mentionAt[t + 1] : undefined;
    if (said && said.actor.type === 'person' && !inMarks[t + 1]) speakerInSentence = said;
    // «بدوره أشاد وزير الخارجية المصري ... فكتب يقول»: an official named only by role.
    const role = m || inMarks[t] ? undefined : roleAt.get(t);
    if (role && !firstInSentence) roleSpeaker = { actorId: null, name: text.slice(tok.start, tokens[role.last]!.end), kind: 'anonymous' };
  }
  if (!firstInSentence && roleSpeaker && !(last && last.paragraph === para)) return roleSpeaker;
  // «بدوره تحدث الشاعر X عن ...» then a paragraph «وقال: «...»»: the one the previous paragraph
  // introduced as speaking, when no quotation came after them.
  if (!firstInSentence && t >= stop) {
    const prev = paragraphOf(tokens[t]!.start);
    if (!last || last.paragraph < prev) {
      for (let k = t; k >= stop && paragraphOf(tokens[k]!.start) === prev; k--) {
        if (inMarks[k] || !(isCue(tokens[k]!) || TALK_VERBS.has(stripConj(tokens[k]!.norm)))) continue;
        const speaker = subjectAfter(text, tokens, k, t + 1, mentionAt, roleAt, inMarks);
        if (speaker && speaker.kind === 'actor') return speaker;
      }
    }
  }
  // «وصرح مسؤول كبير ... وأضاف أن «...»»: an unnamed source keeps the floor within its paragraph.
  if (last && !sawTurn && last.speaker.actorId === null && last.paragraph === para) return last.speaker;
  if (last && firstInSentence && !sawTurn) {
    // Prefer the running speaker when the paragraph mentions them.
    for (let t = cueTok - 1; t >= stop && paragraphOf(tokens[t]!.start) === para; t--) {
      const m = mentionAt[t];
      if (m && m.actor.id === last.speaker.actorId) return last.speaker;
    }
  }
  if (speakerInSentence) return speakerOf(speakerInSentence);
  if (firstInSentence) return speakerOf(firstInSentence);
  return last ? last.speaker : UNKNOWN;
}

/** A full stop, «!», «?» or «؟» in text[from, to), without slicing (called per token in look-backs). */
function sentenceEndBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 46 || c === 33 || c === 63 || c === 0x61f) return true;
  }
  return false;
}

function lowerBound(tokens: readonly Token[], pos: number): number {
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
