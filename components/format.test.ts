// What copy and the lists show: a citation with who, where, when and the link; readable dates and sizes.
import { describe, expect, it } from 'vitest';
import { articleDate, citationText, formatBytes, outletOf } from './format';

describe('format', () => {
  it.each([
    [
      'ar',
      { quote: 'لن نقبل', speaker: 'البرهان', outlet: 'news.example', date: '2026-11-24T09:30:00+03:00', url: 'https://news.example/a' },
      '«لن نقبل» — البرهان، news.example، 24 نوفمبر 2026\nhttps://news.example/a',
      'Arabic: guillemets and the Arabic comma',
    ],
    [
      'en',
      { quote: ' wait ', speaker: null, outlet: 'news.example', date: null, url: null },
      '“wait” — news.example',
      'missing parts are left out, not printed as blanks',
    ],
  ] as const)('citation in %s (%s)', (lang, c, expected, _why) => {
    expect(citationText(lang, c)).toBe(expected);
  });

  it.each([
    ['https://www.aljazeera.net/news/1', 'aljazeera.net', 'www. is not part of the outlet'],
    ['not a url', null, 'garbage gives no outlet'],
  ] as const)('outletOf(%j) → %j (%s)', (url, expected, _why) => {
    expect(outletOf(url)).toBe(expected);
  });

  it.each([
    ['en', 512, '512 B'],
    ['en', 5 * 1024 * 1024, '5 MB'],
    ['en', null, '—'],
  ] as const)('formatBytes(%s, %j) → %s', (lang, bytes, expected) => {
    expect(formatBytes(lang, bytes)).toBe(expected);
  });
});

describe('articleDate', () => {
  it.each([
    ['2026-03-01T10:00:00Z', true, 'a date the page declared'],
    ['منذ ساعتين', false, 'words instead of a date: the fallback, never the raw text'],
    [null, false, 'no date on the page'],
  ] as const)('%s → published %s (%s)', (declared, published, _why) => {
    const fallback = Date.UTC(2026, 5, 1);
    const result = articleDate(declared, fallback);
    expect(result.published).toBe(published);
    expect(result.date.getTime()).toBe(published ? Date.parse(declared as string) : fallback);
  });
});
