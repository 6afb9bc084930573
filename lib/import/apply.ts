import "server-only";
// An import's two steps: the dry run (checkImport: reads only) and the import
// (runImport: one transaction, all or nothing).
//
// The confirmation does not trust the page: the page sends the file again,
// with the SHA-256 the dry run reported and the number of records it said it
// would create. The file is parsed and planned again inside the transaction;
// another file, or a database that changed meanwhile so that the plan differs,
// is refused, and so is any row with a problem.
//
// Rows are written with set-based INSERT ... SELECT FROM unnest(...) in
// chunks (one statement per chunk of rows rather than one per record, as the
// record service does), still with the record service's rules: the form's
// schema validated every row (lib/import/plan.ts), countries and weapon
// systems are ones the importer may use, the importer is the author, the
// records are verified only when the importer may verify, and ONE audit
// event (IMPORT) lists the id ranges of every record created, the file's
// name, size and SHA-256 and the row counts. Triggers stay on (the
// dashboard's rollups count the requests per statement).
import type pg from "pg";
import { getLongPool } from "@/lib/db/client";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { AppError, ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { ImportFileError, parseCsvFile, type CsvFile } from "@/lib/import/parse";
import { planImport, type DryRun, type Plan, type PlanOptions, type VisibilityChange } from "@/lib/import/plan";
import type { ImportKind } from "@/lib/import/limits";
import { can, type Actor } from "@/lib/permissions";

export type ImportResult = {
  kind: ImportKind;
  created: number;
  matched: number;
  weaponSystemsCreated: number;
  auditEventId: number;
  /** Ids of the records created, as [first, last] ranges. */
  ids: [number, number][];
  /** Records already imported that took the file's visibility. */
  visibilityChanged: number;
};

/** Rows per INSERT statement: well under the pool's statement timeout, few round trips. */
export const IMPORT_CHUNK = 5_000;

/** Imports run one at a time, so that two imports of one file cannot both create its rows. */
const IMPORT_LOCK = 7_301_946_112;

function parseOrRefuse(bytes: Uint8Array): CsvFile {
  try {
    return parseCsvFile(bytes);
  } catch (error) {
    if (error instanceof ImportFileError) throw new ValidationError(error.message, { file: [error.message] });
    throw error;
  }
}

async function planOrRefuse(q: Parameters<typeof planImport>[0], actor: Actor, kind: ImportKind, file: CsvFile, fileName: string, options: PlanOptions): Promise<Plan> {
  try {
    return await planImport(q, actor, kind, file, fileName, options);
  } catch (error) {
    if (error instanceof ImportFileError) throw new ValidationError(error.message, { file: [error.message] });
    throw error;
  }
}

/** The dry run: what an import of this file would create and match, and every problem. Writes nothing. */
export async function checkImport(
  actor: Actor,
  kind: ImportKind,
  bytes: Uint8Array,
  fileName: string,
  pool: pg.Pool = getLongPool(),
  options: PlanOptions = {},
): Promise<DryRun> {
  if (!can(actor.role, "record:create")) throw new ForbiddenError();
  const file = parseOrRefuse(bytes);
  return (await planOrRefuse(pool, actor, kind, file, fileName, options)).dryRun;
}

export type Confirmation = {
  fileName: string;
  /** From the dry run the user saw. */
  sha256: string;
  expectedCreate: number;
  /**
   * The editor confirmed, in the check, making the restricted records it
   * listed visible to everyone; and how many there were (more now is refused).
   */
  allowLowering?: boolean;
  expectedLowering?: number;
  ip: string | null;
};

export async function runImport(
  actor: Actor,
  kind: ImportKind,
  bytes: Uint8Array,
  confirmation: Confirmation,
  options: { pool?: pg.Pool; chunkSize?: number; onStep?: (step: "parse" | "plan" | "write" | "commit", seconds: number) => void } = {},
): Promise<ImportResult> {
  if (!can(actor.role, "record:create")) throw new ForbiddenError();
  let clock = performance.now();
  const step = (name: "parse" | "plan" | "write" | "commit") => {
    const now = performance.now();
    options.onStep?.(name, (now - clock) / 1000);
    clock = now;
  };
  const file = parseOrRefuse(bytes);
  step("parse");
  if (file.sha256 !== confirmation.sha256) {
    throw new ConflictError("This is not the file you checked: its content differs from the one the check was made on. Check this file before importing it.");
  }
  // The long pool: 100,000 rows take longer than a request's statement limit (lib/db/prisma.ts).
  const client = await (options.pool ?? getLongPool()).connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [IMPORT_LOCK]);
    const plan = await planOrRefuse(client, actor, kind, file, confirmation.fileName, { allowLowering: confirmation.allowLowering });
    step("plan");
    const { counts } = plan.dryRun;
    if (counts.error > 0) {
      throw new ValidationError(`${counts.error.toLocaleString("en")} row${counts.error === 1 ? " has" : "s have"} problems: nothing was imported. Check the file, fix them and check it again.`);
    }
    if (counts.create === 0 && counts.visibilityChanges === 0) throw new ConflictError("Nothing to import: every row of this file has been imported already.");
    if (counts.lowering > (confirmation.expectedLowering ?? 0)) {
      throw new ConflictError(
        `The records changed since your check: this file would now make ${counts.lowering.toLocaleString("en")} restricted records visible to everyone, not ${(confirmation.expectedLowering ?? 0).toLocaleString("en")}. Nothing was imported: check the file again.`,
      );
    }
    if (counts.create !== confirmation.expectedCreate) {
      throw new ConflictError(
        `The records changed since your check: this file would now create ${counts.create.toLocaleString("en")} records, not ${confirmation.expectedCreate.toLocaleString("en")}. Nothing was imported: check the file again.`,
      );
    }
    const verified = can(actor.role, "record:verify");
    const chunk = options.chunkSize ?? IMPORT_CHUNK;
    const written = plan.kind === "transfers" ? await writeTransfers(client, actor, plan, verified, chunk) : await writeRequests(client, actor, plan, verified, chunk);
    const ids = ranges(written.ids);
    const table = plan.kind === "transfers" ? "ArmsTransfer" : "DiplomaticRequest";
    const entityType = plan.kind === "transfers" ? "ARMS_TRANSFER" : "DIPLOMATIC_REQUEST";
    await writeVisibilityChanges(client, actor, table, entityType, plan.visibilityChanges, verified, confirmation);
    const metadata = {
      kind,
      fileName: confirmation.fileName,
      sha256: file.sha256,
      size: file.size,
      rows: counts.rows,
      created: written.ids.length,
      matched: counts.match,
      table: plan.kind === "transfers" ? "ArmsTransfer" : "DiplomaticRequest",
      ids,
      ...(plan.kind === "transfers" ? { weaponSystems: { created: written.weaponIds.length, ids: ranges(written.weaponIds) } } : {}),
      verified,
      ...(plan.visibilityChanges.length
        ? {
            visibility: {
              lowered: plan.visibilityChanges.filter((c) => c.to === "INTERNAL").map((c) => c.id),
              raised: plan.visibilityChanges.filter((c) => c.to === "RESTRICTED").map((c) => c.id),
              loweringConfirmed: confirmation.allowLowering === true,
            },
          }
        : {}),
    };
    const event = await client.query<{ id: number }>(
      `INSERT INTO "AuditEvent" ("userId", action, "entityType", metadata, ip, outcome) VALUES ($1, 'IMPORT', $2::"EntityType", $3::jsonb, $4, 'success') RETURNING id`,
      [actor.id, plan.kind === "transfers" ? "ARMS_TRANSFER" : "DIPLOMATIC_REQUEST", JSON.stringify(metadata), confirmation.ip],
    );
    step("write");
    await client.query("COMMIT");
    step("commit");
    return {
      kind,
      created: written.ids.length,
      matched: counts.match,
      weaponSystemsCreated: written.weaponIds.length,
      auditEventId: event.rows[0]!.id,
      ids,
      visibilityChanged: plan.visibilityChanges.length,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    if (error instanceof AppError) throw error;
    // An outage is a 503 to try again later, as everywhere, not the import's own 500.
    if (isDatabaseUnavailable(error)) throw new DatabaseUnavailableError();
    throw databaseFailure(error);
  } finally {
    client.release();
  }
}

