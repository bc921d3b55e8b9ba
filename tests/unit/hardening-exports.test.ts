// Exports carry page text out of the extension into editors, spreadsheets and annotation tools. Whatever a
// page put in a quotation, a name or a title: Markdown shows it as text (no HTML, links or headings), CSV keeps
// its rows and columns and never starts a cell with a formula, JSON-LD parses back to the same characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, toCsv, toMarkdown, toWebAnnotation } from '../../storage/exports';
import type { SavedQuoteView } from '../../types/library';

const hostilePiece = fc.constantFrom(
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[click](javascript:alert(1))',
  '](javascript:alert(1))',
  '# heading',
  '\n> quote\n',
  '*bold* _it_ `code`',
  '| table |',
  '=HYPERLINK("http://evil.example","x")',
  '+1+1',
  '-2',
  '@SUM(A1)',
  '\t=1',
  '"',
  ',',
  '\r\n',
  '«',
  '»',
  'قال بوتين',
  '\u202e', // RLO: right-to-left override
  '\u200f', // RLM
  '\\',
  '&lt;b&gt;',
);
const hostileText = fc.array(fc.oneof(hostilePiece, fc.string({ maxLength: 6 })), { maxLength: 12 }).map((p) => p.join(''));

const savedQuote: fc.Arbitrary<SavedQuoteView> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 10 }),
  readingId: fc.constant('r1'),
  url: fc.constantFrom('https://news.example/a/1', 'https://news.example/a?q=<b>&x=(1)', 'http://news.example/a b>c'),
  site: fc.constantFrom('news.example', '<b>site</b>'),
  title: fc.option(hostileText, { nil: null }),
  publishedAt: fc.constantFrom(null, '2026-11-24', 'not a date <img>'),
  exact: hostileText.filter((s) => s.length > 0),
  prefix: hostileText,
  suffix: hostileText,
  start: fc.nat(1000),
  end: fc.nat(1000),
  speakerName: fc.option(hostileText, { nil: null }),
  actorId: fc.constant(null),
  note: hostileText,
  tags: fc.array(
    hostileText.filter((s) => s.length > 0),
    { maxLength: 3 },
  ),
  savedAt: fc.integer({ min: 0, max: 2_000_000_000_000 }),
  updatedAt: fc.integer({ min: 0, max: 2_000_000_000_000 }),
});

/** RFC 4180 rows, as a spreadsheet reads them. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** Markdown characters that are live when not escaped. */
const LIVE = /(^|[^\\])(\\\\)*[<>[\]`*_#|]/;

describe('exports of hostile text', () => {
  it('Markdown: every quotation is one block quote whose text cannot become HTML, a link or a heading', () => {
    fc.assert(
      fc.property(fc.array(savedQuote, { minLength: 1, maxLength: 4 }), (quotes) => {
        const md = toMarkdown(quotes);
        const blocks = md.split('\n---\n');
        expect(blocks.length).toBe(quotes.length + 1);
        for (const i of quotes.keys()) {
          const lines = blocks[i]!.split('\n').filter((l) => l.startsWith('> «'));
          expect(lines, 'the quotation stays on one line').toHaveLength(1);
          const inner = lines[0]!.slice(3, -1);
          expect(inner, 'no live Markdown or HTML inside the quotation').not.toMatch(LIVE);
        }
        expect(md, 'no link to javascript:').not.toMatch(/(^|[^\\])\]\(<?\s*javascript:/i);
        // Only the file's own title is a heading (tags are written #like_this, never "# ").
        expect(md.match(/(^|\n)#{1,6}[ \t]/g)).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });

  it('CSV: the same rows and columns a spreadsheet reads back, and no cell that would run as a formula', () => {
    fc.assert(
      fc.property(fc.array(savedQuote, { maxLength: 5 }), (quotes) => {
        const csv = toCsv(quotes);
        expect(csv.startsWith('\uFEFF')).toBe(true); // byte order mark: spreadsheets read the Arabic as UTF-8
        const rows = parseCsv(csv.slice(1));
        expect(rows).toHaveLength(quotes.length + 1);
        for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
        for (const [i, q] of quotes.entries()) {
          const cell = rows[i + 1]![0]!;
          // The quotation comes back exactly, after the apostrophe that disarms a formula when there is one.
          expect(cell).toBe(/^[=+\-@\t\r]/.test(q.exact) ? `'${q.exact}` : q.exact);
          for (const c of rows[i + 1]!) expect(c).not.toMatch(/^[=+\-@\t\r]/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('JSON-LD: parses back, with every quotation exactly as saved', () => {
    fc.assert(
      fc.property(fc.array(savedQuote, { maxLength: 4 }), (quotes) => {
        const doc = JSON.parse(toWebAnnotation(quotes, 0)) as {
          first: { items: { target: { selector: { exact?: string }[] } }[] };
        };
        expect(doc.first.items.map((a) => a.target.selector[0]!.exact)).toEqual(quotes.map((q) => q.exact));
      }),
      { numRuns: 100 },
    );
  });
});
