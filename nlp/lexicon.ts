// Closed-class Arabic word lists the patterns rely on, stored normalised (see normalize.ts).
// They describe the language (titles, reporting verbs, function words), not facts about the world.
import { normalize } from './normalize';

function set(words: string): Set<string> {
  return new Set(
    words
      .split(/\s+/)
      .filter((w) => w.length > 0)
      .map((w) => normalize(w)),
  );
}

/** Function words that never start or continue a name. */
export const FUNCTION_WORDS = set(`
  في على من إلى الى عن مع منذ خلال بعد قبل حول ضد عبر لدى عند بين أمام وراء دون غير سوى حتى
  أن إن أنه إنه أنها إنها أنهم إنهم لأن لكن لكنه بل ثم أو أم إذا إذ لو لم لن لا ما ماذا هل قد كان كانت يكون تكون
  هذا هذه ذلك تلك هؤلاء الذي التي الذين اللذين اللتين هو هي هم هما نحن أنا أنت كل بعض أي أيضا أيضاً
  و ف ب ل ك يا أمس اليوم غدا الآن حيث بينما كما مثل نحو لدى إثر عقب وسط تجاه جراء بسبب وفق حسب بحسب
  تم يتم سيتم إلا ليس ليست عليه عليها عنه عنها له لها لهم منه منها فيه فيها به بها إليه إليها
  عما مما فيما بما لما كلما
`);

function withIndefinite(words: string): Set<string> {
  const out = set(words);
  // «الإمام» without «ال» is «إمام», which folds onto the preposition «أمام»: function words stay out.
  for (const w of [...out]) if (w.startsWith('ال') && w.length > 4 && !FUNCTION_WORDS.has(w.slice(2))) out.add(w.slice(2));
  return out;
}

/** Titles and roles that may stand before a person's name (single words, normalised), with and without «ال». */
export const TITLE_WORDS = withIndefinite(`
  الرئيس رئيس رئيسة الرئيسة الملك الملكة الأمير الأميرة الشيخ الشيخة السلطان سمو فخامة معالي سعادة
  المستشار المستشارة الوزير وزير وزيرة الوزيرة نائب نائبة النائب النائبة المتحدث المتحدثة متحدث الناطق الناطقة
  السفير السفيرة سفير المبعوث المبعوثة مبعوث الأمين أمين المدير مدير مديرة المديرة زعيم الزعيم زعيمة قائد القائد
  مساعد مساعدة عضو العضو الدكتور الدكتورة المهندس المهندسة الأستاذ الأستاذة البروفيسور اللواء العميد العقيد
  الفريق المشير الجنرال الأدميرال اللاعب اللاعبة لاعب المدرب مدرب النجم النجمة الفنان الفنانة المطرب المطربة
  المغني المغنية الشاعر الشاعرة الكاتب الكاتبة الروائي الروائية الصحفي الصحافي الصحفية الصحافية المحلل الباحث الباحثة
  الخبير الخبيرة المحامي المحامية القاضي القاضية المدعي الحاكم حاكم المحافظ محافظ عمدة العمدة البابا الإمام المرشد
  المفتي الحاخام الأب المطران البطريرك الكاردينال السيناتور المرشح المرشحة السيد السيدة الطبيب الطبيبة الممثل الممثلة
  المخرج المخرجة المؤسس الناشط الناشطة المعارض الجندي الرقيب ولي المسؤول المسؤولة مسؤول رئيسا وزيرا
  نظيره نظيرته نظيرها نظيرهم نظرائه زميله زميلته مواطنه النبي الرسول رسول الحاج الخليفة
  آية العميل العميلة المحقق المحققة المنسق المنسقة المفوض المفوضة الأسقف المراسل المراسلة النقيب الملازم المقدم
`);

/** Titles that are pronoun-bearing role mentions of the following name («نظيره ألكسندر لوكاشينكو»). */
export const COUNTERPART_WORDS = set('نظيره نظيرته نظيرها نظيرهم زميله زميلته');
/** «نظيره», «نظيرته الألمانية»: a stored role that stands for the counterpart's role (raw text, clitic allowed). */
export const COUNTERPART = /^(?:و|ل|ب)?(?:نظير|نظيرت|زميل|زميلت)(?:ه|ها|هم)(?:\s|$)/;

