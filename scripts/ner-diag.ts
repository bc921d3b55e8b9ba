// Diagnostics on the ANERcorp dev set: the alignment ceiling (gold tags through the extension's
// tokens and back) and where the combined recogniser (recognise) loses to the tagger alone:
// false positives by kind (no gold overlap, boundary, type) and source, and misses the tagger had.
// The combined output is the CoNLL view `npm run ner` prints (ANERcorp/MUC convention, NER_CONVENTION
// as in ner-run); its false positives are also sorted by their shape against the gold name, and the
// words of the names neither found are counted by whether the model's name lists and dictionary know them.
// Usage: npx tsx scripts/ner-diag.ts (NER_DIAG_EXAMPLES=n examples per kind, default 12)
import { loadGazetteer } from '../knowledge/recognizer';
import { recognise } from '../nlp/entities';
import { normalize } from '../nlp/normalize';
import { conllFromSpans, conllFromTokenTags, conllView, flatPieces, trainingPieces } from '../nlp/tagger/align';
import { bioSpans, prf, scoreEntities } from '../nlp/tagger/conll';
import { anercorpSpans } from '../nlp/tagger/conll-view';
import { loadTagger, readModelBytes } from '../nlp/tagger/index';
import { decodeModel } from '../nlp/tagger/model';
import { cliticReadings } from '../nlp/tokenize';
import { chunk, loadAnercorp } from './ner-data';
import { conventionRules } from './ner-run';

const { dev } = loadAnercorp();
const rules = conventionRules();
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
  if (a.length < Number(process.env.NER_DIAG_EXAMPLES ?? 12)) a.push(s);
  examples.set(k, a);
};
// 3. Words of the names neither found, by what the model's lists say of them: a missed word the lists
// already know is lost to context, not to a gap in the lists.
const { lists } = decodeModel(await readModelBytes());
const nameList = { PERS: lists.person, LOC: lists.placeToken, ORG: lists.orgToken, MISC: null } as const;
const missedWords = new Map<string, number>();
function countMissedWords(tokens: readonly string[], g: { start: number; end: number; type: string }): void {
  for (let t = g.start; t < g.end; t++) {
    const stems = cliticReadings(normalize(tokens[t]!)).map((r) => r.stem);
    const listed = stems.some((w) => nameList[g.type as keyof typeof nameList]?.has(w) || lists.place?.has(w) || lists.org?.has(w));
    const known = stems.some((w) => lists.lexicon?.has(w));
    const k = `${g.type} ${listed ? 'in a name list' : 'in no name list'}, ${known ? 'a dictionary word' : 'not in the dictionary'}`;
    missedWords.set(k, (missedWords.get(k) ?? 0) + 1);
  }
}
/** Combined false positives by their shape against the gold name: the causes a convention can or cannot fix. */
const causes = new Map<string, number>();
const causeEx = new Map<string, string[]>();
for (const doc of chunk(dev)) {
  const view = conllView(doc.map((s) => s.tokens));
  const tags = tagger.tag(view.tokens, view.text);
  const tg = conllFromTokenTags(view, tags);
  const rec = recognise(view.text, view.tokens, { gazetteer, tagger });
  // The recogniser's tagger is deterministic: its tags here are the ones recognise read.
  // The model takes no hints, so these are the tags recognise read.
  const cb = conllFromSpans(view, anercorpSpans(rec, tags, rules));
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
      const cause = !g
        ? `unannotated ${c.type}`
        : g.start === c.start && g.end === c.end
          ? `type ${c.type} for ${g.type}`
          : c.start < g.start && c.end === g.end
            ? 'word(s) before the gold name'
            : c.start === g.start && c.end > g.end
              ? 'word(s) after the gold name'
              : c.start >= g.start && c.end <= g.end
                ? 'part of the gold name'
                : 'crossing the gold name';
      causes.set(cause, (causes.get(cause) ?? 0) + 1);
      const a = causeEx.get(cause) ?? [];
      if (a.length < 8) a.push(`${txt(c)}  gold: ${g ? txt(g) : '-'}`);
      causeEx.set(cause, a);
    }
    const CK = new Set(C.map(key));
    for (const g of bioSpans(s.tags)) {
      if (CK.has(key(g))) continue;
      if (T.has(key(g))) {
        bump('fn: tagger had it');
        ex('fn: tagger had it', txt(g));
      } else {
        bump('fn: neither');
        countMissedWords(s.tokens, g);
      }
    }
  });
}
for (const [k, v] of [...cats].sort()) console.log(k.padEnd(30), v);
console.log('\nwords of the names neither found');
for (const [k, v] of [...missedWords].sort()) console.log(k.padEnd(50), v);
console.log('\ncombined false positives by cause');
for (const [k, v] of [...causes].sort((a, b) => b[1] - a[1])) console.log(k.padEnd(30), v);
for (const [k, v] of causeEx) console.log(`\n## cause: ${k}\n${v.join('\n')}`);
for (const [k, v] of examples) console.log(`\n## ${k}\n${v.join('\n')}`);
