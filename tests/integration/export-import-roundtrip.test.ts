// An export of transfers and requests (?shape=record, the columns of their
// import, named from the field specs) read back by the import into a fresh
// database: every field the import fills comes back equal, and importing
// the file again creates nothing (issue 13, point 2). What the import does
// not fill (links to other records) is listed in lib/import/kinds.ts.
import { parse } from "csv-parse/sync";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPool, createPrismaClient, type Db } from "@/lib/db/prisma";
import { seed, seedCountries } from "@/tools/seed/load";
import { dropDatabase } from "@/tools/postgres/admin";
import { createMigratedDatabase, serverUrl, withMigratedDatabase } from "@/tests/helpers/db";
import { actAs, makeUser } from "@/tests/helpers/session";

vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));

const ctx = withMigratedDatabase("roundtrip");
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let route: { GET: Handler };
let imp: typeof import("@/lib/import/apply");
let kinds: typeof import("@/lib/import/kinds");
let records: typeof import("@/lib/records/registry");
let editor: { id: number; role: "EDITOR" };
let igla: { id: number; description: string | null };
// The second database, fresh: its countries only.
const fresh = {} as { url: string; db: Db; pool: pg.Pool; editor: { id: number; role: "EDITOR" } };

const utf8 = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  route = (await import("@/app/api/v1/[resource]/export/route")) as unknown as { GET: Handler };
  imp = await import("@/lib/import/apply");
  kinds = await import("@/lib/import/kinds");
  records = await import("@/lib/records/registry");
  editor = { id: (await makeUser(ctx.db, "EDITOR")).id, role: "EDITOR" };
  const country = async (alpha2: string) => (await ctx.db.country.findUniqueOrThrow({ where: { alpha2 } })).id;
  const [ru, ve, us, cn, br] = await Promise.all(["RU", "VE", "US", "CN", "BR"].map(country));
  igla = await ctx.db.weaponSystem.findFirstOrThrow({ where: { name: "Igla-S" } });
  // Beside the seeded case: estimates, unknowns, a restricted record, every optional field.
  await ctx.db.armsTransfer.createMany({
    data: [
      {
        supplierId: ru!, recipientId: ve!, weaponSystemId: igla.id, status: "IN_DELIVERY", numberOrdered: 100, numberOrderedUncertain: true,
        numberDelivered: 40, orderYear: 2006, orderYearUncertain: true, deliveryYears: [2008, 2009], deliveryYearsUncertain: true,
        comments: "Estimates throughout; “quoted”, with, commas", visibility: "RESTRICTED", createdById: editor.id,
      },
      { supplierId: cn!, recipientId: br!, status: "REPORTED", comments: "'=HYPERLINK(\"x\") kept as text", createdById: editor.id },
    ],
  });
  await ctx.db.diplomaticRequest.createMany({
    data: [
      {
        title: "U.S. asks China about Brazil", requestingCountryId: us!, targetCountryId: cn!, occurredOn: new Date("2010-03-01"), occurredOnPrecision: "MONTH",
        channel: "LETTER", ask: "END_USE_ASSURANCE", askDetail: "Which units, where.", response: "PARTIALLY_ACCEPTED", responseSummary: "Some, later.",
        classification: "CONFIDENTIAL", visibility: "RESTRICTED", createdById: editor.id,
      },
      { title: "Undated ask", requestingCountryId: br!, targetCountryId: ru!, ask: "OTHER", createdById: editor.id },
    ],
  });

  fresh.url = await createMigratedDatabase("roundtrip_fresh");
  fresh.db = createPrismaClient(fresh.url);
  await fresh.db.$transaction((tx) => seedCountries(tx), { timeout: 60_000 });
  fresh.pool = createPool(fresh.url, "long", 2);
  fresh.editor = { id: (await makeUser(fresh.db, "EDITOR")).id, role: "EDITOR" };
});

afterAll(async () => {
  await fresh.pool?.end();
  await fresh.db?.$disconnect();
  if (fresh.url) await dropDatabase(serverUrl(), new URL(fresh.url).pathname.slice(1));
});

async function exportCsv(resource: string, shape = "record"): Promise<string> {
  await actAs(ctx.db, editor.id);
  const res = await route.GET(new Request(`http://localhost/api/v1/${resource}/export?format=csv&shape=${shape}`), { params: Promise.resolve({ resource }) });
  expect(res.status).toBe(200);
  return res.text();
}

/**
 * Each record's fields that the import fills, as comparable text: countries
 * by ISO code, weapon systems by name and description (an import makes a
 * new one as the file says), everything else as its form value.
 */
async function importedValues(db: Db, type: "transfer" | "request", ids: number[]): Promise<string[]> {
  const spec = kinds.importKindOf(type)!;
  const fields = records.RECORDS[type].definition.fields.filter((f) => spec.columns.some((c) => c.field === f.name));
  const countries = new Map((await db.country.findMany({ select: { id: true, alpha2: true } })).map((c) => [c.id, c.alpha2]));
  // A weapon system by its name and description (those the file carries; its category is guessed from the description).
  const weapons = new Map((await db.weaponSystem.findMany({ select: { id: true, name: true, description: true } })).map((w) => [w.id, `${w.name} | ${w.description ?? ""}`]));
  const out: string[] = [];
  for (const id of ids) {
    const values = (await records.RECORDS[type].formValues(db, id))!;
    const row: Record<string, unknown> = {};
    for (const f of fields) {
      const v = values[f.name];
      row[f.name] = f.kind === "country" ? countries.get(v as number) : f.kind === "picker" ? (v === null ? null : weapons.get(v as number)) : v;
      if ((f.kind === "number" || f.kind === "years") && f.uncertainName) row[f.uncertainName] = values[f.uncertainName];
    }
    out.push(JSON.stringify(row));
  }
  return out.sort();
}

