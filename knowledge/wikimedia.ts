// Wikidata and Wikipedia client for the background only, used after the reader turns enrichment on:
// Api-User-Agent, one request at a time, at most 50 ids a batch, backoff on 429 and maxlag, timeouts,
// and a cache with a time to live in the cache database (stale answers are served and refreshed).
import type { KeptRows, WikimediaRow } from '../types/cache';

const WIKIDATA_API = 'https://www.wikidata.org/w/api.php';
const API_USER_AGENT = 'Siyaq/0.1 (browser extension for reading Arabic news; https://github.com/siyaq/siyaq)';
/** Wikidata's limit for anonymous wbgetentities calls. */
export const MAX_IDS_PER_REQUEST = 50;

export type WikimediaErrorKind = 'off' | 'rate-limited' | 'maxlag' | 'timeout' | 'http' | 'malformed' | 'network';

export class WikimediaError extends Error {
  override name = 'WikimediaError';
  constructor(
    readonly kind: WikimediaErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** The part of fetch() the client uses, so tests can replay recorded answers. */
export type FetchLike = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

export interface WikimediaOptions {
  fetch?: FetchLike;
  /** Where answers are cached; null keeps nothing (the CLI). */
  cache?: KeptRows<WikimediaRow> | null;
  /** Whether the reader allows online requests; checked before every request. */
  isEnabled: () => Promise<boolean>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
  /** How long an answer is fresh. */
  ttlMs?: number;
  /** How long a stale answer may still be shown while it is refreshed. */
  maxStaleMs?: number;
  /** Retries after 429 or maxlag before giving up. */
  maxRetries?: number;
  /** After an outage (unreachable, timeout, rate limit or lag not over, server error), ask nothing for this long. */
  outageCooldownMs?: number;
}

/** Failures that say "the service is down or wants us gone", as opposed to one odd answer. */
const OUTAGE_KINDS: ReadonlySet<WikimediaErrorKind> = new Set(['network', 'timeout', 'rate-limited', 'maxlag', 'http']);

const DAY = 86_400_000;

/** The client's manners when the caller says nothing else (see WikimediaOptions). */
const DEFAULTS = {
  timeoutMs: 10_000,
  ttlMs: 7 * DAY,
  maxStaleMs: 30 * DAY,
  maxRetries: 3,
  outageCooldownMs: 60_000,
  /** Exponential backoff after 429 stops growing here… */
  maxBackoffMs: 60_000,
  /** …and no server-asked wait is honoured beyond this. */
  maxWaitMs: 120_000,
  /** Seconds to wait on maxlag when the answer names no lag (the API's own advice). */
  maxlagSeconds: 5,
} as const;

/** Seconds to wait from a Retry-After header (seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const secs = Number(header);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

export class WikimediaClient {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly fetchFn: FetchLike;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private refreshes: Promise<unknown>[] = [];
  /** Network requests made so far (each retry counts). */
  requests = 0;
  /** While Wikimedia is down every request fails at once with the outage's error: no retry storm from hovering. */
  private outage: { until: number; error: WikimediaError } | null = null;

  constructor(private readonly options: WikimediaOptions) {
    this.fetchFn =
      options.fetch ??
      ((url, init) =>
        globalThis.fetch(url, { headers: init.headers, signal: init.signal, credentials: 'omit', referrerPolicy: 'no-referrer' }));
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Wait until background refreshes have finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.refreshes.length) {
      const pending = this.refreshes;
      this.refreshes = [];
      await Promise.allSettled(pending);
    }
  }

  /**
   * GET a JSON URL through the cache and the one-at-a-time queue; throws WikimediaError. `accept` checks
   * the answer's shape before it is cached, so a wrong answer is never kept.
   */
  async getJson(url: string, accept: (body: unknown) => boolean = () => true): Promise<unknown> {
    if (!(await this.options.isEnabled())) throw new WikimediaError('off', 'online enrichment is off');
    const cache = this.options.cache ?? null;
    const cached = cache ? await cache.get(url) : undefined;
    const now = this.now();
    if (cached && cached.expiresAt > now) return cached.body;
    if (cached && cached.fetchedAt + (this.options.maxStaleMs ?? DEFAULTS.maxStaleMs) > now) {
      // Serve the stale answer now and refresh it behind the reader's back.
      this.refreshes.push(this.enqueue(url, accept).catch(() => undefined));
      return cached.body;
    }
    return this.enqueue(url, accept);
  }

