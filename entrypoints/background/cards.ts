// Context cards for actors, and the reader's disambiguation choices.
import { buildCard, type CardDeps, chooseEntity } from '../../knowledge/cards';
import { isEnrichmentOn } from '../../knowledge/enrichment';
import { lookupName } from '../../knowledge/recognizer';
import { WikimediaClient } from '../../knowledge/wikimedia';
import { cacheDb, readerDb } from '../../storage/db';
import type { Handlers } from './handlers';

let deps: CardDeps | null = null;

/** Card dependencies, created on first use so the background starts light. */
function cardDeps(): CardDeps {
  deps ??= {
    reader: readerDb(),
    lookup: lookupName,
    wikimedia: new WikimediaClient({ cache: cacheDb(), isEnabled: isEnrichmentOn }),
    enrichmentOn: isEnrichmentOn,
  };
  return deps;
}

export const cardHandlers = {
  async getCard(r) {
    if (r.name === undefined && (r.readingId === undefined || r.actorId === undefined))
      throw new Error('a name or a reading actor is needed');
    return buildCard(r, cardDeps());
  },
  async chooseEntity(r) {
    const d = cardDeps();
    await chooseEntity(r.name, r.qid, readerDb());
    return buildCard({ name: r.name }, d);
  },
} satisfies Partial<Handlers>;
