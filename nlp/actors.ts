// Mentions grouped into actors: full name and surname, spelling variants, clitic forms, and role
// mentions standing for an actor the article introduced with that role.

import type { Actor, ActorType, Mention } from '../types/analysis';
import { Memo } from '../types/memo';
import type { EntitySpan, Recognition } from './entities';
import { type GazetteerEntry, nameTokens } from './gazetteer';
import { ORG_HEADS, REPORTING } from './lexicon';
import { normalize, normalizedLength, skeleton, skeletonLastCode, skeletonLength } from './normalize';
import type { RolePhrase } from './patterns';
import { cliticReadings, type Stripped } from './tokenize';

const TYPE_OF = { PERS: 'person', ORG: 'organization', LOC: 'place' } as const;

interface Group {
  spans: EntitySpan[];
  extra: Mention[];
  type: ActorType;
  knowledgeId: string | null;
  /** Normalised tokens of the fullest name. */
  full: readonly string[];
  roleKeys: Set<string>;
  role: string | null;
}

function keyOf(text: string, s: EntitySpan): readonly string[] {
  return wordsOfName(text.slice(s.start, s.end));
}

/** nameTokens of a mention's text, kept per text: one name is mentioned many times. Shared: never modify. */
const nameWords = new Memo<string, readonly string[]>(50_000);
function wordsOfName(name: string): readonly string[] {
  let words = nameWords.get(name);
  if (!words) {
    words = nameTokens(name);
    nameWords.set(name, words);
  }
  return words;
}

function sameWord(a: string, b: string): boolean {
  return a === b || (a.length >= 5 && b.length >= 5 && skeleton(a) === skeleton(b));
}

/** A key two words share exactly when sameWord holds between them. */
function sameWordKey(w: string): string {
  return w.length >= 5 ? `s|${skeleton(w)}` : `w|${w}`;
}

/** Add `g` to the list under `key` unless it was just added there (a group adds all its keys at once). */
function listIn<K>(map: Map<K, Group[]>, key: K, g: Group): void {
  const list = map.get(key);
  if (!list) map.set(key, [g]);
  else if (list.at(-1) !== g) list.push(g);
}

/** Normalised role text with a leading و/ف/ب/ل stripped, to compare role phrases. */
function roleKey(role: string): string {
  let key = roleKeys.get(role);
  if (key === undefined) {
    key = canonicalRole(nameTokens(role).join(' '));
    roleKeys.set(role, key);
  }
  return key;
}
/** roleKey per role text: an article repeats its roles. */
const roleKeys = new Memo<string, string>(50_000);

/** «المتحدث باسم وزارة الخارجية الأمريكية» and «المتحدث باسم الخارجية الأمريكية» are one role. */
function canonicalRole(key: string): string {
  return key
    .split(' ')
    .filter((w) => w !== 'وزاره')
    .join(' ');
}