  private enqueue(url: string, accept: (body: unknown) => boolean): Promise<unknown> {
    const run = this.queue.then(() => this.fetchWithRetry(url, accept));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async fetchWithRetry(url: string, accept: (body: unknown) => boolean): Promise<unknown> {
    if (this.outage && this.now() < this.outage.until) throw this.outage.error;
    try {
      return await this.attempts(url, accept);
    } catch (error) {
      // An API error about one request («badvalue») is not an outage; the service answered.
      const outage = error instanceof WikimediaError && OUTAGE_KINDS.has(error.kind) && !error.message.startsWith('Wikimedia error:');
      if (outage) this.outage = { until: this.now() + (this.options.outageCooldownMs ?? DEFAULTS.outageCooldownMs), error };
      throw error;
    }
  }

  private async attempts(url: string, accept: (body: unknown) => boolean): Promise<unknown> {
    const maxRetries = this.options.maxRetries ?? DEFAULTS.maxRetries;
    for (let attempt = 0; ; attempt++) {
      // Re-checked before each request: the reader may have turned enrichment off while we waited.
      if (!(await this.options.isEnabled())) throw new WikimediaError('off', 'online enrichment is off');
      const result = await this.fetchOnce(url);
      if (result.ok) {
        if (!accept(result.body)) throw new WikimediaError('malformed', 'Wikimedia sent an answer of an unexpected shape');
        const cache = this.options.cache ?? null;
        if (cache) {
          const t = this.now();
          await cache.put({ url, body: result.body, fetchedAt: t, expiresAt: t + (this.options.ttlMs ?? DEFAULTS.ttlMs) });
        }
        return result.body;
      }
      if (attempt >= maxRetries) throw result.error;
      const backoff = Math.min(DEFAULTS.maxBackoffMs, 1000 * 2 ** attempt);
      await this.sleep(Math.min(DEFAULTS.maxWaitMs, result.waitMs ?? backoff));
    }
  }

  private async fetchOnce(url: string): Promise<{ ok: true; body: unknown } | { ok: false; error: WikimediaError; waitMs: number | null }> {
    this.requests++;
    const timeoutMs = this.options.timeoutMs ?? DEFAULTS.timeoutMs;
    // One deadline for the answer and its body: a fetch aborted by it rejects, and so does reading the body.
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await this.fetchFn(url, { headers: { 'Api-User-Agent': API_USER_AGENT, Accept: 'application/json' }, signal });
      const wait = retryAfterMs(response.headers.get('retry-after'), this.now());
      if (response.status === 429)
        return { ok: false, error: new WikimediaError('rate-limited', 'Wikimedia asks us to slow down'), waitMs: wait };
      if (response.status === 503 && wait !== null)
        return { ok: false, error: new WikimediaError('http', 'Wikimedia is busy'), waitMs: wait };
      const text = await response.text();
      if (response.status === 404) return { ok: true, body: null };
      if (response.status < 200 || response.status >= 300) throw new WikimediaError('http', `Wikimedia answered HTTP ${response.status}`);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new WikimediaError('malformed', 'Wikimedia sent an answer that is not JSON');
      }
      const error = (body as { error?: { code?: string; lag?: number } } | null)?.error;
      if (error?.code === 'maxlag') {
        return {
          ok: false,
          error: new WikimediaError('maxlag', 'Wikidata is lagging'),
          waitMs: wait ?? Math.max(DEFAULTS.maxlagSeconds, error.lag ?? DEFAULTS.maxlagSeconds) * 1000,
        };
      }
      if (error) throw new WikimediaError('http', `Wikimedia error: ${String(error.code ?? 'unknown')}`);
      return { ok: true, body };
    } catch (e) {
      if (e instanceof WikimediaError) throw e;
      if (signal.aborted) throw new WikimediaError('timeout', `Wikimedia did not answer within ${timeoutMs / 1000} s`);
      throw new WikimediaError('network', 'Wikimedia could not be reached');
    }
  }

  /** Items whose Arabic labels or aliases match a name (Wikidata wbsearchentities). */
  async searchEntities(name: string, language = 'ar', limit = 7): Promise<SearchHit[]> {
    const params = new URLSearchParams({
      action: 'wbsearchentities',
      search: name,
      language,
      uselang: language,
      type: 'item',
      limit: String(limit),
      format: 'json',
      origin: '*',
    });
    const body = (await this.getJson(`${WIKIDATA_API}?${params}`, (b) => Array.isArray((b as { search?: unknown } | null)?.search))) as {
      search: RawHit[];
    };
    return body.search.flatMap((h: RawHit) =>
      typeof h?.id === 'string'
        ? [
            {
              id: h.id,
              label: h.display?.label?.value ?? h.label ?? h.id,
              labelLanguage: h.display?.label?.language ?? null,
              description: h.display?.description?.value ?? h.description ?? null,
              matchType: h.match?.type ?? null,
            },
          ]
        : [],
    );
  }

  /** Entities by id, in batches of at most 50, one batch at a time. Missing ids are left out. */
  async getEntities(ids: readonly string[], props = 'labels|descriptions|aliases|claims|sitelinks'): Promise<Map<string, Entity>> {
    const unique = [...new Set(ids)].filter((id) => /^[QP][1-9][0-9]*$/.test(id));
    const out = new Map<string, Entity>();
    for (let i = 0; i < unique.length; i += MAX_IDS_PER_REQUEST) {
      const batch = unique.slice(i, i + MAX_IDS_PER_REQUEST);
      const params = new URLSearchParams({
        action: 'wbgetentities',
        ids: batch.join('|'),
        props,
        languages: 'ar|en',
        languagefallback: '1',
        sitefilter: 'arwiki|enwiki',
        format: 'json',
        origin: '*',
        maxlag: '5',
      });
      const isEntities = (b: unknown) => {
        const e = (b as { entities?: unknown } | null)?.entities;
        return typeof e === 'object' && e !== null;
      };
      const body = (await this.getJson(`${WIKIDATA_API}?${params}`, isEntities)) as {
        entities: Record<string, Entity & { missing?: string }>;
      };
      for (const [id, e] of Object.entries(body.entities)) if (e && e.missing === undefined) out.set(id, e);
    }
    return out;
  }

  /** Arabic (else English) labels of items, for rendering referenced items such as positions held. */
  async getLabels(ids: readonly string[]): Promise<Map<string, string>> {
    const entities = await this.getEntities(ids, 'labels');
    const out = new Map<string, string>();
    for (const [id, e] of entities) {
      const label = termOf(e.labels);
      if (label) out.set(id, label);
    }
    return out;
  }

  /** The Wikipedia page summary (plain extract, thumbnail, QID); null when there is no such page. */
  async getSummary(title: string, lang = 'ar'): Promise<Summary | null> {
    const url = `https://${lang}.wikipedia.org/api/rest_v1/page/summary/${encodeURIComponent(title.replace(/ /g, '_'))}`;
    const isSummary = (b: unknown) => b === null || typeof (b as { title?: unknown }).title === 'string';
    const body = (await this.getJson(url, isSummary)) as (Record<string, unknown> & { title: string }) | null;
    if (body === null) return null;
    const urls = body.content_urls as { desktop?: { page?: string } } | undefined;
    return {
      title: body.title,
      extract: typeof body.extract === 'string' ? body.extract : null,
      description: typeof body.description === 'string' ? body.description : null,
      qid: typeof body.wikibase_item === 'string' ? body.wikibase_item : null,
      pageUrl: urls?.desktop?.page ?? `https://${lang}.wikipedia.org/wiki/${encodeURIComponent(body.title.replace(/ /g, '_'))}`,
      lang,
    };
  }
}

