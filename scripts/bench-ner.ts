// Tagger speed and load time, single-threaded: tokens per second over the dev set laid out as the
// extension sees it (word tokens + punctuation, two passes per document), first pass and warm.
// Usage: npx tsx scripts/bench-ner.ts [--json]  (`npm run bench` runs it with --json in a fresh process,
// so the load is a cold one)

import { conllView } from '../nlp/tagger/align';
import { createTagger, decodeModel, loadTagger, readModelBytes } from '../nlp/tagger/index';
import { chunk, loadAnercorp } from './ner-data';

/** Figures for `npm run bench`: load time (wall clock) and tokens per CPU second of the tagger alone. */
export async function benchTagger(
  passes = 5,
): Promise<{ loadMs: number; decodeMs: number; coldTokensPerSecond: number; warmTokensPerSecond: number }> {
  const t0 = performance.now();
  await loadTagger();
  const loadMs = performance.now() - t0;
  const bytes = await readModelBytes();
  const t1 = performance.now();
  const tagger = createTagger(decodeModel(bytes));
  const decodeMs = performance.now() - t1;
  const { train, dev } = loadAnercorp();
  const docs = chunk([...dev, ...train].map((s) => s.tokens)).map(conllView);
  const tokens = docs.reduce((n, d) => n + d.tokens.length, 0);
  // CPU time of this thread, so other work on a shared machine does not count against the tagger.
  const time = () => {
    const t = process.cpuUsage();
    // With margins, as the recogniser asks (the backward pass of Viterbi where a lone-word span needs one;
    // no rule spans here, so every lone word the tagger finds counts).
    for (const d of docs) tagger.tagWithLoneMargins(d.tokens, d.text);
    const used = process.cpuUsage(t);
    return (used.user + used.system) / 1000;
  };
  const cold = time();
  const warm = Array.from({ length: passes }, time).sort((a, b) => a - b)[Math.floor(passes / 2)]!;
  return { loadMs, decodeMs, coldTokensPerSecond: tokens / (cold / 1000), warmTokensPerSecond: tokens / (warm / 1000) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchTagger();
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  else
    console.log(
      `tagger: load ${r.loadMs.toFixed(1)} ms (decode + table ${r.decodeMs.toFixed(1)} ms); ` +
        `${Math.round(r.coldTokensPerSecond).toLocaleString('en')} tokens/s first pass, ${Math.round(r.warmTokensPerSecond).toLocaleString('en')} tokens/s warm`,
    );
}
