// Feature extraction for the tagger. Everything that depends only on a word form is computed
// once per form and cached, so tagging a token costs a few integer look-ups and hash mixes.

import { Memo } from '../../types/memo';
import { cliticReadings } from '../tokenize';
import type { Clusters } from './clusters';
import { hashString, mixHash } from './hash';
import type { Bloom } from './lexicon';
import { findSplit, VECTOR_LEVELS } from './vectors';

/** Feature templates; the number seeds the hash so equal strings in different templates differ. */
enum T {
  Bias = 1,
  Word,
  Stem,
  Clitic,
  Pre1,
  Pre2,
  Pre3,
  Suf1,
  Suf2,
  Suf3,
  StemPre2,
  StemSuf2,
  StemSuf3,
  Len,
  Shape,
  Lex,
  Cls,
  NbWord,
  NbStem,
  NbSuf2,
  NbLex,
  NbCls,
  Bigram,
  StemBigram,
  WinTitle,
  WinReportL,
  WinReportR,
  LexShape,
  NbPre2,
  Gaz,
  NbGaz,
  Doc,
  Clu = 50,
  NbClu = 60,
  VClu = 70,
  VStat = 80,
  NbVClu = 90,
  Hint = 36,
  Gram = 40,
}

/** Word classes that announce a name nearby; tested on the word and its clitic-stripped stems. */
export const CLS_TITLE = 1;
export const CLS_REPORT = 2;
const CLS_PLACE = 4;
const CLS_ORG = 8;
const CLS_PUNCT = 16;

const TITLES =
  'رئيس رييس وزير ملك امير شيخ سيد سيده نائب سفير مدير امين زعيم قائد متحدث ناطق مستشار دكتور د جنرال عقيد لواء عميد مساعد محافظ عضو بابا امام مبعوث مندوب مراسل كاتب فنان لاعب مدرب مخرج ممثل ممثله مغني مطرب مطربه ولي رئيسه وزيره المستشار الرئيس الوزير الملك الامير الشيخ السيد السيده الدكتور النائب السفير المدير الامين الزعيم القائد المتحدث الناطق الجنرال العقيد اللواء العميد البابا الامام المبعوث المندوب الكاتب الفنان اللاعب المدرب المخرج الممثل المغني المطرب المستشاره الرئيسه الوزيره المستشار الاستاذ استاذ الاميره اميره المهندس مهندس الحاج حاج المرشح مرشح النجم نجم الزعيم';
const REPORTS =
  'قال قالت اعلن اعلنت اكد اكدت اضاف اضافت اوضح اوضحت صرح صرحت ذكر ذكرت اشار اشارت افاد افادت تابع تابعت قالوا يقول تقول اعتبر اعتبرت كشف كشفت نقل نقلت بحسب حسب وفقا وفق لدي دعا دعت طالب طالبت نفي نفت اعرب اعربت';
const PLACES =
  'مدينه عاصمه بلد دوله منطقه محافظه ولايه جمهوريه مملكه شمال جنوب شرق غرب اقليم قريه بلده اراضي جزيره جزر مقاطعه حي ضاحيه بحر نهر جبل ميناء مطار ساحل وسط';
const ORGS =
  'شركه وكاله حزب منظمه جامعه وزاره مجلس اتحاد جمعيه بنك مصرف صحيفه مؤسسه موسسه هيئه حركه جبهه لجنه فريق نادي منتخب مجموعه مركز معهد اكاديميه محكمه جيش قوات صندوق برنامج اذاعه تلفزيون قناه مجله دائره مصلحه ادارة اداره سلطه بورصه';

function setOf(words: string): Set<string> {
  return new Set(words.split(' ').filter(Boolean));
}
const CLASS_SETS: readonly [Set<string>, number][] = [
  [setOf(TITLES), CLS_TITLE],
  [setOf(REPORTS), CLS_REPORT],
  [setOf(PLACES), CLS_PLACE],
  [setOf(ORGS), CLS_ORG],
];

/** The trigger classes of a word: those of its own form and of every clitic-stripped stem. */
export function triggerClass(word: string): number {
  let cls = 0;
  for (const { stem } of cliticReadings(word)) for (const [set, c] of CLASS_SETS) if (set.has(stem)) cls |= c;
  return cls;
}

