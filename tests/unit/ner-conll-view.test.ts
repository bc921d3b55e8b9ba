// The ANERcorp/MUC CoNLL view (nlp/tagger/conll-view.ts): the same recognition written out with
// ANERcorp's extents and types. Each row is what `npm run ner` would print for one recognised name.
// The tagger here is a stand-in that returns fixed tags, so each row tests the convention alone.
import { describe, expect, it } from 'vitest';
import { recognise } from '../../nlp/entities';
import { anercorpSpans, type ConventionRule } from '../../nlp/tagger/conll-view';
import { tokenize } from '../../nlp/tokenize';
import { conventionRules } from '../../scripts/ner-run';
import { fixedTagger, type TestFacts, testGazetteer } from './nlp-fixtures';

const FACTS: TestFacts = {
  entries: [
    ['l:gaza', 'l', 'قطاع غزة', 'Gaza Strip', '', 't'],
    ['o:hamas', 'o', 'حركة حماس', 'Hamas', '', 't'],
    ['o:mod', 'o', 'وزارة الدفاع', 'Ministry of Defence', '', 't'],
    ['o:parl', 'o', 'مجلس النواب', 'House of Representatives', '', 't'],
    ['o:unsc', 'o', 'مجلس الأمن', 'Security Council', '', 't'],
    ['p:putin', 'p', 'فلاديمير بوتين', 'Vladimir Putin', '', 't'],
  ],
  firstNames: ['فلاديمير'],
  nameTokens: ['بوتين'],
};
const gazetteer = testGazetteer(FACTS);

function written(text: string, tags: Record<string, string>, rules?: Set<ConventionRule>): { extension: string[]; conll: string[] } {
  const tokens = tokenize(text);
  const tagger = fixedTagger(tags);
  const rec = recognise(text, tokens, { gazetteer, tagger });
  const show = (s: { start: number; end: number; type: string }) => `${text.slice(s.start, s.end)}/${s.type}`;
  return { extension: rec.spans.map(show), conll: anercorpSpans(rec, tagger.tag(tokens, text), rules).map(show) };
}

describe('anercorpSpans: the ANERcorp/MUC convention', () => {
  // text → tagger's tags → what the extension keeps → what the CoNLL view writes → why
  const rows: [string, Record<string, string>, string[], string[], string][] = [
    [
      'وصل الوفد إلى قطاع غزة أمس.',
      {},
      ['قطاع غزة/LOC'],
      ['غزة/LOC'],
      'descriptor-head: «قطاع» is a descriptor ANERcorp leaves outside the place name',
    ],
    [
      'وأعلنت حركة حماس رفضها للاقتراح.',
      {},
      ['حركة حماس/ORG'],
      ['حماس/ORG'],
      'descriptor-head: «حركة» before the movement’s name is outside it, the type stays ORG',
    ],
    [
      'وقالت وزارة الدفاع إن الهجوم فشل.',
      {},
      ['وزارة الدفاع/ORG'],
      [],
      'state-body: ANERcorp never tags a ministry, though the reader sees it as an actor',
    ],
    ['وصوت مجلس النواب على القانون.', {}, ['مجلس النواب/ORG'], [], 'state-body: a legislature is a description in ANERcorp'],
    [
      'واجتمع مجلس الأمن مساء أمس.',
      {},
      ['مجلس الأمن/ORG'],
      ['مجلس الأمن/ORG'],
      'an international council is a name in ANERcorp: only domestic councils are dropped',
    ],
    [
      'التقى فلاديمير بوتين وفدا أمس.',
      { بوتين: 'B-PERS' },
      ['فلاديمير بوتين/PERS'],
      ['بوتين/PERS'],
      'tagger-extent: where the tagger reads the same person, its written extent is used',
    ],
    [
      'التقى فلاديمير بوتين وفدا أمس.',
      { فلاديمير: 'B-PERS', بوتين: 'B-PERS' },
      ['فلاديمير بوتين/PERS'],
      ['فلاديمير بوتين/PERS'],
      'tagger-extent: a tagger reading one name as two pieces is no extent, the rule span stays whole',
    ],
    [
      'وقالت الشرطة البريطانية إن المشتبه به اعتقل.',
      { الشرطة: 'B-ORG', البريطانية: 'I-ORG' },
      ['الشرطة البريطانية/ORG'],
      [],
      'state-body: a country’s police is a description in ANERcorp, whoever found it',
    ],
    [
      'وصل الوفد إلى قطاع غزة أمس.',
      { الوفد: 'B-ORG' },
      ['قطاع غزة/LOC'],
      ['غزة/LOC'],
      'a tagger span elsewhere does not move a rule span it does not touch',
    ],
  ];
  it.each(rows)('%s', (text, tags, extension, conll, _why) => {
    const out = written(text, tags);
    expect(out.extension).toEqual(extension);
    expect(out.conll).toEqual(conll);
  });

  it('writes the recognition unchanged when no convention is on', () => {
    // The view is a convention over the extension's result, not another recogniser.
    expect(written('وقالت وزارة الدفاع إن قطاع غزة محاصر.', {}, new Set()).conll).toEqual(['وزارة الدفاع/ORG', 'قطاع غزة/LOC']);
  });
});

describe('NER_CONVENTION: which conventions npm run ner and eval:ner apply', () => {
  // env value → conventions → why
  const rows: [string | undefined, string[], string][] = [
    [undefined, ['tagger-extent', 'descriptor-head', 'state-body'], 'by default the CLI writes the ANERcorp convention'],
    ['none', [], 'the extension’s own extents, for comparison'],
    ['state-body, descriptor-head', ['state-body', 'descriptor-head'], 'a list measures a subset'],
  ];
  it.each(rows)('%s', (env, rules, _why) => {
    expect([...conventionRules(env)]).toEqual(rules);
  });
  it('rejects a convention it does not know instead of silently measuring fewer', () => {
    expect(() => conventionRules('nisba')).toThrow(/unknown nisba/);
  });
});