/**
 * Gives records an earlier import made the file's visibility, as an edit of
 * each: its version goes up, it is unverified when the importer may not
 * verify, and each gets its own UPDATE audit event (the field before and
 * after, the file, whether the lowering was confirmed) with a snapshot: the
 * record's last one with the new visibility (none for a record that only
 * ever had the IMPORT event).
 */
async function writeVisibilityChanges(
  client: pg.PoolClient,
  actor: Actor,
  table: "ArmsTransfer" | "DiplomaticRequest",
  entityType: "ARMS_TRANSFER" | "DIPLOMATIC_REQUEST",
  changes: readonly VisibilityChange[],
  verified: boolean,
  confirmation: Confirmation,
) {
  if (changes.length === 0) return;
  const metadata = { import: { fileName: confirmation.fileName, sha256: confirmation.sha256 }, loweringConfirmed: confirmation.allowLowering === true };
  await client.query(
    `WITH c AS (SELECT * FROM unnest($1::int[], $2::text[], $3::text[]) AS c(id, "from", "to")),
     changed AS (
       UPDATE "${table}" t SET visibility = c."to"::"Visibility", version = t.version + 1, "updatedById" = $4, "updatedAt" = (now() AT TIME ZONE 'UTC'),
         "verifiedAt" = CASE WHEN $5::boolean THEN t."verifiedAt" END, "verifiedById" = CASE WHEN $5::boolean THEN t."verifiedById" END
       FROM c WHERE t.id = c.id AND t.visibility = c."from"::"Visibility"
       RETURNING t.id, t.version, c."from", c."to")
     INSERT INTO "AuditEvent" ("userId", action, "entityType", "entityId", changes, metadata, ip, outcome, version, snapshot)
     SELECT $4, 'UPDATE', $6::"EntityType", ch.id, jsonb_build_object('visibility', jsonb_build_object('before', ch."from", 'after', ch."to")), $7::jsonb, $8, 'success', ch.version,
       (SELECT jsonb_set(jsonb_set(e.snapshot, '{values,visibility}', to_jsonb(ch."to")), '{version}', to_jsonb(ch.version))
          FROM "AuditEvent" e WHERE e."entityType" = $6::"EntityType" AND e."entityId" = ch.id AND e.snapshot IS NOT NULL ORDER BY e.id DESC LIMIT 1)
     FROM changed ch ORDER BY ch.id`,
    [changes.map((c) => c.id), changes.map((c) => c.from), changes.map((c) => c.to), actor.id, verified, entityType, JSON.stringify(metadata), confirmation.ip],
  );
}

