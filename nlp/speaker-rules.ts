// Who said a quotation, as tables of constructions of news prose. Each entry names its construction,
// reads the scene at one place and answers or passes; the engine (attribution.ts) owns the loops and
// tries the entries in order. Each entry's examples are its test rows (tests/unit/nlp-speaker-rules).

import type { Speaker, Token } from '../types/analysis';
import { joined } from './gazetteer';
import {
  ABOUT_IT,
  ADJUNCT_PREPOSITIONS,
  AMMA,
  ANONYMOUS_HEADS,
  ANSWER_VERBS,
  ASK_VERBS,
  CAME_VERBS,
  COMPLEMENTIZERS,
  DESCRIBE_VERBS,
  DOCUMENT_NOUNS,
  FEAT_WORDS,
  FUNCTION_WORDS,
  IN_IT,
  NAMING_HEADS,
  ORG_HEADS,
  PASS_ON_VERBS,
  POSITION_WORDS,
  QUANTIFIERS,
  QUESTION_NOUNS,
  RELATIVE_PRONOUNS,
  SPAN_PREPOSITIONS,
  SPEECH_NOUNS,
  STATEMENT_NOUNS,
  TELL_VERBS,
  TITLE_WORDS,
  UNNAMED_BODIES,
} from './lexicon';
import { normalize } from './normalize';
import type { MarkedSpan } from './quotes';
import {
  AN,
  afterPreposition,
  anonymousAt,
  bodyByHead,
  headWithPreposition,
  isCue,
  isDefiniteStatement,
  isStatement,
  LOOKBACK,
  type MentionRef,
  personInPhrase,
  type RoleSpan,
  resolveRole,
  type Scene,
  sentenceEndBetween,
  speakerOf,
  statementOwner,
  stripConj,
  UNKNOWN,
} from './speaker-scene';
import { cliticReadings } from './tokenize';

/** A test row: an article body, one quotation in it, who said it, and why. */
export interface RuleExample {
  body: string;
  quote: string;
  speaker: string | null;
  why: string;
}

export interface Rule<Read> {
  name: string;
  examples: RuleExample[];
  read: Read;
}

const ALA = normalize('على');
const ILA = normalize('إلى');
const SALLA = normalize('صلى');
const MIN = normalize('من');
const FORMER = new Set([normalize('السابق'), normalize('السابقة')]);
const BAAD = normalize('بعض');

// ---------------------------------------------------------------------------------------------
// 1. The subject after a reporting verb: read(scene, cue token, first token not to read) → speaker.

export type SubjectRead = (s: Scene, cue: number, limit: number) => Speaker | null;

