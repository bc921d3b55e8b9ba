// Language and page-kind detection: is this text Arabic (not Persian or Urdu written in the same
// script), is it an article, and is it Arabic news (not a story, blog, recipe, sermon or encyclopedia)?
// Works on plain text alone; HTML signals (lang, og:type, JSON-LD) sharpen the answer when present.

import type { Language, PageInfo, PageSignals } from '../types/analysis';
import { normalize } from './normalize';

/** What classifyPage decides; the title is added by the caller. */
export type PageClass = Omit<PageInfo, 'title'>;

/** Evidence behind a page decision, for the evaluation table and for debugging a wrong answer. */
export interface PageEvidence extends PageClass {
  /** News score of the text (per 100 words, plus datelines and markup), threshold NEWS_THRESHOLD. */
  newsScore: number;
  /** Words the text was judged on (after sampling). */
  words: number;
  reasons: string[];
}

/** Scores at or above this are news; tuned on ../shared/data (news-dev, pages-dev, negatives-dev). */
const NEWS_THRESHOLD = 0.3;
/**
 * What each cue adds to or takes from the news score, per 100 words (a cue not named here counts 1),
 * and the bonuses of layout and source; tuned with the threshold.
 */
const NEWS_WEIGHTS = {
  present: 0.5,
  media: 0.7,
  institutions: 0.3,
  number: 0.1,
  narrative: 1.5,
  dialect: 1.5,
  recipe: 1.5,
  firstPerson: 0.3,
  /** Texts with diacritics on more than this share of letters read as scripture or verse… */
  diacriticShare: 0.1,
  /** …and lose this much. */
  diacritics: 5,
  agencyDateline: 2,
  placeDateline: 1,
  newsMarkup: 1.5,
  newsSite: 2,
} as const;
/** At most one number cue counts per this many words: tables of results are not news by themselves. */
const WORDS_PER_NUMBER = 20;
/** Below this many words a text is never news, however dense its cues. */
const MIN_NEWS_WORDS = 40;
/** An article is prose of some length; markup saying "article" lowers the bar (a short brief). */
const MIN_ARTICLE_WORDS = 50;
const MIN_ARTICLE_WORDS_WITH_MARKUP = 30;
/** Long inputs are judged on their beginning: detection must cost the same on a 100,000-word page. */
const SAMPLE_CHARS = 16_000;

/** The beginning of a text, folded once and split into Arabic-script words, shared by every measure below. */
interface Sample extends RawCounts {
  raw: string;
  norm: string;
  words: string[];
}

function sampleOf(text: string): Sample {
  const raw = text.slice(0, SAMPLE_CHARS);
  const norm = normalize(raw);
  return { raw, norm, words: norm.match(ARABIC_WORD) ?? [], ...rawCounts(raw) };
}

/** Character counts of the raw sample that the measures below use. */
interface RawCounts {
  /** Arabic-script letters; the script share decides "other" before any vocabulary. */
  arabic: number;
  /** Latin, Greek, Cyrillic and Indic-to-CJK letters. */
  other: number;
  /** Runs of /[A-Za-z\u00c0-\u024f\u0370-\u052f]+/: words written in a Latin, Greek or Cyrillic script. */
  latinWords: number;
  /** Harakat /[\u064b-\u0652]/. */
  diacritics: number;
}

/** All the counts in one pass over the sample (they were three regex scans and a loop). */
function rawCounts(text: string): RawCounts {
  let arabic = 0;
  let other = 0;
  let latinWords = 0;
  let diacritics = 0;
  let inLatin = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const latin = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x0370 && c <= 0x052f);
    if (latin && !inLatin) latinWords++;
    inLatin = latin;
    if ((c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f))
      arabic++;
    else if (latin) other++;
    else if (c >= 0x0900 && c <= 0x9fff) other++;
    if (c >= 0x064b && c <= 0x0652) diacritics++;
  }
  return { arabic, other, latinWords, diacritics };
}

const set = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean).map(normalize));

// Function words per language, in their normalised forms (ی→ي, ک→ك, hamza/alef folded). Words two of the
// languages share (Persian من «I», بین, بعد, قبل, آن/أن, او, علی/على) are left out on purpose.
const AR_WORDS = set(`في عن مع التي الذي الذين اللذين هذا هذه ذلك تلك هؤلاء كان كانت يكون قد لقد لم لن ثم حيث كما إذا إنه
  أنه إنها وقد وفي ومن منذ خلال أيضا إليه فيه فيها لها له ليس هو هي وهو وهي إلا لدى التى الى إلى`);
