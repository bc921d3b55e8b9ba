// Wikimedia client on recorded answer shapes: batching, one request at a time, backoff, timeouts, cache, consent.
import { describe, expect, it } from 'vitest';
import {
  type Entity,
  fitsType,
  MAX_IDS_PER_REQUEST,
  positionsAt,
  retryAfterMs,
  WikimediaClient,
  WikimediaError,
} from '../../knowledge/wikimedia';
import { CacheDb } from '../../storage/db';
import { type Answer, fixture, forbiddenFetch, haveFixtures, replayFetch } from './knowledge-fakes';

const on = async () => true;
const off = async () => false;

function client(route: (url: string, n: number) => Answer, extra: Partial<ConstructorParameters<typeof WikimediaClient>[0]> = {}) {
  const replay = replayFetch(route);
  const sleeps: number[] = [];
  const c = new WikimediaClient({
    fetch: replay.fetch,
    isEnabled: on,
    sleep: async (ms) => void sleeps.push(ms),
    ...extra,
  });
  return { c, replay, sleeps };
}

describe.skipIf(!haveFixtures)('recorded answer shapes', () => {
  it('search reads label, description and match type, and sends Api-User-Agent with origin=*', async () => {
    const { c, replay } = client(() => ({ body: fixture('wbsearchentities_ar_SYNTHESIZED.json') }));
    const hits = await c.searchEntities('بوتين');
    expect(hits.map((h) => [h.id, h.label, h.labelLanguage, h.matchType])).toEqual([['Q7747', 'فلاديمير بوتين', 'ar', 'alias']]);
    const url = new URL(replay.calls[0]!.url);
    expect([url.searchParams.get('origin'), url.searchParams.get('search'), url.searchParams.get('language')]).toEqual([
      '*',
      'بوتين',
      'ar',
    ]);
    expect(replay.calls[0]!.headers['Api-User-Agent']).toMatch(/^Siyaq\//);
  });

  it.each([
    ['wbgetentities_Q42_excerpt.json', 'Q42', 'person', true, 'a human is a person'],
    ['wbgetentities_Q42_excerpt.json', 'Q42', 'place', false, 'a human is not a place'],
    ['wbgetentities_Q2112_excerpt.json', 'Q2112', 'place', true, 'a city with coordinates is a place'],
    ['wbgetentities_Q2112_excerpt.json', 'Q2112', 'person', false, 'a city is not a person'],
  ] as const)('%s: %s as %s → %s (%s)', async (file, id, type, fits, _why) => {
    const { c } = client(() => ({ body: fixture(file) }));
    const e = (await c.getEntities([id])).get(id)!;
    expect(fitsType(e, type)).toBe(fits);
  });

  it('reads the Arabic label and arwiki title of a real entity', async () => {
    const { c } = client(() => ({ body: fixture('wbgetentities_Q2112_excerpt.json') }));
    const e = (await c.getEntities(['Q2112'])).get('Q2112')!;
    expect([e.labels?.ar?.value, e.sitelinks?.arwiki?.title]).toEqual(['بيلفلد', 'بيلفلد']);
  });

  it('reads a page summary (new schema) and its QID; a missing page is null', async () => {
    const { c } = client((url) =>
      url.includes('Missing') ? { status: 404, body: '{}' } : { body: fixture('summary_en_Rosenwald_School_newschema.json') },
    );
    const s = await c.getSummary('Rosenwald School (Delight, Arkansas)', 'en');
    expect([s?.qid, s?.pageUrl, s?.extract?.startsWith('Rosenwald School is')]).toEqual([
      'Q7368620',
      'https://en.wikipedia.org/wiki/Rosenwald_School_(Delight%2C_Arkansas)',
      true,
    ]);
    expect(await c.getSummary('Missing page', 'en')).toBeNull();
  });

  it('waits as long as maxlag says, then retries', async () => {
    const { c, sleeps, replay } = client((_, n) =>
      n === 0 ? { body: fixture('maxlag_error.json') } : { body: fixture('wbgetentities_Q42_excerpt.json') },
    );
    expect((await c.getEntities(['Q42'])).has('Q42')).toBe(true);
    expect(sleeps).toEqual([7000]);
    expect(replay.calls).toHaveLength(2);
    expect(new URL(replay.calls[0]!.url).searchParams.get('maxlag')).toBe('5');
  });
});

describe('requests', () => {
  const entities = (ids: string[]) =>
    JSON.stringify({
      entities: Object.fromEntries(ids.map((id) => [id, { id, labels: { ar: { language: 'ar', value: `اسم ${id}` } } }])),
      success: 1,
    });

  it(`asks for at most ${MAX_IDS_PER_REQUEST} ids a request, one request at a time`, async () => {
    const replay = replayFetch((url) => ({ body: entities(new URL(url).searchParams.get('ids')!.split('|')) }), 5);
    const c = new WikimediaClient({ fetch: replay.fetch, isEnabled: on });
    const ids = Array.from({ length: 120 }, (_, i) => `Q${i + 1}`);
    const [labels] = await Promise.all([c.getLabels(ids), c.getLabels(['Q500']), c.getLabels(['Q501'])]);
    expect(labels.size).toBe(120);
    const sizes = replay.calls.map((r) => new URL(r.url).searchParams.get('ids')!.split('|').length);
    expect(sizes.sort((a, b) => a - b)).toEqual([1, 1, 20, 50, 50]);
    expect(replay.maxInFlight).toBe(1);
  });

  it('a missing id is left out', async () => {
    const { c } = client(() => ({ body: JSON.stringify({ entities: { Q999999999: { id: 'Q999999999', missing: '' } }, success: 1 }) }));
    expect((await c.getEntities(['Q999999999'])).size).toBe(0);
  });

  it.each([
    ['429 with Retry-After in seconds', { status: 429, body: '', headers: { 'Retry-After': '3' } }, 3000],
    ['429 without Retry-After backs off from one second', { status: 429, body: '' }, 1000],
    ['503 with Retry-After', { status: 503, body: '', headers: { 'Retry-After': '2' } }, 2000],
  ])('%s', async (_why, first, wait) => {
    const { c, sleeps } = client((_, n) => (n === 0 ? first : { body: entities(['Q1']) }));
    expect((await c.getEntities(['Q1'])).has('Q1')).toBe(true);
    expect(sleeps).toEqual([wait]);
  });

  it('gives up after the retries with a rate-limit error, backing off exponentially', async () => {
    const { c, sleeps, replay } = client(() => ({ status: 429, body: '' }), { maxRetries: 3 });
    await expect(c.getEntities(['Q1'])).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(replay.calls).toHaveLength(4);
  });

  it.each([
    ['malformed JSON', 'malformed', { body: '{"entities": {' }],
    ['HTML error page', 'http', { status: 500, body: '<html>oops</html>' }],
    ['JSON of another shape', 'malformed', { body: '{"batchcomplete": true}' }],
    ['an API error', 'http', { body: '{"error": {"code": "badvalue"}}' }],
  ])('%s is an error of kind %s, and is not cached', async (_why, kind, answer) => {
    const cache = new CacheDb(`c-${Math.random()}`);
    const { c } = client(() => answer, { cache: cache.wikimedia });
    await expect(c.getEntities(['Q1'])).rejects.toMatchObject({ kind: kind as string });
    expect(await cache.wikimedia.count()).toBe(0);
  });

  it('a request that never answers times out', async () => {
    const { c } = client(() => ({ body: '', hang: true }), { timeoutMs: 30 });
    const error = await c.getEntities(['Q1']).catch((e) => e);
    expect(error).toBeInstanceOf(WikimediaError);
    expect(error.kind).toBe('timeout');
  });

  it('the next request still runs after one failed', async () => {
    const { c } = client((_, n) => (n === 0 ? { body: 'not json' } : { body: entities(['Q2']) }));
    await expect(c.getEntities(['Q1'])).rejects.toThrow();
    expect((await c.getEntities(['Q2'])).has('Q2')).toBe(true);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('120', 0)).toBe(120_000);
    expect(retryAfterMs(new Date(5000).toUTCString(), 0)).toBe(5000);
    expect(retryAfterMs('soon', 0)).toBeNull();
  });
});

