// CSV import against a real database: the dry run writes nothing, the import
// writes exactly the rows it showed in one transaction with one audit event,
// a re-import creates nothing, problems (unknown countries, malformed files,
// formulas) stop it with their row and column, a failure in the last row
// leaves nothing behind, and a viewer can do none of it.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { sha256Hex } from "@/lib/import/parse";
import type { DryRun } from "@/lib/import/plan";
import { withClient } from "@/tools/postgres/admin";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { actAs, makeUser } from "@/tests/helpers/session";

vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));

const ctx = withMigratedDatabase("import");
let imp: typeof import("@/lib/import/apply");
let actions: typeof import("@/lib/import/actions");
type Who = { id: number; role: "VIEWER" | "ANALYST" | "EDITOR" | "ADMIN" };
const who: Record<"viewer" | "analyst" | "editor", Who> = {} as never;
let igla: number;

const utf8 = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  imp = await import("@/lib/import/apply");
  actions = await import("@/lib/import/actions");
  for (const role of ["VIEWER", "ANALYST", "EDITOR"] as const) who[role.toLowerCase() as keyof typeof who] = { id: (await makeUser(ctx.db, role)).id, role };
  igla = (await ctx.db.weaponSystem.findFirstOrThrow({ where: { name: "Igla-S" } })).id;
});

