// The tagger's view of text, the same in training, evaluation, the CLI and the extension: the
// extension's word tokens plus the punctuation between them, cut into sentences. And the bridge
// between CoNLL files and that view.

import type { Token } from '../../types/analysis';
import { normalize } from '../normalize';
import { tokenize } from '../tokenize';

/** One position the tagger tags: a word token (its index) or a punctuation piece between tokens (-1). */
export interface Piece {
  norm: string;
  token: number;
}

const SENTENCE_END = /[.!?؟…]$/;
const GAP_PART = /\n|[^\s]+/g;

/** Pieces of a whole text, flat: sentence k is pieces [ends[k-1] ?? 0, ends[k]). */
export interface FlatPieces {
  norms: string[];
  /** Token index of each piece, -1 for punctuation. */
  token: Int32Array;
  ends: number[];
}

/**
 * Cut text into sentences of pieces. A sentence ends at a line break, or at a piece ending in
 * . ! ? ؟ … that is followed by a space (so «3.5» does not end one).
 */
export function flatPieces(text: string, tokens: readonly Token[]): FlatPieces {
  const norms: string[] = [];
  const token: number[] = [];
  const ends: number[] = [];
  const close = () => {
    if (norms.length > (ends[ends.length - 1] ?? 0)) ends.push(norms.length);
  };
  const gap = (from: number, to: number) => {
    if (from === to || (to - from === 1 && text.charCodeAt(from) === 32)) return;
    const g = text.slice(from, to);
    GAP_PART.lastIndex = 0;
    for (let m = GAP_PART.exec(g); m !== null; m = GAP_PART.exec(g)) {
      if (m[0] === '\n') {
        close();
        continue;
      }
      const norm = normalize(m[0]);
      if (norm.length === 0) continue;
      norms.push(norm);
      token.push(-1);
      const after = m.index + m[0].length;
      if (SENTENCE_END.test(m[0]) && (after < g.length || to === text.length)) close();
    }
  };
  let prev = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    gap(prev, tok.start);
    norms.push(tok.norm);
    token.push(i);
    prev = tok.end;
  }
  gap(prev, text.length);
  close();
  return { norms, token: Int32Array.from(token), ends };
}

/** The same pieces as sentences of objects (tests, training). */
export function pieces(text: string, tokens: readonly Token[]): Piece[][] {
  const f = flatPieces(text, tokens);
  let from = 0;
  return f.ends.map((end) => {
    const sent: Piece[] = [];
    for (let i = from; i < end; i++) sent.push({ norm: f.norms[i]!, token: f.token[i]! });
    from = end;
    return sent;
  });
}

/** CoNLL sentences laid out as one text (tokens joined by spaces, sentences by line breaks) and tokenised. */
export interface ConllView {
  text: string;
  tokens: Token[];
  /** For each extension token: [sentence, CoNLL token index] it lies in. */
  owner: [number, number][];
  /** Start and end offset of every CoNLL token, per sentence. */
  bounds: [number, number][][];
}

/** Lay CoNLL sentences out as the text the extension would analyse. */
export function conllView(sentences: readonly (readonly string[])[]): ConllView {
  let text = '';
  const bounds: [number, number][][] = sentences.map((s, si) => {
    if (si > 0) text += '\n';
    return s.map((t, ti) => {
      if (ti > 0) text += ' ';
      const start = text.length;
      text += t;
      return [start, text.length] as [number, number];
    });
  });
  const tokens = tokenize(text);
  const owner: [number, number][] = [];
  let si = 0;
  let ti = 0;
  for (const tok of tokens) {
    for (;;) {
      const b = bounds[si]?.[ti];
      if (b && tok.start < b[1]) break;
      if (b === undefined && si >= bounds.length) break;
      ti++;
      if (ti >= (bounds[si]?.length ?? 0)) {
        si++;
        ti = 0;
      }
    }
    owner.push([si, ti]);
  }
  return { text, tokens, owner, bounds };
}

/** An I- tag after O or another type becomes B-, as conlleval reads it; the decoder never outputs that. */
export function repairBio(tags: string[]): string[] {
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (!t.startsWith('I-')) continue;
    const p = i > 0 ? tags[i - 1]! : 'O';
    if (p === 'O' || p.slice(2) !== t.slice(2)) tags[i] = `B-${t.slice(2)}`;
  }
  return tags;
}

/** Training sentences in the tagger's view from gold CoNLL tags (a token split in two continues with I-). */
export function trainingPieces(
  view: ConllView,
  gold: readonly (readonly string[])[],
  tokenHints?: Int32Array,
): { words: string[]; tags: string[]; hints?: Int32Array }[] {
  const tokenTags = view.owner.map(([s, t], i) => {
    const tag = gold[s]?.[t] ?? 'O';
    const prev = view.owner[i - 1];
    if (prev && prev[0] === s && prev[1] === t && tag.startsWith('B-')) return `I-${tag.slice(2)}`;
    return tag;
  });
  return pieces(view.text, view.tokens).map((sent) => ({
    words: sent.map((p) => p.norm),
    tags: repairBio(sent.map((p) => (p.token >= 0 ? tokenTags[p.token]! : 'O'))),
    ...(tokenHints ? { hints: Int32Array.from(sent, (p) => (p.token >= 0 ? tokenHints[p.token]! : 0)) } : {}),
  }));
}

/** CoNLL tags from one tag per extension token: each CoNLL token takes the tag of its first word token. */
export function conllFromTokenTags(view: ConllView, tokenTags: readonly string[]): string[][] {
  const out = view.bounds.map((s) => s.map(() => 'O'));
  const seen = new Set<string>();
  view.owner.forEach(([s, t], i) => {
    const key = `${s}:${t}`;
    if (seen.has(key)) return;
    seen.add(key);
    out[s]![t] = tokenTags[i] ?? 'O';
  });
  return out.map(repairBio);
}

/** CoNLL tags from entity spans over `view.text`: every CoNLL token a span touches gets its type. */
export function conllFromSpans(view: ConllView, spans: readonly { start: number; end: number; type: string }[]): string[][] {
  const out = view.bounds.map((s) => s.map(() => 'O'));
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    view.bounds.forEach((s, si) => {
      let first = true;
      s.forEach(([start, end], ti) => {
        if (end <= span.start || start >= span.end) return;
        if (out[si]![ti] !== 'O') {
          first = false;
          return;
        }
        out[si]![ti] = `${first ? 'B' : 'I'}-${span.type}`;
        first = false;
      });
    });
  }
  return out;
}
