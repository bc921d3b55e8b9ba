// The statistical NER tagger behind the `Tagger` seam: create it from a model, or load the bundled one lazily.

import type { CorpusStats, Tagger, TaggerHint, Token } from '../../types/analysis';
import { flatPieces } from './align';
import type { Clusters } from './clusters';
import { viterbiInto, viterbiMarginsInto } from './decode';
import { docCodes } from './doc';
import {
  contextHashes,
  docHashes,
  Featurizer,
  type FormFeatures,
  hasDocFeatures,
  hasHintFeatures,
  hintCodes,
  hintHashes,
  MAX_CONTEXT,
} from './features';
import { decodeModel, type NerModel, NT, TAGS, WeightTable } from './model';
import { readModelBytes } from './model-file';
import { VECTOR_LEVELS } from './vectors';

export type { NerModel } from './model';
export { decodeModel, encodeModel, TAGS } from './model';
export { MODEL_FILE, readModelBytes } from './model-file';

/** A Tagger plus entry points on normalised word forms (CoNLL evaluation, training, benchmarks). */
export interface NerTagger extends Tagger {
  /**
   * Tag one document given as sentences of normalised word forms (two passes, see doc.ts).
   * `hints` holds, per sentence, the gazetteer/pattern code of each word (see hintCodes).
   */
  tagDocument(sentences: readonly (readonly string[])[], hints?: readonly (ArrayLike<number> | undefined)[]): string[][];
  /** Tag one sentence as a document of its own. */
  tagWords(words: readonly string[]): string[];
  tagWithMargins(tokens: readonly Token[], text?: string, hints?: readonly TaggerHint[]): { tags: string[]; margins: number[] };
  tagWithLoneMargins(tokens: readonly Token[], text?: string, hints?: readonly TaggerHint[]): { tags: string[]; margins: number[] };
}

/** A document as the decoder wants it: all words flat, sentence ends, optional hint codes per word. */
interface FlatDoc {
  norms: readonly string[];
  ends: readonly number[];
  hints: ArrayLike<number> | null;
}

