// The who's-who: what the press and encyclopaedia say about an actor, compiled by scripts/build-whoswho.ts
// into public/whoswho.json.gz, plus what the reader's own readings add (injected; knowledge/ never touches
// the reader's database). Look-ups tolerate spelling variants, clitics and a leading «ال».
import { nameTokens } from '../nlp/gazetteer';
import { COUNTERPART } from '../nlp/lexicon';
import { normalize, skeleton } from '../nlp/normalize';
import { cliticReadings } from '../nlp/tokenize';
import type { ActorType } from '../types/analysis';

export type TypeLetter = 'p' | 'o' | 'l';
export const TYPE_OF_LETTER: Record<TypeLetter, ActorType> = { p: 'person', o: 'organization', l: 'place' };
export const LETTER_OF_TYPE: Record<ActorType, TypeLetter> = { person: 'p', organization: 'o', place: 'l' };

/** A role the press gives an actor: [role, first year, last year, articles]; years are 0 when unknown. */
export type RoleRow = [string, number, number, number];

/** One actor of the who's-who. Short field names: the index holds about a hundred thousand of them. */
export interface WhoEntry {
  /** Canonical Arabic name. */
  n: string;
  t: TypeLetter;
  /** Other spellings and short forms seen for it. */
  v?: string[];
  /** Articles of the corpus that name it. */
  a: number;
  /** Short description, and where it comes from (a key of WhoIndex.sources). */
  d?: string;
  ds?: string;
  /** Roles the press gives it, the most frequent first. */
  r?: RoleRow[];
  /** Country (ISO 3166 alpha-2): nationality of a person, seat of an organization, country of a place. */
  c?: string;
  /** Kind of place («مدينة») and its population. */
  k?: string;
  pop?: number;
  /** The actors it appears with most (indices into WhoIndex.entries). */
  w?: number[];
}

export interface WhoIndex {
  version: number;
  /** Corpus texts the analysis read (the first N of the shuffled corpus when the build was given --limit). */
  texts: number;
  sources: Record<string, { name: string; licence: string; url: string }>;
  entries: WhoEntry[];
  /** Look-up key → entry indices, the best supported first. */
  keys: Record<string, number[]>;
  /** Normalised nationality adjective («روسي», masculine, without «ال») → country code. */
  adjectives: Record<string, string>;
  /** Normalised one-word names the corpus almost never uses as places («فيروس»): no place card for them. */
  notPlaces: string[];
  /** Heads that make an organization with a nationality adjective («وزارة الخارجية» + «السورية»). */
  orgHeads: string[];
}

/** Letters transliterations use for /g/, /v/, /p/ («سيرغي»/«سيرجي»), folded in every key. */
const G_LETTERS = /[غگچ]/g;

/**
 * The key of one normalised word: «ال» kept apart, then the consonant skeleton when it keeps four letters
 * or more (شويغو/شويجو, لافروف/لافاروف); shorter skeletons would join different names (اليمن/ألمانيا).
 */
function wordKey(word: string): string {
  if (!/[\u0621-\u064a]/.test(word)) return word;
  const folded = word.replace(G_LETTERS, 'ج').replace(/ڤ/g, 'ف').replace(/پ/g, 'ب');
  const article = folded.startsWith('ال') && folded.length > 4 ? 'ال' : '';
  const rest = folded.slice(article.length);
  const sk = skeleton(rest);
  return article + (sk.length >= 4 ? sk : rest);
}

/** The key of a name: its words' keys, so spelling variants of one name meet. */
export function whoKey(name: string): string {
  return nameTokens(name).map(wordKey).join(' ');
}

/** Readings of a written name with its first word's proclitics stripped («وللافروف» → «لافروف»), the name itself first. */
function keyReadings(name: string): string[] {
  const [first, ...rest] = nameTokens(name);
  if (!first) return [];
  const out: string[] = [];
  const add = (words: string[]) => {
    const k = whoKey(words.join(' '));
    if (k && !out.includes(k)) out.push(k);
  };
  for (const r of cliticReadings(first)) {
    add([r.stem, ...rest]);
    // «الشامي» is also written «شامي»; «الحلبي» is looked up with and without the article.
    if (r.stem.startsWith('ال') && r.stem.length > 4) add([r.stem.slice(2), ...rest]);
  }
  // A nasab chain is shortened in the press: «سالم بن فهد بن ناصر» → «سالم بن فهد»,
  // «سالم بن أحمد العتيبي» → «سالم العتيبي».
  const words = [first, ...rest];
  const bin = words.findIndex((w, i) => i > 0 && (w === 'بن' || w === 'ابن'));
  if (bin > 0 && words.length > bin + 2) {
    const familyName = words[words.length - 2] !== 'بن' && words[words.length - 2] !== 'ابن';
    add(familyName ? [...words.slice(0, bin), words[words.length - 1]!] : words.slice(0, bin + 2));
  }
  return out;
}

