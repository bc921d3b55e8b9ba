// What gets painted follows the reader's density and type choices, and saved quotations always show.
import { describe, expect, it } from 'vitest';
import { buildMarks, innermost, locateSelection, type Mark, oneMarkPerName, stepMark, wordStart } from '../../entrypoints/content/marks';
import { saveQuoteRequest } from '../../messaging/save-quote';
import type { Analysis } from '../../types/analysis';
import type { AnchoredQuote } from '../../types/library';

const TEXT = 'وقال غوتيريش في جنيف إن «الوضع في السودان صعب» وأضاف غوتيريش أن الأمم المتحدة مستعدة.';
const at = (s: string, from = 0) => {
  const start = TEXT.indexOf(s, from);
  return { start, end: start + s.length, text: s };
};
const g1 = at('غوتيريش');
const g2 = at('غوتيريش', g1.end);
const analysis: Analysis = {
  text: TEXT,
  page: { language: 'ar', isArticle: true, isArabicNews: true, title: null },
  actors: [
    { id: 'gut', name: 'غوتيريش', type: 'person', role: 'الأمين العام', aliases: ['غوتيريش'], mentions: [g2, g1] },
    { id: 'gen', name: 'جنيف', type: 'place', role: null, aliases: ['جنيف'], mentions: [at('جنيف')] },
    { id: 'sud', name: 'السودان', type: 'place', role: null, aliases: ['السودان'], mentions: [at('السودان')] },
    { id: 'un', name: 'الأمم المتحدة', type: 'organization', role: null, aliases: [], mentions: [at('الأمم المتحدة')] },
  ],
  quotes: [{ ...at('الوضع في السودان صعب'), speaker: { actorId: 'gut', name: 'غوتيريش', kind: 'actor' } }],
};
const ALL = { person: true, organization: true, place: true, quote: true };
const savedAt = (start: number, end: number, id = 's1'): AnchoredQuote =>
  ({
    id,
    exact: TEXT.slice(start, end),
    speakerName: null,
    actorId: null,
    anchor: { status: 'exact', start, end, found: null },
  }) as AnchoredQuote;
const texts = (marks: Mark[]) => marks.map((m) => `${m.kind}:${TEXT.slice(m.start, m.end)}`);

describe('buildMarks', () => {
  it.each([
    ['all', ALL, [], 6, 'every mention and the quotation'],
    ['first', ALL, [], 5, 'the second «غوتيريش» is left out'],
    ['none', ALL, [], 0, 'nothing until the reader asks'],
    ['all', { ...ALL, place: false }, [], 4, 'places switched off'],
    ['all', { ...ALL, quote: false }, [], 5, 'quotations switched off'],
  ] as const)('density %s with %o and %o saved gives %i marks (%s)', (density, types, saved, count, _why) => {
    expect(buildMarks(analysis, { density, types, saved })).toHaveLength(count);
  });

  it('lists marks in reading order', () => {
    const marks = buildMarks(analysis, { density: 'all', types: ALL, saved: [] });
    expect(texts(marks)).toEqual([
      'person:غوتيريش',
      'place:جنيف',
      'quote:الوضع في السودان صعب',
      'place:السودان',
      'person:غوتيريش',
      'organization:الأمم المتحدة',
    ]);
  });

  it('paints a saved detected quotation as saved, not twice', () => {
    const q = analysis.quotes[0]!;
    const marks = buildMarks(analysis, { density: 'all', types: ALL, saved: [savedAt(q.start, q.end)] });
    expect(marks.filter((m) => m.kind === 'quote')).toHaveLength(0);
    expect(marks.filter((m) => m.kind === 'saved').map((m) => m.savedId)).toEqual(['s1']);
  });

  it('paints saved quotations even when quotations are switched off or density is "none"', () => {
    const span = at('الأمم المتحدة مستعدة');
    const marks = buildMarks(analysis, { density: 'none', types: { ...ALL, quote: false }, saved: [savedAt(span.start, span.end, 'sel')] });
    expect(texts(marks)).toEqual(['saved:الأمم المتحدة مستعدة']);
  });

  it('skips a saved quotation that could not be found again (orphan)', () => {
    const orphan = { ...savedAt(0, 4), anchor: { status: 'removed', start: null, end: null, found: null } } as AnchoredQuote;
    expect(buildMarks(analysis, { density: 'none', types: ALL, saved: [orphan] })).toEqual([]);
  });
});

describe('a name with letters glued before it', () => {
  // text, where the name starts → where its mark starts → why
  it.each([
    ['وصل لإسرائيل أمس', 'إسرائيل', 'لإسرائيل', 'a mark inside a word breaks the lam-alef on screen: the clitic is painted too'],
    ['وقال وبوتين معه', 'بوتين', 'وبوتين', 'two glued letters'],
    ['زار بوتين المدينة', 'بوتين', 'بوتين', 'negative: a name after a space starts where it starts'],
    ['كتب عبدالرحمنالحكيم', 'الحكيم', 'الحكيم', 'negative: more than three letters before it is not a clitic run'],
  ])('%s: %s → %s (%s)', (text, name, painted) => {
    const start = text.indexOf(name);
    expect(text.slice(wordStart(text, start), start + name.length)).toBe(painted);
  });
});