const SUFFIXES = ['ها', 'هم', 'هما', 'هن', 'كم', 'نا', 'ه', 'ي', 'ك', 'ات', 'ون', 'ين', 'ان', 'وا', 'تم', 'ت', 'يه', 'يين', 'يون'];

/** The features of one word form: its own, and what it contributes to neighbours at -2, -1, +1, +2. */
export interface FormFeatures {
  local: Int32Array;
  nb: [Int32Array, Int32Array, Int32Array, Int32Array];
  word: number;
  stem: number;
  cls: number;
  oov: boolean;
  /** Summed weight rows of `local` and of each neighbour slot, filled lazily by the inference code. */
  sums: Float64Array | null;
}

/** Known-word and name lists the features consult; any may be missing (tests, ablations). */
export interface WordLists {
  /** Arabic dictionary words. */
  lexicon: Bloom | null;
  /** Tokens of person names. */
  person: Bloom | null;
  /** Whole place names (tokens joined by one space). */
  place: Bloom | null;
  /** Tokens of multi-word place names. */
  placeToken: Bloom | null;
  /** Whole organisation names. */
  org: Bloom | null;
  /** Tokens of multi-word organisation names. */
  orgToken: Bloom | null;
  /** Word clusters from the labelled corpora's text (clusters.ts); absent in small tests. */
  clusters?: Clusters | null;
  /**
   * Per word from the unlabelled news (vectors.ts, scripts/train-vectors.ts): k-means clusters of its
   * vector, coarse to fine, then the corpus statistics of VECTOR_STATS; absent in small tests.
   */
  wordClusters?: Clusters | null;
}

/** Maps a feature hash to a weight row, or -1 when the model has none. */
export type Resolve = (hash: number) => number;

const MAX_CACHE = 60_000;
const BOS = '\u0002';
const EOS = '\u0003';

function shapeOf(w: string): string {
  let s = '';
  let last = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    const k =
      c >= 0x30 && c <= 0x39
        ? 'D'
        : (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f)
          ? 'L'
          : c >= 0x600 && c <= 0x6ff
            ? 'A'
            : 'P';
    if (k !== last) s += k;
    last = k;
    if (s.length >= 4) break;
  }
  return s;
}

/** Turns sentences of normalised word forms into feature ids, caching per-form work. */
export class Featurizer {
  private readonly cache = new Memo<string, FormFeatures>(MAX_CACHE);
  private readonly lexicon: Bloom | null;
  constructor(
    private readonly lists: WordLists,
    private readonly resolve: Resolve,
  ) {
    this.lexicon = lists.lexicon;
  }

  private known(w: string): boolean {
    return this.lexicon !== null && w.length > 1 && this.lexicon.has(w);
  }

  private gazetteer(readings: readonly { stem: string }[]): string {
    const { person, place, placeToken, org, orgToken } = this.lists;
    let g = '';
    const any = (b: Bloom | null) => b !== null && readings.some((r) => r.stem.length > 1 && b.has(r.stem));
    if (any(person)) g += 'P';
    if (any(place)) g += 'L';
    else if (any(placeToken)) g += 'l';
    if (any(org)) g += 'O';
    else if (any(orgToken)) g += 'o';
    return g;
  }

  form(w: string): FormFeatures {
    const hit = this.cache.get(w);
    if (hit) return hit;
    const f = this.compute(w);
    this.cache.set(w, f);
    return f;
  }

