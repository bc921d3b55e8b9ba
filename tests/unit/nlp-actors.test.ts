// Actors and speakers from a small hand-written gazetteer, so every row shows one rule at work.
import { describe, expect, it } from 'vitest';
import { loadAnalyzer } from '../../knowledge/recognizer';
import { createAnalyzer } from '../../nlp/analyze';
import { matchGazetteer } from '../../nlp/gazetteer';
import { normalize, skeleton } from '../../nlp/normalize';
import { cliticReadings, tokenize } from '../../nlp/tokenize';
import type { Analysis } from '../../types/analysis';
import { fixedTagger, type TestFacts, testGazetteer } from './nlp-fixtures';

const FACTS: TestFacts = {
  entries: [
    ['p:putin', 'p', 'فلاديمير بوتين', 'Vladimir Putin', '', 't'],
    ['p:trump', 'p', 'دونالد ترامب', 'Donald Trump', '', 't'],
    ['o:kremlin', 'o', 'الكرملين', 'Kremlin', '', 't'],
    ['o:un', 'o', 'الأمم المتحدة', 'United Nations', '', 't'],
    ['o:reuters', 'o', 'رويترز|وكالة رويترز', 'Reuters', '', 't'],
    ['l:RU', 'l', 'روسيا', 'Russia', '', 't'],
    ['l:BY', 'l', 'بيلاروسيا|بيلاروس', 'Belarus', '', 't'],
    ['l:moscow', 'l', 'موسكو', 'Moscow', '', 't'],
    ['l:lara', 'l', 'لارا', 'Lara', '', 'small'],
    ['l:IQ', 'l', 'العراق', 'Iraq', '', 't'],
    ['l:KW', 'l', 'الكويت', 'Kuwait', '', 't'],
    ['l:dorval', 'l', 'دورفال', 'Dorval', '', 'small'],
    ['l:salma', 'l', 'سلمى', 'Salma', '', 'small'],
    ['l:SA', 'l', 'السعودية|المملكة العربية السعودية', 'Saudi Arabia', '', 't'],
    ['l:GB', 'l', 'المملكة المتحدة|بريطانيا', 'United Kingdom', '', 't'],
  ],
  firstNames: ['فلاديمير', 'دونالد', 'ماريا', 'سيرجي', 'خالد', 'كريم', 'نوال', 'كارلو', 'مولود', 'جوليان', 'سلمى', 'أوسكار'],
  nameTokens: ['كلارا', 'بيرتولدي', 'لافروف', 'دورفال'],
  common: ['قال', 'الروسي', 'مساء', 'أمس', 'قصيدة', 'جديدة', 'حفلا', 'رسالة', 'طويلة', 'مولود'],
};
const index = testGazetteer(FACTS);
const analyze = createAnalyzer({ gazetteer: index });

function run(body: string): Analysis {
  return analyze({ title: null, blocks: [body] });
}

function actorOf(a: Analysis, form: string) {
  return a.actors.find((x) => x.mentions.some((m) => m.text === form));
}

describe('normalisation helpers behind matching', () => {
  const rows: [string, string, string][] = [
    ['لوكاشينكو', 'لوكاشنكو', 'a dropped long vowel is the same foreign name'],
    ['ترامب', 'ترمب', 'ترامب and ترمب are one spelling family'],
    ['شويغو', 'شويجو', 'غ and ج both write /g/'],
  ];
  it.each(rows)('%s ~ %s', (a, b) => {
    expect(skeleton(normalize(a))).toBe(skeleton(normalize(b)));
  });
  it('keeps different names apart (negative row)', () => {
    expect(skeleton(normalize('بوتين'))).not.toBe(skeleton(normalize('بايدن')));
  });
  it('reads proclitics and the article off a word', () => {
    expect(cliticReadings(normalize('وبالكرملين')).map((r) => r.stem)).toContain('الكرملين');
    expect(cliticReadings(normalize('للرئيس')).map((r) => r.stem)).toContain(normalize('الرئيس'));
  });
});