interface RawHit {
  id?: string;
  label?: string;
  description?: string;
  display?: { label?: { value?: string; language?: string }; description?: { value?: string } };
  match?: { type?: string };
}

export interface SearchHit {
  id: string;
  label: string;
  labelLanguage: string | null;
  description: string | null;
  matchType: string | null;
}

export interface Summary {
  title: string;
  extract: string | null;
  description: string | null;
  qid: string | null;
  pageUrl: string;
  lang: string;
}

type Terms = Record<string, { language: string; value: string }>;

interface Snak {
  snaktype: 'value' | 'novalue' | 'somevalue';
  property: string;
  datavalue?: { value: unknown; type: string };
}

export interface Statement {
  mainsnak: Snak;
  rank: 'preferred' | 'normal' | 'deprecated';
  qualifiers?: Record<string, Snak[]>;
}

export interface Entity {
  id: string;
  labels?: Terms;
  descriptions?: Terms;
  aliases?: Record<string, { language: string; value: string }[]>;
  claims?: Record<string, Statement[]>;
  sitelinks?: Record<string, { site: string; title: string }>;
}

/** The Arabic term, else the English one. */
export function termOf(terms: Terms | undefined): string | null {
  return terms?.ar?.value ?? terms?.en?.value ?? null;
}

/** Truthy statements: the preferred ones if any, else the normal ones; never deprecated. */
export function truthy(statements: readonly Statement[] | undefined): Statement[] {
  const live = (statements ?? []).filter((s) => s.rank !== 'deprecated');
  const preferred = live.filter((s) => s.rank === 'preferred');
  return preferred.length ? preferred : live;
}

