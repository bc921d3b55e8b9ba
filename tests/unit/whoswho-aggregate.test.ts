// The who's-who aggregation on a tiny corpus written for the tests: only what several texts agree on is
// kept, spellings and short forms of one name meet, and roles carry the years they were seen in.
import { describe, expect, it } from 'vitest';
import { countryOfAdjective, whoKey } from '../../knowledge/whoswho';
import { aggregate } from '../../scripts/whoswho-aggregate';
import { firstSentenceDescription, type ReadActor, type ReadText, repeatedTitle, yearOf } from '../../scripts/whoswho-read';
import type { ActorType } from '../../types/analysis';

const ADJECTIVES = { روس: 'RU', مصر: 'EG' };

function person(name: string, role: string | null = null, aliases: string[] = [name]): ReadActor {
  return { name, type: 'person', role, aliases, mentions: 1 };
}

function text(year: number, ...actors: ReadActor[]): ReadText {
  return { source: 'press', year, actors, subject: null };
}

const run = (texts: ReadText[]) =>
  aggregate(texts, {
    minArticles: 3,
    countryOfWord: (w) => countryOfAdjective(w, ADJECTIVES),
    typeOfDescription: (d): ActorType | null => (d.startsWith('مدينة') ? 'place' : d.startsWith('سياسي') ? 'person' : null),
  });

const entryNamed = (agg: ReturnType<typeof run>, name: string) => agg.entries.find((e) => e.n === name);

describe('agreement threshold', () => {
  it.each([
    [2, undefined, 'a role two texts give is noise'],
    [3, [['وزير الزراعة الروسي', 2015, 2015, 3]], 'three texts agree: the role is kept, with its year and count'],
  ])('%i texts with the role → %j (%s)', (n, roles, _why) => {
    const texts = [
      ...Array.from({ length: n }, () => text(2015, person('كامل نوري', 'وزير الزراعة الروسي'))),
      ...Array.from({ length: 3 }, () => text(2015, person('كامل نوري'))),
    ];
    expect(entryNamed(run(texts), 'كامل نوري')?.r).toEqual(roles);
  });

  it('when no role reaches agreement, the head noun three texts share is kept', () => {
    const roles = ['لاعب النادي الأهلي', 'اللاعب الدولي', 'لاعب المنتخب الوطني'];
    const agg = run(roles.map((role, i) => text(i ? 2018 : 2015, person('كامل نوري', role))));
    expect(entryNamed(agg, 'كامل نوري')?.r).toEqual([['لاعب', 2015, 2018, 3]]);
  });

  it('a lone given name is nobody in particular, however many texts use it', () => {
    const agg = aggregate(
      Array.from({ length: 4 }, () => text(2015, person('نادر', 'السفير'))),
      { minArticles: 3, countryOfWord: () => null, typeOfDescription: () => null, isGivenName: (w) => w === 'نادر' },
    );
    expect(agg.entries).toEqual([]);
  });

  it('an actor named in fewer than three texts is left out', () => {
    const agg = run([text(2015, person('حامد سرور')), text(2018, person('حامد سرور'))]);
    expect(entryNamed(agg, 'حامد سرور')).toBeUndefined();
  });
});

describe('variants merged', () => {
  it('spellings of one name meet under the most frequent one (ترامب/ترمب style)', () => {
    const agg = run([text(2018, person('رونالد كرامب')), text(2018, person('رونالد كرامب')), text(2018, person('رونالد كرمب'))]);
    expect(agg.entries.map((e) => [e.n, e.a])).toEqual([['رونالد كرامب', 3]]);
  });

  it('a short form that stands for the full name in three texts joins it, with its own role texts', () => {
    const full = person('سالم الوردي', 'السفير المصري', ['سالم الوردي', 'الوردي']);
    const agg = run([text(2015, full), text(2015, full), text(2018, full), text(2018, person('الوردي', 'السفير المصري'))]);
    const e = entryNamed(agg, 'سالم الوردي');
    expect([e?.a, e?.r?.[0], e?.c]).toEqual([4, ['السفير المصري', 2015, 2018, 4], 'EG']);
    expect(agg.keys[whoKey('الوردي')]).toEqual(agg.keys[whoKey('سالم الوردي')]);
  });

  it('a short form only ever written beside the full name still finds it; one seen twice does not', () => {
    const agg = run([
      text(2015, person('منير حداد', null, ['منير حداد', 'حداد', 'أبو منير'])),
      text(2015, person('منير حداد', null, ['منير حداد', 'حداد', 'أبو منير'])),
      text(2015, person('منير حداد', null, ['منير حداد', 'حداد'])),
    ]);
    expect([agg.keys[whoKey('حداد')], agg.keys[whoKey('أبو منير')]]).toEqual([[0], undefined]);
  });
});

describe('bodies named by their country', () => {
  it('a bare body name is not merged into one country’s body, however often that country’s is named', () => {
    const org = (name: string, aliases: string[]): ReadActor => ({ name, type: 'organization', role: null, aliases, mentions: 1 });
    const russian = org('وزارة الزراعة الروسية', ['وزارة الزراعة الروسية', 'وزارة الزراعة']);
    const agg = run([
      text(2015, russian),
      text(2015, russian),
      text(2015, russian),
      ...Array.from({ length: 3 }, () => text(2015, org('وزارة الزراعة', ['وزارة الزراعة']))),
    ]);
    expect(agg.entries.map((e) => [e.n, e.a])).toEqual([
      ['وزارة الزراعة الروسية', 3],
      ['وزارة الزراعة', 3],
    ]);
  });
});

describe('years and sources', () => {
  it.each([
    ['مؤتمر الرياض 2015 (واس)', 2015, 'the year and the Saudi agency'],
    ['أعلنت الحكومة في 2018 #عاجل', 2018, 'the year and a hashtag of the 2018 outlets'],
    ['خبر بلا تاريخ', 0, 'nothing says when'],
  ])('%s → %i (%s)', (line, year, _why) => {
    expect(yearOf(line)).toBe(year);
  });

  it('an encyclopaedia article repeats its title and says what its subject is', () => {
    const words = 'وادي النخيل وادي النخيل هي مدينة ساحلية صغيرة، تقع في الجنوب.'.split(' ');
    expect(repeatedTitle(words)).toBe(2);
    expect(firstSentenceDescription(words.slice(2).join(' '))).toBe('مدينة ساحلية صغيرة');
  });

  it('an encyclopaedia description gives its subject a type and a description even from one article', () => {
    const agg = run([{ source: 'wikipedia', year: 0, actors: [], subject: { name: 'وادي النخيل', description: 'مدينة ساحلية صغيرة' } }]);
    expect(entryNamed(agg, 'وادي النخيل')).toMatchObject({ t: 'l', d: 'مدينة ساحلية صغيرة', ds: 'wikipedia' });
  });
});

describe('companions', () => {
  it('actors named together in three texts are each other’s companions', () => {
    const a = person('كامل نوري');
    const b = person('سالم الوردي');
    const agg = run([text(2015, a, b), text(2015, a, b), text(2015, a, b), text(2015, a)]);
    const ia = agg.entries.findIndex((e) => e.n === 'كامل نوري');
    const ib = agg.entries.findIndex((e) => e.n === 'سالم الوردي');
    expect([agg.entries[ia]?.w, agg.entries[ib]?.w]).toEqual([[ib], [ia]]);
  });
});
