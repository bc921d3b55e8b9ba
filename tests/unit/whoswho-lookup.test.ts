// Look-ups a reader expects from the who's-who, as a table over a small index written for the tests.
import { describe, expect, it } from 'vitest';
import { resolveCounterparts, roleWithCountry, type WhoEntry, type WhoIndex, WhoLookup, whoKey } from '../../knowledge/whoswho';
import { pickEntry, whoCard } from '../../knowledge/whoswho-card';

function indexOf(entries: [WhoEntry, string[]][]): WhoIndex {
  const keys: Record<string, number[]> = {};
  entries.forEach(([, names], i) => {
    for (const n of names) keys[whoKey(n)] = [...(keys[whoKey(n)] ?? []), i];
  });
  return {
    version: 1,
    texts: 0,
    sources: {},
    entries: entries.map(([e]) => e),
    keys,
    adjectives: { روس: 'RU', سور: 'SY', اسراييل: 'IL', بيلاروس: 'BY' },
    notPlaces: ['فيروس'],
    orgHeads: ['الجيش', 'وزاره الخارجيه'],
  };
}

const who = new WhoLookup(
  indexOf([
    [{ n: 'دونالد ترامب', t: 'p', a: 90, r: [['الرئيس الأمريكي', 2015, 2018, 40]] }, ['دونالد ترامب', 'ترامب', 'Donald Trump']],
    [{ n: 'سيرجي لافروف', t: 'p', a: 60, c: 'RU', r: [['وزير الخارجية الروسي', 2015, 2018, 30]] }, ['سيرجي لافروف', 'لافروف']],
    [{ n: 'إسرائيل', t: 'l', a: 80, k: 'دولة', c: 'IL' }, ['إسرائيل']],
    [{ n: 'مصطفى كامل', t: 'p', a: 5 }, ['مصطفى كامل']],
    [{ n: 'عبد اللطيف بن راشد', t: 'p', a: 4 }, ['عبد اللطيف بن راشد']],
    [{ n: 'عبد اللطيف الزياني', t: 'p', a: 12 }, ['عبد اللطيف الزياني', 'الزياني']],
    [{ n: 'نخلة', t: 'l', a: 4, k: 'مدينة', c: 'BY', pop: 20000 }, ['نخلة']],
    [{ n: 'نخلة', t: 'p', a: 9 }, ['نخلة']],
    [{ n: 'فيروس', t: 'l', a: 0, k: 'مدينة', c: 'RU', pop: 1000 }, ['فيروس']],
    [{ n: 'فيروس', t: 'p', a: 50 }, ['فيروس']],
  ]),
);

describe('names as readers write them', () => {
  it.each([
    ['ترمب', null, 'دونالد ترامب', 'a long vowel dropped in one spelling'],
    ['دونالد ترمب', null, 'دونالد ترامب', 'the same, in the full name'],
    ['سيرغي لافروف', null, 'سيرجي لافروف', 'غ and ج both write /g/'],
    ['وللافروف', null, 'سيرجي لافروف', 'clitics و + لل stripped'],
    ['اسرائيل', null, 'إسرائيل', 'hamza on the alef left out'],
    ['مصطفي كامل', null, 'مصطفى كامل', 'ى written ي'],
    ['الزياني', null, 'عبد اللطيف الزياني', 'a family name with «ال»'],
    ['والزياني', null, 'عبد اللطيف الزياني', 'the same after «و»'],
    ['Donald Trump', null, 'دونالد ترامب', 'Latin script'],
    ['مصطفى بن علي كامل', null, 'مصطفى كامل', 'a nasab left out before the family name'],
    ['عبد اللطيف بن راشد بن حمد', null, 'عبد اللطيف بن راشد', 'a nasab chain cut after the father'],
    ['نخلة', 'place', 'نخلة', 'a homograph asked as a place is the town'],
  ] as const)('%s (%s) → %s: %s', (query, type, expected, _why) => {
    expect(pickEntry(who, [query], type)?.entry.n).toBe(expected);
  });

  it('a homograph asked without a type is the actor more texts name', () => {
    expect(pickEntry(who, ['نخلة'], null)?.entry.t).toBe('p');
  });

  it('an everyday word asked without a type is neither a listed town nor an actor the press says nothing of', () => {
    expect([pickEntry(who, ['فيروس'], null), who.isNotPlace('فيروس')]).toEqual([null, true]);
  });

  it.each([
    ['وزارة الخارجية السورية', 'SY', 'a ministry and a nationality'],
    ['الجيش الإسرائيلي', 'IL', 'an army and a nationality'],
    ['الجيش الإسرائيلي الرسمي', 'IL', 'the nationality need not be the last word'],
  ])('%s → an organization of %s (%s)', (name, country, _why) => {
    expect(pickEntry(who, [name], null)?.entry).toMatchObject({ t: 'o', c: country });
  });

  it('an organization noun heading a name makes an organization, with the country the name gives', () => {
    const hit = pickEntry(who, ['شركة موانئ إسرائيل'], null);
    expect([hit?.entry.t, hit?.entry.c, whoCard(who, hit, null, { roles: [], companions: [] }).description?.text]).toEqual([
      'o',
      'IL',
      `شركة في ${new Intl.DisplayNames(['ar'], { type: 'region' }).of('IL')}`,
    ]);
  });

  it('a place noun heading a name makes a place of that kind, in the country the name gives', () => {
    const hit = pickEntry(who, ['شارع إسرائيل الكبير'], null);
    expect([hit?.entry.t, whoCard(who, hit, null, { roles: [], companions: [] }).description?.text]).toEqual([
      'l',
      `شارع في ${new Intl.DisplayNames(['ar'], { type: 'region' }).of('IL')}`,
    ]);
  });

  it('an unknown head with a nationality is not made an organization', () => {
    expect(pickEntry(who, ['المطبخ الروسي'], null)).toBeNull();
  });
});

