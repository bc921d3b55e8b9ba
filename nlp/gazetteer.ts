// The bundled gazetteer as an index keyed on normalised tokens, and a longest-first matcher over
// clitic-stripped tokens. Entries arrive as plain data (knowledge/data/gazetteer.json) so nlp/
// stays free of our other folders; the index is built once per process.

import type { ActorType, Token } from '../types/analysis';
import { Memo } from '../types/memo';
import { normalize, normalizedLength, skeleton } from './normalize';
import { cliticReadings, type WordForm, wordForms, wordsOf } from './tokenize';

/** One compiled fact: a person, organization or place with its Arabic names and sources. */
export interface GazetteerEntry {
  id: string;
  type: ActorType;
  /** Arabic names, the preferred one first, as written by the source. */
  names: string[];
  /** Latin-script (English) name, when the source gives it. */
  en: string | null;
  /** Short Arabic description, only where a source states it. */
  description: string | null;
  /** Source ids (keys of GazetteerData.sources). */
  sources: string[];
}

/** Where compiled facts come from; listed again in NOTICE. */
export interface GazetteerSource {
  name: string;
  licence: string;
  url: string;
}

/** Compact row: [id, type letter p|o|l, names joined by '|', en, description, source ids joined by ','] */
export type GazetteerRow = [string, 'p' | 'o' | 'l', string, string, string, string];

/** The on-disk shape of knowledge/data/gazetteer.json. */
export interface GazetteerData {
  version: number;
  sources: Record<string, GazetteerSource>;
  entries: GazetteerRow[];
  /** Normalised tokens known as given names (space separated). */
  firstNames: string;
  /** Normalised tokens known to occur in person names (space separated). */
  nameTokens: string;
  /** Normalised everyday words that must not be read as a one-word name on their own (space separated). */
  common: string;
  /** Source ids of long lists (small towns): their one-word names match only with few clitics. */
  minorSources?: string;
}

interface Phrase {
  /** Normalised tokens after the first one. */
  rest: string[];
  entry: number;
  /** A one-word name from a long list only: matched more strictly. */
  minor: boolean;
  /** 'surname' when the phrase is only the family name of a person entry. */
  kind: 'name' | 'surname';
}

/** What the matcher needs; build it once with buildGazetteerIndex. */
export interface GazetteerIndex {
  entries: GazetteerEntry[];
  byId: Map<string, GazetteerEntry>;
  phrases: Map<string, Phrase[]>;
  /** Skeleton of a famous family name → its one person, so «شويجو» finds «سيرغي شويغو». */
  surnameSkeletons: Map<string, number>;
  firstNames: Set<string>;
  nameTokens: Set<string>;
  common: Set<string>;
}

const TYPE_OF = { p: 'person', o: 'organization', l: 'place' } as const;

/** Normalised word tokens of a name, the way tokenize() would see them. */
export function nameTokens(name: string): string[] {
  return wordsOf(normalize(name));
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function splitSet(s: string): Set<string> {
  return new Set(s.split(' ').filter((w) => w.length > 0));
}

/** Turn the compact JSON rows into entries and a first-token index; called once per process. */
export function buildGazetteerIndex(data: GazetteerData): GazetteerIndex {
  const entries: GazetteerEntry[] = data.entries.map(([id, t, names, en, description, sources]) => ({
    id,
    type: TYPE_OF[t],
    names: names.split('|'),
    en: en || null,
    description: description || null,
    sources: sources ? sources.split(',') : [],
  }));
  const index: GazetteerIndex = {
    entries,
    byId: new Map(),
    phrases: new Map(),
    surnameSkeletons: new Map(),
    firstNames: splitSet(data.firstNames),
    nameTokens: splitSet(data.nameTokens),
    common: splitSet(data.common),
  };
  for (const e of entries) index.byId.set(e.id, e);
  const minorSources = splitSet((data.minorSources ?? '').replace(/,/g, ' '));
  const isMinor = (e: GazetteerEntry) => e.sources.length > 0 && e.sources.every((s) => minorSources.has(s));
  const add = (tokens: string[], entry: number, kind: Phrase['kind']) => {
    const first = tokens[0];
    if (!first) return;
    const rest = tokens.slice(1);
    let list = index.phrases.get(first);
    if (list === undefined) {
      list = [];
      index.phrases.set(first, list);
    }
    // The same tokens twice for one entry (two spellings that normalise alike) make one phrase.
    // A repeat can only come from the same entry's own names, which were added last.
    for (let k = list.length - 1; k >= 0 && list[k]!.entry === entry; k--) if (sameTokens(list[k]!.rest, rest)) return;
    list.push({ rest, entry, kind, minor: rest.length === 0 && isMinor(entries[entry]!) });
  };
  // Family names that belong to exactly one person and are not everyday words or given names.
  const surnameOwners = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const name of e.names) {
      const toks = nameTokens(name);
      if (toks.length === 0) continue;
      if (toks.length === 1 && (toks[0]!.length < 3 || index.common.has(toks[0]!))) continue;
      add(toks, i, 'name');
      if (e.type === 'person' && toks.length >= 2) {
        const last = toks[toks.length - 1]!;
        if (last.length >= 4 && !index.common.has(last)) {
          const owners = surnameOwners.get(last) ?? [];
          if (!owners.includes(i)) owners.push(i);
          surnameOwners.set(last, owners);
        }
      }
    }
  });
  const skeletonOwners = new Map<string, Set<number>>();
  for (const [last, owners] of surnameOwners) {
    // «العربي», «الأسود»: family names with «ال» are everyday adjectives too often to stand alone.
    if (owners.length === 1 && !index.phrases.has(last) && !last.startsWith('ال')) add([last], owners[0]!, 'surname');
    const sk = skeleton(last);
    const set = skeletonOwners.get(sk) ?? new Set<number>();
    for (const o of owners) set.add(o);
    skeletonOwners.set(sk, set);
  }
  for (const [sk, owners] of skeletonOwners) if (owners.size === 1 && sk.length >= 4) index.surnameSkeletons.set(sk, [...owners][0]!);
  for (const list of index.phrases.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  return index;
}

