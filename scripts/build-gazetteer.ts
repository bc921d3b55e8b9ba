// `npm run build:gazetteer`: compile knowledge/data/gazetteer.json from ../shared/data (facts only:
// names, types, Latin names) and the project's curated lists in knowledge/curated. Sources and
// licences are listed in NOTICE. Deterministic: the same inputs give the same bytes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GazetteerData, GazetteerRow, GazetteerSource } from '../nlp/gazetteer';
import { nameTokens } from '../nlp/gazetteer';
import { normalize } from '../nlp/normalize';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, '..', 'shared', 'data');
const GAZ = join(DATA, 'gazetteer');
const OUT = join(ROOT, 'knowledge', 'data', 'gazetteer.json');

if (!existsSync(GAZ)) {
  console.error(`build:gazetteer: source data not found at ${GAZ}`);
  process.exit(2);
}

const SOURCES: Record<string, GazetteerSource> = {
  siyaq: { name: 'Siyaq curated lists (knowledge/curated)', licence: 'MIT', url: 'knowledge/curated' },
  cldr: { name: 'Unicode CLDR 48 Arabic territory names', licence: 'Unicode-3.0', url: 'https://github.com/unicode-org/cldr-json' },
  iso: { name: 'i18n-iso-countries 7.14.0 (ar)', licence: 'MIT', url: 'https://github.com/michaelwittig/node-i18n-iso-countries' },
  cities: {
    name: 'world-cities-translations @4f746ebc',
    licence: 'CC BY 4.0',
    url: 'https://github.com/jamsshhayd/world-cities-translations',
  },
  awc: { name: 'ArWikiCats @d55a83f7 (people, cities, geography)', licence: 'MIT', url: 'https://github.com/ArWikiCats/ArWikiCats' },
};

type Type = 'p' | 'o' | 'l';
interface Draft {
  id: string;
  type: Type;
  names: string[];
  en: string;
  desc: string;
  sources: Set<string>;
  rank: number;
}

const drafts: Draft[] = [];
const byId = new Map<string, Draft>();
/** Normalised name → draft that owns it; the first (best ranked) source keeps a name. */
const owner = new Map<string, Draft>();

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as T;
}

function slug(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  );
}

/** Clean a source name: drop parenthesised disambiguators and stray spaces; reject non-Arabic names. */
function clean(name: string): string | null {
  const s = name
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/^[\u0600-\u06ff][\u0600-\u06ff\s\d-]*$/.test(s)) return null;
  if (nameTokens(s).length === 0 || nameTokens(s).length > 7) return null;
  return s;
}

function addEntry(id: string, type: Type, names: string[], en: string, desc: string, source: string, rank: number): void {
  let d = byId.get(id);
  if (!d) {
    d = { id, type, names: [], en, desc, sources: new Set(), rank };
    byId.set(id, d);
    drafts.push(d);
  }
  d.sources.add(source);
  if (!d.desc && desc) d.desc = desc;
  for (const raw of names) {
    const name = clean(raw);
    if (!name) continue;
    const key = nameTokens(name).join(' ');
    const held = owner.get(key);
    if (held && held !== d) continue;
    owner.set(key, d);
    if (!d.names.includes(name)) d.names.push(name);
  }
}

// 1. Curated lists: the project's own, first so they win every name they claim.
const CURATED = join(ROOT, 'knowledge', 'curated');
for (const file of [
  'places.json',
  'international-organizations.json',
  'government-bodies.json',
  'agencies.json',
  'news-outlets.json',
  'parties-and-groups.json',
  'clubs-and-leagues.json',
  'people.json',
]) {
  const list = readJson<{ type: string; entries: { ar: string[]; en: string; desc?: string; key?: string }[] }>(join(CURATED, file));
  const type: Type = list.type === 'place' ? 'l' : list.type === 'person' ? 'p' : 'o';
  for (const e of list.entries) {
    const id = e.key && /^[A-Z]{2}$/.test(e.key) ? `l:${e.key}` : `${type}:${slug(e.en)}`;
    addEntry(id, type, e.ar, e.en, e.desc ?? '', 'siyaq', 0);
  }
}

// 2. Countries and territories (CLDR + i18n-iso-countries), keyed by ISO code.
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const cldr = readJson<{ main: { ar: { localeDisplayNames: { territories: Record<string, string> } } } }>(
  join(GAZ, 'cldr-localenames-full', 'ar-territories.json'),
).main.ar.localeDisplayNames.territories;
for (const [code, name] of Object.entries(cldr)) {
  const iso = code.split('-')[0]!;
  if (!/^[A-Z]{2}$/.test(iso)) continue;
  let en = iso;
  try {
    en = regionNames.of(iso) ?? iso;
  } catch {}
  addEntry(`l:${iso}`, 'l', [name], en, '', 'cldr', 1);
}
const iso = readJson<{ countries: Record<string, string | string[]> }>(join(GAZ, 'i18n-iso-countries', 'ar.json')).countries;
for (const [code, names] of Object.entries(iso)) {
  let en = code;
  try {
    en = regionNames.of(code) ?? code;
  } catch {}
  addEntry(`l:${code}`, 'l', Array.isArray(names) ? names : [names], en, '', 'iso', 1);
}

