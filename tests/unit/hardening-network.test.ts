// Enrichment on, Wikimedia in trouble: unreachable, slow, rate-limiting, lagging, or answering garbage.
// Every card still opens with what is known offline and a quiet "unavailable" note, nothing throws, and a
// reader hovering name after name does not turn into a retry storm against a service that is down.
import { beforeEach, describe, expect, it } from 'vitest';
import { buildCard, type CardDeps, type KnownEntry } from '../../knowledge/cards';
import { WikimediaClient } from '../../knowledge/wikimedia';
import { cardHistory } from '../../storage/card-history';
import type { ReaderDb } from '../../storage/db';
import { recordReading } from '../../storage/readings';
import { type Answer, replayFetch } from './knowledge-fakes';
import { actor, analysis, freshDb, quote } from './storage-fixtures';

const putinEntry: KnownEntry = {
  id: 'p:putin',
  type: 'person',
  names: ['فلاديمير بوتين', 'بوتين'],
  latin: 'Vladimir Putin',
  description: null,
  sources: [],
};
const putin = actor('a1', 'فلاديمير بوتين', { role: 'الرئيس الروسي', aliases: ['فلاديمير بوتين', 'بوتين'] });
const lavrov = actor('a2', 'سيرغي لافروف', { role: 'وزير الخارجية الروسي' });

let db: ReaderDb;
let readingId: string;
beforeEach(async () => {
  db = freshDb();
  const r = await recordReading(
    'https://news.example/a/1',
    analysis('بوتين ولافروف', 'قال بوتين «سنرد» وقال لافروف «لا»', [putin, lavrov], [quote('سنرد', putin, 11)]),
    db,
  );
  readingId = r.id;
});

/** A client over a failing fetch, with a clock the test moves and sleeps that only add up. */
function failing(answer: (n: number) => Answer, timeoutMs = 20) {
  const replay = replayFetch((_, n) => answer(n));
  let now = 1_000_000;
  const slept: number[] = [];
  const client = new WikimediaClient({
    fetch: replay.fetch,
    isEnabled: async () => true,
    timeoutMs,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  });
  const deps: CardDeps = {
    history: cardHistory(db),
    lookup: async (name) => (putinEntry.names.includes(name) ? [putinEntry] : []),
    wikimedia: client,
    enrichmentOn: async () => true,
  };
  return { replay, deps, slept, advance: (ms: number) => (now += ms) };
}

// fault → what the fake network answers → why it matters
const faults: [string, (n: number) => Answer][] = [
  [
    'Wikidata unreachable',
    () => {
      throw new TypeError('Failed to fetch');
    },
  ],
  ['slow beyond the timeout', () => ({ body: '{}', hang: true })],
  ['429 Too Many Requests', () => ({ status: 429, body: '', headers: { 'Retry-After': '30' } })],
  ['maxlag', () => ({ body: JSON.stringify({ error: { code: 'maxlag', info: 'Waiting for a database server', lag: 12 } }) })],
  ['malformed JSON', () => ({ body: '{"entities": {"Q7747": ' })],
  ['a server error page', () => ({ status: 502, body: '<html><body>Bad gateway</body></html>' })],
];

describe('enrichment when Wikimedia fails', () => {
  it.each(faults)('%s: every card falls back to offline knowledge with a quiet note', async (_why, answer) => {
    const { deps } = failing(answer);
    for (const actorId of ['a1', 'a2', 'a1']) {
      const card = await buildCard({ readingId, actorId }, deps);
      expect(card.enrichment, actorId).toBe('unavailable');
      expect(card.roleInArticle, 'what the article says is still there').toBe(actorId === 'a1' ? 'الرئيس الروسي' : 'وزير الخارجية الروسي');
    }
    const known = await buildCard({ readingId, actorId: 'a1' }, deps);
    expect(known.name.latin, 'bundled knowledge is still there').toBe('Vladimir Putin');
    expect(known.image).toBeNull();
  });

  it.each(faults.filter(([why]) => why !== 'malformed JSON'))(
    '%s: twenty hovers during the outage cost at most one round of requests',
    async (_why, answer) => {
      const { deps, replay, advance } = failing(answer);
      for (let i = 0; i < 20; i++) await buildCard({ readingId, actorId: i % 2 ? 'a1' : 'a2' }, deps);
      // One failing request (plus its backoff retries for 429/maxlag); then the client stays quiet.
      expect(replay.calls.length).toBeLessThanOrEqual(4);
      const during = replay.calls.length;
      advance(61_000);
      await buildCard({ readingId, actorId: 'a1' }, deps);
      expect(replay.calls.length, 'after the cool-down it tries again').toBeGreaterThan(during);
    },
  );

  it('one garbled answer does not stop the next card from asking', async () => {
    const { deps, replay } = failing(() => ({ body: 'not json' }));
    await buildCard({ readingId, actorId: 'a1' }, deps);
    const first = replay.calls.length;
    await buildCard({ readingId, actorId: 'a2' }, deps);
    expect(replay.calls.length).toBeGreaterThan(first);
  });
});