export const SUBJECT_RULES: Rule<SubjectRead>[] = [
  {
    name: 'blessing-bearer',
    examples: [
      {
        body: 'قال الرسول محمد صلى الله عليه وسلم كلاما لأصحابه.\nوروى الإمام أن رجلا أقبل فسأله، فقال صلى الله عليه وسلم: «هل من والديك أحد حي؟».',
        quote: 'هل من والديك أحد حي؟',
        speaker: 'محمد',
        why: '«فقال صلى الله عليه وسلم»: the blessing names its bearer, the last one named with it',
      },
    ],
    read: (s, cue, limit) => {
      const subject = s.tokens[cue + 1];
      if (!subject || cue + 1 >= limit || subject.norm !== SALLA) return null;
      for (let t = cue - 1; t >= Math.max(0, cue - LOOKBACK); t--) {
        const m = s.mentionAt[t];
        if (m && !s.inMarks[t] && m.last === t && s.tokens[t + 1]?.norm === SALLA) return speakerOf(m);
      }
      return null;
    },
  },
  {
    name: 'statement-speaks',
    examples: [
      {
        body: 'وقال فلاديمير بوتين في بيان للكرملين «الحوار مستمر مع الجميع». وتابع البيان «لن نقبل بأي تهديد لأمننا».',
        quote: 'لن نقبل بأي تهديد لأمننا',
        speaker: 'الكرملين',
        why: '«وتابع البيان»: the statement speaks for the body it was issued for',
      },
      {
        body: 'وقال وزير الخارجية فرانك مولر في بيان إن الاجتماع انتهى. وأضاف البيان «لن نقبل بأي تهديد لأمننا».',
        quote: 'لن نقبل بأي تهديد لأمننا',
        speaker: 'فرانك مولر',
        why: '«قال X في بيان … وأضاف البيان»: the statement is X’s',
      },
    ],
    read: (s, cue, limit) => {
      const subject = s.tokens[cue + 1];
      if (!subject || cue + 1 >= limit || s.mentionAt[cue + 1] || !isDefiniteStatement(subject)) return null;
      const owner = statementOwner(s, cue + 1);
      return owner ? speakerOf(owner) : null;
    },
  },
  {
    name: 'unnamed-body',
    examples: [
      {
        body: 'وقال فرانك مولر إن الحوار مستمر. وقالت الشرطة: «لم نعتقل أحدا حتى الآن».',
        quote: 'لم نعتقل أحدا حتى الآن',
        speaker: 'الشرطة',
        why: '«وقالت الشرطة»: a body named by a definite common noun speaks as an unnamed source, not the last speaker',
      },
      {
        body: 'وقال فرانك مولر إن الحوار مستمر. وأشارت العديد من وسائل الإعلام إلى أن «الحوار متعثر منذ أشهر».',
        quote: 'الحوار متعثر منذ أشهر',
        speaker: 'العديد من وسائل الإعلام',
        why: '«العديد من X», «بعض X»: a quantified group speaks as an unnamed source',
      },
      {
        body: 'وقال فرانك مولر إن الحوار مستمر. وتحدث الصحفيون عن الاجتماع، وقال بعضهم إن «النتائج جاءت متواضعة».',
        quote: 'النتائج جاءت متواضعة',
        speaker: 'بعضهم',
        why: '«وقال بعضهم»: «some of them» is an unnamed group, not an object pronoun nor the last speaker',
      },
      {
        body: 'وأصدرت وزارة الخارجية بيانا أمس. وقال فرانك مولر إن الحوار مستمر. وقالت الوزارة إن «الاتصالات مستمرة مع الجميع».',
        quote: 'الاتصالات مستمرة مع الجميع',
        speaker: 'وزارة الخارجية',
        why: '«وقالت الوزارة»: the organization the article named with that head word',
      },
      {
        body: 'وقال فرانك مولر إن الحوار مستمر. وقال المسؤول في الكرملين فلاديمير بوتين إن «التحقيق مستمر».',
        quote: 'التحقيق مستمر',
        speaker: 'فلاديمير بوتين',
        why: 'negative: a name within the phrase after the noun is the subject',
      },
      {
        body: 'وأكدت ماريا خالد أنها تابعت بعض أعمال الدراما هذا العام، وقالت: «كانت أعمالا جميلة جدا».',
        quote: 'كانت أعمالا جميلة جدا',
        speaker: 'ماريا خالد',
        why: 'negative: «تابعت بعض أعمال»: a quantified object of a verb is no speaker',
      },
      {
        body: 'ونقلت وكالة الكرملين عن مصادر أمنية أن الموقوفين ثلاثة. وأوضحت المصادر ذاتها أن التهمة هي «التواصل مع أعضاء في تنظيم مسلح».',
        quote: 'التواصل مع أعضاء في تنظيم مسلح',
        speaker: 'المصادر ذاتها',
        why: '«وأوضحت المصادر ذاتها»: an unnamed source named again with «ال» is still unnamed, not the agency',
      },
      {
        body: 'وقال فرانك مولر إن الحوار مستمر.\nوأعلن المتحدث باسم الرئاسة، فلاديمير بوتين، أن القمة ستعقد.\nوقال: «لا تغيير في الموعد».',
        quote: 'لا تغيير في الموعد',
        speaker: 'فلاديمير بوتين',
        why: 'negative: an official named by role and then by name is no unnamed source',
      },
    ],
    read: unnamedBody,
  },
  {
    name: 'verb-subject',
    examples: [
      {
        body: 'قال الرئيس الروسي، فلاديمير بوتين، إنه سيرد «بحزم ووضوح» على العقوبات.',
        quote: 'بحزم ووضوح',
        speaker: 'فلاديمير بوتين',
        why: 'a person set off by commas after the title is the subject of the verb before the title',
      },
      {
        body: 'ونقلت وكالة الكرملين عن مصدر مطلع قوله إن «الاجتماع تأجل إلى موعد لاحق».',
        quote: 'الاجتماع تأجل إلى موعد لاحق',
        speaker: 'مصدر مطلع',
        why: '«نقلت X عن Y»: the one passed on after «عن» spoke, not the one passing on',
      },
      {
        body: 'وقال العميل الخاص في مكتب التحقيقات الفيدرالي، خالد الخطيب: «نحقق في كل الأسباب الممكنة».',
        quote: 'نحقق في كل الأسباب الممكنة',
        speaker: 'خالد الخطيب',
        why: 'a person set off by a comma after a title that holds an organization is the subject, not the organization',
      },
      {
        body: 'وتحدث الخبير الاقتصادي سامي الخطيب عن الأسعار. وقال فرانك مولر إن «الأسواق هادئة اليوم».\nويرى الخبير الاقتصادي المصري أن «الأسعار سترتفع في الشتاء المقبل».',
        quote: 'الأسعار سترتفع في الشتاء المقبل',
        speaker: 'سامي الخطيب',
        why: 'a later role stands for the person the article named with that role, though it is longer than the stored one',
      },
      {
        body: 'وقال مدرب المنتخب خالد الخطيب إن الفريق جاهز. وقال فرانك مولر إن «المباراة صعبة جدا».\nويرى المدرب الإسباني أن «الفوز ممكن في المباراة المقبلة».',
        quote: 'الفوز ممكن في المباراة المقبلة',
        speaker: 'خالد الخطيب',
        why: '«المدرب الإسباني» for the one named «مدرب المنتخب»: a nationality adjective does not stop the match',
      },
      {
        body: 'وقال الرئيس فرانك مولر إن الحوار مستمر.\nوقال رئيس الوزراء إن «الحكومة لن تستقيل أبدا».',
        quote: 'الحكومة لن تستقيل أبدا',
        speaker: 'رئيس الوزراء',
        why: 'negative: «رئيس الوزراء» is not the one named «الرئيس»: an extra noun makes another office',
      },
      {
        body: 'وأوضح مسؤول رفض الكشف عن اسمه أن «المفاوضات لم تنته بعد».',
        quote: 'المفاوضات لم تنته بعد',
        speaker: 'مسؤول رفض الكشف عن اسمه',
        why: 'an unnamed source written in prose is an anonymous speaker',
      },
      {
        body: 'وقال باحث رفض ذكر اسمه إن «الأرقام الرسمية غير دقيقة».',
        quote: 'الأرقام الرسمية غير دقيقة',
        speaker: 'باحث رفض ذكر اسمه',
        why: 'a verb of saying after «رفض» belongs to the description of the unnamed source',
      },
      {
        body: 'وقال فرانك مولر إن الوضع صعب. وقال مصدر عسكري لـCNN، أمس، إن القوات «تتقدم ببطء نحو المدينة».',
        quote: 'تتقدم ببطء نحو المدينة',
        speaker: 'مصدر عسكري',
        why: '«مصدر ... لـCNN»: the outlet after «لـ» is whom the unnamed source spoke to, not part of the description',
      },
      {
        body: 'وقال فرانك مولر إن الوضع صعب. ونقل المراسل عن مسؤولين محليين وصفهم للوضع بأنه «هادئ لكنه متوتر».',
        quote: 'هادئ لكنه متوتر',
        speaker: 'مسؤولين محليين',
        why: '«عن مسؤولين وصفهم ... بأنه»: the speech noun with their pronoun ends the description of the unnamed source',
      },
      {
        body: 'وقال فلاديمير بوتين إن الحوار مستمر. وفي مقابلة خص علي بيري «الكرملين» بحوار، مشددا على أن بلاده تسعى لـ«صد التهديدات في المنطقة».',
        quote: 'صد التهديدات في المنطقة',
        speaker: 'علي بيري',
        why: 'negative: «بيري» reads as «بـ» + «يرى», but a word of a recognised name is no reporting verb',
      },
      {
        body: 'وقال فرانك مولر إن المباراة صعبة. وكتبت صحيفة «نوفا غازيتا» عن الخسارة: «أداء ضعيف من الجميع».',
        quote: 'أداء ضعيف من الجميع',
        speaker: 'نوفا غازيتا',
        why: 'a newspaper named in marks after «صحيفة» speaks by that name, though no list knows it',
      },
      {
        body: 'ويتذكر فرانك مولر تلك الأيام جيدا.\nوقال المهاجم السابق لنادي الكرملين: «كانت أياما صعبة علينا».',
        quote: 'كانت أياما صعبة علينا',
        speaker: 'فرانك مولر',
        why: 'a former player’s title with the club he served is the person the article was speaking of, not the club',
      },
      {
        body: 'وتحدث سامي الخطيب عن المباراة.\nوقال مهاجم فلاديمير بوتين وموسكو السابق، والذي لعب في البطولة مرتين، إن «هناك تراجعا واضحا».',
        quote: 'هناك تراجعا واضحا',
        speaker: 'سامي الخطيب',
        why: '«مهاجم X وY السابق»: the names between an indefinite title and «السابق» are where it was held, even one read as a person',
      },
      {
        body: 'وقال فرانك مولر إن المباراة صعبة.\nوقال اللاعب الفائز بالمباراة الأخيرة في الدوري: «سنصل إلى النهائي».',
        quote: 'سنصل إلى النهائي',
        speaker: 'فرانك مولر',
        why: '«اللاعب الفائز بـ...»: a player described by a past feat is the one the article was speaking of',
      },
      {
        body: 'ومن بين المتفائلين المدافع السابق موسكو.\nوقال اللاعب الفائز بالمباراة الأخيرة في الدوري: «سنصل إلى النهائي».',
        quote: 'سنصل إلى النهائي',
        speaker: 'موسكو',
        why: 'a name right after a player’s title is that player, though the lists know it as a place',
      },
      {
        body: 'وقال فرانك مولر إن المباراة صعبة.\nوقال المسؤول الإعلامي لنادي الكرملين: «التذاكر نفدت كلها».',
        quote: 'التذاكر نفدت كلها',
        speaker: 'المسؤول الإعلامي لنادي الكرملين',
        why: 'negative: a serving official the article has not named stays unnamed, and the club does not speak',
      },
      {
        body: 'وأوضح فرانك مولر أن الأمر صعب.\nوقال: «الكرملين سيرد على العقوبات قريبا».. «لن نتراجع عن موقفنا أبدا».',
        quote: 'لن نتراجع عن موقفنا أبدا',
        speaker: 'فرانك مولر',
        why: 'negative: a name inside the quotation after «وقال:» is not the subject of «قال»',
      },
      {
        body: 'وقال فلاديمير بوتين إن الحوار مستمر.\nفإن فرانك مولر الذي أيد الخطوات منذ البداية أبلغ «الكرملين» أن «تأييدنا للخطوات ثابت».',
        quote: 'تأييدنا للخطوات ثابت',
        speaker: 'فرانك مولر',
        why: 'negative: «أبلغ «X» أن»: the body after a verb of telling is the listener',
      },
      {
        body: 'وقال فلاديمير بوتين إن الحوار مستمر. وأبلغ مصدر مطلع «الكرملين» أن «الاجتماع تأجل إلى موعد لاحق».',
        quote: 'الاجتماع تأجل إلى موعد لاحق',
        speaker: 'مصدر مطلع',
        why: '«أبلغ مصدر «X» أن»: the unnamed source before the listener told it',
      },
      {
        body: 'وقال فلاديمير بوتين إنه يؤيد الحوار، لكنه يعترض على قول فرانك مولر إنه «لا بديل عن المواجهة».',
        quote: 'لا بديل عن المواجهة',
        speaker: 'فرانك مولر',
        why: '«قول X إنه «...»»: the agent of a speech-act noun said it, not the subject of the sentence',
      },
      {
        body: 'وقال فرانك مولر إن الأزمة تتفاقم، مع إعلان وكالة «الكرملين» المكلفة بالملف، أن «المخازن امتلأت بالكامل».',
        quote: 'المخازن امتلأت بالكامل',
        speaker: 'الكرملين',
        why: '«إعلان وكالة «X» أن»: the body that made the announcement said it',
      },
    ],
    read: verbSubject,
  },
];