describe('gazetteer matching over clitic-stripped tokens', () => {
  const rows: [string, string[], string][] = [
    ['زيارة لبوتين إلى موسكو', ['بوتين', 'موسكو'], 'ل is stripped; the mention starts at the name'],
    ['بحث في الكرملين وبالكرملين', ['الكرملين', 'الكرملين'], 'و + ب + the article'],
    ['مندوب للأمم المتحدة', ['للأمم المتحدة'], 'ل + ال with the alef dropped keeps the whole token'],
    ['الجيش الروسي في المنطقة', [], 'negative: the adjective الروسي is not روسيا'],
    ['قالت كلارا إنها وصلت', [], 'negative: a known name word is not ك + the town لارا'],
  ];
  it.each(rows)('%s', (text, expected) => {
    const found = matchGazetteer(text, tokenize(text), index).map((m) => text.slice(m.start, m.end));
    expect(found).toEqual(expected);
  });
});

describe('actors: one actor per real-world actor, with the right type', () => {
  const rows: [string, string, string, string, string][] = [
    [
      'التقى الرئيس فلاديمير بوتين في موسكو. وقال بوتين إن الزيارة مهمة.',
      'بوتين',
      'person',
      'فلاديمير بوتين',
      'a surname joins the full name',
    ],
    ['زار بيلاروسيا أمس، وتقول بيلاروس إن الزيارة ناجحة.', 'بيلاروس', 'place', 'بيلاروسيا', 'two spellings, one country'],
    ['قال وزير الخارجية سيرجي لافروف إن الأمر انتهى.', 'سيرجي لافروف', 'person', 'سيرجي لافروف', 'a name after a title'],
    [
      'وأعلنت وزارة الدفاع الروسية انتهاء المناورات.',
      'وزارة الدفاع الروسية',
      'organization',
      'وزارة الدفاع الروسية',
      'an organization head with its tail',
    ],
    ['وقالت كلارا بيرتولدي إن الفريق وصل.', 'كلارا بيرتولدي', 'person', 'كلارا بيرتولدي', 'an unknown name after a reporting verb'],
    [
      'قال دونالد ترامب إن الاتفاق قريب. وكتب ترمب أن الحرب ستنتهي.',
      'ترمب',
      'person',
      'دونالد ترامب',
      'a transliteration variant of the surname',
    ],
    [
      'وغنى كريم العراقي قصيدة جديدة.',
      'كريم العراقي',
      'person',
      'كريم العراقي',
      'a place adjective after a lone given name is a family name',
    ],
    ['وأحيت نوال الكويتية حفلا.', 'نوال الكويتية', 'person', 'نوال الكويتية', 'the same with the feminine adjective'],
    [
      'قال فلاديمير بوتين الروسي إن الأمر انتهى.',
      'فلاديمير بوتين',
      'person',
      'فلاديمير بوتين',
      'negative: after a full name the adjective stays outside the name',
    ],
    [
      'وكتب كارلو ماريا فيغانو رسالة طويلة.',
      'كارلو ماريا فيغانو',
      'person',
      'كارلو ماريا فيغانو',
      'a foreign surname that starts with ف is not the conjunction',
    ],
    [
      'وقال وزير الخارجية التركي مولود تشاوش اوغلو إن بلاده مستعدة.',
      'مولود تشاوش اوغلو',
      'person',
      'مولود تشاوش اوغلو',
      'a given name that is also an everyday word opens a name after a title; «تش» after it is no verb prefix',
    ],
    ['وقال البابا فرنسيس إن الكنيسة تتغير.', 'البابا فرنسيس', 'person', 'البابا فرنسيس', 'a pope’s title is part of his name'],
    [
      'وقال جوليان دورفال إن الاتفاق قريب. وأضاف دورفال أن الحرب ستنتهي.',
      'دورفال',
      'person',
      'جوليان دورفال',
      'a later family name alone that the lists know only as a small place is the person named in full',
    ],
    [
      'وغنت سلمى قداح أمس. وقالت المغنية سلمى إن الحفل ناجح.',
      'سلمى',
      'person',
      'سلمى قداح',
      'a given name alone that is also a small place is the one person named in full with it',
    ],
    [
      'وزار كريم بيلاروسيا أمس، ثم عاد إلى بيلاروسيا.',
      'بيلاروسيا',
      'place',
      'بيلاروسيا',
      'negative: a well-known place stays a place beside a name that ends with it',
    ],
    [
      'وغنى كريم الحمداني أمس، وشكر كريم الحدماني الجمهور.',
      'كريم الحدماني',
      'person',
      'كريم الحمداني',
      'two neighbouring letters swapped in a family name are a slip: one person',
    ],
    [
      'وقال أوسكار ماسلنبرغ إن الاتفاق قريب، وأكد أوسكار ماسلبرغ أن الحرب ستنتهي.',
      'أوسكار ماسلبرغ',
      'person',
      'أوسكار ماسلنبرغ',
      'a transliterated family name written with and without one letter is one person',
    ],
    [
      'وزار الوفد السعودية، وقال إن المملكة تدعم السلام.',
      'المملكة',
      'place',
      'السعودية',
      '«المملكة» alone is the one kingdom the article names, whose long name it opens',
    ],
    ['وأكد أن المملكة ستواصل دعم المشاريع.', 'المملكة', 'place', 'المملكة', 'with no kingdom named, «المملكة» is a place of its own'],
    [
      'وزار الوفد السعودية والمملكة المتحدة، وقال إن المملكة ستدعم الاتفاق.',
      'المملكة',
      'place',
      'المملكة',
      'negative: with two kingdoms named, «المملكة» is joined to neither',
    ],
  ];
  it.each(rows)('%s', (body, form, type, name) => {
    const actor = actorOf(run(body), form);
    expect(actor?.type).toBe(type);
    expect(actor?.name).toBe(name);
  });

  it('a full name written with «و» glued on is the person named without it', () => {
    // The bundled name lists also hold clitic forms of given names («ومسعود»), which no rule strips.
    const gazetteer = testGazetteer({ ...FACTS, firstNames: [...(FACTS.firstNames ?? []), 'مسعود', 'ومسعود'] });
    const withTagger = createAnalyzer({ gazetteer, tagger: fixedTagger({ مسعود: 'B-PERS', ومسعود: 'B-PERS', الخطيب: 'I-PERS' }) });
    const a = withTagger({ title: null, blocks: ['وصل مسعود الخطيب أمس، وكان الوزير ومسعود الخطيب في الاستقبال.'] });
    const people = a.actors.filter((x) => x.type === 'person');
    expect(people.map((x) => x.name)).toEqual(['مسعود الخطيب']);
    expect(people[0]?.mentions.map((m) => m.text)).toEqual(['مسعود الخطيب', 'مسعود الخطيب']);
  });

  it('negative: Arabic family names a suffix apart are two families, two people', () => {
    const a = run('وقال كريم الشمري إن الفريق وصل، وقال كريم الشمراني إن الحفل انتهى.');
    expect(a.actors.filter((x) => x.type === 'person').map((x) => x.name)).toEqual(['كريم الشمري', 'كريم الشمراني']);
  });

  it('a role standing alone is a mention of the person introduced with it', () => {
    const a = run('قال المتحدث باسم الكرملين دميتري بيسكوف إن اللقاء مهم. وشدد المتحدث باسم الكرملين على أن الحوار مستمر.');
    const peskov = actorOf(a, 'دميتري بيسكوف');
    expect(peskov?.mentions.filter((m) => m.kind === 'role').map((m) => m.text)).toEqual(['المتحدث باسم الكرملين']);
  });

  it('«نظيره» before a name is a role mention of that person', () => {
    const a = run('التقى بوتين مع نظيره ألكسندر لوكاشينكو في موسكو.');
    const luka = actorOf(a, 'ألكسندر لوكاشينكو');
    expect(luka?.mentions.some((m) => m.kind === 'role' && m.text === 'نظيره')).toBe(true);
  });

  it('negative: «فيما» after a name is the conjunction, not a surname starting with ف', () => {
    const a = run('وقال دونالد ترامب فيما بعد إن الأمر انتهى.');
    expect(a.actors.flatMap((x) => x.mentions.map((m) => m.text))).toEqual(['دونالد ترامب']);
  });

  it('negative: nationality adjectives and plain nouns make no actors', () => {
    const a = run('قالت السلطات الأوكرانية إن الجانبين اتفقا مساء أمس.');
    expect(a.actors).toEqual([]);
  });

  it('a known name written only with a clitic is named as the gazetteer writes it', () => {
    const a = run('ورحب الوزير بالقرار ووجه رسالة شكر للأمم المتحدة على جهودها.');
    const un = actorOf(a, 'للأمم المتحدة');
    expect(un?.name).toBe('الأمم المتحدة');
    expect(un?.type).toBe('organization');
  });

  it('a name written as a hashtag is one actor, shown with its spaces and joined to the same name in prose', () => {
    const a = run('وقال مسؤول في الأمم المتحدة إن الجلسة انتهت. #الأمم_المتحدة #المملكة_المتحدة');
    expect(a.actors.map((x) => `${x.type}:${x.name}`).sort()).toEqual(['organization:الأمم المتحدة', 'place:المملكة المتحدة']);
    expect(actorOf(a, 'الأمم_المتحدة')?.mentions.map((m) => m.text)).toEqual(['الأمم المتحدة', 'الأمم_المتحدة']);
  });
  it('negative: a hashtag does not paint the halves of a name as names of their own', () => {
    const names = run('وتصدر وسم #المملكة_المتحدة المنصات.').actors.map((x) => x.name);
    expect(names).not.toContain('المملكة');
    expect(names).not.toContain('المتحدة');
  });
  it('every mention indexes the analysed text exactly', () => {
    const a = run('وقال بوتين لبوتين وبالكرملين «كلام طويل هنا جدا» ثم موسكو.');
    for (const actor of a.actors) for (const m of actor.mentions) expect(a.text.slice(m.start, m.end)).toBe(m.text);
    for (const q of a.quotes) expect(a.text.slice(q.start, q.end)).toBe(q.text);
  });
});

