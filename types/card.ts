// What a context card says about one actor; shared by the background, the hover card and the side panel.
import type { ActorType } from './analysis';

/** A quotation of the actor in the current article (offsets into Analysis.text). */
export interface CardQuote {
  text: string;
  start: number;
  end: number;
}

/** Where a fact on the card came from; `licence` is set when the text must be credited. */
export interface CardSource {
  kind: 'article' | 'gazetteer' | 'history' | 'press' | 'wikidata' | 'wikipedia' | 'commons' | 'correction';
  label: string;
  url: string | null;
  licence: string | null;
}

/** One entity a name may refer to, offered when the name is ambiguous. */
export interface CardCandidate {
  qid: string;
  label: string;
  description: string | null;
}

/** A position held, as of the article's date (Wikidata P39 with P580/P582 qualifiers). */
export interface CardRole {
  label: string;
  /** ISO dates (day precision at most); null when the qualifier is absent. */
  start: string | null;
  end: string | null;
}

/** A role or description with where it comes from and of when («في الصحافة، 2015–2018»). */
export interface CardFact {
  text: string;
  /** 'article': this article; 'history': the reader's own readings; 'press': the bundled who's-who. */
  source: 'article' | 'history' | 'press' | 'wikipedia' | 'wikifane' | 'cities' | 'countries' | 'generated' | 'gazetteer';
  /** Years seen, when known: «2015», «2015–2018». */
  when: string | null;
  /** Where and when, in Arabic, as the card shows it. */
  from: string;
}

export interface CardImage {
  /** An <img src> URL; never fetched with fetch() (Commons redirects carry no CORS headers). */
  url: string;
  /** Author and licence as given by Commons, or a link text when unknown. */
  attribution: string;
  pageUrl: string;
}

type EnrichmentState =
  /** The reader did not turn online enrichment on: nothing was asked of the network. */
  | 'off'
  /** Online details shown from the cache (fresh enough). */
  | 'cached'
  /** Online details just fetched. */
  | 'fresh'
  /** Enrichment is on but the network failed; the offline card is shown. */
  | 'unavailable'
  /** Several entities match the name; the reader should choose (see candidates). */
  | 'ambiguous'
  /** Enrichment is on but Wikidata knows no entity for the name. */
  | 'unknown';

export interface Card {
  /** Stable key of the actor across articles (variant-tolerant name key). */
  key: string;
  name: { ar: string; latin: string | null };
  type: ActorType;
  aliases: string[];
  /** Role or title this article gives the actor. */
  roleInArticle: string | null;
  /** Roles known for the actor: this article's first, then the reader's readings (newest first), then the press. */
  roles?: CardFact[];
  /** Where the description comes from, when it is offline knowledge. */
  descriptionFrom?: string | null;
  /** Country of the actor (ISO 3166 alpha-2) when known: nationality, seat or location. */
  country?: string | null;
  /** Actors it most often appears with, in the press and the reader's readings. */
  companions?: string[];
  /** Role as of the article's date, from Wikidata (enrichment only). */
  roleAtDate: CardRole | null;
  description: string | null;
  /** Plain-text Arabic Wikipedia extract (CC BY-SA; see attribution), enrichment only. */
  extract: string | null;
  /** Only when enrichment is on. */
  image: CardImage | null;
  /** Mentions of the actor in this article (0 when asked by name only). */
  mentionCount: number;
  quotesInArticle: CardQuote[];
  seenIn: {
    /** Readings in the history that mention this actor (this article included). */
    count: number;
    firstSeen: number | null;
    latestQuote: { text: string; url: string; title: string | null; readAt: number } | null;
  };
  sources: CardSource[];
  /** Credit line the card must show when it shows a Wikipedia extract or a Commons image. */
  attribution: string | null;
  wikidataId: string | null;
  candidates: CardCandidate[];
  enrichment: EnrichmentState;
}

/** An actor as its card starts from it: names, type, role in its article and how often it is mentioned there. */
export interface CardActor {
  name: string;
  type: ActorType;
  role: string | null;
  aliases: string[];
  latin: string | null;
  mentions: number;
}

/** An actor of a stored reading, as the card builder reads it back. */
export interface StoredActor extends CardActor {
  actorId: string;
  /** Name keys of the name and every alias, plus "k:<knowledgeId>". */
  nameKeys: string[];
}

/** "This name is that actor": the reader's correction of a name. */
export interface CorrectedName {
  name: string;
  type: ActorType | null;
  knowledgeId: string | null;
}

/** The entity the reader chose for an ambiguous name (qid null: none of these). */
export interface EntityChoice {
  nameKey: string;
  name: string;
  qid: string | null;
  at: number;
}

/**
 * What the card builder reads and writes of the reader's data. storage/ implements it (storage/card-history.ts)
 * and the background hands it in, so knowledge/ never opens the database.
 */
export interface CardHistory {
  /** An actor of a stored reading with its reading and its quotations in text order; null when either is gone. */
  readingActor(
    readingId: string,
    actorId: string,
  ): Promise<{
    actor: StoredActor;
    reading: { url: string; title: string | null; publishedAt: string | null };
    quotes: CardQuote[];
  } | null>;
  /** Every actor of a stored reading. */
  actorsOf(readingId: string): Promise<StoredActor[]>;
  /** The reader's correction of the name with this key. */
  correction(nameKey: string): Promise<CorrectedName | undefined>;
  /** Where the reader met the actor known by any of these keys before. */
  seenIn(keys: readonly string[]): Promise<Card['seenIn']>;
  /** The entity chosen for the first of these name keys that has a choice. */
  choice(nameKeys: readonly string[]): Promise<EntityChoice | undefined>;
  choose(choice: EntityChoice): Promise<void>;
}
