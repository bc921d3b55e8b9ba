// The reader's history as the card builder reads it (CardHistory in types/card.ts): the background builds it
// over the reader database and hands it to knowledge/cards.ts, which never opens the database itself.
import type { Card, CardHistory } from '../types/card';
import type { ReaderDb } from './db';
import { ofReading } from './readings';

/** How many readings mention an actor known by any of these keys, since when, and its latest quotation. */
async function seenIn(reader: ReaderDb, keys: readonly string[]): Promise<Card['seenIn']> {
  if (keys.length === 0) return { count: 0, firstSeen: null, latestQuote: null };
  const actors = await reader.readingActors.where('nameKeys').anyOf(keys).distinct().toArray();
  const readingIds = [...new Set(actors.map((a) => a.readingId))];
  const readings = (await reader.readings.bulkGet(readingIds)).filter((r) => r !== undefined);
  const quotes = await reader.readingQuotes.where('speakerKeys').anyOf(keys).distinct().toArray();
  const latest = quotes.sort((a, b) => b.readAt - a.readAt || b.start - a.start)[0];
  const from = latest ? await reader.readings.get(latest.readingId) : undefined;
  return {
    count: readings.length,
    firstSeen: readings.length ? Math.min(...readings.map((r) => r.firstReadAt)) : null,
    latestQuote: latest && from ? { text: latest.text, url: from.url, title: from.title, readAt: latest.readAt } : null,
  };
}

export function cardHistory(reader: ReaderDb): CardHistory {
  return {
    async readingActor(readingId, actorId) {
      const [actor, reading] = await Promise.all([reader.readingActors.get([readingId, actorId]), reader.readings.get(readingId)]);
      if (!actor || !reading) return null;
      const quotes = (await ofReading(reader.readingQuotes, readingId).toArray())
        .filter((q) => q.speakerActorId === actorId)
        .sort((a, b) => a.start - b.start)
        .map((q) => ({ text: q.text, start: q.start, end: q.end }));
      return { actor, reading, quotes };
    },
    actorsOf: (readingId) => ofReading(reader.readingActors, readingId).toArray(),
    correction: async (nameKey) => (await reader.corrections.get(nameKey))?.to,
    seenIn: (keys) => seenIn(reader, keys),
    choice: async (nameKeys) => (await reader.choices.bulkGet([...nameKeys])).find((c) => c !== undefined),
    choose: async (choice) => {
      await reader.choices.put(choice);
    },
  };
}