/** Every table an import could write, to show that a refused or dry run wrote nothing. */
async function digest(): Promise<string> {
  return withClient(ctx.url, async (c) => {
    const parts: string[] = [];
    for (const t of ["ArmsTransfer", "WeaponSystem", "DiplomaticRequest", "AuditEvent"]) {
      const r = await c.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x.id), '')) AS d FROM "${t}" x`);
      parts.push(`${t}:${r.rows[0].n}:${r.rows[0].d}`);
    }
    return parts.join(" ");
  });
}

// A register as SIPRI prints it: title rows, the header, marker columns left
// out here (tested in the unit tests), estimates in brackets or with "?",
// ". ." for unknown, ranges of years, a column Demarche does not read.
const REGISTER = [
  "SIPRI Arms Transfers Database",
  "Transfers of major weapons: deals with deliveries or orders made for 2005 to 2010",
  "",
  "Recipient,Supplier,Year of order,No. ordered,Weapon designation,Weapon description,No. delivered,Year(s) of delivery,Status,Comments,SIPRI TIV per unit",
  'Venezuela,Russia,(2005),. .,Igla-S,portable SAM,. .,2009,Delivered,"Seen at a parade, 2009",0.05',
  "Venezuela,Russia,2006,24,Su-30MK2,FGA aircraft,24,2006-2008,Delivered,,30",
  "Colombia,United States,2008?,(10),UH-60L Black Hawk,transport helicopter,(6),2009; 2011,In delivery,-ex-US Army,10",
  "Malaysia,Russia,2003,18,Su-30MK2,FGA aircraft,18,(2007-2009),Delivered,=HYPERLINK(\"http://evil.example\"),30",
  "Côte d'Ivoire,Belarus,2012,. .,Mi-24V,combat helicopter,?,,Ordered,,",
].join("\r\n");

describe("a register with uncertainty markers", () => {
  let dry: Awaited<ReturnType<typeof imp.checkImport>>;

  it("dry run: shows per row what will be created, the weapon systems matched and made, and writes nothing", async () => {
    const before = await digest();
    dry = await imp.checkImport(who.analyst, "transfers", utf8(REGISTER), "register.csv");
    expect(await digest()).toBe(before);
    expect(dry).toMatchObject({
      kind: "transfers",
      fileName: "register.csv",
      headerRow: 4,
      counts: { rows: 5, create: 5, match: 0, error: 0, newWeaponSystems: 3 },
      problemsTotal: 0,
      canImport: true,
    });
    expect(dry.fileNotes).toEqual([
      "Rows 1-3 are above the header (row 4) and were skipped as titles and notes.",
      "Not read (no such field in Demarche): “SIPRI TIV per unit”.",
    ]);
    expect(dry.rows.map((r) => [r.row, r.outcome])).toEqual([[5, "create"], [6, "create"], [7, "create"], [8, "create"], [9, "create"]]);
    expect(dry.rows[0]!.notes).toContainEqual({ column: "Weapon designation", message: `Weapon system “Igla-S” (#${igla}).` });
    expect(dry.rows[1]!.notes[0]!.message).toBe("New weapon system “Su-30MK2”, category Aircraft (from the description): check it after the import.");
    expect(dry.rows[3]!.notes).toContainEqual({ column: "Weapon designation", message: "Weapon system “Su-30MK2”, new with row 6." });
    expect(dry.rows[3]!.notes).toContainEqual({ column: "Comments", message: expect.stringMatching(/^Starts with “=”/) });
    expect(dry.newWeaponSystems.map((w) => [w.designation, w.category, w.rows])).toEqual([
      ["Su-30MK2", "AIRCRAFT", 2],
      ["UH-60L Black Hawk", "AIRCRAFT", 1],
      ["Mi-24V", "AIRCRAFT", 1],
    ]);
  });

  it("import: writes exactly those records, as the analyst's and unverified, with one audit event listing them", async () => {
    const before = await ctx.db.armsTransfer.count();
    const result = await imp.runImport(who.analyst, "transfers", utf8(REGISTER), { fileName: "register.csv", sha256: dry.sha256, expectedCreate: 5, ip: "192.0.2.5" });
    expect(result).toMatchObject({ kind: "transfers", created: 5, matched: 0, weaponSystemsCreated: 3 });
    expect(await ctx.db.armsTransfer.count()).toBe(before + 5);

    const ids = result.ids.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
    const rows = await ctx.db.armsTransfer.findMany({
      where: { id: { in: ids } },
      orderBy: { id: "asc" },
      include: { supplier: true, recipient: true, weaponSystem: true },
    });
    expect(rows.map((t) => ({
      route: `${t.supplier.alpha2}>${t.recipient.alpha2}`,
      weapon: t.weaponSystem?.name ?? null,
      status: t.status,
      ordered: [t.numberOrdered, t.numberOrderedUncertain],
      delivered: [t.numberDelivered, t.numberDeliveredUncertain],
      year: [t.orderYear, t.orderYearUncertain],
      years: [t.deliveryYears, t.deliveryYearsUncertain],
      comments: t.comments,
    }))).toEqual([
      { route: "RU>VE", weapon: "Igla-S", status: "DELIVERED", ordered: [null, false], delivered: [null, false], year: [2005, true], years: [[2009], false], comments: "Seen at a parade, 2009" },
      { route: "RU>VE", weapon: "Su-30MK2", status: "DELIVERED", ordered: [24, false], delivered: [24, false], year: [2006, false], years: [[2006, 2007, 2008], false], comments: null },
      { route: "US>CO", weapon: "UH-60L Black Hawk", status: "IN_DELIVERY", ordered: [10, true], delivered: [6, true], year: [2008, true], years: [[2009, 2011], false], comments: "'-ex-US Army" },
      { route: "RU>MY", weapon: "Su-30MK2", status: "DELIVERED", ordered: [18, false], delivered: [18, false], year: [2003, false], years: [[2007, 2008, 2009], true], comments: "'=HYPERLINK(\"http://evil.example\")" },
      { route: "BY>CI", weapon: "Mi-24V", status: "ORDERED", ordered: [null, false], delivered: [null, false], year: [2012, false], years: [[], false], comments: null },
    ]);
    for (const t of rows) {
      expect(t).toMatchObject({ createdById: who.analyst.id, updatedById: who.analyst.id, verifiedAt: null, visibility: "INTERNAL", version: 1 });
      expect(t.externalId).toMatch(/^import:transfer:[0-9a-f]{64}$/);
    }
    const su30 = await ctx.db.weaponSystem.findFirstOrThrow({ where: { name: "Su-30MK2" } });
    expect(su30).toMatchObject({ designation: "Su-30MK2", category: "AIRCRAFT", description: "FGA aircraft", createdById: who.analyst.id, verifiedAt: null, originCountryId: null });

    const event = await ctx.db.auditEvent.findUniqueOrThrow({ where: { id: result.auditEventId } });
    expect(event).toMatchObject({ action: "IMPORT", userId: who.analyst.id, entityType: "ARMS_TRANSFER", entityId: null, ip: "192.0.2.5", outcome: "success" });
    expect(event.metadata).toEqual({
      kind: "transfers",
      fileName: "register.csv",
      sha256: dry.sha256,
      size: utf8(REGISTER).length,
      rows: 5,
      created: 5,
      matched: 0,
      table: "ArmsTransfer",
      ids: result.ids,
      weaponSystems: { created: 3, ids: expect.any(Array) },
      verified: false,
    });
    const weaponIds = (event.metadata as { weaponSystems: { ids: [number, number][] } }).weaponSystems.ids.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
    expect((await ctx.db.weaponSystem.findMany({ where: { id: { in: weaponIds } } })).map((w) => w.name).sort()).toEqual(["Mi-24V", "Su-30MK2", "UH-60L Black Hawk"]);
    expect(await ctx.db.auditEvent.count({ where: { occurredAt: { gte: event.occurredAt }, NOT: { id: event.id } } })).toBe(0);
  });

  it("an imported record's history shows the import as its creation: who, when, from which file", async () => {
    const { recordHistory } = await import("@/lib/records/service");
    const { RECORDS } = await import("@/lib/records/registry");
    const event = await ctx.db.auditEvent.findFirstOrThrow({ where: { action: "IMPORT", entityType: "ARMS_TRANSFER" }, orderBy: { id: "desc" } });
    const [first, last] = (event.metadata as { ids: [number, number][] }).ids.at(-1)!;
    for (const id of [first, last]) {
      const history = await recordHistory(RECORDS.transfer, who.viewer, id);
      expect(history?.map((h) => [h.id, h.action, h.user, (h.metadata as { fileName?: string }).fileName])).toEqual([[event.id, "IMPORT", expect.any(String), "register.csv"]]);
    }
    const mi24 = await ctx.db.weaponSystem.findFirstOrThrow({ where: { name: "Mi-24V" } });
    expect((await recordHistory(RECORDS.weaponSystem, who.viewer, mi24.id))?.map((h) => [h.id, h.action])).toEqual([[event.id, "IMPORT"]]);
    // A record made by hand keeps its own history, and no import's.
    expect((await recordHistory(RECORDS.weaponSystem, who.viewer, igla))?.some((h) => h.action === "IMPORT")).toBe(false);
    expect(await recordHistory(RECORDS.transfer, who.viewer, last + 1_000_000)).toBeNull();
  });

  it("reads SIPRI's own 'status' column (the weapons' condition): the deal's status from the deliveries, the condition in the comments", async () => {
    const sipri = [
      "Recipient,Supplier,Year of order,,Number ordered,,Weapon designation,Weapon description,Number delivered,,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons",
      "Peru,Russia,2013,,24,,Mi-17V5,transport helicopter,24,,2014-2016,New,,6,144,144",
      "Peru,Belarus,2010,?,6,,Mi-35P,combat helicopter,2,,2011,Second hand but modernized,Ex-Belarusian,4,24,8",
      "Peru,Korea South,2016,,20,,KT-1,trainer aircraft,,,,New,,1.5,30,",
    ].join("\n");
    const dry = await imp.checkImport(who.analyst, "transfers", utf8(sipri), "sipri.csv");
    expect(dry.counts).toMatchObject({ rows: 3, create: 3, error: 0 });
    const result = await imp.runImport(who.analyst, "transfers", utf8(sipri), { fileName: "sipri.csv", sha256: dry.sha256, expectedCreate: 3, ip: null });
    const rows = await ctx.db.armsTransfer.findMany({ where: { id: { gte: result.ids[0]![0], lte: result.ids.at(-1)![1] } }, orderBy: { id: "asc" } });
    expect(rows.map((t) => [t.status, t.comments, t.orderYearUncertain])).toEqual([
      ["DELIVERED", "Condition: New.", false],
      ["IN_DELIVERY", "Condition: Second hand but modernized. Ex-Belarusian", true],
      ["ORDERED", "Condition: New.", false],
    ]);
  });

  it("re-import: the same file matches every row and creates nothing", async () => {
    const before = await digest();
    const again = await imp.checkImport(who.analyst, "transfers", utf8(REGISTER), "register.csv");
    expect(again.counts).toEqual({ rows: 5, create: 0, match: 5, error: 0, newWeaponSystems: 0, visibilityChanges: 0, lowering: 0 });
    expect(again.canImport).toBe(false);
    expect(again.rows[0]!.notes[0]!.message).toMatch(/^Already imported as transfer #\d+: not created again\.$/);
    expect(again.rows[0]!.record?.href).toMatch(/^\/transfers\/\d+$/);
    await expect(imp.runImport(who.analyst, "transfers", utf8(REGISTER), { fileName: "register.csv", sha256: again.sha256, expectedCreate: 5, ip: null })).rejects.toMatchObject({
      status: 409,
      message: "Nothing to import: every row of this file has been imported already.",
    });
    expect(await digest()).toBe(before);
  });

  it("re-import of a revised register: only the new row is created; changed figures are reported, not applied", async () => {
    const revised = `${REGISTER.replace("Su-30MK2,FGA aircraft,24,2006-2008,Delivered", "Su-30MK2,FGA aircraft,(23),2006-2008,Delivered")}\r\nIndia,France,2016,36,Rafale,FGA aircraft,36,2019-2022,Delivered,,`;
    const dry2 = await imp.checkImport(who.editor, "transfers", utf8(revised), "register-2.csv");
    expect(dry2.counts).toMatchObject({ rows: 6, create: 1, match: 5, error: 0, newWeaponSystems: 1 });
    expect(dry2.rows[1]!.notes).toContainEqual({
      column: null,
      message: "The file differs from the imported record in: number delivered, number delivered estimated. An import does not change existing records: edit the record if the file is right.",
    });
    const result = await imp.runImport(who.editor, "transfers", utf8(revised), { fileName: "register-2.csv", sha256: dry2.sha256, expectedCreate: 1, ip: null });
    expect(result).toMatchObject({ created: 1, matched: 5, weaponSystemsCreated: 1 });
    const rafale = await ctx.db.armsTransfer.findUniqueOrThrow({ where: { id: result.ids[0]![0] }, include: { weaponSystem: true } });
    // An editor's import is verified, by the editor.
    expect(rafale).toMatchObject({ numberOrdered: 36, createdById: who.editor.id, verifiedById: who.editor.id });
    expect(rafale.verifiedAt).toBeInstanceOf(Date);
    expect(rafale.weaponSystem).toMatchObject({ name: "Rafale", verifiedById: who.editor.id });
  });

  it("keeps two identical rows of one file as two records, and matches both on re-import", async () => {
    const twice = "Recipient,Supplier,Weapon designation,Status\nPeru,Russia,Mi-171Sh,Ordered\nPeru,Russia,Mi-171Sh,Ordered\n";
    const d = await imp.checkImport(who.analyst, "transfers", utf8(twice), "twice.csv");
    expect(d.counts).toMatchObject({ create: 2, newWeaponSystems: 1 });
    await imp.runImport(who.analyst, "transfers", utf8(twice), { fileName: "twice.csv", sha256: d.sha256, expectedCreate: 2, ip: null });
    expect((await imp.checkImport(who.analyst, "transfers", utf8(twice), "twice.csv")).counts).toMatchObject({ create: 0, match: 2 });
    expect(await ctx.db.weaponSystem.count({ where: { name: "Mi-171Sh" } })).toBe(1);
  });
});

