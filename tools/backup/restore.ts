// Loads a backup written by backup.ts (`npm run restore -- FILE`) into an
// empty database, or, with `force`, into one whose rows it deletes first.
//
// In order, stopping at the first problem with a message that says what to do:
// 1. The file's header must be a Demarche backup of a format version this code
//    reads. Nothing has touched the target yet.
// 2. The target must be empty (every table without rows) unless forced.
// 3. The target is migrated (prisma migrate deploy and the dashboard's
//    rollups: an empty database gets the whole schema), and its migrations
//    must then be exactly the backup's, and its tables and columns the
//    backup's.
// 4. One transaction: every table locked, emptied if forced (TRUNCATE ...
//    RESTART IDENTITY CASCADE), the foreign keys and secondary indexes dropped,
//    the triggers of the loaded tables disabled, every table loaded with COPY
//    straight from the decompressing stream, each table's row count checked
//    against the header, then the indexes and foreign keys recreated as they
//    were (which checks every row against them at once), the triggers
//    enabled, the sequences set, the dashboard rebuilt. Any failure (a
//    truncated or damaged file, a row that breaks a constraint) rolls all of
//    it back: the target is as it was before, with its old rows if forced.
// 5. VACUUM ANALYZE of every table (statistics and visibility map for the
//    planner, as after any bulk load).
//
// Why drop the foreign keys rather than load in dependency order: rows refer
// to rows of their own table (DiplomaticRequest.followUpOfId) and tables refer
// to each other both ways (User and every record's createdById), so no table
// order works, and deferring the checks needs DEFERRABLE constraints (Prisma
// makes none) while session_replication_role needs a superuser. Dropping and
// re-adding them needs only the tables' owner, and re-adding checks every
// row in one join, which is also faster than a check per row. The triggers
// are off during the load because the backup holds their effects already
// (their only job today is the dashboard's counts, rebuilt at the end).
import fs from "node:fs";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { z } from "zod";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  quoteIdent,
  readCatalogTables,
  readMigrations,
  readOwnedSequences,
  sectionStart,
  SESSION_SETTINGS,
  type BackupHeader,
  type CatalogTable,
} from "@/tools/backup/backup";
import { migrateDeploy } from "@/tools/postgres/prisma-cli";
import { readStructures } from "@/tools/scale/structures";

/** A restore that was refused or failed for a reason the user can act on (the message says which). */
export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RestoreError";
  }
}

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  server: z.string(),
  migrations: z.array(z.string().min(1)),
  tables: z.array(z.object({ name: z.string().min(1), columns: z.array(z.string().min(1)).min(1), rows: z.number().int().nonnegative() })),
  sequences: z.array(z.object({ table: z.string(), column: z.string(), lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() })),
});

const trailerSchema = z.object({ end: z.literal(BACKUP_FORMAT), tables: z.number().int(), rows: z.number().int() });

/** No line of a header or section start comes near this; a file without newlines must not be read whole. */
const MAX_LINE = 64 * 1024 * 1024;

const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;
const DOT = 0x2e;

/**
 * Reads the decompressed backup: whole lines for the header, section starts
 * and trailer, and each section's rows as raw chunks for COPY (never split
 * into lines in JavaScript: memory stays at a chunk or two whatever the size).
 */
class BackupReader {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  private eof = false;
  private readonly chunks: AsyncIterator<Buffer>;
  /** What is being read, for error messages. */
  where = "the header";

