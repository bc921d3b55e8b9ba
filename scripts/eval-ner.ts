// Entity-level precision/recall/F1 (exact span and type, as conlleval) on the dev set:
// the last 10% of sentences of the CAMeL Lab ANERcorp train split. Tagger alone, then combined
// with the gazetteer and patterns exactly as the extension runs them, written out under the
// ANERcorp/MUC convention (nlp/tagger/conll-view.ts) by the same tagConll that `npm run ner` prints.

import { type Counts, prf, type Scores, scoreEntities } from '../nlp/tagger/conll';
import { loadAnercorp } from './ner-data';
import { conventionRules, type NerMode, tagConll } from './ner-run';

function table(title: string, s: Scores): string {
  const row = (name: string, c: Counts) => {
    const { p, r, f } = prf(c);
    return `| ${name.padEnd(6)} | ${p.toFixed(2).padStart(6)} | ${r.toFixed(2).padStart(6)} | ${f.toFixed(2).padStart(6)} | ${String(c.tp + c.fn).padStart(5)} | ${String(c.tp + c.fp).padStart(5)} |`;
  };
  const types = ['PERS', 'LOC', 'ORG', 'MISC'].filter((t) => s.byType.has(t));
  return [
    title,
    '| type   | P      | R      | F1     | gold  | found |',
    '|--------|--------|--------|--------|-------|-------|',
    ...types.map((t) => row(t, s.byType.get(t)!)),
    row('micro', s.micro),
  ].join('\n');
}

const { dev } = loadAnercorp();
const gold = dev.map((s) => s.tags);
const tokens = dev.map((s) => s.tokens);
console.log(
  `Dev set: last 10% of ANERCorp_CamelLab_train.txt — ${dev.length} sentences, ${tokens.flat().length} tokens, ${gold.flat().filter((t) => t.startsWith('B-')).length} entities`,
);
const rules = [...conventionRules()];
console.log(`Conventions: ${rules.length > 0 ? rules.join(', ') : 'none'} (NER_CONVENTION=none|all|<list>)`);
const modes: [NerMode, string][] = [
  ['tagger', 'Tagger alone'],
  ['combined', 'Combined: gazetteer + patterns + tagger (recognise, as the extension), ANERcorp/MUC convention (= npm run ner)'],
];
for (const [mode, title] of modes) {
  const t0 = performance.now();
  const pred = await tagConll(tokens, mode);
  const ms = performance.now() - t0;
  console.log(`\n${table(title, scoreEntities(gold, pred))}\n(${ms.toFixed(0)} ms including loading)`);
}
