// A record's history in words (issue 13, point 2): every field of every
// type by its label (its definition's field specs), and its values as the
// page says them: owners, countries and linked records by name, choices by
// their labels, vague dates as typed. No raw key and no raw id, for any
// field of any type: the test loops over RECORD_TYPES and their fields, so
// a new type or field without a label fails it.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { HistoryRow, HistoryViewEntry } from "@/lib/records/history";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";

vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));

const ctx = withMigratedDatabase("history_labels");
type Who = { id: number; role: "EDITOR" };
let editor: Who;
let editorName: string;
let actorName: string;
let earlierTitle: string;
let svc: typeof import("@/lib/records/service");
let reg: typeof import("@/lib/records/registry");
let defs: typeof import("@/lib/records/definitions");
let display: typeof import("@/lib/records/form/display");
let historyView: typeof import("@/lib/records/history").historyView;
const ids = { concern: 0, request: 0, transfer: 0, otherTransfer: 0, ve: 0, co: 0, ru: 0, us: 0, br: 0, source: 0, hiddenSource: 0 };
let sourceTitle: string;
let admin: { id: number; role: "ADMIN" };
let viewer: { id: number; role: "VIEWER" };

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", ctx.url);
  reg = await import("@/lib/records/registry");
  defs = await import("@/lib/records/definitions");
  svc = await import("@/lib/records/service");
  display = await import("@/lib/records/form/display");
  historyView = (await import("@/lib/records/history")).historyView;
  await (await import("@/tools/seed/load")).seed(ctx.db);
  const user = await makeUser(ctx.db, "EDITOR");
  editor = { id: user.id, role: "EDITOR" };
  editorName = user.name;
  for (const code of ["VE", "CO", "RU", "US", "BR"] as const) ids[code.toLowerCase() as "ve"] = (await ctx.db.country.findUniqueOrThrow({ where: { alpha2: code } })).id;
  ids.concern = (await ctx.db.concern.findFirstOrThrow({ where: { externalId: { not: null } } })).id;
  ids.request = (await ctx.db.diplomaticRequest.findFirstOrThrow({ where: { externalId: "demo:request:2005" } })).id;
  ids.transfer = (await ctx.db.armsTransfer.findFirstOrThrow({ where: { externalId: { not: null } } })).id;
  const { RECORDS } = reg;

  // A second transfer, to link.
  const tv = (await RECORDS.transfer.formValues(ctx.db, ids.transfer))!;
  ids.otherTransfer = (await svc.createRecord(RECORDS.transfer, editor, { ...tv, recipientId: ids.co, orderYear: 2007 }, null)).id;

  // The seeded concern: owner, countries, transfers, severity, opened on; then its status, then verified.
  const cv = (await RECORDS.concern.formValues(ctx.db, ids.concern))!;
  const c0 = await ctx.db.concern.findUniqueOrThrow({ where: { id: ids.concern } });
  const c1 = await svc.updateRecord(
    RECORDS.concern,
    editor,
    ids.concern,
    c0.version,
    {
      ...cv,
      ownerId: editor.id,
      severity: "CRITICAL",
      openedOn: "2008-05",
      nextReviewOn: "2031-01-15",
      countries: [...(cv.countries as object[]), { countryId: ids.br, role: "OTHER" }],
      transferIds: [...(cv.transferIds as number[]), ids.otherTransfer],
    },
    null,
  );
  const { changeConcernStatus } = await import("@/lib/records/concern/service");
  const c2 = await changeConcernStatus(editor, ids.concern, c1.version, { status: "MONITORING", note: "Watching the deliveries." }, null);
  await svc.verifyRecord(RECORDS.concern, editor, ids.concern, c2.version, null);

  // The seeded request: date, classification, channel, response, links.
  const rv = (await RECORDS.request.formValues(ctx.db, ids.request))!;
  const r0 = await ctx.db.diplomaticRequest.findUniqueOrThrow({ where: { id: ids.request } });
  const actor = await ctx.db.actor.findFirstOrThrow({ where: { id: { notIn: rv.targetActorIds as number[] } } });
  actorName = actor.name;
  const earlier = await ctx.db.diplomaticRequest.findFirstOrThrow({ where: { id: { not: ids.request }, externalId: { not: null } } });
  earlierTitle = earlier.title;
  await svc.updateRecord(
    RECORDS.request,
    editor,
    ids.request,
    r0.version,
    {
      ...rv,
      occurredOn: "2005-02",
      classification: "CONFIDENTIAL",
      channel: "MEETING",
      response: "DEFLECTED",
      responseSummary: "Not now.",
      targetCountryId: ids.co,
      targetActorIds: [...(rv.targetActorIds as number[]), actor.id],
      transferIds: [...(rv.transferIds as number[]), ids.otherTransfer],
      followUpOfId: earlier.id,
    },
    null,
  );

  // The seeded transfer: figures and their estimates, years, status, weapon system, countries.
  const t0 = await ctx.db.armsTransfer.findUniqueOrThrow({ where: { id: ids.transfer } });
  await svc.updateRecord(
    RECORDS.transfer,
    editor,
    ids.transfer,
    t0.version,
    { ...tv, numberOrdered: 300, numberOrderedUncertain: true, numberDelivered: 120, orderYear: 2006, deliveryYears: "2009, 2010", status: "IN_DELIVERY", supplierId: ids.ru, recipientId: ids.ve, weaponSystemId: null },
    null,
  );

  // The concern cites a source, then the citation is removed; it also cites a restricted source.
  const { addCitation, removeCitation } = await import("@/lib/records/citations");
  const source = await ctx.db.source.findFirstOrThrow({ where: { deletedAt: null, visibility: "INTERNAL" }, orderBy: { id: "asc" } });
  ids.source = source.id;
  sourceTitle = source.title;
  const cited = await addCitation(editor, { targetType: "concern", targetId: ids.concern, sourceId: source.id, passage: "“The deliveries went ahead.”", credibility: 2 }, null);
  await removeCitation(editor, { citationId: cited.id }, null);
  const sv = (await RECORDS.source.formValues(ctx.db, source.id))!;
  ids.hiddenSource = (await svc.createRecord(RECORDS.source, editor, { ...sv, title: "A restricted cable", visibility: "RESTRICTED" }, null)).id;
  await addCitation(editor, { targetType: "concern", targetId: ids.concern, sourceId: ids.hiddenSource, passage: "Not for viewers." }, null);
  admin = { id: (await makeUser(ctx.db, "ADMIN")).id, role: "ADMIN" };
  viewer = { id: (await makeUser(ctx.db, "VIEWER")).id, role: "VIEWER" };
});

