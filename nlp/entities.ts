// Named-entity spans from three sources: the gazetteer, the rule patterns and (optionally) a trained
// tagger. Gazetteer and pattern spans win on overlap; tagger-only spans are kept.

import type { EntityTag, Span, Tagger, Token } from '../types/analysis';
import { type GazetteerIndex, type GazetteerMatch, joined, matchGazetteer } from './gazetteer';
import { FUNCTION_WORDS, HONORIFIC_OPENERS, ORG_HEADS, PLACE_HEADS, REPORTING, TITLE_WORDS } from './lexicon';
import { normalize } from './normalize';
import {
  type Doc,
  findPatternHits,
  isDefinite,
  isNisbaOfPlace,
  makeDoc,
  nameStartOffset,
  type RolePhrase,
  startsSentenceWithVerb,
} from './patterns';
import { keepNames } from './precision';
import { cliticReadings } from './tokenize';

/** One recognised name in the text (offsets into the analysed text, clitics excluded). */
export interface EntitySpan extends Span {
  type: EntityTag;
  source: 'gazetteer' | 'pattern' | 'tagger';
  knowledgeId?: string;
  /** First and last token indices. */
  first: number;
  last: number;
  /** Title or role the text gives the name («الرئيس الروسي»). */
  role?: string | null;
  /** A role mention right before the name that stands for it («نظيره»). */
  roleMention?: Span | null;
  /** The name was written inside quotation marks after a head word («وكالة «تاس»»). */
  quotedName?: boolean;
  /** Only the family name of a known person matched. */
  surname?: boolean;
}

export interface EntityDeps {
  gazetteer: GazetteerIndex;
  tagger?: Tagger | null;
}

/** Everything the recognisers found: spans, bare role phrases and the shared document view. */
export interface Recognition {
  spans: EntitySpan[];
  roles: RolePhrase[];
  doc: Doc;
}

const TAG_OF = { person: 'PERS', organization: 'ORG', place: 'LOC' } as const;

/** Gazetteer, then patterns, then the tagger's spans where nothing else claimed the tokens. */
export function recognise(text: string, tokens: readonly Token[], deps: EntityDeps): Recognition {
  const gaz = dropGivenNamePlaces(text, tokens, deps.gazetteer, matchGazetteer(text, tokens, deps.gazetteer));
  const doc = makeDoc(text, tokens, deps.gazetteer, gaz);
  const spans: (EntitySpan | null)[] = gaz.map((m) => ({
    start: m.start,
    end: m.end,
    type: TAG_OF[m.entry.type],
    source: 'gazetteer',
    knowledgeId: m.entry.id,
    first: m.first,
    last: m.last,
    surname: m.kind === 'surname',
  }));
  const { hits, roles } = findPatternHits(doc);
  for (const h of hits) {
    const roleMention = h.roleMention ? { start: nameStartOffset(doc, h.roleMention.first), end: tokens[h.roleMention.last]!.end } : null;
    if (h.gazetteer) {
      // doc.covered already holds the match's index (matches do not overlap); indexOf only as a fallback.
      const c = doc.covered[h.gazetteer.first] ?? -1;
      const k = gaz[c] === h.gazetteer ? c : gaz.indexOf(h.gazetteer);
      const s = spans[k];
      if (s) {
        s.role = h.role;
        s.roleMention = roleMention;
        s.surname = false;
      }
      continue;
    }
    // A pattern span replaces the gazetteer spans it contains («جامعة تينيسي» over «تينيسي»).
    let partial = false;
    for (let t = h.first; t <= h.last; t++) {
      const k = doc.covered[t]!;
      if (k < 0) continue;
      const m = gaz[k]!;
      if (m.first >= h.first && m.last <= h.last) spans[k] = null;
      else partial = true;
    }
    if (partial) continue;
    spans.push({
      start: nameStartOffset(doc, h.first, h.type === 'PERS'),
      end: tokens[h.last]!.end,
      type: h.type,
      source: 'pattern',
      first: h.first,
      last: h.last,
      role: h.role,
      roleMention,
      quotedName: h.quotedName,
    });
  }
  let out = spans.filter((s): s is EntitySpan => s !== null);
  extendPersons(doc, out);
  if (deps.tagger) {
    const { tagger } = deps;
    const read = tagger.tagWithLoneMargins?.(tokens, text, out) ??
      tagger.tagWithMargins?.(tokens, text, out) ?? { tags: tagger.tag(tokens, text, out), margins: undefined };
    out = mergeTaggerSpans(doc, out, taggerSpans(text, tokens, read.tags), read.margins);
  }
  out = yieldToKnownPlaces(doc, out);
  const { tagger } = deps;
  out = keepNames(doc, splitCoordinated(doc, out), tagger?.corpusStats && ((word) => tagger.corpusStats?.(word) ?? null));
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return { spans: out, roles, doc };
}

