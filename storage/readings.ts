// Readings (one article read, with its actors and quotations), history search, actor timeline, forgetting.

import Dexie, { type Collection, type Table } from 'dexie';
import { nameKey, queryKeys, textHasAny, textKeys } from '../nlp/keys';
import type { Actor, ActorType, Analysis } from '../types/analysis';
import type { HistoryHit, ReadingSummary, TimelineEntry } from '../types/library';
import { type CorrectionRow, type ReaderDb, type ReadingActorRow, type ReadingQuoteRow, type ReadingRow, readerDb } from './db';
import { type FixIndex, fixedType, fixIndex, isGone, listFixes, quoteKey } from './fixes';
import { hash53 } from './hash';
import { type PageIdentity, pageIdentity, siteOfUrl } from './identity';

/** Bounds that keep one pathological page from bloating the database. */
const MAX_ACTORS = 500;
const MAX_QUOTES = 500;
const MAX_URL_KEYS = 20;
const TOP_ACTORS = 5;

/** Where an article was read: its URL and what the page declares about itself. */
export interface PageRef {
  url: string;
  canonicalUrl?: string | null;
  publishedAt?: string | null;
}

// The last analysed texts, so saved quotations can be re-anchored without sending the article again.
const recentTexts = new Map<string, string>();
const RECENT_TEXTS = 8;

/** The article text last analysed for a reading in this background's lifetime, if any. */
export function lastText(readingId: string): string | null {
  return recentTexts.get(readingId) ?? null;
}

function rememberText(readingId: string, text: string): void {
  recentTexts.delete(readingId);
  recentTexts.set(readingId, text);
  while (recentTexts.size > RECENT_TEXTS) {
    const oldest = recentTexts.keys().next().value;
    if (oldest === undefined) break;
    recentTexts.delete(oldest);
  }
}

/**
 * The rows of one reading in a table keyed [readingId+…]: a primary-key range, much cheaper than the
 * readingId index (measured ~6× faster on fake-indexeddb for 50 readings).
 */
export function ofReading<T, K extends [string, string] | [string, number]>(table: Table<T, K>, readingId: string): Collection<T, K> {
  return table.where(':id').between([readingId, Dexie.minKey], [readingId, Dexie.maxKey], true, true);
}

/** Find the reading of a page by any of its URL forms, then by its text hash. */
export async function findReading(identity: PageIdentity, db: ReaderDb = readerDb()): Promise<ReadingRow | undefined> {
  const byUrl = await db.readings.where('urlKeys').anyOf(identity.urlKeys).first();
  if (byUrl) return byUrl;
  if (identity.textHash) return db.readings.where('textHash').equals(identity.textHash).first();
  return undefined;
}

/** Every key an actor is found under across the history. */
function actorKeys(name: string, aliases: readonly string[], knowledgeId: string | null): string[] {
  const keys = new Set<string>();
  for (const n of [name, ...aliases]) {
    const k = nameKey(n);
    if (k) keys.add(k);
  }
  if (knowledgeId) keys.add(`k:${knowledgeId}`);
  return [...keys];
}

function applyCorrection(actor: Actor, correction: CorrectionRow | undefined) {
  if (!correction) {
    return { name: actor.name, type: actor.type, knowledgeId: actor.knowledgeId ?? null, aliases: actor.aliases };
  }
  return {
    name: correction.to.name,
    type: correction.to.type ?? actor.type,
    knowledgeId: correction.to.knowledgeId ?? actor.knowledgeId ?? null,
    aliases: [...new Set([actor.name, ...actor.aliases])],
  };
}