describe('speakers', () => {
  const rows: [string, string, string | null, string][] = [
    [
      'وقال الرئيس فلاديمير بوتين إن «الوضع تحت السيطرة تماما».',
      'الوضع تحت السيطرة تماما',
      'فلاديمير بوتين',
      'verb, subject, إن, quotation',
    ],
    [
      '«لن نتراجع عن موقفنا أبدا»، قال فلاديمير بوتين مساء.',
      'لن نتراجع عن موقفنا أبدا',
      'فلاديمير بوتين',
      'the attribution after the quotation',
    ],
    [
      'وصل فلاديمير بوتين إلى موسكو. وأضاف أن «المحادثات كانت مثمرة للغاية».',
      'المحادثات كانت مثمرة للغاية',
      'فلاديمير بوتين',
      'a pronoun-dropped verb goes to the person the paragraph is about',
    ],
    [
      'ونقلت رويترز عن مصدر مطلع قوله إن «القرار اتخذ بالفعل».',
      'القرار اتخذ بالفعل',
      'مصدر مطلع',
      'an agency quoting an anonymous source: the source spoke, not the agency',
    ],
    [
      'وقال مسؤول رفض الكشف عن اسمه إن «الهجوم كان متوقعا منذ أيام».',
      'الهجوم كان متوقعا منذ أيام',
      'مسؤول رفض الكشف عن اسمه',
      'an anonymous official',
    ],
    ['بوتين: «لا نريد الحرب مع أي طرف».', 'لا نريد الحرب مع أي طرف', 'بوتين', 'a colon after the speaker (named as in the article)'],
    [
      'وقال فلاديمير بوتين إن الأغنية التي أحبها، كتب كلماتها الشاعر كلارا بيرتولدي، «جميلة جدا في رأيي».',
      'جميلة جدا في رأيي',
      'فلاديمير بوتين',
      'a verb with its own object («كتب كلماتها») sits in a relative clause and reports no speech',
    ],
    [
      'وذكرت رويترز أن دونالد ترامب، كتب في صفحته أنه يريد «اتفاقا قبل نهاية العام».',
      'اتفاقا قبل نهاية العام',
      'دونالد ترامب',
      'a bare verb right after a person has that person as subject, not the agency of the outer verb',
    ],
    [
      'وقال فلاديمير بوتين في بيان للكرملين «الحوار مستمر مع الجميع».',
      'الحوار مستمر مع الجميع',
      'فلاديمير بوتين',
      'a statement noun after «في» belongs to the verb before it: the subject spoke, not the statement’s owner',
    ],
    [
      'وجاء في بيان صدر عن الكرملين «الحوار مستمر مع الجميع».',
      'الحوار مستمر مع الجميع',
      'الكرملين',
      'with no verb before it the statement’s owner is the source',
    ],
    [
      'ونقلت رويترز، قول الرئيس فلاديمير بوتين إن «الحوار مستمر مع الجميع».',
      'الحوار مستمر مع الجميع',
      'فلاديمير بوتين',
      '«نقلت X قول Y»: the agency reports Y’s words',
    ],
    [
      'وصرح مسؤول كبير في الكرملين بأن «الحوار مستمر» رغم تحذيرات الأمم المتحدة، وأضاف أن «الباب مفتوح للجميع».',
      'الباب مفتوح للجميع',
      'مسؤول كبير في الكرملين',
      'an unnamed source keeps the floor in its paragraph over an organization named in between',
    ],
    [
      'التقى بوتين دونالد ترامب، وقال «لن نتراجع عن هذا أبدا».',
      'لن نتراجع عن هذا أبدا',
      'بوتين',
      'negative: «، وقال» after an object starts a clause with the earlier subject',
    ],
    ['«كلمات بلا قائل معروف في هذا النص»', 'كلمات بلا قائل معروف في هذا النص', null, 'negative: no cue and no earlier speaker'],
  ];
  it.each(rows)('%s', (body, quote, speaker) => {
    const a = run(body);
    const q = a.quotes.find((x) => x.text === quote);
    expect(q).toBeDefined();
    expect(q?.speaker.name ?? null).toBe(speaker);
  });

  it('negative: «وكالة «رويترز»» names an agency and is not a quotation', () => {
    const a = run('وأفادت وكالة «رويترز» بأن الاجتماع انتهى.');
    expect(a.quotes).toEqual([]);
    expect(actorOf(a, 'رويترز')?.type).toBe('organization');
  });
});

