// Corpus and lexicon loading shared by train-ner, eval-ner and the tests: reads ../shared at run time.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recognise } from '../nlp/entities';
import type { GazetteerIndex } from '../nlp/gazetteer';
import { normalize } from '../nlp/normalize';
import { conllView, repairBio, trainingPieces } from '../nlp/tagger/align';
import { type Clusters, decodeClusters } from '../nlp/tagger/clusters';
import { type ConllSentence, parseConll } from '../nlp/tagger/conll';
import { hintCodes, type WordLists } from '../nlp/tagger/features';
import { Bloom } from '../nlp/tagger/lexicon';
import type { TaggedSentence } from '../nlp/tagger/train';
import { tokenize } from '../nlp/tokenize';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_DATA = join(ROOT, '..', 'shared', 'data');
export const ANERCORP = join(SHARED_DATA, 'ner', 'anercorp-camellab', 'ANERCorp_CamelLab_train.txt');
export const GAZ = join(SHARED_DATA, 'gazetteer');
export const HUNSPELL = join(SHARED_DATA, 'lexicons', 'hunspell-ar', 'ar.dic');
export const MODEL_BIN = join(ROOT, 'nlp', 'model', 'ner-model.bin');
/** Cluster ids and corpus statistics per word learnt from the unlabelled news (`npm run train:vectors`). */
export const WORD_CLUSTERS = join(ROOT, 'nlp', 'model', 'word-clusters.bin');

/** The per-word table of `npm run train:vectors`; null before it has been made. */
export function loadWordClusters(): Clusters | null {
  if (!existsSync(WORD_CLUSTERS)) return null;
  const bytes = readFileSync(WORD_CLUSTERS);
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return decodeClusters(copy.buffer, 0).clusters;
}

/** Fail loudly when the corpus is missing: training and evaluation cannot fake it. */
export function requireFile(path: string): string {
  if (!existsSync(path)) {
    console.error(`missing ${path}: the shared data folder must sit beside the project (../shared/data)`);
    process.exit(1);
  }
  return readFileSync(path, 'utf8');
}

/** The CAMeL Lab train split, divided as the project agreed: the last 10% of sentences is the dev set. */
export function loadAnercorp(): { train: ConllSentence[]; dev: ConllSentence[] } {
  const all = parseConll(requireFile(ANERCORP), { requireTags: true });
  const cut = all.length - Math.round(all.length * 0.1);
  return { train: all.slice(0, cut), dev: all.slice(cut) };
}

export const AQMAR = join(SHARED_DATA, 'ner', 'aqmar');

/**
 * AQMAR (Arabic Wikipedia, CC BY-SA 3.0) mapped to the ANERcorp labels: PER→PERS, LOC, ORG, and the
 * MIS0–MIS3 classes to MISC or, with `misc: false`, to O. One document per article.
 */
export function loadAqmar(misc: boolean): ConllSentence[][] {
  const map = (tag: string): string => {
    const m = /^([BI])-+([A-Z]+)/.exec(tag);
    if (!m) return 'O';
    const type = m[2]!.startsWith('PER')
      ? 'PERS'
      : m[2] === 'LOC'
        ? 'LOC'
        : m[2] === 'ORG'
          ? 'ORG'
          : m[2]!.startsWith('MIS') && misc
            ? 'MISC'
            : null;
    return type ? `${m[1]}-${type}` : 'O';
  };
  return readdirSync(AQMAR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const sentences: ConllSentence[] = [];
      let cur: ConllSentence = { tokens: [], tags: [] };
      for (const line of readFileSync(join(AQMAR, f), 'utf8').split(/\r?\n/)) {
        const cols = line.trim().split(/\s+/);
        if (cols.length < 2) {
          if (cur.tokens.length > 0) sentences.push(cur);
          cur = { tokens: [], tags: [] };
          continue;
        }
        cur.tokens.push(cols[0]!);
        cur.tags.push(map(cols[cols.length - 1]!));
      }
      if (cur.tokens.length > 0) sentences.push(cur);
      return sentences.map((s) => ({ tokens: s.tokens, tags: repairBio(s.tags) }));
    });
}

/** Sentences per pseudo-document: the corpus has no article boundaries, so consecutive sentences stand in. */
export const DOC_SENTENCES = 30;

/** Consecutive items grouped DOC_SENTENCES at a time. */
export function chunk<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += DOC_SENTENCES) out.push(xs.slice(i, i + DOC_SENTENCES));
  return out;
}

