// `npm run build:whoswho`: compile the who's-who (public/whoswho.json.gz) from ../shared/data:
// Siyaq's own analysis over the unlabelled news and encyclopaedia corpus (two worker processes), aggregated
// per actor (scripts/whoswho-aggregate.ts), plus WikiFANE's fine classes as one-word descriptions, the
// cities' country and population, and nationality adjectives for organizations named «head + nationality».
// Deterministic: the same corpus gives the same bytes. Options: --limit N (first N texts, to measure),
// --workers N (default 2), --out FILE, --keep DIR (keep the analysed texts there and reuse them).
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  adjectiveStemsOf,
  countryOfAdjective,
  TYPE_OF_LETTER,
  type TypeLetter,
  type WhoEntry,
  type WhoIndex,
  whoKey,
} from '../knowledge/whoswho';
import type { GazetteerData } from '../nlp/gazetteer';
import { nameTokens } from '../nlp/gazetteer';
import { normalize } from '../nlp/normalize';
import type { ActorType } from '../types/analysis';
import { aggregate } from './whoswho-aggregate';
import { type ReadText, readLine } from './whoswho-read';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, '..', 'shared', 'data');
const CORPUS = join(DATA, 'unlabelled', 'ar-news-unlabelled.txt.xz');
const WIKIFANE = join(DATA, 'ner', 'wikifane', 'WikiFANE_Gold_2014_500K.txt');
const CITIES = join(DATA, 'gazetteer', 'world-cities-translations', 'world-cities.jsonl');
const GAZETTEER = join(ROOT, 'knowledge', 'data', 'gazetteer.json');
const MIN_ARTICLES = 3;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const gazetteer = JSON.parse(readFileSync(GAZETTEER, 'utf8')) as GazetteerData;

/** Stream the corpus through `xz -dc`, one line at a time. */
async function* corpusLines(limit: number): AsyncGenerator<string> {
  const xz = spawn('xz', ['-dc', CORPUS], { stdio: ['ignore', 'pipe', 'inherit'] });
  let n = 0;
  for await (const line of createInterface({ input: xz.stdout, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (n >= limit) break;
    yield line;
    n++;
  }
  xz.kill();
}

/** Worker: analyse every `of`-th text starting at `part`, one JSON line per text on the given file. */
async function worker(part: number, of: number, limit: number, outFile: string): Promise<void> {
  const { loadAnalyzer } = await import('../knowledge/recognizer');
  const analyze = await loadAnalyzer();
  const out = createWriteStream(outFile);
  let i = 0;
  for await (const line of corpusLines(limit)) {
    if (i % of === part && line.trim()) {
      const read = readLine(line, analyze);
      if (!out.write(`${JSON.stringify([i, read])}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    i++;
  }
  await new Promise<void>((r) => out.end(r));
}

/** Run the workers as child processes (one per core) and gather their texts in corpus order. */
async function analyseCorpus(limit: number, workers: number, keep: string | undefined): Promise<ReadText[]> {
  const dir = keep ?? join(tmpdir(), `siyaq-whoswho-${process.pid}`);
  const done = join(dir, `done-${limit}-${workers}`);
  mkdirSync(dir, { recursive: true });
  const files = Array.from({ length: workers }, (_, p) => join(dir, `part-${p}.jsonl`));
  // --keep DIR: the analysed texts of an earlier run with the same options are read again, not recomputed.
  if (!existsSync(done))
    await Promise.all(
      files.map(
        (file, p) =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(
              'nice',
              [
                '-n',
                '10',
                process.execPath,
                ...process.execArgv,
                fileURLToPath(import.meta.url),
                '--worker',
                `${p}/${workers}`,
                '--limit',
                String(limit),
                '--to',
                file,
              ],
              { stdio: 'inherit' },
            );
            child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker ${p} exited with ${code}`))));
          }),
      ),
    );
  writeFileSync(done, '');
  const texts: ReadText[] = [];
  for (const file of files) {
    for await (const line of createInterface({ input: createReadStream(file) })) {
      const [i, read] = JSON.parse(line) as [number, ReadText];
      texts[i] = read;
    }
  }
  if (!keep) rmSync(dir, { recursive: true, force: true });
  return texts.filter((t) => t !== undefined);
}