  private compute(w: string): FormFeatures {
    const r = this.resolve;
    const local: number[] = [];
    const push = (arr: number[], h: number) => {
      const id = r(h);
      if (id >= 0) arr.push(id);
    };
    const boundary = w === BOS || w === EOS;
    const readings = boundary ? [{ prefix: '', stem: w }] : cliticReadings(w);
    const deep = readings[readings.length - 1]!;
    const d = deep.stem;
    let cls = boundary ? 0 : triggerClass(w);
    const shape = boundary ? 'B' : shapeOf(w);
    if (shape === 'P') cls |= CLS_PUNCT;
    let lex = 'OOV';
    if (boundary || shape !== 'A') lex = 'NA';
    else if (this.lexicon === null) lex = 'NONE';
    else if (this.known(w)) lex = 'W';
    else {
      outer: for (const { stem } of readings) {
        if (this.known(stem)) {
          lex = 'S';
          break;
        }
        for (const suf of SUFFIXES) {
          if (stem.length > suf.length + 1 && stem.endsWith(suf) && this.known(stem.slice(0, -suf.length))) {
            lex = 'X';
            break outer;
          }
        }
      }
    }
    const oov = lex === 'OOV';
    push(local, hashString(T.Bias, ''));
    push(local, hashString(T.Word, w));
    for (let i = 1; i < readings.length; i++) push(local, hashString(T.Stem, readings[i]!.stem));
    push(local, hashString(T.Clitic, deep.prefix));
    push(local, hashString(T.Pre1, w.slice(0, 1)));
    push(local, hashString(T.Pre2, w.slice(0, 2)));
    push(local, hashString(T.Pre3, w.slice(0, 3)));
    push(local, hashString(T.Suf1, w.slice(-1)));
    push(local, hashString(T.Suf2, w.slice(-2)));
    push(local, hashString(T.Suf3, w.slice(-3)));
    push(local, hashString(T.StemPre2, d.slice(0, 2)));
    push(local, hashString(T.StemSuf2, d.slice(-2)));
    push(local, hashString(T.StemSuf3, d.slice(-3)));
    push(local, hashString(T.Len, String(Math.min(w.length, 12))));
    if (!boundary && d.length > 3) {
      const padded = `^${d}$`;
      for (let i = 0; i + 3 <= padded.length; i++) push(local, hashString(T.Gram, padded.slice(i, i + 3)));
      for (let i = 0; i + 4 <= padded.length; i++) push(local, hashString(T.Gram + 1, padded.slice(i, i + 4)));
    }
    push(local, hashString(T.Shape, shape));
    push(local, hashString(T.Lex, lex));
    push(local, hashString(T.LexShape, `${lex}|${deep.prefix}|${Math.min(d.length, 8)}`));
    push(local, hashString(T.Cls, String(cls)));
    const gaz = boundary || shape !== 'A' ? '' : this.gazetteer(readings);
    push(local, hashString(T.Gaz, gaz));
    for (const ch of gaz) push(local, hashString(T.Gaz, `${ch}|${lex}`));
    // Cluster of the word, else of its deepest clitic-stripped stem ('s' marks the fallback), else none.
    let clu = 'N';
    let cluCoarse = 'N';
    const cl = this.lists.clusters;
    if (cl && !boundary) {
      let row = cl.find(w);
      let mark = '';
      if (row < 0) {
        for (let i = readings.length - 1; i > 0 && row < 0; i--) row = cl.find(readings[i]!.stem);
        mark = 's';
      }
      if (row >= 0) {
        clu = mark + String(cl.id(row, 1));
        cluCoarse = mark + String(cl.id(row, 0));
      }
      push(local, hashString(T.Clu, clu));
      push(local, hashString(T.Clu + 1, cluCoarse));
      push(local, hashString(T.Clu + 2, `${cluCoarse}|${lex}`));
    }
    // Vector clusters of the word (or its split-off stem, as the corpus was written) at each level,
    // the coarse ones with the known-word status, and the corpus statistics; 'N' when unknown, 'B'
    // for a sentence boundary.
    const vc = this.lists.wordClusters;
    const vcRow = vc && !boundary ? findSplit(vc, w) : -1;
    const vcIds = vc ? Array.from({ length: vc.levels }, (_, l) => (vcRow >= 0 ? String(vc.id(vcRow, l)) : boundary ? 'B' : 'N')) : [];
    if (vc && !boundary) {
      for (let l = 0; l < VECTOR_LEVELS.length; l++) push(local, hashString(T.VClu + l, vcIds[l]!));
      push(local, hashString(T.VClu + 5, `${vcIds[0]}|${lex}`));
      push(local, hashString(T.VClu + 6, `${vcIds[1]}|${lex}`));
      for (let l = VECTOR_LEVELS.length; l < vc.levels; l++) push(local, hashString(T.VStat + l, `${vcIds[l]}|${lex}`));
      // The deepest stem's cluster too when it differs («الرئيس» → «رئيس»).
      if (d !== w) {
        const stemRow = vc.find(d);
        push(local, hashString(T.VClu + 7, stemRow < 0 ? 'N' : String(vc.id(stemRow, 1))));
      }
    }
    const nb: [number[], number[], number[], number[]] = [[], [], [], []];
    for (let slot = 0; slot < 4; slot++) {
      const near = slot === 1 || slot === 2;
      const s = String(slot);
      const arr = nb[slot]!;
      push(arr, hashString(T.NbWord + 100 * slot, w));
      push(arr, hashString(T.NbCls, s + String(cls)));
      push(arr, hashString(T.NbLex, s + lex));
      push(arr, hashString(T.NbGaz, s + gaz));
      if (cl) push(arr, hashString(T.NbClu, s + cluCoarse));
      if (vcIds.length > 0) push(arr, hashString(T.NbVClu, s + vcIds[0]));
      if (vcIds.length > 0 && near) {
        push(arr, hashString(T.NbVClu + 1, s + vcIds[1]));
        push(arr, hashString(T.NbVClu + 2, s + vcIds[2]));
        if (vcIds.length > 7) push(arr, hashString(T.NbVClu + 3, `${s}|${vcIds[3]}|${vcIds[4]}|${vcIds[7]}`));
      }
      if (near) {
        if (cl) push(arr, hashString(T.NbClu + 1, s + clu));
        if (d !== w) push(arr, hashString(T.NbStem + 100 * slot, d));
        push(arr, hashString(T.NbSuf2, s + w.slice(-2)));
        push(arr, hashString(T.NbPre2, s + w.slice(0, 2)));
      }
    }
    return {
      local: Int32Array.from(local),
      nb: [Int32Array.from(nb[0]), Int32Array.from(nb[1]), Int32Array.from(nb[2]), Int32Array.from(nb[3])],
      word: hashString(T.Word, w),
      stem: hashString(T.Stem, d),
      cls,
      oov,
      sums: null,
    };
  }

