// The who's-who aggregation: per actor, what several texts agree on. Single-article noise never reaches
// the index: a role, a variant or a companion needs `minArticles` texts; an actor needs them too unless an
// encyclopaedia article describes it. Deterministic: ties are broken by the text, never by Map order alone.

import { LETTER_OF_TYPE, type RoleRow, type TypeLetter, type WhoEntry, whoKey } from '../knowledge/whoswho';
import { COUNTERPART } from '../nlp/lexicon';
import type { ActorType } from '../types/analysis';
import type { ReadText } from './whoswho-read';

export interface AggregateOptions {
  /** Texts that must agree before a fact is kept. */
  minArticles: number;
  /** Country code of a nationality adjective in a role («الروسي» → RU), or null. */
  countryOfWord: (word: string) => string | null;
  /** The type an encyclopaedia description's first word gives its subject («مدينة» → place), or null. */
  typeOfDescription: (description: string) => ActorType | null;
  /** True for a word that is a given name («جون», «محمد»): alone it names nobody in particular. */
  isGivenName?: (word: string) => boolean;
  /** Companions kept per actor. */
  companions?: number;
}

export interface Aggregate {
  entries: WhoEntry[];
  keys: Record<string, number[]>;
}

interface Counter {
  count: number;
  first: number;
}

/** Count one occurrence of `value` (once per text: callers pass distinct values per text). */
function bump(map: Map<string, Counter>, value: string, order: number): void {
  const c = map.get(value);
  if (c) c.count++;
  else map.set(value, { count: 1, first: order });
}

/** Values by count, then first seen. */
function ranked(map: Map<string, Counter>): [string, number][] {
  return [...map].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first).map(([v, c]) => [v, c.count]);
}

interface RoleTally {
  forms: Map<string, Counter>;
  texts: number;
  years: Set<number>;
}

interface Group {
  key: string;
  type: TypeLetter;
  order: number;
  texts: number;
  forms: Map<string, Counter>;
  aliases: Map<string, Counter>;
  roles: Map<string, RoleTally>;
  description: { text: string; order: number } | null;
  /** Merged into another group (its id), or null. */
  into: string | null;
}

const groupId = (type: TypeLetter, key: string) => `${type}|${key}`;

function newGroup(type: TypeLetter, key: string, order: number): Group {
  return { key, type, order, texts: 0, forms: new Map(), aliases: new Map(), roles: new Map(), description: null, into: null };
}

/** «للرئيس الأمريكي» → «الرئيس الأمريكي», «وبالوزير» → «الوزير»: a role as a card shows it. */
export function withoutProclitics(role: string): string {
  return role
    .trim()
    .replace(/^[وف]?لل(?=\S{2})/, 'ال')
    .replace(/^[وف]?[بلك]?(?=ال\S{2})/, '');
}

/** The group an id ends in after merges. */
function resolve(groups: Map<string, Group>, id: string): string {
  let at = id;
  for (let g = groups.get(at); g?.into; g = groups.get(at)) at = g.into;
  return at;
}

