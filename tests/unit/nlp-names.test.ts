// Names the rules must read right around titles, places and organization heads: what a reader sees
// listed as the article's actors.
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../nlp/analyze';
import type { Analysis, Tagger } from '../../types/analysis';
import { type TestFacts, testGazetteer } from './nlp-fixtures';

// Facts written for the test: names and types only. «بيرك» and «تكساس» come from a minor source,
// as small places do in the bundled lists; «واشنطن» and «ولاية» are also given names there.
const FACTS: TestFacts = {
  entries: [
    ['l:washington', 'l', 'واشنطن', 'Washington', '', 't'],
    ['l:IL', 'l', 'إسرائيل', 'Israel', '', 't'],
    ['l:burke', 'l', 'بيرك', 'Burke', '', 'small'],
    ['l:texas', 'l', 'تكساس', 'Texas', '', 'small'],
    ['l:kagan', 'l', 'كاغان', 'Kagan', '', 'small'],
    ['l:moscow', 'l', 'موسكو', 'Moscow', '', 't'],
    ['l:tennessee', 'l', 'تينيسي', 'Tennessee', '', 't'],
    ['l:jeddah', 'l', 'جدة', 'Jeddah', '', 't'],
    ['l:middle-east', 'l', 'الشرق الأوسط', 'Middle East', '', 't'],
    ['p:ben-gurion', 'p', 'دافيد بن غوريون', 'David Ben-Gurion', '', 't'],
    ['p:razi', 'p', 'الرازي', 'al-Razi', '', 't'],
    ['o:msf', 'o', 'أطباء بلا حدود', 'Doctors Without Borders', '', 't'],
    ['o:icrc', 'o', 'اللجنة الدولية للصليب الأحمر', 'ICRC', '', 't'],
    ['o:hezbollah', 'o', 'حزب الله', 'Hezbollah', '', 't'],
    ['l:EG', 'l', 'مصر', 'Egypt', '', 't'],
  ],
  firstNames: ['ثيودور', 'واشنطن', 'اندي', 'ولاية', 'بيل', 'محمد', 'عبدالعزيز', 'إبراهيم', 'رامي', 'حسان'],
  nameTokens: ['مكاريك', 'بيرك', 'تكساس', 'كيليان', 'ريد', 'عبدالرحمن', 'واغنر'],
  common: [
    'تحقيق',
    'أساقفة',
    'بلدية',
    'الأرشيف',
    'كلمته',
    'جدلا',
    'واسعا',
    'قضية',
    'راي',
    'السراء',
    'تعازيه',
    'أكابر',
    'تقرير',
    'خاص',
    'الشعراء',
    'الشعر',
    'العمل',
    'الأسعار',
    'الزيارة',
    'مطلعة',
    'مصادر',
    'العسكرية',
    'محلية',
    'حزينة',
    'المعتقل',
    'غدا',
  ],
};
const analyze = createAnalyzer({ gazetteer: testGazetteer(FACTS) });

function run(body: string): Analysis {
  return analyze({ title: null, blocks: body.split('\n') });
}

const actorsOf = (a: Analysis) => a.actors.map((x) => `${x.type}:${x.name}`).sort();

