// The tagger's model: label set, binary format (weights quantised to int8), and the weight table.

import { type Clusters, decodeClusters, encodeClusters } from './clusters';
import type { WordLists } from './features';
import { Bloom } from './lexicon';

/** The label set, in the order weight rows store them. */
export const TAGS = ['O', 'B-PERS', 'I-PERS', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'] as const;
export const NT = TAGS.length;

/** A trained model as stored: feature hashes with one int8 weight per tag, scaled by `scale`. */
export interface NerModel {
  keys: Uint32Array;
  weights: Int8Array;
  scale: number;
  /** Transition scores prev→next (NT×NT) and start scores (NT), in the same units as the weights × scale. */
  trans: Float32Array;
  start: Float32Array;
  lists: WordLists;
}

/** The order lists are stored in. */
const LIST_NAMES = ['lexicon', 'person', 'place', 'placeToken', 'org', 'orgToken'] as const;

const MAGIC = 0x524e5153; // 'SQNR'
const VERSION = 3;

/** The per-word tables stored after the word lists, in this order; each may be absent. */
const TABLE_NAMES = ['clusters', 'wordClusters'] as const;

/** Serialise a model to bytes (little-endian), so the artefact is one compact string. */
export function encodeModel(m: NerModel): Uint8Array {
  const n = m.keys.length;
  const wBytes = (n * NT + 3) & ~3;
  const blooms = LIST_NAMES.map((k) => m.lists[k]);
  const bloomBytes = blooms.reduce((sum, b) => sum + 8 + (b ? b.bits.length : 0), 0);
  // Each table's level sizes are not needed at inference; they are stored as its values' upper bounds.
  const tables = TABLE_NAMES.map((k) => {
    const t = m.lists[k];
    return t
      ? encodeClusters(
          t,
          Array.from({ length: t.levels }, (_, l) => 1 + maxId(t, l)),
        )
      : new Uint8Array(0);
  });
  const tableBytes = tables.reduce((sum, t) => sum + 4 + t.length, 0);
  const size = 32 + 4 * (NT * NT + NT) + 4 * n + wBytes + bloomBytes + tableBytes;
  const buf = new ArrayBuffer(size);
  const dv = new DataView(buf);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, VERSION, true);
  dv.setUint32(8, NT, true);
  dv.setUint32(12, n, true);
  dv.setFloat32(16, m.scale, true);
  dv.setUint32(20, bloomBytes, true);
  dv.setUint32(24, blooms.length, true);
  let o = 32;
  new Float32Array(buf, o, NT * NT).set(m.trans);
  o += 4 * NT * NT;
  new Float32Array(buf, o, NT).set(m.start);
  o += 4 * NT;
  new Uint32Array(buf, o, n).set(m.keys);
  o += 4 * n;
  new Int8Array(buf, o, n * NT).set(m.weights);
  o += wBytes;
  for (const b of blooms) {
    dv.setUint32(o, b ? b.bits.length : 0, true);
    dv.setUint32(o + 4, b ? b.k : 0, true);
    o += 8;
    if (b) {
      new Uint8Array(buf, o, b.bits.length).set(b.bits);
      o += b.bits.length;
    }
  }
  dv.setUint32(28, tableBytes, true);
  for (const t of tables) {
    dv.setUint32(o, t.length, true);
    new Uint8Array(buf, o + 4, t.length).set(t);
    o += 4 + t.length;
  }
  return new Uint8Array(buf);
}

/** Read a model written by `encodeModel`; throws on anything else. */
export function decodeModel(bytes: Uint8Array): NerModel {
  const copy = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const buf = copy.buffer;
  const base = copy.byteOffset;
  const dv = new DataView(buf, base, copy.byteLength);
  if (copy.byteLength < 32 || dv.getUint32(0, true) !== MAGIC) throw new Error('NER model: not a Siyaq tagger model');
  if (dv.getUint32(4, true) !== VERSION) throw new Error(`NER model: unsupported version ${dv.getUint32(4, true)}`);
  if (dv.getUint32(8, true) !== NT) throw new Error('NER model: label set differs');
  const n = dv.getUint32(12, true);
  const scale = dv.getFloat32(16, true);
  const bloomBytes = dv.getUint32(20, true);
  const listCount = dv.getUint32(24, true);
  if (listCount !== LIST_NAMES.length) throw new Error('NER model: word lists differ');
  const wBytes = (n * NT + 3) & ~3;
  const tableBytes = dv.getUint32(28, true);
  const expected = 32 + 4 * (NT * NT + NT) + 4 * n + wBytes + bloomBytes + tableBytes;
  if (copy.byteLength !== expected) throw new Error(`NER model: ${copy.byteLength} bytes, expected ${expected}`);
  let o = base + 32;
  const trans = new Float32Array(buf, o, NT * NT);
  o += 4 * NT * NT;
  const start = new Float32Array(buf, o, NT);
  o += 4 * NT;
  const keys = new Uint32Array(buf, o, n);
  o += 4 * n;
  const weights = new Int8Array(buf, o, n * NT);
  o += wBytes;
  const lists: Record<string, Bloom | null> = {};
  for (const name of LIST_NAMES) {
    const len = dv.getUint32(o - base, true);
    const k = dv.getUint32(o - base + 4, true);
    o += 8;
    lists[name] = len > 0 ? new Bloom(new Uint8Array(buf, o, len), k) : null;
    o += len;
  }
  const tables: Record<string, Clusters | null> = {};
  for (const name of TABLE_NAMES) {
    const len = dv.getUint32(o - base, true);
    tables[name] = len > 0 ? decodeClusters(buf, o + 4).clusters : null;
    o += 4 + len;
  }
  return { keys, weights, scale, trans, start, lists: { ...(lists as unknown as WordLists), ...tables } };
}

function maxId(t: Clusters, level: number): number {
  let max = 0;
  for (let i = level; i < t.ids.length; i += t.levels) max = Math.max(max, t.ids[i]!);
  return max;
}

/**
 * Open-addressing table from feature hash to weight row, built once at load. Each slot holds the key
 * and its row side by side, so a hit reads one cache line.
 */
export class WeightTable {
  /** slots[2s] is the key (0: empty), slots[2s + 1] its row. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(keys: Uint32Array) {
    let cap = 16;
    while (cap < keys.length * 2) cap *= 2;
    this.slots = new Int32Array(2 * cap);
    this.mask = cap - 1;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]! | 0;
      let s = k & this.mask;
      while (this.slots[2 * s] !== 0) s = (s + 1) & this.mask;
      this.slots[2 * s] = k;
      this.slots[2 * s + 1] = i;
    }
  }

  /** Row of a feature hash, or -1. */
  readonly lookup = (h: number): number => {
    const k = h | 0;
    const slots = this.slots;
    let s = k & this.mask;
    for (;;) {
      const x = slots[2 * s]!;
      if (x === k) return slots[2 * s + 1]!;
      if (x === 0) return -1;
      s = (s + 1) & this.mask;
    }
  };
}
