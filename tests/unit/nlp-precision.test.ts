// The precision layer: ordinary words that a name list or the tagger reads as names are not painted.
// Each rule of nlp/precision.ts has rows that it rejects and rows where the same word is a name.
import { describe, expect, it } from 'vitest';
import { loadAnalyzer } from '../../knowledge/recognizer';
import { createAnalyzer } from '../../nlp/analyze';
import { normalize } from '../../nlp/normalize';
import { PRECISION_RULES } from '../../nlp/precision';
import type { Analysis, Tagger } from '../../types/analysis';
import { fixedTagger, type TestFacts, testGazetteer } from './nlp-fixtures';

// Facts written for the test. «سعيدة» and «فيروس» are small towns from a long list (source 'small').
const FACTS: TestFacts = {
  entries: [
    ['l:mali', 'l', 'مالي', 'Mali', '', 't'],
    ['l:syria', 'l', 'سورية|سوريا', 'Syria', '', 't'],
    ['l:khobar', 'l', 'الخبر', 'Khobar', '', 't'],
    ['l:saida', 'l', 'سعيدة', 'Saida', '', 'small'],
    ['l:viru', 'l', 'فيروس', 'Viru', '', 'small'],
    ['l:yong', 'l', 'يونغ', 'Yong', '', 'small'],
    ['l:korea', 'l', 'كوريا', 'Korea', '', 't'],
    ['l:aude', 'l', 'أود', 'Aude', '', 'small'],
    ['l:ca', 'l', 'كاليفورنيا', 'California', '', 't'],
    ['p:nobel', 'p', 'ألفريد نوبل', 'Alfred Nobel', '', 't'],
  ],
  firstNames: ['طالب', 'سعيد', 'أشرف', 'محمد', 'سفيان', 'عمر'],
  nameTokens: ['الحربي', 'رمضان'],
  common: ['الجامعة', 'الحظ', 'قميص', 'شريك', 'أساسي', 'راي', 'إرهابية', 'عمد', 'ميداني', 'صيد', 'تنمية', 'ألمانية', 'لون'],
};
const index = testGazetteer(FACTS);

function actors(body: string, tagger: Tagger | null = null): string[] {
  const a: Analysis = createAnalyzer({ gazetteer: index, tagger })({ title: null, blocks: [body] });
  return a.actors.map((x) => `${x.type}:${x.name}`).sort();
}

