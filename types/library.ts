// What the library keeps and the UI lists: readings, saved quotations, timelines, storage status, backup reports.
// Plain data, shared by storage/ (which builds it), messaging/ (which carries it) and the views.

/** A reading as listed in the history. */
export interface ReadingSummary {
  id: string;
  url: string;
  site: string;
  title: string | null;
  publishedAt: string | null;
  firstReadAt: number;
  readAt: number;
  actorCount: number;
  quoteCount: number;
  /** The most mentioned actors, fullest name first. */
  topActors: string[];
}

/** A saved quotation with everything an export or a list needs. */
export interface SavedQuoteView {
  id: string;
  readingId: string;
  url: string;
  site: string;
  title: string | null;
  publishedAt: string | null;
  /** W3C TextQuoteSelector. */
  exact: string;
  prefix: string;
  suffix: string;
  /** W3C TextPositionSelector over the analysed article text. */
  start: number;
  end: number;
  speakerName: string | null;
  actorId: string | null;
  note: string;
  tags: string[];
  savedAt: number;
  updatedAt: number;
}

export type AnchorStatus = 'exact' | 'position' | 'fuzzy' | 'changed' | 'removed';

/** A saved quotation found again (or not) in the article as it is now. */
export interface AnchoredQuote extends SavedQuoteView {
  anchor: {
    status: AnchorStatus;
    /** Offsets in the text sent (or last analysed); null when removed. */
    start: number | null;
    end: number | null;
    /** The text now at that place when status is 'fuzzy' or 'changed'. */
    found: string | null;
  };
}

export interface HistoryHit {
  reading: ReadingSummary;
  /** What matched, for highlighting in the list. */
  matches: { field: 'title' | 'actor' | 'quote' | 'site'; text: string }[];
}

export interface TimelineEntry {
  reading: ReadingSummary;
  name: string;
  role: string | null;
  mentions: number;
  quotes: { text: string; start: number; end: number }[];
}

export interface StorageStatus {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
  /** True when the browser wiped the reader's data since it was last seen. */
  purged: boolean;
  readings: number;
  savedQuotes: number;
}

export interface ImportReport {
  added: Record<string, number>;
  skipped: Record<string, number>;
}

/** What the reader's readings say of an actor (see storage/whoswho.ts), the newest role first. */
export interface LocalWho {
  roles: { role: string; readAt: number }[];
  companions: string[];
}

/** Reads the reader's who's-who for the keys an actor goes by; injected so knowledge/ never opens the database. */
export type LocalWhoReader = (keys: readonly string[]) => Promise<LocalWho>;