/** Build a tagger from a decoded model (tests build tiny ones; the extension uses `loadTagger`). */
export function createTagger(model: NerModel): NerTagger {
  const table = new WeightTable(model.keys);
  const lookup = table.lookup;
  const fz = new Featurizer(model.lists, lookup);
  const [bos, eos] = fz.boundaries();
  const twoPass = hasDocFeatures(lookup);
  const usesHints = hasHintFeatures(lookup);
  const W = model.weights;
  const extra = new Uint32Array(MAX_CONTEXT);
  let emit = new Float64Array(1024 * NT);
  let forms: FormFeatures[] = [];

  const addRows = (ids: Int32Array, out: Float64Array, o: number) => {
    for (let k = 0; k < ids.length; k++) {
      const r = ids[k]! * NT;
      for (let y = 0; y < NT; y++) out[o + y]! += W[r + y]!;
    }
  };
  const sumsOf = (f: FormFeatures): Float64Array => {
    if (f.sums) return f.sums;
    const s = new Float64Array(5 * NT);
    addRows(f.local, s, 0);
    for (let slot = 0; slot < 4; slot++) addRows(f.nb[slot as 0 | 1 | 2 | 3], s, (slot + 1) * NT);
    f.sums = s;
    return s;
  };
  // Document-vote rows summed per code (docCodes gives 0..DOC_CODES-1): the word's own code with its
  // out-of-vocabulary bit, the previous word's and the next word's. Weights are integers, so adding a
  // summed row gives exactly the emission that adding the rows one by one gives.
  /** The summed weight rows of hashes extra[k] for k in keep (m written). */
  const rowOf = (m: number, keep: readonly number[]): Float64Array => {
    const out = new Float64Array(NT);
    for (const k of keep) {
      const row = k < m ? lookup(extra[k]!) : -1;
      if (row >= 0) for (let y = 0; y < NT; y++) out[y]! += W[row * NT + y]!;
    }
    return out;
  };
  // Word `at` of a two-word sentence of one code: docHashes writes self, prev, next, self × oov.
  const docRow = (code: number, oov: boolean, at: number, keep: readonly number[]) =>
    rowOf(docHashes(Int32Array.of(code, code), 0, at, 2, oov, extra, 0), keep);
  const DOC_CODES = 20;
  const docSelf = Array.from({ length: 2 * DOC_CODES }, (_, i) => docRow(i >> 1, (i & 1) === 1, 0, [0, 3]));
  const docPrev = Array.from({ length: DOC_CODES }, (_, c) => docRow(c, false, 1, [1]));
  const docNext = Array.from({ length: DOC_CODES }, (_, c) => docRow(c, false, 0, [2]));
  // Rule-hint rows the same way (hintCodes gives 0..HINT_CODES-1): hintHashes writes self, prev × self, next × self.
  const HINT_CODES = 26;
  const hintSelf = Array.from({ length: HINT_CODES }, (_, c) => rowOf(hintHashes([c], 0, 0, 1, extra, 0), [0]));
  const hintPrev = Array.from({ length: HINT_CODES * HINT_CODES }, (_, i) =>
    rowOf(hintHashes([(i / HINT_CODES) | 0, i % HINT_CODES], 0, 1, 2, extra, 0), [1]),
  );
  const hintNext = Array.from({ length: HINT_CODES * HINT_CODES }, (_, i) =>
    rowOf(hintHashes([i % HINT_CODES, (i / HINT_CODES) | 0], 0, 0, 2, extra, 0), [2]),
  );
  const addHashes = (m: number, o: number) => {
    for (let k = 0; k < m; k++) {
      const row = lookup(extra[k]!);
      if (row < 0) continue;
      const r = row * NT;
      for (let y = 0; y < NT; y++) emit[o + y]! += W[r + y]!;
    }
  };

  /** Tag indices for every word of a flat document. */
  const decode = (doc: FlatDoc, margins?: Float64Array, lowest?: Lowest): Int32Array => {
    const n = doc.norms.length;
    const sentences = doc.ends.length;
    if (emit.length < n * NT) emit = new Float64Array(n * NT * 2);
    // Padded forms: two boundaries before and after every sentence; word w of sentence s sits at w + 4s + 2.
    const total = n + 4 * sentences;
    if (forms.length <= total) forms = new Array(total * 2 + 1);
    forms[total] = eos; // what the last word sees three places on: nothing (a boundary has no class)
    let from = 0;
    for (let s = 0; s < sentences; s++) {
      const end = doc.ends[s]!;
      const base = from + 4 * s;
      forms[base] = bos;
      forms[base + 1] = bos;
      for (let w = from; w < end; w++) forms[w + 4 * s + 2] = fz.form(doc.norms[w]!);
      forms[end + 4 * s + 2] = eos;
      forms[end + 4 * s + 3] = eos;
      from = end;
    }
    const tags = new Int32Array(n);
    from = 0;
    for (let s = 0; s < sentences; s++) {
      const end = doc.ends[s]!;
      const len = end - from;
      for (let w = from; w < end; w++) {
        const c = w + 4 * s + 2;
        const a = sumsOf(forms[c]!);
        const b = sumsOf(forms[c - 2]!);
        const d = sumsOf(forms[c - 1]!);
        const e = sumsOf(forms[c + 1]!);
        const g = sumsOf(forms[c + 2]!);
        const o = w * NT;
        for (let y = 0; y < NT; y++) emit[o + y] = a[y]! + b[NT + y]! + d[2 * NT + y]! + e[3 * NT + y]! + g[4 * NT + y]!;
        let m = contextHashes(forms, c, extra);
        const hints = doc.hints;
        if (hints) {
          const self = hints[w]!;
          const prev = w > from ? hints[w - 1]! : 0;
          const next = w + 1 < end ? hints[w + 1]! : 0;
          if (self < HINT_CODES && prev < HINT_CODES && next < HINT_CODES && self >= 0 && prev >= 0 && next >= 0) {
            const h = hintSelf[self]!;
            const hp = hintPrev[prev * HINT_CODES + self]!;
            const hn = hintNext[next * HINT_CODES + self]!;
            for (let y = 0; y < NT; y++) emit[o + y]! += h[y]! + hp[y]! + hn[y]!;
          } else m = hintHashes(hints, from, w - from, len, extra, m);
        }
        addHashes(m, o);
      }
      if (margins && !twoPass) viterbiMarginsInto(emit, from, len, model.trans, model.start, tags, margins, lowest);
      else viterbiInto(emit, from, len, model.trans, model.start, tags);
      from = end;
    }
    if (!twoPass) return tags;
    const stems = new Int32Array(n);
    for (let s = 0, w = 0; s < sentences; s++) for (const end = doc.ends[s]!; w < end; w++) stems[w] = forms[w + 4 * s + 2]!.stem;
    const codes = docCodes(stems, tags);
    from = 0;
    for (let s = 0; s < sentences; s++) {
      const end = doc.ends[s]!;
      const len = end - from;
      for (let w = from; w < end; w++) {
        const self = codes[w]!;
        const prev = w > from ? codes[w - 1]! : 0;
        const next = w + 1 < end ? codes[w + 1]! : 0;
        const oov = forms[w + 4 * s + 2]!.oov;
        if (self >= DOC_CODES || prev >= DOC_CODES || next >= DOC_CODES) {
          addHashes(docHashes(codes, from, w - from, len, oov, extra, 0), w * NT);
          continue;
        }
        const a = docSelf[2 * self + (oov ? 1 : 0)]!;
        const b = docPrev[prev]!;
        const c = docNext[next]!;
        const o = w * NT;
        for (let y = 0; y < NT; y++) emit[o + y]! += a[y]! + b[y]! + c[y]!;
      }
      if (margins) viterbiMarginsInto(emit, from, len, model.trans, model.start, tags, margins, lowest);
      else viterbiInto(emit, from, len, model.trans, model.start, tags);
      from = end;
    }
    return tags;
  };

  const tagDocument: NerTagger['tagDocument'] = (sentences, hints) => {
    const norms: string[] = [];
    const ends: number[] = [];
    const hintCodesFlat: number[] = [];
    sentences.forEach((words, si) => {
      const h = hints?.[si];
      for (let i = 0; i < words.length; i++) {
        norms.push(words[i]!);
        hintCodesFlat.push(h?.[i] ?? 0);
      }
      if (words.length > 0) ends.push(norms.length);
    });
    const tags = decode({ norms, ends, hints: hints ? hintCodesFlat : null });
    let k = 0;
    return sentences.map((words) => words.map(() => TAGS[tags[k++]!]!));
  };

  const run = (tokens: readonly Token[], text: string | undefined, hints: readonly TaggerHint[], want: Margins) => {
    const withMargins = want !== 'none';
    const codes = usesHints && hints.length > 0 ? hintCodes(tokens.length, hints) : null;
    if (text === undefined) {
      const margins = withMargins ? new Float64Array(tokens.length) : undefined;
      const tags = decode({ norms: tokens.map((t) => t.norm), ends: tokens.length > 0 ? [tokens.length] : [], hints: codes }, margins);
      return { tags: Array.from(tags, (y) => TAGS[y]! as string), margins: margins ? Array.from(margins, (m) => m / 127) : [] };
    }
    const p = flatPieces(text, tokens);
    const pieceHints = codes ? Int32Array.from(p.token, (t) => (t >= 0 ? codes[t]! : 0)) : null;
    const pieceMargins = withMargins ? new Float64Array(p.norms.length) : undefined;
    const lowest = want === 'lone' ? loneMargins(text, tokens, p.token, hints) : undefined;
    const tags = decode({ norms: p.norms, ends: p.ends, hints: pieceHints }, pieceMargins, lowest);
    const out: string[] = new Array(tokens.length).fill('O');
    const margins: number[] = withMargins ? new Array(tokens.length).fill(0) : [];
    for (let i = 0; i < p.token.length; i++) {
      const t = p.token[i]!;
      if (t < 0) continue;
      out[t] = TAGS[tags[i]!]!;
      // In units of the largest feature weight, so thresholds carry over between trainings.
      if (pieceMargins) margins[t] = pieceMargins[i]! / 127;
    }
    return { tags: out, margins };
  };

  return {
    tagDocument,
    tagWords: (words) => tagDocument([words])[0]!,
    tag: (tokens, text, hints = []) => run(tokens, text, hints, 'none').tags,
    tagWithMargins: (tokens, text, hints = []) => run(tokens, text, hints, 'all'),
    tagWithLoneMargins: (tokens, text, hints = []) => run(tokens, text, hints, 'lone'),
    corpusStats: (word) => statsOf(model.lists.wordClusters, word),
  };
}

