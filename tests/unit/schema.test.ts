// The reader database opens at its schema version and keeps one reading per URL.
import { afterEach, describe, expect, it } from 'vitest';
import { ReaderDb } from '../../storage/db';
import { listReadings, recordReading } from '../../storage/readings';
import type { Analysis } from '../../types/analysis';

const analysis: Analysis = {
  text: 'نص',
  page: { language: 'ar', isArticle: true, isArabicNews: true, title: 'عنوان الخبر' },
  actors: [],
  quotes: [],
};

describe('reader database', () => {
  const db = new ReaderDb(`test-${Math.random()}`);
  afterEach(() => db.readings.clear());

  it('opens with the readings table at version 1 or later', async () => {
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(1);
    expect(db.tables.map((t) => t.name)).toContain('readings');
  });

  it('records a reading once per URL and lists newest first', async () => {
    await recordReading('https://a.example/1', analysis, db);
    await recordReading('https://b.example/2', { ...analysis, page: { ...analysis.page, title: 'ثان' } }, db);
    await recordReading('https://a.example/1', analysis, db);
    const rows = await listReadings(db);
    expect(rows.map((r) => r.url)).toEqual(['https://a.example/1', 'https://b.example/2']);
    expect(rows[0]?.site).toBe('a.example');
  });
});
