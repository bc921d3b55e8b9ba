// Who said each quotation: the engine that runs the construction tables of speaker-rules.ts over an
// article. Layouts are tried in order — a reporting cue before the quotation in its sentence (whose
// subject wins over a name right before a colon, «X: «...»», which decides only without one), a cue
// after it («...»، قال X») — and a cue without a subject goes to the dropped-subject table, where
// the verb's gender must agree with the candidate; a quotation with no cue goes to the no-cue table.

import type { Actor, Speaker, Token } from '../types/analysis';
import { joined } from './gazetteer';
import { ANONYMOUS_HEADS, CUE_GENDERS, FUNCTION_WORDS, REPORTING, SPAN_PREPOSITIONS, TALK_VERBS, TURN_MARKERS } from './lexicon';
import { normalize } from './normalize';
import type { MarkedSpan } from './quotes';
import { CUE_RULES, DROPPED_SUBJECT_RULES, type DroppedSubjectView, NO_CUE_RULES, type Running, subjectAfter } from './speaker-rules';
import {
  afterPreposition,
  anonymousAt,
  buildScene,
  headWithPreposition,
  isCue,
  isCueAt,
  isDefiniteStatement,
  LOOKBACK,
  type MentionRef,
  parenDelta,
  type RoleSpan,
  resolveRole,
  type Scene,
  sentenceEndBetween,
  speakerOf,
  statementOwner,
  stripConj,
  tokenAt,
  UNKNOWN,
} from './speaker-scene';
import { cliticReadings } from './tokenize';

export interface Attribution {
  speaker: Speaker;
  cue: string | null;
  /** The construction that decided («verb-subject», «colon-name», «running-speaker» ...). */
  rule: string;
}

/** «وهو», «وهي»: a description of someone named follows. */
const HE_SHE = new Set(['وهو', 'وهي', 'هو', 'هي'].map(normalize));

/** Tokens looked back from a quotation for its reporting cue. */
const WINDOW = 45;

interface Found {
  speaker: Speaker | null;
  cue: string;
  cueTok: number | null;
  rule: string;
}

/** Rules that read a subject the cue verb governs: its gender marking tells the subject's. */
const EXPLICIT_SUBJECT = new Set(['verb-subject', 'cue-after', 'subject-verb', 'amma-topic', 'person-then-bare-verb']);
/** Speakers remembered for agreement with a later pronoun-dropped verb. */
const HISTORY = 8;

/** Attribute every quotation in text order; `quotes` must be sorted by position. */
export function attributeQuotes(
  text: string,
  tokens: readonly Token[],
  quotes: readonly MarkedSpan[],
  actors: readonly Actor[],
  allMarked: readonly MarkedSpan[] = quotes,
  roles: readonly RoleSpan[] = [],
): Attribution[] {
  const s = buildScene(text, tokens, quotes, actors, allMarked, roles);
  const out: Attribution[] = [];
  const history: Running[] = [];
  // «قالت X» / «قال X»: the gender the article's verbs give each actor, for «وأضافت» to agree with.
  const genderOf = gendersNamed(s);
  for (const q of quotes) {
    const openTok = tokenAt(tokens, q.open);
    const para = s.paragraphOf(q.open);
    let found = cueBefore(s, openTok, q) ?? cueAfter(s, q, para);
    const gender = found?.cueTok != null ? cueGender(tokens[found.cueTok]!) : null;
    const agrees = (sp: Speaker) => !gender || !sp.actorId || (genderOf.get(sp.actorId) ?? gender) === gender;
    const knownToAgree = (id: string) => gender !== null && genderOf.get(id) === gender;
    const last = history.at(-1) ?? null;
    if (found && found.speaker === null) {
      const dropped = droppedSubject(s, found.cueTok ?? openTok, para, last, history, agrees, knownToAgree);
      found = { ...found, speaker: dropped.speaker, rule: `${found.rule}/${dropped.rule}` };
    }
    const attribution: Attribution = found
      ? { speaker: found.speaker!, cue: found.cue, rule: found.rule }
      : withoutCue(s, openTok, last, para);
    out.push(attribution);
    const id = attribution.speaker.actorId;
    if (id && gender && EXPLICIT_SUBJECT.has(attribution.rule) && !genderOf.has(id) && governs(s, found!.cueTok!, id))
      genderOf.set(id, gender);
    if (attribution.speaker.kind !== 'unknown') {
      history.push({ speaker: attribution.speaker, paragraph: para });
      if (history.length > HISTORY) history.shift();
    }
  }
  return out;
}