/** Country codes by their Arabic names (gazetteer rows «l:XX»), and nationality adjective stems. */
function countries(): { byName: Map<string, string>; adjectives: Record<string, string>; rows: [string, string[]][] } {
  const byName = new Map<string, string>();
  const adjectives: Record<string, string> = {};
  const rows: [string, string[]][] = [];
  for (const [id, type, names] of gazetteer.entries) {
    const code = /^l:([A-Z]{2})$/.exec(id)?.[1];
    if (type !== 'l' || !code) continue;
    const list = names.split('|');
    rows.push([code, list]);
    for (const name of list) {
      if (!byName.has(normalize(name))) byName.set(normalize(name), code);
      for (const stem of adjectiveStemsOf(name)) adjectives[stem] ??= code;
    }
  }
  return { byName, adjectives, rows };
}

// Words before a place name in running text: prepositions of place and place nouns («في», «مدينة»).
const LOCATIVE = new Set('في من الى نحو قرب مدينه ولايه عاصمه بلده محافظه منطقه اقليم شمال جنوب شرق غرب وسط داخل حتى عبر'.split(' '));

/**
 * How often each one-word place name is written as a place in the corpus: after a preposition or place
 * noun («في جدة», «مدينة جدة»), out of all its occurrences (with «و», «ف», «ب», «ل» stripped; «بفيروس»
 * is «with a virus» as often as «بجدة» is «in Jeddah», so a clitic is no evidence).
 */
async function placeContexts(words: ReadonlySet<string>, limit: number): Promise<Map<string, { seen: number; asPlace: number }>> {
  const out = new Map<string, { seen: number; asPlace: number }>();
  for await (const line of corpusLines(limit)) {
    const toks = nameTokens(line);
    toks.forEach((tok, i) => {
      const stem = tok.replace(/^[وف]?[بل]?/, '');
      const word = words.has(tok) ? tok : words.has(stem) ? stem : null;
      if (!word) return;
      const c = out.get(word) ?? { seen: 0, asPlace: 0 };
      c.seen++;
      const before = (toks[i - 1] ?? '').replace(/^و/, '');
      if (LOCATIVE.has(before)) c.asPlace++;
      out.set(word, c);
    });
  }
  return out;
}

/**
 * One-word names that only the world-cities and ArWikiCats lists make places, and that are more likely
 * something else when asked without a type: a word the corpus rarely writes as a place (under 10% of at
 * least 10 occurrences: «كورونا» in «فيروس كورونا», «جون» the given name); for a word the corpus hardly
 * has, a town under 100,000 people or a given name.
 */
async function everydayPlaceNames(cities: { CityNameAr: string; Population: number }[], limit: number): Promise<string[]> {
  const minor = new Set((gazetteer.minorSources ?? '').split(','));
  const firstNames = new Set(gazetteer.firstNames.split(' '));
  const population = new Map<string, number>();
  for (const c of cities) {
    const toks = nameTokens(c.CityNameAr);
    if (toks.length === 1) population.set(toks[0]!, Math.max(population.get(toks[0]!) ?? 0, c.Population));
  }
  const major = new Set<string>();
  const candidates = new Set<string>();
  for (const [, type, names, , , sources] of gazetteer.entries) {
    const onlyMinor = sources.split(',').every((s) => minor.has(s));
    for (const name of names.split('|')) {
      const toks = nameTokens(name);
      if (toks.length !== 1) continue;
      if (type !== 'l' || !onlyMinor) major.add(toks[0]!);
      else candidates.add(toks[0]!);
    }
  }
  for (const w of major) candidates.delete(w);
  const contexts = await placeContexts(candidates, limit);
  return [...candidates]
    .filter((w) => {
      const ctx = contexts.get(w);
      if (ctx && ctx.seen >= 10) return ctx.asPlace < ctx.seen * 0.1;
      const pop = population.get(w);
      return (pop !== undefined && pop < 100_000) || firstNames.has(w);
    })
    .sort();
}

