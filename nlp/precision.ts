// The precision layer: a span is painted as an actor only when nothing says it is an ordinary word.
// Each rule names one construction of news writing where a recogniser reads a word as a name that is
// not one; `keepNames` cuts spans back to their name words, runs the rules over them, then gives the
// right type to places and family names read as something else. Rules look at the words and their
// immediate neighbours only, so the layer stays linear in the number of spans. Where the tagger is
// loaded they also read its corpus statistics (Tagger.corpusStats), which know far more everyday words
// than the lists.
import type { CorpusStats } from '../types/analysis';
import type { EntitySpan } from './entities';
import {
  AGE_NOUNS,
  BAND_WORDS,
  DIRECTION_ADJECTIVES,
  EVENT_HEADS,
  FUNCTION_WORDS,
  NAMED_BODY_HEADS,
  NAMED_PLACE_HEADS,
  OFFICIAL_ADJECTIVES,
  ORG_HEADS,
  PLACE_HEADS,
  PLACE_OFFICE_HEADS,
  REPORTING,
  ROYAL_TITLES,
  TITLE_WORDS,
  TRAFFIC_WORDS,
} from './lexicon';
import { normalize, withoutMarks } from './normalize';
import { type Doc, isDefinite, isNisbaOfPlace, nameStartOffset } from './patterns';

/** What the rules may consult besides the span: the document and the words of multi-word person names in it. */
export interface PrecisionContext {
  doc: Doc;
  /** Clitic-free words of every person span of two words or more («سعيد» once «سعيد الحربي» is named). */
  fullPersonWords: Set<string>;
  /** How many one-word person spans each given name has: a name the article keeps using is someone's. */
  personCount: Map<string, number>;
  /** Last token of every person span: a small town's name glued after one ends that name. */
  personEnds: Set<number>;
  /** What the unlabelled corpus says of a word form, when the tagger's tables are loaded. */
  corpus?: ((word: string) => CorpusStats | null) | undefined;
}

export interface PrecisionRule {
  name: string;
  /** An Arabic example of what the rule rejects, for the reader of this table. */
  example: string;
  rejects(span: EntitySpan, ctx: PrecisionContext): boolean;
}

function words(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean).map(normalize));
}

/** Days and months (Gregorian, Levantine and Hijri), with and without «ال». */
const CALENDAR_WORDS = words(`
  يوم شهر السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة سبت أحد اثنين ثلاثاء أربعاء خميس جمعة
  يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر
  كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين الثاني الأول
  محرم صفر ربيع جمادى رجب شعبان رمضان شوال القعدة الحجة ذو ذي
`);

/** Times of day and «yesterday/today» that follow a name in news prose: «أعلنتها المفوضية ليل الجمعة». */
const TIME_WORDS = words('ليل ليلة مساء صباح ظهر فجر عصر أمس اليوم غدا');
/** Days of the week with «ال», which a date puts right after a body's name («لبي بي سي الجمعة»). */
const WEEKDAYS = words('السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة');

/** Diseases and their agents: «فيروس كورونا» names an illness, never a person or a place. */
const DISEASE_WORDS = words(`
  فيروس فايروس الفيروس فيروسات كورونا كوفيد إيبولا ايبولا إنفلونزا انفلونزا الإنفلونزا الانفلونزا الإيدز
  الملاريا ملاريا الكوليرا كوليرا الحصبة حصبة زيكا الطاعون السرطان سرطان جدري الجدري
`);

/**
 * Heads of works, prizes and campaigns: a name in quotation marks after them is a title, not an actor
 * («برنامج «صباح الخير»», «سورة «لقمان»»). Without marks the name after «كتاب/برنامج» is the owner
 * («كتاب الوزير», «برنامج البنك التجاري»); only prizes and chapters are named after someone uninvolved.
 */
const WORK_HEADS = words(`
  سورة جائزة جوائز برنامج فيلم مسلسل أغنية أغنيته ألبوم كتاب كتابه رواية روايته مسرحية قصيدة
  عملية حملة مبادرة هاشتاق هاشتاغ وسم لقب
`);
/** Heads whose name is a title even without quotation marks: «جائزة نوبل», «سورة لقمان». */
const NAMED_AFTER_HEADS = words('سورة جائزة جوائز');

/** Particles, pronoun forms and the oath «والله» that no name contains («بلى يا رسول الله», «أتعرفين يا أمي أنك»). */
const NEVER_IN_NAMES = words('يا أيها بلى نعم كلا أنك إنك أنكم إنكم لك لكم اللهم والله');

/** Everyday words that are also the names of countries or cities: «الدعم المالي», «نشر الخبر», «صور الحادث». */
const AMBIGUOUS_PLACE_WORDS = words('مالي الخبر صور حماة');

/** Words before a place that say it is one: prepositions of place and direction. */
const PLACE_CUES = words(`
  في إلى الى من نحو قرب بين داخل خارج شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي ضواحي أنحاء دولة جمهورية
  زار يزور زيارة عاصمة حدود
`);

/** Verbs of nearing in the age formula «عن عمر ناهز/يناهز». */
const NEARING = words('ناهز يناهز');

/** «موقع» in the sense of a web site, whose kind («التواصل الاجتماعي») may come before the name. */
const SITE_HEADS = words('موقع مواقع');

const MOTION_HEADS = words('حركة الحركة');

/** Prepositions that put what follows in or towards a place. */
const INTO_PLACE = words('في إلى الى داخل نحو');

