// What the who's-who and the reader's own readings add to a card: roles with where and when they were
// seen, a one-line description, the country and the usual companions. Labels are Arabic: they are data
// shown as written, like the names.
import type { ActorType } from '../types/analysis';
import type { CardFact } from '../types/card';
import type { LocalWho } from '../types/library';
import {
  countryName,
  organizationKind,
  type RoleRow,
  roleWithCountry,
  TYPE_OF_LETTER,
  type WhoEntry,
  type WhoHit,
  type WhoLookup,
} from './whoswho';

const FROM: Record<CardFact['source'], string> = {
  article: 'في هذا المقال',
  history: 'في قراءاتك',
  press: 'في الصحافة',
  wikipedia: 'ويكيبيديا، CC BY-SA',
  wikifane: 'ويكيبيديا عبر WikiFANE، CC BY-SA',
  cities: 'قائمة مدن العالم، CC BY 4.0',
  countries: 'أسماء الدول، CLDR',
  generated: 'من الاسم نفسه',
  gazetteer: 'المعجم المرفق',
};

function years(from: number, to: number): string | null {
  if (!from) return null;
  return from === to ? String(from) : `${from}–${to}`;
}

export function fact(text: string, source: CardFact['source'], when: string | null = null): CardFact {
  return { text, source, when, from: when ? `${FROM[source]}، ${when}` : FROM[source] };
}

/** The entry a subject is: the best supported hit of its type under its name, else under one of its other names. */
export function pickEntry(lookup: WhoLookup, names: readonly string[], type: ActorType | null): WhoHit | null {
  for (const name of names) {
    // An everyday word asked without a type is no place, nor an actor the press says nothing of («فيروس»).
    const everyday = type === null && lookup.isNotPlace(name);
    const hits = lookup.find(name, type).filter((h) => !everyday || (h.entry.t !== 'l' && (h.entry.r || h.entry.d)));
    if (hits.length) return hits.reduce((best, h) => (h.entry.a > best.entry.a ? h : best));
  }
  return null;
}

/** What being in a reference list (a gazetteer entry, a listed city or country) weighs, in press articles. */
const LISTED = 5;

/**
 * The type a name asked without one most likely has: the press's article count per type, plus weight for
 * each reference list that gives that type («تكساس» is a state though a few texts took it for a person).
 */
export function likelyType(lookup: WhoLookup | null, names: readonly string[], listed: readonly ActorType[]): ActorType | null {
  const score = new Map<ActorType, number>();
  const add = (type: ActorType, n: number) => score.set(type, (score.get(type) ?? 0) + n);
  for (const type of new Set(listed)) add(type, LISTED);
  const name = names.find((n) => lookup?.find(n).length) ?? null;
  for (const type of ['person', 'organization', 'place'] as const) {
    // An everyday word is no place, whatever the analysis of some texts made of it.
    if (type === 'place' && name && lookup?.isNotPlace(name)) continue;
    const hit = lookup && name ? pickEntry(lookup, [name], type) : null;
    if (hit) add(type, hit.entry.a + (hit.entry.k ? LISTED : 0));
  }
  return [...score].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * «مدينة في بيلاروسيا», «دولة», the encyclopaedia's line, else the press's most frequent role of more
 * than one word («الرئيس الأمريكي» rather than «الرئيس»), else a one-word class.
 */
function describe(entry: WhoEntry): { text: string; source: CardFact['source']; when: string | null } | null {
  if (entry.k) {
    const where = entry.c && entry.k !== 'دولة' ? ` في ${countryName(entry.c)}` : '';
    const source = entry.ds === 'generated' ? 'generated' : entry.k === 'دولة' ? 'countries' : 'cities';
    return { text: `${entry.k}${where}`, source, when: null };
  }
  if (entry.d && entry.ds === 'wikipedia') return { text: entry.d, source: 'wikipedia', when: null };
  const role = entry.r?.find((r) => r[0].includes(' ')) ?? entry.r?.[0];
  if (role) return { text: role[0], source: 'press', when: years(role[1], role[2]) };
  const where = entry.c ? ` في ${countryName(entry.c)}` : '';
  if (entry.ds === 'generated') return { text: `${entry.d}${where}`, source: 'generated', when: null };
  const org = entry.t === 'o';
  if (entry.d) return { text: org ? `${entry.d}${where}` : entry.d, source: (entry.ds as CardFact['source']) ?? 'wikifane', when: null };
  // An organization the press names without a role: its name's head noun says what it is («وزارة في إيطاليا»).
  const kind = org && entry.n.includes(' ') ? organizationKind(entry.n.split(/\s+/)[0]!) : null;
  if (kind || (org && where)) return { text: `${kind ?? 'جهة'}${where}`, source: 'generated', when: null };
  return null;
}

/** Press roles, the most recently seen first, then the most frequent. */
function pressRoles(rows: readonly RoleRow[]): CardFact[] {
  return [...rows].sort((a, b) => b[2] - a[2] || b[3] - a[3]).map(([role, from, to]) => fact(role, 'press', years(from, to)));
}

export interface WhoCard {
  type: ActorType | null;
  name: string | null;
  roles: CardFact[];
  description: CardFact | null;
  country: string | null;
  companions: string[];
}

/** The who's-who's and the reader's part of a card; `articleRole` is the role this article gives, already resolved. */
export function whoCard(
  lookup: WhoLookup | null,
  hit: WhoHit | null,
  articleRole: string | null,
  local: LocalWho,
  year: number = new Date().getFullYear(),
): WhoCard {
  const entry = hit?.entry ?? null;
  // An organization's name often says its country («الشرطة الإسرائيلية», «شركة نفط عمان»).
  const country = entry?.c ?? (lookup && entry?.t === 'o' ? lookup.countryIn(entry.n.split(/\s+/).slice(1)) : null);
  const roles: CardFact[] = [];
  const seen = new Set<string>();
  const add = (f: CardFact) => {
    if (seen.has(f.text)) return;
    seen.add(f.text);
    roles.push(f);
  };
  if (articleRole)
    add(fact(lookup && entry?.t === 'p' ? roleWithCountry(articleRole, country, lookup.data.adjectives) : articleRole, 'article'));
  for (const r of local.roles) add(fact(r.role, 'history', String(new Date(r.readAt).getUTCFullYear() || year)));
  for (const f of pressRoles(entry?.r ?? [])) add(f);
  const d = entry ? describe({ ...entry, ...(country ? { c: country } : {}) }) : null;
  return {
    type: entry ? TYPE_OF_LETTER[entry.t] : null,
    name: entry?.n ?? null,
    roles,
    description: d ? fact(d.text, d.source, d.when) : null,
    country,
    companions: [...new Set([...local.companions, ...(lookup && entry ? lookup.companions(entry) : [])])].slice(0, 6),
  };
}