/**
 * A pseudo-document of CoNLL sentences as the tagger sees it in the extension, with gold tags and,
 * when a gazetteer is given, the gazetteer/pattern hints recognise would hand the tagger.
 */
export function toTrainingDoc(doc: readonly ConllSentence[], gazetteer: GazetteerIndex | null): TaggedSentence[] {
  const view = conllView(doc.map((s) => s.tokens));
  const hints = gazetteer ? hintCodes(view.tokens.length, recognise(view.text, view.tokens, { gazetteer }).spans) : undefined;
  return trainingPieces(
    view,
    doc.map((s) => s.tags),
    hints,
  );
}

function bloomOf(words: Set<string>): Bloom | null {
  if (words.size === 0) return null;
  const bloom = Bloom.sized(words.size);
  for (const w of [...words].sort()) bloom.add(w);
  return bloom;
}

const WORD = /[\p{L}\p{M}\p{N}\u0640\u200c\u200d]+/gu;
function words(name: string): string[] {
  return normalize(name).match(WORD) ?? [];
}

/** Known-word filter from the Hunspell Arabic dictionary (word forms only, affix flags dropped). */
export function buildLexicon(): Bloom {
  const known = new Set<string>();
  for (const line of requireFile(HUNSPELL).split('\n')) {
    const w = line.split('/')[0]!.trim();
    if (!w || w.startsWith(':') || w.includes('.') || /^\d+$/.test(w)) continue;
    known.add(normalize(w));
  }
  return bloomOf(known)!;
}

function jsonValues(path: string): string[] {
  const data = JSON.parse(requireFile(path)) as Record<string, unknown>;
  return Object.values(data).filter((v): v is string => typeof v === 'string');
}

/**
 * Name lists compiled from the shared gazetteer sources (facts only: names) plus the project's
 * curated organisations; stored in the model as Bloom filters (sources listed in MODEL-CARD.md).
 */
export function buildWordLists(): WordLists {
  const person = new Set<string>();
  const place = new Set<string>();
  const placeToken = new Set<string>();
  const org = new Set<string>();
  const orgToken = new Set<string>();
  const addPhrase = (whole: Set<string>, tokens: Set<string>, name: string) => {
    const ws = words(name);
    if (ws.length === 0) return;
    whole.add(ws.join(' '));
    if (ws.length > 1) for (const w of ws) if (w.length > 1) tokens.add(w);
  };
  // NETransliteration (CC0): Arabic name tokens, letters separated by spaces.
  for (const line of requireFile(join(GAZ, 'netransliteration-coling2018', 'wd_arabic.normalized.aligned.tokens')).split('\n')) {
    const ar = line.split('\t')[1];
    if (ar) person.add(normalize(ar.replace(/ /g, '')));
  }
  // ArWikiCats people (MIT): full names, used token by token.
  for (const name of jsonValues(join(GAZ, 'arwikicats', 'people', 'peoples.json')))
    for (const w of words(name)) if (w.length > 1) person.add(w);
  // Places: ISO/CLDR country names, world cities (CC BY 4.0), ArWikiCats cities and geography (MIT).
  const iso = JSON.parse(requireFile(join(GAZ, 'i18n-iso-countries', 'ar.json'))) as { countries: Record<string, string | string[]> };
  for (const v of Object.values(iso.countries)) for (const name of Array.isArray(v) ? v : [v]) addPhrase(place, placeToken, name);
  const cldr = JSON.parse(requireFile(join(GAZ, 'cldr-localenames-full', 'ar-territories.json'))) as {
    main: { ar: { localeDisplayNames: { territories: Record<string, string> } } };
  };
  for (const name of Object.values(cldr.main.ar.localeDisplayNames.territories)) addPhrase(place, placeToken, name);
  for (const line of requireFile(join(GAZ, 'world-cities-translations', 'world-cities.jsonl')).split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line.replace(/^\ufeff/, '')) as { CityNameAr?: string; CountryAr?: string };
    if (row.CityNameAr) addPhrase(place, placeToken, row.CityNameAr);
    if (row.CountryAr) addPhrase(place, placeToken, row.CountryAr);
  }
  for (const f of ['cities/cities_full.json', 'geography/P17_2_final_ll.json', 'geography/popopo.json']) {
    for (const name of jsonValues(join(GAZ, 'arwikicats', f))) addPhrase(place, placeToken, name);
  }
  // ANERgazet (Benajiba et al., research distribution, no licence file): person tokens, whole places and organisations.
  if (existsSync(ANERGAZET) && process.env.NER_ANERGAZET !== '0') {
    const lines = (kind: string) =>
      requireFile(join(ANERGAZET, `Aligned${kind}Gazetteer`, 'data'))
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('='));
    for (const name of lines('Pers')) for (const w of words(name)) if (w.length > 1) person.add(w);
    for (const name of lines('Loc')) addPhrase(place, placeToken, name);
    for (const name of lines('Org')) addPhrase(org, orgToken, name);
  }
  // The project's curated organisations and places (knowledge/curated).
  const curated = join(ROOT, 'knowledge', 'curated');
  if (existsSync(curated)) {
    for (const f of readdirSync(curated).sort()) {
      if (!f.endsWith('.json')) continue;
      const data = JSON.parse(readFileSync(join(curated, f), 'utf8')) as { type?: string; entries?: { ar?: string[] }[] };
      const [whole, tokens] = data.type === 'organization' ? [org, orgToken] : data.type === 'place' ? [place, placeToken] : [null, null];
      if (!whole || !tokens) continue;
      for (const e of data.entries ?? []) for (const name of e.ar ?? []) addPhrase(whole, tokens, name);
    }
  }
  return {
    lexicon: buildLexicon(),
    person: bloomOf(person),
    place: bloomOf(place),
    placeToken: bloomOf(placeToken),
    org: bloomOf(org),
    orgToken: bloomOf(orgToken),
  };
}