const TANWEEN = /[\u064b-\u064d]/;
/** Letters a word ends with when a pronoun is attached, as written (not «ة»): «ضغوطه», «بلادها», «قادتهم». */
const PRONOUN_END = /(?:[^ة]ه|ها|هم|هما|هن|كم)$/;

function anyStemIn(doc: Doc, i: number, set: Set<string>): boolean {
  for (const r of doc.readings[i] ?? []) if (set.has(r.stem)) return true;
  return false;
}

/** Unknown to every name list: neither a given name, a name word nor the first word of a known name. */
function unknownWord(doc: Doc, i: number): boolean {
  const { index } = doc;
  for (const { stem } of doc.readings[i] ?? [])
    if (index.firstNames.has(stem) || index.nameTokens.has(stem) || index.phrases.has(stem)) return false;
  return true;
}

function tokensOf(span: EntitySpan): number[] {
  const out: number[] = [];
  for (let t = span.first; t <= span.last; t++) out.push(t);
  return out;
}

/** The word right before the span and whether an opening quotation mark stands between them («سورة «لقمان»»); -1 for none. */
function wordBefore(doc: Doc, span: EntitySpan): { k: number; quoted: boolean } {
  const k = span.first - 1;
  const before = doc.tokens[k];
  if (!before) return { k: -1, quoted: false };
  const gap = doc.text.slice(before.end, doc.tokens[span.first]!.start).trim();
  if (gap === '') return { k, quoted: false };
  return /^["«“‘]$/.test(gap) ? { k, quoted: true } : { k: -1, quoted: false };
}

/**
 * A lone given name names nobody in particular when it is a short Arabic word (the shapes of everyday
 * nouns, adjectives and verbs: «طالب», «سعيد», «أشرف», «جاد»), is written once, and the article names
 * no one in full with it. A one-word person entry («بوتين») is a name of its own.
 */
function bareGivenName(span: EntitySpan, ctx: PrecisionContext): boolean {
  if (span.type !== 'PERS' || span.first !== span.last || span.role) return false;
  if (span.source === 'gazetteer' && !span.surname) return false;
  const { doc } = ctx;
  // The word as the span writes it: its clitics are already outside the span.
  const word = normalize(doc.text.slice(span.start, span.end));
  if (!((doc.index.firstNames.has(word) && word.length <= 5) || everydayShape(word))) return false;
  return !ctx.fullPersonWords.has(word) && (ctx.personCount.get(word) ?? 0) < 2;
}

/** Four letters in the commonest shapes of Arabic adjectives and nouns: أفعل, فاعل, فعيل, فعال, فعول («أشرف», «ثابت», «سعيد»). */
function everydayShape(w: string): boolean {
  return w.length === 4 && (w[0] === 'ا' || w[1] === 'ا' || w[2] === 'ي' || w[2] === 'ا' || w[2] === 'و');
}

/**
 * A one-word town from the long lists shaped like an everyday feminine noun or adjective, or a word
 * with a pronoun (final «ة/ه», no «ال»: «أنني سعيدة», «ليته سكت»), with nothing around it that says place.
 */
function minorPlaceInProse(s: EntitySpan, { doc }: PrecisionContext): boolean {
  if (s.type !== 'LOC' || s.source !== 'gazetteer' || s.first !== s.last) return false;
  if (!isMinorWord(doc, s)) return false;
  const raw = withoutMarks(doc.tokens[s.first]!.text);
  return /[ةه]$/.test(raw) && !isDefinite(doc, s.first) && !placeContext(doc, s.first);
}

/** The span's word names only small towns of the long lists (or opens longer names). */
function isMinorWord(doc: Doc, s: EntitySpan): boolean {
  const list = doc.index.phrases.get(normalize(doc.text.slice(s.start, s.end)));
  return !!list?.every((p) => p.rest.length > 0 || p.minor);
}

/** A preposition of place or a place head before token i, or another place right after it («كفرنا وبيتيا»). */
function placeContext(doc: Doc, i: number): boolean {
  const k = i - 1;
  if (k >= 0 && (anyStemIn(doc, k, PLACE_CUES) || anyStemIn(doc, k, PLACE_HEADS))) return true;
  const next = doc.covered[i + 1] ?? -1;
  return next >= 0 && doc.gaz[next]!.entry.type === 'place';
}

const INFLECTIONS = ['ين', 'ون', 'ات', 'ان', 'ه', 'ها', 'هم'];

/** An everyday word (of the lists, a title or a head), also with «ال», a clitic or an ending: «الرواتب», «كشريك», «ناديين», «مستقبله». */
function everydayWord(doc: Doc, i: number): boolean {
  const isEveryday = (w: string) => doc.index.common.has(w) || TITLE_WORDS.has(w) || ORG_HEADS.has(w);
  for (const { stem } of doc.readings[i] ?? []) {
    const bare = stem.startsWith('ال') ? stem.slice(2) : stem;
    if (isEveryday(stem) || isEveryday(bare)) return true;
    for (const end of INFLECTIONS)
      if (bare.length > end.length + 2 && bare.endsWith(end) && isEveryday(bare.slice(0, -end.length))) return true;
  }
  return false;
}

/**
 * The corpus reads a word as everyday: often written with «ال» toggled, seldom after a title or a
 * reporting verb, and not rare («استنزاف», «الرواتب»). Names are the opposite: «لافروف» never takes «ال».
 */
function corpusEveryday(stats: CorpusStats | null | undefined): boolean {
  // Not rare: a family name such as «الجديع» is an everyday word too, seldom written.
  return !!stats && stats.otherDefiniteness >= 3 && stats.afterTitle <= 1 && stats.afterReport <= 1 && stats.frequency >= 3;
}

/** An everyday word by the lists or by the corpus, and no word of the name lists: «الرواتب», «بفوز», «المشروبات». */
function ordinaryWord(doc: Doc, i: number, corpus: PrecisionContext['corpus']): boolean {
  if (nameListWord(doc, i)) return false;
  if (everydayWord(doc, i)) return true;
  if (!corpus) return false;
  for (const { stem } of doc.readings[i] ?? []) if (corpusEveryday(corpus(stem))) return true;
  return false;
}

/**
 * A word after a name that the corpus reads as everyday, definite («المشروبات», «بالتسهيل») or feminine
 * («جمال مصابة»), none of the name lists' words and no adjective of origin («العراقي», «الكويتية» are
 * family names as often as adjectives). Other words stay: foreign names hold everyday-looking ones («ويست هام»).
 */
function swallowedWord(doc: Doc, i: number, corpus: PrecisionContext['corpus']): boolean {
  if (!corpus || nameListWord(doc, i) || /ي(?:ه|ون|ين)?$/.test(doc.tokens[i]!.norm)) return false;
  if (doc.tokens[i]!.text.endsWith('ة') && corpusEveryday(corpus(doc.tokens[i]!.norm))) return true;
  return (doc.readings[i] ?? []).some(({ stem }) => stem.startsWith('ال') && corpusEveryday(corpus(stem)));
}

/**
 * An indefinite accusative written without its tanween mark: «دهسا», «عمدا», «ميدانيا» are an everyday
 * word (by the lists or the corpus) with «ا» added, an adverb or an object, never a name of the lists.
 */
function accusativeWord(doc: Doc, i: number, corpus: PrecisionContext['corpus']): boolean {
  const n = doc.tokens[i]!.norm;
  // The accusative of «ال» words has no «ا» («العقلا» is a family name).
  if (n.length < 4 || !n.endsWith('ا') || isDefinite(doc, i) || nameListWord(doc, i)) return false;
  const bare = n.slice(0, -1);
  if (doc.index.common.has(bare) || TITLE_WORDS.has(bare)) return true;
  const stats = corpus?.(bare);
  return !!stats && stats.otherDefiniteness >= 3 && stats.frequency >= 2;
}

/**
 * «جون هامبر أقال مساعده»: a verb of the shape «أفعل» after a name («أقال», «أوقف», «أجرى»), no word of the
 * name lists, that the corpus sees often and hardly ever after a title (the given names «أكرم», «أنور» are).
 * Only after a name of two words or more: «نعيم أسلم» is a given and a family name.
 */
function pastVerb(doc: Doc, i: number, corpus: PrecisionContext['corpus']): boolean {
  const raw = withoutMarks(doc.tokens[i]!.text);
  if (raw.length !== 4 || raw[0] !== 'أ' || nameListWord(doc, i)) return false;
  const stats = corpus?.(doc.tokens[i]!.norm);
  return !!stats && stats.frequency >= 3 && stats.afterTitle <= 1;
}

/** «وضع اسم الكناني على القائمة»: the noun «name» before a name (with «و/ف», not «ب»: «باسم» is a given name). */
function nameNoun(doc: Doc, i: number): boolean {
  return (doc.readings[i] ?? []).some(({ prefix, stem }) => /^[وف]?$/.test(prefix) && NAME_NOUNS.has(stem));
}
const NAME_NOUNS = words('اسم');

/**
 * A noun with a preposition glued on, never a word of the name lists: an everyday word by the corpus or the
 * corpus («بفوز», «لاشتعال»; not «لبان», a family name too), or one with a pronoun on it («بمدائحه», «لبيته»).
 */
function gluedNoun(doc: Doc, i: number, corpus: PrecisionContext['corpus']): boolean {
  if (nameListWord(doc, i)) return false;
  // «يه» ends foreign names as often as it is «his» («بيسنييه»).
  const raw = withoutMarks(doc.tokens[i]!.text);
  const pronoun = raw.endsWith('يه') ? 0 : (PRONOUN_END.exec(raw)?.[0].length ?? 0);
  // The noun before the pronoun has three letters at least: «برهم» is a given name, not «ب» + «ر» + «هم».
  return (doc.readings[i] ?? []).some(
    ({ prefix, stem }) =>
      /^[وف]?[بلك]/.test(prefix) && stem.length > 2 && ((pronoun > 0 && stem.length - pronoun >= 3) || corpusEveryday(corpus?.(stem))),
  );
}

/**
 * «فيرنانديز المشروبات», «بفوز موراليس», «حرب الرواتب»: a person span that swallowed everyday words
 * after the name, or a noun with a preposition glued on before it, and any span that swallowed a time
 * after it, is cut back to its name words; null when nothing is cut. What is left still goes through
 * the table (a lone given name, say).
 */
function trimOrdinaryWords(s: EntitySpan, doc: Doc, corpus: PrecisionContext['corpus']): EntitySpan | null {
  if (s.source === 'gazetteer' || s.first === s.last) return null;
  let last = s.last;
  // «مفوضية الانتخابات ليل الجمعة», «أستوري ليل السبت»: a time, with its day, after a name is outside it; a
  // day alone only after a body or place, since «الجمعة» and «الخميس» are family names too.
  const time = (t: number) => doc.tokens[t - 1] !== undefined && TIME_WORDS.has(doc.tokens[t - 1]!.norm);
  while (
    last > s.first &&
    (TIME_WORDS.has(doc.tokens[last]!.norm) || (WEEKDAYS.has(doc.tokens[last]!.norm) && (s.type !== 'PERS' || time(last))))
  )
    last--;
  // «إذاعة تشاد الرسمية» read as a body «تشاد الرسمية»: the adjective agrees with the head before the span, the name is the country's.
  if (
    s.type === 'ORG' &&
    last === s.first + 1 &&
    OFFICIAL_ADJECTIVES.has(doc.tokens[last]!.norm) &&
    doc.placeWords.has(doc.tokens[s.first]!.norm)
  )
    return { ...s, type: 'LOC', knowledgeId: undefined, last: s.first, end: doc.tokens[s.first]!.end };
  if (s.type !== 'PERS') return last === s.last ? null : { ...s, last, end: doc.tokens[last]!.end };
  while (
    last > s.first &&
    (swallowedWord(doc, last, corpus) ||
      accusativeWord(doc, last, corpus) ||
      definiteHead(doc, last) ||
      gluedNoun(doc, last, corpus) ||
      (last - 1 > s.first && pastVerb(doc, last, corpus)) ||
      AGE_NOUNS.has(doc.tokens[last]!.norm))
  )
    last--;
  let first = s.first;
  if (first < last && (gluedNoun(doc, first, corpus) || nameNoun(doc, first))) first++;
  if (first === s.first && last === s.last) return null;
  const start = first === s.first ? s.start : nameStartOffset(doc, first, true);
  return { ...s, first, last, start, end: doc.tokens[last]!.end, role: first === s.first ? s.role : null };
}

/**
 * «وزار الأمير سالم بن راشد القوات المتمركزة», «استقبل كريم الحايك الوفد»: a definite head of a body or place
 * (also a plural of one, and «القوات/الوفد») opens the object after a name; no person's name holds one.
 */
function definiteHead(doc: Doc, i: number): boolean {
  const raw = doc.tokens[i]!.norm;
  if (!raw.startsWith('ال')) return false;
  const stem = raw.slice(2);
  const singular = stem.endsWith('ات') ? `${stem.slice(0, -2)}ه` : stem;
  return OBJECT_HEADS.has(stem) || [stem, singular].some((w) => ORG_HEADS.has(w) || PLACE_HEADS.has(w));
}
const OBJECT_HEADS = new Set(['قوات', 'وفد', 'جنود', 'قواعد'].map(normalize));

/**
 * An everyday noun of the lists with a first-person possessive: «ـتي» on a noun in «ة» («سفينتي»), «ـي» on one in
 * «ء» or «ت» («حذائي», «أختي»), «ـنا» on one the corpus reads as everyday («شعبنا»); never a given name or name word of the lists («لينا», «علي») nor a well-known place.
 */
function possessedNoun(doc: Doc, i: number, corpus: PrecisionContext['corpus']): boolean {
  const n = doc.tokens[i]!.norm;
  const { common, firstNames, nameTokens, phrases } = doc.index;
  // A small town of the lists («أختي») does not make the word a name; a person's name or a known place does.
  const known = phrases.get(n)?.some((p) => p.rest.length === 0 && !p.minor);
  if (n.startsWith('ال') || firstNames.has(n) || nameTokens.has(n) || known) return false;
  // «نا» only on a noun the corpus reads as everyday («شعبنا»; not «سوينا»).
  if (n.endsWith('نا') && n.length >= 5 && corpusEveryday(corpus?.(n.slice(0, -2)))) return true;
  if (n.endsWith('تي') && common.has(`${n.slice(0, -2)}ه`)) return true;
  if (/[ئي]ي$/.test(n) && common.has(`${n.slice(0, -2)}ء`)) return true;
  return n.endsWith('تي') && n.length >= 4 && common.has(n.slice(0, -1));
}

/** A sound plural («ـون/ـيين/ـات») that is no given name or name word of the lists («بركات» is a family name). */
function pluralWord(doc: Doc, i: number): boolean {
  const n = doc.tokens[i]!.norm;
  return n.length >= 5 && /(?:ون|يين|ات)$/.test(n) && !doc.index.firstNames.has(n) && !doc.index.nameTokens.has(n);
}

/** A word of the name lists (given names, name words, first words of known names). */
function nameListWord(doc: Doc, i: number): boolean {
  return !unknownWord(doc, i);
}

/** A head of a body or place written without «ال» («شركة», «منظمة», «ميليشيات»), with its clitics taken off. */
function indefiniteHead(doc: Doc, i: number): boolean {
  if (isDefinite(doc, i)) return false;
  for (const { stem } of doc.readings[i] ?? []) {
    const singular = stem.endsWith('ات') ? `${stem.slice(0, -2)}ه` : stem;
    for (const w of [stem, singular]) if (ORG_HEADS.has(w) || PLACE_HEADS.has(w) || BAND_WORDS.has(w)) return true;
  }
  return false;
}

/**
 * After a head without «ال», what describes the body instead of naming it: «ل/ب» with the article («شركة
 * للبيع», «شركة باللون الأحمر») or an adjective without «ال» («منظمة إرهابية», «شركة أمريكية»).
 */
function describingWord(doc: Doc, i: number): boolean {
  const n = doc.tokens[i]?.norm ?? '';
  // «للبيع», «باللون الأحمر»: a preposition with the article says what the body does or how it looks
  // («كاليفورنيا» only looks like «ك» + «ال»).
  if (n.startsWith('لل') || (/^[بك]ال/.test(n) && !nameListWord(doc, i) && everydayWord(doc, i))) return true;
  if (!n.endsWith('يه') || isDefinite(doc, i) || indefiniteHead(doc, i)) return false;
  return doc.index.common.has(n) || isNisbaOfPlace(`ال${n}`, doc.placeWords);
}

/** Token i and the next are written with nothing but a space between them. */
function joinedWords(doc: Doc, i: number): boolean {
  const next = doc.tokens[i + 1];
  return !!next && doc.text.slice(doc.tokens[i]!.end, next.start).trim() === '';
}

/** An adjective of origin or direction, with or without «ال»: «كوري», «جنوبي», «الأميركيون». */
function originAdjective(doc: Doc, i: number): boolean {
  const n = doc.tokens[i]!.norm;
  if (DIRECTION_ADJECTIVES.has(n)) return true;
  return isNisbaOfPlace(n.startsWith('ال') ? n : `ال${n}`, doc.placeWords);
}

/** Latin letters only (with spaces, dots and hyphens between words): «LTE», «Moto X Play». */
const LATIN_NAME = /^[A-Za-z][A-Za-z0-9 .&-]*$/;

/** Shared by the table and keepNames, which keeps such a name as MISC rather than dropping it. */
const TITLE_OF_WORK: PrecisionRule = {
  name: 'title-of-work',
  example: '«جائزة نوبل», «سورة «لقمان»», «برنامج «صباح الخير»»: the name of a prize, chapter or programme',
  rejects: (s, { doc }) => {
    if (s.type === 'LOC') return false;
    const { k, quoted } = wordBefore(doc, s);
    if (k >= 0 && anyStemIn(doc, k, quoted ? WORK_HEADS : NAMED_AFTER_HEADS)) return true;
    return s.first < s.last && anyStemIn(doc, s.first, NAMED_AFTER_HEADS);
  },
};

/** The table: each rule with the construction it names. Order does not matter; any rule rejecting drops the span. */
export const PRECISION_RULES: readonly PrecisionRule[] = [
  {
    name: 'calendar',
    example: '«يوم الخميس», «في شهر رمضان»: days and months are dates, not people or places',
    // Only persons and places: a month may name a maker («نيسان» the company) where the tagger reads an organization.
    rejects: (s, { doc }) => s.type !== 'ORG' && tokensOf(s).every((t) => anyStemIn(doc, t, CALENDAR_WORDS)),
  },
  {
    name: 'disease',
    example: '«بفيروس كورونا»: an illness and its agent are not actors',
    rejects: (s, { doc }) => tokensOf(s).some((t) => anyStemIn(doc, t, DISEASE_WORDS)),
  },
  {
    name: 'adjective-after-noun',
    example: '«المعارضة السورية», «الرئيس المالي»: a one-word name read through «ال» that it is never written with is an adjective',
    rejects: (s, { doc }) => {
      if (s.source !== 'gazetteer' || s.first !== s.last) return false;
      const tok = doc.tokens[s.first]!;
      return /ال$/.test(normalize(doc.text.slice(tok.start, s.start)));
    },
  },
  {
    name: 'title-only',
    example: '«آية الله», «الدكتور»: titles alone are outside the name they introduce',
    rejects: (s, { doc }) =>
      s.source !== 'gazetteer' &&
      tokensOf(s).every((t) => TITLE_WORDS.has(doc.tokens[t]!.norm) || (t > s.first && doc.tokens[t]!.norm === 'الله')),
  },
  {
    name: 'case-ending',
    example: '«بندًا», «عمدًا»: a word written with tanween is a common noun or adverb',
    rejects: (s, { doc }) => s.first === s.last && s.source !== 'gazetteer' && TANWEEN.test(doc.tokens[s.first]!.text),
  },
  {
    name: 'accusative-word',
    example: '«وفاة مقيم دهسا», «ألقاه عمدا»: an everyday word with the «ا» of the indefinite accusative is an adverb or an object',
    rejects: (s, { doc, corpus }) => {
      if (s.first !== s.last || s.source === 'gazetteer' || !accusativeWord(doc, s.first, corpus)) return false;
      // Towns end in «ا» after an everyday stem too («صيدا»): a place needs the adverb of an adjective («ميدانيا»).
      return s.type !== 'LOC' || doc.tokens[s.first]!.norm.endsWith('يا');
    },
  },
  {
    name: 'blessing',
    example: '«لدى وصوله - أيده الله -», «رحمه الله»: a verb with a pronoun before «الله» is a blessing, not a name',
    rejects: (s, { doc }) =>
      s.last === s.first + 1 &&
      doc.tokens[s.last]!.norm === 'الله' &&
      doc.tokens[s.first]!.norm.length >= 4 &&
      PRONOUN_END.test(withoutMarks(doc.tokens[s.first]!.text)),
  },
  {
    name: 'letter-alone',
    example: '«شبكة "سي.بي.إس"», «قال لي»: one or two letters only the tagger reads as a name are a spelled letter or a particle',
    rejects: (s, { doc }) => s.source === 'tagger' && s.first === s.last && normalize(doc.text.slice(s.start, s.end)).length <= 2,
  },
  {
    name: 'adjective-of-title',
    example: '«الرئيس الجزائري يقيل»: an adjective of origin right after a title qualifies the title; it is not the person',
    rejects: (s, { doc }) =>
      s.type === 'PERS' &&
      s.first === s.last &&
      s.source !== 'gazetteer' &&
      s.first > 0 &&
      TITLE_WORDS.has(doc.tokens[s.first - 1]!.norm) &&
      isNisbaOfPlace(doc.tokens[s.first]!.norm, doc.placeWords),
  },
  {
    name: 'particle-inside',
    example: '«بلى يا», «أمي أنك»: vocatives and pronoun particles are never part of a name',
    rejects: (s, { doc }) => s.source !== 'gazetteer' && tokensOf(s).some((t) => NEVER_IN_NAMES.has(doc.tokens[t]!.norm)),
  },
  {
    name: 'ends-on-function-word',
    example: '«وقالت منظمة إن»: a name does not end on a particle, unless it is spelled letter by letter («إن بي إس»)',
    rejects: (s, { doc }) => {
      if (s.source === 'gazetteer' || s.first === s.last || !FUNCTION_WORDS.has(doc.tokens[s.last]!.norm)) return false;
      return tokensOf(s).some((t) => doc.tokens[t]!.norm.length > 2);
    },
  },
  {
    name: 'pronoun-suffix',
    example: '«كثف الرئيس ضغوطه»: an unknown word with an attached pronoun is a noun',
    rejects: (s, { doc }) => {
      if (s.first !== s.last || s.source === 'gazetteer') return false;
      const raw = withoutMarks(doc.tokens[s.first]!.text);
      return raw.length >= 4 && PRONOUN_END.test(raw) && unknownWord(doc, s.first);
    },
  },
  TITLE_OF_WORK,
  {
    name: 'named-after-event',
    example: '«انطلاق بطولة رولان غاروس»: a person named right after «بطولة/مهرجان» is the event named after them',
    rejects: (s, { doc }) => {
      const { k } = wordBefore(doc, s);
      return s.type === 'PERS' && k >= 0 && anyStemIn(doc, k, EVENT_HEADS);
    },
  },
  {
    name: 'head-only',
    example: '«وقالت منظمة إن», «بالتحالف مع ميليشيات حزب الله»: a head without «ال» and without a name names nobody',
    rejects: (s, { doc }) => s.first === s.last && s.source !== 'gazetteer' && indefiniteHead(doc, s.first),
  },
  {
    name: 'indefinite-description',
    example: '«أول شركة للبيع بالتجزئة», «منظمة إرهابية», «ذكرت صحيفة ألمانية»: a head without «ال» and a describing word is a description',
    rejects: (s, { doc }) => {
      if (s.type === 'PERS' || s.source === 'gazetteer') return false;
      // The head opens the span or stands right before it («صحيفة» before «ألمانية»).
      const before = s.first - 1;
      const head = indefiniteHead(doc, s.first)
        ? s.first
        : before >= 0 && joinedWords(doc, before) && indefiniteHead(doc, before)
          ? before
          : -1;
      const word = head + 1;
      if (head < 0 || word > s.last || !describingWord(doc, word)) return false;
      // «صندوق تنمية الموارد البشرية»: a noun in «ية» followed by a definite word opens the name of what the body does.
      return /^(?:لل|[بك]ال)/.test(doc.tokens[word]!.norm) || word + 1 > s.last || !isDefinite(doc, word + 1);
    },
  },
  {
    name: 'function-word',
    example: '«مسؤول لدى المنظمة»: a particle with a preposition glued on («لدى») is not a name read after the preposition',
    rejects: (s, { doc }) => s.first === s.last && s.source !== 'gazetteer' && FUNCTION_WORDS.has(doc.tokens[s.first]!.norm),
  },
  {
    name: 'origin-only',
    example: '«مع زيارة وفد كوري جنوبي», «قال النيجيري»: adjectives of origin and direction alone describe, they do not name',
    rejects: (s, { doc }) => {
      if (s.type !== 'PERS' || s.source === 'gazetteer' || !tokensOf(s).every((t) => originAdjective(doc, t))) return false;
      // «زيكي», «بوليه» end like adjectives of origin: a name of the lists needs a direction after it to be one.
      return tokensOf(s).every((t) => !nameListWord(doc, t)) || DIRECTION_ADJECTIVES.has(doc.tokens[s.last]!.norm);
    },
  },
  {
    name: 'latin-term-in-quotes',
    example:
      '«تقنية الجيل الرابع "LTE"», «هاتفها الجديد "Moto X Play"»: Latin words in quotation marks after an everyday word name a technique or product',
    rejects: (s, { doc }) => {
      if (s.source === 'gazetteer' || !LATIN_NAME.test(doc.text.slice(s.start, s.end))) return false;
      const { k, quoted } = wordBefore(doc, s);
      // After «صحيفة/وكالة/شركة» the words in marks are the body's name («صحيفة “torcedores”»).
      return quoted && !anyStemIn(doc, k, ORG_HEADS) && (isDefinite(doc, k) || everydayWord(doc, k));
    },
  },
  {
    name: 'ambiguous-place-word',
    example: '«الدعم المالي», «نشر الخبر»: a place name that is an everyday word needs «في/إلى/من» or a place head before it',
    rejects: (s, { doc }) => {
      if (s.type !== 'LOC' || s.first !== s.last || s.source === 'pattern') return false;
      if (!anyStemIn(doc, s.first, AMBIGUOUS_PLACE_WORDS)) return false;
      const tok = doc.tokens[s.first]!;
      // «بمالي», «لمالي»: a preposition glued on says place as «في» does.
      if (/^[وف]?[بل]/.test(normalize(doc.text.slice(tok.start, s.start)))) return false;
      return !placeContext(doc, s.first);
    },
  },
  {
    name: 'town-after-person',
    example: '«مستشار الرئيس، تشونغ أوي يونغ»: a small town’s name right after a person’s name is the end of that name',
    rejects: (s, { doc, personEnds }) => {
      if (s.type !== 'LOC' || s.source !== 'gazetteer' || s.first !== s.last || !personEnds.has(s.first - 1)) return false;
      // «وكارديف», «لنيروبي»: a conjunction or preposition glued on starts another name.
      const tok = doc.tokens[s.first]!;
      if (!isMinorWord(doc, s) || tok.start !== s.start) return false;
      return doc.text.slice(doc.tokens[s.first - 1]!.end, tok.start).trim() === '';
    },
  },
  {
    name: 'latin-run',
    example:
      '«(AFP PHOTO / AARON SMITH)», «GETTY IMAGES OF THE DAY»: capitals among other Latin words are a credit line or an English phrase, not an acronym',
    rejects: (s, { doc }) => {
      if (s.source === 'gazetteer' || s.first !== s.last || !/^[A-Z]{2,}$/.test(doc.text.slice(s.start, s.end))) return false;
      // «CNN وTRT»: a conjunction glued on makes a list of names, not a phrase.
      const latin = (i: number) => /^[A-Za-z]/.test(doc.tokens[i]?.text ?? '');
      return latin(s.first) && (latin(s.first - 1) || latin(s.first + 1));
    },
  },
  {
    name: 'town-before-an',
    example: '«وقال إنه أود أن أشكر», «يود أن»: a small town’s name right before «أن» with no place word before it is a verb of wanting',
    rejects: (s, { doc }) =>
      s.type === 'LOC' &&
      s.source === 'gazetteer' &&
      s.first === s.last &&
      doc.tokens[s.first + 1]?.norm === 'ان' &&
      isMinorWord(doc, s) &&
      !placeContext(doc, s.first),
  },
  {
    name: 'minor-place-in-prose',
    example: '«أنني سعيدة للغاية», «ليته سكت»: a small town from the long lists, shaped like an everyday word, with no place context',
    rejects: minorPlaceInProse,
  },
  {
    name: 'everyday-words',
    example: '«ارتداء لاعب قميص ناديين», «أشاد بدوره كشريك أساسي»: a person made only of everyday words, none of them a name',
    rejects: (s, { doc, corpus }) =>
      s.type === 'PERS' && s.source !== 'gazetteer' && tokensOf(s).every((t) => ordinaryWord(doc, t, corpus)),
  },
  {
    name: 'kind-of-site',
    example:
      '«على موقع التواصل الاجتماعي تويتر»: after «موقع», a verbal noun of mutual action and its adjective say what kind of site, the name follows',
    rejects: (s, { doc }) => {
      if (s.source === 'gazetteer' || s.last !== s.first + 1 || s.first === 0 || !anyStemIn(doc, s.first - 1, SITE_HEADS)) return false;
      const [noun, adjective] = [doc.tokens[s.first]!.norm, doc.tokens[s.last]!.norm];
      // «التواصل», «التفاعل»: the shape تفاعُل with «ال»; then an adjective with «ال» that names no place.
      const mutual = /^ال ت.ا..$/.test(noun.replace(/^ال/, 'ال '));
      return mutual && /^ال.+ي$/.test(adjective) && !isNisbaOfPlace(adjective, doc.placeWords);
    },
  },
  {
    name: 'age-formula',
    example: '«توفي عن عمر ناهز 80 عاما»: «عن عمر» and a verb of nearing is the age formula; «عمر» is the word «age»',
    rejects: (s, { doc }) => {
      if (s.type !== 'PERS' || s.first === 0 || doc.tokens[s.first - 1]!.norm !== 'عن' || doc.tokens[s.first]!.norm !== 'عمر') return false;
      const next = doc.tokens[s.first + 1]?.norm ?? '';
      return NEARING.has(next) || /^\d/.test(next);
    },
  },
  {
    name: 'my-our-noun',
    example: "«سفينتي», «أختي», «حذائي», «شعبنا الكريم»: an everyday noun with «my/our» on it is nobody's name",
    rejects: (s, { doc, corpus }) => s.type !== 'ORG' && tokensOf(s).some((t) => possessedNoun(doc, t, corpus)),
  },
  {
    name: 'plural-description',
    example: '«مسؤولون أميركيون», «خبيرات إقليميات»: plural nouns and adjectives describe a group, they name nobody',
    rejects: (s, { doc }) => s.type === 'PERS' && s.last > s.first && tokensOf(s).every((t) => pluralWord(doc, t)),
  },
  {
    name: 'traffic',
    example: '«حركة الملاحة», «الحركة التجارية»: the traffic of ships or goods is not a movement',
    rejects: (s, { doc }) =>
      s.type === 'ORG' && s.last > s.first && anyStemIn(doc, s.first, MOTION_HEADS) && anyStemIn(doc, s.first + 1, TRAFFIC_WORDS),
  },
  {
    name: 'bare-given-name',
    example: '«وقال طالب في الجامعة», «سعيد الحظ»: a lone given name with no family name, title or full mention',
    rejects: bareGivenName,
  },
];

/**
 * «وأوضحت نانسي», «وقال بولتون» in an article that names «نانسي سبيكتور», «جون بولتون»: a one-word
 * small town or a body that is a word of a person's full name there, with nothing around it that says place, is that person.
 */
function namesPerson(s: EntitySpan, doc: Doc, fullPersonWords: ReadonlySet<string>): boolean {
  if (s.type === 'PERS' || s.type === 'MISC' || s.first !== s.last) return false;
  // «في/إلى» or a place head say place; «من/بين» stand before people too («وألقى كل من كارتيس»).
  if (s.first > 0 && (anyStemIn(doc, s.first - 1, INTO_PLACE) || anyStemIn(doc, s.first - 1, PLACE_HEADS))) return false;
  // A country or city the lists know well keeps its own reading («ألبير باريس» does not make «باريس» a person).
  if (s.source === 'gazetteer' && !isMinorWord(doc, s)) return false;
  return fullPersonWords.has(normalize(doc.text.slice(s.start, s.end)));
}

/**
 * «وقال عثمان غازي، المتحدث باسم الحزب»: a two-word place of the lists that opens with a given name and
 * stands right after a reporting verb is the person who speaks (a town's name made of a given and a family name).
 */
function speakingGivenNamePlace(s: EntitySpan, doc: Doc): boolean {
  if (s.type !== 'LOC' || s.source !== 'gazetteer' || s.last !== s.first + 1 || s.first === 0) return false;
  return doc.index.firstNames.has(doc.tokens[s.first]!.norm) && anyStemIn(doc, s.first - 1, REPORTING);
}

/**
 * «رئيس بلدية بلانشفيل» read as a person «بلدية بلانشفيل»: a person span that opens with the head of a body
 * or of a place (without «ال») names that body or place; null for any other span.
 */
function headedBody(s: EntitySpan, doc: Doc): 'ORG' | 'LOC' | null {
  if (s.type !== 'PERS' || s.first === s.last || isDefinite(doc, s.first)) return null;
  for (const { prefix, stem } of doc.readings[s.first] ?? []) {
    if (prefix !== '') continue;
    if (ORG_HEADS.has(stem) || PLACE_OFFICE_HEADS.has(stem)) return 'ORG';
    if (PLACE_HEADS.has(stem)) return 'LOC';
  }
  return null;
}

/** The spans that no precision rule rejects, persons cut back to their name words first. */
export function keepNames(doc: Doc, found: EntitySpan[], corpus?: PrecisionContext['corpus']): EntitySpan[] {
  const spans = found.map((s) => trimOrdinaryWords(s, doc, corpus) ?? s);
  const fullPersonWords = new Set<string>();
  const personCount = new Map<string, number>();
  const personEnds = new Set<number>();
  for (const s of spans) {
    if (s.type !== 'PERS') continue;
    personEnds.add(s.last);
    if (s.first === s.last) {
      const w = normalize(doc.text.slice(s.start, s.end));
      personCount.set(w, (personCount.get(w) ?? 0) + 1);
    } else for (let t = s.first; t <= s.last; t++) for (const r of doc.readings[t] ?? []) fullPersonWords.add(r.stem);
  }
  const ctx: PrecisionContext = { doc, fullPersonWords, personCount, personEnds, corpus };
  const kept: EntitySpan[] = [];
  for (const s of spans) {
    // MISC spans (events, works) are never painted as actors; they stay for the CoNLL view.
    if (s.type === 'MISC' || !PRECISION_RULES.some((r) => r.rejects(s, ctx))) kept.push(s);
    // «جائزة نوبل», «سورة «لقمان»»: the title of a work is a name, of something that is not an actor.
    else if (TITLE_OF_WORK.rejects(s, ctx)) kept.push({ ...s, type: 'MISC' });
  }
  // Words of the full person names that stay, for the places and bodies that are one of them.
  const keptPersonWords = new Set<string>();
  // Only the given name and the family name: a place inside a long span («عمالة طنجة عبدالحميد») may be the span's error.
  for (const s of kept)
    if (s.type === 'PERS' && s.first < s.last) for (const t of [s.first, s.last]) keptPersonWords.add(doc.tokens[t]!.norm);
  const taken = new Uint8Array(doc.tokens.length);
  for (const s of kept) for (let t = s.first; t <= s.last; t++) taken[t] = 1;
  return kept.map((s) => {
    const facility = namedFacility(s, doc, taken);
    if (facility) return facility;
    if (namesPerson(s, doc, keptPersonWords) || speakingGivenNamePlace(s, doc)) return { ...s, type: 'PERS', knowledgeId: undefined };
    const headed = headedBody(s, doc);
    if (headed) return { ...s, type: headed, role: null, roleMention: null };
    return namedAfterPlaceHead(s, doc) ? { ...s, type: 'LOC' } : s;
  });
}

/**
 * «مستشفى الملك سالم التخصصي», «طريق الملك راشد»: a royal's name after a facility and the title is
 * the facility's name, a body or a place that takes the whole phrase; null for any other span.
 */
function namedFacility(s: EntitySpan, doc: Doc, taken: Uint8Array): EntitySpan | null {
  const head = s.first - 2;
  if (s.type !== 'PERS' || head < 0 || taken[head] || !ROYAL_TITLES.has(doc.tokens[s.first - 1]!.norm)) return null;
  // The reading whose stem is the head gives the clitics to leave outside («بمركز», «ومنتزه»).
  const reading = (doc.readings[head] ?? []).find(({ stem }) => NAMED_BODY_HEADS.has(stem) || NAMED_PLACE_HEADS.has(stem));
  if (!reading) return null;
  const type = NAMED_BODY_HEADS.has(reading.stem) ? 'ORG' : 'LOC';
  const start = doc.tokens[head]!.start + reading.prefix.length;
  return { ...s, type, first: head, start, role: null, roleMention: null, knowledgeId: undefined, source: 'pattern' };
}

/**
 * «في ولاية ميناس غيراييس», «منطقة تيرس الزمور»: a name right after «ولاية/منطقة/مدينة...» is a place, though
 * a recogniser read it as a person or body; not when a word of it is a person's («خلال ولاية هاردينغ»).
 */
function namedAfterPlaceHead(s: EntitySpan, doc: Doc): boolean {
  if (s.type === 'LOC' || s.type === 'MISC' || s.source === 'gazetteer' || s.first === 0) return false;
  if (!anyStemIn(doc, s.first - 1, PLACE_HEADS) || doc.text.slice(doc.tokens[s.first - 1]!.end, s.start).trim() !== '') return false;
  return tokensOf(s).every((t) => !nameListWord(doc, t));
}