/**
 * «وغادر ماكلين أديس أبابا»: a person span that runs into the first word of a place of several words
 * the lists know, and stops inside it, ends before it; the place is painted whole when nothing else holds it.
 */
function yieldToKnownPlaces(doc: Doc, spans: EntitySpan[]): EntitySpan[] {
  const out: EntitySpan[] = [];
  const taken = new Uint8Array(doc.tokens.length);
  for (const s of spans) for (let t = s.first; t <= s.last; t++) taken[t] = 1;
  for (const s of spans) {
    const k = s.type === 'PERS' && s.source !== 'gazetteer' ? doc.covered[s.last]! : -1;
    const m = k >= 0 ? doc.gaz[k] : undefined;
    if (m?.entry.type !== 'place' || m.first <= s.first || m.last <= s.last) {
      out.push(s);
      continue;
    }
    out.push({ ...s, last: m.first - 1, end: doc.tokens[m.first - 1]!.end });
    let free = true;
    for (let t = s.last + 1; t <= m.last; t++) free &&= !taken[t];
    if (!free) continue;
    out.push({ start: m.start, end: m.end, type: 'LOC', source: 'gazetteer', knowledgeId: m.entry.id, first: m.first, last: m.last });
    for (let t = m.first; t <= m.last; t++) taken[t] = 1;
  }
  return out;
}

/**
 * A one-word place, organization or famous surname that is also a given name, followed by another
 * name word, is the start of a person's name («سيرجي لافروف», not the town «سيرجي»; «حسين العطار»,
 * not Saddam Hussein).
 */
function dropGivenNamePlaces(text: string, tokens: readonly Token[], index: GazetteerIndex, gaz: GazetteerMatch[]): GazetteerMatch[] {
  const startsAt = new Set(gaz.map((m) => m.first));
  return gaz.filter((m) => {
    if ((m.entry.type === 'person' && m.kind !== 'surname') || m.first !== m.last) return true;
    const tok = tokens[m.first]!;
    // «ودان بوتين»: a reporting verb with «و/ف» glued on, not the town of the same letters.
    if (startsSentenceWithVerb(tok.norm)) return false;
    const next = tokens[m.first + 1];
    if (!next || !joined(text, tok, next)) return true;
    // «منطقة تبوك رفعت جاهزيتها»: after a place head the word is the place, whatever follows.
    const before = tokens[m.first - 1];
    if (before && cliticReadings(before.norm).some((r) => PLACE_HEADS.has(r.stem))) return true;
    // «سالم بن راشد»: a word before «بن/بنت» is a given name, whatever place has its letters.
    if (next.norm === 'بن' || next.norm === 'بنت') return false;
    // «أشتون كارتر», «كاغان واغنر»: a small town's name before a name word is a given name.
    const minorPlace = m.entry.type === 'place' && isMinorOneWord(index, tok.norm);
    if (minorPlace && (index.nameTokens.has(next.norm) || startsAt.has(m.first + 1)) && !index.common.has(next.norm)) return false;
    if (!index.firstNames.has(tok.norm)) return true;
    if (startsAt.has(m.first + 1) || index.common.has(next.norm)) return true;
    if (next.norm.startsWith('ال') && m.kind !== 'surname') return true;
    return false;
  });
}

function isMinorOneWord(index: GazetteerIndex, norm: string): boolean {
  const list = index.phrases.get(norm);
  return !!list && list.every((p) => p.rest.length > 0 || p.minor);
}

/**
 * Name words right around a person's name belong to it: «سيغمار غابريل» when only «غابريل» was
 * found, «بن لادن» for «لادن», «كارلو ماريا فيغانو» for «كارلو ماريا». At most two words before and
 * one after, and only words known from name lists (never everyday words, titles or «ال» words).
 */