describe.each([
  { resource: "transfers", kind: "transfers" as const, type: "transfer" as const, table: "armsTransfer" as const },
  { resource: "requests", kind: "requests" as const, type: "request" as const, table: "diplomaticRequest" as const },
])("$resource: export, import into a fresh database, compare", ({ resource, kind, type, table }) => {
  it("every field the import fills comes back equal; a second import creates nothing", async () => {
    const csv = await exportCsv(resource);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    const exportedIds = rows.map((r) => Number(r.id));
    const all = await (ctx.db[table] as unknown as { findMany(a: object): Promise<{ id: number }[]> }).findMany({ where: { deletedAt: null }, select: { id: true } });
    expect(exportedIds.sort()).toEqual(all.map((r) => r.id).sort());
    expect(exportedIds.length).toBeGreaterThanOrEqual(3);
    // The columns are the fields' labels (and each estimate box's).
    const labels = records.RECORDS[type].definition.fields.filter((f) => kinds.importKindOf(type)!.columns.some((c) => c.field === f.name)).map((f) => f.label);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(labels));

    const who = fresh.editor;
    const check = await imp.checkImport(who, kind, utf8(csv), `${resource}.csv`, fresh.pool);
    expect(check.problems).toEqual([]);
    expect(check.counts).toMatchObject({ rows: rows.length, create: rows.length, error: 0, match: 0 });
    await imp.runImport(who, kind, utf8(csv), { fileName: `${resource}.csv`, sha256: check.sha256, expectedCreate: rows.length, ip: null }, { pool: fresh.pool });

    const made = await (fresh.db[table] as unknown as { findMany(a: object): Promise<{ id: number }[]> }).findMany({ select: { id: true } });
    expect(made).toHaveLength(rows.length);
    expect(await importedValues(fresh.db, type, made.map((r) => r.id))).toEqual(await importedValues(ctx.db, type, exportedIds));

    const again = await imp.checkImport(who, kind, utf8(csv), `${resource}.csv`, fresh.pool);
    expect(again.counts).toMatchObject({ rows: rows.length, create: 0, match: rows.length, error: 0 });
    await expect(
      imp.runImport(who, kind, utf8(csv), { fileName: `${resource}.csv`, sha256: again.sha256, expectedCreate: 0, ip: null }, { pool: fresh.pool }),
    ).rejects.toThrow(/Nothing to import/);
    expect(await (fresh.db[table] as unknown as { count(): Promise<number> }).count()).toBe(rows.length);

    // The list's own export (the default shape) is read too, and names the same records.
    const list = await imp.checkImport(who, kind, utf8(await exportCsv(resource, "list")), `${resource}-list.csv`, fresh.pool);
    expect(list.problems).toEqual([]);
    expect(list.counts).toMatchObject({ rows: rows.length, create: 0, match: rows.length, error: 0 });
  });
});

describe("the record shape", () => {
  it("is refused for a type no import reads, and for an unknown shape", async () => {
    await actAs(ctx.db, editor.id);
    for (const [resource, query] of [["concerns", "shape=record"], ["transfers", "shape=wide"]] as const) {
      const res = await route.GET(new Request(`http://localhost/api/v1/${resource}/export?${query}`), { params: Promise.resolve({ resource }) });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "BAD_REQUEST", fields: { shape: expect.any(Array) } } });
    }
  });

  it("writes estimates, dates as typed and choices by their labels; the list shape is unchanged", async () => {
    const rows = parse(await exportCsv("transfers"), { columns: true }) as Record<string, string>[];
    const estimated = rows.find((r) => r["Comments"]?.startsWith("Estimates"))!;
    expect(estimated).toMatchObject({
      "Supplier country": "Russia",
      "Recipient country": "Venezuela",
      "Weapon system": "Igla-S",
      "Weapon description": igla.description,
      Status: "In delivery",
      "Number ordered": "100",
      "Number ordered: estimated": "yes",
      "Number delivered": "40",
      "Number delivered: estimated": "",
      "Year of order": "2006",
      "Years of delivery": "2008; 2009",
      "Years of delivery: estimated": "yes",
      "Who may see it": "Restricted: editors, admins and you",
    });
    const requests = parse(await exportCsv("requests"), { columns: true }) as Record<string, string>[];
    expect(requests.find((r) => r.Title === "U.S. asks China about Brazil")).toMatchObject({ Date: "2010-03", Channel: "Letter", "Classification of the original document": "Confidential" });
    await actAs(ctx.db, editor.id);
    const json = await route.GET(new Request("http://localhost/api/v1/transfers/export?format=json&shape=record"), { params: Promise.resolve({ resource: "transfers" }) });
    expect((JSON.parse(await json.text()) as Record<string, unknown>[]).find((r) => r.id === Number(estimated.id))).toMatchObject({ "Number ordered": "100", "Number ordered: estimated": "yes", url: estimated.url });
    const event = await ctx.db.auditEvent.findFirstOrThrow({ where: { action: "EXPORT" }, orderBy: { id: "desc" } });
    expect(event.metadata).toMatchObject({ list: "transfers", format: "json", shape: "record", filters: {} });
    const list = await route.GET(new Request("http://localhost/api/v1/requests/export?format=csv"), { params: Promise.resolve({ resource: "requests" }) });
    expect(Object.keys((parse(await list.text(), { columns: true }) as Record<string, string>[])[0]!)).toEqual(expect.arrayContaining(["id", "title", "occurredOn", "url"]));
  });
});