describe('precision rules: a word is painted only with evidence that it is a name', () => {
  // rule → body → tagger tags (by word) → actors listed → why
  const rows: [string, string, Record<string, string>, string[], string][] = [
    [
      'calendar',
      'أعلنت الوزارة يوم الخميس أن الاجتماع تأجل إلى يناير.',
      { الخميس: 'B-PERS', يناير: 'B-LOC' },
      [],
      'negative: a day and a month are dates',
    ],
    ['calendar', 'وقال محمد رمضان إن الاجتماع تأجل.', {}, ['person:محمد رمضان'], 'a month name inside a full name stays part of it'],
    [
      'disease',
      'سجلت الولاية إصابات جديدة بفيروس كورونا.',
      { بفيروس: 'B-LOC', كورونا: 'I-LOC' },
      [],
      'negative: an illness is not a place',
    ],
    ['disease', 'انتشر فيروس جديد في المدينة.', {}, [], 'negative: «فيروس» is a small town in the lists, but here the word'],
    [
      'adjective-after-noun',
      'قال الرئيس المالي للشركة إن المعارضة السورية تلقت الدعم.',
      {},
      [],
      'negative: nationality-shaped adjectives agree with the noun before them',
    ],
    [
      'adjective-after-noun',
      'وصل الوفد إلى مالي ثم إلى سورية.',
      {},
      ['place:سورية', 'place:مالي'],
      'the same words without «ال» after «إلى» are the countries',
    ],
    [
      'title-only',
      'وقال آية الله في خطبته إن الوضع خطير.',
      { آية: 'B-PERS', الله: 'I-PERS' },
      [],
      'negative: a title alone is not the name it introduces',
    ],
    ['case-ending', 'وتفرض الأزمة نفسها بندًا على جدول الأعمال.', { بندًا: 'B-LOC' }, [], 'negative: tanween marks a common noun'],
    [
      'accusative-word',
      'وقال الشاهد إن السائق صدمه عمدا.',
      { عمدا: 'B-PERS' },
      [],
      'negative: an everyday word with the «ا» of the accusative',
    ],
    ['accusative-word', 'وتقدمت القوات ميدانيا.', { ميدانيا: 'B-LOC' }, [], 'negative: the adverb of an adjective is no place'],
    [
      'accusative-word',
      'ووصل الوفد إلى صيدا أمس.',
      { صيدا: 'B-LOC' },
      ['place:صيدا'],
      'a town whose name ends in «ا» after an everyday stem',
    ],
    [
      'accusative-word',
      'وقال الأستاذ سامي العقلا إن الحفل بدأ.',
      { سامي: 'B-PERS', العقلا: 'I-PERS' },
      ['person:سامي العقلا'],
      'a family name with «ال» ending in «ا» is no accusative',
    ],
    ['blessing', 'وكان في استقباله لدى وصوله - أيده الله - الأمراء.', { أيده: 'B-ORG', الله: 'I-ORG' }, [], 'negative: a blessing'],
    ['blessing', 'وأعلن حزب الله موقفه.', { حزب: 'B-ORG', الله: 'I-ORG' }, ['organization:حزب الله'], 'a name ending in «الله»'],
    [
      'calendar',
      'وأعلنت النتائج مفوضية الانتخابات ليل الجمعة.',
      { مفوضية: 'B-ORG', الانتخابات: 'I-ORG', ليل: 'I-ORG', الجمعة: 'I-ORG' },
      ['organization:مفوضية الانتخابات'],
      'a time and a day after a name are cut off, the name stays',
    ],
    ['letter-alone', 'وقال لي المدرب إن الفريق جاهز.', { لي: 'B-PERS' }, [], 'negative: «لي» is «to me»'],
    [
      'letter-alone',
      'وبثت شبكة "سي.بي.إس" المقابلة.',
      { سي: 'B-ORG', بي: 'B-ORG', إس: 'B-ORG' },
      [],
      'negative: letters spelled with dots are no names one by one',
    ],
    ['adjective-of-title', 'وقال الرئيس الكوري إن القمة ناجحة.', { الكوري: 'B-PERS' }, [], 'negative: the adjective of a title'],
    [
      'adjective-of-title',
      'وقال الرئيس الكوري سامي قداح إن القمة ناجحة.',
      { سامي: 'B-PERS', قداح: 'I-PERS' },
      ['person:سامي قداح'],
      'the name after the title and its adjective stays',
    ],
    ['particle-inside', 'قلنا: بلى يا صاحبي.', { بلى: 'B-PERS', يا: 'I-PERS' }, [], 'negative: a vocative is never part of a name'],
    [
      'ends-on-function-word',
      'وقالت منظمة إن التقرير صدر.',
      { منظمة: 'B-ORG', إن: 'I-ORG' },
      [],
      'negative: a head word and a particle name nothing',
    ],
    [
      'pronoun-suffix',
      'وكثف الرئيس ضغوطه على الحكومة.',
      {},
      [],
      'negative: an unknown word with an attached pronoun after a title is a noun',
    ],
    [
      'everyday-words',
      'وتفادى اللاعب قميص ناديين في موسم واحد.',
      {},
      [],
      'negative: after a title, everyday words (one with a plural ending) are no foreign name',
    ],
    [
      'everyday-words',
      'وأشاد الوزير بدوره كشريك أساسي.',
      { كشريك: 'B-PERS', أساسي: 'I-PERS' },
      [],
      'negative: a tagger person made of everyday words',
    ],
    [
      'everyday-words',
      'وقال وزير البحرية راي لامبرت إن السفن جاهزة.',
      {},
      ['person:راي لامبرت'],
      'a foreign family name the lists do not know keeps the pair',
    ],
    ['title-of-work', 'وفاز الكاتب بجائزة نوبل للآداب.', {}, [], 'negative: the name of a prize is not an actor'],
    ['title-of-work', 'كما ورد في سورة «لقمان» من القرآن.', { لقمان: 'B-PERS' }, [], 'negative: the name of a chapter is a title'],
    [
      'particle-inside',
      'وسيرد الله كيدهم والله المستعان.',
      { والله: 'B-ORG', المستعان: 'I-ORG' },
      [],
      'negative: the oath «والله» opens no name',
    ],
    [
      'named-after-event',
      'وتستعد المدينة لانطلاق بطولة سامي قداح للتنس.',
      { سامي: 'B-PERS', قداح: 'I-PERS' },
      [],
      'negative: a tournament named after a person is an event',
    ],
    [
      'named-after-event',
      'وفاز سامي قداح ببطولة الناشئين.',
      { سامي: 'B-PERS', قداح: 'I-PERS' },
      ['person:سامي قداح'],
      'the winner of a tournament is a person',
    ],
    ['head-only', 'واتهم البيان ميليشيات بقصف المدينة.', { ميليشيات: 'B-ORG' }, [], 'negative: a band without a name'],
    [
      'head-only',
      'وقاتلت ميليشيات جيش المهدي في المدينة.',
      { ميليشيات: 'B-ORG', جيش: 'I-ORG', المهدي: 'I-ORG' },
      ['organization:جيش المهدي'],
      'the name after the band is painted',
    ],
    [
      'indefinite-description',
      'وقالت شركة للبيع بالتجزئة إن الأسعار ارتفعت.',
      { شركة: 'B-ORG', للبيع: 'I-ORG' },
      [],
      'negative: «ل» with the article after a head without it says what a company does',
    ],
    [
      'indefinite-description',
      'وتعتبرها الحكومة منظمة إرهابية.',
      { منظمة: 'B-ORG', إرهابية: 'I-ORG' },
      [],
      'negative: an adjective without «ال» describes the body',
    ],
    [
      'indefinite-description',
      'وأعلن صندوق تنمية الموارد البشرية برنامجا جديدا.',
      { صندوق: 'B-ORG', تنمية: 'I-ORG', الموارد: 'I-ORG', البشرية: 'I-ORG' },
      ['organization:صندوق تنمية الموارد البشرية'],
      'a noun in «ية» before a definite word says what the body does: a name',
    ],
    [
      'indefinite-description',
      'كما ذكرت صحيفة ألمانية أن الاجتماع انتهى.',
      { ألمانية: 'B-ORG' },
      [],
      'negative: the head before the span, then an adjective',
    ],
    [
      'indefinite-description',
      'واكتست شركة باللون الأحمر.',
      { شركة: 'B-ORG', باللون: 'I-ORG', الأحمر: 'I-ORG' },
      [],
      'negative: «ب» with the article after a head says how the company looks',
    ],
    [
      'indefinite-description',
      'ودرس في جامعة كاليفورنيا.',
      { جامعة: 'B-ORG', كاليفورنيا: 'I-ORG' },
      ['organization:جامعة كاليفورنيا'],
      'a place name that begins like «ك» + «ال» is a name',
    ],
    [
      'indefinite-description',
      'وقالت شركة سوني إن الأسعار ارتفعت.',
      { شركة: 'B-ORG', سوني: 'I-ORG' },
      ['organization:شركة سوني'],
      'a name after the head, even one that ends like an adjective',
    ],
    [
      'origin-only',
      'وتزامن ذلك مع زيارة وفد كوري جنوبي للعاصمة.',
      { كوري: 'B-PERS', جنوبي: 'I-PERS' },
      [],
      'negative: an adjective of origin and one of direction describe the delegation',
    ],
    [
      'origin-only',
      'وقال الكوري سامي قداح إن الفريق جاهز.',
      { الكوري: 'B-PERS', سامي: 'I-PERS', قداح: 'I-PERS' },
      ['person:سامي قداح'],
      'before a name the adjective of origin is outside it, and the name stays',
    ],
    [
      'latin-term-in-quotes',
      'ويدعم الهاتف الجيل الرابع "LTE" بسرعة عالية.',
      { LTE: 'B-ORG' },
      [],
      'negative: a technique in Latin letters, in quotation marks after an everyday word',
    ],
    [
      'latin-term-in-quotes',
      'وقالت صحيفة "Publico" إن الهدف رائع.',
      { Publico: 'B-ORG' },
      ['organization:Publico'],
      'after «صحيفة» the Latin words in marks are the newspaper’s name',
    ],
    ['ambiguous-place-word', 'نشر الخبر في الصحف وتلقى دعما ماليا.', {}, [], 'negative: «الخبر» is the news here'],
    ['ambiguous-place-word', 'سافر الوفد إلى الخبر ثم عاد.', {}, ['place:الخبر'], 'after «إلى» it is the city'],
    [
      'town-after-person',
      'وقال المستشار تشونغ أوي يونغ إن اللقاء قريب.',
      { تشونغ: 'B-PERS', أوي: 'I-PERS' },
      ['person:تشونغ أوي'],
      'negative: a small town’s name right after a person’s name ends that name',
    ],
    ['town-after-person', 'وزار الوفد يونغ أمس.', {}, ['place:يونغ'], 'after anything else the small town is a place'],
    ['latin-run', 'ونشرت الصورة (AFP PHOTO / AARON SMITH) مع الخبر.', {}, [], 'negative: capitals of a photo credit'],
    [
      'latin-run',
      'وبثت قناة CNN وTRT التقرير.',
      {},
      ['organization:CNN', 'organization:TRT'],
      'acronyms joined by an Arabic «و» are a list of outlets',
    ],
    ['town-before-an', 'وقال المدرب إنني أود أن أشكر الجماهير.', {}, [], 'negative: «أود أن» is «I would like to»'],
    ['town-before-an', 'ووصل الوفد إلى أود أمس.', {}, ['place:أود'], 'after «إلى» the small town is a place'],
    ['minor-place-in-prose', 'قالت إنها سعيدة للغاية بالنتيجة.', {}, [], 'negative: a feminine adjective that a small town is also called'],
    ['minor-place-in-prose', 'وصل الجيش إلى سعيدة فجرا.', {}, ['place:سعيدة'], 'after «إلى» the small town is a place'],
    ['age-formula', 'وتوفي الفنان عن عمر ناهز 80 عاما.', { عمر: 'B-PERS', ناهز: 'I-PERS' }, [], 'negative: «عمر» is «age» in the formula'],
    [
      'age-formula',
      'وتحدث الوزير عن عمر الحربي طويلا.',
      {},
      ['person:عمر الحربي'],
      'after «عن» a given name and a family name are a person',
    ],
    [
      'kind-of-site',
      'ونشر الفيديو على موقع التواصل الاجتماعي تويتر.',
      { التواصل: 'B-ORG', الاجتماعي: 'I-ORG', تويتر: 'B-ORG' },
      ['organization:تويتر'],
      'negative: «التواصل الاجتماعي» says the kind of site; its name follows',
    ],
    [
      'kind-of-site',
      'ونقل موقع التضامن السوري أن الاجتماع انتهى.',
      { التضامن: 'B-ORG', السوري: 'I-ORG' },
      ['organization:التضامن السوري'],
      'with an adjective of a country the words are the site’s name',
    ],
    [
      'bare-given-name',
      'وقال طالب في الجامعة إن سعيد الحظ من ينجح، وأشرف المدير على الامتحان.',
      { سعيد: 'B-PERS' },
      [],
      'negative: given names that are everyday words, alone and once',
    ],
    [
      'bare-given-name',
      'وقال سعيد الحربي إن الخطة جاهزة، وأضاف سعيد أنها تبدأ غدا.',
      { سعيد: 'B-PERS' },
      ['person:سعيد الحربي'],
      'the article names him in full, so the given name alone is the same man',
    ],
  ];
  for (const [rule, body, tags, expected, why] of rows) {
    it(`${rule}: ${why}`, () => {
      expect(PRECISION_RULES.some((r) => r.name === rule)).toBe(true);
      expect(actors(body, fixedTagger(tags, 5))).toEqual(expected);
    });
  }
});