describe('names around titles and places', () => {
  // body → actors listed (type:name) → why
  const rows: [string, string[], string][] = [
    [
      'وأمر بفتح الأرشيف أمام تحقيق بحق رئيس أساقفة واشنطن ثيودور مكاريك.',
      ['person:ثيودور مكاريك', 'place:واشنطن'],
      '«أمام» is a preposition, not «إمام»; a place closing a construct title belongs to the role, not to the name',
    ],
    [
      'وتناولت الصحف قضية رئيس أساقفة واشنطن مطولا.',
      ['place:واشنطن'],
      'negative: with no name after the role, the place stays a place and no person is made up',
    ],
    [
      'وصرح رئيس البلدية اندي بيرك بأن التحقيق مستمر.',
      ['person:اندي بيرك'],
      'after a given name, a small place’s name that is also a family name continues the name',
    ],
    ['ووقع الهجوم في دالاس (ولاية تكساس) أمس.', ['place:تكساس'], 'negative: «ولاية» before a place is the word “state”, not a given name'],
    [
      'وأعرب وزير البحرية راي مابوس عن تعازيه.',
      ['person:راي مابوس'],
      'after a complete title, a transliterated first name that looks like an everyday word («راي») opens a name',
    ],
    [
      'وزار البلاد وزير الاقتصاد سيغمار غابريل أمس.',
      ['person:سيغمار غابريل'],
      'a foreign first name that looks like a verb («سي…») is read as a pair with the word after it',
    ],
    [
      'وتحدث الشاعر عبدالعزيز بن إبراهيم السراء عن الأمسية.',
      ['person:عبدالعزيز بن إبراهيم السراء'],
      'after a nasab chain, a definite word is the family name even when it is an everyday word',
    ],
    [
      'أكابر الأحمدي - جدة\nيحلق الشعراء في أفق السوق.',
      ['person:أكابر الأحمدي', 'place:جدة'],
      'a byline opening a paragraph: a name, a dash and a known place',
    ],
    ['تقرير خاص - جدة\nيحلق الشعراء في أفق السوق.', ['place:جدة'], 'negative: a heading of everyday words before the dash is no byline'],
    ['وهذا حسان بمدائحه في الشعر.', [], 'negative: a word with «ب» and a pronoun («بمدائحه») does not continue a name'],
    [
      'ويكتفون بمطار الدهانية ويهبطون في مطار بن غوريون، ثم ينقلون إلى سجن نفحة.',
      ['place:مطار الدهانية', 'place:مطار بن غوريون', 'place:سجن نفحة'],
      'a place head with a proper name after it, a «بن» name included, makes one place',
    ],
    ['وقع هجوم على قاعدة «فورت هود» العسكرية.', ['place:فورت هود'], 'a place named in marks after its head is the name in the marks'],
    ['وارتفعت الأسعار في سوق العمل.', [], 'negative: an everyday word after «سوق» is no place name'],
    [
      'وقالت الجمعية الطبية الإسرائيلية إن المعتقل في خطر.',
      ['organization:الجمعية الطبية الإسرائيلية'],
      'a definite body head, an adjective of kind and a nationality make one body',
    ],
    [
      'وأكد المتحدث باسم وزارة الدفاع الإسرائيلية أن الزيارة ألغيت.',
      ['organization:وزارة الدفاع الإسرائيلية'],
      'a ministry inside a role is a body of its own when its country names it',
    ],
    ['وقالت صحيفة واشنطن إن الزيارة ألغيت.', ['organization:واشنطن'], 'after a medium word a place’s name is the outlet’s'],
    [
      'الزيارة ألغيت في اللحظة الأخيرة.\nنقلاً عن «الشرق الأوسط»',
      ['organization:الشرق الأوسط'],
      'a credit line «نقلاً عن X» closing a paragraph names an outlet, even one spelled like a place',
    ],
    ['وقال نقلا عن مصادر مطلعة إن الزيارة ألغيت.', [], 'negative: «نقلا عن» in the middle of a sentence credits no outlet'],
    [
      'وينقل المعتقل إلى مستشفى سوركا الإسرائيلي غدا.',
      ['organization:مستشفى سوركا'],
      'a nationality after an unknown proper name describes the hospital, it is not part of its name',
    ],
    [
      'وقالت كاغان واغنر لصحيفة محلية إنها حزينة.',
      ['person:كاغان واغنر'],
      'after a verb of saying, a small place’s name and a family name are a person',
    ],
    ['وقالت موسكو إن الزيارة ألغيت.', ['place:موسكو'], 'negative: a well-known place as subject stays a place'],
    [
      'وقال الجيش الإسرائيلي الجمعة إن التحقيق مستمر.',
      ['organization:الجيش الإسرائيلي'],
      'after a nationality only adjectives continue a body’s name, not a weekday',
    ],
    ['وانتشرت قوات الطوارئ في الساحة.', ['organization:قوات الطوارئ'], '«قوات» and the noun of what the force does name a body'],
    [
      'وهاجمت قوات النظام وقوات الدفاع الوطني البلدة.',
      ['organization:قوات الدفاع الوطني'],
      'a force’s name takes one adjective and no «و»; «قوات النظام» names a side, not a body',
    ],
    ['وقالت قوات الأمن إن قوات المتمردين انسحبت.', [], 'negative: forces of a side or of a group of people are no body'],
    [
      'وقال قائد قوات الحرس الجمهوري إن الفرقة الرابعة تقدمت.',
      ['organization:الفرقة الرابعة', 'organization:قوات الحرس الجمهوري'],
      'named forces inside a role are a body of their own; a unit with its ordinal is a body',
    ],
    [
      'وسقطت قذيفة على بلدة كفرشمس، وطال القصف قرية تل حميس وحي العمل.',
      ['place:العمل', 'place:تل حميس', 'place:كفرشمس'],
      'after a settlement word the name is a place, two words when the first opens a compound name, an everyday word after «حي»',
    ],
    ['وتقع المدرسة في منطقة نائية.', [], 'negative: an indefinite word agreeing with the settlement word describes it'],
    ['وتمتد شبه جزيرة البلقان جنوبا.', [], 'negative: after «شبه» the settlement word is part of a longer name'],
    [
      'وتعد البلدات خزانا لقاعدة حزب الله الشعبية.',
      ['organization:حزب الله'],
      'negative: a body after «قاعدة» is whose base it is, not a place',
    ],
    [
      'وزار الوفد موسكو وكاستيلونيا.',
      ['place:كاستيلونيا', 'place:موسكو'],
      'a long transliterated word glued to «و» after a place is a place coordinated with it, named without the «و»',
    ],
    [
      'وتحدث عن موسكو واحتفاظها بحلفائها، وعن موسكو وموالين لها.',
      ['place:موسكو'],
      'negative: a verbal noun, a pronoun suffix or a plural after «و» is no coordinated place',
    ],
    [
      'وقال جهاز الأمن المصري إن النيابة العامة المصرية فتحت تحقيقا.',
      ['organization:النيابة العامة المصرية', 'organization:جهاز الأمن المصري'],
      'a state body’s head, its word of kind and a nationality make one body',
    ],
    [
      'وأعلن الاتحاد المصري لكرة القدم أن البرلمان المصري وافق.',
      ['organization:الاتحاد المصري لكرة القدم', 'organization:البرلمان المصري'],
      'a union is a body with what it does; a parliament with its nationality alone',
    ],
    [
      'وتقدمت القوات الحكومية المصرية، ويهدد ذلك الأمن القومي المصري، كما قال الاتحاد المصري.',
      [],
      'negative: government forces are a side, national security is no body, a union without what it does may be a country',
    ],
    [
      'وفاز الشروق على الوادي 2-1، وخسر النسور أمام مضيفه الفرسان بهدف نظيف.',
      ['organization:الشروق', 'organization:الفرسان', 'organization:النسور', 'organization:الوادي'],
      'a result verb, two teams around «على/أمام» and a score name two clubs, whatever the words mean',
    ],
    [
      'وفاز الفريق على منافسه 2-0، وخسر الثلاثاء أمام الضيوف بهدف، وتعادل الشروق مع الوادي في الترتيب.',
      [],
      'negative: descriptions and days are no teams, and without a score the words are not read as clubs',
    ],
    [
      'وقالت أمانة منطقة جدة وبلدية كفرشمس إن العمل مستمر.',
      ['organization:أمانة منطقة جدة', 'organization:بلدية كفرشمس'],
      'an office and the place it governs, a region word between them or not, are one body',
    ],
    [
      'وأعلنت إمارة محافظة جدة أن إمارة جدة لا تعني شيئا.',
      ['organization:إمارة محافظة جدة', 'place:جدة'],
      'negative: «إمارة» with a place and no region word is the emirate itself, not its office',
    ],
    [
      'وقال التيار الصدري إن التحالف الوطني سيشارك.',
      ['organization:التحالف الوطني', 'organization:التيار الصدري'],
      'a current or bloc and the adjective in -ي that names it are one body',
    ],
    [
      'وانتقد التحالف الحالي والائتلاف اليميني والتحالف الدولي الخطة.',
      [],
      'negative: an adjective that ranks a bloc, gives its scope or its leaning describes it, it does not name it',
    ],
    [
      'وكتب عن ذلك الرازي والقزويني والسمرقندي.',
      ['person:الرازي', 'person:السمرقندي', 'person:القزويني'],
      'after a known person, family names in «ال…ي» glued to «و» are persons of the same list, named without the «و»',
    ],
    ['وتحدث الرازي والعربي عن الطب.', ['person:الرازي'], 'negative: an adjective after «و» is no family name'],
  ];
  it.each(rows)('%s', (body, expected) => {
    expect(actorsOf(run(body))).toEqual([...expected].sort());
  });

  it('«في» and a place may sit inside a role when a name follows: the named official speaks', () => {
    const a = run('وأوضح المدعي العام في ولاية تينيسي بيل كيليان أن الهجوم «عمل إرهابي داخلي».');
    expect(a.quotes[0]?.speaker.name).toBe('بيل كيليان');
    expect(a.actors.find((x) => x.name === 'بيل كيليان')?.role).toBe('المدعي العام في ولاية تينيسي');
  });

  it('a role with «في» but no name after it ends before «في»', () => {
    const a = run('وقال الوزير في كلمته إن «التحقيق مستمر حتى النهاية».');
    expect(a.quotes[0]?.speaker).toMatchObject({ kind: 'anonymous', name: 'الوزير' });
  });
});

