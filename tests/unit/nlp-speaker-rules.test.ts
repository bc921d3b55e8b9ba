// Every entry of the speaker rule tables, run on its own example rows: the sentence, the quotation,
// who said it and why. A failing row names the rule that decided instead.
import { describe, expect, it } from 'vitest';
import { createTracingAnalyzer } from '../../nlp/analyze';
import { attributeQuotes } from '../../nlp/attribution';
import { CUE_GENDERS } from '../../nlp/lexicon';
import { normalize } from '../../nlp/normalize';
import { findMarkedSpans, QUOTATION_RULES } from '../../nlp/quotes';
import { CUE_RULES, DROPPED_SUBJECT_RULES, NO_CUE_RULES, type RuleExample, SUBJECT_RULES } from '../../nlp/speaker-rules';
import { tokenize } from '../../nlp/tokenize';
import type { Actor } from '../../types/analysis';
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

describe('the scene reads a family name alone as the person named in full', () => {
  // The recogniser may leave «ال» + a word unmarked when it is also an everyday word; the speaker
  // rules still read it as the person the article named in full.
  const person = (id: string, name: string, text: string): Actor => {
    const mentions = [...text.matchAll(new RegExp(name, 'g'))].map((m) => ({ start: m.index, end: m.index + name.length, text: name }));
    return { id, name, type: 'person', role: null, aliases: [name], mentions };
  };
  const speakers = (text: string, names: string[]) => {
    const quotes = findMarkedSpans(text);
    const actors = names.map((n, k) => person(`p${k}`, n, text));
    return attributeQuotes(text, tokenize(text), quotes, actors).map((a) => a.speaker.name);
  };

  it('«ويقول الكبير، وهو محلل:» after «سامي الكبير» and another speaker', () => {
    const text =
      'وتحدث سامي الكبير عن المعركة.\n\nوقال فرانك مولر: «الحرب طويلة».\n\nويقول الكبير، وهو محلل عسكري: «المعركة لن تنتهي قريبا».';
    expect(speakers(text, ['سامي الكبير', 'فرانك مولر'])).toEqual(['فرانك مولر', 'سامي الكبير']);
  });

  it('«وقالت كارلسون:» names the one person called «... كارلسون», not the running speaker', () => {
    const text = 'وتحدثت ماريا كارلسون عن الحملة.\n\nوقال فرانك مولر: «الحملة طويلة».\n\nوقالت كارلسون: «سنفوز في النهاية».';
    expect(speakers(text, ['ماريا كارلسون', 'فرانك مولر'])).toEqual(['فرانك مولر', 'ماريا كارلسون']);
  });

  it('negative: «أحمد بن سعدون» does not make a lone «سعدون» that person', () => {
    const text = 'واستقبل أحمد بن سعدون الوفد.\n\nوقال فرانك مولر: «الزيارة ناجحة».\n\nوقال سعدون: «أهلا بكم».';
    expect(speakers(text, ['أحمد بن سعدون', 'فرانك مولر'])[1]).not.toBe('أحمد بن سعدون');
  });

  it('negative: two persons of the article share the family name, so it names neither', () => {
    const text = 'وتحدث سامي الكبير وخالد الكبير عن المعركة.\n\nوقال فرانك مولر: «الحرب طويلة».\n\nويقول الكبير: «المعركة لن تنتهي قريبا».';
    expect(speakers(text, ['سامي الكبير', 'خالد الكبير', 'فرانك مولر'])[1]).not.toBe('سامي الكبير');
  });
});