/** A quotation no cue introduces: the first entry of the no-cue table that answers. */
function withoutCue(s: Scene, openTok: number, last: Running | null, para: number): Attribution {
  for (const rule of NO_CUE_RULES) {
    const speaker = rule.read(s, openTok, last, para);
    if (speaker) return { speaker, cue: null, rule: `no-cue/${rule.name}` };
  }
  return { speaker: UNKNOWN, cue: null, rule: 'no-cue' };
}

type Gender = 'feminine' | 'masculine';

/**
 * «وقال أوفير X إنه ...», «وقالت ماريا X»: a reporting verb right before a person, anywhere in the
 * article (with a quotation or without), gives that person's gender; the first such verb decides.
 */
function gendersNamed(s: Scene): Map<string, Gender> {
  const genderOf = new Map<string, Gender>();
  for (let t = 0; t + 1 < s.tokens.length; t++) {
    const m = s.mentionAt[t + 1];
    if (!m || m.first !== t + 1 || m.actor.type !== 'person' || s.inMarks[t] || genderOf.has(m.actor.id)) continue;
    const gender = cueGender(s.tokens[t]!);
    if (gender) genderOf.set(m.actor.id, gender);
  }
  return genderOf;
}

/** «قالت X»: X is the first name after the verb, so the verb agrees with X (not «نقلت الوكالة قول X»). */
function governs(s: Scene, cueTok: number, actorId: string): boolean {
  for (let t = cueTok + 1; t < Math.min(s.tokens.length, cueTok + 6); t++) {
    const m = s.mentionAt[t];
    if (m) return m.actor.id === actorId;
  }
  return false;
}

/** «وقالت», «تضيف», «مضيفة» → feminine; «وقال», «يضيف», «مضيفا» → masculine; other cues → null. */
function cueGender(tok: Token): Gender | null {
  for (const r of cliticReadings(tok.norm)) {
    if (r.prefix.includes('ال')) continue;
    if (CUE_GENDERS.feminine.has(r.stem)) return 'feminine';
    if (CUE_GENDERS.masculine.has(r.stem)) return 'masculine';
  }
  return null;
}

/**
 * A name before a colon right before the quotation, or a reporting cue earlier in its sentence.
 * A person right before the colon is the speaker; otherwise a reporting verb earlier in the sentence
 * decides, and only then the mention before «:».
 */
