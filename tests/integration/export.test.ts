// Exports of lists (/api/v1/<resource>/export): what the list shows with
// its filters, every row (over several pages of the stream), each with the
// record's URL; restricted records left out for those who may not see them;
// cells that a spreadsheet would run as formulas made harmless; every
// export an audit event.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { actAs, makeUser } from "@/tests/helpers/session";

vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));

const ctx = withMigratedDatabase("export");

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let route: { GET: Handler };
let EXPORT_PAGE: number;
const users = {} as Record<"viewer" | "editor", number>;
const ids = { us: 0, ru: 0, ve: 0 };

async function exportAs(who: "viewer" | "editor", resource: string, query: string) {
  await actAs(ctx.db, users[who]);
  const res = await route.GET(new Request(`http://localhost/api/v1/${resource}/export?${query}`), { params: Promise.resolve({ resource }) });
  return { status: res.status, type: res.headers.get("content-type"), disposition: res.headers.get("content-disposition"), text: await res.text() };
}

const FORMULAS = ["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1"];

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", ctx.url);
  route = (await import("@/app/api/v1/[resource]/export/route")) as unknown as { GET: Handler };
  EXPORT_PAGE = (await import("@/lib/api/export")).EXPORT_PAGE;
  await ctx.db.country.createMany({
    data: [
      { alpha2: "US", alpha3: "USA", numeric: "840", name: "United States" },
      { alpha2: "RU", alpha3: "RUS", numeric: "643", name: "Russia" },
      { alpha2: "VE", alpha3: "VEN", numeric: "862", name: "Venezuela" },
    ],
  });
  for (const c of await ctx.db.country.findMany()) ids[c.alpha2.toLowerCase() as keyof typeof ids] = c.id;
  users.viewer = (await makeUser(ctx.db, "VIEWER")).id;
  users.editor = (await makeUser(ctx.db, "EDITOR")).id;
  const base = { requestingCountryId: ids.us, ask: "HALT_SALE" as const, createdById: users.editor };
  await ctx.db.diplomaticRequest.createMany({
    data: [
      ...FORMULAS.map((title) => ({ ...base, title, targetCountryId: ids.ve })),
      { ...base, title: "Plain to Venezuela", targetCountryId: ids.ve, occurredOn: new Date("2009-03-17"), occurredOnPrecision: "DAY" as const },
      { ...base, title: "Restricted to Venezuela", targetCountryId: ids.ve, visibility: "RESTRICTED" as const },
      { ...base, title: "Deleted to Venezuela", targetCountryId: ids.ve, deletedAt: new Date() },
      // More than one page of the stream.
      ...Array.from({ length: EXPORT_PAGE * 2 + 7 }, (_, i) => ({ ...base, title: `Bulk ${i}`, targetCountryId: ids.ru })),
    ],
  });
});

describe("exports", () => {
  it("CSV: the filtered list, restricted records left out, formulas made text, each row with its URL", async () => {
    const r = await exportAs("viewer", "requests", "country=VE&format=csv");
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^text\/csv/);
    expect(r.disposition).toMatch(/attachment; filename="demarche-requests-\d{8}-\d{4}\.csv"/);
    const rows = parse(r.text, { columns: true }) as Record<string, string>[];
    const titles = rows.map((x) => x.title);
    expect(titles).toHaveLength(FORMULAS.length + 1);
    expect(titles).not.toContain("Restricted to Venezuela");
    expect(titles).not.toContain("Deleted to Venezuela");
    expect(titles).toContain("Plain to Venezuela");
    for (const f of FORMULAS) expect(titles).toContain(`'${f}`);
    for (const row of rows) expect(row.url).toBe(`http://localhost/requests/${row.id}`);
    expect(rows.find((x) => x.title === "Plain to Venezuela")!.occurredOn).toBe("2009-03-17");
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(["id", "title", "targetCountry", "response", "url"]));
  });

  it("an editor's export includes the restricted record", async () => {
    const rows = parse((await exportAs("editor", "requests", "country=VE")).text, { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => x.title)).toContain("Restricted to Venezuela");
  });

  it("JSON: every row of a list longer than several pages, once each, in the list's order", async () => {
    const r = await exportAs("viewer", "requests", "country=RU&sort=title&dir=asc&format=json");
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^application\/json/);
    const rows = JSON.parse(r.text) as { id: number; title: string; url: string }[];
    expect(rows).toHaveLength(EXPORT_PAGE * 2 + 7);
    expect(new Set(rows.map((x) => x.id)).size).toBe(rows.length);
    expect(rows.map((x) => x.title)).toEqual([...rows.map((x) => x.title)].sort());
    expect(rows.every((x) => x.url.endsWith(`/requests/${x.id}`))).toBe(true);
  });

  it("an empty list exports its header (CSV) or [] (JSON)", async () => {
    const csv = await exportAs("viewer", "requests", "q=nothingmatchesthis");
    expect(parse(csv.text)).toHaveLength(1);
    expect(csv.text.split("\n")[0]).toContain("title");
    expect(JSON.parse((await exportAs("viewer", "requests", "q=nothingmatchesthis&format=json")).text)).toEqual([]);
  });

  it("is an audit event: who exported which list with which filters", async () => {
    const before = await ctx.db.auditEvent.count({ where: { action: "EXPORT" } });
    await exportAs("viewer", "transfers", "status=DELIVERED&format=csv");
    const event = await ctx.db.auditEvent.findFirstOrThrow({ where: { action: "EXPORT" }, orderBy: { id: "desc" } });
    expect(await ctx.db.auditEvent.count({ where: { action: "EXPORT" } })).toBe(before + 1);
    expect(event.userId).toBe(users.viewer);
    expect(event.metadata).toMatchObject({ list: "transfers", format: "csv", filters: { status: "DELIVERED" } });
  });

  it("refuses bad filters or formats with the API's error shape, and writes no audit event", async () => {
    const before = await ctx.db.auditEvent.count({ where: { action: "EXPORT" } });
    for (const q of ["response=MAYBE", "format=xlsx", "page=3"]) {
      const r = await exportAs("viewer", "requests", q);
      expect(r.status).toBe(400);
      expect(JSON.parse(r.text)).toMatchObject({ error: { code: "BAD_REQUEST", message: expect.any(String), fields: expect.any(Object) } });
    }
    expect(await ctx.db.auditEvent.count({ where: { action: "EXPORT" } })).toBe(before);
  });
});
