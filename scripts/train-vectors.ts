// Learn word clusters from the unlabelled news corpus (../shared/data/unlabelled): write the text
// the way the tagger reads words into a temporary folder outside the project, train fastText
// skipgram vectors there (one thread, fixed seed: bit-identical), cluster them with k-means at
// several granularities, count a few corpus statistics per word, and write only those small
// numbers per hashed word to nlp/model/word-clusters.bin. Each stage reuses its output when it is
// already there; --fresh starts over.
//
//   npm run train:vectors        (VECTORS_TOKENS caps the training text, 14.3 M tokens by default)

import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Clusters, encodeClusters } from '../nlp/tagger/clusters';
import { CLS_REPORT, CLS_TITLE, triggerClass } from '../nlp/tagger/features';
import {
  frequencyBucket,
  nestedKmeans,
  parseVec,
  shareBucket,
  splitClitics,
  toggledDefinite,
  VECTOR_LEVELS,
  VECTOR_STATS,
} from '../nlp/tagger/vectors';
import { tokenize } from '../nlp/tokenize';
import { buildWordLists, SHARED_DATA, WORD_CLUSTERS } from './ner-data';

const CORPUS = join(SHARED_DATA, 'unlabelled', 'ar-news-unlabelled.txt.xz');
/** fastText skipgram, word level; one thread and a fixed seed make the vectors bit-identical run to run. */
const FASTTEXT_ARGS = ['-dim', '64', '-epoch', '3', '-minCount', '5', '-maxn', '0', '-thread', '1', '-seed', '0'];
/** Value counts of VECTOR_STATS (shareBucket: 5, frequencyBucket: 10). */
const STAT_SIZES = [5, 5, 10, 5, 5];

