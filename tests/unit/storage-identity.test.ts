// Page identity and matching keys: what makes two URLs one article and two spellings one name.
import { describe, expect, it } from 'vitest';
import { nameKey, queryKeys, textKeys, wordKeys } from '../../nlp/keys';
import { cleanUrl, pageIdentity } from '../../storage/identity';

describe('clean URLs', () => {
  it.each([
    ['https://www.news.example/a/1?utm_source=tw&utm_medium=x', 'https://news.example/a/1', 'utm_* removed, www dropped'],
    ['https://news.example/a/1?fbclid=abc&gclid=d&_r=1', 'https://news.example/a/1', 'click ids removed'],
    ['https://news.example/a/1/amp', 'https://news.example/a/1', 'AMP path suffix'],
    ['https://amp.news.example/a/1', 'https://news.example/a/1', 'AMP subdomain'],
    ['https://m.news.example/a/1/', 'https://news.example/a/1', 'mobile subdomain and trailing slash'],
    ['http://news.example/a/1#section', 'https://news.example/a/1', 'scheme and fragment'],
    ['https://news.example/story?id=7&utm_x=1', 'https://news.example/story?id=7', 'a content parameter stays'],
    ['https://news.example/s?b=2&a=1', 'https://news.example/s?a=1&b=2', 'parameters sorted'],
    ['ftp://news.example/a', null, 'not a web page'],
    ['not a url', null, 'not a URL'],
  ] as [string, string | null, string][])('%s → %s (%s)', (raw, expected) => {
    expect(cleanUrl(raw)).toBe(expected);
  });

  it('prefers the declared canonical URL, but not one pointing at the home page', () => {
    expect(pageIdentity('https://news.example/amp/x?utm_source=a', 'https://news.example/politics/x').pageKey).toBe(
      'https://news.example/politics/x',
    );
    expect(pageIdentity('https://news.example/a/1', '/').pageKey).toBe('https://news.example/a/1');
    expect(pageIdentity('https://news.example/a/1', 'https://[oops').pageKey).toBe('https://news.example/a/1');
  });

  it('a text hash survives marks and spacing but only for texts long enough to identify a page', () => {
    const long = 'قال الرئيس إن الحوار هو الطريق الوحيد. '.repeat(10);
    // U+064E fatha added: the same article re-rendered.
    const marked = long.replace(/الحوار/g, 'الحَوار').replace(/ /g, '  ');
    expect(pageIdentity('https://a.example/1', null, long).textHash).toBe(pageIdentity('https://b.example/2', null, marked).textHash);
    expect(pageIdentity('https://a.example/1', null, 'قصير').textHash).toBeNull();
  });
});

describe('matching keys', () => {
  it.each([
    ['لوكاشنكو', 'لوكاشينكو', true, 'a long vowel more or less'],
    ['بوتين', 'لبوتين', true, 'a proclitic preposition'],
    ['بوتين', 'وبوتين', true, 'a conjunction'],
    ['الكرملين', 'بالكرملين', true, 'preposition + article'],
    ['ترامب', 'ترمب', true, 'a transliteration variant'],
    ['غوتيريس', 'غوتيريش', true, 'sin and shin traded in a foreign name'],
    ['قازاخستان', 'كازاخستان', true, 'qaf and kaf traded'],
    ['ميركل', 'ماكرون', false, 'two names with different consonants'],
    ['أردوغان', 'اردوغان', true, 'hamza on alef'],
    ['غزة', 'غزه', true, 'taa marbuta'],
    ['بوتين', 'بيسكوف', false, 'two different names'],
    ['مصر', 'عصر', false, 'short words are kept whole'],
  ])('query «%s» finds «%s»: %s (%s)', (query, written, expected) => {
    const [key] = queryKeys(query);
    expect(wordKeys(written).includes(key!)).toBe(expected);
  });

  it('a full name key needs the full name; single words are not names', () => {
    expect(nameKey('فلاديمير بوتين')).toBe(nameKey('فلاديمير  بُوتين'));
    expect(nameKey('فلاديمير بوتين')).not.toBe(nameKey('بوتين'));
  });

  it('index keys are bounded', () => {
    expect(textKeys(['كلمة '.repeat(10), Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ')], 100)).toHaveLength(100);
  });
});