describe('cache and consent', () => {
  it('a fresh answer comes from the cache; a stale one is served and refreshed in the background', async () => {
    let now = 1_000_000;
    const cache = new CacheDb(`c-${Math.random()}`);
    const replay = replayFetch((_, n) => ({
      body: JSON.stringify({ entities: { Q1: { id: 'Q1', labels: { ar: { language: 'ar', value: `v${n}` } } } } }),
    }));
    const c = new WikimediaClient({ fetch: replay.fetch, isEnabled: on, cache: cache.wikimedia, now: () => now, ttlMs: 1000 });
    expect((await c.getLabels(['Q1'])).get('Q1')).toBe('v0');
    expect((await c.getLabels(['Q1'])).get('Q1')).toBe('v0');
    expect(replay.calls).toHaveLength(1);
    now += 5000;
    expect((await c.getLabels(['Q1'])).get('Q1')).toBe('v0');
    await c.idle();
    expect(replay.calls).toHaveLength(2);
    expect((await c.getLabels(['Q1'])).get('Q1')).toBe('v1');
  });

  it('makes no network request while enrichment is off, even with a cached answer', async () => {
    const cache = new CacheDb(`c-${Math.random()}`);
    const forbidden = forbiddenFetch();
    const c = new WikimediaClient({ fetch: forbidden.fetch, isEnabled: off, cache: cache.wikimedia });
    await expect(c.searchEntities('بوتين')).rejects.toMatchObject({ kind: 'off' });
    await expect(c.getEntities(['Q1'])).rejects.toMatchObject({ kind: 'off' });
    await expect(c.getSummary('بوتين')).rejects.toMatchObject({ kind: 'off' });
    expect(forbidden.calls).toHaveLength(0);
  });
});