/** An index with no entries, for tests and for text-only use without bundled knowledge. */
export function emptyGazetteer(): GazetteerIndex {
  return buildGazetteerIndex({ version: 1, sources: {}, entries: [], firstNames: '', nameTokens: '', common: '' });
}

/** A gazetteer hit: tokens [first, last], original offsets of the name without its clitics. */
export interface GazetteerMatch {
  first: number;
  last: number;
  start: number;
  end: number;
  entry: GazetteerEntry;
  kind: 'name' | 'surname';
}

/** Offset in the original token text where normalised character `k` begins (skips dropped marks). */
function originalOffset(tokenText: string, k: number): number {
  let n = 0;
  for (let i = 0; i < tokenText.length; i++) {
    const length = normalizedLength(tokenText.charCodeAt(i));
    if (n === k) {
      // Skip marks that the normaliser drops so the span starts on a letter.
      if (length === 0) continue;
      return i;
    }
    n += length;
  }
  return tokenText.length;
}

/** Hyphen-minus and the Unicode hyphen, as written inside compound names, and the underscore that stands for a space in a hashtag («#مجلس_الأمن»). */
const HYPHENS = new Set([0x2d, 0x2010, 0x5f]);

/** True when only spaces separate two tokens, so a name may run across them; a hyphen alone joins the halves of one name («جان-إيف»). */
export function joined(text: string, a: Token, b: Token): boolean {
  if (b.start === a.end + 1 && HYPHENS.has(text.charCodeAt(a.end))) return true;
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0xa0 && c !== 0x200c && c !== 0x200f && c !== 0x200e) return false;
  }
  return true;
}

/** What matching needs to know about one word form; the same for every token of that form. */
interface FormMatch {
  /** The clitic readings whose stem opens at least one phrase, in reading order. */
  readings: { prefix: string; stem: string; list: PhraseList }[];
  /** The whole word is a known name word, so it is never split into clitic + name. */
  whole: boolean;
  /** surnameVariant of the form: undefined until asked. */
  variant: number | null | undefined;
}

/** Per index, the FormMatch of each normalised form seen (bounded like the other word caches). */
const formMatches = new WeakMap<GazetteerIndex, Memo<string, FormMatch>>();
const FORM_CACHE_LIMIT = 50_000;

/** The shared answer for a word that opens no phrase and is no famous surname (never modified). */
const NO_MATCH: FormMatch = { readings: [], whole: false, variant: null };

/**
 * The phrases one word opens, split for matching: longer ones by their second word (each list in the
 * index's longest-first order), one-word ones apart. A word opening hundreds of names then only tries
 * those that go on with the next token.
 */
interface PhraseList {
  byNext: Map<string, Phrase[]>;
  single: Phrase[];
}
const phraseLists = new WeakMap<Phrase[], PhraseList>();

function phraseListOf(list: Phrase[]): PhraseList {
  let split = phraseLists.get(list);
  if (!split) {
    split = { byNext: new Map(), single: [] };
    for (const p of list) {
      const second = p.rest[0];
      if (second === undefined) split.single.push(p);
      else {
        const same = split.byNext.get(second);
        if (same) same.push(p);
        else split.byNext.set(second, [p]);
      }
    }
    phraseLists.set(list, split);
  }
  return split;
}

function formMatch(norm: string, index: GazetteerIndex, cache: Memo<string, FormMatch>): FormMatch {
  let f = cache.get(norm);
  if (f) return f;
  const readings: FormMatch['readings'] = [];
  for (const r of cliticReadings(norm)) {
    const list = index.phrases.get(r.stem);
    if (list) readings.push({ prefix: r.prefix, stem: r.stem, list: phraseListOf(list) });
  }
  // Most words open no phrase and are no famous surname: they all share one empty answer.
  const variant = readings.length === 0 ? surnameVariant(norm, index) : undefined;
  f = variant === null ? NO_MATCH : { readings, whole: index.nameTokens.has(norm) || index.firstNames.has(norm), variant };
  cache.set(norm, f);
  return f;
}