/** Record a visit with its analysis; the same article read again (any URL variant) updates its one reading. */
export async function recordReading(page: string | PageRef, analysis: Analysis, db: ReaderDb = readerDb()): Promise<ReadingRow> {
  const ref: PageRef = typeof page === 'string' ? { url: page } : page;
  const identity = pageIdentity(ref.url, ref.canonicalUrl, analysis.text);
  const now = Date.now();
  const actors = analysis.actors.slice(0, MAX_ACTORS);
  const quotes = analysis.quotes.slice(0, MAX_QUOTES);

  const row = await db.transaction('rw', [db.readings, db.readingActors, db.readingQuotes, db.corrections], async () => {
    const existing = await findReading(identity, db);
    const id = existing?.id ?? `r${hash53(identity.pageKey)}`;
    const corrections = await db.corrections.bulkGet(actors.map((a) => nameKey(a.name)));

    const actorRows: ReadingActorRow[] = actors.map((actor, i) => {
      const c = applyCorrection(actor, corrections[i]);
      return {
        readingId: id,
        actorId: actor.id,
        name: c.name,
        type: c.type,
        role: actor.role,
        aliases: c.aliases.slice(0, 50),
        latin: actor.latin ?? null,
        knowledgeId: c.knowledgeId,
        mentions: actor.mentions.length,
        nameKeys: actorKeys(c.name, c.aliases.slice(0, 50), c.knowledgeId),
        readAt: now,
      };
    });
    const byActor = new Map(actorRows.map((a) => [a.actorId, a]));
    const quoteRows: ReadingQuoteRow[] = quotes.map((q, index) => {
      const speaker = q.speaker.actorId ? byActor.get(q.speaker.actorId) : undefined;
      return {
        readingId: id,
        index,
        text: q.text,
        start: q.start,
        end: q.end,
        speakerName: speaker?.name ?? q.speaker.name,
        speakerActorId: q.speaker.actorId,
        speakerKeys: speaker ? speaker.nameKeys : q.speaker.name ? [nameKey(q.speaker.name)].filter(Boolean) : [],
        readAt: now,
      };
    });
    const top = [...actorRows].sort((a, b) => b.mentions - a.mentions).slice(0, TOP_ACTORS);
    const title = analysis.page.title;
    const reading: ReadingRow = {
      id,
      pageKey: existing?.pageKey ?? identity.pageKey,
      urlKeys: [...new Set([...identity.urlKeys, ...(existing?.urlKeys ?? [])])].slice(0, MAX_URL_KEYS),
      textHash: identity.textHash,
      url: ref.url,
      canonicalUrl: ref.canonicalUrl ?? existing?.canonicalUrl ?? null,
      site: siteOfUrl(identity.pageKey) || siteOfUrl(ref.url),
      title,
      publishedAt: ref.publishedAt ?? existing?.publishedAt ?? null,
      firstReadAt: existing?.firstReadAt ?? now,
      readAt: now,
      actorCount: actorRows.length,
      quoteCount: quoteRows.length,
      topActors: top.map((a) => a.name),
      searchKeys: textKeys([
        title ?? '',
        ...actorRows.flatMap((a) => [a.name, ...a.aliases, a.latin ?? '', a.role ?? '']),
        ...quoteRows.map((q) => q.text),
      ]),
    };
    await ofReading(db.readingActors, id).delete();
    await ofReading(db.readingQuotes, id).delete();
    await db.readings.put(reading);
    await db.readingActors.bulkPut(actorRows);
    await db.readingQuotes.bulkPut(quoteRows);
    return reading;
  });
  rememberText(row.id, analysis.text);
  return row;
}

/** The reader's corrections as they bear on each site's readings (built once per site per call). */
async function correctionsBySite(db: ReaderDb): Promise<(site: string) => FixIndex> {
  const fixes = await listFixes(db);
  const bySite = new Map<string, FixIndex>();
  return (site) => {
    let index = bySite.get(site);
    if (!index) {
      index = fixIndex(fixes, site);
      bySite.set(site, index);
    }
    return index;
  };
}

/** The history view of a reading row, without the actors the reader said are not names or hid on its site. */
function summarize(r: ReadingRow, fixes?: FixIndex): ReadingSummary {
  return {
    id: r.id,
    url: r.url,
    site: r.site,
    title: r.title,
    publishedAt: r.publishedAt,
    firstReadAt: r.firstReadAt,
    readAt: r.readAt,
    actorCount: r.actorCount,
    quoteCount: r.quoteCount,
    topActors: fixes ? r.topActors.filter((name) => !isGone(fixes, name)) : r.topActors,
  };
}

/** The site key the reader means by a URL or a host name. */
export function siteKey(site: string): string {
  const s = site.trim().toLowerCase();
  return (s.includes('://') ? siteOfUrl(s) : s).replace(/^www\./, '').replace(/\/.*$/, '');
}

/** Every reading row, newest first (for live queries in extension pages). */
export function listReadings(db: ReaderDb = readerDb()): Promise<ReadingRow[]> {
  return db.readings.orderBy('readAt').reverse().toArray();
}

/** One page of the history, newest first, optionally of one site, with the total for paging. */
export async function listReadingsPage(
  options: { site?: string; limit?: number; offset?: number } = {},
  db: ReaderDb = readerDb(),
): Promise<{ total: number; items: ReadingSummary[] }> {
  const limit = options.limit ?? 100;
  const offset = options.offset ?? 0;
  const fixesOf = await correctionsBySite(db);
  const view = (r: ReadingRow) => summarize(r, fixesOf(r.site));
  if (options.site) {
    const rows = await db.readings.where('site').equals(siteKey(options.site)).toArray();
    rows.sort((a, b) => b.readAt - a.readAt);
    return { total: rows.length, items: rows.slice(offset, offset + limit).map(view) };
  }
  const total = await db.readings.count();
  const rows = await db.readings.orderBy('readAt').reverse().offset(offset).limit(limit).toArray();
  return { total, items: rows.map(view) };
}

