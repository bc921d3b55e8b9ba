// The bounded memo behind the word caches: it never holds more than its bound, and what is used keeps.
import { describe, expect, it } from 'vitest';
import { Memo } from '../../types/memo';

describe('Memo', () => {
  it('gives back what was kept', () => {
    const m = new Memo<string, number>(10);
    m.set('قال', 1);
    expect([m.get('قال'), m.get('أكد')]).toEqual([1, undefined]);
  });

  it('keeps the last words used and no more than twice its bound, however many words go through it', () => {
    const m = new Memo<string, number>(100);
    for (let i = 0; i < 10_000; i++) m.set(`w${i}`, i);
    expect(m.size).toBeLessThanOrEqual(200);
    for (let i = 9900; i < 10_000; i++) expect(m.get(`w${i}`)).toBe(i);
    expect(m.get('w0')).toBeUndefined();
  });

  it('keeps a word that is used again while newer ones come and go, and forgets one that is not', () => {
    const m = new Memo<string, number>(100);
    m.set('often', 1);
    m.set('once', 2);
    for (let i = 0; i < 1000; i++) {
      m.set(`w${i}`, i);
      expect(m.get('often')).toBe(1);
    }
    expect(m.get('once')).toBeUndefined();
  });
});
