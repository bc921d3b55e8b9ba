// Exports of saved quotations: what a reader pastes into a document, a spreadsheet or an annotation tool.
import { describe, expect, it } from 'vitest';
import { exportQuotes, toCsv, toMarkdown, toWebAnnotation } from '../../storage/exports';
import type { SavedQuoteView } from '../../types/library';

const base: SavedQuoteView = {
  id: 'q1',
  readingId: 'r1',
  url: 'https://news.example/a/1',
  site: 'news.example',
  title: 'لوكاشينكو يلتقي بوتين',
  publishedAt: '2026-03-01T10:00:00Z',
  exact: 'سنعمل معا، "دائما"',
  prefix: 'قال: «',
  suffix: '» وأضاف',
  start: 40,
  end: 58,
  speakerName: 'ألكسندر لوكاشينكو',
  actorId: 'a1',
  note: 'للتقرير',
  tags: ['بيلاروس', 'روسيا'],
  savedAt: Date.parse('2026-03-02T00:00:00Z'),
  updatedAt: Date.parse('2026-03-03T00:00:00Z'),
};
const anonymous: SavedQuoteView = { ...base, id: 'q2', exact: '=HYPERLINK("x") # [link](y)', speakerName: null, note: '', tags: [] };

describe('Markdown', () => {
  const md = toMarkdown([base, anonymous]);
  it.each([
    ['the quotation as a block quote', '> «سنعمل معا، "دائما"»'],
    [
      'speaker, outlet, date and linked title',
      '> — **ألكسندر لوكاشينكو**، news.example، 2026-03-01: [«لوكاشينكو يلتقي بوتين»](<https://news.example/a/1>)',
    ],
    ['the note', '\nللتقرير\n'],
    ['tags', '#بيلاروس #روسيا'],
    ['an unknown speaker said so', '— (قائل غير معروف)'],
    ['markup inside a quotation is escaped', '\\# \\[link\\](y)'],
  ])('has %s', (_why, expected) => {
    expect(md).toContain(expected);
  });
});

describe('CSV', () => {
  const csv = toCsv([base, anonymous]);
  const lines = csv.split('\r\n');
  it.each([
    [
      'starts with a byte order mark so spreadsheets read Arabic',
      csv.startsWith('\uFEFFquote,speaker,outlet,date,title,url,note,tags,saved'),
      true,
    ],
    ['has one line per quotation plus the header', lines.filter(Boolean).length, 3],
    ['defuses a formula', lines[2]?.startsWith(`"'=HYPERLINK(""x"")`), true],
    ['keeps speaker, outlet and date columns', lines[1]?.includes(',ألكسندر لوكاشينكو,news.example,2026-03-01,'), true],
  ])('%s', (_why, actual, expected) => {
    expect(actual).toBe(expected);
  });
  it('quotes a cell that has a double quote', () => {
    expect(lines[1]?.startsWith('"سنعمل معا، ""دائما"""')).toBe(true);
  });
});

describe('W3C Web Annotation JSON-LD', () => {
  const doc = JSON.parse(toWebAnnotation([base], 0));
  const item = doc.first.items[0];
  it('is an annotation collection in the W3C context', () => {
    expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(1);
  });
  it('targets the page with TextQuote and TextPosition selectors', () => {
    expect(item.target.source).toBe(base.url);
    expect(item.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: base.exact, prefix: base.prefix, suffix: base.suffix },
      { type: 'TextPositionSelector', start: 40, end: 58 },
    ]);
  });
  it('carries speaker, outlet, date, note and tags', () => {
    expect(item.body[0]['schema:spokenBy']['schema:name']).toBe('ألكسندر لوكاشينكو');
    expect(item.target['schema:publisher']).toBe('news.example');
    expect(item.target['schema:datePublished']).toBe('2026-03-01T10:00:00Z');
    expect(item.body.filter((b: { purpose: string }) => b.purpose === 'tagging').map((b: { value: string }) => b.value)).toEqual([
      'بيلاروس',
      'روسيا',
    ]);
    expect(item.body.find((b: { purpose: string }) => b.purpose === 'commenting').value).toBe('للتقرير');
  });
});

it.each([
  ['markdown', 'siyaq-quotes-2026-03-05.md', 'text/markdown;charset=utf-8'],
  ['csv', 'siyaq-quotes-2026-03-05.csv', 'text/csv;charset=utf-8'],
  ['jsonld', 'siyaq-quotes-2026-03-05.jsonld', 'application/ld+json'],
] as const)('the %s file is named %s', (format, fileName, mime) => {
  const file = exportQuotes([base], format, Date.parse('2026-03-05'));
  expect([file.fileName, file.mime]).toEqual([fileName, mime]);
});