describe('one organization, several written forms', () => {
  it('a foreign name after «مدرسة» runs on for more than one word, up to its adjective', () => {
    const a = run('وكتب في دليل طلاب مدرسة ريد رانك العليا أنه يريد العودة.');
    expect(actorsOf(a)).toEqual(['organization:مدرسة ريد رانك العليا']);
  });

  it('a compound family name written as one word («عبدالرحمن») is the person named in full', () => {
    // A tagger stand-in that marks the one-word form as a person, as the trained tagger does.
    const tagger: Tagger = { tag: (tokens) => tokens.map((t) => (t.text === 'عبدالرحمن' ? 'B-PERS' : 'O')) };
    const withTagger = createAnalyzer({ gazetteer: testGazetteer(FACTS), tagger });
    const a = withTagger({
      title: null,
      blocks: ['وقال مدير المرصد رامي عبد الرحمن إن القتال مستمر.', 'وأضاف عبدالرحمن أن «الوضع صعب جدا في المدينة».'],
    });
    expect(a.actors.filter((x) => x.type === 'person').map((x) => x.name)).toEqual(['رامي عبد الرحمن']);
    expect(a.quotes[0]?.speaker.name).toBe('رامي عبد الرحمن');
  });

  it.each([
    ['the first word of a two-word family name is the person named in full', 'بولنت', ['فاتح بولنت داود أوغلو']],
    ["a given name standing alone is nobody's family name", 'محمد', ['أحمد محمد كريم', 'محمد']],
  ])('%s', (_why, lone, people) => {
    // A tagger stand-in that marks the full name and the lone word as persons, sure of each word, as
    // the trained tagger is of «تشاوش» in «وقال تشاوش».
    const full = people[0]!.split(' ');
    const tag = (tokens: readonly { text: string }[]) =>
      tokens.map((t, i) => {
        const k = full.indexOf(t.text);
        if (k >= 0 && tokens[i - k]?.text === full[0]) return k === 0 ? 'B-PERS' : 'I-PERS';
        return t.text === lone ? 'B-PERS' : 'O';
      });
    const tagger: Tagger = { tag, tagWithMargins: (tokens) => ({ tags: tag(tokens), margins: tokens.map(() => 5) }) };
    const withTagger = createAnalyzer({ gazetteer: testGazetteer(FACTS), tagger });
    const a = withTagger({
      title: null,
      blocks: [`وقال المسؤول ${people[0]} إن المفاوضات مستمرة.`, `وأضاف ${lone} أن «الاتفاق قريب جدا من الآن».`],
    });
    expect(a.actors.filter((x) => x.type === 'person').map((x) => x.name)).toEqual(people);
  });

  it('a tagged person never goes on over «و» + «ال»: that word opens a second person', () => {
    const tag = (tokens: readonly { text: string }[]) =>
      tokens.map((t) => (t.text === 'الشيرازي' ? 'B-PERS' : t.text === 'والكرماني' ? 'I-PERS' : 'O'));
    const withTagger = createAnalyzer({ gazetteer: testGazetteer(FACTS), tagger: { tag } });
    const a = withTagger({ title: null, blocks: ['وكتب عن ذلك الشيرازي والكرماني قديما.'] });
    expect(a.actors.map((x) => `${x.type}:${x.name}`).sort()).toEqual(['person:الشيرازي', 'person:الكرماني']);
  });

  it('«منظمة أطباء بلا حدود» is written with its head and grouped with the bare name', () => {
    const a = run('وقالت منظمة أطباء بلا حدود إن الوضع صعب.\nوأضافت أطباء بلا حدود أن الفرق تعمل.');
    const msf = a.actors.filter((x) => x.type === 'organization');
    expect(msf).toHaveLength(1);
    expect(msf[0]?.name).toBe('منظمة أطباء بلا حدود');
    expect(msf[0]?.mentions.map((m) => m.text)).toEqual(['منظمة أطباء بلا حدود', 'أطباء بلا حدود']);
  });

  it('«اللجنة الدولية» after the full name is the same body, and speaks as it', () => {
    const a = run(
      'قالت اللجنة الدولية للصليب الأحمر إن المعتقل في وضع حرج.\nوطالبت اللجنة الدولية بـ«ضرورة حماية السلامة الجسدية للمحتجز».',
    );
    const orgs = a.actors.filter((x) => x.type === 'organization');
    expect(orgs).toHaveLength(1);
    expect(a.quotes[0]?.speaker.name).toBe('اللجنة الدولية للصليب الأحمر');
  });
});