/** Group recognised spans into actors, add surname and role mentions, pick names; deterministic. */
export function buildActors(
  text: string,
  rec: Recognition,
  entryOf: (knowledgeId: string) => GazetteerEntry | undefined = () => undefined,
): Actor[] {
  const spans = joinQuotedGivenNames(
    text,
    withoutToMe(
      rec,
      rec.spans.filter((s) => s.type !== 'MISC'),
    ),
  );
  const groups: Group[] = [];
  const byKnowledge = new Map<string, Group>();
  const byKey = new Map<string, Group>();
  const bySkeleton = new Map<string, Group>();
  const byText = new Map<string, Group>();
  const orgByPrefix = new Map<string, Group | null>();
  const personByCompound = new Map<string, Group | null>();
  // Longer names first, so a surname finds the full name it belongs to.
  const order = [...spans].sort((a, b) => b.last - b.first - (a.last - a.first) || a.start - b.start);
  // People named in full, by the skeleton of their last word (sameWord implies equal skeletons).
  const personFullByLast = new Map<string, Group[]>();
  // The same people by each word between their first and last (sameWordKey), so a lone word is looked up, not scanned for.
  const personFullByInner = new Map<string, Group[]>();
  // And by their first word, so a given name alone («سليم») finds the one person named in full with it.
  const personFullByFirst = new Map<string, Group[]>();
  for (const s of order) {
    const type = TYPE_OF[s.type as keyof typeof TYPE_OF];
    const key = keyOf(text, s);
    if (key.length === 0) continue;
    let g: Group | undefined;
    const k = key.join(' ');
    if (type === 'person' && (s.surname || key.length === 1 || key.length === 2)) {
      // A surname (or «first last» of a longer name) joins the nearest full name ending with it.
      const last = key[key.length - 1]!;
      // «بيسكوف» of «دميتري بيسكوف», «عبد العاطي» of «بدر عبد العاطي», «جون كيري» of «جون فوربس كيري».
      const candidates = (personFullByLast.get(skeleton(last)) ?? []).filter(
        (p) =>
          p.full.length > key.length &&
          sameWord(p.full[p.full.length - 1]!, last) &&
          (key.length === 1 || p.full[0] === key[0] || key.every((w, k) => p.full[p.full.length - key.length + k] === w)),
      );
      if (candidates.length > 0) g = nearestBefore(candidates, s.start) ?? candidates[0];
      // «عبدالرحمن» for «رامي عبد الرحمن»: a compound family name written as one word.
      if (!g && key.length === 1) g = personByCompound.get(key[0]!) ?? undefined;
      // «تشاوش» of «مولود تشاوش اوغلو»: the first word of a two-word family name, when only one person
      // named in full has it and it is not a given name (a lone «محمد» is nobody's surname).
      if (!g && key.length === 1 && !rec.doc.index.firstNames.has(key[0]!)) {
        const inner = personFullByInner.get(sameWordKey(key[0]!));
        if (inner?.length === 1) g = inner[0];
      }
      // «سليم» after «سليم العطار»: a given name alone is the one person the article named in full with it,
      // also a given name the lists do not have («سلوى» after «سلوى سعد»).
      if (!g && key.length === 1) {
        const named = personFullByFirst.get(key[0]!);
        if (named?.length === 1) g = named[0];
      }
    }
    const typedKey = `${type}|${k}`;
    if (!g && s.knowledgeId) g = byKnowledge.get(s.knowledgeId);
    if (!g) g = byKey.get(typedKey);
    // «بلانشفيل» read once as a place and once as a body: the same written name is one actor, typed by its first reading.
    if (!g && !s.knowledgeId) g = byText.get(k);
    // «اللجنة الدولية» after «اللجنة الدولية للصليب الأحمر»: the opening words of one body's longer name.
    if (!g && type === 'organization' && key.length >= 2 && !s.knowledgeId) g = orgByPrefix.get(k) ?? undefined;
    // «جمعية حماية الطفولة الدولية» after «منظمة حماية الطفولة الدولية»: a long name (three words or more) after another head word is the same body.
    if (!g && type === 'organization' && key.length >= 4 && ORG_HEADS.has(key[0]!)) g = byKey.get(`${type}|${key.slice(1).join(' ')}`);
    // One-word spelling variants of the same name («لوكاشنكو», «لوكاشينكو») share a skeleton.
    const skelKey = key.length === 1 && key[0]!.length >= 5 ? `${type}|${skeleton(key[0]!)}` : null;
    if (!g && skelKey) g = bySkeleton.get(skelKey);
    if (!g) {
      g = { spans: [], extra: [], type, knowledgeId: null, full: key, roleKeys: new Set(), role: null };
      groups.push(g);
      if (type === 'person' && key.length >= 2) {
        const lastSkeleton = skeleton(key[key.length - 1]!);
        listIn(personFullByLast, lastSkeleton, g);
        for (const w of key.slice(1, -1)) listIn(personFullByInner, sameWordKey(w), g);
        listIn(personFullByFirst, key[0]!, g);
        if (key.length >= 3 && COMPOUND_HEADS.has(key[key.length - 2]!)) {
          const compound = key.slice(-2).join('');
          const held = personByCompound.get(compound);
          personByCompound.set(compound, held === undefined || held === g ? g : null);
        }
      }
    }
    g.spans.push(s);
    if (s.knowledgeId && !s.surname && !g.knowledgeId) {
      g.knowledgeId = s.knowledgeId;
      byKnowledge.set(s.knowledgeId, g);
    }
    byKey.set(typedKey, g);
    if (!byText.has(k)) byText.set(k, g);
    if (type === 'organization') {
      // Prefixes of two words or more; a prefix two bodies share («وزارة الخارجية») names neither.
      for (let n = 2; n < key.length; n++) {
        const prefix = key.slice(0, n).join(' ');
        const held = orgByPrefix.get(prefix);
        orgByPrefix.set(prefix, held === undefined || held === g ? g : null);
      }
    }
    // «منظمة أطباء بلا حدود» … «أطباء بلا حدود»: the name without its head word is the same body.
    if (type === 'organization' && key.length >= 2 && ORG_HEADS.has(key[0]!)) {
      const rest = `${type}|${key.slice(1).join(' ')}`;
      if (!byKey.has(rest)) byKey.set(rest, g);
    }
    if (skelKey && !bySkeleton.has(skelKey)) bySkeleton.set(skelKey, g);
    if (s.role) {
      g.role ??= s.role;
      g.roleKeys.add(roleKey(s.role));
    }
    if (s.roleMention) g.extra.push({ ...s.roleMention, text: text.slice(s.roleMention.start, s.roleMention.end), kind: 'role' });
  }
  mergeCliticForms(text, groups);
  mergeElidedArticle(text, groups);
  mergeParenthesised(text, groups);
  joinPersonsByParts(text, rec, groups);
  mergeSpellingVariants(groups);
  mergeOpeningWords(groups, entryOf);
  addSurnameMentions(text, rec, groups);
  addRoleMentions(text, rec, rec.roles, groups);
  addHeadMentions(text, rec, groups);
  return groups.map((g) => toActor(text, g, entryOf)).sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
}