// What an encyclopaedia description's first word says its subject is.
const DESCRIPTION_TYPES: [RegExp, ActorType][] = [
  [/^(?:مدينة|قرية|بلدة|دولة|جمهورية|مملكة|عاصمة|محافظة|ولاية|مقاطعة|منطقة|إقليم|جزيرة|نهر|بحيرة|جبل|حي|ناحية|بلدية|مركز|قضاء)\b/, 'place'],
  [
    /^(?:سياسي|سياسية|ممثل|ممثلة|مغني|مغنية|مطرب|مطربة|كاتب|كاتبة|شاعر|شاعرة|لاعب|لاعبة|عالم|عالمة|فنان|فنانة|ملحن|مخرج|مخرجة|رسام|فيلسوف|طبيب|مؤرخ|صحفي|صحفية|روائي|روائية|رئيس|ملك|أمير|قائد|رجل|امرأة|مهندس|محام|اقتصادي|فقيه|قارئ|داعية|مدرب|ناشط|ناشطة|دبلوماسي|إعلامي|إعلامية|موسيقي|ملاكم|عازف|شيخ|إمام|خليفة|سلطان|وزير|مفكر|أديب|أديبة|باحث)\b/,
    'person',
  ],
  [
    /^(?:منظمة|حزب|شركة|نادي|ناد|فريق|جامعة|مؤسسة|هيئة|وكالة|صحيفة|قناة|مجلة|جمعية|حركة|جماعة|اتحاد|منتخب|مصرف|بنك|وزارة|مجلس|محطة)\b/,
    'organization',
  ],
];

function typeOfDescription(description: string): ActorType | null {
  for (const [re, type] of DESCRIPTION_TYPES) if (re.test(description)) return type;
  return null;
}

// WikiFANE's fine classes that say in one word who or what a name is.
const FANE_CLASSES: Record<string, [TypeLetter, string]> = {
  Politician: ['p', 'سياسي'],
  Artist: ['p', 'فنان'],
  Athlete: ['p', 'رياضي'],
  Scientist: ['p', 'عالم'],
  Religious_PER: ['p', 'رجل دين'],
  Businessperson: ['p', 'رجل أعمال'],
  Engineer: ['p', 'مهندس'],
  Lawyer: ['p', 'محامٍ'],
  Commercial: ['o', 'شركة'],
  'Non-Governmental': ['o', 'منظمة'],
  Government: ['o', 'هيئة حكومية'],
  Sports: ['o', 'نادٍ'],
  Media: ['o', 'وسيلة إعلام'],
  Educational: ['o', 'مؤسسة تعليمية'],
  Religious_ORG: ['o', 'مؤسسة دينية'],
  'Population-Center': ['l', 'مدينة'],
  Nation: ['l', 'دولة'],
  'State-or-Province': ['l', 'إقليم'],
  'County-or-District': ['l', 'مقاطعة'],
  'Water-Body': ['l', 'مسطح مائي'],
  Continent: ['l', 'قارة'],
  Airport: ['l', 'مطار'],
};

