// Saved quotations as files a reader can take elsewhere: Markdown, CSV and W3C Web Annotation JSON-LD.
import type { SavedQuoteView } from '../types/library';

export type QuoteFormat = 'markdown' | 'csv' | 'jsonld';

function day(epochOrIso: string | number | null): string {
  if (epochOrIso === null) return '';
  const t = typeof epochOrIso === 'number' ? epochOrIso : Date.parse(epochOrIso);
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : String(epochOrIso);
}

/** Markdown-escape a line of text so a quotation cannot become a heading, a link or a list. */
function mdText(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** Saved quotations as Markdown: one block quote per quotation with speaker, outlet, date and link. */
export function toMarkdown(quotes: readonly SavedQuoteView[]): string {
  const parts = ['# اقتباسات محفوظة — سياق', ''];
  for (const q of quotes) {
    parts.push(`> «${mdText(q.exact)}»`, '>');
    const who = q.speakerName ? `— **${mdText(q.speakerName)}**` : '— (قائل غير معروف)';
    const title = q.title ? `«${mdText(q.title)}»` : mdText(q.url);
    parts.push(`> ${who}، ${mdText(q.site)}، ${day(q.publishedAt ?? q.savedAt)}: [${title}](<${q.url.replace(/>/g, '%3E')}>)`);
    if (q.note) parts.push('', mdText(q.note));
    if (q.tags.length) parts.push('', q.tags.map((t) => `#${mdText(t).replace(/\s+/g, '_')}`).join(' '));
    parts.push('', '---', '');
  }
  return parts.join('\n');
}

function csvCell(s: string): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_COLUMNS = ['quote', 'speaker', 'outlet', 'date', 'title', 'url', 'note', 'tags', 'saved'] as const;

/** Saved quotations as RFC 4180 CSV with a UTF-8 byte order mark so spreadsheets read the Arabic. */
export function toCsv(quotes: readonly SavedQuoteView[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const q of quotes) {
    rows.push(
      [q.exact, q.speakerName ?? '', q.site, day(q.publishedAt), q.title ?? '', q.url, q.note, q.tags.join('; '), day(q.savedAt)]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/** Saved quotations as a W3C Web Annotation collection with TextQuote and TextPosition selectors. */
export function toWebAnnotation(quotes: readonly SavedQuoteView[], generatedAt = Date.now()): string {
  const items = quotes.map((q) => {
    const body: object[] = [
      {
        type: 'TextualBody',
        purpose: 'describing',
        format: 'text/plain',
        language: 'ar',
        value: q.speakerName ? `${q.speakerName}: «${q.exact}»` : `«${q.exact}»`,
        'schema:spokenBy': q.speakerName ? { type: 'schema:Person', 'schema:name': q.speakerName } : null,
      },
    ];
    if (q.note) body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: q.note });
    for (const tag of q.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
    return {
      id: `urn:siyaq:quote:${q.id}`,
      type: 'Annotation',
      motivation: 'highlighting',
      created: new Date(q.savedAt).toISOString(),
      modified: new Date(q.updatedAt).toISOString(),
      body,
      target: {
        source: q.url,
        'schema:name': q.title,
        'schema:publisher': q.site,
        'schema:datePublished': q.publishedAt,
        selector: [
          { type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix, suffix: q.suffix },
          { type: 'TextPositionSelector', start: q.start, end: q.end },
        ],
      },
    };
  });
  const collection = {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { schema: 'https://schema.org/' }],
    id: `urn:siyaq:export:${generatedAt}`,
    type: 'AnnotationCollection',
    label: 'Siyaq saved quotations',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/** The export file for a format: name, MIME type and text. */
export function exportQuotes(quotes: readonly SavedQuoteView[], format: QuoteFormat, now = Date.now()) {
  const stamp = new Date(now).toISOString().slice(0, 10);
  switch (format) {
    case 'markdown':
      return { fileName: `siyaq-quotes-${stamp}.md`, mime: 'text/markdown;charset=utf-8', text: toMarkdown(quotes) };
    case 'csv':
      return { fileName: `siyaq-quotes-${stamp}.csv`, mime: 'text/csv;charset=utf-8', text: toCsv(quotes) };
    case 'jsonld':
      return { fileName: `siyaq-quotes-${stamp}.jsonld`, mime: 'application/ld+json', text: toWebAnnotation(quotes, now) };
  }
}
