// Recording and listing readings (one visit to an article).
import type { Analysis } from '../nlp/types';
import { type ReaderDb, type ReadingRow, readerDb } from './db';

/** Record a visit; the same URL read again updates the one reading instead of adding another. */
export async function recordReading(url: string, analysis: Analysis, db: ReaderDb = readerDb()): Promise<ReadingRow> {
  const row: ReadingRow = {
    id: url,
    url,
    site: new URL(url).hostname,
    title: analysis.page.title,
    readAt: Date.now(),
    actorCount: analysis.actors.length,
    quoteCount: analysis.quotes.length,
  };
  await db.readings.put(row);
  return row;
}

/** Readings, newest first. */
export function listReadings(db: ReaderDb = readerDb()): Promise<ReadingRow[]> {
  return db.readings.orderBy('readAt').reverse().toArray();
}