/** Heads of armed groups, currents and national teams: «جيش التحرير الوطني», «لواء الفجر», «منتخب تونس». */
const GROUP_HEADS = set('جيش فيلق لواء سرايا كتيبة تيار منتخب');

/** Heads of organization names: «وزارة الدفاع», «منظمة العفو الدولية», «وكالة «تاس»». */
export const ORG_HEADS = set(`${[...GROUP_HEADS].join(' ')}
  وزارة وكالة حزب حركة منظمة مجلس جامعة شركة هيئة لجنة مكتب صحيفة جريدة مجلة قناة شبكة موقع إذاعة
  نادي اتحاد جمعية مؤسسة بنك مصرف معهد محكمة تنظيم جماعة جبهة كتائب ائتلاف تحالف مفوضية
  رابطة دائرة مديرية برلمان صندوق منتدى فصيل أكاديمية كلية مستشفى مدرسة
`);

/** Heads that name a medium or a brand: a name in quotation marks after them is not a quotation. */
export const NAMING_HEADS = set(`
  وكالة وكالتي صحيفة جريدة مجلة قناة شبكة موقع إذاعة تلفزيون برنامج كتاب كتابه روايته رواية فيلم مسلسل أغنية ألبوم
  قصيدة عملية حملة مبادرة مشروع هاشتاق هاشتاغ وسم شعار تطبيق منصة حساب مؤتمر مهرجان جائزة مسابقة بطولة
  سورة حزب حركة تنظيم جماعة جبهة شركة منظمة مجموعة ائتلاف تحالف فرقة فريق نادي مسرحية معرض دورية صفحة مدونة
  عنوان عنوانه بعنوان باسم اسم يدعى تدعى المسمى المسماة المعروف المعروفة
`);

/** Definite heads that form an organization with a following adjective («التلفزيون الروسي الرسمي»). */
/** Definite heads of governments, teams and forces that a nationality names: «الحكومة البريطانية», «المنتخب المصري». */
export const DEFINITE_BODY_HEADS = set('الحكومة المنتخب الحرس');

export const DEFINITE_ORG_HEADS = set(
  `التلفزيون الجيش الشرطة الخارجية الداخلية الجمعية الوكالة الهيئة اللجنة ${[...DEFINITE_BODY_HEADS].join(' ')}`,
);

/** Adjectives that never start a name and are never a family name on their own. */
export const PLAIN_ADJECTIVES = set(`
  الرسمي الرسمية الدولي الدولية العام العامة الأعلى العليا الخاص الخاصة الوطني الوطنية الأول الأولى
  الإسلامي الإسلامية العربي العربية الاتحادي الاتحادية الخارجية الداخلية الأسبق السابق السابقة الحالي الحالية
  الجديد الجديدة الأمني الأمنية العسكري العسكرية السياسي السياسية الاقتصادي الاقتصادية التنفيذي التنفيذية
  الأممي الأممية الإقليمي الإقليمية المركزي المركزية الشعبي الشعبية الفيدرالي الفيدرالية المحلي المحلية
  الثوري الثورية المسلحة
`);

/** Reporting verbs and cues, without proclitics; feminine -ت forms are generated («بيّن» is left out: unvocalised it is «بين», between). */
const PAST = `قال أكد أضاف أوضح صرح أشار نفى حذر شدد تابع اعتبر وصف كتب غرد ذكر أفاد أعلن رأى لفت نوه طالب دعا
  أردف استطرد زاد اعترف أجاب أورد ختم عرض أعرب لاحظ قال أبلغ نقل روى وعد هدد أقر استنكر ندد رحب انتقد تساءل
  اتهم أوردت علق جادل أصر كرر ناشد طمأن توقع أبدى هتف تغنى سلط شرح يصف نشر دعت نفت رأت أدان حث دان اعتقد نصح`;
