// The REST API (/api/v1) through its route handlers, against a real
// database: every record type through each verb as each role, with the
// session cookie and with read-write, read-only, revoked and expired tokens;
// conflicts on stale versions; the stable error shape and statuses;
// restricted records; cursor pagination; the change feed; the OpenAPI
// document, validated against the OpenAPI 3.1 schema. A refused call writes
// nothing.
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { makeUsAndRussia, withMigratedDatabase } from "@/tests/helpers/db";
import { actAs, makeUser } from "@/tests/helpers/session";

vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));

const ctx = withMigratedDatabase("api");

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let collection: Record<string, Handler>;
let item: Record<string, Handler>;
let changesRoute: Record<string, Handler>;
let countriesRoute: Record<string, Handler>;
let openapi: typeof import("@/lib/api/openapi");
let tokens: typeof import("@/lib/auth/api-tokens");

type Who = "viewer" | "analyst" | "analyst2" | "editor";
const users = {} as Record<Who, { id: number; email: string; name: string; role: "VIEWER" | "ANALYST" | "EDITOR" }>;
const secret = {} as Record<"editorRW" | "analystRW" | "analyst2RW" | "viewerRW" | "editorRO" | "revoked" | "expired", string>;
let countries: { us: number; ru: number };

type Reply = { status: number; body: { error?: { code: string; message: string; fields: Record<string, string[]> } } & Record<string, unknown>; headers: Headers };

