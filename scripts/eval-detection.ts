// Scores language and Arabic-news detection on the labelled pages and texts in ../shared/data:
// pages-dev (saved HTML pages, read through the content script's extractor), negatives-dev
// (Persian, Urdu, dialect encyclopedia, classical text) and, as positives, the seed article and news-dev.
// `npm run eval` prints this section; `npx tsx scripts/eval-detection.ts` runs it alone.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { explainPage, type PageEvidence } from '../nlp/detect';
import type { Language } from '../types/analysis';
import { readArticleFile } from './article-file';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SHARED = join(ROOT, '..', 'shared');

export interface DetectionRow {
  /** Path relative to the shared folder. */
  path: string;
  set: 'pages-dev' | 'negatives-dev' | 'news-dev' | 'seed';
  expected: { language: Language; isArabicNews: boolean };
  got: PageEvidence;
  languageOk: boolean;
  newsOk: boolean;
}

export interface DetectionReport {
  rows: DetectionRow[];
  total: number;
  languageCorrect: number;
  newsCorrect: number;
  /** Every row of pages-dev and negatives-dev (the labelled pages) right: the target. */
  labelledRight: boolean;
  /** Arabic-news precision/recall over all rows. */
  precision: number;
  recall: number;
  allRight: boolean;
}

interface Label {
  path: string;
  language: Language;
  isArabicNews: boolean;
}

async function readLabels(file: string): Promise<Label[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Label);
}

async function judge(file: string, shared: string, set: DetectionRow['set'], expected: DetectionRow['expected']): Promise<DetectionRow> {
  const article = await readArticleFile(file);
  const text = [article.title, ...article.blocks].filter(Boolean).join('\n\n');
  const got = explainPage(article.signals, text);
  return {
    path: relative(shared, file),
    set,
    expected,
    got,
    languageOk: got.language === expected.language,
    newsOk: got.isArabicNews === expected.isArabicNews,
  };
}

/** Judge every labelled page and text; throws when the shared data is missing (an evaluation must fail loudly). */
export async function evalDetection(shared = DEFAULT_SHARED): Promise<DetectionReport> {
  const data = join(shared, 'data');
  for (const dir of ['pages-dev', 'negatives-dev', 'news-dev']) {
    if (!existsSync(join(data, dir))) throw new Error(`detection evaluation needs ${join(data, dir)}, which is missing`);
  }
  const rows: DetectionRow[] = [];
  for (const set of ['pages-dev', 'negatives-dev'] as const) {
    for (const label of await readLabels(join(data, set, 'LABELS.jsonl'))) {
      rows.push(await judge(join(data, set, label.path), shared, set, { language: label.language, isArabicNews: label.isArabicNews }));
    }
  }
  const seed = join(shared, 'seed', 'seed-article.txt');
  if (existsSync(seed)) rows.push(await judge(seed, shared, 'seed', { language: 'ar', isArabicNews: true }));
  for (const outlet of (await readdir(join(data, 'news-dev'), { withFileTypes: true })).filter(
    (d) => d.isDirectory() && d.name !== 'gold',
  )) {
    for (const name of (await readdir(join(data, 'news-dev', outlet.name))).filter((n) => n.endsWith('.txt')).sort()) {
      rows.push(await judge(join(data, 'news-dev', outlet.name, name), shared, 'news-dev', { language: 'ar', isArabicNews: true }));
    }
  }
  const tp = rows.filter((r) => r.expected.isArabicNews && r.got.isArabicNews).length;
  const predicted = rows.filter((r) => r.got.isArabicNews).length;
  const actual = rows.filter((r) => r.expected.isArabicNews).length;
  const languageCorrect = rows.filter((r) => r.languageOk).length;
  const newsCorrect = rows.filter((r) => r.newsOk).length;
  return {
    rows,
    total: rows.length,
    languageCorrect,
    newsCorrect,
    precision: predicted ? tp / predicted : 1,
    recall: actual ? tp / actual : 1,
    allRight: languageCorrect === rows.length && newsCorrect === rows.length,
    labelledRight: rows.filter((r) => r.set === 'pages-dev' || r.set === 'negatives-dev').every((r) => r.languageOk && r.newsOk),
  };
}

/** The detection section of the evaluation table: totals per set, then every wrong row with its evidence. */
export function formatDetection(report: DetectionReport, verbose = false): string {
  const lines = ['## Detection (language, Arabic news)', '', '| set | pages | language right | news right |', '|---|---|---|---|'];
  for (const set of ['pages-dev', 'negatives-dev', 'seed', 'news-dev'] as const) {
    const rows = report.rows.filter((r) => r.set === set);
    if (rows.length === 0) continue;
    lines.push(`| ${set} | ${rows.length} | ${rows.filter((r) => r.languageOk).length} | ${rows.filter((r) => r.newsOk).length} |`);
  }
  lines.push(
    `| all | ${report.total} | ${report.languageCorrect} | ${report.newsCorrect} |`,
    '',
    `Arabic-news precision ${report.precision.toFixed(3)}, recall ${report.recall.toFixed(3)}; labelled pages: ${report.labelledRight ? 'all right' : 'SOME WRONG'}; all rows: ${report.allRight ? 'all right' : 'some wrong'}`,
  );
  const shown = verbose ? report.rows : report.rows.filter((r) => !r.languageOk || !r.newsOk);
  if (shown.length > 0) lines.push('');
  for (const r of shown) {
    const mark = r.languageOk && r.newsOk ? 'ok   ' : 'WRONG';
    lines.push(
      `${mark} ${r.path}: expected ${r.expected.language}/${r.expected.isArabicNews ? 'news' : 'not news'}, got ${r.got.language}/${r.got.isArabicNews ? 'news' : 'not news'} (score ${r.got.newsScore}, ${r.got.words} words; ${r.got.reasons.join(', ')})`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  evalDetection(process.argv.find((a) => a.startsWith('--shared='))?.slice(9))
    .then((report) => {
      console.log(formatDetection(report, process.argv.includes('--verbose')));
      process.exitCode = report.labelledRight ? 0 : 1;
    })
    .catch((error: unknown) => {
      console.error(`eval-detection: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    });
}