export const WIKIFANE = join(SHARED_DATA, 'ner', 'wikifane', 'WikiFANE_Gold_2014_500K.txt');
export const ANERGAZET = join(SHARED_DATA, 'ner', 'anergazet');

/**
 * Unlabelled text for word clusters, as the tagger sees words (tokenize's normalised forms): the
 * training part of ANERcorp (never the dev part), AQMAR and WikiFANE, labels ignored. WikiFANE
 * writes clitics apart («عاصمة ها»); its words still teach the clusters of the stems.
 */
export function clusterCorpus(train: readonly ConllSentence[]): string[][] {
  const out: string[][] = [];
  const add = (tokens: readonly string[]) => {
    const words = tokenize(tokens.join(' ')).map((t) => t.norm);
    if (words.length > 0) out.push(words);
  };
  for (const s of train) add(s.tokens);
  for (const article of loadAqmar(false)) for (const s of article) add(s.tokens);
  let cur: string[] = [];
  for (const line of requireFile(WIKIFANE).split(/\r?\n/)) {
    const tok = line
      .split('\t')[0]!
      .replace(/[\u200e\u200f\ufeff]/g, '')
      .trim();
    if (!tok) {
      if (cur.length > 0) add(cur);
      cur = [];
      continue;
    }
    cur.push(tok);
  }
  if (cur.length > 0) add(cur);
  return out;
}

/** ANERcorp's label for each WikiFANE fine class (its Readme's two-level taxonomy); null writes O. */
export const WIKIFANE_CLASSES: Readonly<Record<string, EntityType | null>> = {
  // Persons (coarse PER), whatever their occupation.
  Politician: 'PERS',
  Religious_PER: 'PERS',
  Artist: 'PERS',
  Other_PER: 'PERS',
  Scientist: 'PERS',
  Athlete: 'PERS',
  Businessperson: 'PERS',
  Engineer: 'PERS',
  Police: 'PERS',
  Lawyer: 'PERS',
  // PER.Group is peoples and faiths («المسلمين», «العرب»): ANERcorp leaves them O (العرب 77/77, المسلمين 28/29).
  Group: null,
  // GPE and natural places are LOC in ANERcorp («البحر الأحمر», «النيل» tagged LOC).
  'Population-Center': 'LOC',
  Nation: 'LOC',
  'State-or-Province': 'LOC',
  'County-or-District': 'LOC',
  'GPE-Cluster': 'LOC',
  Continent: 'LOC',
  'Water-Body': 'LOC',
  'Land-Region-Natural': 'LOC',
  // «الأرض», «الشمس», «القمر» are O in ANERcorp (30, 52 and 35 of as many).
  Celestial: null,
  // Organisations; the state's own bodies among Government become O below (STATE_BODY).
  Commercial: 'ORG',
  'Non-Governmental': 'ORG',
  Government: 'ORG',
  Educational: 'ORG',
  Media: 'ORG',
  Sports: 'ORG',
  Religious_ORG: 'ORG',
  'Medical-Science': 'ORG',
  Entertainment: 'ORG',
  // Facilities, products, vehicles, named weapons: ANERcorp's MISC («الكعبة», «البيت الأبيض», «سانتياغو
  // برنابيو», «القرآن», «ويندوز», «كلاشنيكوف», «سوخوي» are MISC there).
  'Building-Grounds': 'MISC',
  'Subarea-Facility': 'MISC',
  Path: 'LOC',
  Airport: 'LOC',
  Plant: 'MISC',
  Book: 'MISC',
  Software: 'MISC',
  Hardware: 'MISC',
  Movie: 'MISC',
  Sound: 'MISC',
  Food: 'MISC',
  Drug: 'MISC',
  Air: 'MISC',
  Water: 'MISC',
  Land: 'MISC',
  Shooting: 'MISC',
  // Weapon kinds are common nouns («الرمح», «القنبلة النيوترونية», «الهاون»): O.
  Projectile: null,
  Blunt: null,
  Exploding: null,
  Chemical: null,
  Nuclear: null,
  Sharp: null,
};

