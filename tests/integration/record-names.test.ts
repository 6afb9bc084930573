// One name per record everywhere (issue 14, defect 5): on the demo data, every
// record of every type is named by its type's display name (displayName of
// what its own page loads) by each surface's data layer: its list row, its
// page's title, the dashboard, the concern timeline, the country pages, the
// type-ahead (pickers) and the admins' Activity. A surface that made a name
// of its own ("Right asserted: Russia in Venezuela (Igla-S)" on the
// dashboard, "Anatoliy Antonov — Deputy Minister (Russia)" in Activity)
// fails here.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";
import { DEFINITIONS, RECORD_TYPES, displayName, listOf, type RecordListType, type RecordType } from "@/lib/records/definitions";
import { listRowParts } from "@/lib/pages/display-names";
import { parseListParams } from "@/lib/lists/params";
import type { LookupType } from "@/lib/db/lookup";
import type { ListRows } from "@/lib/records/lists";

const ctx = withMigratedDatabase("record_names");

type Admin = { id: number; role: "ADMIN"; name: string; email: string };
let admin: Admin;

vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => undefined }));
vi.mock("@/lib/auth/current-user", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  requirePageUser: async () => admin,
}));

/** "transfer:12" → the record's display name, from what its own page loads. */
const names = new Map<string, string>();
const ids: { [T in RecordType]: number[] } = { request: [], concern: [], transfer: [], inspection: [], source: [], actor: [], weaponSystem: [], quote: [] };
const key = (type: RecordType, id: number) => `${type}:${id}`;
const nameOf = (type: RecordType, id: number) => {
  const name = names.get(key(type, id));
  if (name === undefined) throw new Error(`No display name for ${key(type, id)}`);
  return name;
};

