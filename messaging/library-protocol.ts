// Requests about the reader's library (history, saved quotations, backup) and context cards.
// Kept beside protocol.ts so the shared file only lists these schemas; every input is bounded.
import * as v from 'valibot';
import type { ActorType } from '../types/analysis';
import type { Card } from '../types/card';
import type {
  AnchoredQuote,
  HistoryHit,
  ImportReport,
  ReadingSummary,
  SavedQuoteView,
  StorageStatus,
  TimelineEntry,
} from '../types/library';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(50_000_000));
const httpUrl = v.pipe(text(4096), v.url(), v.regex(/^https?:\/\//, 'only http(s) pages'));
const actorType = v.picklist(['person', 'organization', 'place']);
const tags = v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(64))), v.maxLength(20));
const limit = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)));
const time = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The longest quotation a reader can save, in characters. */
const MAX_QUOTE_CHARS = 10_000;
/** Article text sent for re-anchoring, in characters. */
const MAX_ARTICLE_CHARS = 2_000_000;

// v.variant accepts plain objects only: cross-field rules ("a reading id or a URL") are checked by the handlers.
export const SaveQuoteSchema = v.object({
  type: v.literal('saveQuote'),
  readingId: v.optional(id),
  url: v.optional(httpUrl),
  exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE_CHARS)),
  prefix: text(200),
  suffix: text(200),
  start: offset,
  end: offset,
  speakerName: v.optional(v.nullable(text(300))),
  actorId: v.optional(v.nullable(id)),
  note: v.optional(text(5000)),
  tags: v.optional(tags),
});

const UnsaveQuoteSchema = v.object({ type: v.literal('unsaveQuote'), id });

const UpdateSavedQuoteSchema = v.object({
  type: v.literal('updateSavedQuote'),
  id,
  note: v.optional(text(5000)),
  tags: v.optional(tags),
});

const QuoteFilterEntries = {
  text: v.optional(text(200)),
  speaker: v.optional(text(300)),
  site: v.optional(text(253)),
  from: v.optional(time),
  to: v.optional(time),
  tag: v.optional(text(64)),
};

const ListSavedQuotesSchema = v.object({
  type: v.literal('listSavedQuotes'),
  ...QuoteFilterEntries,
  limit,
  offset: v.optional(offset),
});

const SavedForPageSchema = v.object({
  type: v.literal('savedForPage'),
  url: httpUrl,
  canonicalUrl: v.optional(v.nullable(text(4096))),
  /** The article text as analysed (joinArticle), to re-anchor against; omitted → last analysed text. */
  text: v.optional(text(MAX_ARTICLE_CHARS)),
});

const ListReadingsSchema = v.object({
  type: v.literal('listReadings'),
  site: v.optional(text(253)),
  limit,
  offset: v.optional(offset),
});

const SearchHistorySchema = v.object({
  type: v.literal('searchHistory'),
  query: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  limit,
});

const ActorTimelineSchema = v.object({
  type: v.literal('actorTimeline'),
  name: v.optional(text(300)),
  readingId: v.optional(id),
  actorId: v.optional(id),
  limit,
});

const GetCardSchema = v.object({
  type: v.literal('getCard'),
  readingId: v.optional(id),
  actorId: v.optional(id),
  name: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(300))),
  actorType: v.optional(actorType),
  /** The article's publication date (ISO), for the role held at that date. */
  publishedAt: v.optional(v.nullable(text(64))),
});

const ChooseEntitySchema = v.object({
  type: v.literal('chooseEntity'),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
  /** The chosen Wikidata item, or null for "none of these". */
  qid: v.nullable(v.pipe(v.string(), v.regex(/^Q[1-9][0-9]{0,11}$/, 'not a Wikidata item id'))),
});

const CorrectActorSchema = v.object({
  type: v.literal('correctActor'),
  /** The name as written («بوتين»). */
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
  /** What it stands for; null removes the correction. */
  to: v.nullable(
    v.object({
      name: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
      type: v.optional(actorType),
      knowledgeId: v.optional(v.nullable(text(200))),
    }),
  ),
});

const name = v.pipe(v.string(), v.minLength(1), v.maxLength(300));
const quote = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE_CHARS));