/** The subject after a cue token: a mention, an anonymous source, a role, or «نقلت X عن Y» → Y. */
export function subjectAfter(s: Scene, cue: number, limit: number): Speaker | null {
  for (const rule of SUBJECT_RULES) {
    const speaker = rule.read(s, cue, limit);
    if (speaker) return speaker;
  }
  return null;
}

/** «وقالت الشرطة», «وقالت الوزارة», «وأشار بعض النواب»: the body or group right after the cue, with no name after it. */
function unnamedBody(s: Scene, cue: number, limit: number): Speaker | null {
  const { text, tokens, mentionAt, roleAt, inMarks } = s;
  const j = cue + 1;
  const tok = tokens[j];
  if (!tok || j >= limit || mentionAt[j] || roleAt.has(j) || inMarks[j] || !joined(text, tokens[cue]!, tok)) return null;
  const n = tok.norm;
  // «العديد من X», «بعض النواب»; not «تابعت بعض أعمال ...», where the verb has an object.
  const next = tokens[j + 1]?.norm ?? '';
  const quantified =
    (QUANTIFIERS.has(n) && (next === MIN || (n === BAAD && next.startsWith('ال')))) || /^(?:بعض|معظم|اغلب)(?:هم|هن)$/.test(n);
  const body = UNNAMED_BODIES.has(n) || (n.startsWith('ال') && ORG_HEADS.has(n.slice(2)));
  // «وأوضحت المصادر ذاتها»: an unnamed source the article mentioned before.
  const source = n.startsWith('ال') && ANONYMOUS_HEADS.has(n.slice(2));
  if (!quantified && !body && !source) return null;
  // «وقال المسؤول الأمريكي X», «المتحدث باسم الرئاسة، X،»: a name within the phrase is the subject, read by the next entry.
  for (let k = j + 1; k < Math.min(limit, j + 10); k++) {
    if (COMPLEMENTIZERS.has(tokens[k]!.norm) || sentenceEndBetween(text, tokens[k - 1]!.end, tokens[k]!.start)) break;
    if (mentionAt[k] && (source ? mentionAt[k]!.actor.type === 'person' : k < j + 4)) return null;
  }
  return (body ? bodyByHead(s, n, tok.start) : null) ?? anonymousAt(s, j, limit);
}

function verbSubject(s: Scene, cue: number, limit: number): Speaker | null {
  const { text, tokens, mentionAt, roleAt } = s;
  const passOn = PASS_ON_VERBS.has(tokens[cue]!.norm);
  let seenSubject: MentionRef | null = null;
  let afterPhrase = false;
  // «أبلغ «الصحيفة» أن»: after a verb of telling, a body right after it is the listener.
  const tells = TELL_VERBS.has(stripConj(tokens[cue]!.norm));
  for (let j = cue + 1, steps = 0; j < limit && steps < 10; steps++, j++) {
    const tok = tokens[j]!;
    const n = tok.norm;
    // «وقال: «وزارة الدفاع ...».. «...»»: the subject of a verb is never inside a quotation.
    if (s.inMarks[j] === 2) break;
    if (COMPLEMENTIZERS.has(n) && n !== ALA && n !== ILA) break;
    const punct = text.slice(tokens[j - 1]!.end, tok.start);
    // «قالت وزيرة الخارجية الفرنسية، كاترين كولونا، إنها»: a person set off by commas after a title is the subject.
    const apposed = /^[\s،,]+$/.test(punct) && mentionAt[j]?.actor.type === 'person';
    if (/[.،,:؛]/.test(punct) && steps > 0 && !seenSubject && !apposed) break;
    // «نقلت وكالة الأنباء قول الأمير فلان إن ...»: the agency reports someone's words.
    if ((passOn && seenSubject && SPEECH_NOUNS.has(n)) || (n === AN && (passOn || seenSubject))) {
      const passedOn = subjectAfter(s, j, limit);
      if (passedOn) return passedOn;
      break;
    }
    // «وأعربت صحيفة ميونيخ «X» عن ...»: a medium named in marks that no list knows speaks by that name.
    if (steps === 0 && !passOn && NAMING_HEADS.has(stripConj(n))) {
      const named = nameInMarks(s, j + 1, Math.min(limit, j + 3));
      if (named) return named;
    }
    const m = mentionAt[j];
    if (steps === 0 && tells && m && m.actor.type !== 'person') {
      j = m.last;
      continue;
    }
    // «وشددت «نجمة الجبل» على ...»: a nickname in marks is the subject, of whom the article speaks already.
    if (steps === 0 && !m && s.inMarks[j] === 1) return null;
    if (m && !seenSubject && afterPhrase && m.actor.type !== 'person') {
      j = m.last;
      continue;
    }
    if (m && !seenSubject && (m.actor.type !== 'place' || steps === 0)) {
      // «دعا الأمين العام للأمم المتحدة أنطونيو غوتيريش»: the organization is part of a title
      // whose person follows in the same phrase.
      const person = m.actor.type === 'person' ? null : personInPhrase(s, m.last + 1, limit);
      if (person) {
        j = person.first;
        continue;
      }
      seenSubject = m;
      // «نقلت رويترز عن ...»: keep looking for «عن» when the verb is «نقل»; a person speaking
      // «عن» something («تحدث X عن شعور ...») speaks about it.
      if (!passOn && (tokens[m.last + 1]?.norm !== AN || m.actor.type === 'person')) return speakerOf(m);
      j = m.last;
      continue;
    }
    if (!seenSubject && !afterPhrase && ANONYMOUS_HEADS.has(stripConj(n))) return anonymousAt(s, j, limit);
    // «وأوضح الناطق باسم وزارة الصحة»: an official named only by role.
    const role = roleAt.get(j);
    if (!seenSubject && !m && role && !afterPhrase) {
      // «ويقول الباحث السياسي والخبير العسكري X:»: titles, then the person who carries them.
      const person = personInPhrase(s, role.last + 1, limit);
      return person ? speakerOf(person) : formerHolder(s, role, limit);
    }
    // «وقال مهاجم نادي X السابق»: a person's title with the body it serves; the body does not speak.
    if (steps === 0 && !m && !role && (TITLE_WORDS.has(stripConj(n)) || POSITION_WORDS.has(stripConj(n)))) {
      const served = bodyAfterTitle(s, j, limit) ?? formerTitleEnd(s, j, limit);
      if (served) return formerHolder(s, { first: j, last: served.last }, limit);
    }
    // «وكتب على منصته وزير المالية سامي يوسف»: after a prepositional phrase only a person is the subject.
    if (steps === 0 && !m && FUNCTION_WORDS.has(n)) afterPhrase = true;
    // «تصريحات لتلفزيون «X»»: the outlet after a glued preposition is who was spoken to.
    if (!m && headWithPreposition(tok)) afterPhrase = true;
  }
  return seenSubject ? speakerOf(seenSubject) : null;
}

