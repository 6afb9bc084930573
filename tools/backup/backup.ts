// Writes the whole database to one gzip-compressed file (`npm run backup`),
// read back by restore.ts. Plain `pg`, no Prisma client: the backup must copy
// every table as PostgreSQL holds it, including tables the client does not
// model (rate_limits) and columns it cannot read (tsvector).
//
// The file, once decompressed (format version 1):
//
//   {"format":"demarche-backup","version":1,...}          one line of JSON: the header
//   COPY "Actor" ("id", "name", ...) FROM stdin;           a table's section starts
//   1\tIgla-S\t...                                         its rows, COPY text format
//   \.                                                     its section ends
//   ...                                                    every other table, same order as the header
//   {"end":"demarche-backup","tables":23,"rows":12345}     the trailer: the file is whole
//
// COPY's text format escapes backslashes, tabs and newlines inside values, so
// no row can be the line `\.`: that line ends a section unambiguously (as in
// pg_dump's plain format, which this resembles on purpose: a decompressed
// backup is readable with less).
//
// The header lists the applied Prisma migrations (restore refuses a schema
// other than the backup's), each table's copied columns and row count
// (restore checks what it loaded against them) and each id sequence's value
// (so that ids of rows deleted before the backup are not handed out again).
// Generated columns (the `search` tsvectors) are left out: COPY cannot write
// them, and PostgreSQL recomputes them on load. The derived `dashboard`
// schema is left out too: restore rebuilds it from the requests.
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";

export const BACKUP_FORMAT = "demarche-backup";
export const BACKUP_VERSION = 1;

export type BackupTable = { name: string; columns: string[]; rows: number };
export type BackupSequence = {
  table: string;
  column: string;
  /** bigint as text: JSON numbers lose precision past 2^53. */
  lastValue: string;
  isCalled: boolean;
};
export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** PostgreSQL's version string of the database backed up (for people; restore ignores it). */
  server: string;
  /** Names of the finished Prisma migrations, in name (= application) order. */
  migrations: string[];
  tables: BackupTable[];
  sequences: BackupSequence[];
};
export type BackupTrailer = { end: typeof BACKUP_FORMAT; tables: number; rows: number };

export type BackupSummary = { file: string; bytes: number; tables: { name: string; rows: number }[]; rows: number; seconds: number };

/** Tables never backed up: Prisma's own bookkeeping (restore's migrate step writes it). */
export const SKIPPED_TABLES = ["_prisma_migrations"] as const;

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The line that opens a table's section (restore expects exactly this). */
export function sectionStart(table: Pick<BackupTable, "name" | "columns">): string {
  return `COPY ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(", ")}) FROM stdin;`;
}

export const SECTION_END = "\\.";

/**
 * Session settings for both directions, so that the text of dates, times and
 * numbers means the same on the way out and the way in whatever the two
 * servers' defaults are (pg_dump pins the same ones).
 */
export const SESSION_SETTINGS = [
  "SET LOCAL client_encoding = 'UTF8'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL extra_float_digits = 3",
  "SET LOCAL bytea_output = 'hex'",
  "SET LOCAL statement_timeout = 0",
] as const;

export type CatalogTable = { name: string; columns: string[]; primaryKey: string[] };

/**
 * Every ordinary table of the `public` schema but Prisma's bookkeeping, in
 * name order, with the columns COPY can write (not generated ones) in column
 * order and the primary key's columns in key order.
 */
export async function readCatalogTables(client: pg.ClientBase): Promise<CatalogTable[]> {
  const r = await client.query<{ name: string; columns: string[] | null; primary_key: string[] | null }>(
    `SELECT c.relname AS name,
            (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
            (SELECT array_agg(a.attname::text ORDER BY k.n) FROM pg_index i
               CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
              WHERE i.indrelid = c.oid AND i.indisprimary) AS primary_key
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> ALL($1)
      ORDER BY c.relname COLLATE "C"`,
    [SKIPPED_TABLES],
  );
  return r.rows.map((row) => ({ name: row.name, columns: row.columns ?? [], primaryKey: row.primary_key ?? [] }));
}

/** The finished Prisma migrations; null when the database has never been migrated. */
export async function readMigrations(client: pg.ClientBase): Promise<string[] | null> {
  const exists = await client.query<{ ok: boolean }>(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS ok`);
  if (!exists.rows[0]?.ok) return null;
  const r = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM public._prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name COLLATE "C"`,
  );
  return r.rows.map((row) => row.name);
}

export type OwnedSequence = { table: string; column: string; sequence: string };

/** Sequences owned by a column of a public table (serial and identity columns). */
export async function readOwnedSequences(client: pg.ClientBase): Promise<OwnedSequence[]> {
  const r = await client.query<OwnedSequence>(
    `SELECT t.relname AS "table", a.attname AS "column", s.oid::regclass::text AS sequence
       FROM pg_depend d
       JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
       JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
        AND d.deptype IN ('a', 'i') AND n.nspname = 'public' AND t.relname <> ALL($1)
      ORDER BY t.relname COLLATE "C", a.attname COLLATE "C"`,
    [SKIPPED_TABLES],
  );
  return r.rows;
}

