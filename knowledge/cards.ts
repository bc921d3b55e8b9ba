// Card assembly: what the article says about an actor, what the bundled gazetteer knows, what the reader's
// history shows, and — only when the reader turned enrichment on — Wikidata and Arabic Wikipedia.

import { nameKey } from '../nlp/keys';
import { COUNTERPART } from '../nlp/lexicon';
import type { ActorType } from '../types/analysis';
import type { CardCacheRow, KeptRows } from '../types/cache';
import type { Card, CardActor, CardCandidate, CardHistory, CardImage, CardQuote, CardRole, CardSource } from '../types/card';
import type { LocalWho, LocalWhoReader } from '../types/library';
import { resolveCounterparts, TYPE_OF_LETTER as TYPE_OF, type WhoLookup } from './whoswho';
import { fact, likelyType, pickEntry, whoCard } from './whoswho-card';
import {
  commonsFilePage,
  commonsImageUrl,
  type Entity,
  fitsType,
  positionsAt,
  termOf,
  truthy,
  type WikimediaClient,
  WikimediaError,
} from './wikimedia';

/** What the bundled gazetteer says about a name (structurally the recogniser's KnownName). */
export interface KnownEntry {
  id: string;
  type: ActorType;
  names: string[];
  latin: string | null;
  description: string | null;
  sources: { id: string; name: string; licence: string; url: string }[];
}

export interface CardDeps {
  /** The reader's history, choices and corrections (storage/card-history.ts); null for the offline CLI. */
  history: CardHistory | null;
  /** Bundled gazetteer lookup. */
  lookup: (name: string) => Promise<KnownEntry[]>;
  /** The Wikimedia client; null when online enrichment is impossible here. */
  wikimedia: WikimediaClient | null;
  /** The reader's enrichment switch (see enrichment.ts). */
  enrichmentOn: () => Promise<boolean>;
  /** The bundled who's-who, loaded on first use; null or absent where it is not shipped. */
  whoswho?: (() => Promise<WhoLookup>) | null;
  /** What the reader's own readings say of an actor (roles, companions); absent without reader data. */
  localWho?: LocalWhoReader | null;
  /** Where assembled online details are kept for a day (the client also caches each answer); optional. */
  cache?: KeptRows<CardCacheRow> | null;
  now?: () => number;
}

/** Assembled online details stay this long; the answers they came from are cached longer by the client. */
const CARD_TTL = 86_400_000;

function cardCacheKey(name: string, type: ActorType, publishedAt: string | null): string {
  return `${nameKey(name)}|${type}|${(publishedAt ?? '').slice(0, 10)}`;
}

/** An actor of an article analysed here (the CLI's --article), with its role already resolved. */
export interface ArticleActor extends CardActor {
  quotes: CardQuote[];
}

export interface CardRequest {
  readingId?: string;
  actorId?: string;
  actor?: ArticleActor;
  article?: { url: string; title: string | null };
  name?: string;
  actorType?: ActorType;
  publishedAt?: string | null;
}

const WIKIPEDIA_LICENCE = 'CC BY-SA 4.0';

interface Subject {
  name: string;
  type: ActorType | null;
  role: string | null;
  aliases: string[];
  latin: string | null;
  mentions: number;
  quotes: CardQuote[];
  publishedAt: string | null;
  keys: string[];
  fromArticle: { url: string; title: string | null } | null;
  corrected: boolean;
}

