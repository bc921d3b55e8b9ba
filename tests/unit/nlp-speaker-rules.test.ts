// Every entry of the speaker rule tables, run on its own example rows: the sentence, the quotation,
// who said it and why. A failing row names the rule that decided instead.
import { describe, expect, it } from 'vitest';
import { createTracingAnalyzer } from '../../nlp/analyze';
import { CUE_GENDERS } from '../../nlp/lexicon';
import { normalize } from '../../nlp/normalize';
import { QUOTATION_RULES } from '../../nlp/quotes';
import { CUE_RULES, DROPPED_SUBJECT_RULES, NO_CUE_RULES, type RuleExample, SUBJECT_RULES } from '../../nlp/speaker-rules';
import { type TestFacts, testGazetteer } from './nlp-fixtures';

const FACTS: TestFacts = {
  entries: [
    ['p:putin', 'p', 'فلاديمير بوتين', 'Vladimir Putin', '', 't'],
    ['p:muller', 'p', 'فرانك مولر', 'Frank Muller', '', 't'],
    ['o:kremlin', 'o', 'الكرملين', 'Kremlin', '', 't'],
    ['o:fbi', 'o', 'مكتب التحقيقات الفيدرالي', 'FBI', '', 't'],
    ['l:moscow', 'l', 'موسكو', 'Moscow', '', 't'],
  ],
  firstNames: ['فلاديمير', 'فرانك', 'محمد', 'ماريا', 'خالد', 'علي', 'سامي'],
  nameTokens: ['هارفارد', 'رضواني', 'الخطيب'],
  common: ['قال', 'مساء', 'أمس', 'عام', 'رسالة', 'جائزة'],
};
const analyze = createTracingAnalyzer({ gazetteer: testGazetteer(FACTS) });

const tables = { subject: SUBJECT_RULES, cue: CUE_RULES, droppedSubject: DROPPED_SUBJECT_RULES, noCue: NO_CUE_RULES };
const rows: [string, RuleExample][] = Object.entries(tables).flatMap(([table, rules]) =>
  rules.flatMap((rule) => rule.examples.map((ex) => [`${table}/${rule.name}: ${ex.why}`, ex] as [string, RuleExample])),
);

describe('speaker rule tables: each entry on its examples', () => {
  it('every entry has at least one example', () => {
    for (const rules of Object.values(tables)) for (const rule of rules) expect(rule.examples.length, rule.name).toBeGreaterThan(0);
  });

  it.each(rows)('%s', (_name, ex) => {
    const { analysis, rules } = analyze({ title: null, blocks: ex.body.split('\n') });
    const k = analysis.quotes.findIndex((q) => q.text === ex.quote);
    expect(k, `«${ex.quote}» is not read as a quotation`).toBeGreaterThanOrEqual(0);
    const got = analysis.quotes[k]!.speaker.name;
    expect(got, `rule fired: ${rules[k]}`).toBe(ex.speaker);
  });
});

describe('quotation or not: each entry of the quotation table on its examples', () => {
  const quoteRows = QUOTATION_RULES.flatMap((rule) =>
    rule.examples.map(([body, span, isQuote, why]) => [`${rule.name}: ${why}`, body, span, isQuote] as const),
  );
  it.each(quoteRows)('%s', (_name, body, span, isQuote) => {
    const [title, ...rest] = body.split('\n\n');
    const input = rest.length > 0 ? { title: title!, blocks: rest } : { title: null, blocks: body.split('\n') };
    const { analysis } = analyze(input);
    expect(analysis.quotes.some((q) => q.text === span)).toBe(isQuote);
  });
});

describe('reporting cues by the gender of their subject', () => {
  // cue → gender → why
  const rows: [string, 'feminine' | 'masculine', string][] = [
    ['قالت', 'feminine', 'a generated feminine past form'],
    ['تقول', 'feminine', 'a present form with the feminine prefix'],
    ['مضيفة', 'feminine', 'a feminine participle'],
    ['دعت', 'feminine', 'a feminine past form listed as such'],
    ['قال', 'masculine', 'a past form'],
    ['يضيف', 'masculine', 'a present form with the masculine prefix'],
    ['تابع', 'masculine', 'negative: a past form that starts with ت is not a feminine present'],
    ['لفت', 'masculine', 'negative: a past form that ends with ت is not a feminine past'],
  ];
  it.each(rows)('%s → %s (%s)', (cue, gender) => {
    const n = normalize(cue);
    expect(CUE_GENDERS[gender].has(n)).toBe(true);
    expect(CUE_GENDERS[gender === 'feminine' ? 'masculine' : 'feminine'].has(n)).toBe(false);
  });
});