/**
 * A title the article gave no one: resolved as a role; but a *former* holder («وقال المهاجم السابق
 * لنادي X», «مدافع الفريق ... السابق») or one described by a past feat («اللاعب الحائز على جائزة ...») is the person the article was just speaking of, the latest one
 * named before it in this paragraph or the one before.
 */
function formerHolder(s: Scene, role: RoleSpan, limit: number): Speaker {
  const resolved = resolveRole(s, role);
  if (resolved.kind === 'actor') return resolved;
  const { text, tokens, mentionAt, inMarks, paragraphOf } = s;
  let former = false;
  for (let k = role.first; k < Math.min(limit, role.first + 8) && !COMPLEMENTIZERS.has(tokens[k]!.norm); k++) {
    if (FORMER.has(tokens[k]!.norm) || (k === role.first + 1 && FEAT_WORDS.has(tokens[k]!.norm))) former = true;
    if (k + 1 < tokens.length && /[.،,:]/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start))) break;
  }
  if (!former) return resolved;
  const para = paragraphOf(tokens[role.first]!.start);
  for (let k = role.first - 1; k >= Math.max(0, role.first - LOOKBACK) && para - paragraphOf(tokens[k]!.start) <= 2; k--) {
    const m = mentionAt[k];
    if (m && !inMarks[k] && (m.actor.type === 'person' || titled(s, m.first))) return speakerOf(m);
  }
  return resolved;
}

/** «المدافع الدولي السابق X»: a name right after a person's title is a person, whatever type it was read as. */
function titled(s: Scene, first: number): boolean {
  const { text, tokens } = s;
  for (let k = first - 1; k >= Math.max(0, first - 4) && joined(text, tokens[k]!, tokens[k + 1]!); k--) {
    const n = stripConj(tokens[k]!.norm);
    if (TITLE_WORDS.has(n) || POSITION_WORDS.has(n)) return true;
  }
  return false;
}

/** «مهاجم نادي X», «المهاجم السابق لنادي X»: the body a title serves, within three joined words, when no person follows. */
function bodyAfterTitle(s: Scene, title: number, limit: number): MentionRef | null {
  const { text, tokens, mentionAt } = s;
  for (let k = title + 1; k < Math.min(limit, title + 4) && joined(text, tokens[k - 1]!, tokens[k]!); k++) {
    const m = mentionAt[k];
    if (!m) continue;
    return m.actor.type !== 'person' && !personInPhrase(s, m.last + 1, limit) ? m : null;
  }
  return null;
}

/**
 * «مهاجم X وY وZ السابق»: an indefinite title, the bodies it served joined by «و», then «السابق» —
 * the words between are what the title was held at (whatever type they were read as), not its holder.
 */
function formerTitleEnd(s: Scene, title: number, limit: number): RoleSpan | null {
  const { text, tokens } = s;
  if (tokens[title]!.norm.startsWith('ال')) return null;
  for (let k = title + 2; k < Math.min(limit, title + 8) && joined(text, tokens[k - 1]!, tokens[k]!); k++) {
    if (FORMER.has(tokens[k]!.norm)) return personInPhrase(s, k + 1, limit) ? null : { first: title, last: k };
  }
  return null;
}