  constructor(
    private readonly file: string,
    private readonly source: Readable,
  ) {
    this.chunks = (source as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  /** Appends the next chunk to what is left; false at the end of the file. */
  private async fill(): Promise<boolean> {
    if (this.eof) return false;
    let next: IteratorResult<Buffer>;
    try {
      next = await this.chunks.next();
    } catch (error) {
      throw this.readError(error);
    }
    if (next.done) {
      this.eof = true;
      return false;
    }
    const rest = this.buf.subarray(this.pos);
    this.buf = rest.length > 0 ? Buffer.concat([rest, next.value]) : next.value;
    this.pos = 0;
    return true;
  }

  private readError(error: unknown): Error {
    const e = error as NodeJS.ErrnoException;
    if (e.code === "ENOENT") return new RestoreError(`${this.file}: no such file.`);
    if (e.code === "EISDIR") return new RestoreError(`${this.file} is a directory, not a backup file.`);
    if (e.code === "Z_DATA_ERROR" && this.where === "the header" && this.buf.length === 0) {
      return new RestoreError(`${this.file} is not a Demarche backup (not a gzip-compressed file).`);
    }
    if (typeof e.code === "string" && e.code.startsWith("Z_")) {
      return new RestoreError(`${this.file} is truncated or damaged (${e.message}, in ${this.where}): nothing was restored.`);
    }
    return new RestoreError(`Cannot read ${this.file}: ${e.message}`);
  }

  /** The next line without its newline; null at the end of the file. */
  async readLine(): Promise<string | null> {
    let scanned = 0; // bytes after pos known to hold no newline
    for (;;) {
      const nl = this.buf.indexOf(NEWLINE, this.pos + scanned);
      if (nl !== -1) {
        const line = this.buf.toString("utf8", this.pos, nl);
        this.pos = nl + 1;
        return line;
      }
      scanned = this.buf.length - this.pos;
      if (scanned > MAX_LINE) throw new RestoreError(`${this.file} is not a Demarche backup (no line break in ${MAX_LINE} bytes).`);
      // fill() moves what is left to the start of the buffer.
      if (!(await this.fill())) {
        if (scanned === 0) return null;
        throw new RestoreError(`${this.file} is truncated (it ends inside ${this.where}): nothing was restored.`);
      }
    }
  }

  /**
   * Passes a section's rows to `write`, up to the line `\.` (consumed, not
   * passed on), in chunks of whole lines or longer; returns the number of rows.
   */
  async copySection(write: (chunk: Buffer) => Promise<void>): Promise<number> {
    let rows = 0;
    let p = this.pos; // bytes before p are rows to pass on; p is at a line start unless midLine
    let midLine = false;
    for (;;) {
      const nl = this.buf.indexOf(NEWLINE, p);
      if (nl === -1) {
        const tail = this.buf.length - p;
        // Up to two bytes at a line start may be the start of `\.` and wait for
        // the next chunk; anything longer without a newline is row data.
        const keep = midLine || tail >= 3 ? this.buf.length : p;
        if (keep > p) midLine = true;
        if (keep > this.pos) await write(this.buf.subarray(this.pos, keep));
        this.pos = keep;
        if (!(await this.fill())) {
          throw new RestoreError(`${this.file} is truncated (it ends inside ${this.where}): nothing was restored.`);
        }
        p = this.pos;
        continue;
      }
      if (!midLine && nl === p + 2 && this.buf[p] === BACKSLASH && this.buf[p + 1] === DOT) {
        if (p > this.pos) await write(this.buf.subarray(this.pos, p));
        this.pos = nl + 1;
        return rows;
      }
      rows++;
      midLine = false;
      p = nl + 1;
    }
  }

  close(): void {
    this.source.destroy();
  }
}

function openBackup(file: string): BackupReader {
  const input = fs.createReadStream(file);
  const gunzip = createGunzip();
  // A read error (no such file) reaches the reader through the gunzip stream.
  input.on("error", (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  const reader = new BackupReader(file, gunzip);
  gunzip.on("close", () => input.destroy());
  return reader;
}

async function readHeaderFrom(reader: BackupReader, file: string): Promise<BackupHeader> {
  const line = await reader.readLine();
  if (line === null) throw new RestoreError(`${file} is empty: not a Demarche backup.`);
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new RestoreError(`${file} is not a Demarche backup (its first line is not a backup header).`);
  }
  const head = json as { format?: unknown; version?: unknown };
  if (typeof json !== "object" || json === null || head.format !== BACKUP_FORMAT) {
    throw new RestoreError(`${file} is not a Demarche backup (its header does not say format "${BACKUP_FORMAT}").`);
  }
  if (head.version !== BACKUP_VERSION) {
    throw new RestoreError(
      `${file} is a Demarche backup of format version ${String(head.version)}; this version of Demarche reads version ${BACKUP_VERSION} only.` +
        (typeof head.version === "number" && head.version > BACKUP_VERSION ? " Restore it with the newer Demarche that made it." : ""),
    );
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RestoreError(`${file} has a damaged header (${issue.path.join(".") || "header"}: ${issue.message}).`);
  }
  const names = parsed.data.tables.map((t) => t.name);
  if (new Set(names).size !== names.length) throw new RestoreError(`${file} has a damaged header (a table is listed twice).`);
  return parsed.data as BackupHeader;
}

/** The header of a backup file, validated; throws RestoreError on anything that is not a backup this code reads. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const reader = openBackup(file);
  try {
    return await readHeaderFrom(reader, file);
  } finally {
    reader.close();
  }
}

/** Why the backup's migrations and the database's differ, or null when they do not. */
export function migrationsDifference(backup: readonly string[], database: readonly string[]): string | null {
  const inDatabase = new Set(database);
  const inBackup = new Set(backup);
  const onlyBackup = backup.filter((m) => !inDatabase.has(m));
  const onlyDatabase = database.filter((m) => !inBackup.has(m));
  if (onlyBackup.length === 0 && onlyDatabase.length === 0) {
    return backup.join() === database.join() ? null : "The backup lists the same migrations as this database in another order.";
  }
  const parts: string[] = [];
  if (onlyBackup.length > 0) {
    parts.push(
      `the backup has ${onlyBackup.length} migration(s) that this version of Demarche does not (${onlyBackup.join(", ")}): ` +
        "it was made by a newer version; restore it with that version",
    );
  }
  if (onlyDatabase.length > 0) {
    parts.push(
      `this database has ${onlyDatabase.length} migration(s) that the backup does not (${onlyDatabase.join(", ")}): ` +
        "the backup was made by an older version; restore it with that version into an empty database, then upgrade (npm run db:migrate)",
    );
  }
  return `The backup's schema differs from this database's: ${parts.join("; ")}.`;
}

function tablesDifference(backup: BackupHeader["tables"], database: CatalogTable[]): string | null {
  const problems: string[] = [];
  const byName = new Map(database.map((t) => [t.name, t]));
  for (const t of backup) {
    const target = byName.get(t.name);
    if (!target) {
      problems.push(`table ${t.name} is in the backup but not in this database`);
      continue;
    }
    const want = [...t.columns].sort().join(", ");
    const have = [...target.columns].sort().join(", ");
    if (want !== have) problems.push(`table ${t.name} has columns (${want}) in the backup but (${have}) in this database`);
  }
  const inBackup = new Set(backup.map((t) => t.name));
  for (const t of database) if (!inBackup.has(t.name)) problems.push(`table ${t.name} is in this database but not in the backup`);
  return problems.length === 0 ? null : `The backup's tables differ from this database's although their migrations match: ${problems.join("; ")}.`;
}

async function tablesWithRows(client: pg.ClientBase, tables: readonly { name: string }[]): Promise<string[]> {
  const full: string[] = [];
  for (const t of tables) {
    const r = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(t.name)}) AS any`);
    if (r.rows[0]!.any) full.push(t.name);
  }
  return full;
}

function notEmpty(full: string[]): RestoreError {
  const shown = full.length > 5 ? `${full.slice(0, 5).join(", ")} and ${full.length - 5} more` : full.join(", ");
  return new RestoreError(
    `The database is not empty (${shown} hold rows): a restore would replace them. ` +
      "Restore into an empty database, or pass --force to delete every row of this one first.",
  );
}

/** COPY FROM STDIN of raw COPY text, waiting whenever the socket is full. */
function copyIn(client: pg.ClientBase, sql: string) {
  const stream = client.query(copyFrom(sql));
  let failure: Error | null = null;
  const finished = new Promise<void>((resolve, reject) => {
    stream.on("finish", () => resolve());
    stream.on("error", (error: Error) => {
      failure = error;
      reject(error);
    });
  });
  finished.catch(() => {}); // reported by write() or end()
  return {
    async write(chunk: Buffer): Promise<void> {
      if (failure) throw failure;
      if (stream.write(chunk)) return;
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          stream.off("error", onError);
          resolve();
        };
        const onError = (error: Error) => {
          stream.off("drain", onDrain);
          reject(error);
        };
        stream.once("drain", onDrain);
        stream.once("error", onError);
      });
    },
    async end(): Promise<number> {
      stream.end();
      await finished;
      return stream.rowCount;
    },
    /** PostgreSQL is sent CopyFail and discards the rows. */
    abort(error: Error): void {
      if (!stream.destroyed) stream.destroy(error);
    },
  };
}

/** A PostgreSQL error with what was being done, which its message often does not say. */
function describeDbError(error: unknown, what: string): Error {
  if (error instanceof RestoreError) return error;
  const e = error as { message?: string; detail?: string; where?: string };
  const detail = e.detail ? ` (${e.detail})` : "";
  return new RestoreError(`${what}: ${e.message ?? String(error)}${detail}. Nothing was restored.`);
}

export type RestoreOptions = {
  /** Delete every row of a non-empty target first (in the restore's transaction). */
  force?: boolean;
  log?: (line: string) => void;
};

export type RestoreSummary = {
  createdAt: string;
  tables: { name: string; rows: number }[];
  rows: number;
  /** Whether rows were deleted first (force, on a non-empty target). */
  replaced: boolean;
  seconds: number;
};

const LOCK_TIMEOUT = "10s";

export async function restoreBackup(file: string, url: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const header = await readBackupHeader(file);
  log(`Backup of ${header.createdAt}: ${header.tables.length} tables, ${header.tables.reduce((s, t) => s + t.rows, 0).toLocaleString("en")} rows.`);

  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new RestoreError(
      `Cannot connect to the target database (${(error as Error).message}). Create it first: an empty database is enough, the restore applies the schema.`,
    );
  }
  let reader: BackupReader | null = null;
  try {
    // Before migrating, so that refusing a non-empty database changes nothing in it.
    const before = await tablesWithRows(client, await readCatalogTables(client));
    if (before.length > 0 && !options.force) throw notEmpty(before);

    log("Applying the migrations to the target...");
    for (const line of (await migrateDeploy(url)).trim().split("\n")) if (line.trim()) log(line.trim());
    const migrations = (await readMigrations(client)) ?? [];
    const migrationProblem = migrationsDifference(header.migrations, migrations);
    if (migrationProblem) throw new RestoreError(migrationProblem);
    const catalog = await readCatalogTables(client);
    const tableProblem = tablesDifference(header.tables, catalog);
    if (tableProblem) throw new RestoreError(tableProblem);
    const all = catalog.map((t) => quoteIdent(t.name)).join(", ");

    await client.query("BEGIN");
    for (const setting of SESSION_SETTINGS) await client.query(setting);
    await client.query("SET LOCAL maintenance_work_mem = '512MB'");
    // Nobody reads a half-restored database or writes into one; a running app
    // makes the restore fail after a while instead of waiting for ever.
    await client.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    try {
      await client.query(`LOCK TABLE ${all} IN ACCESS EXCLUSIVE MODE`);
    } catch (error) {
      if ((error as { code?: string }).code === "55P03") {
        throw new RestoreError(`Could not lock the target's tables within ${LOCK_TIMEOUT}: something is using the database (a running app?). Stop it and try again.`);
      }
      throw error;
    }
    await client.query("SET LOCAL lock_timeout = 0");
    // Again under the lock: rows may have arrived since the first look.
    const full = await tablesWithRows(client, catalog);
    if (full.length > 0 && !options.force) throw notEmpty(full);
    if (full.length > 0) {
      await client.query(`TRUNCATE ${all} RESTART IDENTITY CASCADE`);
      log(`--force: the rows of ${full.length} tables are deleted in the restore's transaction (kept if the restore fails).`);
    }