const PRESENT = `يقول تقول يضيف تضيف يؤكد تؤكد يوضح توضح يشير تشير يرى ترى يعتبر تعتبر يتابع تتابع يكتب تكتب يصف تصف
  يقولون يضيفون يؤكدون يحذر تحذر يشرح تشرح يتساءل يعتقد تعتقد ينصح تنصح يدين تدين`;
/** Past forms in PAST that are already feminine («دعت», «نفت»). */
const FEMININE_PAST = 'دعت نفت رأت أوردت';
const PARTICIPLES = `قائلا قائلة مضيفا مضيفة مشيرا مشيرة مؤكدا مؤكدة موضحا موضحة معتبرا معتبرة مشددا مشددة منددا
  مندد محذرا محذرة لافتا لافتة معلنا معلنة مطالبا مطالبة متابعا متابعة واصفا واصفة مستدركا مستدركة متسائلا
  متسائلة معربا معربة داعيا داعية مبينا مبينة منوها منوهة ملمحا مستطردا مردفا`;
const NOUNS = `بقوله بقولها قوله قولها بالقول قولهم بقولهم تصريحات تصريح تصريحه تصريحها بيان بيانها بيانه`;

function reportingVerbs(): Set<string> {
  const out = new Set<string>();
  for (const w of PAST.split(/\s+/).filter(Boolean)) {
    const n = normalize(w);
    out.add(n);
    if (!n.endsWith('ي') && !n.endsWith('ا') && !n.endsWith('ت')) out.add(`${n}ت`);
    out.add(`${n}وا`);
  }
  for (const w of `${PRESENT} ${PARTICIPLES} ${NOUNS}`.split(/\s+/).filter(Boolean)) out.add(normalize(w));
  return out;
}

/** Verbs and cues that introduce a quotation («وقال», «مضيفاً», «بقوله»). */
export const REPORTING = reportingVerbs();

/** Reporting cues by the gender of a singular subject: «قالت», «تقول», «مضيفة» / «قال», «يقول», «مضيفا». */
function cueGenders(): { feminine: Set<string>; masculine: Set<string> } {
  const feminine = set(FEMININE_PAST);
  const masculine = new Set<string>();
  for (const n of set(PAST)) {
    if (feminine.has(n)) continue;
    masculine.add(n);
    if (!n.endsWith('ي') && !n.endsWith('ا') && !n.endsWith('ت')) feminine.add(`${n}ت`);
  }
  for (const n of set(PRESENT)) {
    if (n.endsWith('ون')) continue;
    (n.startsWith('ت') ? feminine : masculine).add(n);
  }
  for (const n of set(PARTICIPLES)) (n.endsWith('ه') ? feminine : masculine).add(n);
  return { feminine, masculine };
}

export const CUE_GENDERS = cueGenders();

/** Cues that name the source after them: «بحسب X», «وفق X», «نقلا عن X». */
export const SOURCE_PREPOSITIONS = set('بحسب حسب وفق وفقا طبقا نقلا');

/** Words that open an anonymous source («مصدر مطلع», «مسؤول رفض الكشف عن اسمه»). */
export const ANONYMOUS_HEADS = set(`
  مصدر مصادر مسؤول مسؤولة مسؤولون مسؤولين المسؤولون المسؤولين شاهد شهود دبلوماسي دبلوماسيون دبلوماسيين
  خبير خبراء محللون محلل مراقبون ناشطون ناشط سكان مواطن مواطنون عضو متحدث ناطق مسعفون مصدرا مصدرٌ أحد
  باحث باحثة باحثون امرأة رجل شخص أحدهم
`);

/** Connectives that may sit between a verb and its clause («إن», «أن», «إلى أن», «على أن»). */
export const COMPLEMENTIZERS = set('إن أن إنه أنه إنها أنها إلى على بأن لأن فيه');

/** Sentence openers that announce the subject of the coming statement («بدوره،», «من جهته»). */
export const TURN_MARKERS = set('بدوره بدورها جهته جهتها جانبه جانبها');

/**
 * First words of the blessings written after a name or title («النبي صلى الله عليه وسلم», «رحمه الله»,
 * «رضي الله عنه», «عليه السلام»): they end the name and the role, and are never a name themselves.
 */
