// Cards: article + gazetteer + history offline; Wikidata/Wikipedia only when the reader turned enrichment on.
import { beforeEach, describe, expect, it } from 'vitest';
import { buildCard, type CardDeps, chooseEntity, type KnownEntry } from '../../knowledge/cards';
import { type Entity, WikimediaClient } from '../../knowledge/wikimedia';
import { cardHistory } from '../../storage/card-history';
import { CacheDb, type ReaderDb } from '../../storage/db';
import { correctActor, recordReading } from '../../storage/readings';
import { type Answer, forbiddenFetch, replayFetch } from './knowledge-fakes';
import { actor, analysis, freshDb, quote } from './storage-fixtures';

const putinEntry: KnownEntry = {
  id: 'p:putin',
  type: 'person',
  names: ['فلاديمير بوتين', 'بوتين'],
  latin: 'Vladimir Putin',
  description: null,
  sources: [{ id: 'arwikicats', name: 'ArWikiCats', licence: 'MIT', url: 'https://github.com/ArWikiCats/ArWikiCats' }],
};
const lookup = async (name: string) => (['فلاديمير بوتين', 'بوتين'].includes(name) ? [putinEntry] : []);

const putin = actor('a1', 'فلاديمير بوتين', {
  aliases: ['فلاديمير بوتين', 'بوتين'],
  role: 'الرئيس الروسي',
  mentions: [
    { start: 0, end: 14, text: 'فلاديمير بوتين' },
    { start: 40, end: 45, text: 'بوتين' },
  ],
});

let db: ReaderDb;
let readingId: string;
beforeEach(async () => {
  db = freshDb();
  await recordReading('https://old.example/1', analysis('قديم', 'نص', [putin], [quote('قول قديم', putin)]), db);
  await new Promise((r) => setTimeout(r, 3));
  const r = await recordReading(
    { url: 'https://news.example/a/1', publishedAt: '2010-03-01' },
    analysis('بوتين في مينسك', 'نص المقال', [putin], [quote('سنعمل معا', putin, 20)]),
    db,
  );
  readingId = r.id;
});

function deps(extra: Partial<CardDeps> = {}): CardDeps {
  return { history: cardHistory(db), lookup, wikimedia: null, enrichmentOn: async () => false, ...extra };
}

// Constructed in the documented Wikidata shapes (KNOWLEDGE.md A.2); values are illustrative, not captured.
const human = (id: string, label: string, extra: Partial<Entity> = {}): Entity => ({
  id,
  labels: { ar: { language: 'ar', value: label } },
  descriptions: { ar: { language: 'ar', value: `وصف ${label}` } },
  claims: {
    P31: [
      { rank: 'normal', mainsnak: { snaktype: 'value', property: 'P31', datavalue: { type: 'wikibase-entityid', value: { id: 'Q5' } } } },
    ],
    ...extra.claims,
  },
  sitelinks: extra.sitelinks,
});
const president = human('Q7747', 'فلاديمير بوتين', {
  claims: {
    P18: [{ rank: 'normal', mainsnak: { snaktype: 'value', property: 'P18', datavalue: { type: 'string', value: 'Putin portrait.jpg' } } }],
    P39: [
      {
        rank: 'normal',
        mainsnak: { snaktype: 'value', property: 'P39', datavalue: { type: 'wikibase-entityid', value: { id: 'Q2' } } },
        qualifiers: {
          P580: [{ snaktype: 'value', property: 'P580', datavalue: { type: 'time', value: { time: '+2008-05-08T00:00:00Z' } } }],
        },
      },
    ],
  },
  sitelinks: { arwiki: { site: 'arwiki', title: 'فلاديمير بوتين' } },
});
const other = human('Q100', 'بوتين آخر');
const place: Entity = {
  id: 'Q300',
  labels: { ar: { language: 'ar', value: 'بوتين (مكان)' } },
  claims: { P625: [{ rank: 'normal', mainsnak: { snaktype: 'value', property: 'P625' } }] },
};

function wikimediaRoute(hits: Entity[]) {
  return (url: string): Answer => {
    const u = new URL(url);
    if (u.hostname === 'ar.wikipedia.org') {
      return {
        body: JSON.stringify({
          title: 'فلاديمير بوتين',
          extract: 'سياسي روسي.',
          wikibase_item: 'Q7747',
          content_urls: { desktop: { page: 'https://ar.wikipedia.org/wiki/x' } },
        }),
      };
    }
    const action = u.searchParams.get('action');
    if (action === 'wbsearchentities') {
      return {
        body: JSON.stringify({
          search: hits.map((e) => ({
            id: e.id,
            label: e.labels?.ar?.value,
            display: { label: { value: e.labels?.ar?.value, language: 'ar' } },
          })),
        }),
      };
    }
    const ids = u.searchParams.get('ids')!.split('|');
    const all = [president, other, place, { id: 'Q2', labels: { ar: { language: 'ar', value: 'رئيس روسيا' } } }];
    return {
      body: JSON.stringify({ entities: Object.fromEntries(ids.map((id) => [id, all.find((e) => e.id === id) ?? { id, missing: '' }])) }),
    };
  };
}

function online(hits: Entity[]) {
  const replay = replayFetch(wikimediaRoute(hits));
  const client = new WikimediaClient({ fetch: replay.fetch, isEnabled: async () => true, sleep: async () => {} });
  return { replay, d: deps({ wikimedia: client, enrichmentOn: async () => true }) };
}