function countNewlines(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

/** YYYYMMDD-HHMMSS in UTC, for default file names. */
export function backupTimestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

export type BackupOptions = { log?: (line: string) => void };

/**
 * Backs up the database at `url` into `file` (which must not exist). Written
 * to a temporary name beside it and renamed when complete, so that `file`
 * exists only once it is a whole backup. Readable by its owner only: it holds
 * the users' password hashes and the audit trail.
 */
export async function backupDatabase(url: string, file: string, options: BackupOptions = {}): Promise<BackupSummary> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  if (fs.existsSync(file)) throw new Error(`${file} exists already: choose another file name or remove it first.`);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;

  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  // Level 3: twice as fast as the default 6 on this data, for a file 15% larger.
  const gzip = createGzip({ level: 3 });
  const written = pipeline(gzip, fs.createWriteStream(partial, { flags: "wx", mode: 0o600 }));
  written.catch(() => {}); // awaited in write() and at the end
  const write = async (data: string | Buffer) => {
    // A failed file write (disk full) destroys gzip: never wait for a drain that will not come.
    if (gzip.destroyed) {
      await written;
      throw new Error(`Writing ${partial} stopped.`);
    }
    if (!gzip.write(data)) await Promise.race([once(gzip, "drain"), written]);
  };
  try {
    // One snapshot for every table: rows that reference each other stay consistent
    // while the app keeps writing.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    for (const setting of SESSION_SETTINGS) await client.query(setting);
    const migrations = await readMigrations(client);
    if (migrations === null) {
      throw new Error("This database has no Demarche schema (no _prisma_migrations table): nothing to back up. Run npm run db:migrate first.");
    }
    const catalog = await readCatalogTables(client);
    // No migration may change a table between its listing and its COPY.
    if (catalog.length > 0) await client.query(`LOCK TABLE ${catalog.map((t) => quoteIdent(t.name)).join(", ")} IN ACCESS SHARE MODE`);
    const tables: BackupTable[] = [];
    for (const t of catalog) {
      const n = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(t.name)}`);
      tables.push({ name: t.name, columns: t.columns, rows: Number(n.rows[0]!.n) });
    }
    const sequences: BackupSequence[] = [];
    for (const s of await readOwnedSequences(client)) {
      const v = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${s.sequence}`);
      sequences.push({ table: s.table, column: s.column, lastValue: v.rows[0]!.last_value, isCalled: v.rows[0]!.is_called });
    }
    const server = (await client.query<{ v: string }>("SELECT version() AS v")).rows[0]!.v;
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      server,
      migrations,
      tables,
      sequences,
    };
    await write(`${JSON.stringify(header)}\n`);

    for (const [i, t] of catalog.entries()) {
      const expected = tables[i]!.rows;
      const order = t.primaryKey.length > 0 ? ` ORDER BY ${t.primaryKey.map(quoteIdent).join(", ")}` : "";
      const select = `SELECT ${t.columns.map(quoteIdent).join(", ")} FROM ${quoteIdent(t.name)}${order}`;
      await write(`${sectionStart(t)}\n`);
      const stream = client.query(copyTo(`COPY (${select}) TO STDOUT`));
      let rows = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        rows += countNewlines(chunk);
        await write(chunk);
      }
      await write(`${SECTION_END}\n`);
      // Same snapshot, so a difference means a bug here, not a concurrent writer.
      if (rows !== expected) throw new Error(`${t.name}: counted ${expected} rows but COPY gave ${rows}.`);
      log(`${t.name}: ${rows.toLocaleString("en")} rows`);
    }
    const total = tables.reduce((sum, t) => sum + t.rows, 0);
    const trailer: BackupTrailer = { end: BACKUP_FORMAT, tables: tables.length, rows: total };
    await write(`${JSON.stringify(trailer)}\n`);
    await client.query("COMMIT");
    gzip.end();
    await written;
    // On disk before it gets its final name: a crash must not leave a short file that looks whole.
    const handle = await fs.promises.open(partial, "r+");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    fs.renameSync(partial, file);
    return {
      file,
      bytes: fs.statSync(file).size,
      tables: tables.map((t) => ({ name: t.name, rows: t.rows })),
      rows: total,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    gzip.destroy();
    await written.catch(() => {});
    fs.rmSync(partial, { force: true });
    // No ROLLBACK: after an interrupted COPY it would wait for ever behind it.
    // Closing the connection (below) ends the transaction just as well.
    const e = error as NodeJS.ErrnoException;
    if (e.syscall) throw new Error(`Cannot write the backup to ${file} (${e.message}); nothing was kept.`);
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}