export const HONORIFIC_OPENERS = set('صلى رضي رحمه رحمها عليه عليها حفظه حفظها جل سبحانه تعالى');

/** Heads of place names («ولاية تكساس», «مدينة حلب»): never a given name before a family name. */
export const PLACE_HEADS = set('ولاية مدينة محافظة منطقة جزيرة إقليم بلدة قرية مقاطعة عاصمة حي مخيم ميناء مطار');

// ---- Speaker attribution: the words the quotation and speaker rules read (nlp/speaker-rules.ts). ----

/** «نقلت X عن Y»: a verb of passing on words, whose source follows «عن». */
export const PASS_ON_VERBS = set('نقل نقلت ونقل ونقلت نقلا');

/** «تحدث X عن ...»: a verb that introduces someone speaking without a quotation of its own. */
export const TALK_VERBS = set('تحدث تحدثت يتحدث تتحدث');

/** «وجاء في البيان», «وورد في البيان»: the contents of a document. */
export const CAME_VERBS = set('جاء وجاء ورد وورد فجاء');

/** «بيان», «بيانا», «البيان»: a written statement, whose owner speaks through it. */
export const STATEMENT_STEMS = set('بيان بيانا البيان');

/** «أما X فـ...»: the topic particle. */
export const AMMA = set('أما وأما');

/** «وصف X بـ«...»»: the verb of describing someone as something. */
export const DESCRIBE_VERBS = set('وصف وصفت وصفوا واصفا واصفة');

/** «نقلت الوكالة قول X»: nouns of speech after a verb of passing on. */
export const SPEECH_NOUNS = set('قول تصريحات تأكيد إعلان وصف');

/** «في بيان», «عبر تصريحات»: nouns of a statement that sit in a prepositional phrase of the verb. */
export const STATEMENT_NOUNS = set('بيان بيانه بيانها تصريح تصريحات تصريحه تصريحها رسالة تغريدة');

/** «كتبت عنها»: «about it», which makes a verb a relative clause rather than a report. */
export const ABOUT_IT = set('عنها عنه عنهم عنهما');

/** Prepositions that make a statement noun an adjunct of the verb before it. */
export const ADJUNCT_PREPOSITIONS = set('في عبر خلال');

/** A short marked span right after these names a place, platform or event («على «فيسبوك»»). */
export const SPAN_PREPOSITIONS = set('في على عبر إلى من عن مع ضد حول لدى بين بمحاربة لمحاربة');

/** Heads of a title in marks, besides the naming heads: «جوائز "..."», «صاحبة لقب «...»» («فئة» folds onto «فيه»). */
export const TERM_HEADS = set('جوائز لقب فعالية فعاليات قائمة');

/** «رفض ذكر اسمه», «طلب عدم الكشف عن هويته»: after these a verb of saying is a verbal noun inside an unnamed source. */
export const WITHHOLDING_WORDS = set('رفض رفضت رافضا طلب طلبت عدم');

/** «قال فيه», «قال فيها»: said in the speech or letter just named. */
export const IN_IT = set('فيه فيها');

/** «، الذي أكد»: relative pronouns whose clause is about the phrase before them. */
export const RELATIVE_PRONOUNS = set('الذي التي الذين');

/** «قوات X» where X names a side, not a body: «قوات النظام», «قوات الأمن», «قوات الاحتلال». */
export const FORCE_SIDES = set(`
  النظام المعارضة الحكومة الاحتلال الجيش الأمن الشرطة التحالف الشرعية المقاومة الحلفاء المخلوع الرئيس
  العدو الثوار الدولة المحور الموالية المرتزقة
`);

/** Definite heads of military units numbered by an ordinal: «الفرقة الرابعة», «الفيلق الخامس». */
export const NUMBERED_UNIT_HEADS = set('الفرقة الفيلق الكتيبة الأسطول');

/** Ordinals that number a unit, masculine and feminine. */
export const UNIT_ORDINALS = set(`
  الأول الأولى الثاني الثانية الثالث الثالثة الرابع الرابعة الخامس الخامسة السادس السادسة السابع السابعة
  الثامن الثامنة التاسع التاسعة العاشر العاشرة
`);

