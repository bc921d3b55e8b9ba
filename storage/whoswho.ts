// The reader's own who's-who, read from the readings already stored: the roles each article gave an actor
// (the newest first) and the actors it appeared with. Every reading saved adds to it; nothing else is kept.

import { COUNTERPART } from '../nlp/lexicon';
import type { LocalWho, LocalWhoReader } from '../types/library';
import type { ReaderDb } from './db';

/** Companions listed per actor. */
const COMPANIONS = 5;

/** What the reader's readings say of the actor known by any of these name keys. */
async function localWho(reader: ReaderDb, keys: readonly string[]): Promise<LocalWho> {
  if (keys.length === 0) return { roles: [], companions: [] };
  const rows = await reader.readingActors
    .where('nameKeys')
    .anyOf([...keys])
    .distinct()
    .toArray();
  const roles: LocalWho['roles'] = [];
  for (const row of [...rows].sort((a, b) => b.readAt - a.readAt)) {
    // «نظيره» only means something beside its article's other actor.
    if (!row.role || COUNTERPART.test(row.role) || roles.some((r) => r.role === row.role)) continue;
    roles.push({ role: row.role, readAt: row.readAt });
  }
  const readingIds = [...new Set(rows.map((r) => r.readingId))];
  const own = new Set(rows.map((r) => `${r.readingId} ${r.actorId}`));
  const together = new Map<string, { readings: number; latest: number }>();
  for (const other of await reader.readingActors.where('readingId').anyOf(readingIds).toArray()) {
    if (own.has(`${other.readingId} ${other.actorId}`)) continue;
    const t = together.get(other.name) ?? { readings: 0, latest: 0 };
    t.readings++;
    t.latest = Math.max(t.latest, other.readAt);
    together.set(other.name, t);
  }
  const companions = [...together]
    .filter(([, t]) => t.readings >= 2)
    .sort((a, b) => b[1].readings - a[1].readings || b[1].latest - a[1].latest)
    .slice(0, COMPANIONS)
    .map(([name]) => name);
  return { roles, companions };
}

/** The reader's who's-who as the card builder takes it (knowledge/ never opens the database itself). */
export function localWhoReader(reader: ReaderDb): LocalWhoReader {
  return (keys) => localWho(reader, keys);
}