describe('the words a new reader saw painted, with the bundled lists', () => {
  // body → words that must not be any actor's mention → why
  const rows: [string, string[], string][] = [
    ['أعلنت وزارة الصحة يوم الخميس تسجيل إصابات جديدة بفيروس كورونا.', ['الخميس', 'فيروس', 'كورونا'], 'a day and an illness'],
    [
      'انتشر فيروس جديد بعد أن نشر الخبر في الصحف عن الدعم المالي.',
      ['فيروس', 'الخبر', 'المالي', 'مالي'],
      'everyday words that are also places',
    ],
    [
      'وأدان الرئيس العمل الإرهابي، وقالت الصحيفة إن التحقيق مستمر.',
      ['العمل', 'الإرهابي', 'الصحيفة'],
      'a description and a bare head word',
    ],
    ['وقال طالب في الجامعة إن سعيد الحظ من ينجح، وأشرف المدير على الامتحان.', ['طالب', 'سعيد', 'أشرف'], 'given names used as words'],
    ['وقالت منظمة إن الأوضاع تتدهور.', ['منظمة'], 'a head word without a name'],
    [
      'وقال مسؤول الطوارئ لدى هيومن رايتس ووتش إن القصف عشوائي.',
      ['دى'],
      '«لدى» is a preposition, not «ل» before a name (rule function-word)',
    ],

    [
      'وصل الرئيس الروسي فلاديمير بوتين إلى المدينة. ودان بوتين الهجوم على الحافلة.',
      ['دان'],
      '«ودان» is «and condemned» opening a sentence, though «دان» is a given name and «ودان» a town',
    ],
  ];
  it.each(rows)('%s', async (body, words) => {
    const analyze = await loadAnalyzer();
    const a = analyze({ title: null, blocks: [body] });
    const painted = a.actors.flatMap((x) => x.mentions.map((m) => m.text));
    for (const w of words) expect(painted.filter((p) => p.includes(w))).toEqual([]);
  });
});

