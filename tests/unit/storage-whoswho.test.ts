// The reader's own who's-who: every reading stored adds roles and companions that the next card shows,
// the newest role first (fake-indexeddb through the test setup).
import { beforeEach, describe, expect, it } from 'vitest';
import { buildCard, type CardDeps } from '../../knowledge/cards';
import { cardHistory } from '../../storage/card-history';
import type { ReaderDb } from '../../storage/db';
import { recordReading } from '../../storage/readings';
import { localWhoReader } from '../../storage/whoswho';
import { actor, analysis, freshDb } from './storage-fixtures';

let db: ReaderDb;
let deps: CardDeps;
beforeEach(() => {
  db = freshDb();
  deps = {
    history: cardHistory(db),
    lookup: async () => [],
    wikimedia: null,
    enrichmentOn: async () => false,
    localWho: localWhoReader(db),
  };
});

const envoy = (role: string | null) => actor('a1', 'نادر سليمان', { aliases: ['نادر سليمان', 'سليمان'], role });
const host = actor('a2', 'هالة منصور', { role: 'رئيسة البلدية' });

async function read(url: string, ...actors: ReturnType<typeof actor>[]): Promise<void> {
  await recordReading(url, analysis('خبر', 'نص', actors), db);
  // Readings of the same millisecond would tie on readAt.
  await new Promise((r) => setTimeout(r, 3));
}

describe('a reading updates the next card', () => {
  it('before any reading the card knows no role; after one it shows the role the article gave', async () => {
    expect((await buildCard({ name: 'سليمان' }, deps)).roles).toEqual([]);
    await read('https://news.example/1', envoy('المبعوث الخاص'));
    const card = await buildCard({ name: 'سليمان' }, deps);
    expect(card.roles?.map((r) => [r.text, r.source])).toEqual([['المبعوث الخاص', 'history']]);
  });

  it('the newest role comes first', async () => {
    await read('https://news.example/1', envoy('المبعوث الخاص'));
    await read('https://news.example/2', envoy('وزير الخارجية'));
    await read('https://news.example/3', envoy(null));
    const card = await buildCard({ name: 'نادر سليمان' }, deps);
    expect(card.roles?.map((r) => r.text)).toEqual(['وزير الخارجية', 'المبعوث الخاص']);
  });

  it('an actor met beside it in two readings becomes a companion; in one, not yet', async () => {
    await read('https://news.example/1', envoy('المبعوث الخاص'), host);
    expect((await buildCard({ name: 'نادر سليمان' }, deps)).companions).toEqual([]);
    await read('https://news.example/2', envoy(null), host);
    expect((await buildCard({ name: 'نادر سليمان' }, deps)).companions).toEqual(['هالة منصور']);
  });
});
