// No trace of a restricted (or deleted) record through the internal records
// that link it (issue 12, point 10): every lookup, every list (as the pages,
// the API and the exports read them) is searched for "canary" words that
// only hidden records hold. A label, a cell or a search taken from a linked
// record must follow that record's own visibility (lib/db/visibility.ts,
// joinReadable), whatever the query.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { API_RESOURCES } from "@/lib/api/resources";
import { makeUsAndRussia, withMigratedDatabase } from "@/tests/helpers/db";
import { actAs, makeUser } from "@/tests/helpers/session";

vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));

const ctx = withMigratedDatabase("restricted_traces");

type Who = { id: number; role: "VIEWER" | "ANALYST" | "EDITOR" | "ADMIN" };
const who = {} as Record<"viewer" | "analyst" | "editor", Who>;
/** Words that only hidden records (restricted, or deleted) hold. */
const CANARY = /zqcanary|zqdeleted/i;
const internal = {} as Record<"transfer" | "deletedWsTransfer" | "inspection" | "request" | "concern" | "quote", number>;
const hiddenIds = { request: 0, deletedRequest: 0 };

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let listRoute: { GET: Handler };
let exportRoute: { GET: Handler };
let lookup: typeof import("@/lib/db/lookup").lookup;

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", ctx.url);
  listRoute = (await import("@/app/api/v1/[resource]/route")) as unknown as { GET: Handler };
  exportRoute = (await import("@/app/api/v1/[resource]/export/route")) as unknown as { GET: Handler };
  lookup = (await import("@/lib/db/lookup")).lookup;
  const { us, ru } = await makeUsAndRussia(ctx.db);
  for (const [name, role] of [["viewer", "VIEWER"], ["analyst", "ANALYST"], ["editor", "EDITOR"]] as const) {
    who[name] = { id: (await makeUser(ctx.db, role)).id, role };
  }
  const hidden = { visibility: "RESTRICTED" as const, createdById: who.editor.id };
  const db = ctx.db;
  // The hidden records, each with a canary in every text a label or a search may read.
  const ws = await db.weaponSystem.create({ data: { name: "Zqcanary Launcher", designation: "ZQCANARY-1", category: "MANPADS", ...hidden } });
  const goneWs = await db.weaponSystem.create({ data: { name: "Zqdeleted Launcher", category: "MANPADS", deletedAt: new Date() } });
  const actor = await db.actor.create({ data: { name: "Zqcanary Official", title: "Zqcanary title", kind: "PERSON", ...hidden } });
  const concern = await db.concern.create({ data: { title: "Zqcanary concern", category: "OTHER", severity: "HIGH", ...hidden } });
  const source = await db.source.create({ data: { kind: "REPORT", title: "Zqcanary source", ...hidden } });
  const followed = await db.diplomaticRequest.create({
    data: { title: "Zqcanary earlier request", requestingCountryId: us, targetCountryId: ru, ask: "HALT_SALE", ...hidden },
  });
  hiddenIds.request = followed.id;
  hiddenIds.deletedRequest = (
    await db.diplomaticRequest.create({
      data: { title: "Zqdeleted request", requestingCountryId: us, targetCountryId: ru, ask: "HALT_SALE", deletedAt: new Date() },
    })
  ).id;
  const hiddenTransfer = await db.armsTransfer.create({
    data: { supplierId: ru, recipientId: us, status: "ORDERED", comments: "zqcanary comments", weaponSystemId: ws.id, ...hidden },
  });
  // Internal records that link them.
  internal.transfer = (await db.armsTransfer.create({ data: { supplierId: ru, recipientId: us, status: "ORDERED", weaponSystemId: ws.id } })).id;
  internal.deletedWsTransfer = (await db.armsTransfer.create({ data: { supplierId: ru, recipientId: us, status: "ORDERED", weaponSystemId: goneWs.id } })).id;
  internal.inspection = (
    await db.inspection.create({ data: { hostCountryId: us, inspectingCountryId: ru, status: "RIGHT_ASSERTED", weaponSystemId: ws.id, transferId: hiddenTransfer.id } })
  ).id;
  internal.request = (
    await db.diplomaticRequest.create({
      data: {
        title: "An internal request",
        requestingCountryId: us,
        targetCountryId: ru,
        ask: "HALT_SALE",
        followUpOfId: followed.id,
        actorLinks: { create: [{ actorId: actor.id, side: "TARGET" }] },
        concernLinks: { create: [{ concernId: concern.id }] },
        transferLinks: { create: [{ transferId: hiddenTransfer.id }] },
        citations: { create: [{ sourceId: source.id, passage: "zqcanary passage" }] },
        quotes: { create: [{ text: "zqcanary said", ...hidden }] },
      },
    })
  ).id;
  internal.concern = (
    await db.concern.create({
      data: {
        title: "An internal concern",
        category: "OTHER",
        severity: "LOW",
        transferLinks: { create: [{ transferId: hiddenTransfer.id }] },
        quotes: { create: [{ text: "zqcanary quoted", ...hidden }] },
        citations: { create: [{ sourceId: source.id, passage: "zqcanary cited" }] },
      },
    })
  ).id;
  internal.quote = (await db.quote.create({ data: { text: "An internal quote", speakerId: actor.id, requestId: internal.request } })).id;
});