/** WikiFANE names with the fine class most of their occurrences carry. */
function wikifaneNames(): { name: string; type: TypeLetter; description: string }[] {
  const votes = new Map<string, Map<string, number>>();
  const names = new Map<string, string>();
  let words: string[] = [];
  let cls = '';
  const close = () => {
    if (words.length && FANE_CLASSES[cls]) {
      const name = words.join(' ');
      const key = whoKey(name);
      if (key) {
        names.set(key, names.get(key) ?? name);
        const v = votes.get(key) ?? new Map<string, number>();
        v.set(cls, (v.get(cls) ?? 0) + 1);
        votes.set(key, v);
      }
    }
    words = [];
    cls = '';
  };
  for (const raw of readFileSync(WIKIFANE, 'utf8').split(/\r?\n/)) {
    const [token, tag] = raw.replace(/[\u200e\ufeff]/g, '').split('\t');
    if (!tag || tag === 'O') {
      close();
      continue;
    }
    const [bio, c] = [tag.slice(0, 1), tag.slice(2)];
    if (bio === 'B' || c !== cls) close();
    cls = c;
    words.push(token!.trim());
  }
  close();
  const out: { name: string; type: TypeLetter; description: string }[] = [];
  for (const [key, v] of [...votes].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [cls] = [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    const [type, description] = FANE_CLASSES[cls]!;
    out.push({ name: names.get(key)!, type, description });
  }
  return out;
}

// Heads that, with a nationality adjective after them, name a state body («الحكومة العراقية»).
const ORG_HEADS = `الحكومة|الجيش|البرلمان|الشرطة|الخارجية|الداخلية|الرئاسة|القوات المسلحة|البحرية|السفارة|القنصلية|
  التلفزيون|المنتخب|البنك المركزي|المخابرات|الاستخبارات|الأمن العام|النيابة العامة|المحكمة العليا|
  وزارة الخارجية|وزارة الدفاع|وزارة الداخلية|وزارة العدل|وزارة المالية|وزارة الصحة|وزارة التعليم|وزارة التربية|
  وزارة الاقتصاد|وزارة الإعلام|وزارة الثقافة|وزارة الطاقة|وزارة النفط|وزارة الزراعة|وزارة العمل|وزارة النقل|
  وزارة السياحة|وزارة التجارة|القوات الجوية|القوات البحرية|وكالة الأنباء|مجلس النواب|مجلس الشعب|مجلس الوزراء`;

function orgHeads(): string[] {
  return [...new Set(ORG_HEADS.split('|').map((h) => normalize(h.trim())))].sort();
}

const SOURCES: WhoIndex['sources'] = {
  press: {
    name: 'Siyaq analysis of SaudiNewsNet (2015) and the ANT corpus (2018)',
    licence: 'aggregated facts; SaudiNewsNet CC BY-NC-SA 4.0, ANT citation licence',
    url: 'https://github.com/parallelfold/SaudiNewsNet',
  },
  wikipedia: {
    name: 'Arabic Wikipedia (2017), first sentences',
    licence: 'CC BY-SA 4.0',
    url: 'https://ar.wikipedia.org',
  },
  wikifane: {
    name: 'WikiFANE fine-grained classes',
    licence: 'CC BY-SA 3.0',
    url: 'https://github.com/ibrahim85/Arabic-Named-Entity-Recognition-1',
  },
  cities: {
    name: 'world-cities-translations @4f746ebc',
    licence: 'CC BY 4.0',
    url: 'https://github.com/jamsshhayd/world-cities-translations',
  },
  countries: { name: 'Unicode CLDR / i18n-iso-countries', licence: 'Unicode-3.0 / MIT', url: 'https://github.com/unicode-org/cldr-json' },
  generated: { name: 'Siyaq: a state body and a nationality adjective', licence: 'MIT', url: '' },
};

async function build(): Promise<number> {
  if (!existsSync(CORPUS)) {
    process.stderr.write(`build-whoswho: the corpus is missing: ${CORPUS}\n(see ../shared/data/README.md)\n`);
    return 1;
  }
  const limit = Number(option('--limit') ?? Number.POSITIVE_INFINITY);
  const workers = Number(option('--workers') ?? 2);
  const out = option('--out') ?? join(ROOT, 'public', 'whoswho.json.gz');
  const started = performance.now();
  const texts = await analyseCorpus(limit, workers, option('--keep'));
  const analysed = performance.now();
  process.stderr.write(`analysed ${texts.length} texts in ${((analysed - started) / 1000).toFixed(0)} s with ${workers} workers\n`);

  const { byName, adjectives, rows } = countries();
  // Keys of the gazetteer's given names: a lone «جون» is no one in particular.
  const givenNames = new Set(gazetteer.firstNames.split(' ').map(whoKey));
  const agg = aggregate(texts, {
    minArticles: MIN_ARTICLES,
    countryOfWord: (w) => countryOfAdjective(w, adjectives),
    isGivenName: (key) => givenNames.has(key),
    typeOfDescription,
  });
  const entries = agg.entries;
  const keys = agg.keys;
  const addKeys = (at: number, names: string[]): void => {
    for (const name of names) {
      const key = whoKey(name);
      if (key) keys[key] = [...(keys[key] ?? []).filter((i) => i !== at), at];
    }
  };
  const addEntry = (entry: WhoEntry, names: string[]): void => {
    entries.push(entry);
    addKeys(entries.length - 1, names);
  };
  /** The index of the entry of this type a name already has, or -1. */
  const existingAt = (name: string, type: TypeLetter): number => (keys[whoKey(name)] ?? []).find((i) => entries[i]!.t === type) ?? -1;
  const existing = (name: string, type: TypeLetter): WhoEntry | undefined => entries[existingAt(name, type)];

  // Countries: kind «دولة» and their own code.
  for (const [code, names] of rows) {
    const e = existing(names[0]!, 'l');
    if (e) Object.assign(e, { k: 'دولة', c: code });
    else addEntry({ n: names[0]!, t: 'l', a: 0, k: 'دولة', c: code, ds: 'countries' }, names);
  }
  // Cities: kind, country and population.
  const cities = readFileSync(CITIES, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { CountryAr: string; CityNameAr: string; CityNameEn: string; Population: number })
    // A name shared by several cities means the largest («لندن» is London, England).
    .sort((a, b) => b.Population - a.Population || a.CityNameEn.localeCompare(b.CityNameEn));
  for (const c of cities) {
    const name = c.CityNameAr.replace(/^(ولاية|محافظة|مقاطعة|إقليم|منطقة|مدينة) /, '');
    const code = byName.get(normalize(c.CountryAr));
    const e = existing(name, 'l');
    const facts = { k: 'مدينة', ...(code ? { c: code } : {}), pop: c.Population };
    if (e) {
      if (!e.k) Object.assign(e, facts);
    } else addEntry({ n: name, t: 'l', a: 0, ds: 'cities', ...facts }, [name]);
  }
  // WikiFANE: a one-word description where nothing better is known.
  for (const f of wikifaneNames().filter((f) => !(f.type === 'p' && givenNames.has(whoKey(f.name))))) {
    const e = existing(f.name, f.type);
    if (e) {
      if (!e.d && !e.k) Object.assign(e, { d: f.description, ds: 'wikifane' });
    } else addEntry({ n: f.name, t: f.type, a: 0, d: f.description, ds: 'wikifane' }, [f.name]);
  }
  // Latin-script names the gazetteer gives («Vladimir Putin») find the same actor.
  for (const [, type, names, en] of gazetteer.entries) {
    const at = names
      .split('|')
      .map((n) => existingAt(n, type))
      .find((i) => i >= 0);
    if (en && at !== undefined) addKeys(at, [en]);
  }
  for (const list of Object.values(keys)) list.sort((a, b) => entries[b]!.a - entries[a]!.a || a - b);

  const notPlaces = await everydayPlaceNames(cities, limit);
  const index: WhoIndex = {
    version: 1,
    texts: texts.length,
    sources: SOURCES,
    entries,
    keys: Object.fromEntries(Object.entries(keys).sort((a, b) => (a[0] < b[0] ? -1 : 1))),
    adjectives: Object.fromEntries(Object.entries(adjectives).sort((a, b) => (a[0] < b[0] ? -1 : 1))),
    notPlaces,
    orgHeads: orgHeads(),
  };
  const gz = gzipSync(Buffer.from(JSON.stringify(index)), { level: 9 });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, gz);
  const byType = (t: TypeLetter) => entries.filter((e) => e.t === t).length;
  process.stderr.write(
    `${out}: ${(gz.length / 1e6).toFixed(2)} MB, ${entries.length} entries (${(['p', 'o', 'l'] as const)
      .map((t) => `${TYPE_OF_LETTER[t]} ${byType(t)}`)
      .join(', ')}), ${entries.filter((e) => e.r).length} with roles, ${entries.filter((e) => e.d).length} with descriptions, ` +
      `${notPlaces.length} everyday words kept from place cards; ${((performance.now() - started) / 1000).toFixed(0)} s in all\n`,
  );
  return 0;
}

async function main(): Promise<number> {
  const w = option('--worker');
  if (w) {
    const [part, of] = w.split('/').map(Number) as [number, number];
    await worker(part, of, Number(option('--limit') ?? Number.POSITIVE_INFINITY), option('--to')!);
    return 0;
  }
  return build();
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`build-whoswho: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
