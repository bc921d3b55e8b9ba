// A selection on the page maps to the same place in the analysed text that painting maps back from,
// so a quotation saved from the context menu is painted exactly over what the reader selected.
import { describe, expect, it } from 'vitest';
import { joinArticle } from '../../nlp/analyze';
import { extractArticle, offsetOfPoint, rangeFor } from '../../page/extract';

const HTML = `<article><h1>غوتيريش يدعو إلى هدنة في السودان</h1>
<p>دعا الأمين العام <b>أنطونيو غوتيريش</b> إلى «وقف فوري لإطلاق النار»، وقال   إن المنظمة مستعدة لدعم أي مبادرة إقليمية.</p></article>`;

describe('offsetOfPoint', () => {
  document.title = 'غوتيريش يدعو إلى هدنة في السودان';
  document.body.innerHTML = HTML;
  const article = extractArticle(document);
  const { text } = joinArticle({ title: article.title, blocks: article.blocks });

  it.each([
    ['أنطونيو غوتيريش', 'a name inside <b>'],
    ['مستعدة لدعم', 'words after collapsed spaces'],
    ['وقف فوري', 'inside guillemets'],
  ])('%s: the DOM point of the selection gives the offset where the text is (%s)', (needle, _why) => {
    const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
    let found: { node: Text; at: number } | null = null;
    for (let n = walker.nextNode(); n && !found; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(needle);
      if (at !== -1) found = { node: n as Text, at };
    }
    expect(found).not.toBeNull();
    const offset = offsetOfPoint(article, found!.node, found!.at);
    if (offset === null) throw new Error(`${needle} is not in the extracted article`);
    expect(text.slice(offset, offset + needle.length)).toBe(needle);
    expect(rangeFor(article, offset, offset + needle.length)?.toString()).toBe(needle);
  });

  it('answers null for a point outside the article', () => {
    const outside = document.createTextNode('خارج المقال');
    document.body.append(outside);
    expect(offsetOfPoint(article, outside, 0)).toBeNull();
  });
});