describe('organizations and people the rules read as constructions', () => {
  // body → actors listed (type:name) → why
  const rows: [string, string[], string][] = [
    ['وبثت قناة CNN وTRT التقرير.', ['organization:CNN', 'organization:TRT'], 'Latin capitals inside Arabic text name outlets'],
    ['وبلغ حجم الـGDP رقما قياسيا ببث TV.', [], 'negative: units and formats in Latin capitals are not bodies'],
    [
      'وقالت الحكومة البريطانية إن المنتخب المصري سيلعب.',
      ['organization:الحكومة البريطانية', 'organization:المنتخب المصري'],
      'a government or team head with a nationality adjective is a body',
    ],
    ['وقالت الحكومة الحالية إن الوضع صعب.', [], 'negative: without a nationality the government is a description'],
    [
      'وقاتل جيش التحرير الفلسطيني ولواء أحرار الشام في المنطقة.',
      ['organization:جيش التحرير الفلسطيني', 'organization:لواء أحرار الشام'],
      'armed groups after «جيش/لواء»; «لواء» without «ال» is a brigade, not a general',
    ],
    [
      'وقال رئيس بلدية صيدا محمد الحربي إن الأزمة مستمرة.',
      ['person:محمد الحربي'],
      'after a construct role an unknown word before a given name is the role’s place',
    ],
    [
      'ويرى الخبير محمد الحربي على الرغم من ذلك أن الحل ممكن.',
      ['person:محمد الحربي'],
      'negative: «على» written with «ى» is the preposition, not «علي»',
    ],
    [
      'وقالت شركة أرامكو لتكرير النفط إن الإنتاج ارتفع.',
      ['organization:شركة أرامكو لتكرير النفط'],
      '«ل» + a noun + a definite word says what the body does',
    ],
    [
      'وأعلنت وزارة الصحة لسكان المدينة أن اللقاح متوفر.',
      ['organization:وزارة الصحة'],
      'negative: «ل» + an everyday noun is whom the body addresses',
    ],
    [
      'وقالت الدكتورة نورة بنت عبدالله آل الشيخ إن التقرير صدر.',
      ['person:نورة بنت عبدالله آل الشيخ'],
      '«آل» and the family’s house close the name, even a title-like word',
    ],
    ['وقال الوزير جان-إيف روسلر إن الاتفاق قريب.', ['person:جان-إيف روسلر'], 'a hyphen keeps a compound given name whole'],
    ['وساد الصمت في القاعة.', [], 'negative: «س» glued to a word is the future prefix of a verb, never before a given name'],
    ['وقال الملك عبدالله الثاني إن الحل قريب.', ['person:عبدالله الثاني'], 'a ruler’s regnal number belongs to his name'],
    ['وزار البابا بنديكت السادس عشر المدينة.', ['person:البابا بنديكت السادس عشر'], 'a two-word regnal number too'],
    [
      'وقال اللاعب محمد الثاني في الترتيب إن السباق صعب.',
      ['person:محمد'],
      'negative: after a title that is not a ruler’s, an ordinal is no regnal number',
    ],
    [
      'ويقول المحلل عبد الناصر الراعي إن الوضع صعب.',
      ['person:عبد الناصر الراعي'],
      'after a compound given name a definite word is the family name',
    ],
    ['وأصر الرئيس بيرنار بيزيمانا على الترشح.', ['person:بيرنار بيزيمانا'], 'a long transliterated family name is not a verb'],
  ];
  const analyzeEmpty = createAnalyzer({
    gazetteer: testGazetteer({
      entries: [
        ['l:eg', 'l', 'مصر', 'Egypt', '', 't'],
        ['l:gb', 'l', 'بريطانيا', 'Britain', '', 't'],
        ['l:ps', 'l', 'فلسطين', 'Palestine', '', 't'],
        ['l:sham', 'l', 'الشام', 'Levant', '', 't'],
      ],
      firstNames: ['محمد', 'عبدالله', 'اد', 'علي', 'نورة', 'جان'],
      nameTokens: ['أرامكو'],
      common: ['الراعي', 'الترتيب', 'بلدية', 'سكان', 'تكرير'],
    }),
  });
  it.each(rows)('%s', (body, expected) => {
    const a = analyzeEmpty({ title: null, blocks: [body] });
    expect(
      a.actors
        .filter((x) => x.type !== 'place')
        .map((x) => `${x.type}:${x.name}`)
        .sort(),
    ).toEqual(expected);
  });
});