describe('role as of the article date', () => {
  // Constructed in the documented statement shape (KNOWLEDGE.md A.2); the facts are illustrative.
  const time = (t: string) => ({
    snaktype: 'value' as const,
    property: 'P580',
    datavalue: { type: 'time', value: { time: t, precision: 11 } },
  });
  const held = (position: string, start: string, end?: string, rank: 'normal' | 'preferred' | 'deprecated' = 'normal') => ({
    rank,
    mainsnak: { snaktype: 'value' as const, property: 'P39', datavalue: { type: 'wikibase-entityid', value: { id: position } } },
    qualifiers: { P580: [time(start)], ...(end ? { P582: [{ ...time(end), property: 'P582' }] } : {}) },
  });
  const entity: Entity = {
    id: 'Q1',
    claims: {
      P39: [
        held('Q11', '+2000-05-07T00:00:00Z', '+2008-05-07T00:00:00Z'),
        held('Q22', '+2008-05-08T00:00:00Z', '+2012-05-07T00:00:00Z'),
        held('Q11', '+2012-05-07T00:00:00Z'),
        held('Q99', '+1990-00-00T00:00:00Z', undefined, 'deprecated'),
      ],
    },
  };
  it.each([
    ['2010-03-01', ['Q22'], 'the position held in 2010'],
    ['2020-03-01', ['Q11'], 'an open-ended position'],
    ['2008-05-07', ['Q22'].slice(0, 0), 'the day between two terms: the first ended, the next not begun'],
    ['1995-01-01', [], 'before any position; the deprecated one is ignored'],
  ])('%s → %j (%s)', (date, expected) => {
    expect(positionsAt(entity, Date.parse(date)).map((p) => p.positionId)).toEqual(expected);
  });
  it('reports the dates of the term', () => {
    expect(positionsAt(entity, Date.parse('2010-03-01'))[0]).toEqual({ positionId: 'Q22', start: '2008-05-08', end: '2012-05-07' });
  });
});
