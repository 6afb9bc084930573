// The scale generator (lib/scale/generate.ts) at a small scale: row counts in
// proportion, the same data for the same seed (whether the load keeps its
// indexes or drops and recreates them), sequences ready for the app's next
// insert, every index and foreign key back as it was, and no row that breaks
// the app's rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { dropDatabase, withClient } from "@/tools/postgres/admin";
import { GENERATED_TABLES, generateLarge, plannedCounts, type GenerateSummary } from "@/tools/scale/generate";
import { dropStructures, pendingFile, readStructures } from "@/tools/scale/structures";
import { seed } from "@/tools/seed/load";
import { inspectionSchema } from "@/lib/records/inspection/definition";
import { transferSchema } from "@/lib/records/transfer/definition";
import { vagueDateInput } from "@/lib/vague-date";
import { createMigratedDatabase, serverUrl } from "@/tests/helpers/db";

const REQUESTS = 2_000;
const SEED = 42;
const AS_OF = new Date();

type Generated = { url: string; db: Db; before: Record<string, number>; summary: GenerateSummary };
const made: Generated[] = [];

const DIGESTED = ["DiplomaticRequest", "ArmsTransfer", "Citation", "Concern", "ConcernStatusChange", "Quote"] as const;

async function maxIds(url: string): Promise<Record<string, number>> {
  return withClient(url, async (c) => {
    const out: Record<string, number> = {};
    for (const t of DIGESTED) out[t] = (await c.query(`SELECT COALESCE(max(id), 0)::int AS m FROM "${t}"`)).rows[0].m;
    return out;
  });
}

async function prepare(label: string, options: { seed: number; dropIndexes: boolean }): Promise<Generated> {
  const url = await createMigratedDatabase(label);
  const db = createPrismaClient(url);
  await seed(db);
  const before = await maxIds(url);
  const summary = await generateLarge(url, { requests: REQUESTS, asOf: AS_OF, ...options });
  const entry = { url, db, before, summary };
  made.push(entry);
  return entry;
}

/** A digest of the generated rows of a few tables (whole rows, in id order). */
async function digest(d: Generated): Promise<Record<string, string>> {
  return withClient(d.url, async (c) => {
    const out: Record<string, string> = {};
    for (const t of DIGESTED) {
      const r = await c.query(`SELECT md5(string_agg(x::text, E'\\n' ORDER BY x.id)) AS d FROM "${t}" x WHERE x.id > $1`, [d.before[t]]);
      out[t] = r.rows[0].d;
    }
    return out;
  });
}

/** Every index and constraint of the schema, as PostgreSQL would recreate it. */
async function catalog(url: string): Promise<string[]> {
  return withClient(url, async (c) => {
    const r = await c.query<{ def: string }>(
      `SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
        WHERE t.relnamespace = 'public'::regnamespace
       UNION ALL
       SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace
       ORDER BY 1`,
    );
    return r.rows.map((row) => row.def);
  });
}

async function rows<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  return withClient(url, async (c) => (await c.query(sql)).rows as T[]);
}

let a: Generated;
let b: Generated;
let c: Generated;
let reference: string[];

beforeAll(async () => {
  // The catalog of a freshly migrated database, before any load.
  const fresh = await createMigratedDatabase("gl_fresh");
  reference = await catalog(fresh);
  await dropDatabase(serverUrl(), new URL(fresh).pathname.slice(1));
  a = await prepare("gl_a", { seed: SEED, dropIndexes: false });
  b = await prepare("gl_b", { seed: SEED, dropIndexes: true });
  c = await prepare("gl_c", { seed: SEED + 1, dropIndexes: false });
}, 240_000);

afterAll(async () => {
  for (const d of made) {
    await d.db.$disconnect();
    await dropDatabase(serverUrl(), new URL(d.url).pathname.slice(1));
  }
});

