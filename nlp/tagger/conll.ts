// CoNLL reading and conlleval-style entity scoring (exact span and type).

export interface ConllSentence {
  tokens: string[];
  /** Second column when present (gold tags); empty when the file has one column. */
  tags: string[];
}

export class ConllError extends Error {}

/** Parse CoNLL text: a token per line (first whitespace-separated column), blank lines between sentences. */
export function parseConll(text: string, opts: { requireTags?: boolean } = {}): ConllSentence[] {
  const out: ConllSentence[] = [];
  let cur: ConllSentence = { tokens: [], tags: [] };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/^\ufeff/, '');
    if (line.trim() === '') {
      if (cur.tokens.length > 0) out.push(cur);
      cur = { tokens: [], tags: [] };
      continue;
    }
    const cols = line.trim().split(/\s+/);
    if (line.includes('\u0000')) throw new ConllError(`line ${i + 1}: binary data is not CoNLL`);
    cur.tokens.push(cols[0]!);
    if (opts.requireTags) {
      const tag = cols[cols.length - 1]!;
      if (cols.length < 2 || !/^(O|[BI]-[A-Z]+)$/.test(tag))
        throw new ConllError(`line ${i + 1}: expected "token TAG", got ${JSON.stringify(line)}`);
      cur.tags.push(tag);
    }
  }
  if (cur.tokens.length > 0) out.push(cur);
  return out;
}

export interface EntitySpan {
  start: number;
  /** Exclusive. */
  end: number;
  type: string;
}

/** Entities of a BIO sequence as conlleval reads them: an I- after O or another type starts an entity. */
export function bioSpans(tags: readonly string[]): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let open: EntitySpan | null = null;
  tags.forEach((tag, i) => {
    const prefix = tag[0];
    const type = tag.slice(2);
    if (open && (prefix !== 'I' || type !== open.type)) {
      open.end = i;
      spans.push(open);
      open = null;
    }
    if (!open && (prefix === 'B' || prefix === 'I')) open = { start: i, end: i + 1, type };
  });
  if (open) {
    (open as EntitySpan).end = tags.length;
    spans.push(open);
  }
  return spans;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface Scores {
  byType: Map<string, Counts>;
  micro: Counts;
}

/** Count exact-match entities per type over sentences of gold and predicted tags. */
export function scoreEntities(gold: readonly (readonly string[])[], pred: readonly (readonly string[])[]): Scores {
  const byType = new Map<string, Counts>();
  const get = (t: string) => {
    let c = byType.get(t);
    if (!c) {
      c = { tp: 0, fp: 0, fn: 0 };
      byType.set(t, c);
    }
    return c;
  };
  const micro: Counts = { tp: 0, fp: 0, fn: 0 };
  gold.forEach((g, i) => {
    const key = (s: EntitySpan) => `${s.start}:${s.end}:${s.type}`;
    const gs = bioSpans(g);
    const ps = bioSpans(pred[i] ?? []);
    const gset = new Set(gs.map(key));
    const pset = new Set(ps.map(key));
    for (const s of ps) {
      if (gset.has(key(s))) {
        get(s.type).tp++;
        micro.tp++;
      } else {
        get(s.type).fp++;
        micro.fp++;
      }
    }
    for (const s of gs) {
      if (!pset.has(key(s))) {
        get(s.type).fn++;
        micro.fn++;
      }
    }
  });
  return { byType, micro };
}

/** Precision, recall, F1 in percent. */
export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp > 0 ? (100 * c.tp) / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn > 0 ? (100 * c.tp) / (c.tp + c.fn) : 0;
  const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  return { p, r, f };
}