describe('offline card', () => {
  it('of an actor of a reading: role, mentions, quotations here, history and sources', async () => {
    const card = await buildCard({ readingId, actorId: 'a1' }, deps());
    expect(card).toMatchObject({
      name: { ar: 'فلاديمير بوتين', latin: 'Vladimir Putin' },
      type: 'person',
      roleInArticle: 'الرئيس الروسي',
      mentionCount: 2,
      quotesInArticle: [{ text: 'سنعمل معا', start: 20, end: 29 }],
      image: null,
      extract: null,
      enrichment: 'off',
    });
    expect(card.aliases).toEqual(['بوتين']);
    expect(card.seenIn.count).toBe(2);
    expect(card.seenIn.latestQuote?.text).toBe('سنعمل معا');
    expect(card.sources.map((s) => s.kind)).toEqual(['article', 'gazetteer', 'history']);
  });

  it('of a bare name: gazetteer and history, no article facts', async () => {
    const card = await buildCard({ name: 'بوتين' }, deps());
    expect([card.name.ar, card.aliases, card.name.latin]).toEqual(['فلاديمير بوتين', ['بوتين'], 'Vladimir Putin']);
    expect([card.mentionCount, card.roleInArticle, card.seenIn.count]).toEqual([0, null, 2]);
  });

  it('of an unknown name still answers, with nothing invented', async () => {
    const card = await buildCard({ name: 'شخص مجهول', actorType: 'person' }, deps());
    expect([card.description, card.seenIn.count, card.sources]).toEqual([null, 0, []]);
  });

  it('shows the correction the reader made', async () => {
    await correctActor('سيد الكرملين', { name: 'فلاديمير بوتين', type: 'person', knowledgeId: null }, db);
    const card = await buildCard({ name: 'سيد الكرملين' }, deps());
    expect([card.name.ar, card.aliases.includes('سيد الكرملين'), card.sources[0]?.kind]).toEqual(['فلاديمير بوتين', true, 'correction']);
  });

  it('makes no network request while enrichment is off, even with a client ready', async () => {
    const forbidden = forbiddenFetch();
    const client = new WikimediaClient({ fetch: forbidden.fetch, isEnabled: async () => false });
    const card = await buildCard({ readingId, actorId: 'a1' }, deps({ wikimedia: client, enrichmentOn: async () => false }));
    expect(card.enrichment).toBe('off');
    expect(forbidden.calls).toHaveLength(0);
  });
});

describe('enriched card', () => {
  it('one matching person: description, Wikipedia extract with attribution, image, role at the article date', async () => {
    const { d, replay } = online([president, place]);
    const card = await buildCard({ readingId, actorId: 'a1' }, d);
    expect(card.enrichment).toBe('fresh');
    expect(card.wikidataId).toBe('Q7747');
    expect(card.description).toBe('وصف فلاديمير بوتين');
    expect(card.extract).toBe('سياسي روسي.');
    expect(card.roleAtDate).toEqual({ label: 'رئيس روسيا', start: '2008-05-08', end: null });
    expect(card.image?.url).toBe('https://commons.wikimedia.org/wiki/Special:FilePath/Putin%20portrait.jpg?width=330');
    expect(card.attribution).toContain('CC BY-SA');
    expect(card.sources.map((s) => s.kind)).toEqual(['article', 'gazetteer', 'history', 'wikidata', 'commons', 'wikipedia']);
    expect(replay.maxInFlight).toBe(1);
  });

  it('several matching people: says so and offers the choice; the choice is remembered', async () => {
    const { d } = online([president, other]);
    const first = await buildCard({ name: 'بوتين', actorType: 'person' }, d);
    expect(first.enrichment).toBe('ambiguous');
    expect(first.candidates.map((c) => c.qid)).toEqual(['Q7747', 'Q100']);
    await chooseEntity('بوتين', 'Q100', cardHistory(db));
    const chosen = await buildCard({ name: 'بوتين', actorType: 'person' }, d);
    expect([chosen.enrichment, chosen.wikidataId, chosen.candidates]).toEqual(['fresh', 'Q100', []]);
  });

  it('"none of these" stops asking and asks the network nothing more', async () => {
    const { d, replay } = online([president, other]);
    await chooseEntity('بوتين', null, cardHistory(db));
    const card = await buildCard({ name: 'بوتين', actorType: 'person' }, d);
    expect([card.enrichment, card.wikidataId]).toEqual(['unknown', null]);
    expect(replay.calls).toHaveLength(0);
  });

  it('assembled details are kept a day in the cache database; a new choice forgets them', async () => {
    const cache = new CacheDb(`c-${Math.random()}`);
    const { d, replay } = online([president, place]);
    const withCache = { ...d, cache: cache.cards };
    expect((await buildCard({ readingId, actorId: 'a1' }, withCache)).enrichment).toBe('fresh');
    const asked = replay.calls.length;
    const again = await buildCard({ readingId, actorId: 'a1' }, withCache);
    expect([again.enrichment, again.wikidataId, again.extract]).toEqual(['cached', 'Q7747', 'سياسي روسي.']);
    expect(replay.calls).toHaveLength(asked);
    await chooseEntity('فلاديمير بوتين', null, cardHistory(db), cache.cards);
    expect(await cache.cards.count()).toBe(0);
  });

  it('when Wikimedia fails, the offline card is shown and says enrichment is unavailable', async () => {
    const replay = replayFetch(() => ({ body: 'not json' }));
    const client = new WikimediaClient({ fetch: replay.fetch, isEnabled: async () => true });
    const card = await buildCard({ readingId, actorId: 'a1' }, deps({ wikimedia: client, enrichmentOn: async () => true }));
    expect([card.enrichment, card.name.latin, card.roleInArticle, card.image]).toEqual([
      'unavailable',
      'Vladimir Putin',
      'الرئيس الروسي',
      null,
    ]);
  });
});