/** Strip «ال» and a nisba ending from an adjective: «الروسية» → «روس». */
function nisbaStem(word: string): string | null {
  // «ال» is stripped as written: «ألماني» starts with a hamza, not the article.
  const norm = normalize(word.replace(/^ال/, ''));
  const m = /^(.{2,}?)(?:يين|يون|يه|ي)$/.exec(norm);
  return m ? m[1]! : null;
}

/** The country a nationality adjective names («الروسي», «السورية», «الأميركيين»), or null. */
export function countryOfAdjective(word: string, adjectives: Record<string, string>): string | null {
  const stem = nisbaStem(word);
  return stem ? (adjectives[stem] ?? null) : null;
}

/** The adjective stems a country's names make («روسيا» → «روس», «العراق» → «عراق», «السعودية» → «سعود»). */
export function adjectiveStemsOf(countryName: string): string[] {
  const norm = normalize(countryName.replace(/^ال/, ''));
  if (norm.includes(' ') || norm.length < 3) return [];
  const stems = new Set([norm]);
  for (const ending of ['يا', 'ا', 'ه', 'يه'])
    if (norm.endsWith(ending) && norm.length - ending.length >= 2) stems.add(norm.slice(0, -ending.length));
  return [...stems];
}

/** Arabic name of a country code, from the runtime's CLDR data («BY» → «بيلاروس»). */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['ar'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

// Nouns that head an organization's name («شركة …», «جامعة …»), as a card names the kind.
const ORGANIZATION_KINDS = new Set(
  `وزارة شركة جامعة لجنة هيئة مؤسسة مدرسة قوات مكتب مديرية إمارة مجلس حزب حركة جمعية اتحاد نادي منظمة وكالة
  صحيفة جريدة مجلة قناة إذاعة بنك مصرف جيش محكمة مستشفى معهد غرفة فرقة كتيبة لواء جبهة تنظيم جماعة ائتلاف تحالف`
    .split(/\s+/)
    .map((w) => normalize(w)),
);

// Place nouns that head a place's name («حي الزهور», «مطار …»), as a card names the kind.
const PLACE_HEADS = new Set(
  `ولاية مدينة محافظة منطقة جزيرة إقليم بلدة قرية مقاطعة عاصمة حي مخيم ميناء مطار شارع فندق ساحة جسر سوق جبل نهر
  بحيرة وادي ضاحية حديقة ملعب قصر`
    .split(/\s+/)
    .map((w) => normalize(w)),
);

/** The kind an organization noun heading a name says («شركة»), or null; «ال» and clitics are not stripped. */
export function organizationKind(word: string): string | null {
  return ORGANIZATION_KINDS.has(normalize(word)) ? word : null;
}

/** A found actor: the entry and the index it came from. */
export interface WhoHit {
  entry: WhoEntry;
  index: number;
}

/** A look-up over one loaded index. */
export class WhoLookup {
  private readonly notPlaces: Set<string>;
  private readonly orgHeads: Set<string>;

  constructor(readonly data: WhoIndex) {
    this.notPlaces = new Set(data.notPlaces);
    this.orgHeads = new Set(data.orgHeads);
  }

  /** Entries a written name may stand for, of the asked type when given, the best supported first. */
  find(name: string, type: ActorType | null = null): WhoHit[] {
    const letter = type ? LETTER_OF_TYPE[type] : null;
    const hits: WhoHit[] = [];
    const seen = new Set<number>();
    for (const key of keyReadings(name)) {
      for (const i of this.data.keys[key] ?? []) {
        const entry = this.data.entries[i]!;
        if (seen.has(i) || (letter && entry.t !== letter)) continue;
        seen.add(i);
        hits.push({ entry, index: i });
      }
      // The name as written matched: clitic readings are only for names nothing matched.
      if (hits.length) break;
    }
    if (hits.length) return hits;
    for (const generated of [this.generatedOrganization(name), this.generatedPlace(name)]) {
      if (generated && (!letter || letter === generated.t)) hits.push({ entry: generated, index: -1 });
    }
    return hits;
  }

  /**
   * A name whose construction says it is an organization: a state body and a nationality adjective
   * («وزارة الخارجية السورية», «الجيش الإسرائيلي»), or an organization noun heading a longer name
   * («شركة نفط عمان», «جامعة …»). Its description is that noun, and the country when the name gives one.
   */
  generatedOrganization(name: string): WhoEntry | null {
    const words = name.trim().split(/\s+/);
    if (words.length < 2) return null;
    // The nationality right after a state body's head («التلفزيون الروسي الرسمي», «الحكومة العراقية»).
    const at = words.findIndex((w, i) => i > 0 && countryOfAdjective(w, this.data.adjectives) !== null);
    const stateBody = at > 0 && this.orgHeads.has(normalize(words.slice(0, at).join(' ')));
    const kind = organizationKind(words[0]!);
    if (!stateBody && !kind) return null;
    const country = this.countryIn(words.slice(1));
    return { n: name.trim(), t: 'o', a: 0, ds: 'generated', d: kind ?? 'جهة حكومية', ...(country ? { c: country } : {}) };
  }

  /** «حي الزهور», «شارع …», «فندق …»: a place noun heading a name makes a place of that kind. */
  generatedPlace(name: string): WhoEntry | null {
    const words = name.trim().split(/\s+/);
    const head = normalize(words[0] ?? '');
    if (words.length < 2 || !PLACE_HEADS.has(head)) return null;
    const country = this.countryIn(words.slice(1));
    return { n: name.trim(), t: 'l', a: 0, ds: 'generated', k: words[0]!, ...(country ? { c: country } : {}) };
  }

  /** The country a name's words name: a nationality adjective, a country's or a listed city's name («نفط عمان» → OM). */
  countryIn(words: readonly string[]): string | null {
    for (const w of words) {
      const c = countryOfAdjective(w, this.data.adjectives);
      if (c) return c;
    }
    for (let i = 0; i < words.length; i++) {
      for (const n of [2, 1]) {
        // A listed country or city («نفط عمان», «بترول مسقط»): a city gives its country.
        const hit = this.find(words.slice(i, i + n).join(' '), 'place').find((h) => h.entry.k);
        if (hit?.entry.c) return hit.entry.c;
      }
    }
    return null;
  }

  /** True when the corpus shows a one-word name to be an everyday word, not a place. */
  isNotPlace(name: string): boolean {
    const toks = nameTokens(name);
    return toks.length === 1 && this.notPlaces.has(toks[0]!);
  }

  /** The names of the actors an entry appears with most. */
  companions(entry: WhoEntry): string[] {
    return (entry.w ?? []).map((i) => this.data.entries[i]?.n).filter((n): n is string => !!n);
  }
}

/** Inflate a gzipped JSON file with the runtime's own DecompressionStream (browsers and Node alike). */
async function parseGzipJson<T>(bytes: ArrayBuffer | Uint8Array): Promise<T> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return (await new Response(stream).json()) as T;
}

