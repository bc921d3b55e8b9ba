// `npm run eval`: score the analyser against the gold files (../shared/seed/seed-gold.json and
// ../shared/data/news-dev/gold/, format in ../shared/eval/GUIDELINES.md) and print a table.
// Rules (issue 3): a system quotation matches a gold one when their normalised texts overlap by at
// least half of the longer; hits on gold nonQuotes are false positives; ambiguous spans are ignored.
// Speaker: the gold speaker's last name appears in the system speaker's name or aliases. A gold
// actor is found when a system actor has a mention equal to one of its forms, or to a form with
// clitics stripped (and the same type). Fragmentation: system actors per found gold actor.
// Options: --verbose (per-article misses), --no-tagger, --json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAnalyzer } from '../knowledge/recognizer';
import { nameTokens } from '../nlp/gazetteer';
import { normalize } from '../nlp/normalize';
import { cliticReadings } from '../nlp/tokenize';
import type { ActorType, Analysis } from '../nlp/types';
import { parseTextArticle } from './article-file';
import { evalDetection, formatDetection } from './eval-detection';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = join(ROOT, '..', 'shared');
const args = new Set(process.argv.slice(2));
const verbose = args.has('--verbose');

interface GoldActor {
  name: string;
  type: ActorType;
  forms: string[];
  roles?: string[];
}
interface GoldQuote {
  text: string;
  speaker: string;
  speakerType: string;
  cue: string;
}
interface Gold {
  file: string;
  actors: GoldActor[];
  quotes: GoldQuote[];
  nonQuotes?: string[];
  ambiguous?: string[];
}

/** Counts for one article or the whole set. */
interface Score {
  articles: number;
  sysQuotes: number;
  ignoredQuotes: number;
  matchedSys: number;
  goldQuotes: number;
  matchedGold: number;
  nonQuoteHits: number;
  speakerRight: number;
  goldActors: Record<ActorType, number>;
  foundActors: Record<ActorType, number>;
  sysActors: number;
  correctSysActors: number;
  fragments: number;
}

function emptyScore(): Score {
  return {
    articles: 0,
    sysQuotes: 0,
    ignoredQuotes: 0,
    matchedSys: 0,
    goldQuotes: 0,
    matchedGold: 0,
    nonQuoteHits: 0,
    speakerRight: 0,
    goldActors: { person: 0, organization: 0, place: 0 },
    foundActors: { person: 0, organization: 0, place: 0 },
    sysActors: 0,
    correctSysActors: 0,
    fragments: 0,
  };
}

const norm = (s: string) =>
  normalize(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Overlap of two normalised texts relative to the longer one (longest common substring, word-based). */
function overlapRatio(a: string, b: string): number {
  const x = norm(a).split(' ');
  const y = norm(b).split(' ');
  if (x.length === 0 || y.length === 0) return 0;
  let best = 0;
  const prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    let diag = 0;
    for (let j = 1; j <= y.length; j++) {
      const tmp = prev[j]!;
      prev[j] = x[i - 1] === y[j - 1] ? diag + 1 : 0;
      if (prev[j]! > best) best = prev[j]!;
      diag = tmp;
    }
  }
  return best / Math.max(x.length, y.length);
}

const matches = (a: string, b: string) => overlapRatio(a, b) >= 0.5;

/** A form and its clitic-stripped variants (first word: و ف ب ل ك س and ال). */
function formVariants(form: string): Set<string> {
  const toks = nameTokens(form);
  const out = new Set<string>([toks.join(' ')]);
  if (toks.length === 0) return out;
  for (const r of cliticReadings(toks[0]!)) out.add([r.stem, ...toks.slice(1)].join(' '));
  return out;
}

function lastName(name: string): string {
  const toks = nameTokens(name);
  return toks[toks.length - 1] ?? '';
}

