// Whether the article speaks of a person as a man or a woman, read from what is around the name: the title
// before it («الأميرة», «الوزير»), the role the article gives («وزيرة الخارجية»), and the verb that introduced
// the person's quotations («وقالت», «وأكد»). Used only to choose the wording of cards and headings; when the
// article does not say clearly, the wording stays neutral.
import type { Actor, Analysis } from '../types/analysis';

export type Gender = 'm' | 'f' | null;

/** Titles written before a name, masculine → feminine (without «ال»). */
const TITLES: [string, string][] = [
  ['أمير', 'أميرة'],
  ['ملك', 'ملكة'],
  ['سيد', 'سيدة'],
  ['شيخ', 'شيخة'],
  ['وزير', 'وزيرة'],
  ['رئيس', 'رئيسة'],
  ['نائب', 'نائبة'],
  ['متحدث', 'متحدثة'],
  ['ناطق', 'ناطقة'],
  ['سفير', 'سفيرة'],
  ['مدير', 'مديرة'],
  ['دكتور', 'دكتورة'],
  ['مستشار', 'مستشارة'],
  ['مبعوث', 'مبعوثة'],
  ['زعيم', 'زعيمة'],
  ['أمين', 'أمينة'],
];
const MASCULINE = new Set(TITLES.map(([m]) => m));
const FEMININE = new Set(TITLES.map(([, f]) => f));
const MARKS = /[\u064b-\u0652\u0640]/g; // harakat and tatweel

/** A word without marks, a leading «و»/«ف» conjunction and «ال». */
function bare(word: string): string {
  return word
    .replace(MARKS, '')
    .replace(/^[وف](?=ال)/, '')
    .replace(/^ال/, '');
}

function titleVote(word: string | undefined): Gender {
  if (!word) return null;
  const w = bare(word);
  return FEMININE.has(w) ? 'f' : MASCULINE.has(w) ? 'm' : null;
}

/** A reporting verb's person: «قالت», «وأكدت» are feminine, «قال», «وأضاف» masculine. */
function verbVote(cue: string | null | undefined): Gender {
  const word = cue?.replace(MARKS, '').trim().replace(/^[وف]/, '');
  if (!word || !/^[\u0621-\u064a]{3,}$/.test(word)) return null;
  return word.endsWith('ت') ? 'f' : 'm';
}

/** The article's word for a person, where it is clear; null for anything else or when the evidence disagrees. */
export function genderOf(analysis: Pick<Analysis, 'text' | 'quotes'>, actor: Pick<Actor, 'id' | 'type' | 'role' | 'mentions'>): Gender {
  if (actor.type !== 'person') return null;
  const votes: Gender[] = [titleVote(actor.role?.trim().split(/\s+/)[0])];
  for (const m of actor.mentions.slice(0, 20)) {
    const before = analysis.text
      .slice(Math.max(0, m.start - 30), m.start)
      .trim()
      .split(/\s+/)
      .pop();
    votes.push(titleVote(before), titleVote(analysis.text.slice(m.start, m.end).split(/\s+/)[0]));
  }
  for (const q of analysis.quotes) if (q.speaker.actorId === actor.id) votes.push(verbVote(q.cue));
  const f = votes.filter((v) => v === 'f').length;
  const m = votes.filter((v) => v === 'm').length;
  return f > m ? 'f' : m > f ? 'm' : null;
}
