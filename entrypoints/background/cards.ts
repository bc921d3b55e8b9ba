// Context cards for actors, and the reader's disambiguation choices.
import browser from 'webextension-polyfill';
import { buildCard, type CardDeps, chooseEntity } from '../../knowledge/cards';
import { isEnrichmentOn, setEnrichmentGetter } from '../../knowledge/enrichment';
import { lookupName } from '../../knowledge/recognizer';
import { loadWhoswho } from '../../knowledge/whoswho';
import { WikimediaClient } from '../../knowledge/wikimedia';
import { cardHistory } from '../../storage/card-history';
import { cacheDb, readerDb } from '../../storage/db';
import { isEnrichmentOn as enrichmentSetting } from '../../storage/settings';
import { localWhoReader } from '../../storage/whoswho';
import type { Handlers } from './handlers';

/** Online only when the reader turned enrichment on and granted the Wikimedia host permission it asks for. */
async function enrichmentAllowed(): Promise<boolean> {
  if (!(await enrichmentSetting())) return false;
  const permissions = browser.permissions as typeof browser.permissions | undefined;
  if (!permissions?.contains) return true;
  return permissions.contains({ origins: ['https://www.wikidata.org/*', 'https://ar.wikipedia.org/*'] });
}

setEnrichmentGetter(enrichmentAllowed);

let deps: CardDeps | null = null;

/** Card dependencies, created on first use so the background starts light. */
function cardDeps(): CardDeps {
  deps ??= {
    history: cardHistory(readerDb()),
    lookup: lookupName,
    wikimedia: new WikimediaClient({ cache: cacheDb().wikimedia, isEnabled: isEnrichmentOn }),
    enrichmentOn: isEnrichmentOn,
    cache: cacheDb().cards,
    // The who's-who ships beside the scripts (public/whoswho.json.gz), fetched on the first card only.
    whoswho: () => loadWhoswho(() => fetch(browser.runtime.getURL('/whoswho.json.gz')).then((r) => r.arrayBuffer())),
    localWho: localWhoReader(readerDb()),
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
    await chooseEntity(r.name, r.qid, cardHistory(readerDb()), cacheDb().cards);
    return buildCard({ name: r.name }, d);
  },
} satisfies Partial<Handlers>;
