// What the content script reads from a page: the title and the body paragraphs, never the page's
// navigation, tickers, related links, comments, forms or code; and every analysed span maps back
// to exactly the characters the reader sees.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { joinArticle } from '../../nlp/analyze';
import {
  collectSignals,
  type ExtractedArticle,
  extractArticle,
  extractSteps,
  hasArabicText,
  isBoilerplateToken,
  rangeFor,
} from '../../page/extract';
import { runSliced, type Steps } from '../../page/slice';
import { ROOT } from '../../scripts/browser';
import { NEWS_PARAGRAPHS, NEWS_TITLE, STORY_TEXT } from './arabic-texts';

const windows: Window[] = [];
afterAll(async () => {
  for (const w of windows) await w.happyDOM.close();
});

/** A page as a browser tab holds it (its own window, so DOM Ranges behave as in the content script). */
const parse = (html: string, url = 'https://example.com/news/1'): Document => {
  const window = new Window({ url });
  windows.push(window);
  window.document.write(html);
  return window.document as unknown as Document;
};

/** A news page with everything a real one has around the article. */
const NEWS_PAGE = `<!doctype html><html lang="ar" dir="rtl"><head>
<title>${NEWS_TITLE} | صحيفة المثال</title>
<meta property="og:type" content="article"><meta property="og:title" content="${NEWS_TITLE}">
<link rel="canonical" href="https://www.alarabiya.net/politics/2026/11/24/x">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":["NewsArticle","ReportageNewsArticle"],"headline":"${NEWS_TITLE}"}]}</script>
<script type="application/ld+json">{ broken json </script>
<style>.x{color:red}</style></head><body>
<header><a href="/"><h1>صحيفة المثال</h1></a></header>
<nav><a href="/">الرئيسية</a> <a href="/p">سياسة</a></nav>
<div class="ticker">عاجل: انفجار في ميناء بيروت وأنباء عن إصابات</div>
<article>
  <h1>${NEWS_TITLE}</h1>
  <div class="share-buttons"><a href="#">فيسبوك</a><a href="#">تويتر</a></div>
  <div itemprop="articleBody">
    <p>${NEWS_PARAGRAPHS[0]}</p>
    <p>${(NEWS_PARAGRAPHS[1] ?? '').replace('الصفدي', '<b>الصفدي</b>').replace('«الأولوية', '«<a href="/t">الأولوية</a>')}</p>
    <aside>اقرأ المزيد عن زيارة الرئيس الفرنسي إلى الأردن</aside>
    <p>${NEWS_PARAGRAPHS[2]}</p>
    <pre><code>const x = "قال الوزير";</code></pre>
    <p>${NEWS_PARAGRAPHS[3]}</p>
    <script>var s = "وقال المتحدث";</script>
  </div>
  <ul class="related"><li><a href="/1">وزير الخارجية يزور باريس الأسبوع المقبل في جولة أوروبية</a></li></ul>
</article>
<section id="comments"><p>تعليق: أتفق مع الوزير تماما في كل ما قاله عن المنطقة</p>
<form><textarea>اكتب تعليقك هنا يا صديقي</textarea><input value="الاسم"></form></section>
<div contenteditable="true">نص قابل للتحرير لا يخص المقال</div>
<footer>جميع الحقوق محفوظة لصحيفة المثال</footer>
</body></html>`;

/** Al Jazeera-style: no <article>, no <main>, the body is the largest block of paragraphs. */
const NO_ARTICLE_PAGE = `<html><head><title>${NEWS_TITLE} | الموقع</title></head><body>
<div class="menu"><a href="/">أخبار</a><a href="/">رياضة</a></div>
<div class="teasers"><p>خبر قصير في الشريط الجانبي عن الطقس اليوم.</p></div>
<div id="main-content-area"><div class="container__inner"><div class="wysiwyg">
${NEWS_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
</div></div></div>
<div class="most-read"><p>الأكثر قراءة: مباراة القمة تنتهي بالتعادل بين الفريقين في الملعب</p></div>
</body></html>`;