describe('one actor per person or place, whatever is glued to the name', () => {
  const facts: TestFacts = {
    entries: [['p:macron', 'p', 'ماتيو بروتو', 'Emmanuel Macron', '', 't']],
    firstNames: ['إياد', 'وليد', 'فيلاني', 'توفيق', 'باسم'],
    nameTokens: ['الزهاوي', 'الزهاوي', 'مبولو', 'ماكاري', 'المعلم', 'فرحات'],
  };
  // body → tags the tagger gives → persons listed → why
  const rows: [string, Record<string, string>, string[], string][] = [
    [
      'وقال وإياد الزهاوي إن الاتفاق قريب.',
      { وإياد: 'B-PERS', الزهاوي: 'I-PERS' },
      ['إياد الزهاوي'],
      'a conjunction glued to a given name is outside the name',
    ],
    [
      'والتقى ماتيو بروتو بالمهاجم مبولو وفيلاني ماكاري.',
      { مبولو: 'B-PERS', وفيلاني: 'I-PERS', ماكاري: 'I-PERS' },
      ['ماتيو بروتو', 'مبولو', 'فيلاني ماكاري'],
      '«و» glued to a second name ends the first one',
    ],
    [
      'وقال وليد المعلم إن الحل قريب.',
      { وليد: 'B-PERS', المعلم: 'I-PERS' },
      ['وليد المعلم'],
      'negative: a given name that starts with «و» is whole',
    ],
    [
      'ووضعت الحكومة اسم فرحات على القائمة، ثم قبضت على وليد فرحات.',
      { اسم: 'B-PERS', فرحات: 'I-PERS' },
      ['وليد فرحات'],
      'the noun «name» before a family name is outside it, so the family name joins the person',
    ],
    [
      'وقال باسم فرحات إن الحل قريب.',
      { باسم: 'B-PERS', فرحات: 'I-PERS' },
      ['باسم فرحات'],
      'negative: «باسم» is a given name, not «ب» + «اسم»',
    ],
    [
      'وصل توفيق بن فرحات أمس.',
      { توفيق: 'B-PERS', بن: 'I-PERS', فرحات: 'I-PERS' },
      ['توفيق بن فرحات'],
      'negative: after «بن» a name is never cut',
    ],
  ];
  it.each(rows)('%s', (body, tags, expected) => {
    const a = createAnalyzer({ gazetteer: testGazetteer(facts), tagger: fixedTagger(tags, 5) })({ title: null, blocks: [body] });
    expect(
      a.actors
        .filter((x) => x.type === 'person')
        .map((x) => x.name)
        .sort(),
    ).toEqual(expected.sort());
  });
  it('a nationality before a name the tagger read is outside it, and the spelling variants are one person', () => {
    const gazetteer = testGazetteer({ ...facts, entries: [['l:ng', 'l', 'نيجيريا', 'Nigeria', '', 't']] });
    const tagger = fixedTagger({ النيجيري: 'B-PERS', أديبايو: 'I-PERS', بيتر: 'B-PERS' }, 5);
    const a = createAnalyzer({ gazetteer, tagger })({
      title: null,
      blocks: ['وسجل بيتر أديبايو هدفا، ثم قال النيجيري أديبايو إنه سعيد.'],
    });
    expect(a.actors.filter((x) => x.type === 'person').map((x) => [x.name, x.mentions.map((m) => m.text)])).toEqual([
      ['بيتر أديبايو', ['بيتر أديبايو', 'أديبايو']],
    ]);
  });
  it('a body named with and without «ال» is one actor', () => {
    const tagger = fixedTagger({ الكونغرس: 'B-ORG', كونغرس: 'B-ORG' }, 5);
    const a = createAnalyzer({ gazetteer: testGazetteer(facts), tagger })({
      title: null,
      blocks: ['وصوت الكونغرس على القانون. وفي كونغرس الولاية نقاش.'],
    });
    expect(a.actors.map((x) => x.name)).toEqual(['الكونغرس']);
  });
  it('a place written with «ب» glued on and without it is one actor, even when read once as a body', () => {
    const tagger = fixedTagger({ بخراسان: 'B-LOC', خراسان: 'B-LOC', شاتانوغا: 'B-ORG', بشاتانوغا: 'B-LOC' }, 5);
    const a = createAnalyzer({ gazetteer: testGazetteer(facts), tagger })({
      title: null,
      blocks: ['عاش الشعراء بخراسان قرونا. وكانت خراسان واسعة.', 'وصدرت صحف شاتانوغا، ثم عاد إلى شاتانوغا أمس.'],
    });
    expect(a.actors.map((x) => x.name).sort()).toEqual(['خراسان', 'شاتانوغا']);
  });
});