function ensureFasttext(): void {
  try {
    execFileSync('fasttext', [], { stdio: 'ignore' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return; // it ran and printed its usage
    execFileSync('apt-get', ['install', '-y', 'fasttext'], { stdio: 'inherit' });
  }
}

async function writeLine(out: NodeJS.WritableStream, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
}

async function close(out: NodeJS.WritableStream): Promise<void> {
  await new Promise<void>((r) => out.end(() => r()));
}

/**
 * The training text: each article (a line of the xz file) as the tagger's normalised words, clitics
 * split where splitClitics says (which needs the counts of a first pass), at most `maxTokens` tokens.
 */
export async function writeTrainingText(corpusXz: string, dir: string, maxTokens: number): Promise<string> {
  const normalised = join(dir, 'normalised.txt');
  const counts = new Map<string, number>();
  const out = createWriteStream(normalised);
  const xz = spawn('xz', ['-dc', corpusXz], { stdio: ['ignore', 'pipe', 'inherit'] });
  let total = 0;
  for await (const line of createInterface({ input: xz.stdout, crlfDelay: Infinity })) {
    const words = tokenize(line).map((t) => t.norm);
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    await writeLine(out, words.join(' '));
    total += words.length;
    if (total >= maxTokens * 0.85) break; // splitting clitics adds about 12% tokens; the cap is on the split text
  }
  xz.kill();
  await close(out);
  const text = join(dir, 'train.txt');
  const split = new Map<string, string>();
  const count = (w: string) => counts.get(w) ?? 0;
  const out2 = createWriteStream(text);
  total = 0;
  for await (const line of createInterface({ input: createReadStream(normalised), crlfDelay: Infinity })) {
    const parts: string[] = [];
    for (const w of line.split(' ')) {
      if (!w) continue;
      let s = split.get(w);
      if (s === undefined) {
        s = splitClitics(w, count).join(' ');
        split.set(w, s);
      }
      parts.push(s);
    }
    const joined = parts.join(' ');
    total += joined.split(' ').length;
    await writeLine(out2, joined);
    if (total >= maxTokens) break;
  }
  await close(out2);
  rmSync(normalised);
  return text;
}

/** Train the vectors (`<model>.vec`, words by falling frequency); extra arguments override the defaults. */
export function trainVectors(text: string, model: string, extra: readonly string[] = []): string {
  ensureFasttext();
  execFileSync('fasttext', ['skipgram', '-input', text, '-output', model, ...FASTTEXT_ARGS, ...extra], { stdio: 'ignore' });
  return `${model}.vec`;
}

/** Per word, the buckets of VECTOR_STATS counted over the training text; `isPersonName` tests a word against the person-name list. */
export async function corpusStats(
  text: string,
  words: ReadonlySet<string>,
  isPersonName: (w: string) => boolean,
): Promise<Map<string, number[]>> {
  const counts = new Map<string, [number, number, number, number]>([...words].map((w) => [w, [0, 0, 0, 0]]));
  const all = new Map<string, number>();
  const classes = new Map<string, number>();
  const classOf = (w: string) => {
    let c = classes.get(w);
    if (c === undefined) {
      c = (triggerClass(w) & (CLS_TITLE | CLS_REPORT)) | (isPersonName(w) ? PERSON : 0);
      classes.set(w, c);
    }
    return c;
  };
  for await (const line of createInterface({ input: createReadStream(text), crlfDelay: Infinity })) {
    const toks = line.split(' ');
    for (let i = 0; i < toks.length; i++) {
      const w = toks[i]!;
      all.set(w, (all.get(w) ?? 0) + 1);
      const c = counts.get(w);
      if (!c) continue;
      c[0]++;
      const p1 = i > 0 ? classOf(toks[i - 1]!) : 0;
      const p2 = i > 1 ? classOf(toks[i - 2]!) : 0;
      const n1 = i + 1 < toks.length ? classOf(toks[i + 1]!) : 0;
      if (p1 & CLS_TITLE) c[1]++;
      if ((p1 | p2) & CLS_REPORT) c[2]++;
      if ((p1 | n1) & PERSON) c[3]++;
    }
  }
  return new Map(
    [...counts].map(([w, [total, title, report, person]]) => {
      const other = all.get(toggledDefinite(w)) ?? 0;
      return [
        w,
        [
          shareBucket(title, total),
          shareBucket(report, total),
          frequencyBucket(total),
          shareBucket(other, other + total),
          shareBucket(person, total),
        ],
      ];
    }),
  );
}

/** A class bit of its own for words of the person-name list (the trigger classes use the low bits). */
const PERSON = 1 << 8;

/**
 * The learnt table: the `maxWords` most frequent words of the vectors file, each with its k-means
 * cluster at every level of `levels` (nestedKmeans), then its corpus statistics; as bytes (encodeClusters).
 */
export async function wordTable(
  vec: string,
  text: string,
  levels: readonly number[],
  maxWords: number,
  isPersonName: (w: string) => boolean,
): Promise<Uint8Array> {
  const { words, vectors } = parseVec(readFileSync(vec, 'utf8'));
  const n = Math.min(maxWords, words.length);
  const kept = words.slice(0, n);
  const assign = nestedKmeans(vectors.slice(0, n), levels, 20);
  const stats = await corpusStats(text, new Set(kept), isPersonName);
  const rows = new Map(kept.map((w, i) => [w, [...assign.map((a) => a[i]!), ...stats.get(w)!]]));
  const sizes = [...levels, ...STAT_SIZES];
  return encodeClusters(Clusters.from(rows, sizes.length), sizes);
}

async function main(): Promise<void> {
  const tokens = Number(process.env.VECTORS_TOKENS ?? 15_000_000);
  const dir = process.env.VECTORS_DIR ?? join(tmpdir(), `siyaq-vectors-${tokens}`);
  const maxWords = Number(process.env.VECTORS_WORDS ?? 100_000);
  if (process.argv.includes('--fresh')) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = Date.now();
  const log = (msg: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0)} s] ${msg}`);
  let text = join(dir, 'train.txt');
  if (!existsSync(text)) text = await writeTrainingText(CORPUS, dir, tokens);
  log(`training text ${text}`);
  let vec = join(dir, 'skipgram.vec');
  if (!existsSync(vec)) vec = trainVectors(text, join(dir, 'skipgram'));
  log(`vectors ${vec}`);
  const person = buildWordLists().person!;
  writeFileSync(WORD_CLUSTERS, await wordTable(vec, text, VECTOR_LEVELS, maxWords, (w) => person.has(w)));
  log(`wrote ${WORD_CLUSTERS}: clusters ${VECTOR_LEVELS.join('/')} and ${VECTOR_STATS.join(', ')} for the ${maxWords} most frequent words`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
