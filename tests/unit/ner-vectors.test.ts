// Word representations from unlabelled text: the corpus is written as the tagger reads words, the
// vectors → clusters → statistics pipeline gives the same table on every run, words used alike share
// clusters, and the tagger's features read the table through the model's save/load round trip.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Clusters, decodeClusters } from '../../nlp/tagger/clusters';
import { Featurizer } from '../../nlp/tagger/features';
import { decodeModel, encodeModel } from '../../nlp/tagger/index';
import { findSplit, frequencyBucket, kmeansDense, parseVec, shareBucket, splitClitics } from '../../nlp/tagger/vectors';
import { corpusStats, trainVectors, wordTable, writeTrainingText } from '../../scripts/train-vectors';
import { modelWithLists } from './ner-fixtures';

describe('splitClitics', () => {
  const counts = new Map([
    ['الرئيس', 50],
    ['والرئيس', 20],
    ['وزير', 40],
    ['زير', 1],
    ['بريطانيا', 30],
    ['كما', 10],
    ['ما', 90],
  ]);
  const count = (w: string) => counts.get(w) ?? 0;
  it.each([
    ['والرئيس', ['و', 'الرئيس'], 'the stem is written alone more often: the conjunction goes'],
    ['وزير', ['وزير'], '«زير» alone is rare: «و» belongs to the word'],
    ['بريطانيا', ['بريطانيا'], 'a name beginning with «ب» stays whole'],
    ['كما', ['كما'], 'a stem under three letters stays attached'],
    ['الرئيس', ['الرئيس'], '«ال» is part of the word'],
  ])('%s → %j (%s)', (word, expected) => {
    expect(splitClitics(word, count)).toEqual(expected);
  });
});

describe('kmeansDense and buckets', () => {
  const v = (...xs: number[]) => Float32Array.from(xs);
  const vectors = [v(1, 0, 0), v(0, 1, 0), v(0.9, 0.1, 0), v(0.1, 0.9, 0), v(0.95, 0, 0.05), v(0, 0.95, 0.05)];
  it('groups vectors pointing the same way, the same on every run', () => {
    const a = kmeansDense(vectors, 2, 10);
    expect(a[0]).toBe(a[2]);
    expect(a[0]).toBe(a[4]);
    expect(a[1]).toBe(a[3]);
    expect(a[0]).not.toBe(a[1]);
    expect(Array.from(kmeansDense(vectors, 2, 10))).toEqual(Array.from(a));
  });

  it.each([
    [0, 100, 0],
    [1, 100, 1],
    [10, 100, 3],
    [60, 100, 4],
  ])('%i of %i → share bucket %i', (hits, total, bucket) => {
    expect(shareBucket(hits, total)).toBe(bucket);
  });

  it('frequency buckets grow with the count and stop at 9', () => {
    expect([1, 4, 100, 10 ** 9].map(frequencyBucket)).toEqual([0, 1, 3, 9]);
  });
});

// A tiny corpus written for the test: cities after «مدينة», persons after «الرئيس» and before «قال».
const CITIES = ['بغداد', 'القاهرة', 'دمشق', 'عمان', 'بيروت'];
const PEOPLE = ['خالد', 'سمير', 'نبيل', 'وليد', 'ماجد'];
function tinyCorpus(): string {
  const lines: string[] = [];
  for (let i = 0; i < 60; i++) {
    const c = CITIES[i % CITIES.length]!;
    const p = PEOPLE[(i * 3) % PEOPLE.length]!;
    lines.push(`وصل الوفد إلى مدينة ${c} أمس والتقى الرئيس ${p} في ${c} ثم قال ${p} إن الزيارة ناجحة`);
    lines.push(`أعلن الرئيس ${p} اليوم أن مدينة ${c} تستقبل الوفود وقال ${p} إن ${c} آمنة`);
  }
  return `${lines.join('\n')}\n`;
}