/** BBC-style: every paragraph in its own nested boxes, no <article> or <main>. */
const BOXED_PAGE = `<html><head><title>${NEWS_TITLE}</title></head><body><div class="site-nav"><a href="/">الرئيسية</a></div>
<div id="wrapper"><h1>${NEWS_TITLE}</h1>
${NEWS_PARAGRAPHS.map((p) => `<div data-component="text-block"><div class="box"><p>${p}</p></div></div>`).join('\n')}
</div><div class="links-promo"><a href="/x">روابط أخرى ذات صلة بهذا الموضوع</a></div></body></html>`;

/** A blog that writes paragraphs as text separated by <br><br> inside one div. */
const BR_PAGE = `<html lang="ar"><body><div class="post-body">${NEWS_PARAGRAPHS[0]}<br><br>${NEWS_PARAGRAPHS[1]}<br>
${NEWS_PARAGRAPHS[2]}</div></body></html>`;

describe('collectSignals', () => {
  it('reads language, direction, og:type, JSON-LD types inside @graph and as arrays, and the canonical address', () => {
    const { textSample, ...signals } = collectSignals(parse(NEWS_PAGE));
    expect(signals).toEqual({
      lang: 'ar',
      dir: 'rtl',
      ogType: 'article',
      jsonLdTypes: ['WebPage', 'NewsArticle', 'ReportageNewsArticle'],
      hasArticleElement: true,
      hasArticleBody: true,
      url: 'https://www.alarabiya.net/politics/2026/11/24/x',
    });
    // The page's first visible text, for the language of pages whose article text is too short to tell.
    expect(textSample).toMatch(/^وزير الخارجية الأردني يبحث/);
    expect(textSample?.length).toBeLessThanOrEqual(2000);
  });

  it.each([
    ['no markup at all', NO_ARTICLE_PAGE, { lang: null, ogType: null, jsonLdTypes: [], hasArticleElement: false }],
    [
      'mainEntity of a WebPage',
      '<script type="application/ld+json">{"@type":"WebPage","mainEntity":{"@type":"NewsArticle"}}</script>',
      { jsonLdTypes: ['WebPage', 'NewsArticle'] },
    ],
    [
      'a top-level array',
      '<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"LiveBlogPosting"}]</script>',
      { jsonLdTypes: ['BreadcrumbList', 'LiveBlogPosting'] },
    ],
  ])('%s', (_why, html, expected) => {
    expect(collectSignals(parse(html))).toMatchObject(expected);
  });
});

