// The one typed protocol between content script, background and extension pages.
// Every request is validated by the background (`parseRequest`) before anything runs.
import * as v from 'valibot';
import type { Analysis } from '../types/analysis';
import { LibraryRequestSchemas, type LibraryResponses } from './library-protocol';
import { PageRequestSchemas, type PageResponses } from './page-requests';

/** Messages larger than this are refused before parsing: a whole 100,000-word article is ~1.2 MB. */
export const MAX_MESSAGE_BYTES = 4_000_000;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

const PageSignalsSchema = v.object({
  lang: v.nullable(text(64)),
  dir: v.nullable(text(16)),
  ogType: v.nullable(text(64)),
  jsonLdTypes: v.pipe(v.array(text(128)), v.maxLength(64)),
  hasArticleElement: v.boolean(),
  hasArticleBody: v.boolean(),
  url: v.optional(v.nullable(text(4096))),
  textSample: v.optional(v.nullable(text(2000))),
});

const AnalyzeArticleSchema = v.object({
  type: v.literal('analyzeArticle'),
  url: v.pipe(text(4096), v.url(), v.regex(/^https?:\/\//, 'only http(s) pages are analysed')),
  canonicalUrl: v.optional(v.nullable(text(4096))),
  title: v.nullable(text(2000)),
  blocks: v.pipe(v.array(text(200_000)), v.minLength(1), v.maxLength(20_000)),
  signals: v.optional(v.nullable(PageSignalsSchema)),
  publishedAt: v.optional(v.nullable(text(64))),
  /** The reader asked to analyse this page although it is not recognised as an Arabic news article. */
  anyway: v.optional(v.boolean()),
});

/** The page found no article body to analyse (nothing, or only a title and a line or two). */
const ReportNotArticleSchema = v.object({
  type: v.literal('reportNotArticle'),
  url: v.pipe(text(4096), v.url(), v.regex(/^https?:\/\//, 'only http(s) pages are analysed')),
  title: v.nullable(text(2000)),
  reason: v.picklist(['short-body', 'no-body']),
});

const GetTabStatusSchema = v.object({
  type: v.literal('getTabStatus'),
  tabId: v.pipe(v.number(), v.integer()),
});

/** The side panel asks for the analysed article of a tab (actors and quotations as the page shows them). */
const GetTabArticleSchema = v.object({
  type: v.literal('getTabArticle'),
  tabId: v.pipe(v.number(), v.integer()),
});

const RequestSchema = v.variant('type', [
  AnalyzeArticleSchema,
  ReportNotArticleSchema,
  GetTabStatusSchema,
  GetTabArticleSchema,
  ...LibraryRequestSchemas,
  ...PageRequestSchemas,
]);

export type AnalyzeArticleRequest = v.InferOutput<typeof AnalyzeArticleSchema>;
export type Request = v.InferOutput<typeof RequestSchema>;

export interface TabStatus {
  tabId: number;
  state: 'idle' | 'analysing' | 'done' | 'not-article' | 'error';
  url: string | null;
  title: string | null;
  actors: number;
  quotes: number;
  readingId: string | null;
  error: string | null;
  /**
   * Why a page is not an article: the page says it is an article but its body is short, no body was found,
   * or the text is not Arabic news. Null for any other state.
   */
  notArticle: 'short-body' | 'no-body' | 'not-news' | null;
}

/** What each request answers. */
export interface Responses extends LibraryResponses, PageResponses {
  /** `genders`: each person's gender where the article makes it clear (card wording). */
  analyzeArticle: { readingId: string | null; analysis: Analysis; genders?: Record<string, 'm' | 'f'> };
  reportNotArticle: { ok: true };
  getTabStatus: TabStatus;
  getTabArticle: TabArticle | null;
}

/** A tab's analysed article as the side panel shows it; null when the tab has none (yet). */
export interface TabArticle {
  url: string;
  title: string | null;
  publishedAt: string | null;
  readingId: string | null;
  analysis: Analysis;
}

export type Response<T extends Request['type']> = Responses[T];

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: string };

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** Validate an untrusted message; throws ProtocolError with a readable reason. */
export function parseRequest(raw: unknown): Request {
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    throw new ProtocolError('message is not serialisable');
  }
  if (size > MAX_MESSAGE_BYTES) throw new ProtocolError(`message too large: ${size} bytes (limit ${MAX_MESSAGE_BYTES})`);
  const result = v.safeParse(RequestSchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new ProtocolError(`invalid message${path ? ` at ${path}` : ''}: ${issue?.message ?? 'unknown shape'}`);
  }
  return result.output;
}