const hasFasttext = (() => {
  try {
    execFileSync('fasttext', [], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  }
})();

describe('the training pipeline on a tiny corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'siyaq-vectors-test-'));
  const corpus = join(dir, 'corpus.txt');
  writeFileSync(corpus, tinyCorpus());
  execFileSync('xz', ['-kf', corpus]);

  it('writes the text as the tagger reads words: normalised, conjunction split off when the stem stands alone', async () => {
    const text = readFileSync(await writeTrainingText(`${corpus}.xz`, dir, 1e6), 'utf8');
    const first = text.split('\n')[0]!.split(' ');
    expect(first.slice(0, 5)).toEqual(['وصل', 'الوفد', 'الي', 'مدينه', 'بغداد']);
    // «والتقى» stays whole (never written «التقى» alone here); «القاهرة» is folded to «القاهره».
    expect(text).toContain('والتقي الرييس');
    expect(text).toContain('القاهره');
  });

  it('counts how often a title comes before a word and a reporting verb one or two words before it', async () => {
    const text = await writeTrainingText(`${corpus}.xz`, dir, 1e6);
    const stats = await corpusStats(text, new Set(['خالد', 'بغداد', 'الوفد']), (w) => w === 'الرييس');
    const [afterTitle, afterReport, , otherDefinite, besidePerson] = stats.get('خالد')!;
    expect(afterTitle).toBeGreaterThan(0);
    expect(afterReport).toBeGreaterThan(0);
    expect(besidePerson).toBeGreaterThan(0);
    expect(otherDefinite).toBe(0);
    expect(stats.get('بغداد')!.slice(0, 2)).toEqual([0, 0]);
    // «وفد» without «ال» never occurs.
    expect(stats.get('الوفد')![3]).toBe(0);
  });

  it.skipIf(!hasFasttext)('vectors → clusters → statistics: the same bytes on every run, cities together, persons together', async () => {
    const text = await writeTrainingText(`${corpus}.xz`, dir, 1e6);
    const tables = [];
    for (const run of ['a', 'b']) {
      const vec = trainVectors(text, join(dir, `sg-${run}`), ['-dim', '8', '-epoch', '40', '-minCount', '3']);
      expect(parseVec(readFileSync(vec, 'utf8')).words.length).toBeGreaterThan(10);
      tables.push(await wordTable(vec, text, [2, 4], 1000, (w) => PEOPLE.includes(w)));
    }
    expect(Buffer.from(tables[0]!).equals(Buffer.from(tables[1]!))).toBe(true);
    const { clusters, sizes } = decodeClusters(tables[0]!.buffer, 0);
    expect(sizes).toEqual([2, 4, 5, 5, 10, 5, 5]);
    const coarse = (w: string) => clusters.id(findSplit(clusters, w), 0);
    expect(coarse('دمشق')).toBe(coarse('بيروت'));
    expect(coarse('سمير')).toBe(coarse('نبيل'));
  });
});

describe('the features read the table', () => {
  const rows = new Map([
    ['دمشق', [1, 7, 9, 0, 0, 3, 2, 0]],
    ['بيروت', [1, 7, 9, 0, 0, 3, 2, 0]],
    ['خالد', [2, 5, 4, 3, 2, 5, 0, 3]],
  ]);
  const model = modelWithLists({ wordClusters: Clusters.from(rows, 8) });
  const back = decodeModel(encodeModel(model)).lists;
  /** Feature ids of a word's own features; every new hash gets the next id. */
  const featuresOf = (withTable: boolean) => {
    const ids = new Map<number, number>();
    const fz = new Featurizer({ ...back, wordClusters: withTable ? back.wordClusters : null }, (h) => {
      if (!ids.has(h)) ids.set(h, ids.size);
      return ids.get(h)!;
    });
    return (w: string) => new Set(fz.form(w).local);
  };
  /** What two words share only because of the table. */
  const sharedByTable = (a: string, b: string) => {
    const shared = (f: (w: string) => Set<number>) => [...f(a)].filter((id) => f(b).has(id)).length;
    return shared(featuresOf(true)) - shared(featuresOf(false));
  };

  it.each([
    ['دمشق', 'بيروت', true, 'two words of one cluster share the cluster features'],
    ['دمشق', 'خالد', false, 'words of different clusters do not'],
    ['ودمشق', 'بيروت', true, 'a word with «و» attached reads the cluster of the word without it'],
  ])('%s and %s share cluster features: %s (%s)', (a, b, same) => {
    expect(sharedByTable(a, b) > 0).toBe(same);
  });
});
