// Backup and restore (lib/backup/): a seeded database plus generated records
// goes through a backup file into a fresh, empty database (not cloned from
// the migrated template, so that the restore's own migrate step runs) and
// comes out the same, table by table, for every table the catalog has (a new
// table is covered without touching this file). Then every refusal: a
// non-empty target, a truncated or damaged file, a file that is not a backup,
// another schema; each leaves the target as it was.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, readMigrations, type BackupHeader } from "@/tools/backup/backup";
import { readBackupHeader, restoreBackup } from "@/tools/backup/restore";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { createDatabase, databaseUrl, dropDatabase, withClient } from "@/tools/postgres/admin";
import { generateLarge } from "@/tools/scale/generate";
import { seed } from "@/tools/seed/load";
import { createMigratedDatabase, freshDatabaseName, serverUrl } from "@/tests/helpers/db";

const REQUESTS = 2_000;
const SEED = 42;
const AS_OF = new Date("2026-11-01T00:00:00Z");

// Values that COPY's text format must escape, and one that looks like the
// end of a section or the start of one.
const AWKWARD = ["\\.", "tab\there", "line\nbreak\r\n", "back\\slash", 'COPY "User" ("id") FROM stdin;', "Ünïcødé — 東京 🚀", "\\N", ""];

const databases: string[] = [];
const clients: Db[] = [];
let dir: string;
let file: string;
let source: string;
let sourceDb: Db;

async function freshEmptyDatabase(label: string): Promise<string> {
  const name = freshDatabaseName(label);
  await createDatabase(serverUrl(), name);
  databases.push(name);
  return databaseUrl(serverUrl(), name);
}

async function migratedDatabase(label: string): Promise<string> {
  const url = await createMigratedDatabase(label);
  databases.push(new URL(url).pathname.slice(1));
  return url;
}

/** Row count and a digest of the whole rows (generated columns included), per table, for every table of the catalog. */
async function tableDigests(url: string): Promise<Record<string, { rows: number; md5: string | null }>> {
  return withClient(url, async (c) => {
    const tables = await c.query<{ name: string; pk: string[] | null }>(
      `SELECT t.relname AS name,
              (SELECT array_agg(quote_ident(a.attname) ORDER BY k.n) FROM pg_index i
                 CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                WHERE i.indrelid = t.oid AND i.indisprimary) AS pk
         FROM pg_class t
        WHERE t.relnamespace = 'public'::regnamespace AND t.relkind IN ('r', 'p') AND t.relname <> '_prisma_migrations'
        ORDER BY 1`,
    );
    const out: Record<string, { rows: number; md5: string | null }> = {};
    for (const t of tables.rows) {
      const order = (t.pk ?? []).map((col) => `x.${col}`).join(", ") || "x::text";
      const r = await c.query<{ rows: number; md5: string | null }>(
        `SELECT count(*)::int AS rows, md5(string_agg(x::text, E'\\n' ORDER BY ${order})) AS md5 FROM ${c.escapeIdentifier(t.name)} x`,
      );
      out[t.name] = r.rows[0]!;
    }
    return out;
  });
}

async function totalRows(url: string): Promise<number> {
  const digests = await tableDigests(url);
  return Object.values(digests).reduce((sum, t) => sum + t.rows, 0);
}

async function publicTableCount(url: string): Promise<number> {
  return withClient(url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`)).rows[0].n);
}

/** The dashboard's counts as readers see them (counters plus deltas). */
async function dashboardCounts(url: string) {
  return withClient(url, async (c) => {
    const months = await c.query(
      `SELECT concat_ws('|', country_id, side, restricted, verified, month, year_only, response) AS key, sum(n)::int AS n
         FROM dashboard.request_months GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1`,
    );
    const targets = await c.query(
      `SELECT concat_ws('|', country_id, restricted, year, verified, target_id, ask, response) AS key, sum(n)::int AS n
         FROM dashboard.request_targets GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1`,
    );
    return { months: months.rows, targets: targets.rows };
  });
}

/** Every index, constraint and trigger (with whether it is enabled), as PostgreSQL would recreate it. */
async function structures(url: string): Promise<string[]> {
  return withClient(url, async (c) => {
    const r = await c.query<{ def: string }>(
      `SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
        WHERE t.relnamespace = 'public'::regnamespace
       UNION ALL
       SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace
       UNION ALL
       SELECT tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
       ORDER BY 1`,
    );
    return r.rows.map((row) => row.def);
  });
}

async function sequences(url: string): Promise<Record<string, string | null>> {
  return withClient(url, async (c) => {
    const r = await c.query<{ name: string; last: string | null }>(
      `SELECT sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
    );
    return Object.fromEntries(r.rows.map((row) => [row.name, row.last]));
  });
}