let loaded: Promise<WhoLookup> | null = null;

/**
 * The who's-who, read once per process through `read` (fetch of the extension's public file in the
 * background, the file system in Node CLIs); a failed read is retried on the next call.
 */
export function loadWhoswho(read: () => Promise<ArrayBuffer | Uint8Array>): Promise<WhoLookup> {
  loaded ??= read()
    .then((bytes) => parseGzipJson<WhoIndex>(bytes))
    .then((data) => new WhoLookup(data))
    .catch((error) => {
      loaded = null;
      throw error;
    });
  return loaded;
}

/** Turn a role into the head of a construct with a country: «الرئيس» → «رئيس», «وزير الخارجية» → «وزير خارجية». */
function constructHead(role: string): string {
  return role
    .split(/\s+/)
    .map((w) => w.replace(/^ال(?=\S{2})/, ''))
    .join(' ');
}

/** The role without its nationality adjectives («وزير الخارجية الروسي» → «وزير الخارجية»), and the country they name. */
function splitNationality(role: string, adjectives: Record<string, string>): { head: string; country: string | null } {
  const words = role.trim().split(/\s+/);
  let country: string | null = null;
  const head = words.filter((w, i) => {
    const c = i > 0 ? countryOfAdjective(w, adjectives) : null;
    if (c) country ??= c;
    return !c;
  });
  return { head: head.join(' '), country };
}

/** A role with its country: «وزير الخارجية» + RU → «وزير خارجية روسيا»; a role that names one stays as it is. */
export function roleWithCountry(role: string, country: string | null, adjectives: Record<string, string>): string {
  const split = splitNationality(role, adjectives);
  // Only a title of one or two words takes a country («وزير الخارجية»), not «المتحدث باسم الكرملين».
  if (split.country || !country || !/^\S+(?: ال\S+)?$/.test(split.head)) return role;
  return `${constructHead(split.head)} ${countryName(country)}`;
}

/**
 * Resolve «نظيره» roles to the counterpart's: the nearest person before it with a role of their own gives
 * the head («الرئيس الروسي» → «الرئيس»), the «نظيره» phrase or the actor's known country the nationality.
 * `actors` are in the order of their first mention.
 */
export function resolveCounterparts<A extends { type: ActorType; role: string | null }>(
  actors: readonly A[],
  adjectives: Record<string, string>,
  countryOf: (actor: A) => string | null,
): (string | null)[] {
  const out: (string | null)[] = [];
  actors.forEach((actor, i) => {
    const role = actor.role;
    if (!role || !COUNTERPART.test(role)) {
      out.push(role);
      return;
    }
    const before = actors
      .slice(0, i)
      .reverse()
      .find((a) => a.type === 'person' && a.role && !COUNTERPART.test(a.role));
    if (!before?.role) {
      out.push(role);
      return;
    }
    const own =
      role
        .split(/\s+/)
        .slice(1)
        .map((w) => countryOfAdjective(w, adjectives))
        .find((c) => c) ?? countryOf(actor);
    const head = splitNationality(before.role, adjectives).head;
    out.push(own ? `${constructHead(head)} ${countryName(own)}` : head);
  });
  return out;
}
