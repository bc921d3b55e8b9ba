// The who's-who in the built extension: the bundled index is fetched by the background on the first
// card, and an article read adds its roles to the reader's own who's-who, which the next card shows first.
import { describe, expect, it } from 'vitest';
import type { Card } from '../../types/card';
import { type Session, withSession } from './harness';
import { askBackground, pageState } from './page-helpers';

describe("who's-who", () => {
  let session: Session;
  withSession((s) => {
    session = s;
  });

  it('a card asked by name shows no role from the reader’s readings until an article is read; then that article’s role comes first', async () => {
    const name = 'فيصل بن فرحان';
    const before = await askBackground<Card>(session, { type: 'getCard', name });
    expect(before.roles?.some((r) => r.source === 'history')).toBe(false);

    const page = await session.open('demo-article.html');
    await expect.poll(async () => (await pageState(session, page))?.painted ?? false, { timeout: 20_000 }).toBe(true);

    await expect
      .poll(async () => (await askBackground<Card>(session, { type: 'getCard', name })).roles?.[0], { timeout: 10_000 })
      .toMatchObject({ source: 'history', text: expect.stringContaining('وزير الخارجية') });
  });

  it('the bundled index answers in the extension: a listed city shows its kind and country in Arabic', async () => {
    const card = await askBackground<Card>(session, { type: 'getCard', name: 'مينسك' });
    expect([card.type, card.description]).toEqual(['place', expect.stringMatching(/^مدينة في /)]);
  });
});