/**
 * Heads of state bodies that a nationality names: «البرلمان الإيراني», «السفارة الأمريكية»; with
 * the second list the head needs one word of kind before the nationality («النيابة العامة المصرية»,
 * «جهاز الأمن الروسي», «القوات المسلحة الأردنية»), as «القوات الروسية» alone names no body. «الأمن»
 * is no head: «الأمن القومي الأوكراني» is mostly the country's security, not a body.
 */
export const STATE_BODY_HEADS = set('البرلمان الرئاسة البحرية السفارة القنصلية الحزب الاتحاد');
export const STATE_BODY_KIND_HEADS = set('جهاز البنك المحكمة النيابة المفوضية القوات الهيئة المجلس المخابرات الاستخبارات');
/** Adjectives that make a side of a body's head: «القوات الحكومية السورية» is no body's name. */
export const SIDE_ADJECTIVES = set('الحكومية النظامية الموالية المعارضة');

/** Verbs of a match result: «فاز الهلال على النصر 2-1», «تعادل الفتح مع الخليج». */
export const RESULT_VERBS = set('فاز فازت تغلب تغلبت تعادل تعادلت خسر خسرت هزم هزمت');
/** The opponent's description between the preposition and the team: «على مضيفه الفيحاء». */
export const OPPONENT_WORDS = set('مضيفه ضيفه نظيره منافسه خصمه فريق نادي');
/** Words in a team's place that name none: «فاز الفريق على», «تعادل الأول أمام», «خسر الثلاثاء أمام». */
export const TEAM_DESCRIPTIONS = set(`
  الفريق المنتخب النادي الأول الأخير الثاني الضيوف الضيف المضيف اللقاء السلبي الزعيم العميد أصحاب الأرض
  الأبطال البطل الفائز المتصدر الوصيف اليوم أمس الليلة السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة
`);

/** Offices named by the place they govern: «أمانة منطقة الرياض», «بلدية الخبر», «إمارة منطقة مكة المكرمة». */
export const PLACE_OFFICE_HEADS = set('إمارة أمانة بلدية');

/** Definite heads of currents and blocs named by an adjective: «التيار الصدري», «التحالف الوطني» («الحزب/الحركة X» is often a description). */
export const PARTY_HEADS = set('التيار التحالف الائتلاف');
/**
 * Adjectives in -ي that rank a bloc, give its scope or its leaning rather than name it: «التحالف الحالي»,
 * «التحالف الدولي», «الائتلاف اليميني».
 */
export const RANKING_ADJECTIVES = set(`
  الحالي الحالية الرئيسي الرئيسية الأساسي الأساسية الثاني الثانية الحقيقي الحقيقية الفعلي الفعلية
  الثلاثي الثلاثية الرباعي الرباعية الثنائي الثنائية الحكومي الحكومية المحلي المحلية
  الدولي الدولية العالمي العالمية الإقليمي الإقليمية اليميني اليمينية اليساري اليسارية
`);

// ---- Precision: words that say a recognised span is no name (nlp/precision.ts). ----

/** Words for armed bands that name nobody without a name after them: «ميليشيات حزب الله» is the party's. */
export const BAND_WORDS = set('ميليشيا ميليشيات مليشيا مليشيات');

/** Heads of sporting events and festivals: a person's name right after one names the event («بطولة رولان غاروس»). */
export const EVENT_HEADS = set('بطولة بطولات مهرجان');

/** Adjectives of direction that follow a nationality («كوري جنوبي»), with and without «ال». */
export const DIRECTION_ADJECTIVES = set('شمالي جنوبي شرقي غربي الشمالي الجنوبي الشرقي الغربي شمالية جنوبية شرقية غربية');

