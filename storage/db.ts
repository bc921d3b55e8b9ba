// The reader's data and the rebuildable cache, kept in two IndexedDB databases through Dexie.
// Schema versions only ever grow: add a new entry to READER_VERSIONS, never edit a shipped one.
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { ActorType } from '../types/analysis';
import type { CardCacheRow, WikimediaRow } from '../types/cache';
import type { CorrectedName, EntityChoice, StoredActor } from '../types/card';
import type { ReadingSummary, SavedQuoteView } from '../types/library';

/** A reading as stored: what the history lists, with the keys it is found by. */
export interface ReadingRow extends ReadingSummary {
  /** Stable id derived from the first page key the article was seen under. */
  id: string;
  /** Clean canonical URL (else clean raw URL): one reading per article. */
  pageKey: string;
  /** Every URL form seen for this article (canonical, clean, raw). */
  urlKeys: string[];
  textHash: string | null;
  /** The URL as last read. */
  url: string;
  canonicalUrl: string | null;
  /** Variant-tolerant keys of the title, actor names and quotations (see keys.ts). */
  searchKeys: string[];
}

export interface ReadingActorRow extends StoredActor {
  readingId: string;
  knowledgeId: string | null;
  readAt: number;
}

export interface ReadingQuoteRow {
  readingId: string;
  index: number;
  text: string;
  start: number;
  end: number;
  speakerName: string | null;
  speakerActorId: string | null;
  /** Name keys of the speaker (as for actors); empty when anonymous. */
  speakerKeys: string[];
  readAt: number;
}

/** A saved quotation as stored: what the UI lists, with the keys it is found by. */
export interface SavedQuoteRow extends SavedQuoteView {
  /** Deterministic: the same quotation saved twice (or restored twice) is one row. */
  id: string;
  pageKey: string;
  speakerKey: string;
}

/** "This name is that actor": applied to every later reading. */
export interface CorrectionRow {
  nameKey: string;
  name: string;
  to: CorrectedName;
  at: number;
}

/**
 * A reader's correction of the analysis: a name that is not one, an actor of another type, a quotation that is
 * not one, another speaker, or an actor hidden on one site. Applied to every reading from then on.
 */
export interface FixRow {
  /** kind, site and key: one row per correction of one thing. */
  id: string;
  kind: 'not-name' | 'type' | 'hide' | 'not-quote' | 'speaker';
  /** The name key of the actor's name, or the quotation's text key. */
  key: string;
  /** The name or the quotation as the reader saw it. */
  label: string;
  /** The site a correction is limited to ("hide"), else null. */
  site: string | null;
  /** "type": the actor's right type. */
  type: ActorType | null;
  /** "speaker": the right speaker's name; null for "unknown". */
  speaker: string | null;
  at: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const READER_DB_NAME = 'siyaq';
const CACHE_DB_NAME = 'siyaq-cache';

/** Every version of the reader schema, oldest first. */
export const READER_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      readings: 'id, pageKey, *urlKeys, textHash, site, readAt, *searchKeys',
      readingActors: '[readingId+actorId], readingId, *nameKeys, readAt',
      readingQuotes: '[readingId+index], readingId, *speakerKeys, readAt',
      savedQuotes: 'id, readingId, pageKey, site, savedAt, speakerKey, *tags',
      corrections: 'nameKey',
      choices: 'nameKey',
      meta: 'key',
    },
  },
  {
    version: 3,
    stores: { fixes: 'id, key, site' },
  },
];

/** The tables a reader backup contains. */
export const READER_TABLES = [
  'readings',
  'readingActors',
  'readingQuotes',
  'savedQuotes',
  'corrections',
  'choices',
  'fixes',
  'meta',
] as const;

export class ReaderDb extends Dexie {
  readings!: EntityTable<ReadingRow, 'id'>;
  readingActors!: Table<ReadingActorRow, [string, string]>;
  readingQuotes!: Table<ReadingQuoteRow, [string, number]>;
  savedQuotes!: EntityTable<SavedQuoteRow, 'id'>;
  corrections!: EntityTable<CorrectionRow, 'nameKey'>;
  choices!: EntityTable<EntityChoice, 'nameKey'>;
  fixes!: EntityTable<FixRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = READER_DB_NAME, versions: readonly SchemaVersion[] = READER_VERSIONS) {
    super(name);
    for (const v of versions) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}

export const CACHE_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: { wikimedia: 'url, expiresAt', cards: 'key, expiresAt' },
  },
];

/** What can be rebuilt: Wikimedia answers and assembled enrichment. Clearing it never touches reader data. */
export class CacheDb extends Dexie {
  wikimedia!: EntityTable<WikimediaRow, 'url'>;
  cards!: EntityTable<CardCacheRow, 'key'>;

  constructor(name = CACHE_DB_NAME, versions: readonly SchemaVersion[] = CACHE_VERSIONS) {
    super(name);
    for (const v of versions) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}

let reader: ReaderDb | null = null;
let cache: CacheDb | null = null;

/** The one reader database of this extension context, opened lazily. */
export function readerDb(): ReaderDb {
  reader ??= new ReaderDb();
  return reader;
}

/** The one cache database of this extension context, opened lazily. */
export function cacheDb(): CacheDb {
  cache ??= new CacheDb();
  return cache;
}