    const structures = await readStructures(client, catalog.map((t) => t.name));
    for (const fk of structures.foreignKeys) await client.query(`ALTER TABLE ${quoteIdent(fk.table)} DROP CONSTRAINT ${quoteIdent(fk.name)}`);
    for (const index of structures.indexes) await client.query(`DROP INDEX ${quoteIdent(index.name)}`);
    const triggers = (
      await client.query<{ table: string; name: string }>(
        `SELECT c.relname AS "table", t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
          WHERE c.relname = ANY($1) AND c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal AND t.tgenabled <> 'D'
          ORDER BY 1, 2`,
        [catalog.map((t) => t.name)],
      )
    ).rows;
    for (const t of triggers) await client.query(`ALTER TABLE ${quoteIdent(t.table)} DISABLE TRIGGER ${quoteIdent(t.name)}`);

    reader = openBackup(file);
    await readHeaderFrom(reader, file);
    const loaded: { name: string; rows: number }[] = [];
    for (const t of header.tables) {
      reader.where = `the rows of ${t.name}`;
      const line = await reader.readLine();
      if (line === null) throw new RestoreError(`${file} is truncated (it ends before the rows of ${t.name}): nothing was restored.`);
      if (line !== sectionStart(t)) {
        throw new RestoreError(`${file} is damaged: where the rows of ${t.name} should start it has "${line.slice(0, 80)}". Nothing was restored.`);
      }
      const copy = copyIn(client, `COPY ${quoteIdent(t.name)} (${t.columns.map(quoteIdent).join(", ")}) FROM STDIN`);
      let rows: number;
      let copied: number;
      try {
        rows = await reader.copySection((chunk) => copy.write(chunk));
        copied = await copy.end();
      } catch (error) {
        copy.abort(error as Error);
        throw describeDbError(error, `Loading ${t.name} failed`);
      }
      if (rows !== t.rows || copied !== t.rows) {
        throw new RestoreError(
          `${file} is damaged: its header says ${t.name} has ${t.rows.toLocaleString("en")} rows, but the file holds ${rows.toLocaleString("en")}. Nothing was restored.`,
        );
      }
      loaded.push({ name: t.name, rows });
      log(`${t.name}: ${rows.toLocaleString("en")} rows`);
    }
    reader.where = "the trailer";
    const end = await reader.readLine();
    if (end === null) throw new RestoreError(`${file} is truncated (it ends before its trailer): nothing was restored.`);
    const total = loaded.reduce((sum, t) => sum + t.rows, 0);
    let trailer: z.infer<typeof trailerSchema> | null = null;
    try {
      trailer = trailerSchema.parse(JSON.parse(end));
    } catch {
      // reported below
    }
    if (!trailer || trailer.tables !== header.tables.length || trailer.rows !== total) {
      throw new RestoreError(`${file} is damaged: its trailer is missing or does not match its header. Nothing was restored.`);
    }
    // Reading to the end also makes gunzip check the file's CRC.
    if ((await reader.readLine()) !== null) throw new RestoreError(`${file} is damaged: it goes on after its trailer. Nothing was restored.`);
    reader.close();
    reader = null;