  /** Boundary forms that pad each sentence. */
  boundaries(): [FormFeatures, FormFeatures] {
    return [this.form(BOS), this.form(EOS)];
  }

  /** The forms of a sentence padded with two boundary forms on each side (index i + 2 is word i). */
  padded(words: readonly string[]): FormFeatures[] {
    const n = words.length;
    const forms: FormFeatures[] = new Array(n + 4);
    const bos = this.form(BOS);
    const eos = this.form(EOS);
    forms[0] = bos;
    forms[1] = bos;
    for (let i = 0; i < n; i++) forms[i + 2] = this.form(words[i]!);
    forms[n + 2] = eos;
    forms[n + 3] = eos;
    return forms;
  }

  /**
   * Feature ids of every token of a sentence, flat, with offsets: token i owns ids[offs[i]..offs[i+1]).
   * `doc` holds the document codes of the words (see doc.ts), when the second pass runs.
   */
  sentence(words: readonly string[], doc?: ArrayLike<number>, hints?: ArrayLike<number>): { ids: Int32Array; offs: Int32Array } {
    const n = words.length;
    const forms = this.padded(words);
    const offs = new Int32Array(n + 1);
    const ids: number[] = [];
    const extra = new Uint32Array(MAX_CONTEXT);
    const r = this.resolve;
    for (let i = 0; i < n; i++) {
      offs[i] = ids.length;
      const c = i + 2;
      const f = forms[c]!;
      for (const id of f.local) ids.push(id);
      for (const id of forms[c - 2]!.nb[0]) ids.push(id);
      for (const id of forms[c - 1]!.nb[1]) ids.push(id);
      for (const id of forms[c + 1]!.nb[2]) ids.push(id);
      for (const id of forms[c + 2]!.nb[3]) ids.push(id);
      let m = contextHashes(forms, c, extra);
      if (hints) m = hintHashes(hints, 0, i, n, extra, m);
      if (doc) m = docHashes(doc, 0, i, n, f.oov, extra, m);
      for (let k = 0; k < m; k++) {
        const id = r(extra[k]!);
        if (id >= 0) ids.push(id);
      }
    }
    offs[n] = ids.length;
    return { ids: Int32Array.from(ids), offs };
  }
}

/** Most context features one token can get from contextHashes. */
export const MAX_CONTEXT = 16;

/**
 * Features that depend on more than one form: word bigrams, trigger words in a window, and the
 * document codes of the word and its neighbours. Writes raw hashes to `out`, returns how many.
 */