describe('overlapping names: one mark wins', () => {
  const PHRASE = 'واستقبلت الأميرة السعودية وفد المنظمة العربية للتنمية في الرياض';
  const span = (s: string) => {
    const start = PHRASE.indexOf(s);
    return { start, end: start + s.length };
  };
  const mark = (kind: Mark['kind'], s: string, actorId: string): Mark => ({ kind, ...span(s), actorId, quoteIndex: null, savedId: null });
  const names = (marks: Mark[]) => marks.map((m) => `${m.kind}:${PHRASE.slice(m.start, m.end)}`);

  it.each([
    // marks → what is painted → why
    [
      [mark('person', 'الأميرة السعودية', 'p'), mark('place', 'السعودية', 'sa')],
      ['person:الأميرة السعودية'],
      'the longer name holds the shorter',
    ],
    [
      [mark('place', 'المنظمة العربية', 'x'), mark('organization', 'المنظمة العربية', 'o')],
      ['organization:المنظمة العربية'],
      'the same words: organization over place',
    ],
    [
      [mark('person', 'الأميرة السعودية', 'p'), mark('organization', 'السعودية وفد', 'o')],
      ['person:الأميرة السعودية'],
      'two names sharing a word: the longer one (person on a tie) keeps it',
    ],
    [
      [mark('person', 'الأميرة السعودية', 'p'), mark('place', 'الرياض', 'r')],
      ['person:الأميرة السعودية', 'place:الرياض'],
      'names apart are both painted',
    ],
  ] as const)('%#: %j', (marks, expected, _why) => {
    expect(names(oneMarkPerName([...marks]))).toEqual(expected);
  });

  it('under the pointer on «السعودية» of «الأميرة السعودية», the person’s card opens (one mark is left there)', () => {
    const text = PHRASE;
    const princess = span('الأميرة السعودية');
    const country = span('السعودية');
    const overlapping: Analysis = {
      text,
      page: { language: 'ar', isArticle: true, isArabicNews: true, title: null },
      actors: [
        {
          id: 'p',
          name: 'الأميرة السعودية',
          type: 'person',
          role: null,
          aliases: [],
          mentions: [{ ...princess, text: 'الأميرة السعودية' }],
        },
        { id: 'sa', name: 'السعودية', type: 'place', role: null, aliases: [], mentions: [{ ...country, text: 'السعودية' }] },
      ],
      quotes: [],
    };
    const marks = buildMarks(overlapping, { density: 'all', types: ALL, saved: [] });
    const under = marks.filter((m) => m.start <= country.start + 2 && m.end > country.start + 2);
    expect(innermost(under)?.actorId).toBe('p');
  });
});

describe('keyboard order and hit choice', () => {
  const marks = buildMarks(analysis, { density: 'all', types: ALL, saved: [] });
  it.each([
    [null, 1, 'person:غوتيريش', 'first press goes to the first mark'],
    [null, -1, 'organization:الأمم المتحدة', 'previous from nowhere goes to the last mark'],
    [marks.at(-1)!, 1, 'person:غوتيريش', 'wraps around at the end'],
    [marks[0]!, -1, 'organization:الأمم المتحدة', 'wraps around at the start'],
    [marks[1]!, 1, 'quote:الوضع في السودان صعب', 'a quotation is a stop'],
  ] as const)('from %o step %i → %s (%s)', (current, dir, expected, _why) => {
    const next = stepMark(marks, current, dir)!;
    expect(`${next.kind}:${TEXT.slice(next.start, next.end)}`).toBe(expected);
  });

  it('prefers the name inside a quotation over the quotation under the pointer', () => {
    const quote = marks.find((m) => m.kind === 'quote')!;
    const place = marks.find((m) => TEXT.slice(m.start, m.end) === 'السودان')!;
    expect(innermost([quote, place])).toBe(place);
  });
});

describe('saving selected text', () => {
  it.each([
    ['غوتيريش', at('غوتيريش', g1.end).start, g2.start, 'the occurrence nearest the selection'],
    ['غوتيريش', 0, g1.start, 'the first when the selection is near the start'],
    ['  جنيف ', null, at('جنيف').start, 'surrounding spaces are ignored'],
    ['باريس', null, null, 'text not in the article is refused'],
  ] as const)('%s near %s → %s (%s)', (selected, hint, expected, _why) => {
    expect(locateSelection(TEXT, selected, hint)?.start ?? null).toBe(expected);
  });

  it('keeps 32 characters of context on each side, as a TextQuoteSelector', () => {
    const q = analysis.quotes[0]!;
    const sel = saveQuoteRequest({ text: TEXT, url: 'https://news.example/a', readingId: null }, q.start, q.end, q.speaker);
    expect(sel.exact).toBe('الوضع في السودان صعب');
    expect(TEXT.slice(0, q.start).endsWith(sel.prefix)).toBe(true);
    expect(sel.prefix.length).toBeLessThanOrEqual(32);
    expect(TEXT.slice(q.end).startsWith(sel.suffix)).toBe(true);
  });
});