/** Aggregate the texts of a corpus (in corpus order) into who's-who entries and look-up keys. */
export function aggregate(texts: readonly ReadText[], opts: AggregateOptions): Aggregate {
  const groups = new Map<string, Group>();
  let order = 0;
  const groupOf = (type: TypeLetter, key: string) => {
    const id = groupId(type, key);
    const g = groups.get(id) ?? newGroup(type, key, order);
    groups.set(id, g);
    return g;
  };

  // 1. Per actor of each text: its full name's group counts the text, its forms, aliases and role.
  texts.forEach((text, t) => {
    order = t;
    const inText = new Set<string>();
    for (const actor of text.actors) {
      const key = whoKey(actor.name);
      if (!key) continue;
      const type = LETTER_OF_TYPE[actor.type];
      const id = groupId(type, key);
      if (inText.has(id)) continue;
      inText.add(id);
      const g = groupOf(type, key);
      g.texts++;
      bump(g.forms, actor.name, t);
      for (const alias of new Set(actor.aliases.map(whoKey))) if (alias && alias !== key) bump(g.aliases, alias, t);
      const role = actor.role ? withoutProclitics(actor.role) : null;
      // «نظيره» stands for another actor's role: it is resolved in its article, never kept as a role.
      if (role && !COUNTERPART.test(role)) {
        const roleKey = whoKey(role);
        const tally = g.roles.get(roleKey) ?? { forms: new Map(), texts: 0, years: new Set() };
        g.roles.set(roleKey, tally);
        tally.texts++;
        bump(tally.forms, role, t);
        if (text.year) tally.years.add(text.year);
      }
    }
    if (text.subject) {
      const key = whoKey(text.subject.name);
      // What the description calls the subject decides its type; the text's own analysis is the fallback.
      const type = opts.typeOfDescription(text.subject.description) ?? text.actors.find((a) => whoKey(a.name) === key)?.type;
      if (key && type) {
        const g = groupOf(LETTER_OF_TYPE[type], key);
        if (!inText.has(groupId(LETTER_OF_TYPE[type], key))) {
          g.texts++;
          bump(g.forms, text.subject.name, t);
        }
        g.description ??= { text: text.subject.description, order: t };
      }
    }
  });

  // 2. Short forms join the full name they stand for in enough texts («ترامب» → «دونالد ترامب»).
  const aliasOwners = new Map<string, { id: string; count: number; order: number }>();
  // «وزارة الدفاع» is every country's ministry: a short form never stands for a name its nationality narrows.
  const nationalWords = (g: Group) =>
    ranked(g.forms)[0]![0]
      .split(/\s+/)
      .filter((w) => opts.countryOfWord(w))
      .map(whoKey);
  for (const [id, g] of groups) {
    const national = nationalWords(g);
    for (const [alias, c] of g.aliases) {
      if (c.count < opts.minArticles || national.some((w) => !alias.split(' ').includes(w))) continue;
      const aliasId = groupId(g.type, alias);
      const best = aliasOwners.get(aliasId);
      if (!best || c.count > best.count || (c.count === best.count && g.order < best.order))
        aliasOwners.set(aliasId, { id, count: c.count, order: g.order });
    }
  }
  for (const [aliasId, owner] of [...aliasOwners].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const g = groups.get(aliasId);
    const target = resolve(groups, owner.id);
    if (!g || target === aliasId || groups.get(target)!.key.split(' ').length <= g.key.split(' ').length) continue;
    g.into = target;
  }
  for (const [id, g] of [...groups].sort((a, b) => a[1].order - b[1].order)) {
    if (!g.into) continue;
    const target = groups.get(resolve(groups, id))!;
    target.texts += g.texts;
    for (const [form, c] of g.forms) {
      const t = target.forms.get(form);
      if (t) t.count += c.count;
      else target.forms.set(form, { ...c, count: c.count });
    }
    for (const [roleKey, tally] of g.roles) {
      const t = target.roles.get(roleKey);
      if (!t) target.roles.set(roleKey, { forms: new Map(tally.forms), texts: tally.texts, years: new Set(tally.years) });
      else {
        t.texts += tally.texts;
        for (const y of tally.years) t.years.add(y);
        for (const [form, c] of tally.forms) bump(t.forms, form, c.first);
      }
    }
    target.description ??= g.description;
  }

  // 3. Entries: actors several texts name (or an encyclopaedia article describes), with the facts they agree on.
  const anybody = (g: Group) => !g.key.includes(' ') && g.type === 'p' && (opts.isGivenName?.(g.key) ?? false);
  const kept = [...groups.values()]
    .filter((g) => !g.into && !anybody(g) && (g.texts >= opts.minArticles || g.description))
    .sort((a, b) => b.texts - a.texts || a.order - b.order);
  const indexOf = new Map<string, number>();
  const entries: WhoEntry[] = kept.map((g, i) => {
    indexOf.set(groupId(g.type, g.key), i);
    const forms = ranked(g.forms);
    const entry: WhoEntry = { n: forms[0]![0], t: g.type, a: g.texts };
    const variants = forms
      .slice(1)
      .filter(([, c]) => c >= opts.minArticles)
      .map(([f]) => f);
    if (variants.length) entry.v = variants.slice(0, 8);
    const rows = (tallies: RoleTally[]): RoleRow[] =>
      tallies
        .filter((r) => r.texts >= opts.minArticles)
        .sort((a, b) => b.texts - a.texts || ranked(a.forms)[0]![0].localeCompare(ranked(b.forms)[0]![0]))
        .slice(0, 5)
        .map((r) => [ranked(r.forms)[0]![0], r.years.size ? Math.min(...r.years) : 0, r.years.size ? Math.max(...r.years) : 0, r.texts]);
    // When no role reaches agreement, the head noun the roles share may («لاعب الهلال», «لاعب المنتخب» → «لاعب»).
    const roles = rows([...g.roles.values()]);
    if (roles.length === 0) roles.push(...rows([...roleHeads(g.roles).values()]).slice(0, 1));
    if (roles.length) entry.r = roles;
    if (g.description) {
      entry.d = g.description.text;
      entry.ds = 'wikipedia';
    }
    const country = countryOfRoles(roles, opts.countryOfWord);
    if (country) entry.c = country;
    return entry;
  });

  // 4. Look-up keys: each kept entry's own key, and the keys of the groups merged into it.
  const keys: Record<string, number[]> = {};
  const addKey = (key: string, at: number | undefined) => {
    if (at === undefined) return;
    const list = keys[key] ?? [];
    keys[key] = list;
    if (!list.includes(at)) list.push(at);
  };
  for (const [id, g] of [...groups].sort((a, b) => a[1].order - b[1].order)) addKey(g.key, indexOf.get(resolve(groups, id)));
  // Short forms that stand for a kept actor in enough texts find it even when no text named it by them alone.
  for (const [aliasId, owner] of aliasOwners) addKey(aliasId.slice(aliasId.indexOf('|') + 1), indexOf.get(resolve(groups, owner.id)));
  for (const list of Object.values(keys)) list.sort((a, b) => a - b);

  // 5. Companions: the kept actors named in the same texts, in at least minArticles of them.
  const pairs = new Map<number, Map<number, number>>();
  for (const text of texts) {
    const present = [...new Set(text.actors.map((a) => indexOf.get(resolve(groups, groupId(LETTER_OF_TYPE[a.type], whoKey(a.name))))))]
      .filter((i): i is number => i !== undefined)
      .sort((a, b) => a - b);
    for (const i of present) {
      const row = pairs.get(i) ?? new Map<number, number>();
      pairs.set(i, row);
      for (const j of present) if (j !== i) row.set(j, (row.get(j) ?? 0) + 1);
    }
  }
  for (const [i, row] of pairs) {
    const best = [...row]
      .filter(([, c]) => c >= opts.minArticles)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, opts.companions ?? 5)
      .map(([j]) => j);
    if (best.length) entries[i]!.w = best;
  }
  return { entries, keys };
}

