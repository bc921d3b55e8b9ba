// Re-anchoring saved quotations when their article is opened again: never dropped, always reported.
import { describe, expect, it } from 'vitest';
import { anchorQuote, quoteContext } from '../../storage/anchor';

const original = 'قال الرئيس إن «الحوار هو الطريق الوحيد لحل الأزمة» في مؤتمر صحفي. وأضاف أن «الحوار هو الطريق» مفتوح.';
const exact = 'الحوار هو الطريق الوحيد لحل الأزمة';
const start = original.indexOf(exact);
const sel = { exact, ...quoteContext(original, start, start + exact.length), start, end: start + exact.length };

describe('re-anchoring a saved quotation', () => {
  it.each([
    ['the article is unchanged', original, 'exact', exact],
    ['a paragraph was added before it', `سطر جديد في أول المقال.\n\n${original}`, 'exact', exact],
    // U+064E fatha and U+0651 shadda added by the site: the words are the same.
    ['the site added diacritics', original.replace('الحوار هو', 'الحِوَار هو'), 'position', 'الحِوَار هو الطريق الوحيد لحل الأزمة'],
    ['one word was corrected', original.replace('الوحيد', 'الأوحد'), 'fuzzy', 'الحوار هو الطريق الأوحد لحل الأزمة'],
    ['half of it was rewritten', original.replace('الوحيد لحل الأزمة', 'المتاح للخروج من المأزق'), 'changed', null],
    ['it was removed', 'مقال مختلف تماما عن موضوع آخر لا علاقة له بما سبق.', 'removed', null],
  ])('%s → %s', (_why, text, status, found) => {
    const a = anchorQuote(text, sel);
    expect(a.status).toBe(status);
    if (status === 'removed') {
      expect(a.start).toBeNull();
      return;
    }
    const at = text.slice(a.start ?? 0, a.end ?? 0);
    if (found !== null) expect(at).toBe(found);
    else expect(at.length).toBeGreaterThan(10);
  });

  it('of two identical passages, picks the one with the saved context', () => {
    const short = 'الحوار هو الطريق';
    const second = original.lastIndexOf(short);
    const s2 = { exact: short, ...quoteContext(original, second, second + short.length), start: second, end: second + short.length };
    const moved = `مقدمة.\n${original}`;
    expect(anchorQuote(moved, s2).start).toBe(moved.lastIndexOf(short));
    const first = original.indexOf(short);
    const s1 = { exact: short, ...quoteContext(original, first, first + short.length), start: first, end: first + short.length };
    expect(anchorQuote(moved, s1).start).toBe(moved.indexOf(short));
  });
});