describe(`generating ${REQUESTS.toLocaleString("en")} requests`, () => {
  it("adds the planned records and link rows in proportion, and counts them right", async () => {
    const planned = plannedCounts(REQUESTS);
    const r = a.summary.rows;
    expect(r.DiplomaticRequest).toBe(REQUESTS);
    expect(r.Concern).toBe(planned.concerns);
    expect(planned.concerns).toBe(REQUESTS / 10);
    expect(r.ArmsTransfer).toBe(REQUESTS / 5);
    expect(r.Inspection).toBe(REQUESTS / 20);
    expect(r.Source).toBe(REQUESTS / 10);
    expect(r.Quote).toBe((REQUESTS * 3) / 20);
    expect(r.Actor).toBe(planned.actors);
    expect(r.WeaponSystem).toBe(planned.weaponSystems);
    expect(r.User).toBe(planned.analysts);
    expect(r.Citation).toBeGreaterThanOrEqual(REQUESTS);
    expect(r.RequestConcern / REQUESTS).toBeGreaterThan(0.8);
    expect(r.RequestConcern / REQUESTS).toBeLessThan(1.1);
    expect(r.RequestTransfer / REQUESTS).toBeGreaterThan(0.6);
    expect(r.RequestActor / REQUESTS).toBeGreaterThan(0.5);
    expect(r.ConcernCountry / r.Concern).toBeGreaterThan(2);
    expect(r.ConcernCountry / r.Concern).toBeLessThan(4);
    expect(r.ConcernTransfer / r.Concern).toBeGreaterThanOrEqual(1);
    expect(r.ConcernStatusChange / r.Concern).toBeGreaterThan(1);
    expect(a.summary.total).toBe(Object.values(r).reduce((s, n) => s + n, 0));

    // What the summary says is what the database holds: the seed's rows plus the generated ones.
    const counts = await withClient(a.url, async (client) => {
      const out: Record<string, number> = {};
      for (const t of GENERATED_TABLES) out[t] = (await client.query(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0].n;
      return out;
    });
    expect(counts.DiplomaticRequest).toBe(REQUESTS + 2);
    expect(counts.User).toBe(4 + planned.analysts);
    expect(counts.Citation).toBeGreaterThan(r.Citation);
  });

  it("gives the same rows for the same seed, with or without dropping the indexes, and other rows for another", async () => {
    const da = await digest(a);
    expect(await digest(b)).toEqual(da);
    const dc = await digest(c);
    for (const t of DIGESTED) expect(dc[t]).not.toBe(da[t]);
    expect(b.summary.droppedIndexes).toBeGreaterThan(50);
    expect(b.summary.droppedForeignKeys).toBeGreaterThan(50);
    expect(a.summary.droppedIndexes).toBe(0);
  });

  it("leaves every index and foreign key as the migrations made them", async () => {
    expect(await catalog(a.url)).toEqual(reference);
    expect(await catalog(b.url)).toEqual(reference);
  });

  it("recreates, on the next run, what an interrupted run left dropped", async () => {
    await withClient(c.url, async (client) => {
      const saved = await readStructures(client, ["Citation", "DiplomaticRequest", "RequestActor"]);
      expect(saved.indexes.length).toBeGreaterThan(5);
      await dropStructures(client, saved, await pendingFile(client, c.url));
    });
    expect(await catalog(c.url)).not.toEqual(reference);
    await generateLarge(c.url, { requests: 10, seed: 7, asOf: AS_OF });
    expect(await catalog(c.url)).toEqual(reference);
  });

  it("writes no row that breaks the app's rules", async () => {
    const violations: Record<string, string> = {
      "request countries missing or equal": `SELECT r.id FROM "DiplomaticRequest" r LEFT JOIN "Country" a ON a.id = r."requestingCountryId"
        LEFT JOIN "Country" b ON b.id = r."targetCountryId" WHERE a.id IS NULL OR b.id IS NULL OR a.id = b.id`,
      "response summary without a response": `SELECT id FROM "DiplomaticRequest" WHERE "responseSummary" IS NOT NULL AND response IS NULL`,
      "follow-up of a missing request": `SELECT r.id FROM "DiplomaticRequest" r LEFT JOIN "DiplomaticRequest" f ON f.id = r."followUpOfId"
        WHERE r."followUpOfId" IS NOT NULL AND f.id IS NULL`,
      "transfer to itself": `SELECT id FROM "ArmsTransfer" WHERE "supplierId" = "recipientId"`,
      "more delivered than ordered without an estimate flag": `SELECT id FROM "ArmsTransfer"
        WHERE "numberDelivered" > "numberOrdered" AND NOT "numberOrderedUncertain" AND NOT "numberDeliveredUncertain"`,
      "deliveries before the order year without a flag": `SELECT id FROM "ArmsTransfer"
        WHERE "deliveryYears"[1] < "orderYear" AND NOT "orderYearUncertain" AND NOT "deliveryYearsUncertain"`,
      "years out of range": `SELECT id FROM "ArmsTransfer" WHERE "orderYear" NOT BETWEEN 1900 AND extract(year FROM current_date)
        OR EXISTS (SELECT 1 FROM unnest("deliveryYears") y WHERE y NOT BETWEEN 1900 AND extract(year FROM current_date))`,
      "conducted date on an inspection not conducted": `SELECT id FROM "Inspection" WHERE "conductedOn" IS NOT NULL AND status <> 'CONDUCTED'`,
      "quote without a speaker": `SELECT id FROM "Quote" WHERE "speakerId" IS NULL AND "speakerLabel" IS NULL`,
      "citation without exactly one target": `SELECT id FROM "Citation"
        WHERE num_nonnulls("actorId", "weaponSystemId", "transferId", "concernId", "requestId", "inspectionId", "quoteId") <> 1`,
      "credibility out of range": `SELECT id FROM "Citation" WHERE credibility NOT BETWEEN 1 AND 6`,
      "restricted but not by a generated analyst": `SELECT r.id FROM "DiplomaticRequest" r LEFT JOIN "User" u ON u.id = r."createdById"
        WHERE r.visibility = 'RESTRICTED' AND (u.role IS DISTINCT FROM 'ANALYST')`,
      "deleted without who": `SELECT id FROM "DiplomaticRequest" WHERE "deletedAt" IS NOT NULL AND "deletedById" IS NULL`,
      "vague date not at the start of its period": `SELECT id FROM "DiplomaticRequest"
        WHERE ("occurredOn" IS NULL) <> ("occurredOnPrecision" IS NULL)
           OR ("occurredOnPrecision" = 'MONTH' AND extract(day FROM "occurredOn") <> 1)
           OR ("occurredOnPrecision" = 'YEAR' AND to_char("occurredOn", 'MM-DD') <> '01-01')`,
      "dates in the future": `SELECT id FROM "DiplomaticRequest" WHERE "occurredOn" > current_date
        UNION ALL SELECT id FROM "Concern" WHERE "openedOn" > current_date OR "resolvedOn" > current_date
        UNION ALL SELECT id FROM "Source" WHERE "publishedOn" > current_date
        UNION ALL SELECT id FROM "Quote" WHERE "saidOn" > current_date
        UNION ALL SELECT id FROM "Inspection" WHERE "assertedOn" > current_date OR "conductedOn" > current_date`,
      "resolved date on an unresolved concern": `SELECT id FROM "Concern" WHERE "resolvedOn" IS NOT NULL AND status IN ('OPEN', 'MONITORING')`,
      "concern status not its last status change": `SELECT k.id FROM "Concern" k LEFT JOIN LATERAL (
          SELECT "toStatus" FROM "ConcernStatusChange" s WHERE s."concernId" = k.id ORDER BY "changedAt" DESC, id DESC LIMIT 1) last ON true
        WHERE last."toStatus" IS DISTINCT FROM k.status`,
      "concern without its supplier and recipient": `SELECT k.id FROM "Concern" k
        WHERE k."externalId" IS NULL AND (SELECT count(DISTINCT role) FROM "ConcernCountry" cc WHERE cc."concernId" = k.id AND role IN ('SUPPLIER', 'RECIPIENT')) <> 2`,
    };
    const found: Record<string, number> = {};
    for (const [rule, sql] of Object.entries(violations)) found[rule] = (await rows(a.url, sql)).length;
    expect(found).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, 0])));
  });

  it("has realistic shares: ~5% restricted, ~1% deleted, some unknowns, few suppliers for most transfers", async () => {
    const [s] = await rows<Record<string, number>>(
      a.url,
      `SELECT avg((visibility = 'RESTRICTED')::int)::float AS restricted, avg(("deletedAt" IS NOT NULL)::int)::float AS deleted,
              avg((channel IS NULL)::int)::float AS "unknownChannel", avg((response IN ('REBUFFED', 'DEFLECTED', 'PENDING'))::int)::float AS "mostResponses",
              count(DISTINCT "occurredOnPrecision")::int AS precisions, min("occurredOn")::text AS first
         FROM "DiplomaticRequest" WHERE "externalId" IS NULL`,
    );
    expect(s!.restricted).toBeGreaterThan(0.03);
    expect(s!.restricted).toBeLessThan(0.08);
    expect(s!.deleted).toBeGreaterThan(0.002);
    expect(s!.deleted).toBeLessThan(0.025);
    expect(s!.unknownChannel).toBeGreaterThan(0.05);
    expect(s!.mostResponses).toBeGreaterThan(0.6);
    expect(s!.precisions).toBe(3);
    expect(String(s!.first) >= "1990-01-01").toBe(true);
    const [top] = await rows<{ share: number }>(
      a.url,
      `SELECT sum(n)::float / (SELECT count(*) FROM "ArmsTransfer") AS share
         FROM (SELECT count(*) AS n FROM "ArmsTransfer" GROUP BY "supplierId" ORDER BY 1 DESC LIMIT 5) t`,
    );
    expect(top!.share).toBeGreaterThan(0.5);
  });

  it("makes transfers and inspections that the app's own forms accept", async () => {
    const transfers = await a.db.armsTransfer.findMany({ where: { externalId: null } });
    expect(transfers.length).toBe(REQUESTS / 5);
    for (const t of transfers) {
      const parsed = transferSchema.safeParse({
        supplierId: t.supplierId,
        recipientId: t.recipientId,
        weaponSystemId: t.weaponSystemId,
        status: t.status,
        numberOrdered: t.numberOrdered,
        numberOrderedUncertain: t.numberOrderedUncertain,
        numberDelivered: t.numberDelivered,
        numberDeliveredUncertain: t.numberDeliveredUncertain,
        orderYear: t.orderYear,
        orderYearUncertain: t.orderYearUncertain,
        deliveryYears: t.deliveryYears,
        deliveryYearsUncertain: t.deliveryYearsUncertain,
        comments: t.comments,
        visibility: t.visibility,
      });
      expect(parsed.success ? null : { id: t.id, issues: parsed.error.issues }).toBeNull();
    }
    const inspections = await a.db.inspection.findMany({ where: { externalId: null } });
    for (const i of inspections) {
      const parsed = inspectionSchema.safeParse({
        transferId: i.transferId,
        weaponSystemId: i.weaponSystemId,
        hostCountryId: i.hostCountryId,
        inspectingCountryId: i.inspectingCountryId,
        inspectingParty: i.inspectingParty,
        basis: i.basis,
        status: i.status,
        assertedOn: vagueDateInput(i.assertedOn, i.assertedOnPrecision),
        scheduledOn: vagueDateInput(i.scheduledOn, i.scheduledOnPrecision),
        conductedOn: vagueDateInput(i.conductedOn, i.conductedOnPrecision),
        findings: i.findings,
        visibility: i.visibility,
      });
      expect(parsed.success ? null : { id: i.id, issues: parsed.error.issues }).toBeNull();
    }
  });

  // Last: it adds rows of its own.
  it("leaves the dashboard's counts exact and folded, with and without dropping the indexes", async () => {
    for (const d of [a, b]) {
      const counts = (url: string) =>
        rows<{ key: string; n: number }>(
          url,
          `SELECT concat_ws('|', country_id, side, restricted, verified, month, year_only, response) AS key, sum(n)::int AS n
             FROM dashboard.request_months GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1`,
        );
      const [left] = await rows<{ n: number }>(d.url, "SELECT count(*)::int AS n FROM dashboard.request_month_delta");
      expect(left!.n).toBe(0);
      const loaded = await counts(d.url);
      expect(loaded.reduce((sum, r) => sum + (r.key.startsWith("0|") ? r.n : 0), 0)).toBe(
        (await rows<{ n: number }>(d.url, `SELECT count(*)::int AS n FROM "DiplomaticRequest" WHERE "deletedAt" IS NULL`))[0]!.n,
      );
      await rows(d.url, "SELECT dashboard.rebuild()");
      expect(await counts(d.url)).toEqual(loaded);
    }
  });

  it("leaves the sequences so that the app's next inserts work", async () => {
    const db = a.db;
    const ru = await db.country.findUniqueOrThrow({ where: { alpha2: "RU" } });
    const us = await db.country.findUniqueOrThrow({ where: { alpha2: "US" } });
    const source = await db.source.create({ data: { kind: "REPORT", title: "After the load" } });
    const request = await db.diplomaticRequest.create({
      data: { title: "After the load", requestingCountryId: us.id, targetCountryId: ru.id, ask: "INFORMATION" },
    });
    const concern = await db.concern.create({
      data: { title: "After the load", category: "OTHER", severity: "LOW", statusChanges: { create: [{ toStatus: "OPEN", note: "Opened." }] } },
      include: { statusChanges: true },
    });
    const created: Record<string, number> = {
      Source: source.id,
      DiplomaticRequest: request.id,
      Concern: concern.id,
      ConcernStatusChange: concern.statusChanges[0]!.id,
      Actor: (await db.actor.create({ data: { name: "After the load", kind: "PERSON" } })).id,
      WeaponSystem: (await db.weaponSystem.create({ data: { name: "After the load", category: "OTHER" } })).id,
      ArmsTransfer: (await db.armsTransfer.create({ data: { supplierId: ru.id, recipientId: us.id, status: "REPORTED" } })).id,
      Inspection: (await db.inspection.create({ data: { hostCountryId: ru.id, status: "NO_RIGHT" } })).id,
      Quote: (await db.quote.create({ data: { text: "After the load", speakerLabel: "a test", requestId: request.id } })).id,
      Citation: (await db.citation.create({ data: { sourceId: source.id, requestId: request.id } })).id,
    };
    // Each new row got the next id after every generated one.
    for (const [table, id] of Object.entries(created)) {
      const [max] = await rows<{ m: number }>(a.url, `SELECT max(id) AS m FROM "${table}"`);
      expect({ table, id }).toEqual({ table, id: max!.m });
    }
    expect(created.DiplomaticRequest).toBe(REQUESTS + 3);
  });
});
