// Where the tagger's spans meet the rules' (mergeTaggerSpans): which reading a reader ends up with.
// The tagger here is a stand-in that returns fixed tags, so each row tests the merge alone.
import { describe, expect, it } from 'vitest';
import { recognise } from '../../nlp/entities';
import { tokenize } from '../../nlp/tokenize';
import type { Tagger } from '../../types/analysis';
import { fixedTagger, type TestFacts, testGazetteer } from './nlp-fixtures';

const FACTS: TestFacts = {
  entries: [
    ['l:lyon', 'l', 'ليون', 'Lyon', '', 't'],
    ['l:gaza', 'l', 'قطاع غزة', 'Gaza Strip', '', 't'],
    ['p:putin', 'p', 'فلاديمير بوتين', 'Vladimir Putin', '', 't'],
  ],
  firstNames: ['فلاديمير'],
  nameTokens: ['بوتين'],
};
const gazetteer = testGazetteer(FACTS);

function spans(text: string, tagger: Tagger): string[] {
  const tokens = tokenize(text);
  return recognise(text, tokens, { gazetteer, tagger }).spans.map((s) => `${text.slice(s.start, s.end)}/${s.type}/${s.source}`);
}

describe('mergeTaggerSpans', () => {
  // text → tagger's tags → margin → spans a reader gets → why
  const rows: [string, Record<string, string>, number, string[], string][] = [
    [
      'تغلب أولمبيك ليون على منافسه.',
      { أولمبيك: 'B-ORG', ليون: 'I-ORG' },
      0,
      ['أولمبيك ليون/ORG/tagger'],
      'a tagger span wrapping a rule span with another type decides: the club, not the city',
    ],
    [
      'وصل الوفد إلى قطاع غزة أمس.',
      { غزة: 'B-LOC' },
      0,
      ['قطاع غزة/LOC/gazetteer'],
      'a tagger span inside a rule span of its type leaves the rule span whole',
    ],
    [
      'التقى فلاديمير بوتين الابن أمس.',
      { بوتين: 'B-PERS', الابن: 'I-PERS' },
      0,
      ['بوتين الابن/PERS/tagger'],
      'a tagger span crossing a rule span’s edge decides the extent',
    ],
    [
      'وصل فلاديمير بوتين أمس.',
      { فلاديمير: 'B-LOC', بوتين: 'I-LOC' },
      2,
      ['فلاديمير بوتين/PERS/gazetteer'],
      'same extent, another type: the rules keep their reading, however sure the tagger is',
    ],
    [
      'وفاز الفريق الأوروبي باللقب.',
      { الأوروبي: 'B-MISC' },
      0,
      ['الأوروبي/MISC/tagger'],
      'a lone MISC word the name lists do not know is kept (nationality adjectives are MISC in the corpus)',
    ],
    ['وصل كاراكوف أمس.', { كاراكوف: 'B-PERS' }, 0, [], 'a lone unlisted word the tagger is unsure of is dropped'],
    ['وصل كاراكوف أمس.', { كاراكوف: 'B-PERS' }, 2, ['كاراكوف/PERS/tagger'], 'the same word kept when the tagger is sure of it'],
    [
      'قال النبي صلى الله عليه وسلم.',
      { صلى: 'B-PERS', الله: 'I-PERS' },
      2,
      [],
      'a span opening on a blessing is prose, not a name, however sure the tagger is',
    ],
  ];
  it.each(rows)('%s', (text, tags, margin, expected) => {
    expect(spans(text, fixedTagger(tags, margin)).filter((s) => !s.endsWith('/pattern'))).toEqual(expected);
  });
});
