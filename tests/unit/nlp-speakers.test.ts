// Who said it, in the harder sentence shapes of news prose: statements that speak for their owner,
// short forms of organizations, asides, blessings after a title, verbs continuing an earlier speaker.
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../nlp/analyze';
import type { Analysis } from '../../types/analysis';
import { type TestFacts, testGazetteer } from './nlp-fixtures';

const FACTS: TestFacts = {
  entries: [
    ['p:putin', 'p', 'فلاديمير بوتين', 'Vladimir Putin', '', 't'],
    ['p:trump', 'p', 'دونالد ترامب', 'Donald Trump', '', 't'],
    ['o:kremlin', 'o', 'الكرملين', 'Kremlin', '', 't'],
    ['o:fbi', 'o', 'مكتب التحقيقات الفيدرالي', 'FBI', '', 't'],
    ['l:moscow', 'l', 'موسكو', 'Moscow', '', 't'],
  ],
  firstNames: ['فلاديمير', 'دونالد', 'محمد', 'ماريا', 'جواد', 'خالد', 'علي'],
  nameTokens: ['هارفارد', 'رينولد', 'خامنئي'],
  common: ['قال', 'مساء', 'أمس', 'عام', 'رسالة', 'كتابا', 'جائزة', 'العميل', 'الخاص'],
};
const analyze = createAnalyzer({ gazetteer: testGazetteer(FACTS) });

function run(body: string): Analysis {
  return analyze({ title: null, blocks: body.split('\n') });
}