/** Calls the API as `auth`: a token's secret, a user's session cookie, or nobody. */
async function call(method: string, path: string, options: { auth?: { token: string } | { session: Who } | null; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const url = new URL(`http://localhost${path}`);
  const parts = url.pathname.replace(/^\/api\/v1\//, "").split("/");
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  const auth = options.auth === undefined ? { token: secret.editorRW } : options.auth;
  if (auth && "token" in auth) headers.authorization = `Bearer ${auth.token}`;
  // A browser sends its own origin with a change; the API refuses changes with the cookie from elsewhere.
  if (auth && "session" in auth && !("origin" in headers)) headers.origin = "http://localhost";
  await actAs(ctx.db, auth && "session" in auth ? users[auth.session].id : null);
  if (options.body !== undefined || options.rawBody !== undefined) headers["content-type"] ??= "application/json";
  const request = new Request(url, {
    method,
    headers,
    body: options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  const [first, id] = parts;
  const route = first === "changes" ? changesRoute : first === "countries" ? countriesRoute : id !== undefined ? item : collection;
  const handler = route[method];
  if (!handler) throw new Error(`no ${method} handler for ${path}`);
  const res = await handler(request, { params: Promise.resolve({ resource: first!, ...(id !== undefined ? { id } : {}) }) });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

function expectError(r: Reply, status: number, code: string) {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(Object.keys(r.body)).toEqual(["error"]);
  expect(r.body.error).toMatchObject({ code, message: expect.any(String), fields: expect.any(Object) });
  expect(r.body.error!.message.length).toBeGreaterThan(5);
}

/** Rows of every record table and the audit trail: unchanged after a refused call. */
async function digest(): Promise<string> {
  const rows = await ctx.db.$queryRaw<{ d: string }[]>`
    SELECT concat_ws('|',
      (SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x.id), '')) FROM "DiplomaticRequest" x),
      (SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x.id), '')) FROM "Concern" x),
      (SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x.id), '')) FROM "ArmsTransfer" x),
      (SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x.id), '')) FROM "Inspection" x),
      (SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x.id), '')) FROM "Source" x),
      (SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x.id), '')) FROM "Actor" x),
      (SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x.id), '')) FROM "WeaponSystem" x),
      (SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x.id), '')) FROM "Quote" x),
      (SELECT count(*) FROM "AuditEvent" WHERE action NOT IN ('TOKEN_USE'))) AS d`;
  return rows[0]!.d;
}

// A valid new record of each type (the same fields the forms send).
const PAYLOADS: Record<string, () => Record<string, unknown>> = {
  requests: () => ({ title: "API request", occurredOn: "2009-03", requestingCountryId: countries.us, targetCountryId: countries.ru, ask: "HALT_SALE", visibility: "INTERNAL" }),
  concerns: () => ({ title: "API concern", category: "DIVERSION", severity: "HIGH", visibility: "INTERNAL", countries: [{ countryId: countries.ru, role: "SUPPLIER" }] }),
  transfers: () => ({ supplierId: countries.ru, recipientId: countries.us, status: "ORDERED", orderYear: 2010, deliveryYears: [], visibility: "INTERNAL" }),
  inspections: () => ({ hostCountryId: countries.us, status: "RIGHT_ASSERTED", visibility: "INTERNAL" }),
  sources: () => ({ kind: "REPORT", title: "API source", visibility: "INTERNAL" }),
  actors: () => ({ name: "API actor", kind: "PERSON", visibility: "INTERNAL" }),
  "weapon-systems": () => ({ name: "API weapon", category: "MANPADS", visibility: "INTERNAL" }),
  quotes: () => ({ text: "Said through the API.", speakerLabel: "Someone", visibility: "INTERNAL" }),
};
/** A field of each type to change, and a value. */
const CHANGE: Record<string, [string, unknown]> = {
  requests: ["title", "Changed title"],
  concerns: ["title", "Changed concern"],
  transfers: ["comments", "Changed comment"],
  inspections: ["basis", "Changed basis"],
  sources: ["title", "Changed source"],
  actors: ["name", "Changed actor"],
  "weapon-systems": ["name", "Changed weapon"],
  quotes: ["text", "Changed words."],
};
const RESOURCES = Object.keys(PAYLOADS);

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", ctx.url);
  collection = (await import("@/app/api/v1/[resource]/route")) as unknown as Record<string, Handler>;
  item = (await import("@/app/api/v1/[resource]/[id]/route")) as unknown as Record<string, Handler>;
  changesRoute = (await import("@/app/api/v1/changes/route")) as unknown as Record<string, Handler>;
  countriesRoute = (await import("@/app/api/v1/countries/route")) as unknown as Record<string, Handler>;
  openapi = await import("@/lib/api/openapi");
  tokens = await import("@/lib/auth/api-tokens");
  countries = await makeUsAndRussia(ctx.db);
  for (const [who, role] of [["viewer", "VIEWER"], ["analyst", "ANALYST"], ["analyst2", "ANALYST"], ["editor", "EDITOR"]] as const) {
    const u = await makeUser(ctx.db, role, undefined, who);
    users[who] = { id: u.id, email: u.email, name: u.name, role };
  }
  const make = async (who: Who, scope: "READ" | "READ_WRITE", days = 30) => (await tokens.createApiToken(users[who], { name: `${who} ${scope}`, scope, expiresInDays: days }, null)).secret;
  secret.editorRW = await make("editor", "READ_WRITE");
  secret.analystRW = await make("analyst", "READ_WRITE");
  secret.analyst2RW = await make("analyst2", "READ_WRITE");
  secret.viewerRW = await make("viewer", "READ_WRITE");
  secret.editorRO = await make("editor", "READ");
  secret.revoked = await make("editor", "READ_WRITE");
  const revoked = await ctx.db.apiToken.findFirstOrThrow({ where: { tokenHash: tokens.hashToken(secret.revoked) } });
  await tokens.revokeApiToken(users.editor, revoked.id, null);
  secret.expired = await make("editor", "READ_WRITE");
  await ctx.db.apiToken.update({ where: { tokenHash: tokens.hashToken(secret.expired) }, data: { expiresAt: new Date(Date.now() - 1000) } });
});

describe.each(RESOURCES)("%s: every verb with an editor's read-write token", (name) => {
  it("creates, reads, lists, changes with the version read, refuses a stale version, deletes", async () => {
    const created = await call("POST", `/api/v1/${name}`, { body: PAYLOADS[name]!() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as number;
    expect(created.headers.get("location")).toBe(`/api/v1/${name}/${id}`);
    expect(created.body).toMatchObject({ type: name, version: 1, deleted: false, verified: true, url: expect.stringContaining(`/${id}`) });

    const got = await call("GET", `/api/v1/${name}/${id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get("etag")).toBe('"1"');
    expect(got.body.data).toEqual(created.body.data);

    const listed = await call("GET", `/api/v1/${name}?limit=500`);
    expect(listed.status).toBe(200);
    expect((listed.body.data as { id: number; url: string }[]).some((r) => r.id === id && r.url.endsWith(`/${id}`))).toBe(true);

    const [field, value] = CHANGE[name]!;
    const patched = await call("PATCH", `/api/v1/${name}/${id}`, { body: { version: 1, data: { [field]: value } } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.version).toBe(2);
    expect((patched.body.data as Record<string, unknown>)[field]).toBe(value);

    // PUT from the first version: someone (we) changed it since.
    const stale = await call("PUT", `/api/v1/${name}/${id}`, { body: { version: 1, data: { ...(created.body.data as object), [field]: "Lost update" } } });
    expectError(stale, 409, "CONFLICT");
    expect((stale.body.error as { details?: { currentVersion: number } }).details?.currentVersion).toBe(2);
    const replaced = await call("PUT", `/api/v1/${name}/${id}`, { body: { version: 2, data: patched.body.data }, headers: {} });
    expect(replaced.status).toBe(200);
    expect(replaced.body.version).toBe(3);

    expectError(await call("DELETE", `/api/v1/${name}/${id}?version=2`), 409, "CONFLICT");
    const deleted = await call("DELETE", `/api/v1/${name}/${id}`, { headers: { "if-match": '"3"' } });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(deleted.body).toMatchObject({ id, deleted: true });
    // Editors still see it (to restore it); others do not.
    expect((await call("GET", `/api/v1/${name}/${id}`)).body.deleted).toBe(true);
    expectError(await call("GET", `/api/v1/${name}/${id}`, { auth: { token: secret.analystRW } }), 404, "NOT_FOUND");

    // The audit trail names the token.
    const events = await ctx.db.auditEvent.findMany({ where: { entityId: id, action: { in: ["CREATE", "UPDATE", "DELETE"] } }, orderBy: { id: "asc" } });
    expect(events.filter((e) => e.entityType !== null).length).toBeGreaterThanOrEqual(4);
    expect(events.every((e) => (e.metadata as { via?: { tokenName: string } } | null)?.via?.tokenName === "editor READ_WRITE")).toBe(true);
  });
});

describe.each(RESOURCES)("%s: each role", (name) => {
  it("a viewer reads but may not create, change or delete; an analyst changes only their own", async () => {
    expect((await call("GET", `/api/v1/${name}`, { auth: { session: "viewer" } })).status).toBe(200);
    let before = await digest();
    expectError(await call("POST", `/api/v1/${name}`, { auth: { session: "viewer" }, body: PAYLOADS[name]!() }), 403, "FORBIDDEN");
    expectError(await call("POST", `/api/v1/${name}`, { auth: { token: secret.viewerRW }, body: PAYLOADS[name]!() }), 403, "FORBIDDEN");
    expect(await digest()).toBe(before);

    const mine = await call("POST", `/api/v1/${name}`, { auth: { token: secret.analystRW }, body: PAYLOADS[name]!() });
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    expect(mine.body.verified).toBe(false); // an analyst's records start unverified
    const id = mine.body.id as number;
    const [field, value] = CHANGE[name]!;

    before = await digest();
    expectError(await call("PATCH", `/api/v1/${name}/${id}`, { auth: { token: secret.analyst2RW }, body: { version: 1, data: { [field]: value } } }), 403, "FORBIDDEN");
    expectError(await call("PATCH", `/api/v1/${name}/${id}`, { auth: { session: "viewer" }, body: { version: 1, data: { [field]: value } } }), 403, "FORBIDDEN");
    expectError(await call("DELETE", `/api/v1/${name}/${id}?version=1`, { auth: { token: secret.analyst2RW } }), 403, "FORBIDDEN");
    expectError(await call("DELETE", `/api/v1/${name}/${id}?version=1`, { auth: { session: "viewer" } }), 403, "FORBIDDEN");
    expect(await digest()).toBe(before);

    const own = await call("PATCH", `/api/v1/${name}/${id}`, { auth: { session: "analyst" }, body: { version: 1, data: { [field]: value } } });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    const gone = await call("DELETE", `/api/v1/${name}/${id}?version=2`, { auth: { token: secret.analystRW } });
    expect(gone.status).toBe(200);
  });
});

describe("tokens", () => {
  it("a read-only token reads and may not write", async () => {
    expect((await call("GET", "/api/v1/requests", { auth: { token: secret.editorRO } })).status).toBe(200);
    const before = await digest();
    expectError(await call("POST", "/api/v1/requests", { auth: { token: secret.editorRO }, body: PAYLOADS.requests!() }), 403, "FORBIDDEN");
    const created = await call("POST", "/api/v1/requests", { body: PAYLOADS.requests!() });
    const after = await digest();
    expectError(await call("DELETE", `/api/v1/requests/${created.body.id}?version=1`, { auth: { token: secret.editorRO } }), 403, "FORBIDDEN");
    expectError(await call("PATCH", `/api/v1/requests/${created.body.id}`, { auth: { token: secret.editorRO }, body: { version: 1, data: { title: "x" } } }), 403, "FORBIDDEN");
    expect(await digest()).toBe(after);
    expect(after).not.toBe(before);
  });

  it.each([
    ["revoked", () => secret.revoked],
    ["expired", () => secret.expired],
    ["unknown", () => "dmk_not-a-real-token-at-all-xxxxxxxxxxxxxxxx"],
    ["not ours", () => "some-other-token"],
  ])("a %s token gets 401 and writes nothing", async (_label, token) => {
    const before = await digest();
    expectError(await call("GET", "/api/v1/requests", { auth: { token: token() } }), 401, "UNAUTHENTICATED");
    expectError(await call("POST", "/api/v1/requests", { auth: { token: token() }, body: PAYLOADS.requests!() }), 401, "UNAUTHENTICATED");
    expect(await digest()).toBe(before);
  });

  it("a change with the session cookie from another site is refused (a token needs no Origin)", async () => {
    const before = await digest();
    expectError(await call("POST", "/api/v1/sources", { auth: { session: "editor" }, body: PAYLOADS.sources!(), headers: { origin: "https://evil.example" } }), 403, "FORBIDDEN");
    expect(await digest()).toBe(before);
    expect((await call("POST", "/api/v1/sources", { auth: { session: "editor" }, body: PAYLOADS.sources!() })).status).toBe(201);
    expect((await call("POST", "/api/v1/sources", { auth: { token: secret.editorRW }, body: PAYLOADS.sources!() })).status).toBe(201);
  });

  it("no credentials, a malformed header, or a deactivated user: 401", async () => {
    expectError(await call("GET", "/api/v1/requests", { auth: null }), 401, "UNAUTHENTICATED");
    expectError(await call("GET", "/api/v1/requests", { auth: null, headers: { authorization: "Basic abc" } }), 401, "UNAUTHENTICATED");
    const u = await makeUser(ctx.db, "EDITOR", undefined, "leaver");
    const t = (await tokens.createApiToken({ id: u.id, email: u.email, name: u.name, role: "EDITOR" }, { name: "leaver", scope: "READ", expiresInDays: 5 }, null)).secret;
    expect((await call("GET", "/api/v1/requests", { auth: { token: t } })).status).toBe(200);
    await ctx.db.user.update({ where: { id: u.id }, data: { active: false } });
    expectError(await call("GET", "/api/v1/requests", { auth: { token: t } }), 401, "UNAUTHENTICATED");
  });

  it("never grants more than its user's current role", async () => {
    const u = await makeUser(ctx.db, "EDITOR", undefined, "demoted");
    const t = (await tokens.createApiToken({ id: u.id, email: u.email, name: u.name, role: "EDITOR" }, { name: "rw", scope: "READ_WRITE", expiresInDays: 5 }, null)).secret;
    expect((await call("POST", "/api/v1/sources", { auth: { token: t }, body: PAYLOADS.sources!() })).status).toBe(201);
    await ctx.db.user.update({ where: { id: u.id }, data: { role: "VIEWER" } });
    expectError(await call("POST", "/api/v1/sources", { auth: { token: t }, body: PAYLOADS.sources!() }), 403, "FORBIDDEN");
  });

  it("its use is audited (at most once every few minutes) and shown on the token", async () => {
    const token = await ctx.db.apiToken.findFirstOrThrow({ where: { tokenHash: tokens.hashToken(secret.editorRW) } });
    expect(token.lastUsedAt).not.toBeNull();
    const uses = await ctx.db.auditEvent.count({ where: { action: "TOKEN_USE", entityId: token.id } });
    expect(uses).toBe(1);
    const created = await ctx.db.auditEvent.count({ where: { action: { in: ["TOKEN_CREATE", "TOKEN_REVOKE"] }, userId: users.editor.id } });
    expect(created).toBeGreaterThanOrEqual(5);
  });

  it("is stored only as a hash, and listed without it", async () => {
    const stored = await ctx.db.apiToken.findMany({ select: { tokenHash: true, prefix: true } });
    for (const s of Object.values(secret)) {
      expect(stored.some((t) => t.tokenHash === s)).toBe(false);
    }
    const listed = await tokens.listApiTokens(users.editor);
    expect(JSON.stringify(listed)).not.toMatch(/tokenHash/);
    expect(listed.every((t) => t.prefix.startsWith("dmk_") && t.prefix.length < 20)).toBe(true);
  });
});

describe("errors: one shape, the right status", () => {
  it("400 for a body that is not JSON, not an object, the wrong type, or a bad parameter", async () => {
    const before = await digest();
    expectError(await call("POST", "/api/v1/requests", { rawBody: "{not json" }), 400, "BAD_REQUEST");
    expectError(await call("POST", "/api/v1/requests", { rawBody: "[1, 2]" }), 400, "BAD_REQUEST");
    expectError(await call("POST", "/api/v1/requests", { rawBody: "title=x", headers: { "content-type": "application/x-www-form-urlencoded" } }), 400, "BAD_REQUEST");
    expectError(await call("GET", "/api/v1/requests?limit=0"), 400, "BAD_REQUEST");
    expectError(await call("GET", "/api/v1/requests?limit=100000"), 400, "BAD_REQUEST");
    expectError(await call("GET", "/api/v1/requests?page=2"), 400, "BAD_REQUEST");
    expectError(await call("GET", "/api/v1/requests?response=MAYBE"), 400, "BAD_REQUEST");
    expectError(await call("GET", "/api/v1/requests?contry=RU"), 400, "BAD_REQUEST");
    expectError(await call("GET", "/api/v1/requests?cursor=garbage"), 400, "BAD_REQUEST");
    expectError(await call("GET", "/api/v1/requests/abc"), 400, "BAD_REQUEST");
    expectError(await call("PATCH", "/api/v1/requests/1", { body: { data: { title: "no version" } } }), 400, "BAD_REQUEST");
    expect(await digest()).toBe(before);
  });

  it("404 for an unknown resource or record", async () => {
    expectError(await call("GET", "/api/v1/spaceships"), 404, "NOT_FOUND");
    expectError(await call("GET", "/api/v1/requests/999999"), 404, "NOT_FOUND");
    expectError(await call("DELETE", "/api/v1/requests/999999?version=1"), 404, "NOT_FOUND");
  });

  it("422 with messages per field for invalid fields, 400 naming unknown ones; nothing written", async () => {
    const before = await digest();
    const bad = await call("POST", "/api/v1/requests", { body: { ...PAYLOADS.requests!(), ask: "SURRENDER", occurredOn: "someday" } });
    expectError(bad, 422, "VALIDATION");
    expect(Object.keys(bad.body.error!.fields).sort()).toEqual(expect.arrayContaining(["ask", "occurredOn"]));
    // An unknown field is a malformed request, as an unknown query parameter is (lib/api/http.ts refuseUnknown).
    const unknown = await call("POST", "/api/v1/actors", { body: { ...PAYLOADS.actors!(), isAdmin: true } });
    expectError(unknown, 400, "BAD_REQUEST");
    expect(Object.keys(unknown.body.error!.fields)).toEqual(["isAdmin"]);
    expectError(await call("POST", "/api/v1/actors", { body: { name: "" } }), 422, "VALIDATION");
    expect(await digest()).toBe(before);
  });

  it("429 past the rate limit, with Retry-After", async () => {
    vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "3");
    try {
      const statuses: number[] = [];
      let last: Reply | null = null;
      for (let i = 0; i < 5; i++) {
        last = await call("GET", "/api/v1/countries", { auth: { session: "analyst2" } });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expectError(last!, 429, "RATE_LIMITED");
      expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "6000");
    }
  });
});

describe("restricted records", () => {
  it("are left out of lists and answer 404 for those who may not see them", async () => {
    const r = await call("POST", "/api/v1/requests", { body: { ...PAYLOADS.requests!(), title: "Restricted via API", visibility: "RESTRICTED" } });
    const id = r.body.id as number;
    const ids = async (auth: NonNullable<Parameters<typeof call>[2]>["auth"]) =>
      ((await call("GET", "/api/v1/requests?limit=500", { auth })).body.data as { id: number }[]).map((x) => x.id);
    expect(await ids({ token: secret.editorRW })).toContain(id);
    expect(await ids({ session: "viewer" })).not.toContain(id);
    expect(await ids({ token: secret.analystRW })).not.toContain(id);
    expectError(await call("GET", `/api/v1/requests/${id}`, { auth: { session: "viewer" } }), 404, "NOT_FOUND");
  });
});

describe("cursor pagination", () => {
  it("walks a filtered, sorted list page by page: every row once, in order", async () => {
    for (const t of ["Kilo", "Alpha", "Juliet", "Bravo", "India", "Alpha"]) {
      await call("POST", "/api/v1/requests", { body: { ...PAYLOADS.requests!(), title: `Paged ${t}`, occurredOn: null } });
    }
    const all = (await call("GET", "/api/v1/requests?q=Paged&sort=title&dir=asc&limit=500")).body.data as { id: number; title: string }[];
    expect(all).toHaveLength(6);
    const seen: { id: number; title: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Reply = await call("GET", `/api/v1/requests?q=Paged&sort=title&dir=asc&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      seen.push(...(page.body.data as { id: number; title: string }[]));
      cursor = page.body.next as string | null;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen.map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(seen.map((r) => r.title)).toEqual([...seen.map((r) => r.title)].sort());
    // Descending on a column with unknown values (dates): known first, unknown last, each once.
    const byDate: { id: number }[] = [];
    cursor = null;
    do {
      const page: Reply = await call("GET", `/api/v1/requests?sort=date&dir=desc&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      byDate.push(...(page.body.data as { id: number }[]));
      cursor = page.body.next as string | null;
    } while (cursor);
    const whole = (await call("GET", "/api/v1/requests?sort=date&dir=desc&limit=500")).body.data as { id: number }[];
    expect(byDate.map((r) => r.id)).toEqual(whole.map((r) => r.id));
    // A cursor belongs to its order.
    const first = await call("GET", "/api/v1/requests?sort=title&dir=asc&limit=1");
    expectError(await call("GET", `/api/v1/requests?sort=date&limit=1&cursor=${first.body.next}`), 400, "BAD_REQUEST");
  });

  it("quotes (no list page of their own) page by id", async () => {
    const seen = new Set<number>();
    let cursor: string | null = null;
    do {
      const page: Reply = await call("GET", `/api/v1/quotes?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      for (const r of page.body.data as { id: number }[]) {
        expect(seen.has(r.id)).toBe(false);
        seen.add(r.id);
      }
      cursor = page.body.next as string | null;
    } while (cursor);
    expect(seen.size).toBe(await ctx.db.quote.count({ where: { deletedAt: null, visibility: "INTERNAL" } }));
  });
});

describe("the change feed", () => {
  it("lists creations, updates and deletions in order after a cursor, without restricted ones for a viewer", async () => {
    const start = (await call("GET", "/api/v1/changes?limit=500")).body;
    let since = start.next as string;
    while ((await call("GET", `/api/v1/changes?since=${since}&limit=500`)).body.more) {
      since = (await call("GET", `/api/v1/changes?since=${since}&limit=500`)).body.next as string;
    }
    since = (await call("GET", `/api/v1/changes?since=${since}&limit=500`)).body.next as string;
    const a = await call("POST", "/api/v1/actors", { body: { ...PAYLOADS.actors!(), name: "Feed actor" } });
    const id = a.body.id as number;
    await call("PATCH", `/api/v1/actors/${id}`, { body: { version: 1, data: { name: "Feed actor, renamed" } } });
    const hidden = await call("POST", "/api/v1/actors", { body: { ...PAYLOADS.actors!(), name: "Hidden actor", visibility: "RESTRICTED" } });
    await call("DELETE", `/api/v1/actors/${id}?version=2`);

    const feed = await call("GET", `/api/v1/changes?since=${since}`);
    expect(feed.status).toBe(200);
    const mine = (feed.body.changes as { type: string; id: number; action: string; version: number; data: Record<string, unknown> | null; cursor: string }[]);
    expect(mine.filter((c) => c.id === id && c.type === "actors").map((c) => [c.action, c.version])).toEqual([["created", 1], ["updated", 2], ["deleted", 3]]);
    expect(mine.find((c) => c.id === id && c.action === "updated")!.data).toMatchObject({ name: "Feed actor, renamed" });
    expect(mine.find((c) => c.id === id && c.action === "deleted")!.data).toBeNull();
    expect(mine.some((c) => c.id === hidden.body.id && c.type === "actors")).toBe(true);
    const cursors = mine.map((c) => Number(c.cursor));
    expect([...cursors].sort((x, y) => x - y)).toEqual(cursors);

    const forViewer = await call("GET", `/api/v1/changes?since=${since}`, { auth: { session: "viewer" } });
    const viewerChanges = forViewer.body.changes as { type: string; id: number }[];
    expect(viewerChanges.some((c) => c.id === id && c.type === "actors")).toBe(true);
    expect(viewerChanges.some((c) => c.id === hidden.body.id && c.type === "actors")).toBe(false);
    // The actor is deleted now: a viewer, who cannot open it any more, gets
    // its deletion but none of its earlier snapshots; an editor gets them all.
    expect(
      (viewerChanges as { type: string; id: number; action: string; data: unknown }[])
        .filter((c) => c.id === id && c.type === "actors")
        .map((c) => [c.action, c.data]),
    ).toEqual([["deleted", null]]);

    // Nothing newer: no changes, the same cursor back.
    const after = await call("GET", `/api/v1/changes?since=${feed.body.next}`);
    expect(after.body).toMatchObject({ changes: [], next: feed.body.next, more: false });
    expectError(await call("GET", "/api/v1/changes?since=-4"), 400, "BAD_REQUEST");
    expectError(await call("GET", "/api/v1/changes?from=1"), 400, "BAD_REQUEST");
  });
});

describe("reference data", () => {
  it("lists every country", async () => {
    const r = await call("GET", "/api/v1/countries", { auth: { session: "viewer" } });
    expect(r.status).toBe(200);
    expect((r.body.data as { alpha2: string }[]).map((c) => c.alpha2).sort()).toEqual(["RU", "US"]);
  });
});

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document describing every resource and verb", async () => {
    const doc = openapi.openApiDocument();
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
    for (const name of RESOURCES) {
      expect(Object.keys(doc.paths![`/${name}`]!).sort()).toEqual(["get", "post"]);
      expect(Object.keys(doc.paths![`/${name}/{id}`]!).sort()).toEqual(["delete", "get", "patch", "put"]);
    }
    expect(doc.paths!["/changes"]).toBeDefined();
  });

  it("describes request bodies by the same zod schemas that validate them", async () => {
    const schemas = openapi.openApiDocument().components!.schemas as Record<string, { required?: string[]; properties?: Record<string, { enum?: string[] }>; additionalProperties?: unknown }>;
    expect(schemas.ActorFields!.required).toEqual(expect.arrayContaining(["name", "kind"]));
    expect(schemas.ActorFields!.properties!.kind!.enum).toEqual(["PERSON", "GOVERNMENT_BODY", "ORGANISATION", "ARMED_GROUP"]);
    expect(schemas.ActorFields!.additionalProperties).toBe(false); // strict: unknown fields refused, as the API does
    const fields = Object.keys(schemas.RequestFields!.properties!);
    expect(fields).toEqual(expect.arrayContaining(["title", "occurredOn", "requestingCountryId", "targetCountryId", "ask", "response", "visibility"]));
  });

  it("requires what the server requires, and types what it sends (the drifts of issue 13)", () => {
    const doc = openapi.openApiDocument() as unknown as {
      components: { schemas: Record<string, { required?: string[]; properties?: Record<string, { anyOf?: { type?: string; minimum?: number; maximum?: number; pattern?: string }[] }> }> };
      paths: Record<string, Record<string, { parameters?: { name: string; schema: { type: string } }[]; responses: Record<string, { headers?: Record<string, { required?: boolean }> }> }>>;
    };
    const { schemas } = doc.components;
    // A preprocess or a default accepts a missing field: not required.
    expect(schemas.TransferFields!.required).toEqual(["supplierId", "recipientId", "status"]);
    expect(schemas.RequestFields!.required).toEqual(["title", "requestingCountryId", "targetCountryId", "ask"]);
    // Numbers as the server parses them: whole numbers, or digits as typed.
    const ordered = schemas.TransferFields!.properties!.numberOrdered!.anyOf!;
    expect(ordered.map((a) => a.type)).toEqual(["integer", "string", "null"]);
    expect(ordered[0]).toMatchObject({ minimum: 0, maximum: 10_000_000 });
    expect(new RegExp(ordered[1]!.pattern!).test("(40)")).toBe(false);
    expect(new RegExp(ordered[1]!.pattern!).test("1,200")).toBe(true);
    // The change feed's cursor is a whole number.
    expect(doc.paths["/changes"]!.get!.parameters!.find((p) => p.name === "since")!.schema.type).toBe("integer");
    // Headers the API sends.
    expect(doc.paths["/requests/{id}"]!.get!.responses["200"]!.headers!.ETag!.required).toBe(true);
    expect(doc.paths["/requests"]!.post!.responses["201"]!.headers!.Location!.required).toBe(true);
    expect(doc.paths["/requests"]!.get!.responses["429"]!.headers!["Retry-After"]!.required).toBe(true);
    expect(Object.keys(doc.paths["/requests/export"]!.get!.responses)).toContain("200");
  });
});