/**
 * Search the history: every query word must occur in the reading's title, actors or quotations,
 * whatever its clitics and common spelling variants («بوتين» finds «لبوتين», «لوكاشنكو» «لوكاشينكو»).
 */
export async function searchHistory(query: string, limit = 50, db: ReaderDb = readerDb()): Promise<{ items: HistoryHit[] }> {
  const keys = queryKeys(query);
  if (keys.length === 0) return { items: [] };
  let ids: string[] | null = null;
  for (const key of keys) {
    const found = new Set<string>((await db.readings.where('searchKeys').equals(key).primaryKeys()) as string[]);
    ids = (ids ?? [...found]).filter((id) => found.has(id));
    if (ids.length === 0) break;
  }
  const site = query.includes('.') ? siteKey(query) : null;
  const siteIds = site ? ((await db.readings.where('site').equals(site).primaryKeys()) as string[]) : [];
  const candidates = [...new Set([...(ids ?? []), ...siteIds])];
  // Newest first without loading every matching row: walk the readAt index's keys, then load the page.
  const wanted = new Set(candidates);
  let pageIds = candidates;
  if (candidates.length > limit) {
    const newestFirst = (await db.readings.orderBy('readAt').reverse().primaryKeys()) as string[];
    pageIds = newestFirst.filter((id) => wanted.has(id)).slice(0, limit);
  }
  const rows = (await db.readings.bulkGet(pageIds)).filter((r): r is ReadingRow => !!r).sort((a, b) => b.readAt - a.readAt);
  const rowIds = rows.map((r) => r.id);
  const [actors, quotes] = await Promise.all([
    Promise.all(rowIds.map((id) => ofReading(db.readingActors, id).toArray())).then((r) => r.flat()),
    Promise.all(rowIds.map((id) => ofReading(db.readingQuotes, id).toArray())).then((r) => r.flat()),
  ]);
  const keySet = new Set(keys);
  const any = (t: string) => textHasAny(t, keySet);
  const fixesOf = await correctionsBySite(db);
  const items: HistoryHit[] = rows.map((r) => {
    const fixes = fixesOf(r.site);
    const matches: HistoryHit['matches'] = [];
    if (site && r.site === site) matches.push({ field: 'site', text: r.site });
    if (r.title && any(r.title)) matches.push({ field: 'title', text: r.title });
    for (const a of actors) {
      if (a.readingId === r.id && !isGone(fixes, a.name, a.aliases) && [a.name, ...a.aliases, a.latin ?? ''].some((n) => n && any(n)))
        matches.push({ field: 'actor', text: a.name });
    }
    for (const q of quotes) if (q.readingId === r.id && any(q.text)) matches.push({ field: 'quote', text: q.text });
    return { reading: summarize(r, fixes), matches: matches.slice(0, 20) };
  });
  return { items };
}

/** The keys an actor is looked up by: a reading's actor brings all its names; a name brings itself and its correction. */
async function timelineKeys(
  target: { name?: string; readingId?: string; actorId?: string },
  db: ReaderDb,
): Promise<{ name: string; type: ActorType | null; keys: string[] }> {
  if (target.readingId && target.actorId) {
    const actor = await db.readingActors.get([target.readingId, target.actorId]);
    if (!actor) throw new Error('no such actor in this reading');
    return { name: actor.name, type: actor.type, keys: actor.nameKeys };
  }
  const name = target.name ?? '';
  const key = nameKey(name);
  if (!key) throw new Error('the name has no letters to search for');
  const correction = await db.corrections.get(key);
  const keys = [key];
  if (correction) {
    keys.push(nameKey(correction.to.name));
    if (correction.to.knowledgeId) keys.push(`k:${correction.to.knowledgeId}`);
  }
  return { name: correction?.to.name ?? name, type: correction?.to.type ?? null, keys };
}