/** The item id a snak points to, when it has one. */
function itemId(snak: Snak | undefined): string | null {
  const v = snak?.snaktype === 'value' ? (snak.datavalue?.value as { id?: string } | undefined) : undefined;
  return typeof v?.id === 'string' ? v.id : null;
}

/** A Wikidata time ("+2000-05-07T00:00:00Z", month/day 00 at low precision) as epoch ms, or null. */
function wikidataTime(snak: Snak | undefined): number | null {
  if (snak?.snaktype !== 'value') return null;
  const t = (snak.datavalue?.value as { time?: string } | undefined)?.time;
  const m = t ? /^([+-])(\d+)-(\d\d)-(\d\d)T/.exec(t) : null;
  if (!m) return null;
  const year = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  const date = new Date(0);
  date.setUTCFullYear(year, Math.max(1, Number(m[3])) - 1, Math.max(1, Number(m[4])));
  return date.getTime();
}

function isoDay(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString().slice(0, 10);
}

/**
 * Positions held (P39) on a date: statements whose start (P580) is on or before it and whose end (P582)
 * is absent or after it, latest start first. Item ids are returned; labels are looked up by the caller.
 */
export function positionsAt(entity: Entity, at: number): { positionId: string; start: string | null; end: string | null }[] {
  const held = (entity.claims?.P39 ?? []).filter((s) => s.rank !== 'deprecated');
  return held
    .map((s) => ({
      positionId: itemId(s.mainsnak),
      start: wikidataTime(s.qualifiers?.P580?.[0]),
      end: wikidataTime(s.qualifiers?.P582?.[0]),
      preferred: s.rank === 'preferred',
    }))
    .filter((p): p is typeof p & { positionId: string } => p.positionId !== null)
    .filter((p) => (p.start === null || p.start <= at) && (p.end === null || p.end > at))
    .sort((a, b) => Number(b.preferred) - Number(a.preferred) || (b.start ?? 0) - (a.start ?? 0))
    .map((p) => ({ positionId: p.positionId, start: isoDay(p.start), end: isoDay(p.end) }));
}

/** An <img>-ready Commons thumbnail URL for a P18 file name (Special:FilePath; standard width). */
export function commonsImageUrl(fileName: string, width = 330): string {
  return `https://commons.wikimedia.org/wiki/Special:FilePath/${encodeURIComponent(fileName)}?width=${width}`;
}

/** The Commons page of a file, where its author and licence are stated. */
export function commonsFilePage(fileName: string): string {
  return `https://commons.wikimedia.org/wiki/File:${encodeURIComponent(fileName.replace(/ /g, '_'))}`;
}

const HUMAN = 'Q5';

/** Whether an entity can be an actor of a type: humans for people; things with coordinates or a country for places. */
export function fitsType(entity: Entity, type: 'person' | 'organization' | 'place' | null): boolean {
  if (type === null) return true;
  const kinds = truthy(entity.claims?.P31).map((s) => itemId(s.mainsnak));
  const human = kinds.includes(HUMAN);
  if (type === 'person') return human;
  if (human) return false;
  const located = (entity.claims?.P625?.length ?? 0) > 0;
  return type === 'place' ? located || (entity.claims?.P17?.length ?? 0) > 0 : !located;
}