const FA_WORDS = set(`است این را که می از با در برای های ها شد شده شدند کرد کرده کردند بود بودند یک خود نیز اند همه تا ولی
  چه چون اگر باید شود میشود دارد دارند کند کنند نمی گفت هستند نیست پس بر وی آنها اینکه همچنین خواهد`);
const UR_WORDS = set(`کے کی میں ہے ہیں نے کو سے اور یہ پر بھی تھا تھی تھے گیا گئی کر کا جو جس کیا ہوا ہوئے رہا رہے والے لیے`);
// «على» folds to «علي», which is also the Persian name Ali: counted only when no Persian sign is present.
const AR_AMBIGUOUS = set('على علی');

/** The four word lists above as bits of one map, so a word costs one look-up. */
const L_AR = 1;
const L_AMBIGUOUS = 2;
const L_FA = 4;
const L_UR = 8;
const LANGUAGE_OF = new Map<string, number>();
for (const [bit, words] of [
  [L_AR, AR_WORDS],
  [L_AMBIGUOUS, AR_AMBIGUOUS],
  [L_FA, FA_WORDS],
  [L_UR, UR_WORDS],
] as const) {
  for (const w of words) LANGUAGE_OF.set(w, (LANGUAGE_OF.get(w) ?? 0) | bit);
}

/** The longest function word: longer words need no look-up. */
const LANGUAGE_MAX_LENGTH = Math.max(...[...LANGUAGE_OF.keys()].map((w) => w.length));

// Letters one language has and Arabic lacks. Urdu also uses the Persian ones.
const PERSIAN_LETTERS = /[\u067e\u0686\u0698\u06af]/; // پ چ ژ گ
const URDU_LETTERS = /[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06c2\u06d2\u06d3]/; // ٹ ڈ ڑ ں ھ ہ ۂ ے ۓ
// Letters of other languages in the script (Kurdish ڵ ڕ ۆ ێ, Pashto ټ ډ ړ ږ ښ ګ ڼ ۍ, Uyghur ۇ ۋ): "other".
const OTHER_LETTERS = /[\u06b5\u0695\u06c6\u06ce\u067c\u0689\u0693\u0696\u069a\u06ab\u06bc\u06cd\u06c7\u06cb]/;
const NON_ARABIC_LETTER = new RegExp(`${PERSIAN_LETTERS.source}|${URDU_LETTERS.source}|${OTHER_LETTERS.source}`);

const ARABIC_WORD = /[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f]+/g;

interface LanguageVotes {
  language: Language;
  ar: number;
  fa: number;
  ur: number;
  words: number;
}

/** Fewer Arabic-script letters than this and a text says nothing of its language. */
const TOO_LITTLE_SCRIPT = 12;

function languageVotes(sample: Sample): LanguageVotes {
  const { arabic, other } = sample;
  // Folding keeps the letters that tell the languages apart (پ چ ژ گ ے ں ٹ ڈ ڑ ھ) and drops diacritics.
  const words = sample.words;
  const votes = { ar: 0, fa: 0, ur: 0, words: words.length };
  if (arabic < TOO_LITTLE_SCRIPT || arabic < (arabic + other) * 0.3) return { language: 'other', ...votes };
  let faLetters = 0;
  let urLetters = 0;
  let otherLetters = 0;
  let ambiguous = 0;
  // One test of the whole sample first: most texts have none of the letters Arabic lacks.
  const foreignLetters = NON_ARABIC_LETTER.test(sample.norm);
  for (const n of words) {
    if (foreignLetters && NON_ARABIC_LETTER.test(n)) {
      if (OTHER_LETTERS.test(n)) otherLetters++;
      if (URDU_LETTERS.test(n)) urLetters++;
      else if (PERSIAN_LETTERS.test(n)) faLetters++;
    }
    const lang = n.length <= LANGUAGE_MAX_LENGTH ? (LANGUAGE_OF.get(n) ?? 0) : 0;
    if (lang & L_AR) votes.ar++;
    else if (lang & L_AMBIGUOUS) ambiguous++;
    if (lang & L_FA) votes.fa++;
    if (lang & L_UR) votes.ur++;
    // The Arabic article ال is rare in Persian and Urdu outside loanwords.
    if (n.length > 3 && (n.startsWith('ال') || n.startsWith('وال') || n.startsWith('بال'))) votes.ar += 0.3;
  }
  votes.fa += faLetters * 0.5;
  votes.ur += urLetters;
  if (votes.fa + votes.ur < votes.ar * 0.2) votes.ar += ambiguous;
  let language: Language = 'ar';
  if (otherLetters > words.length * 0.08) language = 'other';
  else if (votes.ur > votes.fa && votes.ur > votes.ar) language = 'ur';
  else if (votes.fa > votes.ar) language = 'fa';
  return { language, ...votes };
}