describe("problems stop the import, with their row and column", () => {
  it("unknown countries: errors on their row and column, no import possible, nothing written", async () => {
    const file = "Recipient,Supplier,Weapon designation,Status\nVenezuela,Russia,Igla-S,Delivered\nAtlantis,Russia,Igla-S,Delivered\nVenezuela,Soviet Union,Igla-S,Delivered\n";
    const before = await digest();
    const d = await imp.checkImport(who.analyst, "transfers", utf8(file), "countries.csv");
    expect(d.counts).toMatchObject({ rows: 3, create: 1, error: 2 });
    expect(d.canImport).toBe(false);
    expect(d.problems).toEqual([
      { row: 3, column: "Recipient", message: "“Atlantis” is not a country we know: write its English name or its ISO code (e.g. RU or RUS)." },
      { row: 4, column: "Supplier", message: expect.stringContaining("The Soviet Union is not an ISO 3166 country") },
    ]);
    await expect(imp.runImport(who.analyst, "transfers", utf8(file), { fileName: "countries.csv", sha256: d.sha256, expectedCreate: 1, ip: null })).rejects.toMatchObject({
      status: 400,
      message: "2 rows have problems: nothing was imported. Check the file, fix them and check it again.",
    });
    expect(await digest()).toBe(before);
  });

  it.each([
    { what: "an unclosed quote", bytes: utf8('Recipient,Supplier,Weapon designation,Status\nVenezuela,"Russia,Igla-S,Delivered\n'), message: /quoted cell is never closed/ },
    { what: "a Latin-1 file", bytes: new Uint8Array([...utf8("Recipient,Supplier,Weapon designation,Status\nC"), 0xf4, ...utf8("te d'Ivoire,Russia,X,Ordered\n")]), message: /not UTF-8/ },
    { what: "an Excel workbook", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), message: /Excel workbook/ },
    { what: "a file without the required columns", bytes: utf8("Country,Weapon\nVenezuela,Igla-S\n"), message: /lacks the required columns “Recipient” and “Supplier”/ },
  ])("a malformed file ($what): refused as a whole, nothing written", async ({ bytes, message }) => {
    const before = await digest();
    const error = await imp.checkImport(who.analyst, "transfers", bytes, "bad.csv").catch((e) => e);
    expect(error).toMatchObject({ status: 400, fieldErrors: { file: [expect.stringMatching(message)] } });
    await expect(imp.runImport(who.analyst, "transfers", bytes, { fileName: "bad.csv", sha256: sha256Hex(bytes), expectedCreate: 1, ip: null })).rejects.toMatchObject({ status: 400 });
    expect(await digest()).toBe(before);
  });

  it("a row with a different number of cells than the header is a problem of that row", async () => {
    const d = await imp.checkImport(who.analyst, "transfers", utf8("Recipient,Supplier,Weapon designation,Status\nVenezuela,Russia,Igla-S,Delivered\nVenezuela,Russia,Igla-S\n"), "short.csv");
    expect(d.problems).toEqual([{ row: 3, column: null, message: expect.stringContaining("This row has 3 cells; the header has 4.") }]);
  });

  it("formula cells: refused in names, codes and figures; kept as marked text in free text", async () => {
    const file = 'Recipient,Supplier,No. ordered,Weapon designation,Status,Comments\nVenezuela,=cmd|\' /C calc\'!A0,10,Igla-S,Delivered,ok\nVenezuela,Russia,@SUM(A1),Igla-S,Delivered,ok\nVenezuela,Russia,-5,Igla-S,Delivered,+1 spare\n';
    const d = await imp.checkImport(who.analyst, "transfers", utf8(file), "formulas.csv");
    expect(d.problems).toEqual([
      { row: 2, column: "Supplier", message: expect.stringContaining("starts with “=”, which a spreadsheet runs as a formula") },
      { row: 3, column: "No. ordered", message: expect.stringContaining("starts with “@”") },
      // "-5" is a number, refused as one.
      { row: 4, column: "No. ordered", message: "Write a whole number from 0 to 10,000,000, or leave it empty if unknown." },
    ]);
    expect(d.rows[2]!.notes).toContainEqual({ column: "Comments", message: expect.stringMatching(/^Starts with “\+”.*\('\+1 spare\)\.$/) });
  });

  it("all or nothing: a database failure in the last row, after earlier chunks were written, leaves nothing", async () => {
    const lines = ["Recipient,Supplier,Weapon designation,Weapon description,Status,Comments"];
    for (let i = 0; i < 9; i++) lines.push(`Chile,Germany,Leopard-2A${i},tank,Delivered,row ${i}`);
    lines.push("Chile,Germany,Leopard-2A9,tank,Delivered,FAIL HERE");
    const file = utf8(lines.join("\n"));
    await withClient(ctx.url, (c) => c.query(`ALTER TABLE "ArmsTransfer" ADD CONSTRAINT import_test_last_row CHECK (comments IS DISTINCT FROM 'FAIL HERE')`));
    try {
      const d = await imp.checkImport(who.analyst, "transfers", file, "fails.csv");
      expect(d.counts).toMatchObject({ create: 10, error: 0, newWeaponSystems: 10 });
      const before = await digest();
      const error = await imp.runImport(who.analyst, "transfers", file, { fileName: "fails.csv", sha256: d.sha256, expectedCreate: 10, ip: null }, { chunkSize: 3 }).catch((e) => e);
      expect(error).toMatchObject({ status: 500, code: "IMPORT_FAILED" });
      expect(error.message).toMatch(/^The database refused the import while writing rows 11-11 \(reference \w+\)\. It was undone: nothing was imported\.$/);
      expect(await digest()).toBe(before);
      expect(await ctx.db.weaponSystem.count({ where: { name: { startsWith: "Leopard-2A" } } })).toBe(0);
    } finally {
      await withClient(ctx.url, (c) => c.query(`ALTER TABLE "ArmsTransfer" DROP CONSTRAINT import_test_last_row`));
    }
  });

  it("all or nothing: a problem in the last row stops every row", async () => {
    const file = `Recipient,Supplier,Weapon designation,Status\n${"Chile,Germany,Leopard-2A4,Delivered\n".repeat(20)}Chile,Germany,Leopard-2A4,Lost\n`;
    const before = await digest();
    const d = await imp.checkImport(who.analyst, "transfers", utf8(file), "last.csv");
    expect(d.counts).toMatchObject({ rows: 21, create: 20, error: 1 });
    expect(d.problems).toEqual([{ row: 22, column: "Status", message: expect.stringContaining("“Lost” is not a status") }]);
    await expect(imp.runImport(who.analyst, "transfers", utf8(file), { fileName: "last.csv", sha256: d.sha256, expectedCreate: 20, ip: null })).rejects.toMatchObject({ status: 400 });
    expect(await digest()).toBe(before);
  });
});

describe("the confirmation is checked, not trusted", () => {
  const file = "Recipient,Supplier,Weapon designation,Status\nBrazil,Sweden,JAS-39E Gripen,Ordered\n";

  it("refuses a file other than the one checked", async () => {
    const d = await imp.checkImport(who.analyst, "transfers", utf8(file), "a.csv");
    const before = await digest();
    const other = file.replace("Ordered", "Delivered");
    await expect(imp.runImport(who.analyst, "transfers", utf8(other), { fileName: "a.csv", sha256: d.sha256, expectedCreate: 1, ip: null })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("This is not the file you checked"),
    });
    expect(await digest()).toBe(before);
  });

  it("refuses when the records changed since the check (another import made some of them)", async () => {
    const two = `${file}Brazil,Sweden,RBS-70,Ordered\n`;
    const d = await imp.checkImport(who.analyst, "transfers", utf8(two), "two.csv");
    expect(d.counts.create).toBe(2);
    const one = await imp.checkImport(who.editor, "transfers", utf8(file), "one.csv");
    await imp.runImport(who.editor, "transfers", utf8(file), { fileName: "one.csv", sha256: one.sha256, expectedCreate: 1, ip: null });
    const before = await digest();
    await expect(imp.runImport(who.analyst, "transfers", utf8(two), { fileName: "two.csv", sha256: d.sha256, expectedCreate: 2, ip: null })).rejects.toMatchObject({
      status: 409,
      message: "The records changed since your check: this file would now create 1 records, not 2. Nothing was imported: check the file again.",
    });
    expect(await digest()).toBe(before);
  });
});

describe("diplomatic requests", () => {
  const FILE = [
    "Date,Requesting country,Target country,Title,Ask,Channel,Response,Summary,Classification",
    "2005,United States,Russia,U.S. lobbies Russia to halt MANPADS sales to Venezuela,Halt the sale,Cable,Rebuffed,Antonov: that is your decision,SECRET",
    "2009-06,USA,RU,Clinton asks the embassy to try again,Suspend the sale,,,,",
    "2009-06-15,United Kingdom,Russia,=Follow-up,Information,Meeting,Pending,,Confidential",
  ].join("\n");

  it("imports requests with their date precision, updates the dashboard's counts, and matches them on re-import", async () => {
    const countsBefore = await ctx.db.diplomaticRequest.count();
    const rolledUp = () => withClient(ctx.url, async (c) => Number((await c.query(`SELECT coalesce(sum(n), 0) AS n FROM dashboard.request_months WHERE country_id = 0`)).rows[0].n));
    const rolledBefore = await rolledUp();
    const d = await imp.checkImport(who.analyst, "requests", utf8(FILE), "requests.csv");
    expect(d.counts).toEqual({ rows: 3, create: 3, match: 0, error: 0, newWeaponSystems: 0, visibilityChanges: 0, lowering: 0 });
    expect(d.rows[2]!.notes).toContainEqual({ column: "Title", message: expect.stringMatching(/^Starts with “=”/) });
    const result = await imp.runImport(who.analyst, "requests", utf8(FILE), { fileName: "requests.csv", sha256: d.sha256, expectedCreate: 3, ip: null });
    expect(result).toMatchObject({ kind: "requests", created: 3 });
    expect(await ctx.db.diplomaticRequest.count()).toBe(countsBefore + 3);
    const made = await ctx.db.diplomaticRequest.findMany({ where: { externalId: { startsWith: "import:request:" } }, orderBy: { id: "asc" } });
    expect(made.map((r) => [r.title, r.occurredOn?.toISOString().slice(0, 10), r.occurredOnPrecision, r.ask, r.channel, r.response, r.classification])).toEqual([
      ["U.S. lobbies Russia to halt MANPADS sales to Venezuela", "2005-01-01", "YEAR", "HALT_SALE", "CABLE", "REBUFFED", "SECRET"],
      ["Clinton asks the embassy to try again", "2009-06-01", "MONTH", "SUSPEND_SALE", null, null, null],
      ["'=Follow-up", "2009-06-15", "DAY", "INFORMATION", "MEETING", "PENDING", "CONFIDENTIAL"],
    ]);
    const event = await ctx.db.auditEvent.findUniqueOrThrow({ where: { id: result.auditEventId } });
    expect(event).toMatchObject({ action: "IMPORT", entityType: "DIPLOMATIC_REQUEST", metadata: { table: "DiplomaticRequest", created: 3, ids: result.ids } });
    // The dashboard's trigger-maintained counts follow a multi-row insert.
    expect(await rolledUp()).toBe(rolledBefore + 3);

    const again = await imp.checkImport(who.analyst, "requests", utf8(FILE), "requests.csv");
    expect(again.counts).toMatchObject({ create: 0, match: 3 });
  });
});

describe("an import never lowers a record's visibility (issue 12, point 16)", () => {
  type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
  const exportCsv = async (as: Who, query: string) => {
    const route = (await import("@/app/api/v1/[resource]/export/route")) as unknown as { GET: Handler };
    await actAs(ctx.db, as.id);
    const res = await route.GET(new Request(`http://localhost/api/v1/requests/export?format=csv&${query}`), { params: Promise.resolve({ resource: "requests" }) });
    expect(res.status).toBe(200);
    return res.text();
  };
  const visibleToViewer = (title: string) =>
    ctx.db.diplomaticRequest.count({ where: { title, deletedAt: null, OR: [{ visibility: "INTERNAL" }, { createdById: who.viewer.id }] } });

  it("round trip: an editor's export of restricted requests, imported back, stays restricted", async () => {
    const pe = (await ctx.db.country.findUniqueOrThrow({ where: { alpha2: "PE" } })).id;
    const cl = (await ctx.db.country.findUniqueOrThrow({ where: { alpha2: "CL" } })).id;
    await ctx.db.diplomaticRequest.create({
      data: { title: "Restricted by hand", requestingCountryId: pe, targetCountryId: cl, ask: "HALT_SALE", visibility: "RESTRICTED", createdById: who.editor.id, occurredOn: new Date("2011-04-01"), occurredOnPrecision: "MONTH" },
    });
    await ctx.db.diplomaticRequest.create({ data: { title: "Internal by hand", requestingCountryId: pe, targetCountryId: cl, ask: "HALT_SALE", createdById: who.editor.id } });
    // And one an earlier import made, then restricted.
    const first = "Date,Requesting country,Target country,Title,Ask,Visibility\n2011-05,Peru,Chile,Imported then exported,Halt the sale,Restricted\n";
    const d0 = await imp.checkImport(who.editor, "requests", utf8(first), "first.csv");
    await imp.runImport(who.editor, "requests", utf8(first), { fileName: "first.csv", sha256: d0.sha256, expectedCreate: 1, ip: null });
    const csv = await exportCsv(who.editor, "country=PE");
    expect(csv.split("\n")[0]).toContain("visibility");
    expect(csv).toContain("Restricted by hand");

    const d = await imp.checkImport(who.editor, "requests", utf8(csv), "export.csv");
    // The imported one is recognised (its date read back at its precision: 2011-05-01, MONTH), the others are new.
    expect(d.counts).toMatchObject({ rows: 3, error: 0, match: 1, create: 2 });
    const imported = await ctx.db.diplomaticRequest.findMany({ where: { title: "Imported then exported" } });
    await imp.runImport(who.editor, "requests", utf8(csv), { fileName: "export.csv", sha256: d.sha256, expectedCreate: d.counts.create, ip: null });
    // Whatever the import made of the rows, a viewer reads no copy of the restricted one.
    const copies = await ctx.db.diplomaticRequest.findMany({ where: { title: "Restricted by hand" } });
    expect(copies.length).toBeGreaterThanOrEqual(1);
    expect(copies.map((r) => r.visibility)).toEqual(copies.map(() => "RESTRICTED"));
    expect(await visibleToViewer("Restricted by hand")).toBe(0);
    expect((await ctx.db.diplomaticRequest.findMany({ where: { title: "Imported then exported" } })).map((r) => [r.id, r.visibility])).toEqual(imported.map((r) => [r.id, "RESTRICTED"]));
    expect((await ctx.db.diplomaticRequest.findMany({ where: { title: "Internal by hand" } })).map((r) => r.visibility)).toEqual(expect.arrayContaining(["INTERNAL"]));
  });

  const file = (visibility: string) =>
    ["Date,Requesting country,Target country,Title,Ask,Visibility", `2012-02,Peru,Chile,Lowered later,Halt the sale,${visibility}`, `2012-03,Peru,Chile,Left alone,Halt the sale,`].join("\n");

  it("a file's Restricted is kept on creation; a file lowering it is refused in the check, and applied only when an editor confirms", async () => {
    const d1 = await imp.checkImport(who.editor, "requests", utf8(file("Restricted")), "restricted.csv");
    expect(d1.counts).toMatchObject({ create: 2, error: 0 });
    await imp.runImport(who.editor, "requests", utf8(file("Restricted")), { fileName: "restricted.csv", sha256: d1.sha256, expectedCreate: 2, ip: null });
    const record = await ctx.db.diplomaticRequest.findFirstOrThrow({ where: { title: "Lowered later" } });
    expect(record.visibility).toBe("RESTRICTED");
    expect((await ctx.db.diplomaticRequest.findFirstOrThrow({ where: { title: "Left alone" } })).visibility).toBe("INTERNAL");

    // The same rows marked Internal: a problem, with the box to tick; nothing can be imported.
    const lowering = utf8(file("Internal"));
    const before = await digest();
    const refused = await imp.checkImport(who.editor, "requests", lowering, "lower.csv");
    expect(refused).toMatchObject({ counts: { match: 1, error: 1, lowering: 1, visibilityChanges: 0 }, lowering: { allowed: true, confirmed: false }, canImport: false });
    expect(refused.problems).toEqual([{ row: 2, column: "Visibility", message: expect.stringContaining("Make these restricted records visible to everyone") }]);
    await expect(imp.runImport(who.editor, "requests", lowering, { fileName: "lower.csv", sha256: refused.sha256, expectedCreate: 0, ip: null })).rejects.toMatchObject({ status: 400 });
    // Confirmed in the check, but the import not told so: refused too.
    await expect(
      imp.runImport(who.editor, "requests", lowering, { fileName: "lower.csv", sha256: refused.sha256, expectedCreate: 0, allowLowering: true, expectedLowering: 0, ip: null }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await digest()).toBe(before);
    expect(await visibleToViewer("Lowered later")).toBe(0);

    // Through the page's action, with the box ticked: the check shows what the import will do.
    await actAs(ctx.db, who.editor.id);
    const form = new FormData();
    form.set("kind", "requests");
    form.set("file", new File([lowering], "lower.csv", { type: "text/csv" }));
    form.set("allowLowering", "on");
    const confirmed = await actions.checkImportAction(form);
    expect(confirmed).toMatchObject({ ok: true, data: { counts: { error: 0, lowering: 1, visibilityChanges: 1, create: 0 }, lowering: { confirmed: true }, canImport: true } });
    const sha256 = (confirmed as { data: DryRun }).data.sha256;
    form.set("sha256", sha256);
    form.set("expectedCreate", "0");
    form.set("expectedLowering", "1");
    expect(await actions.runImportAction(form)).toMatchObject({ ok: true, data: { created: 0, visibilityChanged: 1 } });
    const after = await ctx.db.diplomaticRequest.findUniqueOrThrow({ where: { id: record.id } });
    expect(after).toMatchObject({ visibility: "INTERNAL", version: record.version + 1, updatedById: who.editor.id });
    // Audited: the record's own UPDATE event, and the import's event listing it.
    const event = await ctx.db.auditEvent.findFirstOrThrow({ where: { entityType: "DIPLOMATIC_REQUEST", entityId: record.id, action: "UPDATE" } });
    expect(event).toMatchObject({ userId: who.editor.id, version: after.version, changes: { visibility: { before: "RESTRICTED", after: "INTERNAL" } }, metadata: { loweringConfirmed: true } });
    const importEvent = await ctx.db.auditEvent.findFirstOrThrow({ where: { action: "IMPORT" }, orderBy: { id: "desc" } });
    expect(importEvent.metadata).toMatchObject({ created: 0, visibility: { lowered: [record.id], raised: [], loweringConfirmed: true } });
  });

  it("transfers: a restricted row stays restricted, and so does a new weapon system only restricted rows use", async () => {
    const f = [
      "Recipient,Supplier,Weapon designation,Status,Visibility",
      "Peru,Russia,Secret-Launcher-1,Ordered,Restricted",
      "Peru,Russia,Shared-Launcher-2,Ordered,Restricted",
      "Chile,Russia,Shared-Launcher-2,Ordered,Internal",
    ].join("\n");
    const d = await imp.checkImport(who.analyst, "transfers", utf8(f), "t.csv");
    expect(d.counts).toMatchObject({ create: 3, error: 0, newWeaponSystems: 2 });
    await imp.runImport(who.analyst, "transfers", utf8(f), { fileName: "t.csv", sha256: d.sha256, expectedCreate: 3, ip: null });
    const weapons = await ctx.db.weaponSystem.findMany({ where: { designation: { in: ["Secret-Launcher-1", "Shared-Launcher-2"] } }, orderBy: { designation: "asc" } });
    expect(weapons.map((w) => [w.designation, w.visibility])).toEqual([["Secret-Launcher-1", "RESTRICTED"], ["Shared-Launcher-2", "INTERNAL"]]);
    const transfers = await ctx.db.armsTransfer.findMany({ where: { weaponSystemId: { in: weapons.map((w) => w.id) } }, orderBy: { id: "asc" } });
    expect(transfers.map((t) => t.visibility)).toEqual(["RESTRICTED", "RESTRICTED", "INTERNAL"]);
  });

  it("an analyst may not lower a visibility, even with the box: refused in the check and in the import", async () => {
    const f = (v: string) => ["Date,Requesting country,Target country,Title,Ask,Visibility", `2013-05,Peru,Chile,Analyst's restricted,Halt the sale,${v}`].join("\n");
    const d = await imp.checkImport(who.analyst, "requests", utf8(f("Restricted")), "a.csv");
    await imp.runImport(who.analyst, "requests", utf8(f("Restricted")), { fileName: "a.csv", sha256: d.sha256, expectedCreate: 1, ip: null });
    const mine = await ctx.db.diplomaticRequest.findFirstOrThrow({ where: { title: "Analyst's restricted" } });
    expect(mine).toMatchObject({ visibility: "RESTRICTED", createdById: who.analyst.id });

    const before = await digest();
    const refused = await imp.checkImport(who.analyst, "requests", utf8(f("Internal")), "b.csv", undefined, { allowLowering: true });
    expect(refused).toMatchObject({ counts: { error: 1, lowering: 1 }, lowering: { allowed: false, confirmed: false }, canImport: false });
    expect(refused.problems[0]!.message).toMatch(/only an editor may lower/);
    await expect(
      imp.runImport(who.analyst, "requests", utf8(f("Internal")), { fileName: "b.csv", sha256: refused.sha256, expectedCreate: 0, allowLowering: true, expectedLowering: 1, ip: null }),
    ).rejects.toMatchObject({ status: 400 });
    expect(await digest()).toBe(before);
    // An empty cell keeps the record's own visibility.
    expect((await imp.checkImport(who.analyst, "requests", utf8(f("")), "c.csv")).counts).toMatchObject({ match: 1, error: 0, lowering: 0, visibilityChanges: 0 });
  });
});

describe("who may import", () => {
  const file = "Recipient,Supplier,Weapon designation,Status\nGhana,China,K-8 Karakorum,Delivered\n";
  const form = (extra: Record<string, string> = {}) => {
    const f = new FormData();
    f.set("kind", "transfers");
    f.set("file", new File([file], "viewer.csv", { type: "text/csv" }));
    for (const [k, v] of Object.entries(extra)) f.set(k, v);
    return f;
  };

  it("a viewer gets 403 for the check and the import, and nothing changes", async () => {
    await actAs(ctx.db, who.viewer.id);
    const before = await digest();
    expect(await actions.checkImportAction(form())).toMatchObject({ ok: false, status: 403 });
    expect(await actions.runImportAction(form({ sha256: "a".repeat(64), expectedCreate: "1" }))).toMatchObject({ ok: false, status: 403 });
    await expect(imp.checkImport(who.viewer, "transfers", utf8(file), "viewer.csv")).rejects.toMatchObject({ status: 403 });
    await expect(imp.runImport(who.viewer, "transfers", utf8(file), { fileName: "viewer.csv", sha256: "a".repeat(64), expectedCreate: 1, ip: null })).rejects.toMatchObject({ status: 403 });
    expect(await digest()).toBe(before);
  });

  it("an analyst checks and imports through the actions; the import without a check is refused", async () => {
    await actAs(ctx.db, who.analyst.id);
    const checked = await actions.checkImportAction(form());
    expect(checked).toMatchObject({ ok: true, data: { counts: { create: 1 } } });
    expect(await actions.runImportAction(form())).toMatchObject({ ok: false, status: 400, fieldErrors: { sha256: ["Check the file before importing it."] } });
    const sha256 = (checked as { data: { sha256: string } }).data.sha256;
    expect(await actions.runImportAction(form({ sha256, expectedCreate: "1" }))).toMatchObject({ ok: true, data: { created: 1 } });
    expect(await actions.checkImportAction({ kind: "transfers" })).toMatchObject({ ok: false, status: 400, fieldErrors: { file: ["Choose a CSV file."] } });
  });
});