async function subjectOf(req: CardRequest, history: CardHistory | null): Promise<Subject> {
  if (req.actor) {
    const a = req.actor;
    return {
      ...a,
      quotes: a.quotes,
      publishedAt: req.publishedAt ?? null,
      keys: [...new Set([a.name, ...a.aliases].map(nameKey).filter(Boolean))],
      fromArticle: req.article ?? null,
      corrected: false,
    };
  }
  if (req.readingId && req.actorId) {
    if (!history) throw new Error('no reader data here');
    const stored = await history.readingActor(req.readingId, req.actorId);
    if (!stored) throw new Error('no such actor in this reading');
    const { actor, reading, quotes } = stored;
    return {
      name: actor.name,
      type: actor.type,
      role: actor.role,
      aliases: actor.aliases,
      latin: actor.latin,
      mentions: actor.mentions,
      quotes,
      publishedAt: req.publishedAt ?? reading.publishedAt,
      keys: actor.nameKeys,
      fromArticle: { url: reading.url, title: reading.title },
      corrected: false,
    };
  }
  const name = (req.name ?? '').trim();
  if (!name) throw new Error('a name or a reading actor is needed');
  const key = nameKey(name);
  const correction = history && key ? await history.correction(key) : undefined;
  const shown = correction?.name ?? name;
  const keys = [key, nameKey(shown), correction?.knowledgeId ? `k:${correction.knowledgeId}` : ''].filter(Boolean);
  return {
    name: shown,
    type: correction?.type ?? req.actorType ?? null,
    role: null,
    aliases: shown === name ? [] : [name],
    latin: null,
    mentions: 0,
    quotes: [],
    publishedAt: req.publishedAt ?? null,
    keys: [...new Set(keys)],
    fromArticle: null,
    corrected: correction !== undefined,
  };
}

interface Enrichment {
  state: Card['enrichment'];
  qid: string | null;
  description: string | null;
  extract: string | null;
  image: CardImage | null;
  roleAtDate: CardRole | null;
  candidates: CardCandidate[];
  sources: CardSource[];
  attribution: string | null;
}

const NONE: Omit<Enrichment, 'state'> = {
  qid: null,
  description: null,
  extract: null,
  image: null,
  roleAtDate: null,
  candidates: [],
  sources: [],
  attribution: null,
};

/** Which entity a name means: the reader's choice, else the one search hit of the right type, else ambiguous. */
async function resolveEntity(
  subject: Subject,
  client: WikimediaClient,
  history: CardHistory | null,
): Promise<{ entity: Entity | null; candidates: CardCandidate[]; chosen: boolean | null }> {
  // The choice made for the shown name, else for any name the actor goes by here.
  const keys = [nameKey(subject.name), ...subject.keys.filter((k) => !k.startsWith('k:'))];
  const choice = history ? await history.choice(keys) : undefined;
  if (choice) {
    if (choice.qid === null) return { entity: null, candidates: [], chosen: false };
    const e = (await client.getEntities([choice.qid])).get(choice.qid) ?? null;
    return { entity: e, candidates: [], chosen: true };
  }
  const hits = await client.searchEntities(subject.name);
  if (hits.length === 0) return { entity: null, candidates: [], chosen: null };
  const entities = await client.getEntities(hits.map((h) => h.id));
  const fitting = hits.filter((h) => {
    const e = entities.get(h.id);
    return e !== undefined && fitsType(e, subject.type);
  });
  if (fitting.length === 1) return { entity: entities.get(fitting[0]!.id) ?? null, candidates: [], chosen: null };
  const candidates = (fitting.length ? fitting : hits).map((h) => ({ qid: h.id, label: h.label, description: h.description }));
  return { entity: null, candidates, chosen: null };
}