describe('a place after a place head', () => {
  it('stays a place even when it is also a given name and a name word follows', () => {
    const gazetteer = testGazetteer({ entries: [['l:nawal', 'l', 'نوال', 'Nawal', '', 't']], firstNames: ['نوال'], nameTokens: ['رفعت'] });
    const a = createAnalyzer({ gazetteer })({ title: null, blocks: ['وفي منطقة نوال رفعت المستشفيات جاهزيتها.'] });
    expect(a.actors.map((x) => `${x.type}:${x.name}`)).toEqual(['place:نوال']);
  });
});

describe('lone words only the tagger reads as names', () => {
  const gazetteer = testGazetteer({ entries: [] });
  const places = (body: string, word: string, margin: number) =>
    createAnalyzer({ gazetteer, tagger: fixedTagger({ [word]: 'B-LOC' }, margin) })({ title: null, blocks: [body] }).actors.map(
      (x) => x.name,
    );
  it('a word with a preposition and the article glued on needs a sure tagger', () => {
    expect(places('فلا يمكن الحكم على المدينة بالسقوط بعد.', 'بالسقوط', 1)).toEqual([]);
    expect(places('وصل الوفد بالقلمون أمس.', 'بالقلمون', 2)).toHaveLength(1);
  });
  it('a bare unlisted word keeps the usual threshold', () => {
    expect(places('وصل الوفد إلى عرسال أمس.', 'عرسال', 1)).toEqual(['عرسال']);
  });
});