type EntityType = 'PERS' | 'LOC' | 'ORG' | 'MISC';

const normWords = (s: string) => new Set(s.split(/\s+/).map(normalize));
/** Tokens WikiFANE's segmenter split off the front of a word («و تعتبر», «ب مختلف», «ال سورية»). */
const WF_PREFIXES = new Map<string, number>([
  ...[...normWords('و ف')].map((w) => [w, 1] as [string, number]),
  ...[...normWords('ب ل ك')].map((w) => [w, 2] as [string, number]),
  ...[...normWords('ال ا')].map((w) => [w, 3] as [string, number]),
]);
/** Pronoun suffixes it split off the end («عاصمة ها», «بيلي ه»). «كم» is not among them: it is mostly «km». */
const WF_SUFFIXES = normWords('ه ها هم هما هن ي نا كما كن');
const ARABIC_START = /^[\u0621-\u064a]/;
/**
 * Descriptor words ANERcorp leaves outside the name after them (counts on its training part:
 * «مدينة» 92 outside/0 inside, «منطقة» 38/0, «قطاع» 15/1, «مطار» 9/0, «شارع» 5/0, «نهر» 11/2,
 * «شركة» 16/1, «صحيفة» 13/0, «نادي» 14/5, «مسجد» 25/1); the value is the type of the rest, null = keep.
 */
const WF_DESCRIPTORS = new Map<string, EntityType | null>([
  ...[...normWords('جمهورية قطاع مدينة ولاية منطقة جبال نهر شارع مطار حكومة جزيرة محافظة مقاطعة اقليم')].map(
    (w) => [w, 'LOC'] as [string, EntityType],
  ),
  ...[...normWords('شركة صحيفة جريدة قناة نادي مجلة حركة')].map((w) => [w, null] as [string, null]),
]);
/** Heads of a state's own bodies, untagged in ANERcorp («وزارة» 33/33, «الجيش» 83/86, «القوات» 46/46, «الحكومة» 96/96). */
const WF_STATE_BODY = normWords('وزارة الوزارة الجيش جيش القوات الحكومة الشرطة البرلمان');
/** «مجلس X» councils ANERcorp leaves untagged («مجلس الأمن» it tags). */
const WF_DOMESTIC_COUNCILS = normWords('النواب الوزراء الشيوخ الشعب الشورى التشريعي الادارة الامة العموم اللوردات الوطني البلدي');

/** A word and its readings without a leading conjunction and preposition («وبمدينة» → «مدينة»; «وزارة» stays). */
function headForms(w: string): string[] {
  const n = normalize(w);
  const m = /^([وف]?)([بلك]?)(.+)$/.exec(n);
  if (!m) return [n];
  return [n, m[2]! + m[3]!, m[3]!].filter((f) => f.length >= 3);
}

/**
 * One WikiFANE sentence written the way ANERcorp and the extension see words: split-off prefixes
 * joined to the next word and pronoun suffixes to the previous one; the joined word keeps the name's
 * tag (a prefix before a name's first word is inside it, as «وإسرائيل»/B-LOC in ANERcorp).
 */
