// One display name per record (issue 13, point 2): the seeded Igla-S
// inspection and transfer are named the same way by the picker (lookup), the
// list data, their own page's data (the heading and the title: displayName
// of the detail), and every related list, citing-records entry and quote
// "about" link that shows them. Before, one inspection had five names on
// five pages ("In Venezuela: Igla-S", "Inspection in Venezuela by Russia",
// "Right asserted: Russia in Venezuela (Igla-S)"...).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";
import { displayName } from "@/lib/records/definitions";
import { listRowParts } from "@/lib/pages/display-names";
import { parseListParams } from "@/lib/lists/params";

const ctx = withMigratedDatabase("display_names");

const INSPECTION = "Inspection in Venezuela by Russia: Igla-S";
const TRANSFER = "Russia to Venezuela: Igla-S";

type Viewer = { id: number; role: "VIEWER" | "EDITOR" };
let viewer: Viewer;
let editor: Viewer;
const ids = { transfer: 0, inspection: 0, igla: 0, concern: 0, article: 0, quote: 0 };

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  viewer = { id: (await makeUser(ctx.db, "VIEWER")).id, role: "VIEWER" };
  editor = { id: (await makeUser(ctx.db, "EDITOR")).id, role: "EDITOR" };
  const ext = (model: { findUniqueOrThrow: (a: { where: { externalId: string }; select: { id: true } }) => Promise<{ id: number }> }, key: string) =>
    model.findUniqueOrThrow({ where: { externalId: key }, select: { id: true } }).then((r) => r.id);
  ids.transfer = await ext(ctx.db.armsTransfer, "demo:transfer:ru-ve-igla-s");
  ids.inspection = await ext(ctx.db.inspection, "demo:inspection:ru-surprise-inspections-ve");
  ids.igla = await ext(ctx.db.weaponSystem, "demo:weapon:igla-s");
  ids.concern = await ext(ctx.db.concern, "demo:concern:igla-s-diversion");
  ids.article = await ext(ctx.db.source, "demo:source:article");
  ids.quote = await ext(ctx.db.quote, "demo:quote:schroeder-inspections");
});

/** Every name a list of [id, name] gives the record `id`. */
const namesOf = (id: number, rows: { id: number; name: string }[]) => rows.filter((r) => r.id === id).map((r) => r.name);

