// Saved quotations: save, unsave, notes and tags, filtered lists, and re-anchoring on a page.

import { nameKey, queryKeys, textMatches } from '../nlp/keys';
import type { AnchoredQuote, SavedQuoteView } from '../types/library';
import { anchorQuote } from './anchor';
import { type ReaderDb, type ReadingRow, readerDb, type SavedQuoteRow } from './db';
import { hash53 } from './hash';
import { pageIdentity, siteOfUrl } from './identity';
import { findReading, lastText, siteKey } from './readings';

export interface SaveQuoteInput {
  readingId?: string;
  url?: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  speakerName?: string | null;
  actorId?: string | null;
  note?: string;
  tags?: string[];
}

export interface QuoteFilter {
  /** Words that must all occur in the quotation, its note, its speaker or its article title. */
  text?: string;
  speaker?: string;
  site?: string;
  /** Article date range (publication date, else the day it was saved), epoch ms inclusive. */
  from?: number;
  to?: number;
  tag?: string;
}

/** The list/export view of a saved quotation row. */
export function viewOf(r: SavedQuoteRow): SavedQuoteView {
  return {
    id: r.id,
    readingId: r.readingId,
    url: r.url,
    site: r.site,
    title: r.title,
    publishedAt: r.publishedAt,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    start: r.start,
    end: r.end,
    speakerName: r.speakerName,
    actorId: r.actorId,
    note: r.note,
    tags: r.tags,
    savedAt: r.savedAt,
    updatedAt: r.updatedAt,
  };
}

function cleanTags(tags: readonly string[] | undefined): string[] | undefined {
  return tags && [...new Set(tags.map((t) => t.trim()).filter(Boolean))].slice(0, 20);
}

/** A bare reading for a page saved from before it was recorded (e.g. recording was off). */
async function bareReading(url: string, db: ReaderDb): Promise<ReadingRow> {
  const identity = pageIdentity(url);
  const now = Date.now();
  const row: ReadingRow = {
    id: `r${hash53(identity.pageKey)}`,
    pageKey: identity.pageKey,
    urlKeys: identity.urlKeys,
    textHash: null,
    url,
    canonicalUrl: null,
    site: siteOfUrl(identity.pageKey),
    title: null,
    publishedAt: null,
    firstReadAt: now,
    readAt: now,
    actorCount: 0,
    quoteCount: 0,
    topActors: [],
    searchKeys: [],
  };
  await db.readings.put(row);
  return row;
}

/** Save a quotation; saving the same one again updates its note and tags instead of adding a copy. */
export async function saveQuote(input: SaveQuoteInput, db: ReaderDb = readerDb()): Promise<SavedQuoteView> {
  if (input.end <= input.start) throw new Error('end must be after start');
  if (!input.readingId && !input.url) throw new Error('a reading id or a URL is needed');
  return db.transaction('rw', [db.readings, db.savedQuotes, db.readingActors], async () => {
    let reading: ReadingRow | undefined;
    if (input.readingId) reading = await db.readings.get(input.readingId);
    if (!reading && input.url) reading = (await findReading(pageIdentity(input.url), db)) ?? (await bareReading(input.url, db));
    if (!reading) throw new Error('no such reading');
    let speakerName = input.speakerName ?? null;
    if (!speakerName && input.actorId) speakerName = (await db.readingActors.get([reading.id, input.actorId]))?.name ?? null;
    const id = `q${hash53(`${reading.pageKey}|${input.start}|${input.exact}`)}`;
    const now = Date.now();
    const old = await db.savedQuotes.get(id);
    const row: SavedQuoteRow = {
      id,
      readingId: reading.id,
      pageKey: reading.pageKey,
      url: reading.url,
      site: reading.site,
      title: reading.title,
      publishedAt: reading.publishedAt,
      exact: input.exact,
      prefix: input.prefix,
      suffix: input.suffix,
      start: input.start,
      end: input.end,
      speakerName,
      actorId: input.actorId ?? null,
      speakerKey: speakerName ? nameKey(speakerName) : '',
      note: input.note ?? old?.note ?? '',
      tags: cleanTags(input.tags) ?? old?.tags ?? [],
      savedAt: old?.savedAt ?? now,
      updatedAt: now,
    };
    await db.savedQuotes.put(row);
    return viewOf(row);
  });
}

