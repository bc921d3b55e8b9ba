// Full backup of the reader's data (dexie-export-import's format) and a merge-only, all-or-nothing restore.
import { exportDB } from 'dexie-export-import';
import * as v from 'valibot';
import type { ImportReport } from '../types/library';
import { READER_DB_NAME, READER_VERSIONS, type ReaderDb, readerDb } from './db';

/** Tables a backup carries, with how each row's primary key is read. Meta (the purge sentinel) stays local. */
const TABLE_KEYS = {
  readings: (r: Record<string, unknown>) => r.id,
  readingActors: (r: Record<string, unknown>) => [r.readingId, r.actorId],
  readingQuotes: (r: Record<string, unknown>) => [r.readingId, r.index],
  savedQuotes: (r: Record<string, unknown>) => r.id,
  corrections: (r: Record<string, unknown>) => r.nameKey,
  choices: (r: Record<string, unknown>) => r.nameKey,
  fixes: (r: Record<string, unknown>) => r.id,
} as const;
type BackupTable = keyof typeof TABLE_KEYS;

const str = v.string();
/** Links the panel and exports will offer: a backup must not smuggle in javascript: or data: addresses. */
const webUrl = v.pipe(v.string(), v.regex(/^https?:\/\//i, 'not a web address'));
const num = v.number();
const strs = v.array(v.string());
/** The fields every row must have for the app to use it; anything else in a row is kept as is. */
const ROW_SCHEMAS: Record<BackupTable, v.GenericSchema> = {
  readings: v.looseObject({
    id: str,
    pageKey: str,
    urlKeys: strs,
    url: webUrl,
    site: str,
    readAt: num,
    firstReadAt: num,
    searchKeys: strs,
  }),
  readingActors: v.looseObject({ readingId: str, actorId: str, name: str, nameKeys: strs, mentions: num, readAt: num }),
  readingQuotes: v.looseObject({ readingId: str, index: num, text: str, start: num, end: num, speakerKeys: strs, readAt: num }),
  savedQuotes: v.looseObject({
    id: str,
    readingId: str,
    pageKey: str,
    url: webUrl,
    site: str,
    exact: str,
    prefix: str,
    suffix: str,
    start: num,
    end: num,
    note: str,
    tags: strs,
    savedAt: num,
    updatedAt: num,
  }),
  corrections: v.looseObject({ nameKey: str, name: str, to: v.looseObject({ name: str }), at: num }),
  choices: v.looseObject({ nameKey: str, name: str, qid: v.nullable(str), at: num }),
  fixes: v.looseObject({
    id: str,
    kind: v.picklist(['not-name', 'type', 'hide', 'not-quote', 'speaker']),
    key: str,
    label: str,
    site: v.nullable(str),
    at: num,
  }),
};

const FileSchema = v.object({
  formatName: v.literal('dexie'),
  formatVersion: v.literal(1),
  data: v.object({
    databaseName: v.string(),
    databaseVersion: v.number(),
    tables: v.array(v.object({ name: v.string(), schema: v.string(), rowCount: v.number() })),
    data: v.array(v.object({ tableName: v.string(), inbound: v.boolean(), rows: v.array(v.unknown()) })),
  }),
});

class BackupError extends Error {
  override name = 'BackupError';
}

/** The whole reader database as a backup file's text. */
export async function exportBackup(db: ReaderDb = readerDb(), now = Date.now()): Promise<{ fileName: string; json: string }> {
  await db.open();
  const blob = await exportDB(db, { skipTables: ['meta'] });
  // The file names the reader database by its product name, whatever this instance is called (tests, profiles).
  const file = JSON.parse(await blob.text()) as { data: { databaseName: string } };
  file.data.databaseName = READER_DB_NAME;
  return { fileName: `siyaq-backup-${new Date(now).toISOString().slice(0, 10)}.json`, json: JSON.stringify(file) };
}

/**
 * dexie-export-import marks some values with Typeson "$types" (arrays may be tagged "arrayNonindexKeys",
 * which JSON already restores as plain arrays). The reader's rows hold plain JSON only, so any other tag
 * means the file was not made by Siyaq.
 */
function plainRow(row: unknown): unknown {
  if (!row || typeof row !== 'object' || !('$types' in row)) return row;
  const { $types, ...rest } = row as Record<string, unknown>;
  const tags = $types && typeof $types === 'object' ? Object.values($types) : [$types];
  return tags.every((t) => t === 'arrayNonindexKeys') ? rest : null;
}

/** Check a backup file completely before anything is written; throws BackupError saying what is wrong. */
function parseBackup(json: string): Map<BackupTable, Record<string, unknown>[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new BackupError('this file is not a Siyaq backup: it is not valid JSON (damaged or cut short?)');
  }
  const file = v.safeParse(FileSchema, raw);
  if (!file.success) throw new BackupError('this file is not a Siyaq backup: it is not a database export');
  const { databaseName, databaseVersion, data } = file.output.data;
  if (databaseName !== READER_DB_NAME) throw new BackupError(`this file is a backup of another database ("${databaseName.slice(0, 60)}")`);
  const current = READER_VERSIONS[READER_VERSIONS.length - 1]?.version ?? 1;
  if (databaseVersion > current) throw new BackupError('this backup was made by a newer version of Siyaq; update the extension first');
  const tables = new Map<BackupTable, Record<string, unknown>[]>();
  for (const t of data) {
    if (t.tableName === 'meta') continue;
    if (!(t.tableName in TABLE_KEYS)) throw new BackupError(`this backup has an unknown table "${t.tableName.slice(0, 60)}"`);
    const name = t.tableName as BackupTable;
    const rows: Record<string, unknown>[] = [];
    for (const [i, row] of t.rows.entries()) {
      const ok = v.safeParse(ROW_SCHEMAS[name], plainRow(row));
      if (!ok.success) throw new BackupError(`this backup is damaged: row ${i + 1} of "${name}" is incomplete`);
      rows.push(ok.output as Record<string, unknown>);
    }
    tables.set(name, [...(tables.get(name) ?? []), ...rows]);
  }
  return tables;
}

/**
 * Restore a backup into the reader's data: rows already present are kept as they are, missing ones are
 * added, all in one transaction. Restoring the same file twice adds nothing the second time; a corrupt or
 * foreign file is rejected before anything is written.
 */
export async function importBackup(json: string, db: ReaderDb = readerDb()): Promise<ImportReport> {
  const tables = parseBackup(json);
  const report: ImportReport = { added: {}, skipped: {} };
  const names = [...tables.keys()];
  await db.transaction(
    'rw',
    names.map((n) => db.table(n)),
    async () => {
      for (const name of names) {
        const rows = tables.get(name) ?? [];
        const table = db.table(name);
        const keys = rows.map((r) => TABLE_KEYS[name](r));
        const existing = await table.bulkGet(keys as never[]);
        const fresh = rows.filter((_, i) => existing[i] === undefined);
        // Two copies of one row inside the file count once.
        const unique = [...new Map(fresh.map((r) => [JSON.stringify(TABLE_KEYS[name](r)), r])).values()];
        await table.bulkAdd(unique);
        report.added[name] = unique.length;
        report.skipped[name] = rows.length - unique.length;
      }
    },
  );
  return report;
}
