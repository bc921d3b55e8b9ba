// Word clusters from unlabelled text: words used in the same places share a cluster, the result
// does not depend on the run, and the clusters survive the model's save/load round trip.
import { describe, expect, it } from 'vitest';
import { clusterWords, pmiClusters } from '../../nlp/tagger/clusters';
import { fromBase64, toBase64 } from '../../nlp/tagger/hash';
import { decodeModel, encodeModel } from '../../nlp/tagger/index';
import { modelWithLists } from './ner-fixtures';

// A tiny corpus written for the test: city names follow «في مدينة», given names follow «قال السيد».
const CITIES = ['بغداد', 'القاهره', 'دمشق', 'عمان'];
const PEOPLE = ['احمد', 'محمد', 'علي', 'خالد'];
const CORPUS: string[][] = [];
for (let i = 0; i < 12; i++) {
  for (const c of CITIES) CORPUS.push(['وصل', 'الوفد', 'الي', 'مدينه', c, 'امس']);
  for (const p of PEOPLE) CORPUS.push(['قال', 'السيد', p, 'ان', 'الوضع', 'هادي']);
}
const OPTS = { minCount: 3, maxWords: 1000, contexts: 50, fine: 6, coarse: 2, iterations: 10 };

describe('clusterWords', () => {
  const map = clusterWords(CORPUS, OPTS);
  const fine = (w: string) => map.get(w)?.[1];
  it.each([
    ['بغداد', 'دمشق', true, 'two cities seen after «مدينة» share a cluster'],
    ['احمد', 'خالد', true, 'two given names seen after «السيد» share a cluster'],
    ['بغداد', 'احمد', false, 'a city and a given name do not'],
  ])('%s and %s together: %s (%s)', (a, b, same) => {
    expect(fine(a)).toBeDefined();
    expect(fine(a) === fine(b)).toBe(same);
  });

  it('gives the same clusters on every run', () => {
    expect([...clusterWords(CORPUS, OPTS)]).toEqual([...map]);
  });

  it('leaves out words seen fewer than minCount times', () => {
    expect(clusterWords([...CORPUS, ['كلمه', 'نادره']], OPTS).has('نادره')).toBe(false);
  });

  it('survives the model round trip and looks words up', () => {
    const clusters = pmiClusters(map);
    const model = modelWithLists({ clusters });
    const back = decodeModel(fromBase64(toBase64(encodeModel(model)))).lists.clusters!;
    const row = back.find('دمشق');
    expect(row).toBeGreaterThanOrEqual(0);
    expect([back.id(row, 0), back.id(row, 1)]).toEqual(map.get('دمشق'));
    expect(back.find('غيرموجود')).toBe(-1);
  });
});