function scoreArticle(gold: Gold, analysis: Analysis, misses: string[]): Score {
  const s = emptyScore();
  s.articles = 1;
  // Quotations.
  // One-to-one matching, best overlaps first, so a short system span cannot take a longer one's gold.
  const golds = gold.quotes.map((q) => ({ q, used: false }));
  const pairs: { k: number; g: number; r: number }[] = [];
  analysis.quotes.forEach((sq, k) => {
    golds.forEach((g, gi) => {
      const r = overlapRatio(g.q.text, sq.text);
      if (r >= 0.5) pairs.push({ k, g: gi, r });
    });
  });
  pairs.sort((a, b) => b.r - a.r || a.k - b.k);
  const goldOf = new Map<number, number>();
  for (const p of pairs) {
    if (goldOf.has(p.k) || golds[p.g]!.used) continue;
    const amb = Math.max(0, ...(gold.ambiguous ?? []).map((t) => overlapRatio(t, analysis.quotes[p.k]!.text)));
    if (amb > p.r) continue;
    goldOf.set(p.k, p.g);
    golds[p.g]!.used = true;
  }
  analysis.quotes.forEach((sq, k) => {
    const gi = goldOf.get(k);
    if (gi !== undefined) {
      const g = golds[gi]!;
      s.sysQuotes++;
      s.matchedSys++;
      const last = lastName(g.q.speaker);
      const actor = analysis.actors.find((a) => a.id === sq.speaker.actorId);
      const names = [sq.speaker.name ?? '', ...(actor ? [actor.name, ...actor.aliases] : [])].map((n) => nameTokens(n));
      const right = last !== '' && names.some((toks) => toks.some((t) => t === last || cliticReadings(t).some((r) => r.stem === last)));
      if (right) s.speakerRight++;
      else misses.push(`speaker: «${g.q.text.slice(0, 40)}» gold ${g.q.speaker} / got ${sq.speaker.name ?? sq.speaker.kind}`);
      return;
    }
    if ((gold.ambiguous ?? []).some((t) => matches(t, sq.text))) {
      s.ignoredQuotes++;
      return;
    }
    s.sysQuotes++;
    if ((gold.nonQuotes ?? []).some((t) => matches(t, sq.text))) s.nonQuoteHits++;
    misses.push(`false quote: «${sq.text.slice(0, 50)}»`);
  });
  s.goldQuotes = gold.quotes.length;
  s.matchedGold = golds.filter((g) => g.used).length;
  for (const g of golds) if (!g.used) misses.push(`missed quote: «${g.q.text.slice(0, 50)}» (${g.q.speaker})`);
  // Actors.
  const sysForms = analysis.actors.map(
    (a) => new Set(a.mentions.filter((m) => m.kind !== 'role').map((m) => nameTokens(m.text).join(' '))),
  );
  const sysCorrect = new Array<boolean>(analysis.actors.length).fill(false);
  for (const ga of gold.actors) {
    s.goldActors[ga.type]++;
    const variants = new Set<string>();
    for (const f of ga.forms) for (const v of formVariants(f)) variants.add(v);
    const hits = analysis.actors.map((_a, k) => [...sysForms[k]!].some((f) => variants.has(f)));
    hits.forEach((h, k) => {
      if (h) sysCorrect[k] = true;
    });
    const typed = analysis.actors.filter((a, k) => hits[k] && a.type === ga.type);
    if (typed.length > 0) {
      s.foundActors[ga.type]++;
      s.fragments += hits.filter(Boolean).length;
    } else {
      const wrongType = analysis.actors.find((_, k) => hits[k]);
      misses.push(`missed ${ga.type}: ${ga.name}${wrongType ? ` (found as ${wrongType.type})` : ''}`);
    }
  }
  s.sysActors = analysis.actors.length;
  s.correctSysActors = sysCorrect.filter(Boolean).length;
  analysis.actors.forEach((a, k) => {
    if (!sysCorrect[k]) misses.push(`extra ${a.type}: ${a.name}`);
  });
  return s;
}

function add(a: Score, b: Score): Score {
  const out = emptyScore();
  for (const k of Object.keys(out) as (keyof Score)[]) {
    const va = a[k];
    const vb = b[k];
    if (typeof va === 'number' && typeof vb === 'number') (out[k] as number) = va + vb;
    else
      for (const t of ['person', 'organization', 'place'] as const)
        (out[k] as Record<ActorType, number>)[t] = (va as Record<ActorType, number>)[t] + (vb as Record<ActorType, number>)[t];
  }
  return out;
}

