// `npm run eval`: score the analyser with the reference scorer, ../shared/eval/score.py (the gold format
// is in ../shared/eval/GUIDELINES.md), so the figures here are the scorer's own. Prints:
// - the scorer's line for all news-dev gold articles, exactly as `python3 ../shared/eval/score.py
//   ../shared/data/news-dev/gold ../shared/data/news-dev` prints it;
// - the same figures for the tuning and the checking half (scripts/eval-split.json), summed from the
//   scorer's per-article counts with its own formulas: rules are chosen on the tuning half and kept
//   only when the checking half agrees;
// - the seed article's line and its target; the page-detection table.
// Options: --verbose (each article's misses), --json (the three summaries as one JSON line).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalDetection, formatDetection } from './eval-detection';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = join(ROOT, '..', 'shared');
const SCORER = join(SHARED, 'eval', 'score.py');
const NEWS_DEV = join(SHARED, 'data', 'news-dev');
const SEED = join(SHARED, 'seed');
const args = new Set(process.argv.slice(2));

/** One article's counts as the scorer writes them with --out. */
type ArticleCounts = Record<string, number> & { file: string; misses?: string[]; error?: string };
interface ScorerReport {
  summary: Record<string, unknown>;
  articles: ArticleCounts[];
}

/** Run the reference scorer on a gold folder; its printed line comes back as it is, with the per-article counts. */
function runScorer(goldDir: string, articlesRoot: string, scratch: string, name: string): { line: string; report: ScorerReport } {
  const out = join(scratch, `${name}.json`);
  const run = spawnSync('python3', [SCORER, goldDir, articlesRoot, '--out', out], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0 || !existsSync(out)) throw new Error(`score.py failed (exit ${run.status}): ${run.stderr.slice(-500)}`);
  return { line: run.stdout.trim(), report: JSON.parse(readFileSync(out, 'utf8')) as ScorerReport };
}

const div = (a: number, b: number): number => (b ? a / b : 0);
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** The scorer's summary formulas (score.py main) over a subset of its articles. */
export function summarise(articles: readonly ArticleCounts[]): Record<string, number> {
  const g = (k: string) => articles.reduce((sum, a) => sum + (typeof a[k] === 'number' ? a[k] : 0), 0);
  return {
    articles: articles.length,
    quote_precision: round3(div(g('q_tp'), g('q_tp') + g('q_fp'))),
    quote_recall: round3(div(g('q_tp'), g('q_tp') + g('q_fn'))),
    speaker_accuracy: round3(div(g('spk_ok'), g('spk_n'))),
    actor_recall: round3(div(g('a_found'), g('a_gold'))),
    person_recall: round3(div(g('p_found'), g('p_gold'))),
    actor_precision: round3(div(g('a_sys_ok'), g('a_sys'))),
    type_accuracy: round3(div(g('type_ok'), g('a_found'))),
    fragmentation: round3(div(g('frag_sum'), g('a_found'))),
    offset_errors: g('offsets_bad'),
  };
}

const COLUMNS: [string, string][] = [
  ['quote_precision', 'q.prec'],
  ['quote_recall', 'q.rec'],
  ['speaker_accuracy', 'spk.acc'],
  ['actor_recall', 'act.r'],
  ['actor_precision', 'act.p'],
  ['person_recall', 'pers.r'],
  ['type_accuracy', 'type'],
  ['fragmentation', 'frag'],
];

function row(label: string, s: Record<string, number>): string {
  return `${label.padEnd(24)}${COLUMNS.map(([k]) => (s[k] ?? 0).toFixed(3).padStart(8)).join('')}`;
}

async function main(): Promise<void> {
  const goldDir = join(NEWS_DEV, 'gold');
  for (const need of [SCORER, goldDir, join(SEED, 'seed-gold.json')]) {
    if (!existsSync(need)) {
      console.error(`eval: ${need} not found (the gold files and the scorer live in ../shared)`);
      process.exit(2);
    }
  }
  const split = JSON.parse(readFileSync(join(ROOT, 'scripts', 'eval-split.json'), 'utf8')) as { checking: string[] };
  const checking = new Set(split.checking);
  const scratch = mkdtempSync(join(tmpdir(), 'siyaq-eval-'));
  try {
    const news = runScorer(goldDir, NEWS_DEV, scratch, 'news-dev');
    console.log(`score.py, news-dev (${news.report.articles.length} articles):`);
    console.log(news.line);
    const failed = news.report.articles.filter((a) => a.error);
    const tuning = news.report.articles.filter((a) => !checking.has(a.file));
    const check = news.report.articles.filter((a) => checking.has(a.file));
    const missing = split.checking.filter((f) => !news.report.articles.some((a) => a.file === f));
    if (missing.length > 0) throw new Error(`eval-split.json names articles the gold does not have: ${missing.join(', ')}`);
    const halves = { all: summarise(news.report.articles), tuning: summarise(tuning), checking: summarise(check) };
    console.log(`\n${''.padEnd(24)}${COLUMNS.map(([, h]) => h.padStart(8)).join('')}`);
    console.log(row(`tuning (${tuning.length})`, halves.tuning));
    console.log(row(`checking (${check.length})`, halves.checking));
    console.log(row(`all (${news.report.articles.length})`, halves.all));
    console.log(
      'targets on the checking half: q.prec ≥ .97, q.rec ≥ .93, spk.acc ≥ .90, act.r ≥ .92, act.p ≥ .92, pers.r ≥ .95, frag ≤ 1.05',
    );
    if (failed.length > 0) console.log(`analysis failed on: ${failed.map((a) => a.file).join(', ')}`);
    if (args.has('--verbose')) {
      for (const a of news.report.articles) {
        console.log(`\n${checking.has(a.file) ? 'checking' : 'tuning'}  ${a.file}`);
        for (const m of a.misses ?? []) console.log(`    ${m}`);
      }
    }

    // The seed article through the same scorer: a gold folder holding its one file.
    const seedGoldDir = join(scratch, 'seed-gold');
    spawnSync('mkdir', [seedGoldDir]);
    symlinkSync(join(SEED, 'seed-gold.json'), join(seedGoldDir, 'seed-gold.json'));
    const seed = runScorer(seedGoldDir, SEED, scratch, 'seed');
    const s = seed.report.articles[0];
    const seedGold = JSON.parse(readFileSync(join(SEED, 'seed-gold.json'), 'utf8')) as { actors: unknown[]; quotes: unknown[] };
    const seedMet =
      s !== undefined &&
      !s.error &&
      s.a_found === seedGold.actors.length &&
      s.frag_sum === seedGold.actors.length &&
      s.a_sys === s.a_sys_ok &&
      s.q_tp === seedGold.quotes.length &&
      s.q_fp === 0 &&
      s.spk_ok === seedGold.quotes.length;
    console.log(`\nscore.py, seed article:\n${seed.line}`);
    console.log(
      `seed target (every actor found exactly once and nothing else, 9 quotations with their speakers, «تاس» not a quotation): ${seedMet ? 'met' : 'NOT met'}`,
    );
    if (args.has('--verbose')) for (const m of s?.misses ?? []) console.log(`    ${m}`);
    if (args.has('--json')) console.log(JSON.stringify({ ...halves, seed: summarise(seed.report.articles), seedMet }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  try {
    const detection = await evalDetection(SHARED);
    console.log(`\n${formatDetection(detection, args.has('--verbose'))}`);
  } catch (error) {
    console.log(`\ndetection: not scored (${error instanceof Error ? error.message : String(error)})`);
  }
}

main().catch((error: unknown) => {
  console.error(`eval: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