/** One correction of the analysis, from the hover card or the panel; applied to every reading from now on. */
const AddFixSchema = v.object({
  type: v.literal('addFix'),
  fix: v.variant('kind', [
    v.object({ kind: v.literal('not-name'), name }),
    v.object({ kind: v.literal('hide'), name, site: v.pipe(text(4096), v.minLength(1)) }),
    v.object({ kind: v.literal('type'), name, type: actorType }),
    v.object({ kind: v.literal('not-quote'), quote }),
    v.object({ kind: v.literal('speaker'), quote, speaker: v.nullable(name) }),
  ]),
});

/** Undo a correction. */
const RemoveFixSchema = v.object({ type: v.literal('removeFix'), id });

/** Every correction, for the settings. */
const ListFixesSchema = v.object({ type: v.literal('listFixes') });

const DeleteReadingSchema = v.object({
  type: v.literal('deleteReading'),
  id,
  /** Also delete the quotations saved from it (they are kept by default). */
  withSavedQuotes: v.optional(v.boolean()),
});

const ForgetSiteSchema = v.object({
  type: v.literal('forgetSite'),
  site: v.pipe(v.string(), v.minLength(1), v.maxLength(253)),
});

const ClearAllSchema = v.object({
  type: v.literal('clearAll'),
  /** 'cache' clears only what can be rebuilt (cards, Wikimedia answers); 'all' clears the reader's data too. */
  scope: v.picklist(['all', 'cache']),
});

const ExportBackupSchema = v.object({ type: v.literal('exportBackup') });

const ImportBackupSchema = v.object({
  type: v.literal('importBackup'),
  /** The backup file's text (its size is bounded by MAX_MESSAGE_BYTES). */
  json: v.pipe(v.string(), v.minLength(1)),
});

const ExportQuotesSchema = v.object({
  type: v.literal('exportQuotes'),
  format: v.picklist(['markdown', 'csv', 'jsonld']),
  ...QuoteFilterEntries,
});

const StorageStatusSchema = v.object({
  type: v.literal('storageStatus'),
  /** Ask the browser for persistent storage (call from a user gesture in the options page). */
  requestPersist: v.optional(v.boolean()),
});

/** Every library and card request; listed in RequestSchema. */
export const LibraryRequestSchemas = [
  SaveQuoteSchema,
  UnsaveQuoteSchema,
  UpdateSavedQuoteSchema,
  ListSavedQuotesSchema,
  SavedForPageSchema,
  ListReadingsSchema,
  SearchHistorySchema,
  ActorTimelineSchema,
  GetCardSchema,
  ChooseEntitySchema,
  CorrectActorSchema,
  AddFixSchema,
  RemoveFixSchema,
  ListFixesSchema,
  DeleteReadingSchema,
  ForgetSiteSchema,
  ClearAllSchema,
  ExportBackupSchema,
  ImportBackupSchema,
  ExportQuotesSchema,
  StorageStatusSchema,
] as const;

// ---- What the UI receives (the data shapes themselves live in types/library.ts) ----

/** A reader's correction as the settings list it. */
export interface FixView {
  id: string;
  kind: 'not-name' | 'type' | 'hide' | 'not-quote' | 'speaker';
  /** The name or quotation corrected. */
  label: string;
  site: string | null;
  type: ActorType | null;
  speaker: string | null;
  at: number;
}

/** What each library and card request answers; merged into Responses. */
export interface LibraryResponses {
  saveQuote: SavedQuoteView;
  unsaveQuote: { removed: boolean };
  updateSavedQuote: SavedQuoteView;
  listSavedQuotes: { total: number; items: SavedQuoteView[] };
  savedForPage: { readingId: string | null; items: AnchoredQuote[] };
  listReadings: { total: number; items: ReadingSummary[] };
  searchHistory: { items: HistoryHit[] };
  actorTimeline: { name: string; type: ActorType | null; entries: TimelineEntry[] };
  getCard: Card;
  chooseEntity: Card;
  correctActor: { corrected: boolean };
  addFix: FixView;
  removeFix: { removed: boolean };
  listFixes: { items: FixView[] };
  deleteReading: { deleted: boolean; savedQuotes: number };
  forgetSite: { readings: number; savedQuotes: number };
  clearAll: { cleared: 'all' | 'cache' };
  exportBackup: { fileName: string; json: string };
  importBackup: ImportReport;
  exportQuotes: { fileName: string; mime: string; text: string };
  storageStatus: StorageStatus;
}