/** A copy of the backup with its decompressed text changed by `edit`. */
function rewritten(name: string, edit: (text: string) => string): string {
  const out = path.join(dir, name);
  fs.writeFileSync(out, gzipSync(Buffer.from(edit(gunzipSync(fs.readFileSync(file)).toString("utf8")), "utf8")));
  return out;
}

function editHeader(text: string, change: (header: BackupHeader) => void): string {
  const nl = text.indexOf("\n");
  const header = JSON.parse(text.slice(0, nl)) as BackupHeader;
  change(header);
  return JSON.stringify(header) + text.slice(nl);
}

let sourceDigests: Record<string, { rows: number; md5: string | null }>;
let restored: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-backup-"));
  file = path.join(dir, "source.backup.gz");
  source = await migratedDatabase("br_src");
  sourceDb = createPrismaClient(source);
  clients.push(sourceDb);
  await seed(sourceDb);
  await generateLarge(source, { requests: REQUESTS, seed: SEED, asOf: AS_OF });

  // Rows in the tables that neither the seed nor the generator fills, and values that need escaping.
  await withClient(source, async (c) => {
    for (const [i, key] of AWKWARD.entries()) {
      await c.query(`INSERT INTO rate_limits (key, points, expire) VALUES ($1, $2, $3)`, [key, i, i % 2 === 0 ? null : String(2 ** 53 + i)]);
      await c.query(`INSERT INTO "EndedSession" (sid, "userId", "expiresAt") VALUES ($1, $2, now() + interval '8 hours')`, [key, i]);
    }
  });
  const admin = await sourceDb.user.findFirstOrThrow({ where: { role: "ADMIN" } });
  await sourceDb.user.create({ data: { email: "awkward@example.org", name: AWKWARD.join(" "), role: "VIEWER", passwordHash: null } });
  await sourceDb.auditEvent.create({
    data: { userId: admin.id, action: "EXPORT", metadata: { awkward: AWKWARD, nested: { quote: '"', literal: "\\u0000" } }, ip: "::1", outcome: "ok" },
  });
  // A hard-deleted row leaves the sequence past the highest id: the restore must not hand that id out again.
  const gone = await sourceDb.source.create({ data: { kind: "REPORT", title: "Deleted before the backup" } });
  await sourceDb.source.delete({ where: { id: gone.id } });

  const summary = await backupDatabase(source, file);
  expect(summary.rows).toBeGreaterThan(REQUESTS * 5);
  sourceDigests = await tableDigests(source);
  restored = await freshEmptyDatabase("br_dst");
}, 120_000);