/** Arabic, Persian, Urdu or other: the extension only reads Arabic, and the three share one script. */
export function detectLanguage(text: string): Language {
  return languageVotes(sampleOf(text)).language;
}

// ---------------------------------------------------------------------------------------------
// News-ness of Arabic text. Cues are counted per 100 words so long stories cannot win on length.

/** Past-tense reporting verbs and the nouns of reported statements. */
const REPORTING = set(`أضاف أضافت أكد أكدت أوضح أوضحت أشار أشارت أعلن أعلنت صرح صرحت أفاد أفادت ذكر ذكرت نقل نقلت تابع
  تابعت لفت لفتت شدد شددت كشف كشفت اعتبر اعتبرت دعا دعت طالب طالبت نفى نفت أعرب أعربت بحسب وفقا وفق مصدر مصادر
  المتحدث متحدث بيان البيان تصريحات تصريح صحفي صحافي الصحفي مراسل الأنباء الرسمية مسؤول مسؤولون مسؤولين مؤتمر
  مضيفا مشيرا مؤكدا موضحا لافتا معتبرا يذكر يشار بدوره بدورها`);
/** Present-tense reporting, common in features and columns («وتقول الصحيفة»); stories use it too, so it weighs less. */
const PRESENT_REPORTING = set('يقول تقول يضيف تضيف يؤكد تؤكد يوضح توضح يشير تشير يعتبر تعتبر يرى ترى');
/** «قال» counts only as reported speech («وقال الوزير إن»): sermons and stories say «قال» with direct speech. */
const SAID = set('قال قالت');
const THAT = set('إن أن');
const MEDIA = set(`صحيفة الصحيفة صحف الصحف تقرير التقرير تقارير الإعلام وسائل قناة القناة موقع مقابلة حوار التلفزيون الإذاعة
  وكالة الوكالة`);
const INSTITUTIONS = set(`الرئيس رئيس وزير وزيرة الوزير الوزراء وزارة الحكومة الحكومي الحكومية مجلس البرلمان النواب الأمم الشرطة
  الجيش القوات حزب المعارضة السلطات الأمن الأمنية محافظ المحافظ سفير السفير الدولة الاتحاد منظمة هيئة اللجنة الشركة
  المدير مدير العام الدكتور المهندس النيابة المحكمة الانتخابات الاقتصاد البنك المنتخب المباراة الدوري البطولة النادي فريق`);
const WEEKDAYS = set('الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت');
const TIME_LEAD = set('اليوم أمس يوم مساء صباح ليلة فجر ظهر عصر غدا نهار مطلع');
const RECENT = set('الماضي الماضية المقبل المقبلة الحالي الحالية الجاري الجارية مؤخرا حاليا');
// Genres that are not news.
const NARRATIVE = set('فقال فقالت فأجاب فأجابت فرد فردت يحكى الحكاية حكاية العبرة الزمان قديم');
const RELIGIOUS = set('تعالى سبحانه رسول النبي صلى السلام الآخرة الجنة القيامة المؤمنين عباده ربكم ربنا أيها التقوى رضي');
const DIALECT = set('اللي اللى ده دى بتاع بتوع كده مش عشان علشان ازاي إزاي اتوفى اتولد دلوقتي عايز عاوز');
const RECIPE = set('المقادير مقادير ملعقة ملاعق كوب أكواب غرام جرام الفرن تحضير يخلط نخلط رشة طحين يضاف تضاف مبشور مفروم');
const FIRST_PERSON = set('أنا كنت لي عندي');
/** How-to and encyclopedia pages: definitions, kinds, benefits, tips, contents. */
const INFORMATIONAL = set(`تعريف مفهوم أنواع فوائد خصائص مقدمة خاتمة المراجع نصائح محتويات طرق ويكيبيديا ولد ولدت توفي توفيت القرن
  أشهرها نسمة تقع يقع تأسست أسسها تشتهر يشتهر`);