describe('extractArticle', () => {
  it('keeps the title and the four body paragraphs of a full news page, in order', () => {
    const article = extractArticle(parse(NEWS_PAGE));
    expect(article.title).toBe(NEWS_TITLE);
    expect(article.blocks).toEqual(NEWS_PARAGRAPHS);
  });

  it.each([
    ['the site name in the header', 'صحيفة المثال'],
    ['navigation', 'الرئيسية'],
    ['the breaking-news ticker', 'انفجار في ميناء بيروت'],
    ['share buttons', 'فيسبوك'],
    ['an aside', 'اقرأ المزيد'],
    ['code', 'قال الوزير'],
    ['scripts', 'وقال المتحدث'],
    ['related links', 'جولة أوروبية'],
    ['comments', 'أتفق مع الوزير'],
    ['a textarea', 'اكتب تعليقك'],
    ['an input', 'الاسم'],
    ['contenteditable regions', 'قابل للتحرير'],
    ['the footer', 'جميع الحقوق'],
  ])('leaves out %s', (_what, text) => {
    const article = extractArticle(parse(NEWS_PAGE));
    expect(joinArticle(article).text).not.toContain(text);
  });

  it('finds the body of a page without <article> as the largest block of paragraphs, and the title from document.title', () => {
    const article = extractArticle(parse(NO_ARTICLE_PAGE));
    expect(article.blocks).toEqual(NEWS_PARAGRAPHS);
    expect(article.title).toBe(NEWS_TITLE);
    expect(article.titleNodes).toBeNull(); // the title is not on the page: nothing to paint
  });

  it('gathers paragraphs that each sit in their own nested boxes', () => {
    const article = extractArticle(parse(BOXED_PAGE));
    expect(article.blocks).toEqual(NEWS_PARAGRAPHS);
    expect(article.title).toBe(NEWS_TITLE);
  });

  it.each([
    [
      'a whole page wrapped in one <form> (ASP.NET sites)',
      `<html><body><form id="form1" action="/"><div class="body">${NEWS_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div></form></body></html>`,
    ],
    [
      'an opinion column whose class says commentary',
      `<html><body><div class="commentary-body">${NEWS_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`,
    ],
  ])('still reads %s', (_what, html) => {
    expect(extractArticle(parse(html)).blocks).toEqual(NEWS_PARAGRAPHS);
  });

  it('takes the title from a page header outside <article> when it is the declared title', () => {
    const html = `<html><head><title>${NEWS_TITLE} - الموقع</title></head><body><header><h1>${NEWS_TITLE}</h1></header><article>${NEWS_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const article = extractArticle(parse(html));
    expect(article.title).toBe(NEWS_TITLE);
    expect(article.titleNodes?.text).toBe(NEWS_TITLE); // on the page, so its names can be painted
  });

  it('splits <br><br> paragraphs and joins a single <br> line break with a space', () => {
    const article = extractArticle(parse(BR_PAGE));
    expect(article.blocks).toEqual([NEWS_PARAGRAPHS[0], `${NEWS_PARAGRAPHS[1]} ${NEWS_PARAGRAPHS[2]}`]);
  });

  it('collapses the page source whitespace as the browser renders it', () => {
    const article = extractArticle(
      parse(
        `<article><h1>عنوان   الخبر\n  هنا</h1><p>\n   وقال  الوزير\n\tإن الاجتماع   انتهى   دون اتفاق على موعد جديد للمحادثات بين الطرفين   </p></article>`,
      ),
    );
    expect(article.title).toBe('عنوان الخبر هنا');
    expect(article.blocks).toEqual(['وقال الوزير إن الاجتماع انتهى دون اتفاق على موعد جديد للمحادثات بين الطرفين']);
  });

  it('falls back to the JSON-LD articleBody when the page renders its body with scripts, with nothing to paint', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: NEWS_TITLE, articleBody: NEWS_PARAGRAPHS.join('\n') });
    const article = extractArticle(
      parse(`<html><head><script type="application/ld+json">${ld}</script></head><body><div id="app"></div></body></html>`),
    );
    expect(article.title).toBe(NEWS_TITLE);
    expect(article.blocks).toEqual(NEWS_PARAGRAPHS);
    expect(rangeFor(article, NEWS_TITLE.length + 2, NEWS_TITLE.length + 6)).toBeNull();
  });

  it('finds nothing to read on an empty page', () => {
    const article = extractArticle(parse('<html><body></body></html>'));
    expect(article.blocks).toEqual([]);
  });
});

/** The same work, ending the slice at every pause it offers: the most a live page can be interrupted. */
function* everyPause<T>(steps: Steps<T>, counter: { pauses: number }): Steps<T> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    counter.pauses++;
    yield true;
  }
}

/** A long article: many paragraphs, names in <b> and links inside them. */
const LONG_PAGE = `<html lang="ar"><head><title>${NEWS_TITLE}</title></head><body><nav><a href="/">الرئيسية</a></nav><article><h1>${NEWS_TITLE}</h1>
${Array.from({ length: 120 }, (_, i) => `<p>${(NEWS_PARAGRAPHS[i % NEWS_PARAGRAPHS.length] ?? '').replace('الصفدي', '<b>الصفدي</b>')}</p>`).join('\n')}
</article></body></html>`;

describe('extractSteps in slices (the live page reads a long article without blocking it)', () => {
  // page → why the sliced reading must equal the one-go reading there
  const pages: [string, string][] = [
    ['a full news page', NEWS_PAGE],
    ['a page without <article>', NO_ARTICLE_PAGE],
    ['paragraphs in nested boxes', BOXED_PAGE],
    ['<br><br> paragraphs', BR_PAGE],
    ['120 paragraphs with inline markup', LONG_PAGE],
  ];
  it.each(pages)('%s: the same title, blocks and DOM nodes as reading it in one go, however often it pauses', async (_what, html) => {
    const doc = parse(html);
    const whole = extractArticle(doc);
    const counter = { pauses: 0 };
    const sliced = await runSliced(everyPause(extractSteps(doc), counter), () => false);
    expect(sliced?.title).toBe(whole.title);
    expect(sliced?.blocks).toEqual(whole.blocks);
    expect(sliced?.nodes.map((n) => n.pieces)).toEqual(whole.nodes.map((n) => n.pieces));
    expect(sliced?.root).toBe(whole.root);
    expect(counter.pauses, 'it did pause').toBeGreaterThan(5);
  });

  it('can pause at least once per paragraph, so no slice has to hold more than one paragraph of reading', async () => {
    const counter = { pauses: 0 };
    await runSliced(everyPause(extractSteps(parse(LONG_PAGE)), counter), () => false);
    expect(counter.pauses).toBeGreaterThanOrEqual(120 * 2); // choosing the body and walking it each visit every paragraph
  });

  it('stops a half-done reading when the session ends (teardown, navigation) and returns nothing', async () => {
    const counter = { pauses: 0 };
    let checks = 0;
    const result = await runSliced(everyPause(extractSteps(parse(LONG_PAGE)), counter), () => ++checks > 3);
    expect(result).toBeNull();
    expect(counter.pauses, 'no work after the fourth pause').toBe(4);
  });
});

describe('rangeFor', () => {
  const spans = (article: ExtractedArticle, needle: string): [number, number] => {
    const start = joinArticle(article).text.indexOf(needle);
    expect(start).toBeGreaterThanOrEqual(0);
    return [start, start + needle.length];
  };

  it.each([
    ['a word in the title', 'الأردني', 'the title heading is on the page'],
    ['a name inside <b>', 'الصفدي', 'one inline element'],
    ['a quotation crossing a link', '«الأولوية اليوم هي وقف إطلاق النار', 'starts before <a>, ends after it'],
    ['a name whose first half is bold', 'وزير الخارجية الأردني أيمن الصفدي', 'plain text'],
    ['the last words of the last paragraph', 'بقيمة 50 مليون يورو.', 'end of the text'],
  ])('maps %s back to exactly those characters on the page (%s)', (_what, needle) => {
    const article = extractArticle(parse(NEWS_PAGE));
    const [start, end] = spans(article, needle);
    expect(rangeFor(article, start, end)?.toString()).toBe(needle);
  });

  it('maps across collapsed whitespace to the page characters, whose rendering is the same words', () => {
    const article = extractArticle(
      parse('<article><p>وقال   الوزير\n  الأردني إن الاجتماع انتهى دون اتفاق على موعد جديد للمحادثات</p></article>'),
    );
    const [start, end] = spans(article, 'الوزير الأردني');
    expect(rangeFor(article, start, end)?.toString().replace(/\s+/g, ' ')).toBe('الوزير الأردني');
  });

  it('gives no range for a title that came from metadata only', () => {
    const article = extractArticle(parse(NO_ARTICLE_PAGE));
    expect(rangeFor(article, 0, 5)).toBeNull();
    const [start, end] = spans(article, 'أيمن الصفدي');
    expect(rangeFor(article, start, end)?.toString()).toBe('أيمن الصفدي');
  });

  it('gives no range outside the text', () => {
    const article = extractArticle(parse(NEWS_PAGE));
    const length = joinArticle(article).text.length;
    expect(rangeFor(article, length + 5, length + 9)).toBeNull();
  });
});

describe('hasArabicText', () => {
  const english = `<html lang="en"><body>${'<p>Garden notes for a cold November week.</p>'.repeat(50)}</body></html>`;
  it.each([
    ['an English page', english, false],
    ['an English page mentioning one Arabic word', english.replace('Garden', 'Garden (حديقة)'), false],
    ['an Arabic page without a lang attribute', `<html><body><p>${NEWS_PARAGRAPHS[0]}</p></body></html>`, true],
    ['a page that declares lang="ar"', '<html lang="ar"><body></body></html>', true],
    ['a Persian page (the same script: detection decides later)', '<html lang="fa"><body><p>خبر</p></body></html>', true],
    [
      'Arabic hidden in a script only',
      `<html><body><script>var t = "${NEWS_PARAGRAPHS[0]}";</script><p>Hello there, reader.</p></body></html>`,
      false,
    ],
  ])('%s → %s', (_what, html, expected) => {
    expect(hasArabicText(parse(html))).toBe(expected);
  });

  it('samples the start of the page instead of reading all of it', () => {
    // Arabic only after thousands of English text nodes: a sampling gate does not see it.
    const late = `<html><body>${'<p>English filler text.</p>'.repeat(3000)}<p>${NEWS_PARAGRAPHS[0]}</p></body></html>`;
    expect(hasArabicText(parse(late))).toBe(false);
  });
});

describe('boilerplate class names are whole tokens (pages written for the tests)', () => {
  const fixture = (name: string) => readFileSync(join(ROOT, 'tests', 'fixtures', 'pages', name), 'utf8');

  it.each([
    ['a Drupal body field marked «field-label-hidden»', 'drupal-article.html', 'وقال الأمين العام لجامعة الدول العربية'],
    ['a WordPress post body marked «entry-content no-share»', 'wordpress-article.html', 'وقال محافظ البنك المركزي'],
  ])('reads %s', (_what, file, sentence) => {
    const article = extractArticle(parse(fixture(file)));
    expect(article.blocks.length).toBeGreaterThanOrEqual(3);
    expect(article.blocks.some((b) => b.startsWith(sentence))).toBe(true);
    expect(joinArticle(article).text).not.toContain('تعليق'); // the comments stay out
    expect(joinArticle(article).text).not.toContain('منتخب الشباب'); // and the most-read box
  });

  it.each([
    // token → boilerplate? → why
    ['share-buttons', true, 'a region word first'],
    ['links-promo', true, 'a region word last'],
    ['comments-area', true, 'comments'],
    ['BGCommentSBar', true, 'a camelCase word of a comment bar'],
    ['most-read', true, 'a region phrase'],
    ['hidden', true, 'a state word as the whole token'],
    ['field-label-hidden', false, 'a state word inside a longer token describes something else (the label)'],
    ['no-share', false, 'a negated region word'],
    ['with-sidebar', false, 'a page wrapper that has a sidebar is not the sidebar'],
    ['commentary-body', false, 'commentary is not comment'],
    ['adsCenter', false, 'ads only as a whole word between dashes'],
    ['entry-content', false, 'the body itself'],
  ])('%s → %s (%s)', (token, expected) => {
    expect(isBoilerplateToken(token)).toBe(expected);
  });

  it('reads the element holding the JSON-LD articleBody, even when a larger block of other text is on the page', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: NEWS_TITLE, articleBody: NEWS_PARAGRAPHS.join('\n') });
    const teasers = Array.from({ length: 12 }, () => `<p>${STORY_TEXT.slice(0, 300)}</p>`).join('');
    const html = `<html><head><script type="application/ld+json">${ld}</script></head><body>
<div class="story-body">${NEWS_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div><div class="stories">${teasers}</div></body></html>`;
    expect(extractArticle(parse(html)).blocks).toEqual(NEWS_PARAGRAPHS);
  });
});
