// The model artefact: it survives a save/load round trip byte for byte, refuses what is not a model,
// and the bundled model loads lazily and finds names in an Arabic news sentence.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { taggerSpans } from '../../nlp/entities';
import { fromBase64, toBase64 } from '../../nlp/tagger/hash';
import { decodeModel, encodeModel, loadTagger, type NerModel } from '../../nlp/tagger/index';
import { Bloom } from '../../nlp/tagger/lexicon';
import { tokenize } from '../../nlp/tokenize';

const ROOT = join(__dirname, '..', '..');

function smallModel(): NerModel {
  const lexicon = Bloom.sized(10);
  lexicon.add('كتاب');
  return {
    keys: Uint32Array.from([3, 17, 4_000_000_000]),
    weights: Int8Array.from({ length: 27 }, (_, i) => (i % 2 === 0 ? i : -i)),
    scale: 0.25,
    trans: Float32Array.from({ length: 81 }, (_, i) => i / 10),
    start: Float32Array.from({ length: 9 }, (_, i) => -i),
    lists: { lexicon, person: null, place: null, placeToken: null, org: null, orgToken: null },
  };
}

describe('model format', () => {
  it('round-trips every field through bytes and base64', () => {
    const m = smallModel();
    const back = decodeModel(fromBase64(toBase64(encodeModel(m))));
    expect(Array.from(back.keys)).toEqual(Array.from(m.keys));
    expect(Array.from(back.weights)).toEqual(Array.from(m.weights));
    expect(back.scale).toBe(0.25);
    expect(Array.from(back.trans)).toEqual(Array.from(m.trans));
    expect(Array.from(back.start)).toEqual(Array.from(m.start));
    expect(back.lists.lexicon?.has('كتاب')).toBe(true);
    expect(back.lists.person).toBeNull();
  });

  it.each([['base64 of 1, 2 and 3 bytes', [1], [1, 2], [1, 2, 3]]])('base64 keeps odd lengths intact (%s)', (_why, ...arrays) => {
    for (const a of arrays) expect(Array.from(fromBase64(toBase64(Uint8Array.from(a))))).toEqual(a);
  });

  it.each([
    ['random bytes', new Uint8Array(64).fill(7), /not a Siyaq tagger model/],
    ['a truncated model', encodeModel(smallModel()).slice(0, 100), /bytes, expected/],
    ['nothing', new Uint8Array(0), /not a Siyaq tagger model/],
  ])('refuses %s', (_why, bytes, message) => {
    expect(() => decodeModel(bytes)).toThrow(message);
  });
});

describe('bundled model', () => {
  it('stays within the 8 MB artefact budget', () => {
    expect(statSync(join(ROOT, 'nlp', 'model', 'ner-model.bin')).size).toBeLessThanOrEqual(8 * 1024 * 1024);
  });

  it('loads once and finds the person, place and organisation in a news sentence', async () => {
    const first = loadTagger();
    expect(loadTagger()).toBe(first);
    const tagger = await first;
    const text = 'وقال الرئيس الأمريكي جورج بوش في واشنطن إن الأمم المتحدة ستجتمع غدا .';
    const tokens = tokenize(text);
    const tags = tagger.tag(tokens, text);
    const tagOf = (word: string) => tags[tokens.findIndex((t) => t.text === word)];
    expect([tagOf('جورج'), tagOf('بوش')]).toEqual(['B-PERS', 'I-PERS']);
    expect(tagOf('واشنطن')).toBe('B-LOC');
    expect([tagOf('الأمم'), tagOf('المتحدة')]).toEqual(['B-ORG', 'I-ORG']);
    expect(tagOf('وقال')).toBe('O');
  });

  it.each([
    ['وصل بوتين إلى موسكو . وقال لافروف في باريس إن الاتحاد الأوروبي سيرد .', [], 'no rule spans: every lone name word is read'],
    ['وصل بوتين إلى موسكو . وقال لافروف في باريس إن الاتحاد الأوروبي سيرد .', [1], 'a word inside a rule span is never read'],
    ['زار ماكرون برلين\nثم عاد إلى باريس', [], 'a line break splits sentences but not names: a last word still counts'],
  ])('%s, rule spans on tokens %j → the same tags, and the margin of every lone word (%s)', async (text, ruled, _why) => {
    const tagger = await loadTagger();
    const tokens = tokenize(text);
    const hints = ruled.map((t) => ({
      first: t,
      last: t,
      start: tokens[t]!.start,
      end: tokens[t]!.end,
      type: 'PERS' as const,
      source: 'gazetteer' as const,
    }));
    const full = tagger.tagWithMargins(tokens, text, hints);
    const lone = tagger.tagWithLoneMargins(tokens, text, hints);
    expect(lone.tags).toEqual(full.tags);
    const read = taggerSpans(text, tokens, lone.tags).filter((s) => s.first === s.last && s.type !== 'MISC' && !ruled.includes(s.first));
    expect(read.length).toBeGreaterThan(0);
    for (const s of read) expect(lone.margins[s.first]).toBe(full.margins[s.first]);
  });
});