/** Group bits, so each word costs two map lookups however many cue lists there are. */
const G = {
  reporting: 1,
  present: 2,
  said: 4,
  media: 8,
  institutions: 16,
  weekday: 32,
  recent: 64,
  narrative: 128,
  religious: 256,
  dialect: 512,
  recipe: 1024,
  firstPerson: 2048,
  informational: 4096,
} as const;
const CUE_OF = new Map<string, number>();
for (const [bit, words] of [
  [G.reporting, REPORTING],
  [G.present, PRESENT_REPORTING],
  [G.said, SAID],
  [G.media, MEDIA],
  [G.institutions, INSTITUTIONS],
  [G.weekday, WEEKDAYS],
  [G.recent, RECENT],
  [G.narrative, NARRATIVE],
  [G.religious, RELIGIOUS],
  [G.dialect, DIALECT],
  [G.recipe, RECIPE],
  [G.firstPerson, FIRST_PERSON],
  [G.informational, INFORMATIONAL],
] as const) {
  for (const word of words) CUE_OF.set(word, (CUE_OF.get(word) ?? 0) | bit);
}
/** The longest word of the cue lists. */
const CUE_MAX_LENGTH = Math.max(...[...CUE_OF.keys()].map((w) => w.length));
const NOT_NEWS_PHRASES = ['ذات يوم', 'قديم الزمان', 'يحكى أن', 'كان يا ما كان', 'طريقة التحضير', 'صلى الله عليه', 'قال تعالى'].map(
  normalize,
);
/** Agencies and outlets that datelines name in parentheses or after a dash. */
const AGENCIES = [
  'وكالات',
  'رويترز',
  'أ ف ب',
  'أ.ف.ب',
  'ا ف ب',
  'د ب أ',
  'د.ب.أ',
  'أ ب',
  'واس',
  'وام',
  'قنا',
  'كونا',
  'بترا',
  'سانا',
  'الأناضول',
  'شينخوا',
  'سبوتنيك',
  'يو بي آي',
  'خاص',
  'CNN',
  'AFP',
  'Reuters',
  'AP',
  'DPA',
  'BBC',
  'RT',
].map(normalize);
const AGENCY_PATTERN = new RegExp(
  `[(\\[]\\s*(?:${AGENCIES.map((a) => a.replace(/[.]/g, '\\.?').replace(/ /g, '\\s*')).join('|')})\\s*[)\\]]`,
);
/** «القاهرة - », «دمشق، سوريا (CNN) -- » at the start of the first paragraphs (a colon mostly introduces speech). */
const DATELINE = /^[\u0621-\u064a\s،,.]{2,40}(?:\([^)\n]{1,30}\))?\s*[-–—]{1,2}\s*\S/;
const TRAILING_AGENCY = new RegExp(`[-–—]\\s*(?:${AGENCIES.slice(0, 14).join('|')})\\s*$`);

/** News types in JSON-LD; other article types (Article, BlogPosting) only say "an article". */
const NEWS_TYPES = new Set([
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReviewNewsArticle',
  'AskPublicQuestion',
  'LiveBlogPosting',
]);
const ARTICLE_TYPES = new Set(['Article', 'BlogPosting', 'Report', 'ScholarlyArticle', 'TechArticle', 'VideoObject', 'SocialMediaPosting']);

function stripConjunction(word: string): string {
  return word.length > 3 && (word[0] === 'و' || word[0] === 'ف') ? word.slice(1) : word;
}

const DIACRITICS = /[\u064b-\u0652]/g;

const CUE_NAMES = [
  'reporting',
  'present',
  'said',
  'media',
  'institutions',
  'time',
  'numbers',
  'narrative',
  'religious',
  'dialect',
  'recipe',
  'firstPerson',
  'informational',
  'phrases',
  'diacritics',
] as const;
/** Counts per cue group (diacritics: marks per letter). */
type NewsCues = Record<(typeof CUE_NAMES)[number], number>;

