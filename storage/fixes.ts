// The reader's corrections of the analysis (not a name, another type, not a quotation, another speaker, hidden
// on a site), kept in the reader database and applied to every analysis before a page or the history sees it.

import { nameKey } from '../nlp/keys';
import type { Actor, ActorType, Analysis, Quote } from '../types/analysis';
import { type FixRow, type ReaderDb, readerDb } from './db';
import { hash53 } from './hash';
import { siteOfUrl, textHash } from './identity';

export type { FixRow } from './db';

/** What the reader asks to correct, from the hover card or the panel. */
export type FixRequest =
  | { kind: 'not-name' | 'hide'; name: string; site?: string | null }
  | { kind: 'type'; name: string; type: ActorType }
  | { kind: 'not-quote'; quote: string }
  | { kind: 'speaker'; quote: string; speaker: string | null };

/** The key of a quotation's text, whatever its spacing, marks and alef forms. */
export function quoteKey(text: string): string {
  return `q:${textHash(text)}`;
}

/** The row a correction is stored as (the same correction made twice is one row). */
export function fixRow(request: FixRequest, at = Date.now()): FixRow {
  const quote = request.kind === 'not-quote' || request.kind === 'speaker';
  const label = quote ? request.quote : request.name;
  const key = quote ? quoteKey(request.quote) : nameKey(request.name);
  if (!key) throw new Error('the name has no letters');
  const given = request.kind === 'hide' ? (request.site ?? '').trim() : '';
  const site = given ? siteOfUrl(given.includes('://') ? given : `https://${given}`) || null : null;
  if (request.kind === 'hide' && !site) throw new Error('no site to hide the actor on');
  // A name gets one type and a quotation one speaker: a new choice replaces the last one.
  const id = `${request.kind}:${site ?? ''}:${hash53(key)}`;
  return {
    id,
    kind: request.kind,
    key,
    label: label.slice(0, 300),
    site,
    type: request.kind === 'type' ? request.type : null,
    speaker: request.kind === 'speaker' ? request.speaker : null,
    at,
  };
}

// The background reads the corrections for every analysis: kept in memory, dropped when they change.
const cached = new WeakMap<ReaderDb, Promise<FixRow[]>>();

/** Every correction, newest first. */
export function listFixes(db: ReaderDb = readerDb()): Promise<FixRow[]> {
  let rows = cached.get(db);
  if (!rows) {
    rows = db.fixes.toArray().then((list) => list.sort((a, b) => b.at - a.at));
    rows.catch(() => cached.delete(db));
    cached.set(db, rows);
  }
  return rows;
}

export async function addFix(request: FixRequest, db: ReaderDb = readerDb()): Promise<FixRow> {
  const row = fixRow(request);
  await db.fixes.put(row);
  cached.delete(db);
  return row;
}

export async function removeFix(id: string, db: ReaderDb = readerDb()): Promise<boolean> {
  const had = await db.fixes.get(id);
  await db.fixes.delete(id);
  cached.delete(db);
  return had !== undefined;
}

/** The corrections that bear on one site's pages, looked up by what they correct. */
export interface FixIndex {
  /** Name keys that are not names or are hidden here. */
  gone: Set<string>;
  types: Map<string, ActorType>;
  notQuotes: Set<string>;
  speakers: Map<string, string | null>;
}

export function fixIndex(fixes: readonly FixRow[], site: string | null): FixIndex {
  const index: FixIndex = { gone: new Set(), types: new Map(), notQuotes: new Set(), speakers: new Map() };
  for (const f of fixes) {
    if (f.kind === 'not-name' || (f.kind === 'hide' && f.site === site)) index.gone.add(f.key);
    else if (f.kind === 'type' && f.type) index.types.set(f.key, f.type);
    else if (f.kind === 'not-quote') index.notQuotes.add(f.key);
    else if (f.kind === 'speaker') index.speakers.set(f.key, f.speaker);
  }
  return index;
}

/** The name keys an actor is known by in an article: its name and every written form. */
function keysOf(actor: Pick<Actor, 'name' | 'aliases'>): string[] {
  return [actor.name, ...actor.aliases].map(nameKey).filter((k) => k.length > 0);
}

/** Is this name (or any of its forms) one the reader said is not a name, or hid on this site? */
export function isGone(index: FixIndex, name: string, aliases: readonly string[] = []): boolean {
  return keysOf({ name, aliases: [...aliases] }).some((k) => index.gone.has(k));
}

/** The type the reader gave a name, if any. */
export function fixedType(index: FixIndex, name: string, aliases: readonly string[] = []): ActorType | null {
  for (const k of keysOf({ name, aliases: [...aliases] })) {
    const type = index.types.get(k);
    if (type) return type;
  }
  return null;
}

/** The analysis as the reader corrected it: gone actors and quotations dropped, types and speakers changed. */
export function applyFixes(analysis: Analysis, fixes: readonly FixRow[], url: string | null): Analysis {
  if (fixes.length === 0) return analysis;
  const index = fixIndex(fixes, url ? siteOfUrl(url) : null);
  const gone = new Set<string>();
  const actors: Actor[] = [];
  for (const actor of analysis.actors) {
    if (isGone(index, actor.name, actor.aliases)) {
      gone.add(actor.id);
      continue;
    }
    const type = fixedType(index, actor.name, actor.aliases);
    actors.push(type && type !== actor.type ? { ...actor, type } : actor);
  }
  const byKey = new Map(actors.flatMap((a) => keysOf(a).map((k) => [k, a] as const)));
  const quotes: Quote[] = [];
  for (const quote of analysis.quotes) {
    const key = quoteKey(quote.text);
    if (index.notQuotes.has(key)) continue;
    let speaker = quote.speaker;
    if (index.speakers.has(key)) {
      const name = index.speakers.get(key) ?? null;
      const actor = name ? byKey.get(nameKey(name)) : undefined;
      speaker = name
        ? { actorId: actor?.id ?? null, name: actor?.name ?? name, kind: 'actor' }
        : { actorId: null, name: null, kind: 'unknown' };
    } else if (speaker.actorId && gone.has(speaker.actorId)) {
      speaker = { actorId: null, name: null, kind: 'unknown' };
    }
    quotes.push(speaker === quote.speaker ? quote : { ...quote, speaker });
  }
  return { ...analysis, actors, quotes };
}