function cueBefore(s: Scene, openTok: number, q: MarkedSpan): Found | null {
  const { text, tokens, mentionAt, inMarks, paragraphOf } = s;
  const para = paragraphOf(q.open);
  const lead = text.slice(tokens[openTok - 1]?.end ?? 0, q.open);
  let colonMention: MentionRef | null = null;
  if (lead.includes(':') && openTok > 0) {
    for (let t = openTok - 1; t >= Math.max(0, openTok - 4); t--) {
      // «X (تصدرها الكلية): «...»»: a name inside an aside right before the colon is not the speaker.
      if (text.slice(tokens[t]!.end, q.open).includes(')')) break;
      const m = mentionAt[t];
      if (m && m.actor.type !== 'place') {
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
    // «وقالت X: «...». ورد Y: «...»»: a sentence that ends after an earlier quotation ends the search.
    if (!inMarks[t + 1] && sentenceEndBetween(text, tok.end, gapEnd)) break;
    if (inMarks[t]) continue;
    // «بيري» reads as «بـ» + «يرى»: a word of a recognised name is no cue.
    if (aside > 0 || mentionAt[t] || !isCueAt(s, t)) continue;
    const reading = readCue(s, t, q, openTok);
    if (reading.kind === 'speaker') return { speaker: reading.speaker!, cue: tok.text, cueTok: t, rule: reading.rule };
    if (reading.kind === 'adjunct') adjunct ??= { speaker: reading.speaker!, cue: tok.text, cueTok: t, rule: reading.rule };
    if (reading.kind === 'subjectless') nearest ??= { speaker: null, cue: tok.text, cueTok: t, rule: reading.rule };
  }
  // «وأضاف ...، كتبت عنها دورية X (تصدرها الكلية): «...»»: a name set apart from the colon yields to
  // the verb of the sentence, whose dropped subject is resolved later.
  const colon = colonMention ? { speaker: speakerOf(colonMention), cue: ':', cueTok: openTok - 1, rule: 'colon-name' } : null;
  // «وكتب في تغريدة على موقع X:»: a name inside a prepositional phrase is where the verb wrote, not who.
  const colonInPhrase = colonMention !== null && inPrepositionalPhrase(s, colonMention.first);
  if (colon && !(nearest && colonInPhrase) && (colonMention!.last === openTok - 1 || !nearest || adjunct)) return colon;
  return adjunct ?? nearest ?? colon;
}

/**
 * The phrase starting at t follows a preposition within `depth` joined words («على موقع X», «على
 * ضرورة تمتع الفنان»): it belongs to that prepositional phrase, not to the subject.
 */
function inPrepositionalPhrase(s: Scene, t: number, depth = 2): boolean {
  const { text, tokens, mentionAt } = s;
  if (mentionAt[t] && afterPreposition(s, t)) return true;
  // «في «تويتر»»: an opening mark between the words keeps them in one phrase.
  const phrase = (a: number) => /^[\s«"“]*$/.test(text.slice(tokens[a]!.end, tokens[a + 1]!.start));
  for (let k = t - 1; k >= Math.max(0, t - depth) && phrase(k); k--) {
    if (SPAN_PREPOSITIONS.has(tokens[k]!.norm) || headWithPreposition(tokens[k]!)) return true;
    if (mentionAt[k]) return false;
  }
  return false;
}

/** The first entry of the cue table that reads token t; a cue no entry reads has no subject of its own. */
function readCue(s: Scene, t: number, q: MarkedSpan, limit: number): { kind: string; speaker?: Speaker; rule: string } {
  for (const rule of CUE_RULES) {
    const reading = rule.read(s, t, q, limit);
    if (reading) return { ...reading, rule: rule.name };
  }
  return { kind: 'subjectless', rule: 'cue-without-subject' };
}

/** ««...»، قال X»: a cue within three tokens after the closing mark, in the same sentence. */
function cueAfter(s: Scene, q: MarkedSpan, para: number): Found | null {
  const { text, tokens, paragraphOf } = s;
  if (q.close < 0) return null;
  for (let t = tokenAt(tokens, q.close), steps = 0; t < tokens.length && steps < 3; t++, steps++) {
    const tok = tokens[t]!;
    if (tok.start < q.close) continue;
    if (paragraphOf(tok.start) !== para) break;
    const gap = text.slice(tokens[t - 1]?.end ?? q.close, tok.start);
    if (/[.!?؟«"“]/.test(gap.replace(/^[»”"’]/, ''))) break;
    if (s.mentionAt[t] || !isCue(tok)) continue;
    return { speaker: subjectAfter(s, t, Math.min(tokens.length, t + 10)), cue: tok.text, cueTok: t, rule: 'cue-after' };
  }
  return null;
}

/**
 * Look back once from a subjectless cue, then let the dropped-subject table decide. A speaker whose
 * known gender disagrees with the verb («وقالت» after «وقال X») is passed over, and the running
 * speaker becomes the latest earlier one that agrees.
 */
function droppedSubject(
  s: Scene,
  cueTok: number,
  para: number,
  last: Running | null,
  history: readonly Running[],
  agrees: (sp: Speaker) => boolean,
  knownToAgree: (actorId: string) => boolean,
): { speaker: Speaker; rule: string } {
  const view = viewBack(s, cueTok, para, last, knownToAgree);
  let running = last;
  for (let k = history.length - 1; running && !agrees(running.speaker); k--) running = k >= 0 ? history[k]! : null;
  for (const rule of DROPPED_SUBJECT_RULES) {
    const speaker = rule.read(view, running);
    if (speaker && agrees(speaker)) return { speaker, rule: rule.name };
  }
  return { speaker: UNKNOWN, rule: 'nobody' };
}

function viewBack(
  s: Scene,
  cueTok: number,
  para: number,
  last: Running | null,
  knownToAgree: (actorId: string) => boolean,
): DroppedSubjectView {
  const { text, tokens, mentionAt, inMarks, roleAt, paragraphOf } = s;
  const view: DroppedSubjectView = {
    firstInSentence: null,
    saidInSentence: null,
    roleSpeaker: null,
    turn: false,
    introduced: null,
    lastNamedInParagraph: false,
    agreeingNamed: null,
    unnamedInSentence: null,
    namedInSentence: false,
    pluralGroup: isPluralCue(tokens[cueTok]!) ? groupBefore(s, cueTok, para) : null,
    para,
  };
  // «لكنها أضافت ... وكتبت:»: the latest person of the paragraph whom the article's verbs give the cue's gender.
  for (let k = cueTok - 1; k >= Math.max(0, cueTok - LOOKBACK) && paragraphOf(tokens[k]!.start) === para; k--) {
    const m = mentionAt[k];
    if (m && !inMarks[k] && m.actor.type === 'person' && knownToAgree(m.actor.id)) {
      view.agreeingNamed = speakerOf(m);
      break;
    }
  }
  let sameSentence = true;
  // Bounded look-back: one long paragraph full of quotations must not cost quadratic time.
  const stop = Math.max(0, cueTok - LOOKBACK);
  let t = cueTok - 1;
  for (; t >= stop; t--) {
    const tok = tokens[t]!;
    if (paragraphOf(tok.start) !== para) break;
    // A sentence end after this token: the sentence already read named someone, so it decides.
    if (!inMarks[t] && sentenceEndBetween(text, tok.end, tokens[t + 1]?.start ?? tok.end)) {
      if (view.firstInSentence) break;
      view.saidInSentence = null;
      sameSentence = false;
    }
    // «بدوره، دعا X ... وقال»: a turn marker hands the floor over only within its own sentence.
    if (sameSentence && TURN_MARKERS.has(stripConj(tok.norm))) view.turn = true;
    let m = mentionAt[t];
    // «وتابع البيان ...، مشيرا إلى «...»»: the statement stands for its owner.
    if (!m && !inMarks[t] && isDefiniteStatement(tok)) m = statementOwner(s, t) ?? undefined;
    // «وعن سؤال عن X، قال:»: a name inside a prepositional phrase is not the subject of the sentence.
    if (m && !inMarks[t] && m.actor.type !== 'place' && !(m.first === t && afterPreposition(s, t))) {
      view.firstInSentence = m;
      if (sameSentence) view.namedInSentence = true;
    }
    // «عندما اقترب منها شخص ... وقال لها:»: an unnamed subject of the cue's own sentence; not one
    // inside a prepositional phrase, nor a description of someone named («X، وهو محلل ...»).
    const prevTok = tokens[t - 1]?.norm ?? '';
    if (
      sameSentence &&
      !m &&
      !inMarks[t] &&
      ANONYMOUS_HEADS.has(stripConj(tok.norm)) &&
      !SPAN_PREPOSITIONS.has(prevTok) &&
      !HE_SHE.has(prevTok)
    )
      view.unnamedInSentence = anonymousAt(s, t, cueTok);
    // «في الجامعة ...، كما قال X، أستاذ ...»: the person a verb of saying introduces outranks
    // the first name of the sentence.
    const said = !m && !inMarks[t] && isCue(tok) ? mentionAt[t + 1] : undefined;
    if (said && said.actor.type === 'person' && !inMarks[t + 1]) view.saidInSentence = said;
    const role = m || inMarks[t] ? undefined : roleAt.get(t);
    if (role && !view.firstInSentence && !inPrepositionalPhrase(s, t, 3)) view.roleSpeaker = resolveRole(s, role);
  }
  // «بدوره تحدث الشاعر X عن ...» then a paragraph «وقال: «...»»: the one the previous paragraph
  // introduced as speaking, when no quotation came after them.
  if (!view.firstInSentence && t >= stop) {
    const prev = paragraphOf(tokens[t]!.start);
    if (!last || last.paragraph < prev) {
      for (let k = t; k >= stop && paragraphOf(tokens[k]!.start) === prev; k--) {
        // «ويأمل X ...» opening the paragraph: its subject is who the next paragraph is about.
        const opening = mentionAt[k + 1];
        const opener =
          (k === 0 || paragraphOf(tokens[k - 1]!.start) !== prev) && opening?.first === k + 1 && opening.actor.type === 'person';
        if (inMarks[k] || !(isCue(tokens[k]!) || TALK_VERBS.has(stripConj(tokens[k]!.norm)) || opener)) continue;
        const speaker = subjectAfter(s, k, t + 1);
        if (speaker && speaker.kind === 'actor') {
          view.introduced = speaker;
          break;
        }
      }
    }
  }
  if (last && view.firstInSentence && !view.turn) {
    for (let k = cueTok - 1; k >= stop && paragraphOf(tokens[k]!.start) === para; k--) {
      if (mentionAt[k]?.actor.id === last.speaker.actorId) {
        view.lastNamedInParagraph = true;
        break;
      }
    }
  }
  return view;
}

/** «وأكدوا», «يقولون», «مضيفين»: a reporting verb or participle in the plural. */
function isPluralCue(tok: Token): boolean {
  for (const r of cliticReadings(tok.norm)) {
    const stem = /^(.{2,})(?:وا|ون|ين)$/.exec(r.stem)?.[1];
    if (!r.prefix.includes('ال') && stem && (REPORTING.has(stem) || REPORTING.has(`${stem}ا`))) return true;
  }
  return false;
}

/**
 * «رحبت قيادات عسكرية ...»: the nearest earlier sentence of this paragraph or the one before that opens
 * with a verb and an unnamed plural noun («-ات», «-ون», «-ين») as its subject; that group speaks.
 */
function groupBefore(s: Scene, cueTok: number, para: number): Speaker | null {
  const { text, tokens, mentionAt, inMarks, paragraphOf } = s;
  for (let t = cueTok - 1; t >= Math.max(0, cueTok - LOOKBACK) && para - paragraphOf(tokens[t]!.start) <= 2; t--) {
    const before = tokens[t - 1];
    const opens =
      !before || paragraphOf(before.start) !== paragraphOf(tokens[t]!.start) || sentenceEndBetween(text, before.end, tokens[t]!.start);
    if (!opens) continue;
    const verb = tokens[t]!;
    const head = tokens[t + 1];
    if (!head || t + 1 >= cueTok || mentionAt[t] || mentionAt[t + 1] || inMarks[t] || inMarks[t + 1]) continue;
    if (verb.norm.startsWith('ال') || FUNCTION_WORDS.has(stripConj(verb.norm)) || !joined(text, verb, head)) continue;
    const plural = /(?:ات|ون|ين)$/.exec(head.norm)?.[0];
    if (head.norm.length < 5 || !plural || head.norm.startsWith('ال')) continue;
    // «قيادات عسكرية», «مسؤولون عسكريون»: the head and the adjectives that agree with it.
    let end = t + 1;
    const agrees = (n: string) => (plural === 'ات' ? /[ةه]$/.test(n) : n.endsWith(plural));
    while (
      end + 1 < cueTok &&
      end - t < 3 &&
      !mentionAt[end + 1] &&
      joined(text, tokens[end]!, tokens[end + 1]!) &&
      agrees(tokens[end + 1]!.norm)
    )
      end++;
    return { actorId: null, name: text.slice(head.start, tokens[end]!.end), kind: 'anonymous' };
  }
  return null;
}