describe('cards in the reader’s language', () => {
  const none = { roles: [], companions: [] };

  it('a place shows its kind and country in Arabic', () => {
    const card = whoCard(who, pickEntry(who, ['نخلة'], 'place'), null, none);
    expect(card.description?.text).toBe(`مدينة في ${new Intl.DisplayNames(['ar'], { type: 'region' }).of('BY')}`);
  });

  it('the in-article role comes first, with the nationality the who’s-who knows, then the press roles with their years', () => {
    const card = whoCard(who, pickEntry(who, ['لافروف'], 'person'), 'وزير الخارجية', none);
    expect(card.roles.map((r) => [r.text, r.from])).toEqual([
      [`وزير خارجية ${new Intl.DisplayNames(['ar'], { type: 'region' }).of('RU')}`, 'في هذا المقال'],
      ['وزير الخارجية الروسي', 'في الصحافة، 2015–2018'],
    ]);
  });

  it('the reader’s own readings come after the article, the newest first', () => {
    const local = {
      roles: [
        { role: 'المبعوث الخاص', readAt: Date.UTC(2026, 1, 1) },
        { role: 'السفير', readAt: Date.UTC(2025, 1, 1) },
      ],
      companions: [],
    };
    const card = whoCard(who, pickEntry(who, ['ترامب'], 'person'), null, local);
    expect(card.roles.map((r) => r.from)).toEqual(['في قراءاتك، 2026', 'في قراءاتك، 2025', 'في الصحافة، 2015–2018']);
  });

  it.each([
    ['وزير الخارجية الروسي', 'SY', 'وزير الخارجية الروسي', 'a role that names its country keeps it'],
    ['المتحدث باسم الوزارة', 'SY', 'المتحدث باسم الوزارة', 'a longer role is not made a construct'],
    ['الرئيس', 'SY', `رئيس ${new Intl.DisplayNames(['ar'], { type: 'region' }).of('SY')}`, 'a title takes the country'],
  ])('%s + %s → %s (%s)', (role, country, expected, _why) => {
    expect(roleWithCountry(role, country, { روس: 'RU' })).toBe(expected);
  });

  it('«نظيره» takes the counterpart’s role, with its own nationality', () => {
    const actors = [
      { type: 'person' as const, role: 'الرئيس الروسي' },
      { type: 'place' as const, role: null },
      { type: 'person' as const, role: 'نظيره البيلاروسي' },
      { type: 'person' as const, role: 'نظيره' },
    ];
    const by = new Intl.DisplayNames(['ar'], { type: 'region' }).of('BY');
    expect(resolveCounterparts(actors, { روس: 'RU', بيلاروس: 'BY' }, () => null)).toEqual(['الرئيس الروسي', null, `رئيس ${by}`, 'الرئيس']);
  });
});