describe('given names with the bundled lists', () => {
  /** Each actor the bundled analyser paints in one invented sentence, as «type:name:mentions». */
  async function painted(body: string): Promise<string[]> {
    const analyze = await loadAnalyzer();
    return analyze({ title: null, blocks: [body] }).actors.map((x) => `${x.type}:${x.name}:${x.mentions.length}`);
  }
  const P = 'person';
  const O = 'organization';
  // input -> every actor painted -> why
  it.each([
    [
      'وقال المدرب "ماركوس"  برانت إن الفريق جاهز، وأضاف برانت أن اللاعبين بخير.',
      [`${P}:ماركوس برانت:2`],
      'a quoted given name and the family name after the marks are one person',
    ],
    ['وهنأ المدرب "ماركوس" اللاعب كريم برانت على الهدف.', [`${P}:ماركوس:1`, `${P}:كريم برانت:1`], 'negative: a word between, two people'],
    [
      'وقال عثمان غازي، أحد المتحدثين باسم الحزب، إن العملية نجحت. وأضاف غازي أن الخطر باق.',
      [`${P}:عثمان غازي:2`],
      'a town named like a person right after a reporting verb is the person who speaks',
    ],
    ['وزار الوفد عثمان غازي قبل أن يعود.', ['place:عثمان غازي:1'], 'negative: the same town as the object of a visit stays a place'],
    [
      'فاجأ رئيس الوزراء سامر الكناني شركاءه. وقال المكتب الإعلامي للكناني إنه قرر. وأضاف البيان أن الكناني وجه أيضا.',
      [`${P}:سامر الكناني:3`],
      '«للكناني» is «ل» + «الكناني» with its alef dropped',
    ],
    [
      'وقال لي الكناني إن الوضع صعب، بحسب ما روى سامر الكناني.',
      [`${P}:سامر الكناني:2`],
      '«لي» after a reporting verb is «to me» when the words after it end a person named',
    ],
    [
      'وقال لي مينغ إن الوضع صعب، وأضاف لي مينغ أن الأسعار مرتفعة.',
      [`${P}:لي مينغ:2`],
      'negative: «لي» opening a name nobody else carries is the given name',
    ],
    [
      'وقال سامر الكناني: نسي حذائي في سفينتي عند أختي، وشعبنا الكريم يعرف ذلك.',
      [`${P}:سامر الكناني:1`],
      'everyday nouns with «my/our» on them are nobody',
    ],
    [
      'وقالت لينا الكناني إن الأمر صعب، وزار دانا فخري المكان.',
      [`${P}:لينا الكناني:1`, `${P}:دانا فخري:1`],
      'negative: given names that end like «our/my» stay',
    ],
    [
      'وأعلنت رابطة المعلمين الأحرار (إن إس يو)، حيث قال رئيسها إن الإضراب مستمر.',
      [`${O}:رابطة المعلمين الأحرار:2`],
      'Latin initials spelled in Arabic letters in brackets are the body before them',
    ],
    [
      'وأعلنت رابطة المعلمين الأحرار (أي إس إل)، حيث قال رئيسها إن الإضراب مستمر.',
      [`${O}:رابطة المعلمين الأحرار:2`],
      'the same, other letters',
    ],
    [
      'وقالت منظمة حماية الطفولة الدولية إن المستشفى قصف. وأكدت جمعية حماية الطفولة الدولية أن العمل مستمر.',
      [`${O}:منظمة حماية الطفولة الدولية:2`],
      'a long body name after another head word is the same body',
    ],
    [
      'وقالت وزارة الشؤون الاجتماعية إن الدعم مستمر. وأكدت لجنة الشؤون الاجتماعية أن العمل مستمر.',
      [`${O}:وزارة الشؤون الاجتماعية:1`, `${O}:لجنة الشؤون الاجتماعية:1`],
      'negative: a two-word name under two heads is two bodies',
    ],
    [
      'وانتظرت أشهرا لبثها على إذاعة تشاد الرسمية. وفي تشاد يحب الناس الغناء.',
      ['place:تشاد:2'],
      'an adjective agreeing with the head before a country is outside its name',
    ],
    [
      'وألقى الرئيس جون ماكلين خطابا. وغادر ماكلين أديس أبابا بعد ظهر أمس بعد خطاب هو الأخير.',
      [`${P}:جون ماكلين:2`, 'place:أديس أبابا:1'],
      'a person span ends before a known place of two words it ran into',
    ],
    [
      'وقال بوب سميث رئيس بلدية بلانشفيل إنه حزين.',
      [`${P}:بوب سميث:1`, `${O}:بلدية بلانشفيل:1`],
      'the office of a town is a body, not a second person',
    ],
    [
      'وزار نزار الكناني المدينة. وأشاد نزار بمدائحه في الحفل.',
      [`${P}:نزار الكناني:2`],
      'a noun with «ب» and «his» after the name is outside it',
    ],
    ['ورفض الوزير ذلك وأدى لاشتعال الحرائق في المدينة.', [], 'a verb and «ل» + a verbal noun name nobody'],
    ['وكان المدرب جون هامبر أقال مساعده بعد المباراة.', [`${P}:جون هامبر:1`], 'a verb «أفعل» after the name is outside it'],
    ['وكان المدرب جون أكرم قد غادر.', [`${P}:جون أكرم:1`], 'negative: a given name of the same shape stays'],
    ['والتقت الشرطة عبد الكريم الشاب في منزله.', [`${P}:عبد الكريم:1`], 'a noun of age after the name is outside it'],
    ['وتوقفت حركة الملاحة في الميناء، وتعطلت حركة المرور، وتأثرت الحركة التجارية بالأمطار.', [], 'traffic is not a movement'],
    ['وقالت حركة النهضة إن الحكومة فشلت.', [`${O}:حركة النهضة:1`], 'negative: a movement named with an everyday noun stays'],
    [
      'وقال سامر بلحاج إن الوضع صعب، وقالت هند بنعلي إن الأمر انتهى.',
      [`${P}:سامر بلحاج:1`, `${P}:هند بنعلي:1`],
      'negative: family names that open with «ب» stay',
    ],
    ['وقال برهم الكناني إن الفريق جاهز.', [`${P}:برهم الكناني:1`], 'negative: «برهم» is no «ب» + a noun + «their»'],
    ['وقال استخباراتيون فرنسيون إن الهجوم فشل.', [], 'plural nouns and adjectives name nobody'],
    ['وقالت خبيرات إقليميات إن الهجوم فشل.', [], 'the same, feminine'],
    ['وقال سامر بركات إن الهجوم فشل.', [`${P}:سامر بركات:1`], 'negative: a family name in «ات» stays'],
  ])('%s -> %j (%s)', async (body, expected) => {
    expect(await painted(body)).toEqual(expected);
  });
  it('a word before «بن» is a given name, not the town with its letters', async () => {
    const analyze = await loadAnalyzer();
    const a = analyze({ title: null, blocks: ['واستقبل الأمير سالم بن راشد الوفد في مكتبه.'] });
    expect(a.actors.map((x) => `${x.type}:${x.name}`)).toEqual(['person:سالم بن راشد']);
  });
  it('a given name opening with «س» is not the future «س» glued to a shorter name, and stands alone for its full name', async () => {
    const analyze = await loadAnalyzer();
    const a = analyze({ title: null, blocks: ['وقالت سلوى نصار إن العرض ناجح. وأضافت سلوى أن الجمهور كبير.'] });
    const people = a.actors.filter((x) => x.type === 'person');
    expect(people.map((x) => x.name)).toEqual(['سلوى نصار']);
    expect(people[0]?.mentions.map((m) => m.text)).toEqual(['سلوى نصار', 'سلوى']);
  });
});