const rowsOf = (history: HistoryViewEntry[] | null, action: string) => history!.filter((h) => h.action === action).flatMap((h) => h.rows);
const byLabel = (rows: HistoryRow[], label: string) => {
  const row = rows.find((r) => r.label === label);
  expect(row, `a row labelled ${label}`).toBeDefined();
  return row!;
};

/** No raw key for a label, no raw id, code or object for a value. */
function expectWords(type: string, rows: HistoryRow[]) {
  const fields = display.historyFields(type, defs.FORM_FIELDS[type as keyof typeof defs.FORM_FIELDS]);
  for (const r of rows) {
    const field = display.fieldOf(fields, r.name);
    expect(field, `${type}.${r.name} has a field spec`).toBeDefined();
    expect(r.label, `${type}.${r.name}'s label`).not.toBe(r.name);
    for (const value of [r.before, r.after]) {
      if (field!.kind === "text" || field!.kind === "textarea") continue;
      expect(value, `${type}.${r.name}`).not.toMatch(/#\d|\[object|^\{|^\[|countryId|undefined|null/);
      if (field!.kind === "picker" || field!.kind === "country" || field!.kind === "countryRoles") expect(value, `${type}.${r.name}`).not.toMatch(/^\d+$|(^|[;,] )\d+($|[;,])/);
      if (field!.kind === "select" && value !== "—") expect(field!.options.map((o) => o.label), `${type}.${r.name}`).toContain(value);
      if (field!.kind === "picker" || field!.kind === "country") expect(value, `${type}.${r.name}`).not.toBe(display.UNNAMED_RECORD);
    }
  }
}

describe("the history of an edited concern", () => {
  it("says each field by its label and each value in words", async () => {
    const history = await historyView(editor, "concern", ids.concern);
    const edit = rowsOf(history, "UPDATE");
    expect(byLabel(edit, "Owner")).toMatchObject({ before: "—", after: editorName });
    expect(byLabel(edit, "Severity").after).toBe("Critical");
    expect(byLabel(edit, "Open since").after).toBe("2008-05");
    expect(byLabel(edit, "Next review").after).toBe("2031-01-15");
    expect(byLabel(edit, "Countries").after).toContain("Brazil (other)");
    expect(byLabel(edit, "Countries").after).toContain("Venezuela (recipient)");
    expect(byLabel(edit, "Arms transfers").after).toMatch(/Russia (→|to) Colombia: Igla-S/);
    expect(byLabel(rowsOf(history, "STATUS_CHANGE"), "Status")).toMatchObject({ before: "Open", after: "Monitoring" });
    expect(byLabel(rowsOf(history, "VERIFY"), "Verified")).toMatchObject({ before: "no", after: "yes" });
    expectWords("concern", history!.flatMap((h) => h.rows));
  });
});

describe("the history of an edited request and transfer", () => {
  it("request: dates as typed, choices by label, countries, actors and records by name", async () => {
    const history = await historyView(editor, "request", ids.request);
    const edit = rowsOf(history, "UPDATE");
    expect(byLabel(edit, "Date").after).toBe("2005-02");
    expect(byLabel(edit, "Classification of the original document").after).toBe("Confidential");
    expect(byLabel(edit, "Channel").after).toBe("Meeting");
    expect(byLabel(edit, "Response").after).toBe("Deflected");
    expect(byLabel(edit, "Target country")).toMatchObject({ before: "Russia", after: "Colombia" });
    expect(byLabel(edit, "Receiving actors").after).toContain(actorName);
    expect(byLabel(edit, "Follow-up of").after).toContain(earlierTitle);
    expectWords("request", edit);
  });

  it("transfer: figures, their estimates and years, status and weapon system", async () => {
    const history = await historyView(editor, "transfer", ids.transfer);
    const edit = rowsOf(history, "UPDATE");
    expect(byLabel(edit, "Number ordered").after).toBe("300");
    expect(byLabel(edit, "Number ordered: estimated")).toMatchObject({ before: "no", after: "yes" });
    expect(byLabel(edit, "Years of delivery").after).toBe("2009, 2010");
    expect(byLabel(edit, "Status").after).toBe("In delivery");
    expect(byLabel(edit, "Weapon system")).toMatchObject({ before: expect.stringContaining("Igla-S"), after: "—" });
    expectWords("transfer", edit);
  });
});

describe("every field of every type", () => {
  it("has a label and a value in words in a history (a copy of a seeded record, created, lists them all)", async () => {
    for (const type of defs.RECORD_TYPES) {
      const config = reg.RECORDS[type];
      const seeded = (await (config.delegate(ctx.db) as unknown as { findMany(a: object): Promise<{ id: number }[]> }).findMany({ where: { deletedAt: null }, take: 1, orderBy: { id: "asc" } }))[0];
      expect(seeded, `a seeded ${type}`).toBeDefined();
      const values = (await config.formValues(ctx.db, seeded!.id))!;
      const fields = display.historyFields(type, defs.FORM_FIELDS[type]);
      // Every value a record's form holds (what its audit events record) is a field or its estimate box.
      for (const key of Object.keys(values)) expect(display.fieldOf(fields, key), `${type}.${key}`).toBeDefined();
      // And a created copy's history names them all.
      const copy = { ...values } as Record<string, unknown>;
      if (type === "weaponSystem") copy.name = `${String(values.name)} (copy)`;
      const made = await svc.createRecord(config, editor, copy, null);
      const rows = rowsOf(await historyView(editor, type, made.id), "CREATE");
      expect(rows.length, type).toBeGreaterThan(0);
      expectWords(type, rows);
    }
  });
});

describe("citations in a record's history", () => {
  it("shows each source cited and each citation removed, by the source's title and passage", async () => {
    const history = (await historyView(editor, "concern", ids.concern))!;
    const added = history.filter((h) => h.action === "CITATION_ADDED");
    const removed = history.filter((h) => h.action === "CITATION_REMOVED");
    expect(added.map((h) => h.citation?.source)).toEqual(["A restricted cable", sourceTitle]);
    expect(added[1]!.citation).toMatchObject({ added: true, passage: "“The deliveries went ahead.”", credibility: "2: probably true" });
    expect(added[1]!.user).toBe(editorName);
    expect(removed).toHaveLength(1);
    expect(removed[0]!.citation).toMatchObject({ added: false, source: sourceTitle, passage: "“The deliveries went ahead.”" });
    // Newest first, with the record's own events: the removal after the citation, the restricted one last.
    const order = history.map((h) => h.action);
    expect(order.indexOf("CITATION_REMOVED")).toBeLessThan(order.lastIndexOf("CITATION_ADDED"));
    expect(order[0]).toBe("CITATION_ADDED");
    expect(order.indexOf("VERIFY")).toBeGreaterThan(order.lastIndexOf("CITATION_ADDED"));
  });

  it("leaves out the citations of sources the reader may not see", async () => {
    const history = (await historyView(viewer, "concern", ids.concern))!;
    const sources = history.filter((h) => h.citation).map((h) => h.citation!.source);
    expect(sources).toEqual([sourceTitle, sourceTitle]);
    expect(JSON.stringify(history)).not.toContain("Not for viewers.");
  });

  it("has no citation entries for a record never cited", async () => {
    const history = (await historyView(editor, "transfer", ids.transfer))!;
    expect(history.some((h) => h.citation)).toBe(false);
  });
});

describe("the activity feed", () => {
  it("names each record by its display name and each changed field by its label", async () => {
    const { listActivity, activityFilterSchema } = await import("@/lib/db/activity");
    const concern = await ctx.db.concern.findUniqueOrThrow({ where: { id: ids.concern } });
    const concerns = await listActivity(admin, activityFilterSchema.parse({ type: "CONCERN" }));
    const mine = concerns.rows.filter((r) => r.entityId === ids.concern);
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) expect(r.recordName).toBe(concern.title);
    expect(mine.find((r) => r.action === "VERIFY")!.changedFields).toEqual(["Verified"]);
    expect(mine.find((r) => r.action === "UPDATE")!.changedFields).toContain("Open since");
    // A restricted source is named for an admin, who sees every record.
    const sources = await listActivity(admin, activityFilterSchema.parse({ type: "SOURCE" }));
    expect(sources.rows.find((r) => r.entityId === ids.hiddenSource)!.recordName).toBe("A restricted cable");
    // Quotes by their speaker and opening words, never "quote #5".
    const quote = await ctx.db.quote.findFirstOrThrow({ where: { deletedAt: null }, orderBy: { id: "asc" } });
    const qv = (await reg.RECORDS.quote.formValues(ctx.db, quote.id))!;
    const made = await svc.createRecord(reg.RECORDS.quote, editor, { ...qv, text: "We will look into it." }, null);
    const quotes = await listActivity(admin, activityFilterSchema.parse({ type: "QUOTE" }));
    expect(quotes.rows.find((r) => r.entityId === made.id)!.recordName).toMatch(/“We will look into it\.”$/);
  });
});
