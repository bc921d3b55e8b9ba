// What the rebuildable cache keeps: Wikimedia answers and assembled card details, each with a time to live.
// storage/db.ts holds them in IndexedDB; the background hands the tables to knowledge/ as KeptRows.

/** A Wikimedia answer by request URL. */
export interface WikimediaRow {
  url: string;
  body: unknown;
  fetchedAt: number;
  expiresAt: number;
}

/** Online details assembled for a card. */
export interface CardCacheRow {
  /** Name key, type and day the enrichment was built for. */
  key: string;
  qid: string | null;
  data: unknown;
  fetchedAt: number;
  expiresAt: number;
}

/** Rows kept by key: what knowledge/ asks of a cache table. */
export interface KeptRows<Row> {
  get(key: string): Promise<Row | undefined>;
  put(row: Row): Promise<unknown>;
  clear(): Promise<void>;
}