async function call(route: { GET: Handler }, as: Who, resource: string, path: string) {
  await actAs(ctx.db, as.id);
  const res = await route.GET(new Request(`http://localhost/api/v1/${path}`), { params: Promise.resolve({ resource }) });
  return { status: res.status, text: await res.text() };
}

const listed = () => API_RESOURCES.map((r) => r.name);
const searchable = () => API_RESOURCES.filter((r) => r.list !== null).map((r) => r.name);

describe.each(["viewer", "analyst"] as const)("for the %s", (name) => {
  it.each(listed())("GET /api/v1/%s names no hidden record", async (resource) => {
    const r = await call(listRoute, who[name], resource, `${resource}?limit=500`);
    expect(r.status).toBe(200);
    expect(r.text).not.toMatch(CANARY);
  });

  it.each(searchable())("GET /api/v1/%s?q=zqcanary finds nothing", async (resource) => {
    for (const q of ["zqcanary", "zqdeleted"]) {
      const r = await call(listRoute, who[name], resource, `${resource}?q=${q}`);
      expect(r.status).toBe(200);
      expect((JSON.parse(r.text) as { data: unknown[] }).data, `${resource}?q=${q}`).toEqual([]);
    }
  });

  it.each(searchable())("the %s export, CSV and JSON (and the record shape, for import), names no hidden record", async (resource) => {
    for (const format of ["csv", "json", ...(["transfers", "requests"].includes(resource) ? ["csv&shape=record", "json&shape=record"] : [])]) {
      const r = await call(exportRoute, who[name], resource, `${resource}/export?format=${format}`);
      expect(r.status).toBe(200);
      expect(r.text).not.toMatch(CANARY);
      const found = await call(exportRoute, who[name], resource, `${resource}/export?format=${format}&q=zqcanary`);
      expect(found.text, `${resource} export q=zqcanary`).not.toMatch(/localhost\/[a-z-]+\/\d+/);
    }
  });

  it("a cursor forged on a hidden record's id is refused as one on no record (its sort position stays unknown)", async () => {
    const cursor = (a: number) => Buffer.from(JSON.stringify({ s: "title", d: "asc", a })).toString("base64url");
    const page = (a: number) => call(listRoute, who[name], "requests", `requests?sort=title&dir=asc&cursor=${cursor(a)}`);
    const none = await page(2_000_000_000);
    expect(none.status).toBe(422);
    expect(none.text).toMatch(/no longer points at a record/);
    for (const id of [hiddenIds.request, hiddenIds.deletedRequest]) expect(await page(id)).toEqual(none);
  });

  it.each(["actor", "concern", "transfer", "request", "source", "weaponSystem", "inspection"] as const)(
    "the %s lookup neither names nor finds a hidden record",
    async (type) => {
      expect(await lookup(who[name], type, "zqcanary")).toEqual([]);
      expect(await lookup(who[name], type, "zqdeleted")).toEqual([]);
      const everything = await lookup(who[name], type, "");
      const ids = Object.values(internal);
      const byIds = await lookup(who[name], type, "", ids);
      expect(JSON.stringify([everything, byIds])).not.toMatch(CANARY);
    },
  );
});

describe("for the editor, who may see them", () => {
  it("the canaries are there to be found (the checks above look at the right places)", async () => {
    const requests = await call(listRoute, who.editor, "requests", "requests?q=zqcanary");
    const ids = (JSON.parse(requests.text) as { data: { id: number }[] }).data.map((r) => r.id);
    expect(ids).toContain(internal.request);
    const transfers = await call(listRoute, who.editor, "transfers", "transfers?limit=500");
    expect(transfers.text).toMatch(/Zqcanary Launcher/);
    expect((await lookup(who.editor, "transfer", "zqcanary")).map((o) => o.id)).toContain(internal.transfer);
    expect((await lookup(who.editor, "inspection", "", [internal.inspection]))[0]!.label).toMatch(/Zqcanary/);
    // The editor may page on from any record, deleted ones included.
    for (const a of [hiddenIds.request, hiddenIds.deletedRequest]) {
      const cursor = Buffer.from(JSON.stringify({ s: "title", d: "asc", a })).toString("base64url");
      expect((await call(listRoute, who.editor, "requests", `requests?sort=title&dir=asc&cursor=${cursor}`)).status).toBe(200);
    }
  });
});