const pct = (n: number, d: number) => (d === 0 ? '   –  ' : (n / d).toFixed(3).padStart(6));

function row(label: string, s: Score): string {
  const goldAll = s.goldActors.person + s.goldActors.organization + s.goldActors.place;
  const foundAll = s.foundActors.person + s.foundActors.organization + s.foundActors.place;
  return [
    label.padEnd(52),
    pct(s.matchedSys, s.sysQuotes),
    pct(s.matchedGold, s.goldQuotes),
    pct(s.speakerRight, s.matchedSys),
    String(s.nonQuoteHits).padStart(4),
    pct(s.foundActors.person, s.goldActors.person),
    pct(s.foundActors.organization, s.goldActors.organization),
    pct(s.foundActors.place, s.goldActors.place),
    pct(foundAll, goldAll),
    pct(s.correctSysActors, s.sysActors),
    (foundAll === 0 ? 0 : s.fragments / foundAll).toFixed(2).padStart(5),
  ].join(' ');
}

const HEADER = `${'article'.padEnd(52)}  q.prec  q.rec spk.acc nonQ  pers.r  org.r  plc.r  act.r  act.p  frag`;

async function main(): Promise<void> {
  const seedGold = join(SHARED, 'seed', 'seed-gold.json');
  const goldDir = join(SHARED, 'data', 'news-dev', 'gold');
  if (!existsSync(seedGold) || !existsSync(goldDir)) {
    console.error(`eval: gold files not found under ${SHARED} (need seed/seed-gold.json and data/news-dev/gold/)`);
    process.exit(2);
  }
  const analyze = await loadAnalyzer({ tagger: !args.has('--no-tagger') });
  const sets: { name: string; items: { gold: Gold; path: string }[] }[] = [
    { name: 'seed', items: [{ gold: JSON.parse(readFileSync(seedGold, 'utf8')) as Gold, path: join(SHARED, 'seed', 'seed-article.txt') }] },
    {
      name: 'news-dev',
      items: readdirSync(goldDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => {
          const gold = JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as Gold;
          return { gold, path: join(SHARED, 'data', 'news-dev', gold.file) };
        }),
    },
  ];
  const json: Record<string, unknown> = {};
  console.log(HEADER);
  let seedOk = false;
  for (const set of sets) {
    let total = emptyScore();
    for (const { gold, path } of set.items) {
      const input = parseTextArticle(readFileSync(path, 'utf8'));
      const analysis = analyze(input);
      const misses: string[] = [];
      const s = scoreArticle(gold, analysis, misses);
      total = add(total, s);
      if (set.name === 'news-dev') console.log(row(`  ${gold.file}`, s));
      if (verbose) for (const m of misses) console.log(`      ${m}`);
      if (set.name === 'seed') {
        const byName = new Map(analysis.actors.map((a) => [a.name, a]));
        const seedActorsOne = s.fragments === gold.actors.length;
        seedOk =
          s.matchedGold === gold.quotes.length &&
          s.speakerRight === gold.quotes.length &&
          s.nonQuoteHits === 0 &&
          s.foundActors.person + s.foundActors.organization + s.foundActors.place === gold.actors.length &&
          seedActorsOne;
        json.seedActors = [...byName.keys()];
      }
    }
    console.log(row(`${set.name} (${total.articles} articles)`, total));
    json[set.name] = total;
  }
  console.log(`seed target (15 actors, one each, 9 quotations with speakers, «تاس» not a quotation): ${seedOk ? 'met' : 'NOT met'}`);
  console.log('targets on news-dev: q.prec ≥ 0.95, q.rec ≥ 0.90, spk.acc ≥ 0.90, pers.r ≥ 0.95, act.r ≥ 0.90, act.p ≥ 0.85, frag ≤ 1.1');
  try {
    const detection = await evalDetection(SHARED);
    console.log(`\n${formatDetection(detection, verbose)}`);
  } catch (error) {
    console.log(`\ndetection: not scored (${error instanceof Error ? error.message : String(error)})`);
  }
  if (args.has('--json')) console.log(JSON.stringify(json));
}

main().catch((error: unknown) => {
  console.error(`eval: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
