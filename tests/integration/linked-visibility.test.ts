// Links to records the caller may not see (issue 12, points 11 and 13).
//
// An editor links an analyst's INTERNAL request to a RESTRICTED request (its
// follow-up), a RESTRICTED concern and a deleted concern; an INTERNAL concern
// cites a RESTRICTED transfer. Those ids must not reach a viewer or the
// analyst: not in the API's record, its lists, the change feed, the edit
// form's initial values (they are in the page's payload), the history, or a
// conflict's details. And the analyst saving their request (form, PUT,
// PATCH) neither drops those links nor is refused because of them; the audit
// trail does not report them as removed. Editors still see everything.
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { makeUsAndRussia, withMigratedDatabase } from "@/tests/helpers/db";
import { actAs, makeUser } from "@/tests/helpers/session";

vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));
// Pages render outside Next's request scope: `connection()` has nothing to wait for.
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));

const ctx = withMigratedDatabase("links");
const APP_DIR = path.resolve(import.meta.dirname, "../../app");

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let collection: Record<string, Handler>;
let item: Record<string, Handler>;
let changesRoute: Record<string, Handler>;
let svc: typeof import("@/lib/records/service");
let links: typeof import("@/lib/records/links");
let RECORDS: typeof import("@/lib/records/registry").RECORDS;

type Who = "viewer" | "analyst" | "editor";
const users = {} as Record<Who, { id: number; role: "VIEWER" | "ANALYST" | "EDITOR" }>;
let countries: { us: number; ru: number };
const ids = {} as Record<"restrictedRequest" | "restrictedConcern" | "deletedConcern" | "openConcern" | "restrictedTransfer" | "openTransfer" | "request" | "concern" | "quote", number>;

type Reply = { status: number; body: Record<string, unknown> & { error?: { code: string; fields: Record<string, string[]> } } };

