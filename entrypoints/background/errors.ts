// What the reader is told when the disk is full, shared by the dispatcher and the writes that outlive a reply.

/** What the reader is told when the disk is full; every write is one transaction, so nothing was half-saved. */
export const QUOTA_MESSAGE = 'storage is full: nothing was saved (free disk space, or clear the cache in the settings)';

/** Whether a failed write failed because the disk or the origin's quota is full (Dexie wraps the DOMException). */
export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}