/** A word's corpus statistics from the vector-cluster table, which stores them after the cluster levels. */
function statsOf(table: Clusters | null | undefined, word: string): CorpusStats | null {
  const at = VECTOR_LEVELS.length;
  if (!table || table.levels < at + 4) return null;
  const row = table.find(word);
  if (row < 0) return null;
  return {
    afterTitle: table.id(row, at),
    afterReport: table.id(row, at + 1),
    frequency: table.id(row, at + 2),
    otherDefiniteness: table.id(row, at + 3),
  };
}

/** Which margins a call computes: none, every word's, or only those of possible lone-word spans (Tagger.tagWithLoneMargins). */
type Margins = 'none' | 'all' | 'lone';
type Lowest = (tags: Int32Array, from: number, n: number) => number;

/**
 * For tagWithLoneMargins: the first piece of a sentence (relative, n for none) that is a word the tags
 * make a one-word PERS/LOC/ORG span of its own (as nlp/entities taggerSpans cuts spans) outside every hint
 * span. Only such a word's margin is read by the recogniser; a word whose span may go on into the next
 * sentence (a line break is white space) counts too, so nothing read is ever skipped.
 */
function loneMargins(text: string, tokens: readonly Token[], tokenOf: Int32Array, hints: readonly TaggerHint[]): Lowest {
  const ruled = new Uint8Array(tokens.length);
  for (const h of hints) for (let t = Math.max(0, h.first); t <= h.last && t < tokens.length; t++) ruled[t] = 1;
  /** Whether only white space separates token t from token t + 1, as taggerSpans asks before joining them. */
  const joins = (t: number) => {
    for (let c = tokens[t]!.end, e = tokens[t + 1]!.start; c < e; c++) if (!WHITE.test(text[c]!)) return false;
    return true;
  };
  return (tags, from, n) => {
    const end = from + n;
    for (let i = from; i < end; i++) {
      const t = tokenOf[i]!;
      if (t < 0 || ruled[t]) continue;
      const y = tags[i]!;
      const type = (y + 1) >> 1;
      if (type === 0 || type === 4) continue; // O, or MISC (kept whatever the margin)
      // An I- tag after a word of its type (white space between) continues that word's span.
      if ((y & 1) === 0 && i > 0 && tokenOf[i - 1] === t - 1 && (tags[i - 1]! + 1) >> 1 === type && joins(t - 1)) continue;
      // The next word of this sentence continues this span.
      if (i + 1 < end && tokenOf[i + 1] === t + 1 && tags[i + 1] === 2 * type && joins(t)) continue;
      return i - from;
    }
    return n;
  };
}

const WHITE = /\s/;

let pending: Promise<NerTagger> | null = null;

/** The bundled model, decoded on first use: its file is read only when a page is analysed. */
export function loadTagger(): Promise<NerTagger> {
  pending ??= readModelBytes().then((bytes) => createTagger(decodeModel(bytes)));
  return pending;
}