/** Roles tallied by their first word without «ال» («اللاعب الدولي» and «لاعب الهلال» both under «لاعب»). */
function roleHeads(roles: Map<string, RoleTally>): Map<string, RoleTally> {
  const heads = new Map<string, RoleTally>();
  for (const tally of roles.values()) {
    for (const [form, c] of tally.forms) {
      const head = form.split(/\s+/)[0]!.replace(/^ال(?=\S{3})/, '');
      const key = whoKey(head);
      const h = heads.get(key) ?? { forms: new Map(), texts: 0, years: new Set() };
      heads.set(key, h);
      h.texts += c.count;
      for (const y of tally.years) h.years.add(y);
      const f = h.forms.get(head);
      if (f) f.count += c.count;
      else h.forms.set(head, { count: c.count, first: c.first });
    }
  }
  return heads;
}

/** The country the roles name most («وزير الخارجية الروسي» → RU), weighted by the texts of each role. */
function countryOfRoles(roles: readonly RoleRow[], countryOfWord: (w: string) => string | null): string | null {
  const votes = new Map<string, number>();
  for (const [role, , , texts] of roles) {
    for (const word of role.split(/\s+/)) {
      const c = countryOfWord(word);
      if (c) votes.set(c, (votes.get(c) ?? 0) + texts);
    }
  }
  return [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
}