describe("the seeded Igla-S inspection and transfer", () => {
  it("have their display name in the pickers (the name, then a detail)", async () => {
    const { lookup } = await import("@/lib/db/lookup");
    const [inspection] = await lookup(viewer, "inspection", "", [ids.inspection]);
    expect(inspection!.label).toBe(`${INSPECTION} (right asserted)`);
    const [transfer] = await lookup(viewer, "transfer", "", [ids.transfer]);
    expect(transfer!.label).toBe(TRANSFER);
  });

  it("have it in their lists", async () => {
    const { listRecords } = await import("@/lib/records/lists");
    const inspections = await listRecords("inspections", viewer, parseListParams("inspections", {}).params);
    const row = inspections.rows.find((r) => r.id === ids.inspection)!;
    expect(displayName("inspection", listRowParts.inspection(row))).toBe(INSPECTION);
    const transfers = await listRecords("transfers", viewer, parseListParams("transfers", {}).params);
    const t = transfers.rows.find((r) => r.id === ids.transfer)!;
    expect(displayName("transfer", listRowParts.transfer(t))).toBe(TRANSFER);
  });

  it("have it as their own page's heading and title, and on each other's pages", async () => {
    const { getInspection } = await import("@/lib/records/inspection/queries");
    const { getTransfer } = await import("@/lib/records/transfer/queries");
    const i = (await getInspection(viewer, ids.inspection))!;
    expect(displayName("inspection", i)).toBe(INSPECTION);
    expect(displayName("transfer", i.transfer!)).toBe(TRANSFER);
    const t = (await getTransfer(viewer, ids.transfer))!;
    expect(displayName("transfer", t)).toBe(TRANSFER);
    expect(t.inspections.rows.map((x) => displayName("inspection", x))).toEqual([INSPECTION]);
  });

  it("have it in the related lists of the weapon system, the concern, the quote and the citing records", async () => {
    const { getWeaponSystem } = await import("@/lib/records/weapon-system/queries");
    const { getConcern } = await import("@/lib/records/concern/queries");
    const { getQuote } = await import("@/lib/records/quote/queries");
    const { getSource } = await import("@/lib/records/source/queries");
    const w = (await getWeaponSystem(viewer, ids.igla))!;
    expect(namesOf(ids.transfer, w.transfers.rows.map((t) => ({ id: t.id, name: displayName("transfer", t) })))).toEqual([TRANSFER]);
    expect(namesOf(ids.inspection, w.inspections.rows.map((x) => ({ id: x.id, name: displayName("inspection", x) })))).toEqual([INSPECTION]);

    const c = (await getConcern(viewer, ids.concern))!;
    expect(namesOf(ids.transfer, c.transferLinks.rows.map(({ transfer: t }) => ({ id: t.id, name: displayName("transfer", t) })))).toEqual([TRANSFER]);
    expect(namesOf(ids.inspection, c.inspections.rows.map((x) => ({ id: x.id, name: displayName("inspection", x) })))).toEqual([INSPECTION]);

    const q = (await getQuote(viewer, ids.quote))!;
    expect(displayName("inspection", q.inspection!)).toBe(INSPECTION);

    const s = (await getSource(viewer, ids.article))!;
    expect(namesOf(ids.transfer, s.citedBy.rows.filter((r) => r.type === "transfer").map((r) => ({ id: r.id, name: r.label })))).toContain(TRANSFER);
  });

  it("have it in the list of quotes, as what a quote is about", async () => {
    const { listQuotes } = await import("@/lib/records/related-lists");
    const page = await listQuotes(viewer, { filter: { key: "inspection", id: ids.inspection }, page: 1 });
    const quote = page.rows.find((r) => r.id === ids.quote)!;
    expect(displayName("inspection", quote.inspection!)).toBe(INSPECTION);
  });
});

describe("a transfer whose weapon system the reader may not see", () => {
  it("is named alike by its picker, its list row and its page: the weapon system is “not shown”, not “unknown”", async () => {
    const ru = await ctx.db.country.findUniqueOrThrow({ where: { alpha2: "RU" } });
    const ve = await ctx.db.country.findUniqueOrThrow({ where: { alpha2: "VE" } });
    const weapon = await ctx.db.weaponSystem.create({ data: { name: "Zqhidden", category: "MANPADS", visibility: "RESTRICTED", createdById: editor.id } });
    const transfer = await ctx.db.armsTransfer.create({ data: { supplierId: ru.id, recipientId: ve.id, weaponSystemId: weapon.id, status: "ORDERED" } });
    const { lookup } = await import("@/lib/db/lookup");
    const { getTransfer } = await import("@/lib/records/transfer/queries");
    const expected = "Russia to Venezuela: weapon system not shown";
    expect((await lookup(viewer, "transfer", "", [transfer.id]))[0]!.label).toBe(expected);
    expect(displayName("transfer", (await getTransfer(viewer, transfer.id))!)).toBe(expected);
    const { listRecords } = await import("@/lib/records/lists");
    const row = (await listRecords("transfers", viewer, parseListParams("transfers", { sort: "added" }).params)).rows.find((r) => r.id === transfer.id)!;
    expect(displayName("transfer", listRowParts.transfer(row))).toBe(expected);
    // The row says a weapon system is named, without its id or name.
    expect(row).toMatchObject({ weaponSystemHidden: true, weaponSystemId: null, weaponSystem: null });
    // Who may see it reads its name in both.
    expect((await lookup(editor, "transfer", "", [transfer.id]))[0]!.label).toBe("Russia to Venezuela: Zqhidden");
    expect(displayName("transfer", (await getTransfer(editor, transfer.id))!)).toBe("Russia to Venezuela: Zqhidden");
  });
});