/** Remove a saved quotation; true when there was one. */
export async function unsaveQuote(id: string, db: ReaderDb = readerDb()): Promise<boolean> {
  return db.transaction('rw', db.savedQuotes, async () => {
    const had = await db.savedQuotes.get(id);
    await db.savedQuotes.delete(id);
    return had !== undefined;
  });
}

/** Change the note or tags of a saved quotation. */
export async function updateSavedQuote(id: string, change: { note?: string; tags?: string[] }, db: ReaderDb = readerDb()) {
  return db.transaction('rw', db.savedQuotes, async () => {
    const row = await db.savedQuotes.get(id);
    if (!row) throw new Error('no saved quotation with this id');
    const next: SavedQuoteRow = {
      ...row,
      note: change.note ?? row.note,
      tags: cleanTags(change.tags) ?? row.tags,
      updatedAt: Date.now(),
    };
    await db.savedQuotes.put(next);
    return viewOf(next);
  });
}

function articleTime(r: SavedQuoteRow): number {
  const t = r.publishedAt ? Date.parse(r.publishedAt) : Number.NaN;
  return Number.isFinite(t) ? t : r.savedAt;
}

/** Saved quotations matching every given filter, newest saved first. */
export async function findSavedQuotes(filter: QuoteFilter = {}, db: ReaderDb = readerDb()): Promise<SavedQuoteRow[]> {
  let rows: SavedQuoteRow[];
  if (filter.site) rows = await db.savedQuotes.where('site').equals(siteKey(filter.site)).toArray();
  else if (filter.tag) rows = await db.savedQuotes.where('tags').equals(filter.tag.trim()).toArray();
  else rows = await db.savedQuotes.toArray();
  const textKeys = filter.text ? queryKeys(filter.text) : [];
  const speakerKeys = filter.speaker ? queryKeys(filter.speaker) : [];
  const out = rows.filter((r) => {
    if (filter.tag && !r.tags.includes(filter.tag.trim())) return false;
    if (filter.from !== undefined && articleTime(r) < filter.from) return false;
    if (filter.to !== undefined && articleTime(r) > filter.to) return false;
    if (speakerKeys.length && !(r.speakerName && textMatches(r.speakerName, speakerKeys))) return false;
    if (textKeys.length) {
      const all = [r.exact, r.note, r.speakerName ?? '', r.title ?? '', r.tags.join(' ')].join('\n');
      if (!textMatches(all, textKeys)) return false;
    }
    return true;
  });
  return out.sort((a, b) => b.savedAt - a.savedAt);
}

/** One page of the filtered list, with the total for paging. */
export async function listSavedQuotes(
  filter: QuoteFilter & { limit?: number; offset?: number } = {},
  db: ReaderDb = readerDb(),
): Promise<{ total: number; items: SavedQuoteView[] }> {
  const rows = await findSavedQuotes(filter, db);
  const offset = filter.offset ?? 0;
  return { total: rows.length, items: rows.slice(offset, offset + (filter.limit ?? 200)).map(viewOf) };
}

/**
 * The quotations saved from a page, each found again in the page's current text. Without a text
 * (and none analysed recently) the stored positions are returned with status 'position', unverified.
 */
export async function savedForPage(
  page: { url: string; canonicalUrl?: string | null; text?: string },
  db: ReaderDb = readerDb(),
): Promise<{ readingId: string | null; items: AnchoredQuote[] }> {
  const identity = pageIdentity(page.url, page.canonicalUrl, page.text);
  const reading = await findReading(identity, db);
  const byKey = await db.savedQuotes.where('pageKey').anyOf(identity.urlKeys).toArray();
  const byReading = reading ? await db.savedQuotes.where('readingId').equals(reading.id).toArray() : [];
  const rows = [...new Map([...byKey, ...byReading].map((r) => [r.id, r])).values()].sort((a, b) => a.start - b.start);
  const text = page.text ?? (reading ? lastText(reading.id) : null);
  const items = rows.map((r) => ({
    ...viewOf(r),
    anchor: text === null ? { status: 'position' as const, start: r.start, end: r.end, found: null } : anchorQuote(text, r),
  }));
  return { readingId: reading?.id ?? null, items };
}