/** A failure of the database itself, said as what it means for the user: nothing stays. */
function databaseFailure(error: unknown): Error {
  const e = error as { code?: string; message?: string; importRows?: [number, number] };
  const where = e.importRows ? ` while writing rows ${e.importRows[0]}-${e.importRows[1]}` : "";
  const reference = Math.random().toString(36).slice(2, 10);
  console.error(JSON.stringify({ level: "error", reference, message: `import failed: ${e.message}`, code: e.code, rows: e.importRows }));
  if (e.code === "23505") {
    return new ConflictError(`Another change created some of these records at the same time${where}. Nothing was imported: check the file again.`);
  }
  return new AppError(`The database refused the import${where} (reference ${reference}). It was undone: nothing was imported.`, 500, "IMPORT_FAILED");
}

/** Sorted ids as [first, last] ranges: an import's ids are consecutive unless other inserts interleaved. */
export function ranges(ids: readonly number[]): [number, number][] {
  const sorted = [...ids].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const id of sorted) {
    const last = out[out.length - 1];
    if (last && id === last[1] + 1) last[1] = id;
    else out.push([id, id]);
  }
  return out;
}

/** Runs `insert` over `items` in chunks, naming the rows of a chunk that fails. */
async function inChunks<T>(items: readonly T[], size: number, rowOf: (item: T) => number, insert: (chunk: readonly T[]) => Promise<number[]>): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < items.length; start += size) {
    const chunk = items.slice(start, start + size);
    try {
      ids.push(...(await insert(chunk)));
    } catch (error) {
      if (error && typeof error === "object") Object.assign(error, { importRows: [rowOf(chunk[0]!), rowOf(chunk[chunk.length - 1]!)] });
      throw error;
    }
  }
  return ids;
}

const AUTHOR_COLUMNS = `"createdById", "updatedById", "updatedAt", "verifiedAt", "verifiedById"`;

/**
 * The author columns' values from parameters $user and $verified. Times in
 * UTC, as Prisma writes its timestamp columns (without time zone).
 */
function authorSql(user: number, verified: number): string {
  const now = `(now() AT TIME ZONE 'UTC')`;
  return `$${user}::int, $${user}::int, ${now}, CASE WHEN $${verified}::boolean THEN ${now} END, CASE WHEN $${verified}::boolean THEN $${user}::int END`;
}

function authorValues(actor: Actor, verified: boolean) {
  return [actor.id, verified];
}