/** Titles of royalty whose holder gives a facility its name («مستشفى الملك سالم», «طريق الأمير راشد»). */
export const ROYAL_TITLES = set('الملك الملكة الأمير الأميرة السلطان الشيخ');
/** Bodies named after a royal: the name is the body's («مستشفى الملك سالم التخصصي»). */
export const NAMED_BODY_HEADS = set('مستشفى مركز مؤسسة صندوق مكتبة دارة معهد كلية جامعة مدرسة');
/** Places named after a royal: the name is the place's («طريق الملك راشد», «مدينة الملك سالم»). */
export const NAMED_PLACE_HEADS = set('طريق شارع مدينة حديقة منتزه جسر نفق مطار ميناء ملعب قاعدة مسجد جامع حي ميدان');

/** «وأشارت العديد من وسائل الإعلام», «وقال بعض النواب»: a quantified group speaks as an unnamed source. */
export const QUANTIFIERS = set('العديد عدد بعض كثير معظم غالبية أغلب');

/** Bodies a definite common noun names without a name of their own: «وقالت الشرطة», «وتقول العائلة». */
export const UNNAMED_BODIES = set('الشرطة السلطات العائلة الأسرة الرئاسة النيابة الادعاء التقرير الدراسة البلدية الإدارة الحكومة');

/** Verbs and participles of naming: «ما عرف بـ«X»», «ما يسمى «X»», «الملقب بـ«X»» — the marks hold a name. */
export const NAMING_VERBS = set(`
  عرف يعرف تعرف عرفت المعروف المعروفة سمي يسمى تسمى سميت المسمى المسماة لقب يلقب تلقب لقبت الملقب الملقبة
  اشتهر يشتهر تشتهر اشتهرت يدعى تدعى
`);

/** Players' positions, titles of a person as «مدرب» is: «وقال مهاجم نادي X السابق». */
export const POSITION_WORDS = set('مهاجم المهاجم مدافع المدافع حارس الحارس');

/** «سأل X Y ... فأجاب»: a question asked of someone, and the verbs of the answer that follows it. */
export const ASK_VERBS = set('سأل سألت وسأل وسألت فسأل فسألت');
export const ANSWER_VERBS = set('أجاب أجابت رد ردت');

/** Nouns of a speech act whose agent follows them: «قول X إن», «تهديد X بـ«...»», «تصريحات X». */
export const SPEECH_ACT_NOUNS = set('قول تصريح تصريحات كلام تهديد تحذير دعوة وعد مطالبة إعلان');

/** Verbs of telling whose object is the listener: «أبلغ «الصحيفة» أن», «أخبر الوكالة». */
export const TELL_VERBS = set('أبلغ أبلغت أخبر أخبرت');

/** Documents whose contents «جاء فيه/فيها» quotes: the document speaks, not whoever cites or receives it. */
export const DOCUMENT_NOUNS = set('رسالة تغريدة تدوينة تقرير حديث كتاب منشور خطاب وثيقة مذكرة نص بلاغ تعميم قرار');

/** Participles of winning or holding that describe a person by a past feat: «اللاعب الفائز ببطولة ...». */
export const FEAT_WORDS = set('الفائز الفائزة الحائز الحائزة الحاصل الحاصلة المتوج المتوجة');

/** «السؤال», «التساؤل»: a question the writer poses, which a colon and marks may follow. */
export const QUESTION_NOUNS = set('السؤال التساؤل سؤال تساؤل');

/** «إذاعة تشاد الرسمية»: adjectives that agree with the head before a country, never part of its name. */
export const OFFICIAL_ADJECTIVES = set('الرسمية الرسمي الحكومية الحكومي');

/** «حركة الملاحة», «الحركة التجارية»: what «حركة» is the traffic or motion of, never a movement's name. */
export const TRAFFIC_WORDS = set(`الملاحة الرياح المرور النقل التجارة السير الطيران الشاحنات السفر الصفائح الأجسام السفن
  القطارات الحافلات المسافرين البضائع الأسواق التداول البيع الشراء الأموال الاستثمار الزوار العبور الملاحية المرورية
  التجارية السياحية الجوية الاقتصادية العمرانية الشرائية`);

/** Nouns of age in apposition after a name («مع سامر الكناني الشاب»), never the family name. */
export const AGE_NOUNS = set('الشاب الشابة الفتى الفتاة الطفل الطفلة الصبي الصبية المسن المسنة العجوز الرضيع الرضيعة');