describe('a person span is cut back to its name words where the corpus reads the rest as everyday', () => {
  // What the unlabelled corpus would say of an everyday noun: often with «ال» toggled, never after a title or a reporting verb.
  const everyday = { afterTitle: 0, afterReport: 0, frequency: 4, otherDefiniteness: 4 };
  const corpusTagger = (tags: Record<string, string>, words: string[]): Tagger => ({
    ...fixedTagger(tags, 5),
    corpusStats: (w) => (words.some((x) => normalize(x) === w) ? everyday : null),
  });
  const gazetteer = testGazetteer({ entries: [], firstNames: ['سامي', 'حرب', 'جمال'], nameTokens: ['قداح'] });
  // body → tagger tags → words the corpus calls everyday → persons listed → why
  const rows: [string, Record<string, string>, string[], string[], string][] = [
    [
      'وتفقد سامي قداح القوات المرابطة على الحدود.',
      { سامي: 'B-PERS', قداح: 'I-PERS', القوات: 'I-PERS' },
      [],
      ['سامي قداح'],
      'a definite head of a body («القوات», «الوزارة», «المدن») opens the object: no name holds one',
    ],
    [
      'ولا يتناول سامي قداح المشروبات الغازية.',
      { سامي: 'B-PERS', قداح: 'I-PERS', المشروبات: 'I-PERS' },
      ['المشروبات'],
      ['سامي قداح'],
      'a definite everyday noun after the name is outside it',
    ],
    [
      'وتتواصل حرب الرواتب بين الأندية.',
      { حرب: 'B-PERS', الرواتب: 'I-PERS' },
      ['الرواتب'],
      [],
      'negative: cut back to a given name alone, which names nobody',
    ],
    [
      'وانتقلت العدوى عن طريق جمال مصابة.',
      { جمال: 'B-PERS', مصابة: 'I-PERS' },
      ['مصابة'],
      [],
      'negative: a feminine everyday adjective after a given name, which alone names nobody',
    ],
    [
      'واعترف المرشح بهزيمة سامي قداح.',
      { بهزيمة: 'B-PERS', سامي: 'I-PERS', قداح: 'I-PERS' },
      ['هزيمة'],
      ['سامي قداح'],
      'a noun with a preposition glued on before the name is outside it',
    ],
    [
      'وقال سامي الحلبي إن الخطة جاهزة.',
      { سامي: 'B-PERS', الحلبي: 'I-PERS' },
      ['الحلبي'],
      ['سامي الحلبي'],
      'an adjective of origin is a family name as often as not: kept',
    ],
    [
      'وسجل هدف الفوز وست هام.',
      { وست: 'B-PERS', هام: 'I-PERS' },
      ['هام'],
      ['وست هام'],
      'a word without «ال» inside a foreign name is kept',
    ],
  ];
  it.each(rows)('%s', (body, tags, words, expected) => {
    const a = createAnalyzer({ gazetteer, tagger: corpusTagger(tags, words) })({ title: null, blocks: [body] });
    expect(a.actors.filter((x) => x.type === 'person').map((x) => x.name)).toEqual(expected);
  });
  it('keeps a rare word: a family name can be an everyday word seldom written', () => {
    const tagger: Tagger = {
      ...fixedTagger({ سامي: 'B-PERS', الجديع: 'I-PERS' }, 5),
      corpusStats: (w) => (w === normalize('الجديع') ? { ...everyday, frequency: 2 } : null),
    };
    const a = createAnalyzer({ gazetteer, tagger })({ title: null, blocks: ['وحضر الحفل سامي الجديع.'] });
    expect(a.actors.map((x) => x.name)).toEqual(['سامي الجديع']);
  });
});