/** A name in marks starting within [from, to) that no mention covers, as a speaker by that name. */
function nameInMarks(s: Scene, from: number, to: number): Speaker | null {
  const { text, tokens, inMarks, mentionAt } = s;
  for (let k = from; k < to; k++) {
    if (!joined(text, tokens[k - 1]!, tokens[k]!) && !/^\s*[«"“]\s*$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) return null;
    if (inMarks[k] !== 1) continue;
    if (mentionAt[k]) return speakerOf(mentionAt[k]!);
    let last = k;
    while (last + 1 < tokens.length && inMarks[last + 1] === 1 && joined(text, tokens[last]!, tokens[last + 1]!)) last++;
    return { actorId: null, name: text.slice(tokens[k]!.start, tokens[last]!.end), kind: 'anonymous' };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// 2. A reporting cue before the quotation, at token t: who its subject is, or how to go on.

/**
 * 'speaker': the cue's subject said it. 'skip': the cue reports no speech, look further back.
 * 'subjectless': a cue without a subject of its own (resolved like a pronoun-dropped verb unless an
 * earlier cue has one). 'adjunct': a statement noun whose owner speaks only when no verb is found.
 */
interface CueReading {
  kind: 'speaker' | 'skip' | 'subjectless' | 'adjunct';
  speaker?: Speaker;
}

export type CueRead = (s: Scene, t: number, q: MarkedSpan, limit: number) => CueReading | null;

export const CUE_RULES: Rule<CueRead>[] = [
  {
    name: 'amma-topic',
    examples: [
      {
        body: 'وصل فرانك مولر إلى موسكو. أما الكرملين فأعلن أنه «لن يشارك في القمة المقبلة أبدا».',
        quote: 'لن يشارك في القمة المقبلة أبدا',
        speaker: 'الكرملين',
        why: '«أما X فأعلن»: the topic of «أما» is the subject of the verb with «ف»',
      },
      {
        body: 'وقال فرانك مولر إن «الحوار مستمر». أما وكالة «الكرملين» فأشارت إلى أن الجهود حققت «نجاحا صغيرا بعد نجاح صغير».',
        quote: 'نجاحا صغيرا بعد نجاح صغير',
        speaker: 'الكرملين',
        why: '«أما وكالة «X» فأشارت»: a naming word between «أما» and the name keeps the topic',
      },
    ],
    read: (s, t) => {
      const topic = s.mentionAt[t - 1];
      if (!topic || topic.actor.type === 'place' || s.tokens[t]!.norm[0] !== 'ف') return null;
      // «أما صحيفة «X» فأشارت»: a naming word may stand between «أما» and the name.
      const head = s.tokens[topic.first - 1];
      const named = head !== undefined && (ORG_HEADS.has(head.norm) || NAMING_HEADS.has(head.norm)) && isAmma(s.tokens[topic.first - 2]);
      if (!isAmma(head) && !named) return null;
      return { kind: 'speaker', speaker: speakerOf(topic) };
    },
  },
  {
    name: 'verb-with-object',
    examples: [
      {
        body: 'وقال فرانك مولر إن الأغنية التي كتب كلماتها الشاعر خالد الخطيب «ستبقى في الذاكرة طويلا».',
        quote: 'ستبقى في الذاكرة طويلا',
        speaker: 'فرانك مولر',
        why: '«كتب كلماتها X»: a verb with an object of its own reports no speech',
      },
      {
        body: 'وقالت ماريا خالد: «أين هي؟ دعوني أذهب إليها».\nثم قال أحدهم: «لقد رحلت الفتاة».',
        quote: 'لقد رحلت الفتاة',
        speaker: 'أحدهم',
        why: 'negative: «قال أحدهم»: «one of them» is the subject, not an object pronoun',
      },
    ],
    read: (s, t) => (hasObject(s, t) ? { kind: 'skip' } : null),
  },
  {
    name: 'relative-clause',
    examples: [
      {
        body: 'بحسب ما كشف مصدر مقرب من الرئيس فلاديمير بوتين، الذي أكد أن «القمة ستعقد في موعدها».',
        quote: 'القمة ستعقد في موعدها',
        speaker: 'مصدر مقرب من الرئيس فلاديمير بوتين',
        why: '«مصدر مقرب من X، الذي أكد»: the relative clause is about the head of the phrase, not the name inside its «من»',
      },
    ],
    read: (s, t) => {
      const rel = s.tokens[t - 1];
      if (!rel || !RELATIVE_PRONOUNS.has(rel.norm)) return null;
      const antecedent = relativeAntecedent(s, t - 1);
      return antecedent ? { kind: 'speaker', speaker: antecedent } : null;
    },
  },
  {
    name: 'document-contents',
    examples: [
      {
        body: 'وقال فرانك مولر إن الجماعة تؤمن بنص قديم. ويستشهد أنصارها بحديث نبوي شريف جاء فيه: «تخرج من الشرق رايات سود».',
        quote: 'تخرج من الشرق رايات سود',
        speaker: 'حديث نبوي شريف',
        why: '«بحديث ... جاء فيه:»: the document speaks, not the one who cites it',
      },
      {
        body: 'وقال فلاديمير بوتين إن الحوار مستمر. وأصدر الكرملين بيانا جاء فيه أن «القمة ستعقد في موعدها».',
        quote: 'القمة ستعقد في موعدها',
        speaker: 'الكرملين',
        why: '«أصدر X بيانا جاء فيه»: the body that issued the document speaks through it',
      },
      {
        body: 'وقال فرانك مولر إنه لا يخاف. وقالت ماريا خالد إنها تلقت رسالة جاء فيها «سيأتي دورك قريبا».',
        quote: 'سيأتي دورك قريبا',
        speaker: 'رسالة',
        why: '«تلقت X رسالة جاء فيها»: the message speaks, not the one who received it',
      },
      {
        body: 'وقال فرانك مولر إن الوضع هادئ. وتداول الناس رسالة تحذر من المرض جاء فيها «أغلقوا الأبواب مساء».',
        quote: 'أغلقوا الأبواب مساء',
        speaker: 'رسالة',
        why: '«رسالة تحذر من ...»: the document is the noun, the verb after it is not part of its name',
      },
    ],
    read: (s, t) => {
      const { text, tokens, inMarks } = s;
      if (!CAME_VERBS.has(tokens[t]!.norm) || !IN_IT.has(tokens[t + 1]?.norm ?? '')) return null;
      // The nearest document noun in the sentence before «جاء فيه», with the adjectives joined to it.
      for (let k = t - 1; k >= Math.max(0, t - 7); k--) {
        if (inMarks[k] || sentenceEndBetween(text, tokens[k]!.end, tokens[k + 1]!.start)) return null;
        // «وأصدر الكرملين بيانا جاء فيه»: the one who issued a statement speaks through it.
        if (isStatement(tokens[k]!)) {
          const owner = statementOwner(s, t);
          return { kind: 'speaker', speaker: owner ? speakerOf(owner) : { actorId: null, name: tokens[k]!.text, kind: 'anonymous' } };
        }
        if (!cliticReadings(tokens[k]!.norm).some((r) => DOCUMENT_NOUNS.has(r.stem))) continue;
        // «حديث نبوي شريف»: adjectives after the noun; «رسالة تحذر من ...»: a verb ends it.
        let last = k;
        while (last + 1 < t && last - k < 3 && joined(text, tokens[last]!, tokens[last + 1]!) && !/^[تيو]/.test(tokens[last + 1]!.norm))
          last++;
        const name = text.slice(tokens[k]!.start, tokens[last]!.end).replace(/^[وفبل](?=\S{3})/, '');
        return { kind: 'speaker', speaker: { actorId: null, name, kind: 'anonymous' } };
      }
      return null;
    },
  },
  {
    name: 'said-in-it',
    examples: [
      {
        body: 'وقال فرانك مولر إن «الحوار مستمر». واستند المعارضون إلى خطاب للرئيس فلاديمير بوتين، قال فيه «سنبقى حيث يجب أن نكون».',
        quote: 'سنبقى حيث يجب أن نكون',
        speaker: 'فلاديمير بوتين',
        why: '«خطاب لـX، قال فيه»: the one who gave the speech or letter said it, the person named right before',
      },
    ],
    read: (s, t) => {
      const next = s.tokens[t + 1];
      if (!next || !IN_IT.has(next.norm) || !joined(s.text, s.tokens[t]!, next)) return null;
      let organization: MentionRef | null = null;
      for (let k = t - 1; k >= Math.max(0, t - 15); k--) {
        if (sentenceEndBetween(s.text, s.tokens[k]!.end, s.tokens[k + 1]!.start)) break;
        const m = s.mentionAt[k];
        if (!m || s.inMarks[k] || m.actor.type === 'place') continue;
        if (m.actor.type === 'person') return { kind: 'speaker', speaker: speakerOf(m) };
        organization ??= m;
      }
      return organization ? { kind: 'speaker', speaker: speakerOf(organization) } : null;
    },
  },
  {
    name: 'answer-to-question',
    examples: [
      {
        body: 'وقال فلاديمير بوتين: «الحوار مستمر». وسأل فرانك مولر خالد الخطيب عن الموعد، فأجاب: «لا أدري متى بالضبط».',
        quote: 'لا أدري متى بالضبط',
        speaker: 'خالد الخطيب',
        why: '«سأل X Y ... فأجاب»: the one asked answers, not the asker nor the last speaker',
      },
      {
        body: 'وقال فلاديمير بوتين: «الحوار مستمر». وسأله صحفي عن الموعد فأجاب: «لا أدري متى بالضبط».',
        quote: 'لا أدري متى بالضبط',
        speaker: 'فلاديمير بوتين',
        why: 'negative: «سأله صحفي ... فأجاب»: the one asked is the pronoun, the speaker the article follows',
      },
    ],
    read: (s, t) => {
      if (!cliticReadings(s.tokens[t]!.norm).some((r) => !r.prefix.includes('ال') && ANSWER_VERBS.has(r.stem))) return null;
      for (let k = t - 1; k >= Math.max(0, t - 20); k--) {
        if (s.inMarks[k] || sentenceEndBetween(s.text, s.tokens[k]!.end, s.tokens[k + 1]!.start)) return null;
        if (!ASK_VERBS.has(s.tokens[k]!.norm)) continue;
        // The asker right after «سأل», then the one asked: the next person before the answer.
        const asker = s.mentionAt[k + 1];
        if (!asker || asker.first !== k + 1) return null;
        for (let j = asker.last + 1; j < t; j++) {
          const asked = s.mentionAt[j];
          if (asked && asked.actor.type === 'person' && !s.inMarks[j]) return { kind: 'speaker', speaker: speakerOf(asked) };
        }
        return { kind: 'speaker', speaker: UNKNOWN };
      }
      return null;
    },
  },
  {
    name: 'subject-verb',
    examples: [
      {
        body: 'وفي المؤتمر، علي رضواني يصف الاتفاق بـ«الخطأ الكبير».',
        quote: 'الخطأ الكبير',
        speaker: 'علي رضواني',
        why: 'a present-tense verb right after a name has that name as subject',
      },
    ],
    read: (s, t) => {
      const before = s.mentionAt[t - 1];
      if (!before || before.actor.type === 'place' || !/^[يت]/.test(s.tokens[t]!.norm) || s.inMarks[t - 1]) return null;
      // «... بيروت.\nتقول X:»: the name must sit right before the verb, not across a sentence end.
      if (!joined(s.text, s.tokens[t - 1]!, s.tokens[t]!)) return null;
      return { kind: 'speaker', speaker: speakerOf(before) };
    },
  },
  {
    name: 'describe-as',
    examples: [
      {
        body: 'وندد المرشد الأعلى آية الله علي رضواني بالضربات، ووصف الرئيس الأمريكي فرانك مولر ونظيره بـ«المجرمين».',
        quote: 'المجرمين',
        speaker: 'علي رضواني',
        why: '«ووصف X بـ«...»»: X is described; the subject of the sentence spoke',
      },
    ],
    read: (s, t, q) => (describesAs(s, t, q) ? { kind: 'subjectless' } : null),
  },
  {
    name: 'verb-subject',
    examples: [
      {
        body: 'وقال البابا في بيان للكرملين «لن نقبل بأي تهديد بعد الآن».',
        quote: 'لن نقبل بأي تهديد بعد الآن',
        speaker: 'البابا',
        why: '«قال X في بيان لـY»: the statement is an adjunct of the verb whose subject spoke',
      },
      {
        body: 'وتقول ماريا خالد عن اليوم الذي غادر فيه فرانك مولر: «كان يوما حزينا للجميع».',
        quote: 'كان يوما حزينا للجميع',
        speaker: 'ماريا خالد',
        why: 'the subject of the verb wins over a name inside its object right before the colon',
      },
    ],
    read: (s, t, _q, limit) => {
      const speaker = subjectAfter(s, t, limit);
      if (!speaker) return null;
      // «وقال الوزير في بيان للوزارة "..."»: a statement noun after a preposition is an adjunct of the
      // verb before it; the statement's owner speaks only when no verb is found.
      return { kind: adjunctNoun(s.tokens, t) ? 'adjunct' : 'speaker', speaker };
    },
  },
  {
    name: 'person-then-bare-verb',
    examples: [
      {
        body: 'وأكد أصدقاؤه أن خالد الخطيب، كتب في صفحته: «سأعود قريبا إلى بلدي».',
        quote: 'سأعود قريبا إلى بلدي',
        speaker: 'خالد الخطيب',
        why: 'a bare verb right after a person has that person as subject',
      },
    ],
    read: (s, t) => {
      const before = s.mentionAt[t - 1];
      // «... لوكاشينكو، وقال» starts a new clause with the earlier subject, so و/ف-verbs do not count.
      if (before?.actor.type !== 'person' || before.last !== t - 1 || s.inMarks[t - 1] || /^[وف]/.test(s.tokens[t]!.text)) return null;
      // «وعن سؤال عن X، قال»: a person inside a prepositional phrase is not the subject.
      if (afterPreposition(s, before.first)) return null;
      return { kind: 'speaker', speaker: speakerOf(before) };
    },
  },
];

/**
 * The head of the phrase before «، الذي»: walking back, a name or an unnamed source opens a
 * candidate; a preposition on the way means what followed it was inside its phrase.
 */
function relativeAntecedent(s: Scene, rel: number): Speaker | null {
  const { text, tokens, mentionAt, inMarks } = s;
  let best: Speaker | null = null;
  for (let k = rel - 1; k >= Math.max(0, rel - 12); k--) {
    if (sentenceEndBetween(text, tokens[k]!.end, tokens[k + 1]!.start) || inMarks[k]) break;
    const n = tokens[k]!.norm;
    if (SPAN_PREPOSITIONS.has(n)) {
      best = null;
      continue;
    }
    const m = mentionAt[k];
    if (m && m.actor.type !== 'place') {
      best = speakerOf(m);
      k = m.first;
    } else if (ANONYMOUS_HEADS.has(stripConj(n))) {
      best = anonymousAt(s, k, rel);
    } else if (isCue(tokens[k]!)) break;
  }
  return best;
}

function isAmma(tok: Token | undefined): boolean {
  return tok !== undefined && AMMA.has(tok.norm);
}

/** «وصف X بـ«...»»: a past-tense «وصف» (or «واصفا») whose quotation follows «بـ», with no comma between. */
function describesAs(s: Scene, cue: number, q: MarkedSpan): boolean {
  const { text, tokens } = s;
  if (!cliticReadings(tokens[cue]!.norm).some((r) => !r.prefix.includes('ال') && DESCRIBE_VERBS.has(r.stem))) return false;
  if (!/ب[\u0640]?\s*$/.test(text.slice(Math.max(0, q.open - 3), q.open))) return false;
  // «وصف الشيخ X، ...، ولي العهد Y، بـ«...»»: with commas the subject is named before the object.
  for (let k = tokens[cue]!.end; k < q.open; k++) if (text[k] === '،' || text[k] === ',') return false;
  return true;
}

/** «في بيان», «ببيان», «عبر تصريحات»: a statement noun inside a prepositional phrase. */
function adjunctNoun(tokens: readonly Token[], cue: number): boolean {
  const n = tokens[cue]!.norm;
  if (n.length > 3 && n[0] === 'ب' && STATEMENT_NOUNS.has(n.slice(1))) return true;
  const prev = tokens[cue - 1];
  return STATEMENT_NOUNS.has(n) && prev !== undefined && ADJUNCT_PREPOSITIONS.has(prev.norm);
}

/** The cue is followed by a noun carrying an object pronoun («كتب كلماتها»), so it reports no speech. */
function hasObject(s: Scene, cue: number): boolean {
  const next = s.tokens[cue + 1];
  if (!next || !joined(s.text, s.tokens[cue]!, next) || s.mentionAt[cue + 1]) return false;
  const n = next.norm;
  // «مجلة كتبت عنها»: a verb about something («عنها», «عنه») is a relative clause, not a speech report.
  if (ABOUT_IT.has(n)) return true;
  // «ثم قال أحدهم:», «وقال بعضهم»: «one of them», «some of them» is the subject, not an object.
  if (FUNCTION_WORDS.has(n) || COMPLEMENTIZERS.has(n) || ANONYMOUS_HEADS.has(n) || n.length < 5) return false;
  if (/^(?:بعض|معظم|اغلب|كل|جميع)(?:هم|هن)$/.test(n)) return false;
  return /^[^وفبل].*(?:ها|هم|هما)$/.test(n);
}

// ---------------------------------------------------------------------------------------------
// 3. A cue without a subject («وأضاف أن «...»», «وقال: «...»»): whom the dropped pronoun stands for.

/** What one look back from the cue over its paragraph found; the rules below decide from it. */
export interface DroppedSubjectView {
  /** The first person or organization of the nearest earlier sentence of the paragraph that names one. */
  firstInSentence: MentionRef | null;
  /** A person that a verb of saying introduced in that sentence («كما قال X، أستاذ ...»). */
  saidInSentence: MentionRef | null;
  /** An official named only by role before any name («بدوره أشاد وزير الخارجية ...»). */
  roleSpeaker: Speaker | null;
  /** «بدوره», «من جهته» in the cue's sentence: the floor changes hands. */
  turn: boolean;
  /** The speaker that an earlier paragraph introduced as talking, with no quotation since. */
  introduced: Speaker | null;
  /** Whether the running speaker is named in the cue's paragraph. */
  lastNamedInParagraph: boolean;
  /** The latest person of the paragraph whose gender, as the article's verbs give it, is the cue's. */
  agreeingNamed: Speaker | null;
  /** An unnamed source («شخص», «مسؤول») in the cue's own sentence, outside prepositional phrases. */
  unnamedInSentence: Speaker | null;
  /** Whether the cue's own sentence names a person or body before it. */
  namedInSentence: boolean;
  /** For a plural cue («وأكدوا», «مضيفين»): the unnamed group an earlier sentence opens with («رحبت قيادات عسكرية»). */
  pluralGroup: Speaker | null;
  para: number;
}

export interface Running {
  speaker: Speaker;
  paragraph: number;
}

export type DroppedRead = (v: DroppedSubjectView, last: Running | null) => Speaker | null;

export const DROPPED_SUBJECT_RULES: Rule<DroppedRead>[] = [
  {
    name: 'plural-group',
    examples: [
      {
        body: 'وقال فرانك مولر إن الحوار مستمر.\nورحبت قيادات الجيش بالقرار الجديد. وأكدوا أن القرار يخدم الجميع، مضيفين: «سنبقى على العهد دائما».',
        quote: 'سنبقى على العهد دائما',
        speaker: 'قيادات',
        why: '«وأكدوا ... مضيفين:»: a plural verb goes to the group that opened the story, not to the last named person',
      },
      {
        body: 'وقال فرانك مولر: «الحوار مستمر».\nوأضاف: «لن نتراجع أبدا».',
        quote: 'لن نتراجع أبدا',
        speaker: 'فرانك مولر',
        why: 'negative: a singular verb keeps the running speaker',
      },
    ],
    read: (v) => v.pluralGroup,
  },
  {
    name: 'role-in-paragraph',
    examples: [
      {
        body: 'وقال فلاديمير بوتين إن «الحوار مستمر مع الجميع».\nبدوره أثنى رئيس الوزراء على القوات فكتب يقول في بيان: «أتمنى للجرحى الشفاء العاجل».',
        quote: 'أتمنى للجرحى الشفاء العاجل',
        speaker: 'رئيس الوزراء',
        why: 'a role subject in the paragraph takes the floor from the speaker of an earlier paragraph',
      },
    ],
    read: (v, last) => (!v.firstInSentence && v.roleSpeaker && !(last && last.paragraph === v.para) ? v.roleSpeaker : null),
  },
  {
    name: 'introduced-in-previous-paragraph',
    examples: [
      {
        body: 'وقال فلاديمير بوتين إن «الحوار مستمر مع الجميع».\nبدوره تحدث الشاعر خالد الخطيب عن شعور المشاركين بعد دعوتهم.\nوقال: «هذه لحظات تاريخية لكل الشعراء».',
        quote: 'هذه لحظات تاريخية لكل الشعراء',
        speaker: 'خالد الخطيب',
        why: 'a paragraph that introduces someone speaking («تحدث X عن») hands them the next paragraph’s «وقال:»',
      },
      {
        body: 'وقال فلاديمير بوتين: «سنواصل الحوار مع الجميع».\nوأوضح فرانك مولر أن الأمر صعب.\nوأضاف: «لن نقبل بأي شروط مسبقة».',
        quote: 'لن نقبل بأي شروط مسبقة',
        speaker: 'فرانك مولر',
        why: 'indirect speech without marks («وأوضح X أن») moves the running speaker, across the paragraph break',
      },
      {
        body: 'وقال فلاديمير بوتين: «سنواصل الحوار مع الجميع».\nويأمل فرانك مولر أن يتحسن الوضع قريبا.\nوردا على سؤال عن الموعد قال: «لا أدري متى بالضبط».',
        quote: 'لا أدري متى بالضبط',
        speaker: 'فرانك مولر',
        why: 'the subject of the verb that opens the previous paragraph («ويأمل X») is who the next one is about',
      },
    ],
    read: (v) => v.introduced,
  },
  {
    name: 'anonymous-keeps-floor',
    examples: [
      {
        body: 'وصرح مسؤول كبير في الوزارة بأن «المحادثات صعبة». وأضاف أن «الوفد الروسي لم يقدم أي جديد».',
        quote: 'الوفد الروسي لم يقدم أي جديد',
        speaker: 'مسؤول كبير في الوزارة',
        why: 'an unnamed source keeps the floor within its paragraph',
      },
    ],
    read: (v, last) => (last && !v.turn && last.speaker.actorId === null && last.paragraph === v.para ? last.speaker : null),
  },
  {
    name: 'running-speaker-named',
    examples: [
      {
        body: 'وقال فلاديمير بوتين: «سنواصل الحوار». وبعد لقائه فرانك مولر في موسكو أضاف بوتين أن الحوار مهم، وتابع: «لا بديل عنه».',
        quote: 'لا بديل عنه',
        speaker: 'فلاديمير بوتين',
        why: 'the running speaker keeps the floor when the paragraph names them again',
      },
      {
        body: 'وقالت ماريا خالد: «الوضع صعب جدا». ثم قال فرانك مولر: «سنرى ما يحدث». وأضافت: «لن ننتظر طويلا بعد اليوم».',
        quote: 'لن ننتظر طويلا بعد اليوم',
        speaker: 'ماريا خالد',
        why: '«وأضافت» agrees with the latest speaker a feminine verb introduced, not with «قال X» after her',
      },
      {
        body: 'وقالت ماريا خالد: «الغناء حياتي كلها».\nوشددت «نجمة الجبل» على ضرورة تمتع الفنان بالصبر، وقالت: «كنت دائما صبورة مع الجميع».',
        quote: 'كنت دائما صبورة مع الجميع',
        speaker: 'ماريا خالد',
        why: 'a nickname in marks as the subject leaves the floor to the one the article speaks of',
      },
    ],
    read: (v, last) => (last && v.firstInSentence && !v.turn && v.lastNamedInParagraph ? last.speaker : null),
  },
  {
    name: 'unnamed-in-sentence',
    examples: [
      {
        body: 'وقالت ماريا خالد: «لن أنسى تلك الأيام».\nولم تنس ذلك اليوم عندما اقترب منها شخص في أحد المتاجر وقال لها: «أنت التي ربت ذلك الصبي؟».',
        quote: 'أنت التي ربت ذلك الصبي؟',
        speaker: 'شخص في أحد المتاجر',
        why: 'an unnamed subject of the cue’s own sentence («اقترب منها شخص ... وقال») speaks, not the running speaker',
      },
      {
        body: 'وقال فرانك مولر: «الحرب طويلة».\nويقول خالد الخطيب، وهو محلل عسكري: «المعركة لن تنتهي قريبا»، مضيفا «لا أحد يستطيع الحسم».',
        quote: 'لا أحد يستطيع الحسم',
        speaker: 'خالد الخطيب',
        why: 'negative: «X، وهو محلل ...» describes the one named, who keeps the floor',
      },
    ],
    read: (v) => (v.unnamedInSentence && !v.namedInSentence ? v.unnamedInSentence : null),
  },
  {
    name: 'said-in-sentence',
    examples: [
      {
        body: 'وفي جامعة هارفارد يوجد بعض التردد، كما قال فرانك مولر، أستاذ في الجامعة. قال: «نعم، يتغير كل شيء الآن».',
        quote: 'نعم، يتغير كل شيء الآن',
        speaker: 'فرانك مولر',
        why: 'a pronoun-dropped verb goes to the person a verb of saying introduced, not to the first name of the sentence',
      },
    ],
    read: (v) => (v.saidInSentence ? speakerOf(v.saidInSentence) : null),
  },
  {
    name: 'sentence-subject',
    examples: [
      {
        body: 'وقال فلاديمير بوتين إن «الحوار مستمر مع الجميع». بدوره، دعا فرانك مولر إلى التهدئة وقال «لا حل إلا بالتفاوض».',
        quote: 'لا حل إلا بالتفاوض',
        speaker: 'فرانك مولر',
        why: '«بدوره، دعا X ... وقال»: the subject of the sentence, not the last quoted speaker',
      },
      {
        body: 'وقال فلاديمير بوتين إن «الحوار مستمر مع الجميع». وعن سؤال عن فرانك مولر، قال: «لا تعليق لدي الآن».',
        quote: 'لا تعليق لدي الآن',
        speaker: 'فلاديمير بوتين',
        why: 'negative: «وعن سؤال عن X، قال» — a name inside a prepositional phrase is not the subject',
      },
      {
        body: 'وقال فرانك مولر إن الحوار مستمر. وكتب في تغريدة على صفحة الكرملين: «لن نقبل بأي شروط مسبقة».',
        quote: 'لن نقبل بأي شروط مسبقة',
        speaker: 'فرانك مولر',
        why: 'negative: «وكتب ... على صفحة X:» — a name in a prepositional phrase before the colon is where it was written',
      },
      {
        body: 'وقال فرانك مولر إن الحوار مستمر. وقال عبر حسابه في «الكرملين»: «لن نقبل بأي شروط مسبقة».',
        quote: 'لن نقبل بأي شروط مسبقة',
        speaker: 'فرانك مولر',
        why: 'negative: a name in marks after a preposition before the colon is where it was written',
      },
      {
        body: 'وقالت ماريا خالد إن الحوار مستمر. وقالت في تصريحات لتلفزيون «الكرملين»: «لدينا فرصة واحدة فقط».',
        quote: 'لدينا فرصة واحدة فقط',
        speaker: 'ماريا خالد',
        why: 'negative: «في تصريحات لتلفزيون «X»:» — the channel she spoke to is not the speaker',
      },
    ],
    read: (v) => (v.firstInSentence ? speakerOf(v.firstInSentence) : null),
  },
  {
    name: 'running-speaker',
    examples: [
      {
        body: 'وقال فلاديمير بوتين: «سنواصل الحوار مع الجميع». وتابع: «ليس لدينا ما نخفيه».',
        quote: 'ليس لدينا ما نخفيه',
        speaker: 'فلاديمير بوتين',
        why: '«وتابع:» continues the last speaker',
      },
    ],
    read: (_v, last) => (last ? last.speaker : null),
  },
  {
    name: 'agreeing-named',
    examples: [
      {
        body: 'وقالت ماريا خالد إنها لن تعتذر. وقال فرانك مولر إنه يرحب بزيارتها، وكتب في تغريدة: «أهلا بها في موسكو». لكنها أضافت أنها لن تسافر. وكتبت: «لن أزور موسكو هذا العام».',
        quote: 'لن أزور موسكو هذا العام',
        speaker: 'ماريا خالد',
        why: '«وكتبت» after a man’s quotation: the woman a feminine verb named earlier in the paragraph, though she was quoted only indirectly',
      },
    ],
    read: (v) => v.agreeingNamed,
  },
];

// ---------------------------------------------------------------------------------------------
// 4. A quotation with no reporting cue around it: read(scene, first token of the quotation, running speaker).

export type NoCueRead = (s: Scene, openTok: number, last: Running | null, para: number) => Speaker | null;

export const NO_CUE_RULES: Rule<NoCueRead>[] = [
  {
    name: 'question-posed',
    examples: [
      {
        body: 'وقال فرانك مولر إن الكتاب مهم. لكن السؤال المطروح دائما: «لماذا لا يقرأ الناس؟» ليس في مكانه.',
        quote: 'لماذا لا يقرأ الناس؟',
        speaker: null,
        why: '«السؤال المطروح: «...»»: a question the writer poses, with no one asking it, is no one’s words',
      },
    ],
    read: (s, openTok) => {
      const { text, tokens, mentionAt, inMarks } = s;
      if (openTok === 0 || !/:\s*[«"“]\s*$/.test(text.slice(tokens[openTok - 1]!.end, tokens[openTok]!.start))) return null;
      for (let t = openTok - 1; t >= Math.max(0, openTok - 3) && !inMarks[t] && !mentionAt[t]; t--) {
        if (QUESTION_NOUNS.has(stripConj(tokens[t]!.norm))) return UNKNOWN;
      }
      return null;
    },
  },
  {
    name: 'lead-quotation',
    examples: [
      {
        body: '«لن أعود إلى تلك المدينة أبدا»\nعندما كانت ماريا خالد في السادسة، غادرت مدينتها مع أسرتها.\nوقال فرانك مولر إن الرحلة صعبة.',
        quote: 'لن أعود إلى تلك المدينة أبدا',
        speaker: 'ماريا خالد',
        why: 'a quotation standing alone at the head of the article is the words of the person the next paragraph names first',
      },
      {
        body: 'وقال فلاديمير بوتين: «الحوار مستمر».\n«لن أعود إلى تلك المدينة أبدا»\nعندما كانت ماريا خالد في السادسة، غادرت مدينتها.',
        quote: 'لن أعود إلى تلك المدينة أبدا',
        speaker: 'فلاديمير بوتين',
        why: 'negative: once someone has spoken, a paragraph-long quotation continues the running speaker',
      },
    ],
    read: (s, openTok, last, para) => {
      const { tokens, mentionAt, inMarks, paragraphOf } = s;
      if (last || (openTok > 0 && paragraphOf(tokens[openTok - 1]!.start) === para && !inMarks[openTok - 1])) return null;
      // Earlier paragraphs hold no name (the title at most), and the quotation fills its own paragraph.
      for (let t = 0; t < openTok; t++) if (mentionAt[t]) return null;
      let t = openTok;
      while (t < tokens.length && paragraphOf(tokens[t]!.start) === para) {
        if (!inMarks[t]) return null;
        t++;
      }
      const next = t < tokens.length ? paragraphOf(tokens[t]!.start) : -1;
      for (let k = t; k < Math.min(tokens.length, t + 30) && paragraphOf(tokens[k]!.start) === next; k++) {
        const m = mentionAt[k];
        if (m && !inMarks[k] && m.actor.type === 'person') return speakerOf(m);
      }
      return null;
    },
  },
  {
    name: 'amma-topic-sentence',
    examples: [
      {
        body: 'وقال فلاديمير بوتين إن «الحوار مستمر مع الجميع». أما الرئيس فرانك مولر، فعبر عن أسفه لأن «الحوار لم يبدأ بعد».',
        quote: 'الحوار لم يبدأ بعد',
        speaker: 'فرانك مولر',
        why: '«أما X، فـ...»: the topic of the sentence holds the floor even when its verb is no reporting cue',
      },
    ],
    read: (s, openTok) => {
      const { text, tokens, mentionAt, inMarks, paragraphOf } = s;
      const para = paragraphOf(tokens[openTok]?.start ?? text.length);
      for (let t = openTok - 1, steps = 0; t > 0 && steps < 30; t--, steps++) {
        if (paragraphOf(tokens[t]!.start) !== para || (!inMarks[t] && sentenceEndBetween(text, tokens[t]!.end, tokens[t + 1]!.start)))
          break;
        if (inMarks[t] || !isAmma(tokens[t])) continue;
        // «أما النائب X، فـ...»: the topic, after the titles it may carry.
        const topic = mentionAt[t + 1] ?? personInPhrase(s, t + 2, openTok);
        return topic && topic.actor.type !== 'place' ? speakerOf(topic) : null;
      }
      return null;
    },
  },
  {
    name: 'colon-after-sentence-subject',
    examples: [
      {
        body: 'وقال فلاديمير بوتين: «سنواصل الحوار مع الجميع». ويتطرق فرانك مولر، الخبير في «معهد الدراسات الشرقية»، إلى الخطاب الذي ألقاه قبل أيام: «إنه خطاب موجه إلى الداخل».',
        quote: 'إنه خطاب موجه إلى الداخل',
        speaker: 'فرانك مولر',
        why: '«ويتطرق X ... إلى ...: «...»»: a colon ends a sentence whose verb opens with its subject, who speaks',
      },
    ],
    read: (s, openTok) => {
      const { text, tokens, mentionAt, inMarks } = s;
      if (openTok === 0 || !/:\s*[«"“]\s*$/.test(text.slice(tokens[openTok - 1]!.end, tokens[openTok]!.start))) return null;
      // Back to the start of the sentence, then: a verb, and a person right after it.
      let start = openTok - 1;
      while (
        start > 0 &&
        openTok - start < 40 &&
        inMarks[start - 1] !== 2 &&
        !sentenceEndBetween(text, tokens[start - 1]!.end, tokens[start]!.start)
      )
        start--;
      const subject = mentionAt[start + 1];
      if (
        !subject ||
        subject.first !== start + 1 ||
        subject.actor.type !== 'person' ||
        mentionAt[start] ||
        !/^[وف]?[يت]/.test(tokens[start]!.norm)
      )
        return null;
      return speakerOf(subject);
    },
  },
  {
    name: 'running-speaker',
    examples: [
      {
        body: 'وقال فلاديمير بوتين: «سنواصل الحوار مع الجميع». وهو يرى في ذلك «فرصة لا تتكرر كثيرا».',
        quote: 'فرصة لا تتكرر كثيرا',
        speaker: 'فلاديمير بوتين',
        why: 'a quotation with no cue continues the running speaker',
      },
      {
        body: 'وقال فلاديمير بوتين: «سنواصل الحوار مع الجميع».\nوصل الوفد.\nانتهى الاجتماع.\nوفي المساء جاء «وقت الاحتفال الكبير بالنصر».',
        quote: 'وقت الاحتفال الكبير بالنصر',
        speaker: null,
        why: 'unless two paragraphs have passed since',
      },
    ],
    read: (_s, _openTok, last, para) => (last && para - last.paragraph <= 2 ? last.speaker : null),
  },
];