/** What an actor did across the history: every reading that mentions them and every quotation of theirs, newest first. */
export async function actorTimeline(
  target: { name?: string; readingId?: string; actorId?: string; limit?: number },
  db: ReaderDb = readerDb(),
): Promise<{ name: string; type: ActorType | null; entries: TimelineEntry[] }> {
  const { name, type: storedType, keys } = await timelineKeys(target, db);
  const found = await db.readingActors.where('nameKeys').anyOf(keys).distinct().toArray();
  const saidBy = await db.readingQuotes.where('speakerKeys').anyOf(keys).distinct().toArray();
  const foundIds = [...new Set([...found.map((a) => a.readingId), ...saidBy.map((q) => q.readingId)])];
  const foundReadings = (await db.readings.bulkGet(foundIds)).filter((r): r is ReadingRow => !!r);
  // The reader's corrections: an actor that is not a name (or hidden on a site) leaves the timeline there,
  // quotations that are not ones or were said by someone else leave it everywhere.
  const fixesOf = await correctionsBySite(db);
  const siteOf = new Map(foundReadings.map((r) => [r.id, r.site]));
  const fixesFor = (readingId: string) => fixesOf(siteOf.get(readingId) ?? '');
  const actors = found.filter((a) => !isGone(fixesFor(a.readingId), a.name, a.aliases));
  const quotes = saidBy.filter((q) => {
    const fixes = fixesFor(q.readingId);
    if (q.speakerName && isGone(fixes, q.speakerName)) return false;
    const key = quoteKey(q.text);
    if (fixes.notQuotes.has(key)) return false;
    const speaker = fixes.speakers.get(key);
    return speaker === undefined || (speaker !== null && keys.includes(nameKey(speaker)));
  });
  const kept = new Set([...actors.map((a) => a.readingId), ...quotes.map((q) => q.readingId)]);
  const readings = foundReadings.filter((r) => kept.has(r.id));
  const anyFixes = fixesOf('');
  const type = fixedType(anyFixes, name) ?? storedType;
  const entries: TimelineEntry[] = readings.map((r) => {
    const here = actors.filter((a) => a.readingId === r.id);
    const said = quotes.filter((q) => q.readingId === r.id).sort((a, b) => a.start - b.start);
    const main = here.sort((a, b) => b.mentions - a.mentions)[0];
    return {
      reading: summarize(r, fixesOf(r.site)),
      name: main?.name ?? said[0]?.speakerName ?? name,
      role: main?.role ?? null,
      mentions: here.reduce((n, a) => n + a.mentions, 0),
      quotes: said.map((q) => ({ text: q.text, start: q.start, end: q.end })),
    };
  });
  entries.sort((a, b) => b.reading.readAt - a.reading.readAt);
  return { name, type, entries: entries.slice(0, target.limit ?? 500) };
}

/** Remember that a written name stands for another actor (or forget it with `to: null`); later readings apply it. */
export async function correctActor(name: string, to: CorrectionRow['to'] | null, db: ReaderDb = readerDb()): Promise<boolean> {
  const key = nameKey(name);
  if (!key) throw new Error('the name has no letters');
  if (to === null) {
    const had = await db.corrections.get(key);
    await db.corrections.delete(key);
    return had !== undefined;
  }
  await db.corrections.put({ nameKey: key, name, to, at: Date.now() });
  return true;
}

/** Delete one reading with its actors and quotations; saved quotations stay unless asked. */
export async function deleteReading(id: string, withSavedQuotes = false, db: ReaderDb = readerDb()) {
  return db.transaction('rw', [db.readings, db.readingActors, db.readingQuotes, db.savedQuotes], async () => {
    const had = await db.readings.get(id);
    await db.readings.delete(id);
    await ofReading(db.readingActors, id).delete();
    await ofReading(db.readingQuotes, id).delete();
    const savedQuotes = withSavedQuotes ? await db.savedQuotes.where('readingId').equals(id).delete() : 0;
    recentTexts.delete(id);
    return { deleted: had !== undefined, savedQuotes };
  });
}

/** Forget everything read and saved on one site. */
export async function forgetSite(site: string, db: ReaderDb = readerDb()) {
  const key = siteKey(site);
  if (!key) throw new Error('no site given');
  return db.transaction('rw', [db.readings, db.readingActors, db.readingQuotes, db.savedQuotes], async () => {
    const ids: string[] = (await db.readings.where('site').equals(key).toArray()).map((r) => r.id);
    await db.readings.bulkDelete(ids);
    for (const id of ids) {
      await ofReading(db.readingActors, id).delete();
      await ofReading(db.readingQuotes, id).delete();
    }
    // The same article read on another site too (syndicated wire copy) is one reading: keep it, minus this site's addresses.
    const onSite = (url: string | null) => !!url && siteOfUrl(url) === key;
    const hosts = [key, `www.${key}`];
    const prefixes = hosts.flatMap((h) => [`http://${h}/`, `https://${h}/`, `http://${h}:`, `https://${h}:`]);
    for (const r of await db.readings.where('urlKeys').startsWithAnyOf(prefixes).toArray()) {
      const urlKeys = r.urlKeys.filter((u) => !onSite(u));
      const elsewhere = urlKeys[0] ?? r.url;
      await db.readings.put({
        ...r,
        urlKeys,
        pageKey: onSite(r.pageKey) ? elsewhere : r.pageKey,
        url: onSite(r.url) ? elsewhere : r.url,
        canonicalUrl: onSite(r.canonicalUrl) ? null : r.canonicalUrl,
      });
    }
    const savedQuotes = await db.savedQuotes.where('site').equals(key).delete();
    for (const id of ids) recentTexts.delete(id);
    return { readings: ids.length, savedQuotes };
  });
}
