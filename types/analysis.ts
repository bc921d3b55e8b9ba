// The Analysis contract: what `analyze` returns and what the background sends to the page.
// All offsets are JavaScript string indices into `Analysis.text`.

export type ActorType = 'person' | 'organization' | 'place';
export type Language = 'ar' | 'fa' | 'ur' | 'other';

export interface Span {
  start: number;
  end: number;
}

export interface Mention extends Span {
  text: string;
  /** 'name' for a proper-name mention, 'role' for a role standing for the actor («المتحدث باسم الكرملين»). */
  kind?: 'name' | 'role';
}

export interface Actor {
  id: string;
  /** Best (fullest) name as written in the article. */
  name: string;
  type: ActorType;
  /** Role or title this article gives the actor («الرئيس الروسي», «المتحدث باسم الكرملين»). */
  role: string | null;
  /** Every distinct surface form in the article, without clitics. */
  aliases: string[];
  mentions: Mention[];
  /** Latin-script name where the bundled knowledge knows it. */
  latin?: string | null;
  /** Gazetteer entry id, when the actor was recognised from bundled knowledge. */
  knowledgeId?: string | null;
}

export interface Speaker {
  actorId: string | null;
  name: string | null;
  kind: 'actor' | 'anonymous' | 'unknown';
}

export interface Quote extends Span {
  /** The characters inside the quotation marks. */
  text: string;
  speaker: Speaker;
  /** The reporting verb or cue that attributed it («وقال», «وأضاف», «:»), when known. */
  cue?: string | null;
}

export interface PageInfo {
  language: Language;
  isArticle: boolean;
  isArabicNews: boolean;
  title: string | null;
}

export interface Analysis {
  text: string;
  page: PageInfo;
  actors: Actor[];
  quotes: Quote[];
}

/** Signals a page gives about itself, collected from HTML by the content script or the CLI. */
export interface PageSignals {
  lang: string | null;
  dir: string | null;
  ogType: string | null;
  jsonLdTypes: string[];
  hasArticleElement: boolean;
  hasArticleBody: boolean;
  /** The page's canonical address (link rel=canonical, og:url, else the document URL): known news sites weigh in. */
  url?: string | null;
  /** The page's first visible text: decides the language when the extracted article is too short to (a home page). */
  textSample?: string | null;
}

/** Input to `analyze`: a title and the main text blocks, in reading order. */
export interface ArticleInput {
  title: string | null;
  blocks: string[];
  signals?: PageSignals | null;
}

export type EntityTag = 'PERS' | 'LOC' | 'ORG' | 'MISC';

/** A token of the original text; `norm` is its matching form (see normalize.ts). */
export interface Token extends Span {
  text: string;
  norm: string;
}

/** A name another recogniser found (gazetteer, pattern), offered to the tagger as evidence; token indices, inclusive. */
export interface TaggerHint {
  first: number;
  last: number;
  type: EntityTag;
  source: string;
  /** Only the family name of a known person matched. */
  surname?: boolean;
}

/**
 * What the unlabelled news corpus says of one word form, as small buckets (nlp/tagger/vectors.ts,
 * VECTOR_STATS): share written just after a title and after a reporting verb (0 never … 4 a quarter or
 * more), frequency (log scale, 0-9), and share of the same word with «ال» toggled (names seldom take it).
 */
export interface CorpusStats {
  afterTitle: number;
  afterReport: number;
  frequency: number;
  otherDefiniteness: number;
}

/** The seam for statistical taggers: one BIO tag per token (B-PERS, I-LOC, O, ...). */
export interface Tagger {
  /**
   * `text` is what the tokens index into (a tagger may read the punctuation between tokens from it);
   * `hints` are the gazetteer and pattern spans, which a tagger may weigh as features.
   */
  tag(tokens: readonly Token[], text?: string, hints?: readonly TaggerHint[]): string[];
  /**
   * Optional: the same tags plus, per token, the tagger's margin (how much better its reading scores
   * than the best one giving that token another tag); the recogniser trusts wide margins more.
   */
  tagWithMargins?(tokens: readonly Token[], text?: string, hints?: readonly TaggerHint[]): { tags: string[]; margins: number[] };
  /**
   * Optional, what the recogniser calls first: the same tags, with margins only where it reads them
   * (words the tags make a one-word PERS/LOC/ORG span outside every hint span); other margins may be 0.
   */
  tagWithLoneMargins?(tokens: readonly Token[], text?: string, hints?: readonly TaggerHint[]): { tags: string[]; margins: number[] };
  /** Optional: the corpus statistics of a normalised word form the tagger's tables hold, null for others. */
  corpusStats?(word: string): CorpusStats | null;
}