function extendPersons(doc: Doc, spans: EntitySpan[]): void {
  const { tokens, index } = doc;
  const taken = new Uint8Array(tokens.length);
  for (const s of spans) for (let t = s.first; t <= s.last; t++) taken[t] = 1;
  const nameWord = (i: number): boolean => {
    const n = tokens[i]!.norm;
    if (index.common.has(n) || FUNCTION_WORDS.has(n) || TITLE_WORDS.has(n) || ORG_HEADS.has(n) || REPORTING.has(n)) return false;
    if (isDefinite(doc, i) || /^[وف]/.test(n)) return false;
    return index.nameTokens.has(n) || index.firstNames.has(n);
  };
  for (const s of spans) {
    if (s.type !== 'PERS' || s.source === 'tagger') continue;
    let f = s.first;
    while (f > 0 && s.first - f < 2 && !taken[f - 1] && joined(doc.text, tokens[f - 1]!, tokens[f]!)) {
      const n = tokens[f - 1]!.norm;
      if (n !== 'بن' && n !== 'ابن' && !nameWord(f - 1)) break;
      f--;
    }
    let l = s.last;
    if (l + 1 < tokens.length && !taken[l + 1] && joined(doc.text, tokens[l]!, tokens[l + 1]!) && nameWord(l + 1)) l++;
    if (f === s.first && l === s.last) continue;
    for (let t = f; t <= l; t++) taken[t] = 1;
    if (s.surname) {
      // The longer name is not the famous person the family name alone pointed to.
      s.surname = false;
      s.knowledgeId = undefined;
      s.source = 'pattern';
    }
    s.first = f;
    s.last = l;
    s.start = tokens[f]!.start;
    s.end = tokens[l]!.end;
  }
}

/**
 * «وسامي قداح», «وسلامي وقداح», «كوفي وسيدو كامارا»: a person's span starts after a conjunction glued to
 * a name and ends before «و» glued to a second name. A name word is one of the name lists or of another
 * person span; a word that is itself a name («وليد», «ويلسون») is never cut.
 */
const AFTER_NASAB = new Set(['بن', 'ابن', 'بنت', 'ابو', 'ام', 'ابي'].map(normalize));

function splitCoordinated(doc: Doc, spans: EntitySpan[]): EntitySpan[] {
  const { tokens, readings, index } = doc;
  const personWords = new Set<string>();
  for (const s of spans) if (s.type === 'PERS') for (let t = s.first; t <= s.last; t++) personWords.add(tokens[t]!.norm);
  const nameWord = (w: string) => index.firstNames.has(w) || index.nameTokens.has(w) || index.phrases.has(w) || personWords.has(w);
  /** Length of the conjunction glued before a name in token i, 0 when there is none. */
  const conjunction = (i: number): number => {
    const n = tokens[i]!.norm;
    // The name lists also hold clitic forms («واياد»): only a given name or a listed name is whole.
    if (!n.startsWith('و') || index.firstNames.has(n) || index.phrases.has(n)) return 0;
    // «بن وضاح»: after «بن/أبو» the word is the father's name, whatever its first letter.
    if (i > 0 && AFTER_NASAB.has(tokens[i - 1]!.norm)) return 0;
    // «الكوفي والدمشقي»: no name goes on with «و» + «ال»; that word opens a second name.
    return readings[i]?.some((r) => r.prefix === 'و' && (nameWord(r.stem) || r.stem.startsWith('ال'))) ? 1 : 0;
  };
  const out: EntitySpan[] = [];
  for (const span of spans) {
    if (span.type !== 'PERS' || span.source === 'gazetteer') {
      out.push(span);
      continue;
    }
    let first = span.first;
    // «الغاني أوسيبو»: a nationality before the name describes the person, as a title does.
    while (first < span.last && isNisbaOfPlace(tokens[first]!.norm, doc.placeWords)) first++;
    const s = first > span.first ? { ...span, first, start: tokens[first]!.start } : span;
    for (let k = s.first + 1; k <= s.last + 1; k++) {
      if (k <= s.last && conjunction(k) === 0) continue;
      const start = first === s.first && s.start > tokens[first]!.start ? s.start : tokens[first]!.start + conjunction(first);
      out.push({ ...s, first, last: k - 1, start, end: tokens[k - 1]!.end, role: first === s.first ? s.role : null });
      first = k;
    }
  }
  return out;
}

const O_PARTS = ['O'] as const;