async function writeTransfers(client: pg.PoolClient, actor: Actor, plan: Extract<Plan, { kind: "transfers" }>, verified: boolean, chunk: number) {
  const author = authorValues(actor, verified);
  // New weapon systems first, so that their transfers can point at them;
  // designations are distinct within a plan, so they map the ids back.
  const weaponIds: number[] = [];
  const newIds: number[] = [];
  if (plan.newWeaponSystems.length) {
    const w = plan.newWeaponSystems;
    const r = await client.query<{ id: number; designation: string }>(
      `INSERT INTO "WeaponSystem" (name, designation, category, description, visibility, ${AUTHOR_COLUMNS})
       SELECT t.name, t.designation, t.category::"WeaponCategory", t.description, t.v::"Visibility", ${authorSql(6, 7)}
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(name, designation, category, description, v, n)
       ORDER BY t.n
       RETURNING id, designation`,
      [w.map((x) => x.name), w.map((x) => x.designation), w.map((x) => x.category), w.map((x) => x.description), w.map((x) => x.visibility), ...author],
    );
    const byDesignation = new Map(r.rows.map((row) => [row.designation, row.id]));
    for (const x of w) newIds.push(byDesignation.get(x.designation!)!);
    weaponIds.push(...r.rows.map((row) => row.id));
  }
  const ids = await inChunks(plan.creates, chunk, (c) => c.row, async (rows) => {
    const col = <T>(f: (c: (typeof rows)[number]) => T) => rows.map(f);
    const r = await client.query<{ id: number }>(
      `INSERT INTO "ArmsTransfer" ("externalId", "supplierId", "recipientId", "weaponSystemId", status, "numberOrdered", "numberOrderedUncertain",
         "numberDelivered", "numberDeliveredUncertain", "orderYear", "orderYearUncertain", "deliveryYears", "deliveryYearsUncertain", comments, visibility, ${AUTHOR_COLUMNS})
       SELECT t.e, t.s, t.r, t.w, t.st::"TransferStatus", t.no, t.nou, t.nd, t.ndu, t.oy, t.oyu, t.dy::int[], t.dyu, t.c, t.v::"Visibility", ${authorSql(16, 17)}
       FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::text[], $6::int[], $7::bool[], $8::int[], $9::bool[], $10::int[], $11::bool[], $12::text[], $13::bool[], $14::text[], $15::text[])
         WITH ORDINALITY AS t(e, s, r, w, st, no, nou, nd, ndu, oy, oyu, dy, dyu, c, v, n)
       ORDER BY t.n
       RETURNING id`,
      [
        col((c) => c.externalId),
        col((c) => c.data.supplierId),
        col((c) => c.data.recipientId),
        col((c) => (c.weapon === null ? null : "id" in c.weapon ? c.weapon.id : newIds[c.weapon.newIndex]!)),
        col((c) => c.data.status),
        col((c) => c.data.numberOrdered),
        col((c) => c.data.numberOrderedUncertain),
        col((c) => c.data.numberDelivered),
        col((c) => c.data.numberDeliveredUncertain),
        col((c) => c.data.orderYear),
        col((c) => c.data.orderYearUncertain),
        col((c) => `{${c.data.deliveryYears.join(",")}}`),
        col((c) => c.data.deliveryYearsUncertain),
        col((c) => c.data.comments),
        // The file's visibility (lib/import/rows.ts), Internal when it says none.
        col((c) => c.data.visibility),
        ...author,
      ],
    );
    return r.rows.map((row) => row.id);
  });
  return { ids, weaponIds };
}

async function writeRequests(client: pg.PoolClient, actor: Actor, plan: Extract<Plan, { kind: "requests" }>, verified: boolean, chunk: number) {
  const author = authorValues(actor, verified);
  const ids = await inChunks(plan.creates, chunk, (c) => c.row, async (rows) => {
    const col = <T>(f: (c: (typeof rows)[number]) => T) => rows.map(f);
    const r = await client.query<{ id: number }>(
      `INSERT INTO "DiplomaticRequest" ("externalId", title, "occurredOn", "occurredOnPrecision", "requestingCountryId", "targetCountryId",
         channel, ask, "askDetail", response, "responseSummary", classification, visibility, ${AUTHOR_COLUMNS})
       SELECT t.e, t.ti, t.d::date, t.p::"DatePrecision", t.rq, t.tg, t.ch::"RequestChannel", t.a::"RequestAsk", t.ad, t.rs::"RequestResponse", t.su,
         t.cl::"Classification", t.v::"Visibility", ${authorSql(14, 15)}
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
         WITH ORDINALITY AS t(e, ti, d, p, rq, tg, ch, a, ad, rs, su, cl, v, n)
       ORDER BY t.n
       RETURNING id`,
      [
        col((c) => c.externalId),
        col((c) => c.data.title),
        col((c) => (c.data.occurredOn ? c.data.occurredOn.date.toISOString().slice(0, 10) : null)),
        col((c) => c.data.occurredOn?.precision ?? null),
        col((c) => c.data.requestingCountryId),
        col((c) => c.data.targetCountryId),
        col((c) => c.data.channel),
        col((c) => c.data.ask),
        col((c) => c.data.askDetail),
        col((c) => c.data.response),
        col((c) => c.data.responseSummary),
        col((c) => c.data.classification),
        col((c) => c.data.visibility),
        ...author,
      ],
    );
    return r.rows.map((row) => row.id);
  });
  return { ids, weaponIds: [] as number[] };
}