async function enrich(subject: Subject, client: WikimediaClient, history: CardHistory | null): Promise<Enrichment> {
  const before = client.requests;
  const { entity, candidates } = await resolveEntity(subject, client, history);
  if (!entity) return { ...NONE, state: candidates.length > 1 ? 'ambiguous' : 'unknown', candidates };
  const sources: CardSource[] = [
    { kind: 'wikidata', label: `Wikidata ${entity.id}`, url: `https://www.wikidata.org/wiki/${entity.id}`, licence: 'CC0' },
  ];
  let roleAtDate: CardRole | null = null;
  const at = subject.publishedAt ? Date.parse(subject.publishedAt) : Date.now();
  const [position] = positionsAt(entity, Number.isFinite(at) ? at : Date.now());
  if (position) {
    const label = (await client.getLabels([position.positionId])).get(position.positionId);
    if (label) roleAtDate = { label, start: position.start, end: position.end };
  }
  let image: CardImage | null = null;
  const file = truthy(entity.claims?.P18)[0]?.mainsnak.datavalue?.value;
  if (typeof file === 'string') {
    image = { url: commonsImageUrl(file), attribution: `Wikimedia Commons: ${file}`, pageUrl: commonsFilePage(file) };
    sources.push({ kind: 'commons', label: 'Wikimedia Commons', url: commonsFilePage(file), licence: 'see file page' });
  }
  let extract: string | null = null;
  let attribution: string | null = image ? `الصورة: ${image.attribution}` : null;
  const arTitle = entity.sitelinks?.arwiki?.title;
  if (arTitle) {
    const summary = await client.getSummary(arTitle, 'ar');
    if (summary?.extract) {
      extract = summary.extract;
      sources.push({ kind: 'wikipedia', label: `ويكيبيديا: ${summary.title}`, url: summary.pageUrl, licence: WIKIPEDIA_LICENCE });
      attribution = [`النص من ويكيبيديا العربية («${summary.title}»)، ${WIKIPEDIA_LICENCE}`, attribution].filter(Boolean).join(' · ');
    }
  }
  return {
    state: client.requests === before ? 'cached' : 'fresh',
    qid: entity.id,
    description: termOf(entity.descriptions),
    extract,
    image,
    roleAtDate,
    candidates: [],
    sources,
    attribution,
  };
}

/**
 * «نظيره» in a stored reading: the stored actors keep no order, so the counterpart is the reading's most
 * mentioned other person with a role of their own.
 */
async function counterpartRole(history: CardHistory, readingId: string, actorId: string, who: WhoLookup): Promise<string | null> {
  const actors = (await history.actorsOf(readingId)).sort((a, b) => a.mentions - b.mentions);
  const self = actors.find((a) => a.actorId === actorId);
  if (!self) return null;
  const ordered = [...actors.filter((a) => a !== self), self];
  const country = (a: (typeof actors)[number]) => pickEntry(who, [a.name, ...a.aliases], a.type)?.entry.c ?? null;
  return resolveCounterparts(ordered, who.data.adjectives, country).at(-1) ?? null;
}