async function call(who: Who, method: string, urlPath: string, body?: unknown): Promise<Reply> {
  const url = new URL(`http://localhost${urlPath}`);
  const [first, id] = url.pathname.replace(/^\/api\/v1\//, "").split("/");
  await actAs(ctx.db, users[who].id);
  const request = new Request(url, {
    method,
    headers: { origin: "http://localhost", ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const route = first === "changes" ? changesRoute : id !== undefined ? item : collection;
  const res = await route[method]!(request, { params: Promise.resolve({ resource: first!, ...(id !== undefined ? { id } : {}) }) });
  return { status: res.status, body: await res.json() };
}

type Data = Record<string, unknown>;
const dataOf = async (who: Who, resource: string, id: number) => {
  const r = await call(who, "GET", `/api/v1/${resource}/${id}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { version: number; data: Data };
};

/** The initial values the edit page hands its form (what the page's RSC payload carries). */
async function editFormValues(who: Who, page: string, id: number): Promise<Data> {
  await actAs(ctx.db, users[who].id);
  const mod = (await import(/* @vite-ignore */ path.join(APP_DIR, "(app)", page))) as { default: (p: unknown) => Promise<unknown> };
  const element = await mod.default({ params: Promise.resolve({ id: String(id) }) });
  // Walks the element tree for the form's initial values, rendering the
  // shared server components on the way (the route renders the generic edit
  // page, which loads the record and renders the form).
  const find = async (node: unknown): Promise<Data | null> => {
    if (Array.isArray(node)) {
      for (const child of node) {
        const found = await find(child);
        if (found) return found;
      }
      return null;
    }
    if (typeof node !== "object" || node === null || !("props" in node)) return null;
    const { type, props } = node as { type: unknown; props: Record<string, unknown> };
    if (props.initialValues) return props.initialValues as Data;
    const inChildren = await find(props.children);
    if (inChildren) return inChildren;
    // A server component (an async function): render it. A client component is never reached before its initialValues.
    if (typeof type === "function" && type.constructor.name === "AsyncFunction") return find(await (type as (p: unknown) => Promise<unknown>)(props));
    return null;
  };
  const values = await find(element);
  expect(values).not.toBeNull();
  return values!;
}

/** Every id held, anywhere in `value`, under a request's link fields (as is, or as a diff's before and after). */
const LINK_FIELDS = new Set(["followUpOfId", "concernIds", "transferIds", "requestingActorIds", "targetActorIds"]);
function numbersIn(value: unknown, underLink = false): number[] {
  if (typeof value === "number") return underLink ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => numbersIn(v, underLink));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => numbersIn(v, underLink || LINK_FIELDS.has(k)));
}

const requestData = (extra: Data = {}): Data => ({
  title: "Analyst's request",
  occurredOn: "2009-03",
  requestingCountryId: countries.us,
  targetCountryId: countries.ru,
  ask: "HALT_SALE",
  response: "REBUFFED",
  responseSummary: "Refused.",
  visibility: "INTERNAL",
  ...extra,
});

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", ctx.url);
  collection = (await import("@/app/api/v1/[resource]/route")) as unknown as Record<string, Handler>;
  item = (await import("@/app/api/v1/[resource]/[id]/route")) as unknown as Record<string, Handler>;
  changesRoute = (await import("@/app/api/v1/changes/route")) as unknown as Record<string, Handler>;
  svc = await import("@/lib/records/service");
  links = await import("@/lib/records/links");
  RECORDS = (await import("@/lib/records/registry")).RECORDS;
  countries = await makeUsAndRussia(ctx.db);
  for (const [who, role] of [["viewer", "VIEWER"], ["analyst", "ANALYST"], ["editor", "EDITOR"]] as const) {
    users[who] = { id: (await makeUser(ctx.db, role, undefined, who)).id, role };
  }
  const { editor, analyst } = users;
  const concern = (title: string, visibility: string, extra: Data = {}) => ({
    title,
    category: "DIVERSION",
    severity: "HIGH",
    visibility,
    countries: [{ countryId: countries.ru, role: "SUPPLIER" }],
    ...extra,
  });
  const transfer = (visibility: string) => ({ supplierId: countries.ru, recipientId: countries.us, status: "ORDERED", orderYear: 2010, deliveryYears: [], visibility });
  ids.restrictedRequest = (await svc.createRecord(RECORDS.request, editor, requestData({ title: "Restricted earlier request", visibility: "RESTRICTED" }), null)).id;
  ids.restrictedConcern = (await svc.createRecord(RECORDS.concern, editor, concern("Restricted concern", "RESTRICTED"), null)).id;
  ids.openConcern = (await svc.createRecord(RECORDS.concern, editor, concern("Open concern", "INTERNAL"), null)).id;
  const deleted = await svc.createRecord(RECORDS.concern, editor, concern("Deleted concern", "INTERNAL"), null);
  ids.deletedConcern = deleted.id;
  ids.restrictedTransfer = (await svc.createRecord(RECORDS.transfer, editor, transfer("RESTRICTED"), null)).id;
  ids.openTransfer = (await svc.createRecord(RECORDS.transfer, editor, transfer("INTERNAL"), null)).id;
  ids.concern = (await svc.createRecord(RECORDS.concern, editor, concern("Concern with a hidden transfer", "INTERNAL", { transferIds: [ids.openTransfer, ids.restrictedTransfer] }), null)).id;

  // The analyst's request, to which the editor then adds links the analyst cannot see.
  const created = await svc.createRecord(RECORDS.request, analyst, requestData({ concernIds: [ids.openConcern, ids.deletedConcern] }), null);
  ids.request = created.id;
  await svc.updateRecord(
    RECORDS.request,
    editor,
    ids.request,
    created.version,
    requestData({ followUpOfId: ids.restrictedRequest, concernIds: [ids.openConcern, ids.deletedConcern, ids.restrictedConcern], transferIds: [ids.restrictedTransfer] }),
    null,
  );
  await svc.deleteRecord(RECORDS.concern, editor, ids.deletedConcern, deleted.version, null);
  ids.quote = (
    await svc.createRecord(
      RECORDS.quote,
      editor,
      { text: "About the restricted request.", speakerLabel: "Someone", requestId: ids.restrictedRequest, concernId: ids.openConcern, visibility: "INTERNAL" },
      null,
    )
  ).id;
});

const HIDDEN_FROM_OTHERS = () => [ids.restrictedRequest, ids.restrictedConcern, ids.deletedConcern, ids.restrictedTransfer];

describe("ids of linked records the caller may not see are redacted (point 11)", () => {
  it("the link description comes from the forms and covers every record type", () => {
    expect(links.recordLinks("request")).toEqual(
      expect.arrayContaining([
        { field: "followUpOfId", target: "request", multiple: false },
        { field: "concernIds", target: "concern", multiple: true },
        { field: "transferIds", target: "transfer", multiple: true },
        { field: "requestingActorIds", target: "actor", multiple: true },
        { field: "targetActorIds", target: "actor", multiple: true },
      ]),
    );
    expect(links.recordLinks("concern")).toEqual([{ field: "transferIds", target: "transfer", multiple: true }]);
    expect(links.recordLinks("quote").map((l) => l.field).sort()).toEqual(["concernId", "inspectionId", "requestId", "speakerId", "transferId"]);
    expect(links.recordLinks("inspection").map((l) => l.field).sort()).toEqual(["transferId", "weaponSystemId"]);
    expect(links.recordLinks("transfer").map((l) => l.field)).toEqual(["weaponSystemId"]);
  });

  it.each(["viewer", "analyst"] as const)("the API's record, as the %s: followUpOfId null, hidden concerns and transfers left out", async (who) => {
    const { data } = await dataOf(who, "requests", ids.request);
    expect(data).toMatchObject({ followUpOfId: null, concernIds: [ids.openConcern], transferIds: [] });
    const concern = await dataOf(who, "concerns", ids.concern);
    expect(concern.data.transferIds).toEqual([ids.openTransfer]);
  });

  it("an editor still sees every link, the deleted concern's too", async () => {
    const { data } = await dataOf("editor", "requests", ids.request);
    expect(data).toMatchObject({
      followUpOfId: ids.restrictedRequest,
      concernIds: [ids.openConcern, ids.deletedConcern, ids.restrictedConcern].sort((a, b) => a - b),
      transferIds: [ids.restrictedTransfer],
    });
    expect((await dataOf("editor", "concerns", ids.concern)).data.transferIds).toEqual([ids.openTransfer, ids.restrictedTransfer].sort((a, b) => a - b));
  });

  it("the change feed's snapshots, as a viewer", async () => {
    const r = await call("viewer", "GET", "/api/v1/changes?since=0&limit=500");
    expect(r.status).toBe(200);
    const changes = r.body.changes as { type: string; id: number; data: Data | null }[];
    const ofRequest = changes.filter((c) => c.type === "requests" && c.id === ids.request);
    expect(ofRequest.length).toBeGreaterThanOrEqual(2);
    for (const c of ofRequest) {
      expect(c.data!.followUpOfId).toBeNull();
      expect(c.data!.concernIds).toEqual([ids.openConcern]);
      expect(c.data!.transferIds).toEqual([]);
    }
    const ofConcern = changes.find((c) => c.type === "concerns" && c.id === ids.concern)!;
    expect(ofConcern.data!.transferIds).toEqual([ids.openTransfer]);
    const ofQuote = changes.find((c) => c.type === "quotes" && c.id === ids.quote)!;
    expect(ofQuote.data).toMatchObject({ requestId: null, concernId: ids.openConcern });
    // The editor's feed keeps them.
    const editors = (await call("editor", "GET", "/api/v1/changes?since=0&limit=500")).body.changes as { type: string; id: number; data: Data | null }[];
    expect(editors.filter((c) => c.type === "requests" && c.id === ids.request).at(-1)!.data!.followUpOfId).toBe(ids.restrictedRequest);
  });

  it("the quotes list, as a viewer: the quoted request's id only when visible", async () => {
    const rows = (await call("viewer", "GET", "/api/v1/quotes?limit=100")).body.data as Data[];
    expect(rows.find((q) => q.id === ids.quote)).toMatchObject({ requestId: null, concernId: ids.openConcern });
    const editors = (await call("editor", "GET", "/api/v1/quotes?limit=100")).body.data as Data[];
    expect(editors.find((q) => q.id === ids.quote)).toMatchObject({ requestId: ids.restrictedRequest });
  });

  it("the edit form's initial values, as the analyst who owns the request; an editor's keep them", async () => {
    const values = await editFormValues("analyst", "requests/[id]/edit/page.tsx", ids.request);
    expect(values).toMatchObject({ followUpOfId: null, concernIds: [ids.openConcern], transferIds: [] });
    const editors = await editFormValues("editor", "requests/[id]/edit/page.tsx", ids.request);
    expect(editors).toMatchObject({ followUpOfId: ids.restrictedRequest, transferIds: [ids.restrictedTransfer] });
    const concern = await editFormValues("editor", "concerns/[id]/edit/page.tsx", ids.concern);
    expect(concern.transferIds).toEqual([ids.openTransfer, ids.restrictedTransfer].sort((a, b) => a - b));
  });

  it.each(["viewer", "analyst"] as const)("the history, as the %s: no trace of the hidden links", async (who) => {
    const history = (await svc.recordHistory(RECORDS.request, users[who], ids.request))!;
    expect(history.length).toBeGreaterThan(0);
    const shown = numbersIn(history.map((h) => h.changes));
    for (const id of HIDDEN_FROM_OTHERS()) expect(shown).not.toContain(id);
    // The editor's edit also linked nothing else: it is not shown as an empty edit either.
    expect(history.filter((h) => h.action === "UPDATE")).toEqual([]);
    const editors = (await svc.recordHistory(RECORDS.request, users.editor, ids.request))!;
    expect(editors.find((h) => h.action === "UPDATE")!.changes.followUpOfId).toEqual({ before: null, after: ids.restrictedRequest });
  });
});

describe("saving keeps the links the caller cannot see (point 13)", () => {
  const linksInDb = async () => {
    const r = await ctx.db.diplomaticRequest.findUniqueOrThrow({ where: { id: ids.request }, include: { concernLinks: true, transferLinks: true } });
    return {
      followUpOfId: r.followUpOfId,
      concernIds: r.concernLinks.map((l) => l.concernId).sort((a, b) => a - b),
      transferIds: r.transferLinks.map((l) => l.transferId).sort((a, b) => a - b),
    };
  };
  const allLinks = () => ({
    followUpOfId: ids.restrictedRequest,
    concernIds: [ids.openConcern, ids.deletedConcern, ids.restrictedConcern].sort((a, b) => a - b),
    transferIds: [ids.restrictedTransfer],
  });
  const lastEvent = () => ctx.db.auditEvent.findFirstOrThrow({ where: { entityType: "DIPLOMATIC_REQUEST", entityId: ids.request }, orderBy: { id: "desc" } });

  it("through the service, with the values the analyst's form showed: saved, links kept, audit names only the summary", async () => {
    const shown = (await links.visibleFormValues(RECORDS.request, users.analyst, ids.request, ctx.db))!;
    const { version } = await ctx.db.diplomaticRequest.findUniqueOrThrow({ where: { id: ids.request } });
    await svc.updateRecord(RECORDS.request, users.analyst, ids.request, version, { ...shown, responseSummary: "Refused, through the form." }, null);
    expect(await linksInDb()).toEqual(allLinks());
    expect((await lastEvent()).changes).toEqual({ responseSummary: { before: "Refused.", after: "Refused, through the form." } });
  });

  it("through API PUT with the data the analyst read: 200, links kept, and the analyst's view still shows none of them", async () => {
    const current = await dataOf("analyst", "requests", ids.request);
    const r = await call("analyst", "PUT", `/api/v1/requests/${ids.request}`, { version: current.version, data: { ...current.data, responseSummary: "Refused, through PUT." } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((r.body.data as Data).responseSummary).toBe("Refused, through PUT.");
    expect(numbersIn(r.body.data)).not.toContain(ids.restrictedRequest);
    expect(await linksInDb()).toEqual(allLinks());
    expect(Object.keys((await lastEvent()).changes as object)).toEqual(["responseSummary"]);
    const after = await dataOf("analyst", "requests", ids.request);
    expect(after.data).toMatchObject({ followUpOfId: null, concernIds: [ids.openConcern], transferIds: [] });
  });

  it("through API PATCH, and the analyst's own visible changes to links still apply", async () => {
    const current = await dataOf("analyst", "requests", ids.request);
    const r = await call("analyst", "PATCH", `/api/v1/requests/${ids.request}`, { version: current.version, data: { concernIds: [], transferIds: [ids.openTransfer] } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await linksInDb()).toEqual({ ...allLinks(), concernIds: [ids.deletedConcern, ids.restrictedConcern].sort((a, b) => a - b), transferIds: [ids.openTransfer, ids.restrictedTransfer].sort((a, b) => a - b) });
    expect((await lastEvent()).changes).toEqual({
      concernIds: { before: allLinks().concernIds, after: [ids.deletedConcern, ids.restrictedConcern].sort((a, b) => a - b) },
      transferIds: { before: [ids.restrictedTransfer], after: [ids.openTransfer, ids.restrictedTransfer].sort((a, b) => a - b) },
    });
    // Put the open concern back for the next tests.
    const again = await dataOf("analyst", "requests", ids.request);
    expect((await call("analyst", "PATCH", `/api/v1/requests/${ids.request}`, { version: again.version, data: { concernIds: [ids.openConcern] } })).status).toBe(200);
  });

  it("a hidden id the analyst sends themselves is refused as if it did not exist, whether or not it is linked", async () => {
    const current = await dataOf("analyst", "requests", ids.request);
    for (const data of [{ concernIds: [ids.restrictedConcern] }, { followUpOfId: ids.restrictedRequest }, { transferIds: [ids.restrictedTransfer] }]) {
      const r = await call("analyst", "PATCH", `/api/v1/requests/${ids.request}`, { version: current.version, data });
      expect(r.status, JSON.stringify(r.body)).toBe(422);
      expect(Object.keys(r.body.error!.fields)).toEqual(Object.keys(data));
    }
    const other = await call("analyst", "PATCH", `/api/v1/requests/${ids.request}`, { version: current.version, data: { concernIds: [ids.restrictedConcern + 1000] } });
    expect(other.status).toBe(422);
  });

  it("an editor saving a request still linked to a deleted concern is not refused for it", async () => {
    const current = await dataOf("editor", "requests", ids.request);
    expect(current.data.concernIds).toContain(ids.deletedConcern);
    const r = await call("editor", "PUT", `/api/v1/requests/${ids.request}`, { version: current.version, data: { ...current.data, title: "Edited by the editor" } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await linksInDb()).concernIds).toContain(ids.deletedConcern);
  });

  it("a conflict's details show the analyst nothing of the hidden links", async () => {
    // A request of its own: the analyst reads it, then an editor links hidden records to it.
    const created = await svc.createRecord(RECORDS.request, users.analyst, requestData({ title: "Read before the editor's links" }), null);
    const read = await dataOf("analyst", "requests", created.id);
    await svc.updateRecord(RECORDS.request, users.editor, created.id, created.version, requestData({ title: "Read before the editor's links", followUpOfId: ids.restrictedRequest, concernIds: [ids.restrictedConcern] }), null);
    const r = await call("analyst", "PUT", `/api/v1/requests/${created.id}`, { version: read.version, data: { ...read.data, title: "Mine" } });
    expect(r.status).toBe(409);
    expect((r.body.error as unknown as { details: { theirChanges: unknown } }).details.theirChanges).toEqual({});
    for (const id of HIDDEN_FROM_OTHERS()) expect(numbersIn(r.body)).not.toContain(id);
    const editors = await call("editor", "PUT", `/api/v1/requests/${created.id}`, { version: read.version, data: read.data });
    expect((editors.body.error as unknown as { details: { theirChanges: Record<string, unknown> } }).details.theirChanges).toHaveProperty("followUpOfId");
  });
});