/** BIO tags (B-PERS, I-PERS, O, ...) to token-range spans; a stray I- starts a span. */
export function taggerSpans(text: string, tokens: readonly Token[], tags: readonly string[]): EntitySpan[] {
  const out: EntitySpan[] = [];
  let cur: EntitySpan | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const tag = tags[i] ?? 'O';
    // 'O' is most tokens: no split for it.
    const [bio, type] = (tag === 'O' ? O_PARTS : tag.split('-')) as [string, EntityTag | undefined];
    const continues = cur && bio === 'I' && type === cur.type && /^\s*$/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
    if (continues && cur) {
      cur.end = tokens[i]!.end;
      cur.last = i;
      continue;
    }
    if (cur) out.push(cur);
    cur = null;
    if ((bio === 'B' || bio === 'I') && type && ['PERS', 'LOC', 'ORG', 'MISC'].includes(type)) {
      cur = { start: tokens[i]!.start, end: tokens[i]!.end, type, source: 'tagger', first: i, last: i };
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** Margin (in units of the tagger's largest feature weight) above which a lone unlisted word the tagger found stays a name. */
const LONE_WORD_MARGIN = 0.45;
/** «بالسقوط», «وبالسكوت»: an unlisted word with a preposition and the article glued on is a noun far more often than a name. */
const PREPOSITION_ARTICLE = /^[وف]?[بكل]ال/;
const PREPOSITION_ARTICLE_MARGIN = 1.3;

/**
 * The one place where tagger spans meet the rules. Where they overlap, the rules keep the span
 * when the tagger agrees on its extent, sees only part of it, or only lengthens it with the same
 * type; the tagger decides extent and type when its span crosses a rule span's edge, joins several
 * rule spans of its own type, or wraps one with another type («نادي ليون»/ORG over the city
 * «ليون»). A span the tagger takes over keeps the role of a same-type rule span in it. Tagger
 * spans nobody else found are added, except a lone title, a span opening on a blessing, function
 * word or reporting verb («صلى الله»), and a lone word the name lists have never seen (more often
 * an adjective than a name, «منفتحتان») unless the tagger calls it MISC or is sure of it (`margins`,
 * see Tagger.tagWithMargins); a clitic form of a rule-found name («لبوتين») starts after the clitic
 * and takes that name's type. Chosen on ANERcorp dev (eval:ner) and news-dev (npm run eval)
 * together: see nlp/model/MODEL-CARD.md. MISC spans are kept for the CoNLL output; buildActors skips them.
 */
function mergeTaggerSpans(doc: Doc, ruleSpans: EntitySpan[], tagged: EntitySpan[], margins?: readonly number[]): EntitySpan[] {
  const { tokens, readings, index } = doc;
  /** Index of the rule span covering each token, -1 for none. */
  const ruled = new Int32Array(tokens.length).fill(-1);
  /** The type the rules gave each word they recognised, so a clitic form joins that actor. */
  const ruleWords = new Map<string, EntityTag>();
  ruleSpans.forEach((r, k) => {
    for (let t = r.first; t <= r.last; t++) {
      ruled[t] = k;
      ruleWords.set(tokens[t]!.norm, r.type);
    }
  });
  const dropped = new Uint8Array(ruleSpans.length);
  const added: EntitySpan[] = [];
  for (const read of tagged) {
    // «ودان بوتين»: the verb that opens the sentence is not the first word of its subject's name.
    const t =
      read.first < read.last && startsSentenceWithVerb(tokens[read.first]!.norm)
        ? { ...read, first: read.first + 1, start: tokens[read.first + 1]!.start }
        : read;
    // A span opening on a blessing, a function word or a reporting verb is the tagger misreading prose («صلى الله»).
    const head = tokens[t.first]!.norm;
    if (HONORIFIC_OPENERS.has(head) || FUNCTION_WORDS.has(head) || REPORTING.has(head) || startsSentenceWithVerb(head)) continue;
    const over: number[] = [];
    for (let k = t.first; k <= t.last; k++) if (ruled[k]! >= 0 && !over.includes(ruled[k]!)) over.push(ruled[k]!);
    if (over.length > 0) {
      const r = ruleSpans[over[0]!]!;
      const contains = t.first <= r.first && t.last >= r.last;
      const inside = t.first >= r.first && t.last <= r.last;
      const wrapsOtherType = contains && !inside && t.type !== r.type;
      const crosses = !contains && !inside;
      if (over.length === 1 && !crosses && !wrapsOtherType) continue;
      // Joining names of different types («تينيسي بيل كيليان») is the tagger running two names together.
      if (over.length > 1 && over.some((k) => ruleSpans[k]!.type !== t.type)) continue;
      const same = over.map((k) => ruleSpans[k]!).find((x) => x.type === t.type && x.role);
      for (const k of over) dropped[k] = 1;
      added.push(same ? { ...t, role: same.role, roleMention: same.roleMention ?? null } : t);
      continue;
    }
    const token = tokens[t.first]!;
    if (t.first === t.last && TITLE_WORDS.has(token.norm)) continue;
    const clitic = readings[t.first]?.find((x) => x.prefix && ruleWords.has(x.stem));
    if (clitic && token.text.length === token.norm.length) {
      added.push({ ...t, start: token.start + clitic.prefix.length, type: ruleWords.get(clitic.stem) ?? t.type });
    } else if (
      t.first < t.last ||
      t.type === 'MISC' ||
      index.nameTokens.has(token.norm) ||
      index.firstNames.has(token.norm) ||
      (margins?.[t.first] ?? 0) >= (PREPOSITION_ARTICLE.test(token.text) ? PREPOSITION_ARTICLE_MARGIN : LONE_WORD_MARGIN)
    )
      added.push(t);
  }
  return [...ruleSpans.filter((_, k) => !dropped[k]), ...added];
}