/** Assemble the card of an actor of a reading, or of a name; never touches the network while enrichment is off. */
export async function buildCard(req: CardRequest, deps: CardDeps): Promise<Card> {
  const subject = await subjectOf(req, deps.history);
  const who = deps.whoswho ? await deps.whoswho().catch(() => null) : null;
  if (who && deps.history && req.readingId && subject.role && COUNTERPART.test(subject.role)) {
    subject.role = await counterpartRole(deps.history, req.readingId, req.actorId ?? '', who);
  }
  const names = [subject.name, ...subject.aliases];
  // An everyday word asked without a type is no place («فيروس»), whatever a list of world cities says.
  const notPlace = subject.type === null && who !== null && who.isNotPlace(subject.name);
  const known = (await deps.lookup(subject.name)).filter(
    (k) => (subject.type === null || k.type === subject.type) && !(notPlace && k.type === 'place'),
  );
  // A bare name's type: what the press and the reference lists say of it (see likelyType).
  const asked =
    subject.type ??
    likelyType(
      who,
      names,
      known.map((k) => k.type),
    );
  const hit = who ? pickEntry(who, names, asked) : null;
  const entry = known.find((k) => asked === null || k.type === asked) ?? null;
  // Asked by a bare name, the card shows the preferred name («بوتين» → «فلاديمير بوتين»).
  const preferred = entry?.names[0] ?? hit?.entry.n;
  if (!subject.fromArticle && !subject.corrected && preferred && preferred !== subject.name) {
    subject.aliases = [subject.name, ...subject.aliases];
    subject.name = preferred;
  }
  const type: ActorType = subject.type ?? entry?.type ?? (hit ? TYPE_OF[hit.entry.t] : 'person');
  const aliases = [...new Set([...subject.aliases, ...(entry?.names ?? []), ...(hit ? [hit.entry.n, ...(hit.entry.v ?? [])] : [])])]
    .filter((n) => n !== subject.name)
    .slice(0, 20);
  const seenInKeys = [...subject.keys, ...(entry ? [`k:${entry.id}`] : [])];
  const seenIn = deps.history ? await deps.history.seenIn(seenInKeys) : { count: 0, firstSeen: null, latestQuote: null };
  const local: LocalWho = deps.localWho ? await deps.localWho(subject.keys) : { roles: [], companions: [] };
  const offline = whoCard(who, hit, subject.role, local);

  const sources: CardSource[] = [];
  if (subject.fromArticle)
    sources.push({
      kind: 'article',
      label: subject.fromArticle.title ?? subject.fromArticle.url,
      url: subject.fromArticle.url,
      licence: null,
    });
  if (subject.corrected) sources.push({ kind: 'correction', label: 'تصحيحك', url: null, licence: null });
  for (const s of entry?.sources ?? []) sources.push({ kind: 'gazetteer', label: s.name, url: s.url || null, licence: s.licence || null });
  if (seenIn.count > 0) sources.push({ kind: 'history', label: 'سجل قراءتك', url: null, licence: null });
  if (hit && who) {
    for (const id of new Set(['press', hit.entry.ds ?? 'press'])) {
      const s = who.data.sources[id];
      if (s) sources.push({ kind: 'press', label: s.name, url: s.url || null, licence: s.licence || null });
    }
  }

  let online: Enrichment = { ...NONE, state: 'off' };
  if (deps.wikimedia && (await deps.enrichmentOn())) {
    try {
      const now = (deps.now ?? Date.now)();
      const key = cardCacheKey(subject.name, type, subject.publishedAt);
      const kept = deps.cache ? await deps.cache.get(key) : undefined;
      if (kept && kept.expiresAt > now) {
        online = { ...(kept.data as Enrichment), state: 'cached' };
      } else {
        online = await enrich({ ...subject, type }, deps.wikimedia, deps.history);
        if (deps.cache && (online.state === 'fresh' || online.state === 'cached')) {
          await deps.cache.put({ key, qid: online.qid, data: online, fetchedAt: now, expiresAt: now + CARD_TTL });
        }
      }
    } catch (e) {
      online = { ...NONE, state: e instanceof WikimediaError && e.kind === 'off' ? 'off' : 'unavailable' };
    }
  }

  return {
    key: nameKey(subject.name),
    name: { ar: subject.name, latin: subject.latin ?? entry?.latin ?? null },
    type,
    aliases,
    roleInArticle: subject.role,
    roles: offline.roles,
    roleAtDate: online.roleAtDate,
    description: online.description ?? offline.description?.text ?? entry?.description ?? null,
    descriptionFrom: online.description ? null : (offline.description?.from ?? (entry?.description ? fact('', 'gazetteer').from : null)),
    country: offline.country,
    companions: offline.companions,
    extract: online.extract,
    image: online.image,
    mentionCount: subject.mentions,
    quotesInArticle: subject.quotes,
    seenIn,
    sources: [...sources, ...online.sources],
    attribution: online.attribution,
    wikidataId: online.qid,
    candidates: online.candidates,
    enrichment: online.state,
  };
}

/** Remember which entity a name means (or "none of these"), so the card stops asking. */
export async function chooseEntity(
  name: string,
  qid: string | null,
  history: CardHistory,
  cache: KeptRows<CardCacheRow> | null = null,
): Promise<void> {
  const key = nameKey(name);
  if (!key) throw new Error('the name has no letters');
  await history.choose({ nameKey: key, name, qid, at: Date.now() });
  // Details assembled for the previous choice must not be shown again.
  if (cache) await cache.clear();
}