// 3. People (ArWikiCats enwiki → arwiki titles).
const people = readJson<Record<string, string>>(join(GAZ, 'arwikicats', 'people', 'peoples.json'));
const titleCase = (s: string) => s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
for (const [en, ar] of Object.entries(people)) {
  // Category-like keys («photographers from russian empire») and one-word names are not people entries.
  if (/\b(from|of|people|players|in|and)\b/.test(en) || nameTokens(ar).length < 2 || ar.startsWith('ال')) continue;
  addEntry(`p:${slug(en)}`, 'p', [ar], titleCase(en), '', 'awc', 2);
}

// 4. Cities with population (world-cities-translations), the larger first.
const cityRows = readFileSync(join(GAZ, 'world-cities-translations', 'world-cities.jsonl'), 'utf8')
  .replace(/^\uFEFF/, '')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { Country: string; CityNameEn: string; CityNameAr: string; Population: number })
  .sort((a, b) => b.Population - a.Population || a.CityNameEn.localeCompare(b.CityNameEn));
for (const c of cityRows) {
  // «محافظة حماة» is written «حماة» in running text; the administrative word is not part of the name.
  const names = [c.CityNameAr.replace(/^(ولاية|محافظة|مقاطعة|إقليم|منطقة|مدينة) /, '')];
  addEntry(`l:${slug(c.CityNameEn)}-${slug(c.Country)}`, 'l', names, c.CityNameEn, '', 'cities', 3);
}

// 5. Other places and political entities (ArWikiCats geography and cities); organizations there are skipped.
const ORG_HEAD = /^(جامعة|شركة|نادي|حزب|منظمة|مجلس|وزارة|هيئة|بنك|مصرف|معهد|مدرسة|مستشفى|متحف|كنيسة|مسجد|جامع|ملعب|مطار|فندق|قصر|سجن)\s/;
// The country-linked titles (P17) mix places with plants, languages, films, dishes and people
// («تعدد الزوجات» Polygyny, «رنين» resonance): from that file only titles that say they are places.
const PLACE_TITLE =
  /,|\b(province|county|region|district|state|states|island|islands|river|valley|mountains?|lake|sea|ocean|gulf|bay|kingdom|empire|republic|emirate|sultanate|caliphate|duchy|principality|dynasty|municipality|governorate|prefecture|territory|city|town|desert|peninsula|oblast|canton)\b/;
for (const file of ['geography/P17_2_final_ll.json', 'geography/popopo.json', 'cities/cities_full.json']) {
  const geo = readJson<Record<string, string>>(join(GAZ, 'arwikicats', file));
  const small = file.startsWith('cities/');
  const mixed = file.startsWith('geography/P17');
  for (const [en, rawAr] of Object.entries(geo)) {
    if (mixed && !PLACE_TITLE.test(en)) continue;
    // As with the cities list: «محافظة حماة» is written «حماة» in running text.
    const ar = rawAr.replace(/^(ولاية|محافظة|مقاطعة|إقليم|منطقة|مدينة|بلدية) /, '');
    if (ORG_HEAD.test(ar)) continue;
    // The long tail of small towns: only names of two words or more, where clashes with words are rare.
    if (small && nameTokens(ar).length < 2 && !/^(ال)/.test(ar)) continue;
    const id = `l:${slug(en)}`;
    addEntry(byId.has(id) && byId.get(id)!.type !== 'l' ? `l:${slug(en)}-place` : id, 'l', [ar], titleCase(en), '', 'awc', 4);
  }
}

// 6. Word statistics: everyday words (mostly tagged O in ANERcorp/WikiFANE, or stop words) and name tokens.
const counts = new Map<string, { o: number; pers: number; ent: number; bpers: number; single: number }>();
/** Counts a word's tags; `bpers` counts only B-PER tags followed by I-PER (the given name of a longer name). */
function count(word: string, tag: string, nextTag = ''): void {
  const w = normalize(word).trim();
  if (!w || !/^[\u0621-\u064a]+$/.test(w)) return;
  const c = counts.get(w) ?? { o: 0, pers: 0, ent: 0, bpers: 0, single: 0 };
  if (tag === 'O') c.o++;
  else {
    c.ent++;
    if (/PER/.test(tag)) c.pers++;
    if (/^B-PER/.test(tag) && /^I-PER/.test(nextTag)) c.bpers++;
    if (/^B-/.test(tag) && !/^I-/.test(nextTag)) c.single++;
  }
  counts.set(w, c);
}
for (const file of [join(DATA, 'ner', 'anercorp-camellab', 'ANERCorp_CamelLab_train.txt')]) {
  if (!existsSync(file)) continue;
  // Only the training part: the last 10% of sentences is the tagger's dev set and must stay unseen.
  const all = readFileSync(file, 'utf8').split('\n');
  const sentenceEnds = all.flatMap((line, k) => (line.trim() === '' && k > 0 && all[k - 1]?.trim() ? [k] : []));
  const sentences = sentenceEnds.length + (all.at(-1)?.trim() ? 1 : 0);
  const devStart = sentenceEnds[sentences - Math.round(sentences * 0.1) - 1] ?? all.length;
  const lines = all.slice(0, devStart);
  lines.forEach((line, k) => {
    const i = line.lastIndexOf(' ');
    const next = lines[k + 1] ?? '';
    if (i > 0) count(line.slice(0, i), line.slice(i + 1).trim(), next.slice(next.lastIndexOf(' ') + 1).trim());
  });
}
const fane = join(DATA, 'ner', 'wikifane', 'WikiFANE_Gold_2014_500K.txt');
if (existsSync(fane)) {
  const lines = readFileSync(fane, 'utf8').split('\n');
  const tagOf = (line: string | undefined) => {
    const tag = (line ?? '').replace(/\r$/, '').split('\t')[1] ?? '';
    return /Person|PER/.test(tag) ? tag.replace(/-.*/, '-PER') : tag === 'O' || !tag ? 'O' : `${tag.slice(0, 1)}-ENT`;
  };
  lines.forEach((line, k) => {
    const [w, tag] = line.replace(/\r$/, '').split('\t');
    if (w && tag) count(w, tagOf(line), tagOf(lines[k + 1]));
  });
}
const common = new Set<string>();
for (const [w, c] of counts) if (c.o >= 3 && c.ent / (c.o + c.ent) < 0.2) common.add(w);
const stop = readJson<{ ar: string[] }>(join(DATA, 'lexicons', 'stopwords-iso', 'stopwords-iso.json')).ar;
for (const w of stop) for (const t of nameTokens(w)) common.add(t);

