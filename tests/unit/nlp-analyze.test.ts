// The bundled analyser on whole articles: the project's demo article (a fixture of this project) and,
// when ../shared is present, the seed article with its gold annotations.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnalyzer, lookupName } from '../../knowledge/recognizer';
import type { Analysis } from '../../types/analysis';

const ROOT = join(__dirname, '..', '..');
const SEED = join(ROOT, '..', 'shared', 'seed');

function demoArticle(): { title: string; blocks: string[] } {
  const html = readFileSync(join(ROOT, 'tests', 'fixtures', 'pages', 'demo-article.html'), 'utf8');
  const strip = (s: string) => s.replace(/<[^>]+>/g, '').trim();
  const blocks = [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => strip(m[1] ?? ''));
  const title = strip(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');
  return { title, blocks };
}

/** «لبوتين» is «بوتين» with a proclitic. */
function withClitic(form: string, mention: string): boolean {
  return form.endsWith(mention) && /^[وفبلك]+$/.test(form.slice(0, form.length - mention.length));
}

function speakerOf(a: Analysis, quoteStart: string): string | null {
  return a.quotes.find((q) => q.text.startsWith(quoteStart))?.speaker.name ?? null;
}

describe('demo article (tests/fixtures/pages/demo-article.html)', async () => {
  const analyze = await loadAnalyzer({ tagger: false });
  const a = analyze(demoArticle());

  const speakers: [string, string, string][] = [
    ['وقف فوري', 'أنطونيو غوتيريش', 'a title with an organization before the name'],
    ['المجتمع الدولي', 'أنطونيو غوتيريش', '«وأضاف أن» continues the last speaker'],
    ['العقوبات تبقى', 'ماثيو ميلر', 'a shortened role refers back to the named spokesman'],
    ['لن نقبل', 'عبد الفتاح البرهان', 'the attribution follows the quotation'],
    ['الاتصالات مستمرة', 'مصدر مطلع', 'an anonymous source speaking to an agency'],
    ['لا توجد حتى الآن', 'مسؤول رفض الكشف عن اسمه', 'a newspaper quoting an unnamed official'],
    ['يجب أن تتوقف', 'دونالد ترامب', 'ترمب is a spelling of ترامب'],
  ];
  it.each(speakers)('«%s…» is attributed to %s', (start, name) => {
    expect(speakerOf(a, start)).toBe(name);
  });

  it('names in quotation marks are not quotations (negative rows)', () => {
    const texts = a.quotes.map((q) => q.text);
    expect(texts).not.toContain('رويترز');
    expect(texts).not.toContain('الشرق الأوسط');
    expect(texts).not.toContain('تروث سوشيال');
  });

  it('one actor per person, with the role the article gives', () => {
    const abdelatty = a.actors.filter((x) => x.type === 'person' && x.aliases.some((n) => n.includes('عبد العاطي')));
    expect(abdelatty).toHaveLength(1);
    expect(abdelatty[0]?.mentions.some((m) => m.kind === 'role' && m.text.startsWith('نظيره'))).toBe(true);
  });
});

describe.skipIf(!existsSync(join(SEED, 'seed-gold.json')))('seed article against its gold file', async () => {
  const analyze = await loadAnalyzer({ tagger: false });
  const text = readFileSync(join(SEED, 'seed-article.txt'), 'utf8');
  const blocks = text.split(/\r?\n/).filter((l) => l.trim());
  const a = analyze({ title: null, blocks });
  const gold = JSON.parse(readFileSync(join(SEED, 'seed-gold.json'), 'utf8')) as {
    actors: { name: string; type: string; forms: string[] }[];
    quotes: { text: string; speaker: string }[];
  };

  it.each(gold.actors.map((g) => [g.name, g.type, g.forms] as const))('%s is one %s actor with all its forms', (_name, type, forms) => {
    const owners = new Set(
      a.actors.filter((x) => x.mentions.some((m) => forms.some((f) => f === m.text || withClitic(f, m.text)))).map((x) => x.id),
    );
    expect(owners.size).toBe(1);
    const actor = a.actors.find((x) => owners.has(x.id));
    expect(actor?.type).toBe(type);
  });

  it.each(gold.quotes.map((q) => [q.text.slice(0, 30), q.text, q.speaker] as const))('«%s…» → its speaker', (_s, quote, speaker) => {
    const q = a.quotes.find((x) => x.text === quote);
    expect(q?.speaker.name).toBe(speaker);
  });

  it('«تاس» is an organization, not a quotation (negative row)', () => {
    expect(a.quotes.map((q) => q.text)).not.toContain('تاس');
  });
});

describe('lookupName: what the bundled knowledge says about a name', () => {
  const rows: [string, string | null, string][] = [
    ['موسكو', 'place', 'a city from the bundled lists'],
    ['الكرملين', 'organization', 'a curated government body'],
    ['ليفربول', 'organization', 'in news a club named after its city stands for the team'],
    ['ريال مدريد', 'organization', 'a two-word club name beats the city inside it'],
    ['ديلي ميل', 'organization', 'a curated newspaper'],
    ['مدريد', 'place', 'negative: the city alone stays a place'],
    ['كلمة لا تعرفها المعرفة', null, 'negative: unknown names give nothing'],
    ['تعدد الزوجات', null, 'negative: a Wikipedia title linked to countries (Polygyny) is not a place'],
    ['قرفة', null, 'negative: nor is a spice from the same list (Cinnamon)'],
    ['الدولة العثمانية', 'place', 'the same list keeps titles that say they are places (Ottoman Empire)'],
  ];
  it.each(rows)('%s', async (name, type) => {
    const found = await lookupName(name);
    expect(found[0]?.type ?? null).toBe(type);
    if (type) expect(found[0]?.sources.length).toBeGreaterThan(0);
  });
});