describe('a small town or body named like a person of the article is that person', () => {
  const gazetteer = testGazetteer({ entries: [['l:bolton', 'l', 'بولتون', 'Bolton', '', 'small']], nameTokens: ['بولتون'] });
  const tagger = fixedTagger({ ريكس: 'B-PERS', بولتون: 'I-PERS' }, 5);
  const read = (body: string) =>
    createAnalyzer({ gazetteer, tagger })({ title: null, blocks: [body] }).actors.map(
      (x) => `${x.type}:${x.mentions.map((m) => m.text).join('/')}`,
    );
  it('is one person with the full name', () => {
    expect(read('وقال ريكس بولتون إن القرار نهائي. وأضاف بولتون أن الاتفاق انتهى.')).toEqual(['person:ريكس بولتون/بولتون']);
  });
  it('is the person after «من», which stands before people too', () => {
    expect(read('وقال ريكس بولتون إن القرار نهائي. وتحدث كل من بولتون عن الاتفاق.')).toEqual(['person:ريكس بولتون/بولتون']);
  });
  it('stays a place when the person’s span holds it in the middle', () => {
    const tags = { ريكس: 'B-PERS', بولتون: 'I-PERS', قداح: 'I-PERS' };
    const a = createAnalyzer({ gazetteer, tagger: fixedTagger(tags, 5) })({
      title: null,
      blocks: ['وقال ريكس بولتون قداح إن القرار نهائي. وزار الوفد بولتون أمس.'],
    });
    expect(a.actors.map((x) => `${x.type}:${x.name}`).sort()).toEqual(['person:ريكس بولتون قداح', 'place:بولتون']);
  });
  it('stays a place after a preposition of place', () => {
    expect(read('وقال ريكس بولتون إن القرار نهائي، ثم سافر إلى بولتون.').sort()).toEqual(['person:ريكس بولتون', 'place:بولتون']);
  });
});

describe('a name right after a place head is a place', () => {
  const gazetteer = testGazetteer({ entries: [], nameTokens: ['هاردينغ'] });
  const types = (body: string, tags: Record<string, string>) =>
    createAnalyzer({ gazetteer, tagger: fixedTagger(tags, 5) })({ title: null, blocks: [body] }).actors.map((x) => `${x.type}:${x.name}`);
  it('whatever type the tagger gave it', () => {
    expect(types('وقتل جنديان في ولاية تيرس الزمور شمال البلاد.', { تيرس: 'B-PERS', الزمور: 'I-PERS' })).toEqual(['place:تيرس الزمور']);
  });
  it('not a person’s term of office after «ولاية»', () => {
    expect(types('وتراجع الاقتصاد خلال ولاية هاردينغ الثانية.', { هاردينغ: 'B-PERS' })).toEqual(['person:هاردينغ']);
  });
});

describe('a royal’s name after a facility names the facility', () => {
  const gazetteer = testGazetteer({ entries: [], firstNames: ['فيصل', 'عبدالله'] });
  const read = (body: string, tags: Record<string, string> = {}) =>
    createAnalyzer({ gazetteer, tagger: fixedTagger(tags, 5) })({ title: null, blocks: [body] }).actors.map((x) => `${x.type}:${x.name}`);
  it('a hospital is a body and a road a place, not the king', () => {
    expect(read('ونقل المصاب إلى مستشفى الملك فيصل، ثم أغلق طريق الملك عبدالله.').sort()).toEqual([
      'organization:مستشفى الملك فيصل',
      'place:طريق الملك عبدالله',
    ]);
  });
  it('the clitics glued to the facility stay outside its name', () => {
    expect(read('وعمل بمستشفى الملك فيصل سنوات.')).toEqual(['organization:مستشفى الملك فيصل']);
  });
  it('the king himself stays a person', () => {
    expect(read('واستقبل الملك عبدالله في قصره الوفد.')).toEqual(['person:عبدالله']);
  });
});