/** «لي», «لنا»: «to me», «to us» after a reporting verb. */
const TO_ME = new Set(['لي', 'لنا']);

/**
 * «وقال لي الكناني» in an article that names «سامر الكناني»: «لي» after a reporting verb is «to me», not the
 * given name «Lee», when the words after it end another person's name; the span keeps only those words.
 */
function withoutToMe(rec: Recognition, spans: EntitySpan[]): EntitySpan[] {
  const { tokens } = rec.doc;
  const lastWords = new Set<string>();
  for (const s of spans)
    if (s.type === 'PERS' && s.last > s.first && !TO_ME.has(tokens[s.first]!.norm)) lastWords.add(tokens[s.last]!.norm);
  return spans.map((s) => {
    if (s.type !== 'PERS' || s.last === s.first || !TO_ME.has(tokens[s.first]!.norm) || !lastWords.has(tokens[s.last]!.norm)) return s;
    const verb = tokens[s.first - 1];
    if (!verb || !cliticReadings(verb.norm).some((r) => REPORTING.has(r.stem))) return s;
    return { ...s, first: s.first + 1, start: tokens[s.first + 1]!.start, role: null, roleMention: null };
  });
}

/** Only quotation marks and spaces, with at least one mark. */
const QUOTE_GAP = /^\s*["«»“”]["«»“”\s]*$/;

/**
 * «المدرب "ماركوس"  برانت»: one word of a person in quotation marks (a given name or a nickname) and the
 * person's name right after the marks are one person's given and family name, one span, not two people.
 */
function joinQuotedGivenNames(text: string, spans: EntitySpan[]): EntitySpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: EntitySpan[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const a = sorted[k]!;
    const b = sorted[k + 1];
    const joins =
      b &&
      a.type === 'PERS' &&
      b.type === 'PERS' &&
      a.first === a.last &&
      // The marks close around the first word: in «إنه سيف"مرثد بن سعد"» the mark opens the second name.
      /["«“]\s*$/.test(text.slice(Math.max(0, a.start - 3), a.start)) &&
      QUOTE_GAP.test(text.slice(a.end, b.start));
    if (!joins) {
      out.push(a);
      continue;
    }
    out.push({ ...b, start: a.start, first: a.first, role: a.role ?? b.role, roleMention: a.roleMention ?? b.roleMention, surname: false });
    k++;
  }
  return out;
}

/**
 * «ببلانشفيل» and «بلانشفيل», «لحمدوني» and «حمدوني», «وسامر نجيب» and «سامر نجيب»: a name written with a
 * preposition or conjunction glued on is the actor of the same type named without it.
 */
function mergeCliticForms(text: string, groups: Group[]): void {
  const byName = new Map<string, Group>();
  for (const g of groups) byName.set(`${g.type}|${g.full.join(' ')}`, g);
  for (const g of groups) {
    if (g.spans.length === 0) continue;
    const rest = g.full.slice(1);
    for (const r of cliticReadings(g.full[0]!)) {
      // «الكونغرس» and «كونغرس» name one body; a person's «ال» is part of the family name.
      if (r.prefix === '' || (r.prefix.includes('ال') && g.type === 'person')) continue;
      // «وسامر نجيب» and «سامر نجيب»: the clitic sits on the first word.
      const bare = byName.get(`${g.type}|${[r.stem, ...rest].join(' ')}`);
      if (!bare || bare === g) continue;
      // The mention starts after the clitic, as the bare name's do; «ال» stays with the name, and in
      // «للمشير» (ل + المشير, its alef dropped) no start is the name's. Only the spans written with the clitic move.
      const clitic = r.prefix.endsWith('ال') ? r.prefix.length - 2 : r.prefix.length;
      const elided = r.stem.startsWith('ال') && !g.full[0]!.slice(r.prefix.length).startsWith('ال');
      for (const span of g.spans) {
        if (elided || wordsOfName(text.slice(span.start, span.end))[0] !== g.full[0]) continue;
        span.start += offsetOf(text.slice(span.start, span.end), clitic);
      }
      bare.knowledgeId ??= g.knowledgeId;
      absorb(bare, g);
      break;
    }
  }
  dropEmpty(groups);
}

/**
 * «المكتب الإعلامي للدباغي» after «سامر الدباغي»: a one-word person read from the second «ل» of «لل» is
 * the family name «الدباغي» after «ل» with the alef of «ال» dropped, so the person the article names with it.
 */