afterAll(async () => {
  for (const db of clients) await db.$disconnect();
  for (const name of databases) await dropDatabase(serverUrl(), name);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("backup", () => {
  it("writes a versioned header: migrations, every public table but Prisma's with its columns and rows, no generated column", async () => {
    const header = await readBackupHeader(file);
    expect(header.format).toBe("demarche-backup");
    expect(header.version).toBe(1);
    expect(header.migrations).toEqual(await withClient(source, readMigrations));
    expect(header.migrations.length).toBeGreaterThan(5);
    const names = header.tables.map((t) => t.name);
    expect(names).toEqual(Object.keys(sourceDigests));
    expect(names).not.toContain("_prisma_migrations");
    expect(names).toEqual(expect.arrayContaining(["User", "AuditEvent", "DiplomaticRequest", "rate_limits"]));
    for (const t of header.tables) expect({ table: t.name, rows: t.rows }).toEqual({ table: t.name, rows: sourceDigests[t.name]!.rows });
    const requests = header.tables.find((t) => t.name === "DiplomaticRequest")!;
    expect(requests.rows).toBe(REQUESTS + 2);
    expect(requests.columns).toContain("followUpOfId");
    expect(requests.columns).not.toContain("search");
    // Stored as stored: the argon2 hashes, never a password.
    const text = gunzipSync(fs.readFileSync(file)).toString("utf8");
    expect(text).toContain("$argon2id$");
    expect(text).not.toContain("demarche-demo");
    expect((fs.statSync(file).mode & 0o077) === 0).toBe(true);
  });

  it("refuses to overwrite a file", async () => {
    await expect(backupDatabase(source, file)).rejects.toThrow(/exists already/);
  });
});

describe("restore", () => {
  it("round-trips into a fresh, empty database: every table's rows, the dashboard, the structures, the sequences", async () => {
    const summary = await restoreBackup(file, restored);
    expect(summary.replaced).toBe(false);
    expect(summary.rows).toBe(Object.values(sourceDigests).reduce((sum, t) => sum + t.rows, 0));

    const target = await tableDigests(restored);
    expect(target).toEqual(sourceDigests);
    for (const [table, t] of Object.entries(target)) {
      if (table !== "ApiToken") expect({ table, empty: t.rows === 0 }).toEqual({ table, empty: false });
    }
    expect(await withClient(restored, readMigrations)).toEqual(await withClient(source, readMigrations));
    expect(await dashboardCounts(restored)).toEqual(await dashboardCounts(source));
    expect((await dashboardCounts(restored)).months.length).toBeGreaterThan(100);
    expect(await structures(restored)).toEqual(await structures(source));
    expect(await sequences(restored)).toEqual(await sequences(source));
  }, 60_000);

  it("lets the app insert with fresh ids, past rows deleted before the backup", async () => {
    const db = createPrismaClient(restored);
    clients.push(db);
    const maxId = async (table: string) =>
      withClient(restored, async (c) => (await c.query(`SELECT max(id)::int AS m FROM ${c.escapeIdentifier(table)}`)).rows[0].m as number);
    const maxSource = await maxId("Source");
    const maxRequest = await maxId("DiplomaticRequest");
    const [ru, us] = await Promise.all([
      db.country.findUniqueOrThrow({ where: { alpha2: "RU" } }),
      db.country.findUniqueOrThrow({ where: { alpha2: "US" } }),
    ]);
    const created = await db.source.create({ data: { kind: "REPORT", title: "After the restore" } });
    expect(created.id).toBe(maxSource + 2); // maxSource + 1 was the deleted one
    const request = await db.diplomaticRequest.create({
      data: { title: "After the restore", requestingCountryId: us.id, targetCountryId: ru.id, ask: "INFORMATION" },
    });
    expect(request.id).toBe(maxRequest + 1);
    const audit = await db.auditEvent.create({ data: { action: "SIGN_OUT" } });
    expect(audit.id).toBeGreaterThan(0);
    // The triggers are back on: the new request is counted.
    const [all] = await withClient(restored, async (c) =>
      (await c.query(`SELECT sum(n)::int AS n FROM dashboard.request_months WHERE country_id = 0`)).rows,
    );
    expect(all.n).toBe(await db.diplomaticRequest.count({ where: { deletedAt: null } }));
  });

  it("refuses a database that holds rows, and changes nothing in it", async () => {
    const before = await tableDigests(restored);
    await expect(restoreBackup(file, restored)).rejects.toThrow(/not empty .*--force/s);
    expect(await tableDigests(restored)).toEqual(before);
  });

  it("with force, deletes every row first and restores the backup exactly", async () => {
    await withClient(restored, (c) => c.query(`INSERT INTO rate_limits (key, points) VALUES ('only here', 1)`));
    const summary = await restoreBackup(file, restored, { force: true });
    expect(summary.replaced).toBe(true);
    expect(await tableDigests(restored)).toEqual(sourceDigests);
    expect(await dashboardCounts(restored)).toEqual(await dashboardCounts(source));
    expect(await structures(restored)).toEqual(await structures(source));
  }, 60_000);

  it("refuses a truncated file, and the target stays empty", async () => {
    const cut = path.join(dir, "cut.backup.gz");
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const target = await freshEmptyDatabase("br_cut");
    await expect(restoreBackup(cut, target)).rejects.toThrow(/truncated or damaged/);
    expect(await totalRows(target)).toBe(0);
  }, 60_000);

  it("refuses a file whose content stops short, or whose rows do not match its header, and rolls back", async () => {
    const target = await migratedDatabase("br_short");
    const short = rewritten("short.backup.gz", (text) => text.slice(0, text.indexOf('COPY "DiplomaticRequest"') + 2_000));
    await expect(restoreBackup(short, target)).rejects.toThrow(/truncated \(it ends inside the rows of DiplomaticRequest\)/);
    expect(await totalRows(target)).toBe(0);

    const miscounted = rewritten("miscounted.backup.gz", (text) =>
      editHeader(text, (h) => {
        h.tables.find((t) => t.name === "Country")!.rows += 1;
      }),
    );
    await expect(restoreBackup(miscounted, target)).rejects.toThrow(/header says Country has 250 rows, but the file holds 249/);
    expect(await totalRows(target)).toBe(0);

    // A link to a request that is not there: the counts agree, the foreign key does not.
    const dangling = rewritten("dangling.backup.gz", (text) => {
      const start = text.indexOf("\n", text.indexOf('COPY "RequestConcern"')) + 1;
      const edited = `${text.slice(0, start)}999999\t1\n${text.slice(start)}`;
      return editHeader(edited, (h) => {
        h.tables.find((t) => t.name === "RequestConcern")!.rows += 1;
      }).replace(/("end":"demarche-backup","tables":\d+,"rows":)(\d+)/, (_m, head: string, n: string) => `${head}${Number(n) + 1}`);
    });
    await expect(restoreBackup(dangling, target)).rejects.toThrow(/rows of RequestConcern break foreign key/);
    expect(await totalRows(target)).toBe(0);
    expect(await structures(target)).toEqual(await structures(source));
  }, 60_000);

  it("refuses a file that is not a Demarche backup before touching the database", async () => {
    const target = await freshEmptyDatabase("br_junk");
    const plain = path.join(dir, "notes.txt");
    fs.writeFileSync(plain, "these are not the rows you are looking for\n");
    await expect(restoreBackup(plain, target)).rejects.toThrow(/not a Demarche backup \(not a gzip-compressed file\)/);
    const other = path.join(dir, "other.json.gz");
    fs.writeFileSync(other, gzipSync('{"format":"something-else","version":1}\n'));
    await expect(restoreBackup(other, target)).rejects.toThrow(/not a Demarche backup/);
    const newer = rewritten("newer.backup.gz", (text) => editHeader(text, (h) => void (h.version = 2)));
    await expect(restoreBackup(newer, target)).rejects.toThrow(/format version 2; this version of Demarche reads version 1/);
    await expect(restoreBackup(path.join(dir, "missing.backup.gz"), target)).rejects.toThrow(/no such file/);
    expect(await publicTableCount(target)).toBe(0);
  });

  it("refuses a backup of another schema, and says which migrations differ", async () => {
    const target = await migratedDatabase("br_schema");
    const older = rewritten("older.backup.gz", (text) => editHeader(text, (h) => void h.migrations.pop()));
    const last = (await readBackupHeader(file)).migrations.at(-1)!;
    await expect(restoreBackup(older, target)).rejects.toThrow(new RegExp(`this database has 1 migration\\(s\\) that the backup does not \\(${last}\\)`));
    const newer = rewritten("future.backup.gz", (text) => editHeader(text, (h) => void h.migrations.push("20991231000000_from_the_future")));
    await expect(restoreBackup(newer, target)).rejects.toThrow(/the backup has 1 migration\(s\) that this version of Demarche does not \(20991231000000_from_the_future\)/);
    expect(await totalRows(target)).toBe(0);
  });
});
