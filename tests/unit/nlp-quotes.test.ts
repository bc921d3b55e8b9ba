// Quotation marks and the quotation/name decision, as a reader sees them highlighted.
import { describe, expect, it } from 'vitest';
import { findMarkedSpans, isQuotation, sentenceHasCue } from '../../nlp/quotes';

const inner = (text: string) => findMarkedSpans(text).map((s) => text.slice(s.start, s.end));

describe('findMarkedSpans: the outermost text inside quotation marks', () => {
  const rows: [string, string, string[], string][] = [
    ['guillemets', 'قال الوزير «نحن مستعدون» أمس.', ['نحن مستعدون'], 'the plain case'],
    [
      'nested',
      'قال «إن عبارة “السلام الآن” لم تعد كافية» للصحافيين.',
      ['إن عبارة “السلام الآن” لم تعد كافية'],
      'only the outer span is a quotation',
    ],
    ['ASCII', 'وقالت المديرة "الوضع صعب جدا" في بيان.', ['الوضع صعب جدا'], 'straight double quotes pair up'],
    ['curly', 'وأضاف “لن نتراجع عن قرارنا” في كلمته.', ['لن نتراجع عن قرارنا'], 'English-style curly quotes'],
    ['reversed curly', 'وأضاف ”لن نتراجع عن قرارنا“ في كلمته.', ['لن نتراجع عن قرارنا'], 'some Arabic sites open with ” and close with “'],
    [
      'double prime for the closing mark',
      'وطرحت الشركة “نظام 12″ للمستخدمين، وقال مديرها “سنواصل التحديث” أمس.',
      ['نظام 12', 'سنواصل التحديث'],
      'a ″ typed for ” closes the open “ instead of leaving it open until the next ”',
    ],
    ['inch mark', 'وتبلغ الشاشة 15″ في الطراز الجديد.', [], 'negative: a ″ with no open “ is an inch mark'],
    [
      'across sentences',
      'وقال «الوضع هادئ. لكننا نراقب الحدود» مساء.',
      ['الوضع هادئ. لكننا نراقب الحدود'],
      'a full stop inside the marks does not end the quotation',
    ],
    [
      'unbalanced',
      'وقال المتحدث «سنواصل العمل حتى تحقيق كل الأهداف المعلنة\nفقرة تالية بلا علامات.',
      ['سنواصل العمل حتى تحقيق كل الأهداف المعلنة'],
      'an opening mark with no close runs to the paragraph end',
    ],
    ['stray closer', 'نص » بلا افتتاح ثم «كلام» هنا.', ['كلام'], 'a closing mark with no opener is ignored'],
    [
      'stray straight quote',
      'موضحا: سأشارك الكونغرس". وكرر رغبته في "عدم وقف المبيعات" إلى الرياض.',
      ['عدم وقف المبيعات'],
      'a straight quote after a word closes; one before a word opens',
    ],
    ['two spans', '«أولا» ثم «ثانيا»', ['أولا', 'ثانيا'], 'consecutive spans stay separate'],
    ['none', 'لا علامات تنصيص في هذه الجملة.', [], 'negative: nothing to find'],
    ['short unbalanced', 'قال «نعم\nثم انتهى.', [], 'negative: a dangling mark before one word is not a quotation'],
  ];
  it.each(rows)('%s', (_label, text, expected) => {
    expect(inner(text)).toEqual(expected);
  });

  it('returns offsets into the original text', () => {
    const text = 'قال «مرحبا بكم» هنا';
    const [span] = findMarkedSpans(text);
    expect(span && text.slice(span.start, span.end)).toBe('مرحبا بكم');
    expect(span && text[span.open]).toBe('«');
    expect(span && text[span.close]).toBe('»');
  });
});

describe('isQuotation: words said by someone, not names or terms in marks', () => {
  const rows: [string, boolean, boolean, string][] = [
    ['وأفادت وكالة «تاس» بأن الاجتماع انتهى.', false, false, 'negative: an agency name after «وكالة»'],
    ['وكتب على «فيسبوك» أن الأمر انتهى.', true, false, 'negative: a platform after a preposition, even with a cue nearby'],
    ['وأطلقت الحكومة «رؤية 2030» العام الماضي.', false, false, 'negative: a programme name, no reporting verb'],
    ['وقال الوزير إن «الوضع مستقر تماما في كل المناطق».', false, true, 'a long span after «قال ... إن»'],
    ['ووصف الهجوم بأنه «عمل إرهابي» وفق ما قال.', false, true, 'a short span counts when a reporting verb attributes it'],
    ['ونشرت صحيفة «نيويورك تايمز» تقريرا مطولا.', false, false, 'negative: a newspaper after «صحيفة»'],
    ['وقال العميد إن شعار الكلية «تسعة شهور رقمية» يعجبه.', false, false, 'negative: a naming word and its owner before the marks'],
    ['وقال الوزير الجديد «نحن جاهزون» للجميع.', false, true, 'a definite word before a short quotation blocks it only after a naming word'],
  ];
  it.each(rows)('%s', (text, isName, expected) => {
    const [span] = findMarkedSpans(text);
    if (!span) throw new Error('no span');
    expect(isQuotation(text, span, { isName, hasCue: sentenceHasCue(text, span), inTitle: false })).toBe(expected);
  });

  it('negative: a short term joined by «و» to a term in marks is a term too', () => {
    const text = 'وقال إن الخلاف بين «الرجعية» و«التقدمية» قديم.';
    const spans = findMarkedSpans(text);
    const second = spans[1];
    if (!second) throw new Error('no second span');
    expect(isQuotation(text, second, { isName: false, hasCue: sentenceHasCue(text, second), inTitle: false })).toBe(false);
  });

  it('a recognised name in marks is never a quotation', () => {
    const text = 'وقال «الكرملين» ذلك.';
    const [span] = findMarkedSpans(text);
    if (!span) throw new Error('no span');
    expect(isQuotation(text, span, { isName: true, hasCue: true, inTitle: false })).toBe(false);
  });
});