/** formMatch kept on the token's shared WordForm when it has one, so a repeated word needs no look-up. */
function sharedFormMatch(wf: WordForm | undefined, norm: string, index: GazetteerIndex, cache: Memo<string, FormMatch>): FormMatch {
  if (wf === undefined || wf.norm !== norm) return formMatch(norm, index, cache);
  if (wf.owner !== index) {
    wf.owner = index;
    wf.gaz = null;
    wf.memo = null;
  }
  if (wf.gaz === null) wf.gaz = formMatch(norm, index, cache);
  return wf.gaz as FormMatch;
}

/** Longest-first gazetteer matching over clitic-stripped tokens; linear in the number of tokens. */
export function matchGazetteer(text: string, tokens: readonly Token[], index: GazetteerIndex): GazetteerMatch[] {
  const out: GazetteerMatch[] = [];
  let cache = formMatches.get(index);
  if (!cache) {
    cache = new Memo(FORM_CACHE_LIMIT);
    formMatches.set(index, cache);
  }
  const forms = wordForms(tokens);
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    const form = sharedFormMatch(forms?.[i], tok.norm, index, cache);
    let best: { last: number; prefix: string; stem: string; phrase: Phrase } | null = null;
    const next = tokens[i + 1];
    const nextJoined = next !== undefined && joined(text, tok, next);
    // Longest first: names running on over the next tokens, then a one-word name (only when no
    // earlier reading found one).
    for (const reading of form.readings) {
      const longer = nextJoined ? reading.list.byNext.get(next.norm) : undefined;
      if (longer) {
        for (const phrase of longer) {
          if (best && phrase.rest.length + i <= best.last) break;
          let ok = true;
          for (let k = 1; ok && k < phrase.rest.length; k++) {
            const after = tokens[i + 1 + k];
            ok = after !== undefined && after.norm === phrase.rest[k] && joined(text, tokens[i + k]!, after);
          }
          if (ok) {
            best = { last: i + phrase.rest.length, prefix: reading.prefix, stem: reading.stem, phrase };
            break;
          }
        }
        if (best && best.phrase.rest.length > 0) break;
      }
      if (best) continue;
      for (const phrase of reading.list.single) {
        if (!oneWordReadingOk(reading.prefix, reading.stem, phrase, form.whole)) continue;
        best = { last: i, prefix: reading.prefix, stem: reading.stem, phrase };
        break;
      }
    }
    if (!best) {
      if (form.variant === undefined) form.variant = surnameVariant(tok.norm, index);
      const variant = form.variant;
      if (variant !== null)
        out.push({ first: i, last: i, start: tok.start, end: tok.end, entry: index.entries[variant]!, kind: 'surname' });
      i++;
      continue;
    }
    const entry = index.entries[best.phrase.entry]!;
    out.push({
      first: i,
      last: best.last,
      // «للأمم المتحدة» is ل + «الأمم» with the alef dropped: the name then starts with the token.
      start: tok.norm.startsWith(best.prefix + best.stem.slice(0, 2))
        ? tok.start + originalOffset(tok.text, best.prefix.length)
        : tok.start,
      end: tokens[best.last]!.end,
      entry,
      kind: best.phrase.kind,
    });
    i = best.last + 1;
  }
  return out;
}

/**
 * Clitic stripping is where one-word names go wrong («كلارا» is not ك + «لارا», «فراس» not ف + «راس»):
 * a known name word is never split, «ك» never opens a one-word name, and small towns only take و,
 * or one ب/ل before a long name.
 */
function oneWordReadingOk(prefix: string, stem: string, phrase: Phrase, wholeIsName: boolean): boolean {
  if (prefix === '') return true;
  if (wholeIsName) return false;
  const preps = prefix.replace(/^[وف]/, '');
  if (phrase.minor) return prefix === 'و' || (preps.length === 1 && preps !== 'ك' && stem.length >= 5 && prefix.length === 1);
  if (preps === '') return true;
  return !preps.includes('ك');
}

/** «شويجو» for «شويغو»: a word whose skeleton is one famous person's family name, and nothing else. */
function surnameVariant(n: string, index: GazetteerIndex): number | null {
  // Words that may carry a clitic («لبوتين») are left to the clitic-aware paths.
  if (n.length < 4 || index.common.has(n) || index.firstNames.has(n) || /^(ال|[وفبلك])/.test(n)) return null;
  const owner = index.surnameSkeletons.get(skeleton(n));
  if (owner === undefined) return null;
  // Variants differ inside the word, not at its end («رينولد» is not «رونالدو»).
  const names = index.entries[owner]!.names.map((x) => nameTokens(x));
  return names.some((t) => t[t.length - 1]?.slice(-1) === n.slice(-1)) ? owner : null;
}