describe('speakers in harder sentence shapes', () => {
  // body → quotation → expected speaker name → why
  const rows: [string, string, string | null, string][] = [
    [
      'وقال فلاديمير بوتين في بيان للكرملين «الحوار مستمر مع الجميع». وتابع البيان «لن نقبل بأي تهديد لأمننا».',
      'لن نقبل بأي تهديد لأمننا',
      'الكرملين',
      '«وتابع البيان»: the statement speaks for the body it was issued for, not for the last speaker',
    ],
    [
      'وقال وزير الخارجية دونالد ترامب في بيان إن الاجتماع انتهى. وأضاف البيان «لن نقبل بأي تهديد لأمننا».',
      'لن نقبل بأي تهديد لأمننا',
      'دونالد ترامب',
      '«قال X في بيان … وأضاف البيان»: the statement is X’s',
    ],
    [
      'وجاء في البيان الصادر أمس عن الكرملين أن بوتين «مستعد للقاء الجميع دون شروط مسبقة».',
      'مستعد للقاء الجميع دون شروط مسبقة',
      'الكرملين',
      '«وجاء في البيان الصادر عن X»: the statement reports, its owner is the source',
    ],
    [
      'وصل دونالد ترامب إلى موسكو. أما الكرملين فأعلن أنه «لن يشارك في القمة المقبلة أبدا».',
      'لن يشارك في القمة المقبلة أبدا',
      'الكرملين',
      '«أما X فأعلن»: the topic of «أما» is the subject of the verb with «ف»',
    ],
    [
      'تخرج الشاب في جامعة هارفارد عام 2012.\nوكتبت الجامعة على موقع «تويتر»: «نحن نتابع التحقيق بكل اهتمام».',
      'نحن نتابع التحقيق بكل اهتمام',
      'جامعة هارفارد',
      '«الجامعة» alone refers to the university the article named with that head word',
    ],
    [
      'وقال دونالد ترامب (وكتب كتابا عن فلاديمير بوتين نال به جائزة): «سنواصل العمل مع الجميع».',
      'سنواصل العمل مع الجميع',
      'دونالد ترامب',
      'a verb inside an aside in brackets does not introduce the quotation after the aside',
    ],
    [
      'وبدوره أوضح فلاديمير بوتين أن التحقيق مستمر. وقال العميل الخاص في مكتب التحقيقات الفيدرالي، ماريا رينولد: «نحقق في كل الأسباب الممكنة». وتابع: «ليس لدينا أي فكرة عن الدافع».',
      'ليس لدينا أي فكرة عن الدافع',
      'ماريا رينولد',
      '«وتابع:» continues the last speaker; neither the turn marker of an earlier sentence nor the verb before the last quotation takes over',
    ],
    [
      'وقال وزير الخارجية الإيراني محمد جواد إن الزيارة ممكنة.\nوسئل الوزير الإيراني عما ينوي حمله، فقال «لقد عبرت عن رغبتي في الزيارة».',
      'لقد عبرت عن رغبتي في الزيارة',
      'محمد جواد',
      '«الوزير الإيراني» stands for the one person whose role holds both words; «عما» ends the role',
    ],
    [
      'وقال فلاديمير بوتين إن «الحوار مستمر مع الجميع».\nبدوره تحدث الشاعر خالد المعلم عن شعور المشاركين بعد دعوتهم.\nوقال: «هذه لحظات تاريخية لكل الشعراء».',
      'هذه لحظات تاريخية لكل الشعراء',
      'خالد المعلم',
      'a paragraph that introduces someone speaking («تحدث X عن») hands them the next paragraph’s pronoun-dropped «وقال:»',
    ],
    [
      'وقال فلاديمير بوتين إن «الحوار مستمر مع الجميع».\nبدوره أثنى رئيس الوزراء على القوات فكتب يقول في بيان: «أتمنى للجرحى الشفاء العاجل».',
      'أتمنى للجرحى الشفاء العاجل',
      'رئيس الوزراء',
      'a role subject in the paragraph takes the floor from the speaker of an earlier paragraph',
    ],
    [
      'قال الرئيس الروسي، فلاديمير بوتين، إنه سيرد «بحزم ووضوح» على العقوبات.',
      'بحزم ووضوح',
      'فلاديمير بوتين',
      'a person set off by commas after the title is the subject of the verb before the title',
    ],
    [
      'وندد المرشد الأعلى آية الله علي خامنئي بالضربات، ووصف الرئيس الأمريكي دونالد ترامب ونظيره بـ«المجرمين».',
      'المجرمين',
      'علي خامنئي',
      '«ووصف X بـ«...»»: X is described, the subject of the sentence spoke; «آية الله» is one title',
    ],
    [
      'وصف الشيخ خالد المعلم، إمام المسجد، الرئيس دونالد ترامب، بـ«الشاب الطموح».',
      'الشاب الطموح',
      'خالد المعلم',
      'with commas the subject of «وصف» comes first and the one described after it',
    ],
    [
      'وفي جامعة هارفارد يوجد بعض التردد، كما قال دونالد ترامب، أستاذ في الجامعة. قال: «نعم، يتغير كل شيء الآن».',
      'نعم، يتغير كل شيء الآن',
      'دونالد ترامب',
      'a pronoun-dropped verb goes to the person a verb of saying introduced, not to the first name of the sentence',
    ],
    [
      'قال النبي محمد صلى الله عليه وسلم: «خيركم خيركم لأهله».\nوفي حديث آخر قال النبي صلى الله عليه وسلم: «الكلمة الطيبة صدقة».',
      'الكلمة الطيبة صدقة',
      'محمد',
      'the blessing after «النبي» ends the title; the title stands for the person introduced with it',
    ],
  ];
  it.each(rows)('%s', (body, quote, speaker) => {
    const a = run(body);
    const q = a.quotes.find((x) => x.text === quote);
    expect(q).toBeDefined();
    expect(q?.speaker.name ?? null).toBe(speaker);
  });

  it('a verb followed by a blessing has as subject the last person named with that blessing', () => {
    const a = run(
      'قال النبي محمد صلى الله عليه وسلم كلاما لأصحابه.\nوروى الإمام مسلم أن رجلا أقبل فسأله، فقال صلى الله عليه وسلم: «هل من والديك أحد حي؟».',
    );
    expect(a.quotes[0]?.speaker.name).toBe('محمد');
  });

  it('negative: a blessing is never part of a name', () => {
    const a = run('قال النبي محمد صلى الله عليه وسلم: «خيركم خيركم لأهله».');
    const names = a.actors.map((x) => x.name);
    expect(names).toContain('محمد');
    expect(names.some((n) => n.includes('صلى'))).toBe(false);
  });

  it('negative: «الجامعة» with no university named before it stays nobody', () => {
    const a = run('وكتبت الجامعة على موقع «تويتر»: «نحن نتابع التحقيق بكل اهتمام».');
    expect(a.actors.some((x) => x.mentions.some((m) => m.text === 'الجامعة'))).toBe(false);
  });
});
