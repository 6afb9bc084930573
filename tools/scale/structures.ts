// Secondary indexes and foreign keys dropped for a bulk load and recreated
// afterwards exactly as they were (from pg_get_indexdef and
// pg_get_constraintdef). Recreating a foreign key checks every row in one
// join, much cheaper than a trigger per inserted row.
//
// Before anything is dropped, the definitions are written to a file under
// .data/generate-large/ (one per database); the file is removed once every
// structure is back. A run that was killed halfway leaves the file, and the
// next run (or `restorePendingStructures`) recreates what is missing first.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type pg from "pg";
import { projectRoot } from "@/tools/postgres/prisma-cli";

export type SavedIndex = { table: string; name: string; def: string };
export type SavedForeignKey = { table: string; name: string; def: string };
export type SavedStructures = { indexes: SavedIndex[]; foreignKeys: SavedForeignKey[] };

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Indexes that back no constraint (primary keys stay), and the foreign keys of `tables`. */
export async function readStructures(client: pg.ClientBase, tables: readonly string[]): Promise<SavedStructures> {
  const indexes = await client.query<SavedIndex>(
    `SELECT t.relname AS "table", ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND t.relname = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY t.relname, ic.relname`,
    [tables],
  );
  const foreignKeys = await client.query<SavedForeignKey>(
    `SELECT t.relname AS "table", c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND c.contype = 'f' AND t.relname = ANY($1)
      ORDER BY t.relname, c.conname`,
    [tables],
  );
  return { indexes: indexes.rows, foreignKeys: foreignKeys.rows };
}

/**
 * Where the definitions of a database's dropped structures wait until they
 * are back: keyed by the cluster's system identifier and the database name
 * (the embedded cluster's port may change from one run to the next), or by
 * host and port when the identifier cannot be read.
 */
export async function pendingFile(client: pg.ClientBase, url: string): Promise<string> {
  const u = new URL(url);
  let cluster = `${u.hostname}:${u.port || "5432"}`;
  try {
    const r = await client.query<{ id: string }>(`SELECT system_identifier::text AS id FROM pg_control_system()`);
    cluster = r.rows[0]!.id;
  } catch {
    // not allowed for this role: keep host and port
  }
  const database = (await client.query<{ db: string }>(`SELECT current_database() AS db`)).rows[0]!.db;
  const key = createHash("sha256").update(`${cluster}/${database}`).digest("hex").slice(0, 16);
  return path.join(projectRoot, ".data", "generate-large", `${key}.json`);
}

export async function dropStructures(client: pg.ClientBase, saved: SavedStructures, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(saved, null, 1));
  for (const fk of saved.foreignKeys) {
    await client.query(`ALTER TABLE ${quote(fk.table)} DROP CONSTRAINT ${quote(fk.name)}`);
  }
  for (const index of saved.indexes) {
    await client.query(`DROP INDEX ${quote(index.name)}`);
  }
}

async function missing(client: pg.ClientBase, saved: SavedStructures): Promise<SavedStructures> {
  const indexes: SavedIndex[] = [];
  for (const index of saved.indexes) {
    const r = await client.query(`SELECT to_regclass($1) IS NULL AS gone`, [quote(index.name)]);
    if (r.rows[0].gone) indexes.push(index);
  }
  const foreignKeys: SavedForeignKey[] = [];
  for (const fk of saved.foreignKeys) {
    const r = await client.query(`SELECT NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = $1 AND conrelid = to_regclass($2)) AS gone`, [
      fk.name,
      quote(fk.table),
    ]);
    if (r.rows[0].gone) foreignKeys.push(fk);
  }
  return { indexes, foreignKeys };
}

/** Runs `work` over `items` with one worker per client, biggest first. */
async function inLanes<T>(clients: pg.ClientBase[], items: T[], work: (client: pg.ClientBase, item: T) => Promise<void>): Promise<Error[]> {
  const queue = [...items];
  const errors: Error[] = [];
  await Promise.all(
    clients.map(async (client) => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        for (let attempt = 1; ; attempt++) {
          try {
            await work(client, item);
            break;
          } catch (error) {
            // Two lanes may deadlock on the same referenced table: try again.
            if ((error as { code?: string }).code === "40P01" && attempt < 5) continue;
            errors.push(error as Error);
            break;
          }
        }
      }
    }),
  );
  return errors;
}

/**
 * Recreates whatever of `saved` is missing, spread over the given
 * connections (each statement commits on its own), the largest tables first.
 * Removes the pending file once everything is back; throws otherwise.
 */
export async function recreateStructures(
  clients: pg.ClientBase[],
  saved: SavedStructures,
  file: string | null,
  log: (line: string) => void = () => {},
): Promise<void> {
  const todo = await missing(clients[0]!, saved);
  const sizes = new Map<string, number>();
  const tables = [...new Set([...todo.indexes, ...todo.foreignKeys].map((s) => s.table))];
  for (const table of tables) {
    const r = await clients[0]!.query<{ size: string }>(`SELECT pg_relation_size(to_regclass($1)) AS size`, [quote(table)]);
    sizes.set(table, Number(r.rows[0]!.size));
  }
  // GIN builds are the slowest by far: start them first.
  const cost = (s: SavedIndex) => (sizes.get(s.table) ?? 0) * (/USING gin/i.test(s.def) ? 8 : 1);
  let started = Date.now();
  const indexErrors = await inLanes(
    clients,
    [...todo.indexes].sort((a, b) => cost(b) - cost(a)),
    async (client, index) => {
      await client.query(index.def);
    },
  );
  log(`recreated ${todo.indexes.length - indexErrors.length} indexes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  started = Date.now();
  const fkErrors = await inLanes(
    clients,
    [...todo.foreignKeys].sort((a, b) => (sizes.get(b.table) ?? 0) - (sizes.get(a.table) ?? 0)),
    async (client, fk) => {
      await client.query(`ALTER TABLE ${quote(fk.table)} ADD CONSTRAINT ${quote(fk.name)} ${fk.def}`);
    },
  );
  log(`recreated and checked ${todo.foreignKeys.length - fkErrors.length} foreign keys in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const errors = [...indexErrors, ...fkErrors];
  if (errors.length > 0) {
    throw new Error(
      `Could not recreate ${errors.length} indexes or foreign keys (their definitions are kept in ${file}; the next run retries): ${errors.map((e) => e.message).join("; ")}`,
    );
  }
  if (file) fs.rmSync(file, { force: true });
}

/** Recreates what an interrupted earlier run left dropped in this database. */
export async function restorePendingStructures(clients: pg.ClientBase[], url: string, log: (line: string) => void = () => {}): Promise<void> {
  const file = await pendingFile(clients[0]!, url);
  if (!fs.existsSync(file)) return;
  log(`An earlier run was interrupted: recreating the indexes and foreign keys it had dropped (${file}).`);
  const saved = JSON.parse(fs.readFileSync(file, "utf8")) as SavedStructures;
  await recreateStructures(clients, saved, file, log);
}