/** Cue counts of a text, by group; exported for the evaluation's explanations. */
function newsCues(sample: string, norm: string, words: string[], diacritics?: number): NewsCues {
  const c = Object.fromEntries(CUE_NAMES.map((name) => [name, 0])) as NewsCues;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const bare = stripConjunction(w);
    // Longer words are in no cue list: no look-up for them.
    const exact = w.length <= CUE_MAX_LENGTH ? (CUE_OF.get(w) ?? 0) : 0;
    const bareCues = bare === w ? exact : bare.length <= CUE_MAX_LENGTH ? (CUE_OF.get(bare) ?? 0) : 0;
    const any = exact | bareCues;
    if (any === 0) continue;
    if (any & G.reporting) c.reporting++;
    else if (any & G.present) c.present++;
    else if (any & G.said) {
      for (let k = i + 1; k <= i + 5 && k < words.length; k++)
        if (THAT.has(words[k] ?? '')) {
          c.said++;
          break;
        }
    }
    if (any & G.media) c.media++;
    if (any & G.institutions) c.institutions++;
    if (bareCues & G.weekday) c.time += TIME_LEAD.has(stripConjunction(words[i - 1] ?? '')) ? 2 : 0.5;
    else if (exact & G.recent) c.time += 0.5;
    if (exact & G.narrative) c.narrative++;
    if (any & G.religious) c.religious++;
    if (exact & G.dialect) c.dialect++;
    if (any & G.recipe) c.recipe++;
    if (any & G.firstPerson) c.firstPerson++;
    if (any & G.informational) c.informational++;
  }
  c.numbers = norm.match(/\d+/g)?.length ?? 0;
  for (const phrase of NOT_NEWS_PHRASES) if (norm.includes(phrase)) c.phrases++;
  const letters = words.reduce((n, w) => n + w.length, 0);
  c.diacritics = letters ? (diacritics ?? sample.match(DIACRITICS)?.length ?? 0) / letters : 0;
  return c;
}