const firstNames = new Set<string>();
const nameToks = new Set<string>();
for (const [w, c] of counts) {
  if (common.has(w) || w.length < 2) continue;
  if (c.bpers >= 2 && c.bpers * 2 >= c.pers && c.pers >= c.o) firstNames.add(w);
  if (c.pers >= 1 && c.pers >= c.o) nameToks.add(w);
}
for (const d of drafts) {
  if (d.type !== 'p') continue;
  for (const name of d.names) {
    const toks = nameTokens(name);
    if (toks.length < 2) continue;
    if (!common.has(toks[0]!) && toks[0]!.length >= 2) firstNames.add(toks[0]!);
    for (const t of toks) if (!common.has(t) && t.length >= 2) nameToks.add(t);
  }
}
// Given names that are also everyday words (knowledge/curated/given-names.json): kept as given names
// although they are common, so a title can introduce them («وزير الخارجية التركي مولود تشاوش أوغلو»).
for (const w of readJson<{ names: string[] }>(join(CURATED, 'given-names.json')).names) firstNames.add(normalize(w));
// ANERgazet person names: a mix of given and family names; the ones without «ال» may open a name.
const anergazet = join(DATA, 'ner', 'anergazet', 'AlignedPersGazetteer', 'data');
if (existsSync(anergazet)) {
  for (const line of readFileSync(anergazet, 'utf8').split('\n')) {
    const w = normalize(line.trim());
    if (w.length < 3 || common.has(w) || !/^[\u0621-\u064a]+$/.test(w)) continue;
    nameToks.add(w);
    if (!w.startsWith('ال')) firstNames.add(w);
  }
}
const net = join(GAZ, 'netransliteration-coling2018', 'wd_arabic.normalized.aligned.tokens');
for (const line of readFileSync(net, 'utf8').split('\n')) {
  const [, ar, n] = line.split('\t');
  if (!ar || Number(n) < 2) continue;
  const w = normalize(ar.replace(/ /g, ''));
  if (w.length >= 3 && !common.has(w)) nameToks.add(w);
}

// A one-word place from the long lists that corpora mostly use as an everyday word («ميدان») is dropped.
for (const d of drafts) {
  if (d.rank < 3) continue;
  d.names = d.names.filter((name) => {
    const toks = nameTokens(name);
    if (toks.length !== 1) return true;
    const c = counts.get(toks[0]!);
    return !c || c.o < 2 || c.single >= c.o;
  });
}

// 7. Write the compact file.
const rows: GazetteerRow[] = drafts
  .filter((d) => d.names.length > 0)
  .map((d) => [d.id, d.type, d.names.join('|'), d.en, d.desc, [...d.sources].join(',')]);
const sorted = (s: Set<string>) => [...s].sort().join(' ');
const data: GazetteerData = {
  version: 1,
  sources: SOURCES,
  entries: rows,
  firstNames: sorted(firstNames),
  nameTokens: sorted(nameToks),
  common: sorted(common),
  minorSources: 'cities,awc',
};
mkdirSync(dirname(OUT), { recursive: true });
const json = `${JSON.stringify(data).replace(/\],\[/g, '],\n[')}\n`;
writeFileSync(OUT, json);
const byType = { p: 0, o: 0, l: 0 };
for (const r of rows) byType[r[1]]++;
console.log(
  `gazetteer: ${rows.length} entries (${byType.p} persons, ${byType.o} organizations, ${byType.l} places), ` +
    `${firstNames.size} given names, ${nameToks.size} name tokens, ${common.size} everyday words, ${(json.length / 1024).toFixed(0)} KB chars → ${OUT}`,
);