function mergeElidedArticle(text: string, groups: Group[]): void {
  const byLast = new Map<string, Group[]>();
  for (const g of groups) if (g.type === 'person') listIn(byLast, g.full[g.full.length - 1]!, g);
  for (const g of groups) {
    const w = g.full[0]!;
    if (g.type !== 'person' || g.full.length !== 1 || !w.startsWith('ل')) continue;
    if (!g.spans.every((s) => text[s.start - 1] === 'ل')) continue;
    const owners = byLast.get(`ا${w}`);
    if (owners?.length === 1) absorb(owners[0]!, g);
  }
  dropEmpty(groups);
}

/** «وكالة الأنباء الرسمية (سانا)»: a name in brackets right after another names the same actor. */
function mergeParenthesised(text: string, groups: Group[]): void {
  const owner = new Map<EntitySpan, Group>();
  for (const g of groups) for (const s of g.spans) owner.set(s, g);
  const spans = [...owner.keys()].sort((a, b) => a.start - b.start);
  for (let k = 0; k + 1 < spans.length; k++) {
    const a = spans[k]!;
    const b = spans[k + 1]!;
    const gap = text.slice(a.end, b.start);
    const initials = spelledInitials(gap, b, text);
    if (!(/^\s*\(\s*$/.test(gap) || initials) || text.slice(b.end).trimStart()[0] !== ')') continue;
    const ga = owner.get(a)!;
    const gb = owner.get(b)!;
    if (ga === gb) continue;
    // «رابطة المعلمين الأحرار (إن إس يو)»: Latin initials spelled in Arabic letters are the body's, whatever they were read as.
    if (initials && ga.type === 'organization') {
      for (const s of gb.spans) owner.set(s, ga);
      absorb(ga, gb);
      continue;
    }
    if (ga.type !== gb.type) continue;
    // The bracketed one is usually the known short name: keep its group, move the other's spans in.
    for (const s of ga.spans) owner.set(s, gb);
    absorb(gb, ga);
  }
  dropEmpty(groups);
}

/** The names of Latin letters as Arabic writes them («إيه», «بي», «دي», «إس»). */
const LETTER_NAMES = new Set(
  'إيه أيه أي إي آي بي سي دي إف جي إتش اتش جاي كيه كاي إل إم إن أو كيو آر إس تي يو في دبليو إكس واي زد زي'.split(' ').map(normalize),
);

/** A bracket «(» (with spelled letters after it) before the span, and only spelled letters in the span. */
function spelledInitials(gap: string, b: EntitySpan, text: string): boolean {
  const open = /^\s*\(([^()]*)$/.exec(gap);
  if (!open) return false;
  const words = `${open[1]} ${text.slice(b.start, b.end)}`.split(/\s+/).filter(Boolean);
  return words.length >= 2 && words.every((w) => LETTER_NAMES.has(normalize(w)));
}

/** Move every span and mention of `from` into `into`, which keeps its type and name. */
function absorb(into: Group, from: Group): void {
  into.spans.push(...from.spans);
  into.extra.push(...from.extra);
  for (const k of from.roleKeys) into.roleKeys.add(k);
  into.role ??= from.role;
  from.spans = [];
  from.extra = [];
}

function dropEmpty(groups: Group[]): void {
  for (let k = groups.length - 1; k >= 0; k--) if (groups[k]!.spans.length === 0) groups.splice(k, 1);
}

/**
 * «الرئيس اليمني ناجي» after «ناجي العامري», «إن هولت سيبقى» after «كيث هولت»: one word the lists
 * know only as a small place (or not at all), that is the given or family name of exactly one
 * person the article names in full (starting with a given name), is that person. Well-known places
 * keep their reading («باريس» is not «ألبير باريس»).
 */
function joinPersonsByParts(text: string, rec: Recognition, groups: Group[]): void {
  const byFirst = new Map<string, Group[]>();
  const byLast = new Map<string, Group[]>();
  const { index } = rec.doc;
  for (const g of groups) {
    // Only names that open with a given name, of the lists or quoted before the family name («"ماركوس" برانت»):
    // «بلدية كالدويل», «وادي سراييفو» read as persons are no one's.
    if (g.type !== 'person' || g.full.length < 2) continue;
    if (!index.firstNames.has(g.full[0]!) && !g.spans.some((s) => /["«»“”]/.test(text.slice(s.start, s.end)))) continue;
    listIn(byFirst, g.full[0]!, g);
    listIn(byLast, g.full[g.full.length - 1]!, g);
  }
  if (byLast.size === 0) return;
  for (const g of groups) {
    if (g.type === 'person' || g.full.length !== 1) continue;
    const w = g.full[0]!;
    const phrases = index.phrases.get(w);
    if (g.knowledgeId && !phrases?.every((p) => p.rest.length > 0 || p.minor)) continue;
    const asFamily = byLast.get(w);
    const asGiven = index.firstNames.has(w) ? byFirst.get(w) : undefined;
    const owners = new Set([...(asFamily ?? []), ...(asGiven ?? [])]);
    if (owners.size !== 1) continue;
    const owner = [...owners][0]!;
    // A later mention, or no more frequent than the full name: «سراييفو» written long before and far
    // more often than a misread «وادي سراييفو» stays the place.
    if (firstStart(g) < firstStart(owner) && g.spans.length > owner.spans.length) continue;
    absorb(owner, g);
  }
  dropEmpty(groups);
}

function firstStart(g: Group): number {
  let first = Number.POSITIVE_INFINITY;
  for (const s of g.spans) first = Math.min(first, s.start);
  return first;
}

/**
 * «المملكة» after «السعودية» (known as «المملكة العربية السعودية»), «روبن» after «روبن آيلاند»: a
 * one-word place the lists do not know, that opens the longer name of exactly one place in the
 * article, is that place.
 */
const DIRECTIONS = new Set(
  ['الشمالية', 'الجنوبية', 'الشرقية', 'الغربية', 'الوسطى', 'الشمالي', 'الجنوبي', 'الشرقي', 'الغربي'].map(normalize),
);

function mergeOpeningWords(groups: Group[], entryOf: (id: string) => GazetteerEntry | undefined): void {
  const byFirst = new Map<string, Group[]>();
  for (const g of groups) {
    if (g.type !== 'place') continue;
    const names = [g.full, ...(g.knowledgeId ? (entryOf(g.knowledgeId)?.names ?? []).map(wordsOfName) : [])];
    // «كوريا الشمالية» is not all of «كوريا».
    for (const n of names) if (n.length >= 2 && !DIRECTIONS.has(n[1]!)) listIn(byFirst, n[0]!, g);
  }
  for (const g of groups) {
    if (g.type !== 'place' || g.knowledgeId || g.full.length !== 1) continue;
    // «للمملكة», «بالمملكة»: the word as written or after its preposition.
    const w = g.full[0]!;
    const forms = [w, ...cliticReadings(w).flatMap((r) => (r.prefix && !r.prefix.includes('ال') ? [r.stem] : []))];
    const owners = new Set(forms.flatMap((f) => byFirst.get(f) ?? []));
    if (owners.size === 1 && !owners.has(g)) absorb([...owners][0]!, g);
  }
  dropEmpty(groups);
}

/**
 * «سعيد الحلبي» and «سعيد الحبلي», «كرونينبرغ» and «كرونبرغ»: the same person written twice with
 * one letter swapped, dropped or added in one word (the consonant skeletons one edit apart), the
 * other words the same. Only words long enough to carry a name's letters, and only when one person
 * is that close.
 */
function mergeSpellingVariants(groups: Group[]): void {
  const persons = groups.filter((g) => g.type === 'person');
  for (const g of persons) {
    if (g.spans.length === 0) continue;
    const close = persons.filter((p) => p !== g && p.spans.length > 0 && oneWordApart(g.full, p.full));
    if (close.length !== 1) continue;
    const [into, from] = close[0]!.full.length >= g.full.length ? [close[0]!, g] : [g, close[0]!];
    absorb(into, from);
  }
  dropEmpty(groups);
}

/** The names differ in exactly one word, and that word is a near spelling variant; a lone word is the other's family name. */
function oneWordApart(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 1 && b.length >= 2) return nearVariant(a[0]!, b[b.length - 1]!);
  if (b.length === 1 && a.length >= 2) return nearVariant(b[0]!, a[a.length - 1]!);
  if (a.length !== b.length) return false;
  let differing = -1;
  for (let k = 0; k < a.length; k++) {
    if (a[k] === b[k]) continue;
    if (differing >= 0) return false;
    differing = k;
  }
  return differing >= 0 && nearVariant(a[differing]!, b[differing]!);
}

/** Two spellings of one name: skeletons of five letters or more, one edit (or one swap of neighbours) apart, same first letter. */
function nearVariant(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5 || a[0] !== b[0]) return false;
  const x = skeleton(a);
  const y = skeleton(b);
  if (x === y) return false;
  if (Math.min(x.length, y.length) < 5 || Math.abs(x.length - y.length) > 1) return false;
  // Arabic family names with «ال» differ by a letter or a suffix between families («الشمري», «الشمراني»):
  // only two swapped neighbours are a slip of the same name.
  if (a.startsWith('ال')) return x.length === y.length && oneEdit(x, y) && [...x].sort().join('') === [...y].sort().join('');
  return oneEdit(x, y);
}

/** One insertion, deletion, substitution or swap of two neighbouring letters turns x into y. */
function oneEdit(x: string, y: string): boolean {
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  let j = 0;
  while (j < x.length - i && j < y.length - i && x[x.length - 1 - j] === y[y.length - 1 - j]) j++;
  const restX = x.length - i - j;
  const restY = y.length - i - j;
  if (restX + restY <= 2 && Math.max(restX, restY) <= 1) return true;
  return restX === 2 && restY === 2 && x[i] === y[i + 1] && x[i + 1] === y[i];
}

function nearestBefore(groups: Group[], at: number): Group | undefined {
  let best: Group | undefined;
  let bestAt = -1;
  for (const g of groups) {
    for (const s of g.spans) if (s.start < at && s.start > bestAt) [best, bestAt] = [g, s.start];
  }
  return best;
}

/** Family names of people named in full, wherever they appear alone («بيسكوف», «لبوتين»). */
function addSurnameMentions(text: string, rec: Recognition, groups: Group[]): void {
  const { doc } = rec;
  const covered = new Uint8Array(doc.tokens.length);
  for (const g of groups) for (const s of g.spans) for (let t = s.first; t <= s.last; t++) covered[t] = 1;
  for (const g of groups) for (const m of g.extra) markCovered(doc.tokens, m, covered);
  const surnames = new Map<string, Group>();
  const skeletons = new Map<string, Group>();
  for (const g of groups) {
    if (g.type !== 'person' || g.full.length < 2) continue;
    const last = g.full[g.full.length - 1]!;
    if (last.length < 3 || doc.index.common.has(last)) continue;
    surnames.set(last, surnames.has(last) && surnames.get(last) !== g ? (null as unknown as Group) : g);
    if (last.length >= 5) skeletons.set(skeleton(last), g);
  }
  if (surnames.size === 0 && skeletons.size === 0) return;
  // Cheap filters before any string look-up: a family name is matched whole (same first and last
  // letters and length), and a skeleton's first and last letters and length are known without building it.
  for (const last of surnames.keys()) {
    SURNAME_AT[last.charCodeAt(0)]! |= lengthBit(last.length);
    SURNAME_END[last.charCodeAt(last.length - 1)]! |= lengthBit(last.length);
  }
  for (const sk of skeletons.keys()) {
    SKELETON_AT[sk.charCodeAt(0)]! |= lengthBit(sk.length);
    SKELETON_END[sk.charCodeAt(sk.length - 1)]! |= lengthBit(sk.length);
  }
  try {
    findSurnameMentions(text, doc, covered, surnames, skeletons);
  } finally {
    for (const last of surnames.keys()) {
      SURNAME_AT[last.charCodeAt(0)] = 0;
      SURNAME_END[last.charCodeAt(last.length - 1)] = 0;
    }
    for (const sk of skeletons.keys()) {
      SKELETON_AT[sk.charCodeAt(0)] = 0;
      SKELETON_END[sk.charCodeAt(sk.length - 1)] = 0;
    }
  }
}

/**
 * What a word form can be as a family name, as numbers so a document's names are tested without
 * touching strings: per reading not after «ال», [reading index, first letter, lengthBit(length),
 * lengthBit(skeleton length) or 0 when the stem is too short for a skeleton or a common word,
 * last letter, last letter of the skeleton].
 */
function surnameCandidates(readings: readonly Stripped[], common: ReadonlySet<string>): number[] {
  const out: number[] = [];
  readings.forEach((r, k) => {
    if (r.prefix.includes('ال') && r.prefix !== '') return;
    const stem = r.stem;
    const skeletonBit = stem.length >= 4 && !common.has(stem) ? lengthBit(skeletonLength(stem)) : 0;
    out.push(k, stem.charCodeAt(0), lengthBit(stem.length), skeletonBit, stem.charCodeAt(stem.length - 1), skeletonLastCode(stem));
  });
  return out;
}
const CANDIDATE_STRIDE = 6;

/** Per first (and last) letter, the lengths (lengthBit) of the family names and skeletons being looked for; all 0 between calls. */
const SURNAME_AT = new Int32Array(0x10000);
const SURNAME_END = new Int32Array(0x10000);
const SKELETON_AT = new Int32Array(0x10000);
const SKELETON_END = new Int32Array(0x10000);

/** Numbers the calls of findSurnameMentions, so a form's answer from an earlier document is not reused. */
let surnameCall = 0;

function findSurnameMentions(
  text: string,
  doc: Recognition['doc'],
  covered: Uint8Array,
  surnames: Map<string, Group>,
  skeletons: Map<string, Group>,
): void {
  const call = ++surnameCall;
  for (let i = 0; i < doc.tokens.length; i++) {
    if (covered[i]) continue;
    const readings = doc.readings[i] ?? [];
    const memo = doc.forms?.[i];
    let k: number;
    let g: Group | undefined;
    // Every token of one form gets the same answer within a call: look it up once per form.
    if (memo && memo.surnameCall === call) {
      k = memo.surnameHit;
      g = memo.surnameGroup as Group | undefined;
    } else {
      let cands = memo?.surnameCandidates;
      if (!cands) {
        cands = surnameCandidates(readings, doc.index.common);
        if (memo) memo.surnameCandidates = cands;
      }
      [k, g] = surnameHit(readings, cands, surnames, skeletons);
      if (memo) {
        memo.surnameCall = call;
        memo.surnameHit = k;
        memo.surnameGroup = g;
      }
    }
    if (!g) continue;
    const tok = doc.tokens[i]!;
    const r = readings[k]!;
    // A family name starting with «ال» is only a mention when written with it («الخطيب», not «خطيب»).
    const start = tok.start + offsetOf(tok.text, r.prefix.length);
    g.extra.push({ start, end: tok.end, text: text.slice(start, tok.end), kind: 'name' });
  }
}

/** The first reading of a form that is a family name being looked for, and whose it is; [-1, undefined] for none. */
function surnameHit(
  readings: readonly Stripped[],
  cands: readonly number[],
  surnames: Map<string, Group>,
  skeletons: Map<string, Group>,
): [number, Group | undefined] {
  for (let k = 0; k < cands.length; k += CANDIDATE_STRIDE) {
    const first = cands[k + 1]!;
    const asSurname = SURNAME_AT[first]! & cands[k + 2]! & SURNAME_END[cands[k + 4]!]!;
    // Common words already have no skeleton bit (surnameCandidates).
    const asSkeleton = SKELETON_AT[first]! & cands[k + 3]! & SKELETON_END[cands[k + 5]!]!;
    if (!asSurname && !asSkeleton) continue;
    const r = readings[cands[k]!]!;
    const g = (asSurname ? surnames.get(r.stem) : undefined) ?? (asSkeleton ? skeletons.get(skeleton(r.stem)) : undefined);
    if (g) return [cands[k]!, g];
  }
  return [-1, undefined];
}

/** One bit per word length (31 and longer share the top bit), to rule words out before a look-up. */
function lengthBit(n: number): number {
  return 1 << Math.min(n, 31);
}

function markCovered(tokens: readonly { start: number; end: number }[], m: { start: number; end: number }, covered: Uint8Array): void {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= m.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < tokens.length && tokens[i]!.start < m.end; i++) covered[i] = 1;
}

function offsetOf(tokenText: string, k: number): number {
  let n = 0;
  for (let c = 0; c < tokenText.length; c++) {
    if (n === k) return c;
    n += normalizedLength(tokenText.charCodeAt(c));
  }
  return tokenText.length;
}

/** A role phrase standing alone refers to the one person the article gave that role. */
function addRoleMentions(text: string, rec: Recognition, roles: RolePhrase[], groups: Group[]): void {
  // Who holds each role, and each word of a role, looked up once rather than per role phrase.
  const byRole = new Map<string, Group[]>();
  const byRoleWord = new Map<string, Group[]>();
  for (const g of groups) {
    if (g.type !== 'person') continue;
    for (const k of g.roleKeys) {
      listIn(byRole, k, g);
      for (const w of k.split(' ')) listIn(byRoleWord, w, g);
    }
  }
  for (const r of roles) {
    const key = canonicalRole(r.key);
    let owners = byRole.get(key) ?? [];
    // «وقال البابا», «وأكد الوزير»: one title word stands for the one person introduced with it;
    // «الوزير الإيراني» for the one whose role holds both words («وزير الخارجية الإيراني»).
    if (owners.length === 0) owners = ownersByWords(key, byRoleWord);
    if (owners.length !== 1) continue;
    const { tokens } = rec.doc;
    const first = tokens[r.first]!;
    const stem = nameTokens(r.key)[0] ?? '';
    const start = first.start + offsetOf(first.text, Math.max(0, first.norm.length - stem.length));
    const end = tokens[r.last]!.end;
    owners[0]!.extra.push({ start, end, text: text.slice(start, end), kind: 'role' });
  }
}

/** First halves of family names also written as one word («عبد الرحمن» / «عبدالرحمن», «أبو زيد» / «أبوزيد»). */
const COMPOUND_HEADS = new Set(['عبد', 'ابو'].map(normalize));

/** Head words that, written with «ال» alone, stand for the last organization named with them. */
const SHORT_HEADS = new Set([...ORG_HEADS, ...['دورية', 'تلفزيون', 'منصة', 'مجموعة', 'فرقة', 'فريق'].map(normalize)]);

/** The head word of token i when it is written «ال» + head (after و/ف/ب/ل only): «والوزارة» → «وزاره». */
function definiteHead(rec: Recognition, i: number): string | null {
  // Asked of every token: the answer depends on the form alone, so it is kept on the form's memo.
  const memo = rec.doc.forms?.[i];
  if (memo && memo.definiteHead !== undefined) return memo.definiteHead;
  let found: string | null = null;
  for (const r of rec.doc.readings[i] ?? []) {
    if (r.prefix.includes('ال') || !r.stem.startsWith('ال')) continue;
    const head = r.stem.slice(2);
    if (SHORT_HEADS.has(head)) {
      found = head;
      break;
    }
  }
  if (memo) memo.definiteHead = found;
  return found;
}

/** The head word of token i written without «ال» («جامعة», «وصحيفة»). */
function bareHead(rec: Recognition, i: number): string | null {
  for (const r of rec.doc.readings[i] ?? []) {
    if (r.prefix.includes('ال') || r.stem.startsWith('ال')) continue;
    if (SHORT_HEADS.has(r.stem)) return r.stem;
  }
  return null;
}

/**
 * «جامعة تينيسي ... وكتبت الجامعة», «دورية «X» ... وقالت الدورية»: a definite head word alone refers
 * to the organization most recently named with that head (inside its name or right before it).
 */
function addHeadMentions(text: string, rec: Recognition, groups: Group[]): void {
  const { tokens } = rec.doc;
  const covered = new Uint8Array(tokens.length);
  const starts: { first: number; group: Group }[] = [];
  for (const g of groups) {
    for (const s of g.spans) {
      for (let t = s.first; t <= s.last; t++) covered[t] = 1;
      if (g.type === 'organization') starts.push({ first: s.first, group: g });
    }
    for (const m of g.extra) markCovered(tokens, m, covered);
  }
  starts.sort((a, b) => a.first - b.first);
  const lastByHead = new Map<string, Group>();
  let k = 0;
  for (let i = 0; i < tokens.length; i++) {
    for (; k < starts.length && starts[k]!.first <= i; k++) {
      const { first, group } = starts[k]!;
      const own = bareHead(rec, first);
      if (own) lastByHead.set(own, group);
      const before = first > 0 ? bareHead(rec, first - 1) : null;
      if (before) lastByHead.set(before, group);
    }
    if (covered[i]) continue;
    const head = definiteHead(rec, i);
    const g = head ? lastByHead.get(head) : undefined;
    if (!g) continue;
    const tok = tokens[i]!;
    const start = tok.start + offsetOf(tok.text, Math.max(0, tok.norm.length - head!.length - 2));
    g.extra.push({ start, end: tok.end, text: text.slice(start, tok.end), kind: 'role' });
  }
}

/** People whose role has every word of the key (a title may drop its «ال»: «الوزير» ~ «وزير»). */
function ownersByWords(key: string, byRoleWord: Map<string, Group[]>): Group[] {
  let owners: Group[] | null = null;
  for (const w of key.split(' ')) {
    const found = [...(byRoleWord.get(w) ?? []), ...(w.startsWith('ال') ? (byRoleWord.get(w.slice(2)) ?? []) : [])];
    owners = owners === null ? found : owners.filter((g) => found.includes(g));
    if (owners.length === 0) return [];
  }
  return [...new Set(owners ?? [])];
}

function toActor(text: string, g: Group, entryOf: (id: string) => GazetteerEntry | undefined): Actor {
  const mentions: Mention[] = [
    ...g.spans.map((s) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end), kind: 'name' as const })),
    ...g.extra,
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const unique: Mention[] = [];
  for (const m of mentions) {
    const prev = unique[unique.length - 1];
    if (prev && m.start < prev.end) continue;
    unique.push(m);
  }
  const names = unique.filter((m) => m.kind === 'name');
  let best = names[0]?.text ?? unique[0]?.text ?? '';
  let bestLen = -1;
  for (const m of names) {
    const n = wordsOfName(m.text).length;
    if (n > bestLen || (n === bestLen && m.text.length > best.length)) [best, bestLen] = [m.text, n];
  }
  const aliases = [...new Set(names.map((m) => m.text))];
  const entry = g.knowledgeId ? entryOf(g.knowledgeId) : undefined;
  if (entry) best = withoutClitic(best, entry) ?? best;
  const id = g.knowledgeId ?? `${g.type[0]}:${normalize(best).replace(/\s+/g, '_')}`;
  return {
    id,
    // A name met only in a hashtag («#مجلس_الأمن») is shown with its spaces, one quoted in part without its marks.
    name: best
      .replace(/_/g, ' ')
      .replace(/["«»“”]/g, '')
      .replace(/\s+/g, ' '),
    type: g.type,
    role: g.role,
    aliases,
    mentions: unique,
    latin: entry?.en ?? null,
    knowledgeId: g.knowledgeId,
  };
}

/**
 * A known name written only with a clitic glued on («للأمم المتحدة») is named as the gazetteer
 * writes it («الأمم المتحدة»); null when the written form is already a name of the entry.
 */
/** An entry's names by their normalised tokens, built once per entry (entries live as long as the gazetteer). */
const knownNames = new WeakMap<GazetteerEntry, Map<string, string>>();

function withoutClitic(written: string, entry: GazetteerEntry): string | null {
  let known = knownNames.get(entry);
  if (!known) {
    known = new Map(entry.names.map((n) => [nameTokens(n).join(' '), n]));
    knownNames.set(entry, known);
  }
  const words = nameTokens(written);
  if (known.has(words.join(' '))) return null;
  const rest = words.slice(1).join(' ');
  for (const r of cliticReadings(words[0] ?? '')) {
    const name = known.get(rest ? `${r.stem} ${rest}` : r.stem);
    if (r.prefix && name) return name;
  }
  return null;
}
