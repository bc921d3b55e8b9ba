// Diagnostics on the ANERcorp dev set: the alignment ceiling (gold tags through the extension's
// tokens and back) and where the combined recogniser (findEntities) loses to the tagger alone:
// false positives by kind (no gold overlap, boundary, type) and source, and misses the tagger had.
// Usage: npx tsx scripts/ner-diag.ts
import { loadGazetteer } from '../knowledge/recognizer';
import { recognise } from '../nlp/entities';
import { conllFromSpans, conllFromTokenTags, conllView, flatPieces, trainingPieces } from '../nlp/tagger/align';
import { bioSpans, prf, scoreEntities } from '../nlp/tagger/conll';
import { loadTagger } from '../nlp/tagger/index';
import { chunk, loadAnercorp } from './ner-data';

const { dev } = loadAnercorp();
const gold = dev.map((s) => s.tags);
// 1. ceiling: gold → our pieces → back
const ceil: string[][] = [];
for (const doc of chunk(dev)) {
  const view = conllView(doc.map((s) => s.tokens));
  const tp = trainingPieces(
    view,
    doc.map((s) => s.tags),
  );
  const tokTags: string[] = new Array(view.tokens.length).fill('O');
  const pcs = tp.flatMap((s) => s.tags);
  // Pieces come in flatPieces order: map them back to tokens.
  const fp = flatPieces(view.text, view.tokens);
  for (let i = 0; i < fp.token.length; i++) if (fp.token[i]! >= 0) tokTags[fp.token[i]!] = pcs[i]!;
  ceil.push(...conllFromTokenTags(view, tokTags));
}
console.log('alignment ceiling F1', prf(scoreEntities(gold, ceil).micro).f.toFixed(2));
// 2. combined breakdown
const tagger = await loadTagger();
const gazetteer = await loadGazetteer();
const cats = new Map<string, number>();
const bump = (k: string) => cats.set(k, (cats.get(k) ?? 0) + 1);
const examples = new Map<string, string[]>();
const ex = (k: string, s: string) => {
  const a = examples.get(k) ?? [];
  if (a.length < 12) a.push(s);
  examples.set(k, a);
};
for (const doc of chunk(dev)) {
  const view = conllView(doc.map((s) => s.tokens));
  const tags = tagger.tag(view.tokens, view.text);
  const tg = conllFromTokenTags(view, tags);
  const rec = recognise(view.text, view.tokens, { gazetteer, tagger });
  const cb = conllFromSpans(view, rec.spans);
  const rulesOnly = recognise(view.text, view.tokens, { gazetteer });
  const rl = conllFromSpans(view, rulesOnly.spans);
  doc.forEach((s, k) => {
    const key = (sp: { start: number; end: number; type: string }) => `${sp.start}:${sp.end}:${sp.type}`;
    const G = new Set(bioSpans(s.tags).map(key));
    const T = new Set(bioSpans(tg[k]!).map(key));
    const C = bioSpans(cb[k]!);
    const R = new Set(bioSpans(rl[k]!).map(key));
    const txt = (sp: { start: number; end: number; type: string }) => `${s.tokens.slice(sp.start, sp.end).join(' ')}/${sp.type}`;
    for (const c of C) {
      if (G.has(key(c))) {
        bump(T.has(key(c)) ? 'tp both' : 'tp combined only');
        continue;
      }
      const g = bioSpans(s.tags).find((g) => g.start < c.end && c.start < g.end);
      const kind = !g ? 'fp: no gold overlap' : g.start === c.start && g.end === c.end ? 'fp: type' : 'fp: boundary';
      const src = R.has(key(c)) ? 'rule' : T.has(key(c)) ? 'tagger' : 'other';
      bump(`${kind} [${src}]`);
      ex(`${kind} [${src}]`, `${txt(c)}  gold: ${g ? txt(g) : '-'}`);
    }
    const CK = new Set(C.map(key));
    for (const g of bioSpans(s.tags)) {
      if (CK.has(key(g))) continue;
      if (T.has(key(g))) {
        bump('fn: tagger had it');
        ex('fn: tagger had it', txt(g));
      } else bump('fn: neither');
    }
  });
}
for (const [k, v] of [...cats].sort()) console.log(k.padEnd(30), v);
for (const [k, v] of examples) console.log(`\n## ${k}\n${v.join('\n')}`);