export function rejoinClitics(tokens: readonly string[], tags: readonly string[]): ConllSentence {
  const out: ConllSentence = { tokens: [], tags: [] };
  let prefix = '';
  let prefixTag: string | null = null;
  // Clitics come in the order conjunction, preposition, article («و ب ال…»); one out of order ends the
  // word instead («ل ك» is «لك», to you).
  let stage = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const tag = tags[i] ?? 'O';
    const next = tokens[i + 1];
    const prefixStage = WF_PREFIXES.get(tok);
    if (prefixStage !== undefined && next !== undefined && ARABIC_START.test(next) && prefixStage > stage) {
      prefix += prefix.endsWith('ل') && tok === 'ال' ? 'ل' : tok;
      prefixTag ??= tag;
      stage = prefixStage;
      continue;
    }
    const last = out.tokens.length - 1;
    if (prefix === '' && last >= 0 && WF_SUFFIXES.has(tok) && ARABIC_START.test(out.tokens[last]!)) {
      // A suffix turns a final «ة» into «ت» and «ى» into «ا» («عاصمة ها» → «عاصمتها»).
      out.tokens[last] = out.tokens[last]!.replace(/ة$/, 'ت').replace(/ى$/, 'ا') + tok;
      if (out.tags[last] === 'O' && tag !== 'O') out.tags[last] = tag;
      continue;
    }
    // «ل» + «ال…» is written «لل…».
    const word = prefix.endsWith('ل') && tok.startsWith('ال') ? prefix + tok.slice(1) : prefix + tok;
    let merged = tag;
    if (prefixTag !== null) {
      if (tag === 'O') merged = prefixTag.startsWith('B-') ? prefixTag : 'O';
      else if (prefixTag.startsWith('B-') && tag === `I-${prefixTag.slice(2)}`) merged = prefixTag;
      // A conjunction outside names before a word inside one starts a new name («واويل و ياي»).
      else if (prefixTag === 'O' && tag.startsWith('I-')) merged = `B-${tag.slice(2)}`;
    }
    out.tokens.push(word);
    out.tags.push(merged);
    prefix = '';
    prefixTag = null;
    stage = 0;
  }
  if (prefix !== '') {
    out.tokens.push(prefix);
    out.tags.push(prefixTag ?? 'O');
  }
  return out;
}

/**
 * WikiFANE fine-class tags (already rejoined) → ANERcorp labels: the class table above, then the
 * state-body and descriptor conventions ANERcorp follows, checked on its training part.
 */
export function mapWikifaneTags(tokens: readonly string[], fine: readonly string[]): string[] {
  const out = fine.map(() => 'O');
  let i = 0;
  while (i < fine.length) {
    const m = /^[BI]-(.+)$/.exec(fine[i]!);
    if (!m) {
      i++;
      continue;
    }
    const cls = m[1]!;
    let j = i + 1;
    while (j < fine.length && fine[j] === `I-${cls}`) j++;
    let type = WIKIFANE_CLASSES[cls] ?? null;
    let first = i;
    const heads = headForms(tokens[i]!);
    const council = heads.includes(normalize('مجلس')) && j - i > 1 && WF_DOMESTIC_COUNCILS.has(normalize(tokens[i + 1]!));
    if (type === 'ORG' && (heads.some((h) => WF_STATE_BODY.has(h)) || council)) type = null;
    const descriptor = heads.find((h) => WF_DESCRIPTORS.has(h));
    if (type !== null && j - i > 1 && type !== 'PERS' && descriptor !== undefined) {
      type = WF_DESCRIPTORS.get(descriptor) ?? type;
      first++;
    }
    if (type !== null) for (let k = first; k < j; k++) out[k] = `${k === first ? 'B' : 'I'}-${type}`;
    i = j;
  }
  return out;
}

/** WikiFANE sentences as ANERcorp-style CoNLL (U+200E marks and BOM dropped, clitics rejoined, labels mapped). */
export function parseWikifane(text: string): ConllSentence[] {
  const out: ConllSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (tokens.length > 0) {
      const joined = rejoinClitics(tokens, tags);
      out.push({ tokens: joined.tokens, tags: mapWikifaneTags(joined.tokens, joined.tags) });
    }
    tokens = [];
    tags = [];
  };
  for (const line of text.split(/\r?\n/)) {
    const [tok = '', tag = 'O'] = line.replace(/[\u200e\u200f\ufeff]/g, '').split('\t');
    if (!tok.trim()) {
      flush();
      continue;
    }
    tokens.push(tok.trim());
    tags.push(tag.trim() || 'O');
  }
  flush();
  return out;
}

/** WikiFANE as labelled training data (see parseWikifane). */
export function loadWikifane(): ConllSentence[] {
  return parseWikifane(requireFile(WIKIFANE));
}
