// The reader's library: history, saved quotations, corrections, backup and storage status.
import type { Handlers } from './handlers';

const pending = async (): Promise<never> => {
  throw new Error('not available yet');
};

export const libraryHandlers = {
  saveQuote: pending,
  unsaveQuote: pending,
  updateSavedQuote: pending,
  listSavedQuotes: pending,
  savedForPage: pending,
  listReadings: pending,
  searchHistory: pending,
  actorTimeline: pending,
  correctActor: pending,
  deleteReading: pending,
  forgetSite: pending,
  clearAll: pending,
  exportBackup: pending,
  importBackup: pending,
  exportQuotes: pending,
  storageStatus: pending,
} satisfies Partial<Handlers>;