/** A list row's name, by list type: the parts the row holds, through displayName. */
const LIST_ROW_NAME: { [L in RecordListType]: (row: ListRows[L]) => string } = {
  requests: (r) => displayName("request", r),
  concerns: (r) => displayName("concern", r),
  transfers: (r) => displayName("transfer", listRowParts.transfer(r)),
  inspections: (r) => displayName("inspection", listRowParts.inspection(r)),
  sources: (r) => displayName("source", r),
  actors: (r) => displayName("actor", r),
  weaponSystems: (r) => displayName("weaponSystem", r),
};

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  const user = await makeUser(ctx.db, "ADMIN");
  admin = { id: user.id, role: "ADMIN", name: user.name, email: user.email };
  const { RECORD_GETTERS } = await import("@/lib/pages/record-getters");
  for (const type of RECORD_TYPES) {
    const rows = await ctx.db.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM "${DEFINITIONS[type].table}" WHERE "deletedAt" IS NULL ORDER BY id`);
    ids[type] = rows.map((r) => r.id);
    for (const id of ids[type]) {
      const record = await (RECORD_GETTERS[type] as (v: Admin, id: number) => Promise<object | null>)(admin, id);
      names.set(key(type, id), displayName(type, record as never));
    }
  }
});

describe("one name per record", () => {
  it("has demo records of every type", () => {
    for (const type of RECORD_TYPES) expect(ids[type].length, type).toBeGreaterThan(0);
  });

  it("in the lists (listRecords)", async () => {
    const { listRecords } = await import("@/lib/records/lists");
    for (const type of RECORD_TYPES) {
      const list = listOf(type);
      if (!list) continue;
      const page = await listRecords(list, admin, parseListParams(list, new URLSearchParams()).params);
      expect(page.rows.length, list).toBe(ids[type].length);
      const rowName = LIST_ROW_NAME[list] as (row: unknown) => string;
      for (const row of page.rows) expect(rowName(row), `${list} ${row.id}`).toBe(nameOf(type, row.id));
    }
  });

  it("as their page's title (recordMetadata)", async () => {
    const { recordMetadata } = await import("@/lib/pages/record-page");
    for (const type of RECORD_TYPES) {
      for (const id of ids[type]) expect((await recordMetadata(type, String(id))).title).toBe(nameOf(type, id));
    }
  });

  it("in the type-ahead (lookup): the name, then a detail that tells similar ones apart", async () => {
    const { lookup } = await import("@/lib/db/lookup");
    const types: (RecordType & LookupType)[] = ["actor", "concern", "transfer", "request", "source", "weaponSystem", "inspection"];
    for (const type of types) {
      const options = await lookup(admin, type, "", ids[type]);
      expect(options.map((o) => o.id).sort((a, b) => a - b), type).toEqual(ids[type]);
      for (const o of options) {
        expect(o.name, `${type} ${o.id}`).toBe(nameOf(type, o.id));
        expect(o.label === o.name || o.label.startsWith(`${o.name} (`) || o.label.startsWith(`${o.name} — `), o.label).toBe(true);
      }
    }
  });

  it("on the dashboard (longest unresolved, overdue, inspections never conducted, recent activity)", async () => {
    const { loadDashboard } = await import("@/lib/dashboard/data");
    const { dashboardFilter } = await import("@/lib/dashboard/filter");
    const d = await loadDashboard(admin, dashboardFilter(""));
    for (const c of [...d.oldest.rows, ...d.overdue.rows]) expect(c.title).toBe(nameOf("concern", c.id));
    for (const i of d.unfulfilled.rows) expect(i.name).toBe(nameOf("inspection", i.id));
    for (const r of d.latestRequests) expect(r.title).toBe(nameOf("request", r.id));
    for (const c of d.latestChanges) expect(c.title).toBe(nameOf("concern", c.concernId));
    for (const shown of [d.oldest.rows, d.unfulfilled.rows, d.latestRequests, d.latestChanges]) expect(shown.length).toBeGreaterThan(0);
  });

  it("on the concern timeline", async () => {
    const { getConcern } = await import("@/lib/records/concern/queries");
    const { concernTimeline } = await import("@/lib/records/concern/timeline");
    let named = 0;
    for (const id of ids.concern) {
      const { items } = concernTimeline((await getConcern(admin, id))!);
      for (const { data: e } of items) {
        if (e.kind === "request" || e.kind === "answer") expect(displayName("request", e.request)).toBe(nameOf("request", e.request.id));
        else if (e.kind === "inspection") expect(displayName("inspection", e.inspection)).toBe(nameOf("inspection", e.inspection.id));
        else if (e.kind === "transfer") expect(displayName("transfer", e.transfer)).toBe(nameOf("transfer", e.transfer.id));
        else continue;
        named++;
      }
    }
    expect(named).toBeGreaterThan(0);
  });

  it("on the country pages (transfers, requests made, received and concerning, concerns, inspections)", async () => {
    const { getCountryPage } = await import("@/lib/db/country-page");
    const countries = await ctx.db.$queryRaw<{ alpha2: string }[]>`
      SELECT DISTINCT c.alpha2::text AS alpha2 FROM "Country" c
       WHERE EXISTS (SELECT 1 FROM "ArmsTransfer" t WHERE c.id IN (t."supplierId", t."recipientId"))
          OR EXISTS (SELECT 1 FROM "DiplomaticRequest" r WHERE c.id IN (r."requestingCountryId", r."targetCountryId"))
          OR EXISTS (SELECT 1 FROM "ConcernCountry" cc WHERE cc."countryId" = c.id)
          OR EXISTS (SELECT 1 FROM "Inspection" i WHERE c.id IN (i."hostCountryId", i."inspectingCountryId"))`;
    expect(countries.length).toBeGreaterThan(1);
    const counts = { transfer: 0, request: 0, concern: 0, inspection: 0 };
    for (const { alpha2 } of countries) {
      const page = (await getCountryPage(admin, alpha2))!;
      for (const side of Object.values(page.transfers)) {
        for (const t of side.latest) {
          counts.transfer++;
          expect(t.name, alpha2).toBe(nameOf("transfer", t.id));
        }
      }
      for (const direction of Object.values(page.requests)) {
        for (const r of direction.latest) {
          counts.request++;
          expect(displayName("request", r), alpha2).toBe(nameOf("request", r.id));
        }
      }
      for (const c of page.concerns.list) {
        counts.concern++;
        expect(displayName("concern", c), alpha2).toBe(nameOf("concern", c.id));
      }
      for (const side of Object.values(page.inspections)) {
        for (const i of side.list) {
          counts.inspection++;
          expect(i.name, alpha2).toBe(nameOf("inspection", i.id));
        }
      }
    }
    for (const [type, n] of Object.entries(counts)) expect(n, type).toBeGreaterThan(0);
  });

  it("in Activity (each record's events)", async () => {
    const { listActivity, activityFilterSchema } = await import("@/lib/db/activity");
    const byEntity = new Map(RECORD_TYPES.map((t) => [DEFINITIONS[t].entityType as string, t]));
    let named = 0;
    for (let page = 1; ; page++) {
      const feed = await listActivity(admin, activityFilterSchema.parse({ page }));
      for (const r of feed.rows) {
        const type = r.entityType ? byEntity.get(r.entityType) : undefined;
        if (!type || !r.entityId) continue;
        expect(r.recordName, `${type} ${r.entityId}`).toBe(nameOf(type, r.entityId));
        named++;
      }
      if (!feed.hasNext) break;
    }
    expect(named).toBe(RECORD_TYPES.reduce((n, t) => n + ids[t].length, 0));
  });
});

describe("a transfer whose weapon system the reader may not see", () => {
  it("is named alike on its country's page, in the type-ahead and on its own page (“not shown”, not “unknown”)", async () => {
    const viewer = { id: (await makeUser(ctx.db, "VIEWER", undefined, "names-viewer")).id, role: "VIEWER" as const };
    const ru = await ctx.db.country.findUniqueOrThrow({ where: { alpha2: "RU" } });
    const ve = await ctx.db.country.findUniqueOrThrow({ where: { alpha2: "VE" } });
    const weapon = await ctx.db.weaponSystem.create({ data: { name: "Zqnames", category: "MANPADS", visibility: "RESTRICTED", createdById: admin.id } });
    const transfer = await ctx.db.armsTransfer.create({ data: { supplierId: ru.id, recipientId: ve.id, weaponSystemId: weapon.id, status: "ORDERED", orderYear: 2030 } });
    const expected = "Russia to Venezuela: weapon system not shown";
    const { getCountryPage } = await import("@/lib/db/country-page");
    const { lookup } = await import("@/lib/db/lookup");
    const { getTransfer } = await import("@/lib/records/transfer/queries");
    expect(displayName("transfer", (await getTransfer(viewer, transfer.id))!)).toBe(expected);
    expect((await lookup(viewer, "transfer", "", [transfer.id]))[0]!.name).toBe(expected);
    for (const [code, side] of [["RU", "SUPPLIER"], ["VE", "RECIPIENT"]] as const) {
      const row = (await getCountryPage(viewer, code))!.transfers[side].latest.find((t) => t.id === transfer.id);
      expect(row?.name, code).toBe(expected);
    }
    expect((await getCountryPage(admin, "VE"))!.transfers.RECIPIENT.latest.find((t) => t.id === transfer.id)?.name).toBe("Russia to Venezuela: Zqnames");
  });
});
