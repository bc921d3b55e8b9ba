// Quotation-mark spans (« », “ ”, ‘ ’, ") — nested, unbalanced, across sentence ends — and the
// decision whether a marked span is a quotation or a name/term in marks («تاس», «رؤية 2030»).

import type { Span } from '../types/analysis';
import {
  COMPLEMENTIZERS,
  NAMING_HEADS,
  NAMING_VERBS,
  ORG_HEADS,
  RELATIVE_PRONOUNS,
  REPORTING,
  SPAN_PREPOSITIONS,
  TERM_HEADS,
  TITLE_WORDS,
} from './lexicon';
import { normalize } from './normalize';
import { stripConj } from './speaker-scene';
import { charClass, cliticReadings, normalizeWordAt } from './tokenize';

/** Text inside one outermost pair of quotation marks. */
export interface MarkedSpan extends Span {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or -1 when the paragraph ended first. */
  close: number;
  mark: string;
}

const OPENERS: Record<string, string> = { '«': '»', '“': '”', '„': '“', '‘': '’' };
const CLOSERS = new Set(['»', '”', '’']);
const TRIM = /[\s.،,؛;:!?؟…-]/;
/** Only these characters change the state of the scanner; everything between them is skipped. */
const MARKS = /[«»“”„‘’"″\n]/g;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/**
 * Outermost quotation spans, paragraph by paragraph, in one pass. Mismatched closers are skipped;
 * a paragraph that ends inside « or “ yields a span up to its end (continued quotations).
 */
export function findMarkedSpans(text: string): MarkedSpan[] {
  const out: MarkedSpan[] = [];
  const stack: { ch: string; at: number }[] = [];
  let curlySwapped = false;
  const flushParagraph = (end: number) => {
    const bottom = stack[0];
    if (bottom && (bottom.ch === '«' || bottom.ch === '“' || bottom.ch === '”')) {
      let e = end;
      while (e > bottom.at + 1 && TRIM.test(text[e - 1]!)) e--;
      let s = bottom.at + 1;
      while (s < e && /\s/.test(text[s]!)) s++;
      if (e - s >= 12 && text.slice(s, e).split(/\s+/).length >= 3)
        out.push({ start: s, end: e, open: bottom.at, close: -1, mark: bottom.ch });
    }
    stack.length = 0;
    curlySwapped = false;
  };
  MARKS.lastIndex = 0;
  for (let found = MARKS.exec(text); found !== null; found = MARKS.exec(text)) {
    const i = found.index;
    let ch = text[i]!;
    if (ch === '\n') {
      flushParagraph(i);
      continue;
    }
    if (ch === '’' && isLetter(text[i - 1]) && isLetter(text[i + 1])) continue; // apostrophe in Latin words
    if (ch === '”' && stack.length === 0 && !stack.some((s) => s.ch === '“')) {
      // Some Arabic sites open with ” and close with “.
      const later = text.indexOf('“', i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (later > 0 && (nl < 0 || later < nl)) curlySwapped = true;
    }
    if (curlySwapped && (ch === '”' || ch === '“')) ch = ch === '”' ? '“' : '”';
    // «“ويندوز 10″»: a double prime typed for the closing mark closes an open “, and is an inch mark otherwise.
    if (ch === '″') ch = '”';
    if (ch === '"') {
      // Straight quotes have no direction: read it from the neighbours, toggle only when unclear.
      const before = text[i - 1] ?? ' ';
      const after = text[i + 1] ?? ' ';
      const openSide = /[\s([:،,«—-]/.test(before);
      const closeSide = /[\s.,،؛;:!?؟)\]»…-]/.test(after);
      const top = stack[stack.length - 1];
      if (openSide && !closeSide) ch = '\u0000open';
      else if (!openSide && closeSide) ch = '\u0000close';
      else ch = top && top.ch === '"' ? '\u0000close' : '\u0000open';
    }
    if (ch === '\u0000open' || OPENERS[ch]) {
      if (ch === '‘' && isLetter(text[i - 1])) continue;
      stack.push({ ch: ch === '\u0000open' ? '"' : ch, at: i });
      continue;
    }
    if (ch === '\u0000close' || CLOSERS.has(ch)) {
      const want = ch === '\u0000close' ? '"' : ch;
      let k = stack.length - 1;
      while (k >= 0 && (stack[k]!.ch === '"' ? '"' : OPENERS[stack[k]!.ch]) !== want) k--;
      if (k < 0) continue;
      const opener = stack[k]!;
      stack.length = k;
      if (k === 0) {
        let s = opener.at + 1;
        let e = i;
        while (s < e && /\s/.test(text[s]!)) s++;
        while (e > s && /\s/.test(text[e - 1]!)) e--;
        if (e > s) out.push({ start: s, end: e, open: opener.at, close: i, mark: opener.ch });
      }
    }
  }
  flushParagraph(text.length);
  return out.sort((a, b) => a.start - b.start);
}

/** What the classifier needs to know about the words around a marked span. */
export interface QuoteContext {
  /** The span's text is exactly a recognised name. */
  isName: boolean;
  /** A reporting verb or «:» attributes words in the same sentence. */
  hasCue: boolean;
  /** The span sits in the article's title line. */
  inTitle: boolean;
}

/** The word right before the opening mark, normalised, or '' at a sentence or paragraph start. */
function wordBefore(text: string, open: number): string {
  let e = open;
  while (e > 0 && text[e - 1] === ' ') e--;
  let s = e;
  while (s > 0 && /[\p{L}\p{M}\u0640]/u.test(text[s - 1]!)) s--;
  return normalize(text.slice(s, e));
}

/** What the quotation rules read about one marked span. */
interface SpanView {
  text: string;
  span: MarkedSpan;
  ctx: QuoteContext;
  /** The word right before the opening mark, normalised, and its readings without clitics. */
  before: string;
  readings: string[];
  inner: string;
  words: number;
}

/** One construction deciding «quotation or not»: true, false, or null to let the next entry decide. */
export interface QuotationRule {
  name: string;
  /** [text, marked span, is it a quotation, why]. */
  examples: [string, string, boolean, string][];
  decide: (v: SpanView) => boolean | null;
}

const BI = normalize('ب');
const LIKE = normalize('مثل');
const isHead = (w: string) => NAMING_HEADS.has(w) || ORG_HEADS.has(w) || TERM_HEADS.has(w);

/** Quotation or name/term, in order; the first entry that decides wins. Precision first: a wrong «X said» is worse than none. */
export const QUOTATION_RULES: QuotationRule[] = [
  {
    name: 'recognised-name',
    examples: [['وقالت وكالة «تاس» الروسية إن الاجتماع انتهى.', 'تاس', false, 'a recognised name in marks is a name']],
    decide: (v) => (v.ctx.isName ? false : null),
  },
  {
    name: 'named-as',
    examples: [
      [
        'وسار الجيش إلى ما عرف بـ«بلاد ما وراء النهر» في ذلك الزمن.',
        'بلاد ما وراء النهر',
        false,
        '«ما عرف بـ«X»»: a verb of naming, then the name',
      ],
      ['وقال الوزير إن ما يسمى «مجلس الإنقاذ» لا وجود له.', 'مجلس الإنقاذ', false, '«ما يسمى «X»»: the name follows the verb directly'],
      [
        'ووصف الوزير خصومه بـ«المجرمين الكبار» أمس.',
        'المجرمين الكبار',
        true,
        'negative: «وصف X بـ«...»» is how the speaker described them',
      ],
    ],
    decide: (v) => {
      // «عرف بـ«X»»: «بـ» is a word of its own before the marks; the verb is the word before it.
      const verb = v.before === BI ? wordBefore(v.text, wordStart(v.text, v.span.open)) : v.before;
      return verb && cliticReadings(verb).some((r) => NAMING_VERBS.has(r.stem)) ? false : null;
    },
  },
  {
    name: 'after-title',
    examples: [
      [
        'وقتل في الغارة محسن علي، قائد «جماعة النصر في الجنوب»، مع اثنين من رفاقه.',
        'جماعة النصر في الجنوب',
        false,
        '«قائد «X»»: a title without «ال» governs the name of what it heads',
      ],
    ],
    decide: (v) => (v.words <= 6 && !v.before.startsWith('ال') && TITLE_WORDS.has(stripConj(v.before)) ? false : null),
  },
  {
    name: 'likeness',
    examples: [
      [
        'وبدت حركته مثل «رقصة طفل في الحديقة» أمام الجمهور.',
        'رقصة طفل في الحديقة',
        false,
        '«مثل «X»» without a colon compares, it quotes no one',
      ],
      [
        'فضل بعضهم عبارات مبهمة، مثل: «سأصوت حسب ما يريح ضميري».',
        'سأصوت حسب ما يريح ضميري',
        true,
        'negative: «مثل: «...»» with a colon gives examples of what was said',
      ],
      [
        'وقال إنه رأى أخاه مثل «الذئب الذي يهاجم» في تلك الليلة.',
        'الذئب الذي يهاجم',
        true,
        'negative: a clause in the marks reports words',
      ],
    ],
    // «مثل «الشيطان الذي يحترق»»: a clause in the marks reports someone's words.
    decide: (v) =>
      v.before === LIKE && v.words <= 4 && !v.inner.split(/\s+/).some((w) => RELATIVE_PRONOUNS.has(normalize(w))) ? false : null,
  },
  {
    name: 'after-naming-head',
    examples: [
      [
        'وقال الوزير في برنامج «حديث المساء والسهرة» إن الحوار مستمر.',
        'حديث المساء والسهرة',
        false,
        'marks after «برنامج» or «جوائز» hold a title',
      ],
      [
        'وألقى الوزير خطابا قال فيه «سنبقى حيث يجب أن نكون».',
        'سنبقى حيث يجب أن نكون',
        true,
        '«فيه» is no head, though it folds like «فئة»',
      ],
      [
        'واعتبر الوزير أن الحزب «أخذ على عاتقه حماية النظام كله».',
        'أخذ على عاتقه حماية النظام كله',
        true,
        'a definite head before a long span is its subject',
      ],
    ],
    decide: (v) => {
      if (!v.readings.some((w) => isHead(w) || isHead(w.replace(/^ال/, '')))) return null;
      // «معتبرا أن الحزب «أخذ على عاتقه ...»»: a definite head before a long span is its subject, not its name.
      return v.words >= 4 && /^[وف]?ال/.test(v.before) ? null : false;
    },
  },
  {
    name: 'empty',
    examples: [['وقال الوزير «...» ثم سكت.', '...', false, 'marks with no word in them']],
    decide: (v) => (v.words === 0 ? false : null),
  },
  {
    name: 'naming-head-with-owner',
    examples: [
      [
        'وصار شعار الكلية «تسعة شهور رقمية» كما قال العميد.',
        'تسعة شهور رقمية',
        false,
        '«شعار الكلية «...»»: a naming word with its owner before the marks',
      ],
    ],
    decide: (v) => {
      if (v.words >= 4 || !v.before.startsWith('ال')) return null;
      const head = wordBefore(v.text, wordStart(v.text, v.span.open));
      return head && cliticReadings(head).some((r) => NAMING_HEADS.has(r.stem)) ? false : null;
    },
  },
  {
    name: 'term-pair',
    examples: [
      [
        'وقال الكاتب إن الصراع بين «الرجعية» و«التقدمية» قديم.',
        'التقدمية',
        false,
        'a short term joined by «و» to the marks before it is a term too',
      ],
    ],
    decide: (v) =>
      v.words <= 2 && v.before === 'و' && /[»”"]\s*$/.test(v.text.slice(Math.max(0, v.span.open - 4), v.span.open - 1)) ? false : null,
  },
  {
    name: 'number',
    examples: [['وقال الوزير إن العدد بلغ «2015» هذا العام.', '2015', false, 'digits in marks are no one’s words']],
    decide: (v) => (/^[\d\s.,%/-]+$/.test(v.inner) ? false : null),
  },
  {
    name: 'scare-quoted-definite-word',
    examples: [
      ['وقال الوزير إن نتائج «الاستنزاف» كانت كبيرة على الجميع.', 'الاستنزاف', false, 'one definite noun in marks is the writer’s term'],
      ['وقال الوزير إن الضربات كانت «مبررة» بالكامل.', 'مبررة', true, 'an indefinite word after a cue is the speaker’s word'],
      [
        'ووصف الوزير خصومه بـ«المجرمين» أمس.',
        'المجرمين',
        true,
        'a definite word glued to «بـ» after «وصف» is how the speaker described them',
      ],
      [
        'وقال الوزير إن الطائرة المعروفة بـ«العملاق» هبطت في المطار.',
        'العملاق',
        false,
        'a definite word glued to «بـ» with no verb of describing is the writer’s label',
      ],
    ],
    decide: (v) => {
      if (v.words !== 1 || !cliticReadings(normalize(v.inner)).some((r) => r.prefix.endsWith('ال'))) return null;
      // «ووصفهم بـ«المجرمين»»: a word glued to «بـ» after a verb of describing is the speaker's;
      // without one («المعروفة بـ«العملاق»») it is the writer's label.
      return /ب\u0640?\s*$/.test(v.text.slice(Math.max(0, v.span.open - 2), v.span.open)) && describedBefore(v) ? null : false;
    },
  },
  {
    name: 'dated-event',
    examples: [
      [
        'وأدرج اسمه في القائمة منذ «هجمات 12 مايو 2003» على العاصمة.',
        'هجمات 12 مايو 2003',
        false,
        'a short span with a year names a dated event',
      ],
      [
        'وقال الوزير إن «الانتخابات ستجري في موعدها عام 2026 دون أي تأجيل».',
        'الانتخابات ستجري في موعدها عام 2026 دون أي تأجيل',
        true,
        'negative: a long span with a year is still someone’s words',
      ],
    ],
    decide: (v) => (v.words <= 4 && /(?:^|\s)(?:1[89]|20)\d\d(?:\s|$)/.test(v.inner) ? false : null),
  },
  {
    name: 'label-adjective',
    examples: [
      [
        'ويشير الباحث إلى إيمان مقاتلين «شماليين» بنبوءة قديمة.',
        'شماليين',
        false,
        'one plural relation adjective after its noun is the writer’s label',
      ],
      [
        'وقال الجيش إن الطائرات قصفت مواقع «عسكرية» في المنطقة.',
        'عسكرية',
        false,
        'one feminine relation adjective after its noun is the writer’s label too',
      ],
      [
        'ووصف الوزير المهاجمين بأنهم «إرهابيون» أمس.',
        'إرهابيون',
        true,
        'negative: after «بأنهم» the word is how the speaker described them',
      ],
    ],
    // After «بأنهم», «إنهم» or a reporting verb the word is the speaker's; after a plural noun, the writer's.
    decide: (v) =>
      v.words === 1 && /(?:يين|يون|يه)$/.test(normalize(v.inner)) && !/^[بل]?ان/.test(v.before) && !introducedDirectly(v) && v.before !== BI
        ? false
        : null,
  },
  {
    name: 'named-by-head',
    examples: [
      [
        'وقال الوزير في كلمة خلال «المؤتمر الدولي لمواجهة الإرهاب» إن العمل مستمر.',
        'المؤتمر الدولي لمواجهة الإرهاب',
        false,
        'a span that opens with a naming head and no cue right before it is a name',
      ],
      [
        'وقال الوزير إن «المؤتمر الدولي لن ينعقد هذا العام».',
        'المؤتمر الدولي لن ينعقد هذا العام',
        true,
        'after «إن» the same words are the speaker’s',
      ],
    ],
    decide: (v) => {
      const first = normalize(v.inner.split(/\s+/)[0] ?? '');
      // «تطبيق قانون ...», «شبكة داعشية شبابية أميركية»: an indefinite head in a longer span may be a verbal or common noun.
      const definite = first.startsWith('ال') && isHead(first.slice(2));
      if (!definite && !(v.words <= 3 && isHead(first))) return null;
      return introducedDirectly(v) ? null : false;
    },
  },
  {
    name: 'title-line',
    examples: [
      ['عاجل: بوتين «مستعد» للقاء\n\nوقال بوتين إنه مستعد للقاء.', 'مستعد', false, 'a short span in the title line is a headline term'],
    ],
    decide: (v) => (v.ctx.inTitle ? v.words >= 4 : null),
  },
  {
    name: 'long-span',
    examples: [
      [
        'وفي الختام «سنواصل العمل مع جميع الشركاء» كما هو معروف.',
        'سنواصل العمل مع جميع الشركاء',
        true,
        'four words or more in marks reproduce someone’s words',
      ],
    ],
    decide: (v) => (v.words >= 4 ? true : null),
  },
  {
    name: 'short-without-cue',
    examples: [['وصلت بعثة «الأمل» إلى المدينة صباحا.', 'الأمل', false, 'a short span with no reporting cue in its sentence is a term']],
    decide: (v) => (v.ctx.hasCue ? null : false),
  },
  {
    name: 'after-preposition',
    examples: [
      ['وقال الوزير إنه كتب على «فيسبوك» رسالة.', 'فيسبوك', false, 'one word right after a preposition names a place, platform or event'],
      [
        'ودعا الوزير الطرفين إلى «ضبط النفس» في المنطقة.',
        'ضبط النفس',
        true,
        'a phrase after a preposition and a cue is the speaker’s words',
      ],
    ],
    decide: (v) => (v.words === 1 && v.before && SPAN_PREPOSITIONS.has(v.before) ? false : null),
  },
  {
    name: 'speaker-name-in-marks',
    examples: [
      [
        'وقالت «مجموعة الأزمات» إن الوضع خطير.',
        'مجموعة الأزمات',
        false,
        'a short span right after a reporting verb and before «إن/أن/:» is the speaker’s name',
      ],
      [
        'وشددت «نجمة الجبل» على ضرورة التدريب اليومي.',
        'نجمة الجبل',
        false,
        'a short span between a reporting verb and the rest of its clause is its subject’s nickname',
      ],
      [
        'وقال فرانك مولر إن الحوار مستمر. وأضاف «لا تعليق». ثم غادر القاعة.',
        'لا تعليق',
        true,
        'a short span that ends the clause is the speaker’s words',
      ],
    ],
    decide: (v) => {
      if (!v.before || !v.readings.some((w) => REPORTING.has(w))) return null;
      const after = v.text.slice(v.span.close + 1, v.span.close + 6).trim();
      if (/^(إن|أن|ان|:|«|")/.test(after)) return false;
      // «وشددت «نجمة الجبل» على ...»: the clause goes on after the marks, so they hold its subject.
      return v.words <= 3 && /^[ \u00a0]+\p{L}/u.test(v.text.slice(v.span.close + 1, v.span.close + 4)) ? false : null;
    },
  },
];

/** «ووصف ...», «يصف ...», «واصفا ...» earlier in the sentence of the marks. */
function describedBefore(v: SpanView): boolean {
  let from = v.span.open;
  while (from > 0 && !endsSentence(v.text.charCodeAt(from - 1))) from--;
  return v.text
    .slice(from, v.span.open)
    .split(/\s+/)
    .some((w) => /^(?:[يت]?صف|وصف|واصف)/.test(stripConj(normalize(w))));
}

/** A reporting verb, «إن/أن» or a colon right before the marks. */
function introducedDirectly(v: SpanView): boolean {
  if (/:\s*$/.test(v.text.slice(Math.max(0, v.span.open - 3), v.span.open))) return true;
  return v.readings.some((w) => REPORTING.has(w) || COMPLEMENTIZERS.has(w));
}

/**
 * Quotation or name/term? Names and titles in marks («تاس», «فيسبوك», «رؤية 2030») are not;
 * long spans are; short ones only when a cue attributes them and no naming word precedes them.
 */
export function isQuotation(text: string, span: MarkedSpan, ctx: QuoteContext): boolean {
  const before = wordBefore(text, span.open);
  const inner = text.slice(span.start, span.end);
  const view: SpanView = {
    text,
    span,
    ctx,
    before,
    readings: before ? cliticReadings(before).map((r) => r.stem) : [],
    inner,
    words: inner.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length,
  };
  for (const rule of QUOTATION_RULES) {
    const decision = rule.decide(view);
    if (decision !== null) return decision;
  }
  return true;
}

/** Where the word ending right before `at` (after spaces) starts. */
function wordStart(text: string, at: number): number {
  let e = at;
  while (e > 0 && text[e - 1] === ' ') e--;
  let s = e;
  while (s > 0 && /[\p{L}\p{M}\u0640]/u.test(text[s - 1]!)) s--;
  return s;
}

/** . ! ? ؟ or a line break (char codes: this runs for every character around a quotation). */
function endsSentence(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x061f || c === 0x0a;
}

/** « " “ */
function opensQuote(c: number): boolean {
  return c === 0xab || c === 0x22 || c === 0x201c;
}

/** True when the sentence around a marked span has a reporting cue or a colon before the mark. */
export function sentenceHasCue(text: string, span: MarkedSpan): boolean {
  let s = span.open;
  while (s > 0 && span.open - s < 400 && !endsSentence(text.charCodeAt(s - 1))) s--;
  const close = span.close >= 0 ? span.close : span.end;
  let e = close + 1;
  while (e < text.length && e - close < 120 && !endsSentence(text.charCodeAt(e)) && !opensQuote(text.charCodeAt(e))) e++;
  // A colon, then only white space, right before the mark.
  let c = span.open - 1;
  while (c >= s && isJsSpace(text.charCodeAt(c))) c--;
  if (c >= s && text.charCodeAt(c) === 0x3a) return true;
  return hasReportingWord(text, s, span.open) || hasReportingWord(text, close + 1, e);
}

/** Letters, marks and tatweel: the words a reporting cue is looked for in. */
const cueCharAt = charClass(/^[\p{L}\p{M}\u0640]$/u);

/** True when a word of text[from, to) is a reporting verb after its clitics (not after «ال»). */
function hasReportingWord(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    let step = cueCharAt(text, i);
    if (step === 0) {
      i++;
      continue;
    }
    const start = i;
    // A character never straddles the end: a pair cut in two is not a letter.
    while (step > 0 && i + step <= to) {
      i += step;
      step = i < to ? cueCharAt(text, i) : 0;
    }
    if (i === start) {
      i++;
      continue;
    }
    for (const r of cliticReadings(normalizeWordAt(text, start, i))) if (!r.prefix.includes('ال') && REPORTING.has(r.stem)) return true;
  }
  return false;
}

/** The characters /\s/ matches. */
function isJsSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
