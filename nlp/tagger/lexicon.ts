// A Bloom filter of known Arabic words: a word the dictionary does not know is often a foreign name.

import { hashString } from './hash';

/** Compact set membership with a small false-positive rate, stored inside the model. */
export class Bloom {
  readonly bits: Uint8Array;
  readonly k: number;
  private readonly mask: number;

  constructor(bits: Uint8Array, k: number) {
    if (bits.length === 0 || (bits.length & (bits.length - 1)) !== 0) throw new Error('Bloom: size must be a power of two');
    this.bits = bits;
    this.k = k;
    this.mask = bits.length * 8 - 1;
  }

  /** An empty filter sized for about `n` words at ~10 bits each. */
  static sized(n: number, k = 5): Bloom {
    let bytes = 1024;
    while (bytes * 8 < n * 10) bytes *= 2;
    return new Bloom(new Uint8Array(bytes), k);
  }

  add(word: string): void {
    const a = hashString(101, word);
    const b = hashString(202, word) | 1;
    for (let i = 0; i < this.k; i++) {
      const bit = (a + Math.imul(i, b)) & this.mask;
      this.bits[bit >>> 3]! |= 1 << (bit & 7);
    }
  }

  has(word: string): boolean {
    const a = hashString(101, word);
    const b = hashString(202, word) | 1;
    for (let i = 0; i < this.k; i++) {
      const bit = (a + Math.imul(i, b)) & this.mask;
      if (((this.bits[bit >>> 3] ?? 0) & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  }
}
