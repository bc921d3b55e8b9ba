// The side panel's list follows the database: a page read or a quotation saved elsewhere calls it back.
import { describe, expect, it, vi } from 'vitest';
import { recordReading } from '../../storage/readings';
import { watchLibrary } from '../../storage/watch';
import { analysis, freshDb } from './storage-fixtures';

describe('watchLibrary', () => {
  it('calls back when a reading is recorded, not for the first look', async () => {
    const db = freshDb();
    const changed = vi.fn();
    const failed = vi.fn();
    const stop = watchLibrary(changed, failed, db);
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(changed).not.toHaveBeenCalled();
      await recordReading('https://news.example/1', analysis('خبر', 'نص', []), db);
      await vi.waitFor(() => expect(changed).toHaveBeenCalled());
      expect(failed).not.toHaveBeenCalled();
    } finally {
      stop();
    }
  });
});
