// The reader's library: history, saved quotations, corrections, backup and storage status.
import browser from 'webextension-polyfill';
import type { FixView } from '../../messaging/library-protocol';
import { exportBackup, importBackup } from '../../storage/backup';
import { cacheDb, readerDb } from '../../storage/db';
import { clearAll, type SideStore, storageStatus } from '../../storage/durability';
import { exportQuotes } from '../../storage/exports';
import { addFix, type FixRow, listFixes, removeFix } from '../../storage/fixes';
import { findSavedQuotes, listSavedQuotes, savedForPage, saveQuote, unsaveQuote, updateSavedQuote, viewOf } from '../../storage/quotes';
import { actorTimeline, correctActor, deleteReading, forgetSite, listReadingsPage, searchHistory } from '../../storage/readings';
import type { Handlers } from './handlers';

/** browser.storage.local as the purge sentinel's second home (it is not evicted with IndexedDB). */
const sideStore: SideStore = {
  async get(key) {
    return (await browser.storage.local.get(key))[key];
  },
  async set(key, value) {
    await browser.storage.local.set({ [key]: value });
  },
};

function viewOfFix(row: FixRow): FixView {
  return { id: row.id, kind: row.kind, label: row.label, site: row.site, type: row.type, speaker: row.speaker, at: row.at };
}

export const libraryHandlers = {
  async saveQuote(r) {
    return saveQuote(r);
  },
  async unsaveQuote(r) {
    return { removed: await unsaveQuote(r.id) };
  },
  async updateSavedQuote(r) {
    return updateSavedQuote(r.id, { note: r.note, tags: r.tags });
  },
  async listSavedQuotes(r) {
    return listSavedQuotes(r);
  },
  async savedForPage(r) {
    return savedForPage(r);
  },
  async listReadings(r) {
    return listReadingsPage(r);
  },
  async searchHistory(r) {
    return searchHistory(r.query, r.limit);
  },
  async actorTimeline(r) {
    if (r.name === undefined && (r.readingId === undefined || r.actorId === undefined))
      throw new Error('a name or a reading actor is needed');
    return actorTimeline(r);
  },
  async correctActor(r) {
    const to = r.to && { name: r.to.name, type: r.to.type ?? null, knowledgeId: r.to.knowledgeId ?? null };
    return { corrected: await correctActor(r.name, to) };
  },
  async addFix(r) {
    return viewOfFix(await addFix(r.fix));
  },
  async removeFix(r) {
    return { removed: await removeFix(r.id) };
  },
  async listFixes() {
    return { items: (await listFixes()).map(viewOfFix) };
  },
  async deleteReading(r) {
    return deleteReading(r.id, r.withSavedQuotes ?? false);
  },
  async forgetSite(r) {
    return forgetSite(r.site);
  },
  async clearAll(r) {
    return clearAll(r.scope, { reader: readerDb(), cache: cacheDb() });
  },
  async exportBackup() {
    return exportBackup();
  },
  async importBackup(r) {
    return importBackup(r.json);
  },
  async exportQuotes(r) {
    const rows = await findSavedQuotes(r);
    return exportQuotes(rows.map(viewOf), r.format);
  },
  async storageStatus(r) {
    return storageStatus({ requestPersist: r.requestPersist, side: sideStore });
  },
} satisfies Partial<Handlers>;