export function contextHashes(forms: readonly FormFeatures[], c: number, out: Uint32Array): number {
  const f = forms[c]!;
  const p2 = forms[c - 2]!;
  const p1 = forms[c - 1]!;
  const n1 = forms[c + 1]!;
  const n2 = forms[c + 2]!;
  let k = 0;
  out[k++] = mixHash(mixHash(T.Bigram, p1.word), f.word);
  out[k++] = mixHash(mixHash(T.Bigram + 50, f.word), n1.word);
  out[k++] = mixHash(mixHash(T.StemBigram, p1.stem), f.stem);
  out[k++] = mixHash(mixHash(T.StemBigram + 50, f.stem), n1.stem);
  const left = p1.cls | p2.cls | (c >= 3 ? forms[c - 3]!.cls : 0);
  const right = n1.cls | n2.cls | (forms[c + 3]?.cls ?? 0);
  const own = f.oov ? 1 : 0;
  if (left & CLS_TITLE) out[k++] = mixHash(T.WinTitle, own);
  if (left & CLS_REPORT) out[k++] = mixHash(T.WinReportL, own);
  if (right & CLS_REPORT) out[k++] = mixHash(T.WinReportR, own);
  return k;
}

/** Second-pass features of word i of a sentence of n words (codes from doc[off]): the document codes of it and its neighbours. */
export function docHashes(doc: ArrayLike<number>, off: number, i: number, n: number, oov: boolean, out: Uint32Array, k: number): number {
  const self = doc[off + i] ?? 0;
  const prev = i > 0 ? (doc[off + i - 1] ?? 0) : 0;
  const next = i + 1 < n ? (doc[off + i + 1] ?? 0) : 0;
  out[k++] = mixHash(T.Doc, self);
  out[k++] = mixHash(T.Doc + 1, prev);
  out[k++] = mixHash(T.Doc + 2, next);
  out[k++] = mixHash(mixHash(T.Doc + 3, self), oov ? 1 : 0);
  return k;
}

/** Rule-hint features of word i of a sentence of n words (codes from hints[off]): the gazetteer/pattern code of it and of its neighbours (see hintCodes). */
export function hintHashes(hints: ArrayLike<number>, off: number, i: number, n: number, out: Uint32Array, k: number): number {
  const self = hints[off + i] ?? 0;
  const prev = i > 0 ? (hints[off + i - 1] ?? 0) : 0;
  const next = i + 1 < n ? (hints[off + i + 1] ?? 0) : 0;
  out[k++] = mixHash(T.Hint, self);
  out[k++] = mixHash(mixHash(T.Hint + 1, prev), self);
  out[k++] = mixHash(mixHash(T.Hint + 2, next), self);
  return k;
}

const HINT_TYPES: Record<string, number> = { PERS: 0, LOC: 1, ORG: 2, MISC: 3 };

/**
 * One code per token from gazetteer and pattern spans: 0 outside any, else it says the type,
 * whether the token begins the span, and the source (gazetteer, pattern, or a surname-only match).
 */
export function hintCodes(
  count: number,
  hints: readonly { first: number; last: number; type: string; source: string; surname?: boolean }[],
): Int32Array {
  const codes = new Int32Array(count);
  for (const h of hints) {
    const type = HINT_TYPES[h.type];
    if (type === undefined) continue;
    const src = h.surname ? 2 : h.source === 'gazetteer' ? 0 : 1;
    for (let t = Math.max(0, h.first); t <= h.last && t < count; t++) {
      if (codes[t] !== 0) continue;
      codes[t] = 1 + ((type * 2 + (t === h.first ? 0 : 1)) * 3 + src);
    }
  }
  return codes;
}

/** Whether a model has second-pass (document) weights; a one-pass model skips the second pass. */
export function hasDocFeatures(resolve: Resolve): boolean {
  for (let code = 0; code < 24; code++) if (resolve(mixHash(T.Doc, code)) >= 0) return true;
  return false;
}

/** Whether a model has weights for gazetteer/pattern hints; without them the hints are not even coded. */
export function hasHintFeatures(resolve: Resolve): boolean {
  for (let code = 1; code < 26; code++) if (resolve(mixHash(T.Hint, code)) >= 0) return true;
  return false;
}

/** Hash of the feature every word has: its weight row is the per-tag bias (the O-penalty lives there). */
export const BIAS_HASH: number = hashString(T.Bias, '');
