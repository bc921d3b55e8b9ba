// The reader's data, kept in IndexedDB through Dexie. Schema versions only ever grow.
import Dexie, { type EntityTable } from 'dexie';

export interface ReadingRow {
  id: string;
  url: string;
  site: string;
  title: string | null;
  readAt: number;
  actorCount: number;
  quoteCount: number;
}

export class ReaderDb extends Dexie {
  readings!: EntityTable<ReadingRow, 'id'>;

  constructor(name = 'siyaq') {
    super(name);
    this.version(1).stores({ readings: 'id, site, readAt' });
  }
}

let shared: ReaderDb | null = null;

/** The one reader database of this extension context, opened lazily. */
export function readerDb(): ReaderDb {
  shared ??= new ReaderDb();
  return shared;
}