    log(`Recreating ${structures.indexes.length} indexes and ${structures.foreignKeys.length} foreign keys...`);
    for (const index of structures.indexes) {
      try {
        await client.query(index.def);
      } catch (error) {
        throw describeDbError(error, `The backup's rows of ${index.table} break index ${index.name}`);
      }
    }
    for (const fk of structures.foreignKeys) {
      try {
        await client.query(`ALTER TABLE ${quoteIdent(fk.table)} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.def}`);
      } catch (error) {
        throw describeDbError(error, `The backup's rows of ${fk.table} break foreign key ${fk.name}`);
      }
    }
    for (const t of triggers) await client.query(`ALTER TABLE ${quoteIdent(t.table)} ENABLE TRIGGER ${quoteIdent(t.name)}`);

    // Past the highest id, and past the backup's own value: ids of rows deleted
    // before the backup (that audit events may still name) are not reused.
    const saved = new Map(header.sequences.map((s) => [`${s.table}.${s.column}`, s]));
    for (const s of await readOwnedSequences(client)) {
      const b = saved.get(`${s.table}.${s.column}`);
      const floor = b?.isCalled ? b.lastValue : "0";
      await client.query(
        `SELECT setval($1::regclass, GREATEST(m.v, $2::bigint, 1), m.v > 0 OR $2::bigint > 0)
           FROM (SELECT COALESCE(max(${quoteIdent(s.column)}), 0)::bigint AS v FROM ${quoteIdent(s.table)}) m`,
        [s.sequence, floor],
      );
    }
    const dashboard = await client.query<{ ok: boolean }>(`SELECT to_regprocedure('dashboard.rebuild()') IS NOT NULL AS ok`);
    if (dashboard.rows[0]!.ok) await client.query("SELECT dashboard.rebuild()");
    await client.query("COMMIT");
    log(`Committed after ${((Date.now() - started) / 1000).toFixed(1)} s; vacuuming and analysing...`);

    try {
      for (const t of catalog) await client.query(`VACUUM (ANALYZE) ${quoteIdent(t.name)}`);
    } catch (error) {
      // The data is committed and whole; autovacuum will get there too.
      log(`VACUUM ANALYZE failed (${(error as Error).message}); the restore itself is complete.`);
    }
    return { createdAt: header.createdAt, tables: loaded, rows: total, replaced: full.length > 0, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    reader?.close();
    // No ROLLBACK: after an interrupted COPY it would wait behind it. Closing
    // the connection (below; pg drops it when a query is still running) rolls
    // the transaction back all the same.
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}