/** Score how much a text reads like a news report; also the reasons, for the evaluation table. */
function scoreNews(text: string | Sample): { score: number; words: number; reasons: string[] } {
  const { raw: sample, norm, words, diacritics } = typeof text === 'string' ? sampleOf(text) : text;
  if (words.length === 0) return { score: 0, words: 0, reasons: ['no Arabic words'] };
  const c = newsCues(sample, norm, words, diacritics);
  // Per 100 words, but a short text is not allowed to look dense: a 60-word text with two cues is not news yet.
  const per100 = 100 / Math.max(words.length, 100);
  const positive =
    (c.reporting +
      c.said +
      c.present * NEWS_WEIGHTS.present +
      c.media * NEWS_WEIGHTS.media +
      c.institutions * NEWS_WEIGHTS.institutions +
      c.time +
      Math.min(c.numbers, words.length / WORDS_PER_NUMBER) * NEWS_WEIGHTS.number) *
    per100;
  const negative =
    (c.narrative * NEWS_WEIGHTS.narrative +
      c.religious +
      c.dialect * NEWS_WEIGHTS.dialect +
      c.recipe * NEWS_WEIGHTS.recipe +
      c.firstPerson * NEWS_WEIGHTS.firstPerson +
      c.informational) *
      per100 +
    c.phrases +
    (c.diacritics > NEWS_WEIGHTS.diacriticShare ? NEWS_WEIGHTS.diacritics : 0);
  let score = positive - negative;
  const reasons = [
    Object.entries(c)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${k} ${Math.round(v * 100) / 100}`)
      .join(' '),
    `+${positive.toFixed(2)} -${negative.toFixed(2)}`,
  ];
  const head = sample.split(/\n+/, 4).map((line) => normalize(line.trim()));
  if (head.some((line) => AGENCY_PATTERN.test(line) || TRAILING_AGENCY.test(line))) {
    score += NEWS_WEIGHTS.agencyDateline;
    reasons.push('agency dateline');
  } else if (head.slice(1).some((line) => DATELINE.test(line))) {
    score += NEWS_WEIGHTS.placeDateline;
    reasons.push('place dateline');
  }
  if (words.length < MIN_NEWS_WORDS) {
    score = Math.min(score, NEWS_THRESHOLD - 0.5);
    reasons.push('too short');
  }
  return { score: Math.round(score * 100) / 100, words: words.length, reasons };
}

// Arabic news outlets (domain, or domain and path where an outlet shares a multilingual domain).
const NEWS_SITES = `aljazeera.net alarabiya.net aawsat.com skynewsarabia.com bbc.com/arabic bbc.co.uk/arabic independentarabia.com
  arabic.rt.com france24.com/ar dw.com/ar arabic.cnn.com aa.com.tr/ar arabic.euronews.com alhurra.com almayadeen.net alquds.co.uk
  raialyoum.com arabi21.com al-ain.com annahar.com youm7.com masrawy.com almasryalyoum.com ahram.org.eg shorouknews.com hespress.com
  alkhaleej.ae albayan.ae emaratalyoum.com alittihad.ae wam.ae okaz.com.sa sabq.org alriyadh.com spa.gov.sa alraimedia.com
  alanba.com.kw elkhabar.com enabbaladi.net al-jazirah.com al-madina.com alyaum.com elwatannews.com alaraby.co.uk elaph.com
  alghad.com alrai.com addustour.com akhbarelyom.com arabic.sputniknews.com sputnikarabic.ae asharq.com`
  .split(/\s+/)
  .map((s) => {
    const [host = '', path = ''] = s.split('/');
    return { host, path: path ? `/${path}` : '' };
  });

/** Is this address on a known Arabic news outlet? A strong hint, never a verdict: outlets publish recipes too. */
export function isNewsSite(url: string | null | undefined): boolean {
  if (!url) return false;
  const m = /^https?:\/\/([^/:?#]+)[^/?#]*(\/[^?#]*)?/i.exec(url);
  const host = (m?.[1] ?? '').toLowerCase();
  const path = (m?.[2] ?? '/').toLowerCase();
  return NEWS_SITES.some(
    (s) => (host === s.host || host.endsWith(`.${s.host}`)) && (!s.path || path === s.path || path.startsWith(`${s.path}/`)),
  );
}

function typeNames(signals: PageSignals | null): string[] {
  return (signals?.jsonLdTypes ?? []).map((t) => t.replace(/^https?:\/\/schema\.org\//, ''));
}

/** Language, article and news decision with its evidence: what the evaluation prints when a page is wrong. */
export function explainPage(signals: PageSignals | null, text: string): PageEvidence {
  const sample = sampleOf(text);
  let votes = languageVotes(sample);
  const reasons: string[] = [];
  // A page whose extracted text has almost no Arabic script (a home page: the title alone, in English)
  // is judged on its first visible text instead: an Urdu home page is Urdu, not "other".
  if (sample.arabic < TOO_LITTLE_SCRIPT && signals?.textSample) {
    const pageVotes = languageVotes(sampleOf(signals.textSample));
    if (pageVotes.language !== 'other') {
      votes = { ...pageVotes, words: votes.words };
      reasons.push('language from the page text');
    }
  }
  let language = votes.language;
  reasons.unshift(`votes ar ${votes.ar.toFixed(1)} fa ${votes.fa.toFixed(1)} ur ${votes.ur.toFixed(1)}`);
  // A declared language settles near-ties only: many Arabic sites declare lang="en".
  const declared = (signals?.lang ?? '').toLowerCase().slice(0, 2);
  if (language !== 'other' && (declared === 'fa' || declared === 'ur' || declared === 'ar') && declared !== language) {
    const margin = Math.abs(votes.ar - Math.max(votes.fa, votes.ur));
    if (margin < 3) {
      language = declared;
      reasons.push(`lang=${declared} breaks a near-tie`);
    }
  }
  const types = typeNames(signals);
  const newsMarkup = types.some((t) => NEWS_TYPES.has(t));
  const articleMarkup =
    newsMarkup ||
    types.some((t) => ARTICLE_TYPES.has(t)) ||
    signals?.ogType === 'article' ||
    Boolean(signals?.hasArticleBody) ||
    Boolean(signals?.hasArticleElement);
  const news = scoreNews(sample);
  reasons.push(...news.reasons);
  const words = votes.words + sample.latinWords;
  const isArticle = words >= MIN_ARTICLE_WORDS || (articleMarkup && words >= MIN_ARTICLE_WORDS_WITH_MARKUP);
  let score = news.score;
  if (newsMarkup) {
    score += NEWS_WEIGHTS.newsMarkup;
    reasons.push('JSON-LD news type');
  }
  if (isNewsSite(signals?.url)) {
    score += NEWS_WEIGHTS.newsSite;
    reasons.push('news site');
  }
  if (language !== 'ar') reasons.push(`language ${language}`);
  const isArabicNews = language === 'ar' && isArticle && score >= NEWS_THRESHOLD;
  return { language, isArticle, isArabicNews, newsScore: Math.round(score * 100) / 100, words: news.words, reasons };
}

/** Decide whether a page or plain text is an Arabic news article: only those get analysed and recorded. */
export function classifyPage(signals: PageSignals | null, text: string): PageClass {
  const { language, isArticle, isArabicNews } = explainPage(signals, text);
  return { language, isArticle, isArabicNews };
}
