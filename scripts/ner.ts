// npm run --silent ner -- <file>: CoNLL in (the token is the first column, blank lines between
// sentences), `token<TAB>TAG` out with BIO tags, tagged by the same combined recogniser the extension
// uses (gazetteer + patterns + tagger), its names written under the ANERcorp/MUC convention
// (nlp/tagger/conll-view.ts; NER_CONVENTION=none writes the extension's own extents). Bad input: one
// clear line on stderr and exit code 2.

import { readFileSync, statSync } from 'node:fs';
import { ConllError, parseConll } from '../nlp/tagger/conll';
import { type NerMode, tagConll } from './ner-run';

const USAGE = 'usage: npm run --silent ner -- <file.conll> [--tagger-only]';
const MAX_BYTES = 50_000_000;

function fail(message: string): never {
  process.stderr.write(`ner: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const mode: NerMode = args.includes('--tagger-only') ? 'tagger' : 'combined';
const files = args.filter((a) => a !== '--tagger-only');
if (files.length !== 1) fail(`expected one input file\n${USAGE}`);
const path = files[0]!;
let raw: Buffer;
try {
  const st = statSync(path);
  if (!st.isFile()) fail(`${path} is not a file`);
  if (st.size > MAX_BYTES) fail(`${path} is larger than ${MAX_BYTES} bytes`);
  raw = readFileSync(path);
} catch (error) {
  fail(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
}
const text = new TextDecoder('utf-8', { fatal: false }).decode(raw);
if (text.includes('\u0000')) fail(`${path} is binary, not CoNLL text`);
if (text.includes('\ufffd')) fail(`${path} is not valid UTF-8`); // U+FFFD: the replacement character
let sentences: { tokens: string[] }[];
try {
  sentences = parseConll(text);
} catch (error) {
  fail(error instanceof ConllError ? `${path}: ${error.message}` : String(error));
}
if (sentences.length === 0) fail(`${path} has no tokens (one token a line, blank lines between sentences)`);
const tags = await tagConll(
  sentences.map((s) => s.tokens),
  mode,
);
const out: string[] = [];
sentences.forEach((s, i) => {
  if (i > 0) out.push('');
  s.tokens.forEach((tok, j) => {
    out.push(`${tok}\t${tags[i]![j] ?? 'O'}`);
  });
});
process.stdout.write(`${out.join('\n')}\n`);
