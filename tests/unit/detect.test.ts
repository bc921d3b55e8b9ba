// Which pages the extension reads: Arabic (not Persian or Urdu in the same script), and news
// (not stories, recipes, sermons or dialect encyclopedia entries), from text alone or with HTML signals.
import { describe, expect, it } from 'vitest';
import { classifyPage, detectLanguage, explainPage, isNewsSite } from '../../nlp/detect';
import type { PageSignals } from '../../types/analysis';
import {
  BIOGRAPHY_TEXT,
  CLASSICAL_TEXT,
  CLASSICAL_VOCALISED,
  DIALECT_TEXT,
  ENGLISH_TEXT,
  HOWTO_TEXT,
  NEWS_PARAGRAPHS,
  NEWS_TEXT,
  PERSIAN_ARABIC_LETTERS,
  PERSIAN_TEXT,
  RECIPE_TEXT,
  SPORT_TEXT,
  STORY_TEXT,
  URDU_TEXT,
} from './arabic-texts';

const signals = (over: Partial<PageSignals>): PageSignals => ({
  lang: null,
  dir: null,
  ogType: null,
  jsonLdTypes: [],
  hasArticleElement: false,
  hasArticleBody: false,
  ...over,
});

describe('detectLanguage', () => {
  it.each([
    ['Arabic news', 'ar', 'Arabic function words and the article ال', NEWS_TEXT],
    ['an Arabic story', 'ar', 'genre does not change the language', STORY_TEXT],
    ['Egyptian Arabic', 'ar', 'a dialect is still Arabic', DIALECT_TEXT],
    ['vocalised classical Arabic', 'ar', 'diacritics are ignored for vocabulary', CLASSICAL_VOCALISED],
    ['Persian in Persian letters', 'fa', 'گ پ and Persian function words (است، این، که)', PERSIAN_TEXT],
    ['Persian typed with Arabic ي/ك and no پ چ ژ گ', 'fa', 'the vocabulary (در، را، كرد، اين) gives it away', PERSIAN_ARABIC_LETTERS],
    ['Urdu', 'ur', 'ے ں and Urdu function words (کے، میں، ہے)', URDU_TEXT],
    [
      'Kurdish (Sorani)',
      'other',
      'ڵ ڕ ۆ ێ: another language in the same script',
      'سەرۆکی هەرێمی کوردستان ئەمڕۆ لە هەولێر لەگەڵ شاندێکی حکومەتی عێراق کۆبووەوە و باسی بودجە و مووچەی فەرمانبەرانیان کرد.',
    ],
    ['English', 'other', 'Latin script', ENGLISH_TEXT],
    [
      'an English page quoting one Arabic word',
      'other',
      'a few Arabic letters do not make a page Arabic',
      `${ENGLISH_TEXT} The word is سلام.`,
    ],
    ['nothing', 'other', 'empty text', ''],
  ])('%s → %s (%s)', (_what, expected, _why, text) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it('reads Arabic typed with Persian ی and ک as Arabic', () => {
    // Keyboards in Iran produce ی (U+06CC) and ک (U+06A9) for Arabic text too; the classical negative is typed so.
    const persianKeyboard = NEWS_TEXT.replace(/ي/g, 'ی').replace(/ك/g, 'ک');
    expect(detectLanguage(persianKeyboard)).toBe('ar');
  });
});

describe('classifyPage from text alone', () => {
  it.each([
    ['a wire report with «(وكالات)» dateline', true, 'reporting verbs, weekday, agency dateline', NEWS_TEXT],
    ['the same report without its dateline', true, 'reporting verbs and institutions suffice', NEWS_PARAGRAPHS.slice(1).join('\n')],
    ['a story full of «قال»', false, 'narrative «فقال», a moral, no reporting', STORY_TEXT],
    ['a match report without reporting verbs', true, 'weekday evening, league, match', SPORT_TEXT],
    ['an encyclopedia biography in Modern Standard Arabic', false, 'born, died, a century, best-known works', BIOGRAPHY_TEXT],
    ['a how-to page in Modern Standard Arabic', false, 'definitions, benefits and advice, no reporting', HOWTO_TEXT],
    ['a recipe', false, 'ingredients and steps', RECIPE_TEXT],
    ['classical counsel', false, '«قال» with direct speech and piety vocabulary', CLASSICAL_TEXT],
    ['vocalised classical counsel', false, 'fully vocalised text is classical', CLASSICAL_VOCALISED],
    ['Egyptian-Arabic encyclopedia entry', false, 'dialect markers', DIALECT_TEXT],
    ['Persian news', false, 'not Arabic', PERSIAN_TEXT],
    ['Persian news in Arabic letters', false, 'not Arabic', PERSIAN_ARABIC_LETTERS],
    ['Urdu news', false, 'not Arabic', URDU_TEXT],
    ['one news sentence', false, 'too short to be an article', NEWS_PARAGRAPHS[1] ?? ''],
  ])('%s → Arabic news: %s (%s)', (_what, expected, _why, text) => {
    expect(classifyPage(null, text).isArabicNews).toBe(expected);
  });

  it('says why, so a wrong page can be diagnosed', () => {
    const evidence = explainPage(null, NEWS_TEXT);
    expect(evidence.reasons.join(' ')).toMatch(/agency dateline/);
    expect(evidence.newsScore).toBeGreaterThan(explainPage(null, STORY_TEXT).newsScore);
  });
});

describe('classifyPage with HTML signals', () => {
  it.each([
    [
      'Persian page marked NewsArticle',
      'fa',
      true,
      false,
      signals({ lang: 'fa', jsonLdTypes: ['NewsArticle'], ogType: 'article' }),
      PERSIAN_TEXT,
    ],
    [
      'Arabic story page with og:type article',
      'ar',
      true,
      false,
      signals({ lang: 'ar', ogType: 'article', hasArticleBody: true }),
      STORY_TEXT,
    ],
    ['Arabic report marked ReportageNewsArticle', 'ar', true, true, signals({ jsonLdTypes: ['ReportageNewsArticle'] }), NEWS_TEXT],
    ['Arabic report on a page declaring lang=en', 'ar', true, true, signals({ lang: 'en', ogType: 'article' }), NEWS_TEXT],
    ['English article', 'other', true, false, signals({ lang: 'en', hasArticleElement: true }), `${ENGLISH_TEXT} `.repeat(8)],
    [
      'Urdu home page whose extracted text is its English title',
      'ur',
      false,
      false,
      signals({ ogType: 'article', textSample: URDU_TEXT }),
      'Daily News: Latest News, Breaking News',
    ],
    [
      'Arabic home page whose extracted text is its English title',
      'ar',
      false,
      false,
      signals({ textSample: NEWS_TEXT }),
      'Latest News and Headlines',
    ],
    [
      'English page whose first text quotes an Arabic word',
      'other',
      false,
      false,
      signals({ textSample: `${ENGLISH_TEXT} سلام` }),
      'An English title',
    ],
  ])('%s → %s, article %s, Arabic news %s', (_what, language, isArticle, isArabicNews, sig, text) => {
    expect(classifyPage(sig, text)).toEqual({ language, isArticle, isArabicNews });
  });

  it('a news site and news markup lift a borderline report that plain text would miss', () => {
    // Two reporting sentences, nothing else: too little evidence alone.
    const thin = `${NEWS_PARAGRAPHS[2]}\n${NEWS_PARAGRAPHS[2]}\n${RECIPE_TEXT.split('\n')[4]}`;
    const plain = explainPage(null, thin);
    const marked = explainPage(signals({ jsonLdTypes: ['NewsArticle'], url: 'https://www.aljazeera.net/news/2026/1/1/x' }), thin);
    expect(marked.newsScore).toBeGreaterThan(plain.newsScore + 3);
  });
});

describe('isNewsSite', () => {
  it.each([
    ['https://www.aljazeera.net/news/2026/11/24/x', true, 'a known outlet'],
    ['https://www.bbc.com/arabic/articles/x', true, 'the Arabic path of a multilingual domain'],
    ['https://www.bbc.com/news/world-1', false, 'the same domain in English'],
    ['https://arabic.cnn.com/middle-east/article/x', true, 'a subdomain listed as such'],
    ['https://notaljazeera.net/x', false, 'a look-alike host is not the outlet'],
    ['https://mawdoo3.com/x', false, 'an encyclopedia site'],
    [null, false, 'no address'],
  ])('%s → %s', (url, expected, _why) => {
    expect(isNewsSite(url)).toBe(expected);
  });
});
