// The REST API against its own OpenAPI document (lib/api/openapi.ts): every
// operation of the document is called through its route handler, against a
// real database, for its success and for each error status it documents
// that a request can provoke (400 unknown parameter or field, 401 no
// credentials, 403 a viewer's write, 404, 409 a stale version, 413 a body
// too large, 422 an invalid field or a stale cursor, 429 past the rate), and
// every answer's status, body and headers are validated against the
// document with a JSON Schema validator (ajv, draft 2020-12 as OpenAPI 3.1
// uses). 405 (the framework's answer for a method a route does not export,
// reshaped by the front door) and 503 (the database unreachable) are checked
// through the functions that make them, X-Request-Id through the proxy
// (proxy.ts) that sets it on every answer. A second test sends each type's
// minimal body (only the fields the document requires) and expects 201, and
// 422 naming the field when any one of them is left out. A third: unknown
// query parameters and body fields get one answer on every operation.
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makeUsAndRussia, withMigratedDatabase } from "@/tests/helpers/db";
import { actAs, makeUser } from "@/tests/helpers/session";

vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));

const ctx = withMigratedDatabase("api_contract");

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Record<string, Handler | unknown>;
type Json = Record<string, unknown>;
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Json>; responses: Record<string, ResponseDoc> } };
type Operation = { operationId: string; parameters?: { name: string; in: string }[]; requestBody?: unknown; responses: Record<string, ResponseDoc> };
type ResponseDoc = { description: string; headers?: Record<string, { required?: boolean; schema: Json }>; content?: Record<string, { schema: Json }> };
type Reply = { status: number; headers: Headers; text: string; body: Json };

/** The route modules, by the kind of path they serve. */
type RouteKind = "collection" | "item" | "export" | "changes" | "countries" | "search";
const routes = {} as Record<RouteKind, RouteModule>;
let doc: Doc;
let http: typeof import("@/lib/api/http");
let gate: typeof import("@/lib/http/gate");
let tokens: typeof import("@/lib/auth/api-tokens");
let countries: { us: number; ru: number };
const users = {} as Record<"viewer" | "editor", { id: number; email: string; name: string; role: "VIEWER" | "EDITOR" }>;
let editorToken = "";

/** The route module and the operation's path in the document of a concrete path ("/requests/12" → item, "/requests/{id}"). */
function routeOf(path: string): { module: RouteKind; template: string; params: Record<string, string> } {
  const [first, second] = new URL(`http://localhost${path}`).pathname.replace(/^\//, "").split("/");
  if (first === "changes" || first === "countries" || first === "search") return { module: first, template: `/${first}`, params: {} };
  if (second === "export") return { module: "export", template: `/${first}/export`, params: { resource: first! } };
  if (second !== undefined) return { module: "item", template: `/${first}/{id}`, params: { resource: first!, id: second } };
  return { module: "collection", template: `/${first}`, params: { resource: first! } };
}

type Auth = { token: string } | { session: "viewer" | "editor" } | null;

/** Calls the API in-process as `auth` (default: an editor's read-write token). */
async function call(method: string, path: string, options: { auth?: Auth; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  const auth = options.auth === undefined ? { token: editorToken } : options.auth;
  if (auth && "token" in auth) headers.authorization = `Bearer ${auth.token}`;
  // A browser sends its own origin with a change (without one, a change with no credentials is a cross-site 403, not a 401).
  if (!auth || "session" in auth) headers.origin ??= "http://localhost";
  await actAs(ctx.db, auth && "session" in auth ? users[auth.session].id : null);
  if (options.body !== undefined || options.rawBody !== undefined) headers["content-type"] ??= "application/json";
  const request = new Request(new URL(`http://localhost/api/v1${path}`), { method, headers, body: options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined) });
  const { module, params } = routeOf(path);
  const handler = routes[module][method] as Handler | undefined;
  if (!handler) throw new Error(`no ${method} handler for ${path}`);
  const res = await handler(request, { params: Promise.resolve(params) });
  const text = await res.text();
  const json = /json/.test(res.headers.get("content-type") ?? "");
  return { status: res.status, headers: res.headers, text, body: json ? (JSON.parse(text) as Json) : {} };
}

// ------------------------------------------------------------------ the validator

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

function validator(key: string, schema: Json): ValidateFunction {
  let v = compiled.get(key);
  if (!v) {
    // The document's components at the root, so that its #/components/... references resolve.
    v = ajv.compile({ ...schema, components: doc.components });
    compiled.set(key, v);
  }
  return v;
}

function expectValid(key: string, schema: Json, value: unknown) {
  const v = validator(key, schema);
  const ok = v(value);
  expect(ok, `${key}: ${ajv.errorsText(v.errors, { separator: "\n" })}\n${JSON.stringify(value).slice(0, 600)}`).toBe(true);
}

/** Operation → statuses seen, validated. */
const covered = new Map<string, Set<string>>();
const opKey = (template: string, method: string) => `${method.toUpperCase()} ${template}`;

/** Validates a reply's status, headers and body against the operation's documented response. */
function checkResponse(template: string, method: string, reply: { status: number; headers: Headers; text: string }, label = "") {
  const op = doc.paths[template]?.[method.toLowerCase()];
  expect(op, `${opKey(template, method)} is in the document`).toBeDefined();
  const key = `${opKey(template, method)} ${reply.status}`;
  const response = op!.responses[String(reply.status)];
  expect(response, `${key}${label} is documented: ${reply.text.slice(0, 300)}`).toBeDefined();
  checkAgainst(key, response!, reply);
  if (!covered.has(opKey(template, method))) covered.set(opKey(template, method), new Set());
  covered.get(opKey(template, method))!.add(String(reply.status));
}

function checkAgainst(key: string, response: ResponseDoc, reply: { headers: Headers; text: string }) {
  for (const [name, h] of Object.entries(response.headers ?? {})) {
    const value = reply.headers.get(name);
    if (h.required) expect(value, `${key}: header ${name}`).not.toBeNull();
    if (value !== null) expectValid(`${key} header ${name}`, h.schema, value);
  }
  const type = (reply.headers.get("content-type") ?? "").split(";")[0]!.trim();
  const media = response.content?.[type];
  expect(media, `${key}: content type ${type} is documented`).toBeDefined();
  expectValid(`${key} ${type}`, media!.schema, type === "application/json" ? JSON.parse(reply.text) : reply.text);
}

async function expectCall(status: number, method: string, path: string, options: Parameters<typeof call>[2] = {}): Promise<Reply> {
  const reply = await call(method, path, options);
  expect(reply.status, `${method} ${path}: ${reply.text.slice(0, 400)}`).toBe(status);
  checkResponse(routeOf(path).template, method, reply);
  return reply;
}

// ------------------------------------------------------------------ fixtures

const PAYLOADS: Record<string, () => Json> = {
  requests: () => ({ title: "Contract request", occurredOn: "2009-03", requestingCountryId: countries.us, targetCountryId: countries.ru, ask: "HALT_SALE", visibility: "INTERNAL" }),
  concerns: () => ({ title: "Contract concern", category: "DIVERSION", severity: "HIGH", nextReviewOn: "2030-01-02", openedOn: "2008", countries: [{ countryId: countries.ru, role: "SUPPLIER" }] }),
  transfers: () => ({ supplierId: countries.ru, recipientId: countries.us, status: "ORDERED", numberOrdered: "1,200", numberDelivered: 40, orderYear: 2010, deliveryYears: "2011, 2012", comments: "Contract" }),
  inspections: () => ({ hostCountryId: countries.us, status: "RIGHT_ASSERTED", assertedOn: "2011-04-05" }),
  sources: () => ({ kind: "REPORT", title: "Contract source", publishedOn: "2012", url: "https://example.org/report" }),
  actors: () => ({ name: "Contract actor", kind: "PERSON", countryId: countries.us }),
  "weapon-systems": () => ({ name: "Contract weapon", category: "MANPADS", originCountryId: countries.ru }),
  quotes: () => ({ text: "Said for the contract.", speakerLabel: "Someone", saidOn: "2013-05" }),
};
/** A field of each type to change, and a value. */
const CHANGE: Record<string, [string, unknown]> = {
  requests: ["title", "Changed title"],
  concerns: ["title", "Changed concern"],
  transfers: ["numberOrdered", 1300],
  inspections: ["basis", "Changed basis"],
  sources: ["title", "Changed source"],
  actors: ["name", "Changed actor"],
  "weapon-systems": ["name", "Changed weapon"],
  quotes: ["text", "Changed words."],
};
const RESOURCES = Object.keys(PAYLOADS);
const UNKNOWN = "contract_unknown";
const TOO_LARGE = () => JSON.stringify({ text: "x".repeat(1024 * 1024 + 10) });

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", ctx.url);
  vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "100000");
  routes.collection = (await import("@/app/api/v1/[resource]/route")) as RouteModule;
  routes.item = (await import("@/app/api/v1/[resource]/[id]/route")) as RouteModule;
  routes.export = (await import("@/app/api/v1/[resource]/export/route")) as RouteModule;
  routes.changes = (await import("@/app/api/v1/changes/route")) as RouteModule;
  routes.countries = (await import("@/app/api/v1/countries/route")) as RouteModule;
  routes.search = (await import("@/app/api/v1/search/route")) as RouteModule;
  doc = (await import("@/lib/api/openapi")).openApiDocument() as unknown as Doc;
  http = await import("@/lib/api/http");
  gate = await import("@/lib/http/gate");
  tokens = await import("@/lib/auth/api-tokens");
  countries = await makeUsAndRussia(ctx.db);
  for (const [who, role] of [["viewer", "VIEWER"], ["editor", "EDITOR"]] as const) {
    const u = await makeUser(ctx.db, role, undefined, `contract-${who}`);
    users[who] = { id: u.id, email: u.email, name: u.name, role };
  }
  editorToken = (await tokens.createApiToken(users.editor, { name: "contract", scope: "READ_WRITE", expiresInDays: 5 }, null)).secret;
});

afterAll(() => {
  vi.unstubAllEnvs();
});

/** Every operation of the document: [path, method]. */
function operations(): [string, string][] {
  return Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => [path, m] as [string, string]));
}

/** A concrete path of an operation's path, with the record `id`. */
const concrete = (template: string, id: number | string = 1) => template.replace("{id}", String(id));

describe("the document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe("every operation answers as the document says", () => {
  it.each(RESOURCES)("%s: list, export, create, get, replace, update, delete", async (name) => {
    const base = `/${name}`;
    // create
    const created = await expectCall(201, "POST", base, { body: PAYLOADS[name]!() });
    const id = created.body.id as number;
    expect(created.headers.get("location")).toBe(`/api/v1/${name}/${id}`);
    await expectCall(400, "POST", base, { body: { ...PAYLOADS[name]!(), [UNKNOWN]: 1 } });
    await expectCall(400, "POST", `${base}?${UNKNOWN}=1`, { body: PAYLOADS[name]!() });
    await expectCall(400, "POST", base, { rawBody: "{not json" });
    await expectCall(401, "POST", base, { auth: null, body: PAYLOADS[name]!() });
    await expectCall(403, "POST", base, { auth: { session: "viewer" }, body: PAYLOADS[name]!() });
    await expectCall(413, "POST", base, { rawBody: TOO_LARGE() });
    await expectCall(422, "POST", base, { body: { ...PAYLOADS[name]!(), visibility: "NOPE" } });

    // get
    const got = await expectCall(200, "GET", `${base}/${id}`);
    expect(got.headers.get("etag")).toBe('"1"');
    expect(got.body).toEqual(created.body);
    await expectCall(400, "GET", `${base}/${id}?${UNKNOWN}=1`);
    await expectCall(400, "GET", `${base}/abc`);
    await expectCall(401, "GET", `${base}/${id}`, { auth: null });
    await expectCall(404, "GET", `${base}/999999`);

    // list
    const listed = await expectCall(200, "GET", `${base}?limit=500`);
    expect((listed.body.data as { id: number }[]).some((r) => r.id === id)).toBe(true);
    await expectCall(400, "GET", `${base}?${UNKNOWN}=1`);
    await expectCall(400, "GET", `${base}?limit=0`);
    await expectCall(401, "GET", base, { auth: null });
    if (doc.paths[base]!.get!.responses["422"]) {
      // A cursor whose record is gone: 422 (lib/records/lists.ts listAfter).
      await call("POST", base, { body: PAYLOADS[name]!() });
      const first = await call("GET", `${base}?limit=1`);
      const cursor = JSON.parse(Buffer.from(first.body.next as string, "base64url").toString("utf8")) as { a: number };
      const stale = Buffer.from(JSON.stringify({ ...cursor, a: 2_000_000_000 }), "utf8").toString("base64url");
      await expectCall(422, "GET", `${base}?limit=1&cursor=${stale}`);
    }

    // export
    if (doc.paths[`${base}/export`]) {
      const csv = await expectCall(200, "GET", `${base}/export`);
      expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
      // The CSV's columns are the documented row's properties.
      const rowSchema = doc.components.schemas[`${(doc.paths[base]!.get!.responses["200"]!.content!["application/json"]!.schema.$ref as string).split("/").pop()!.replace(/Page$/, "Row")}`]!;
      expect(csv.text.split("\n")[0]!.trim().split(",").sort()).toEqual(Object.keys(rowSchema.properties as Json).sort());
      const jsonExport = await expectCall(200, "GET", `${base}/export?format=json`);
      expect((JSON.parse(jsonExport.text) as { id: number }[]).some((r) => r.id === id)).toBe(true);
      if (name === "transfers" || name === "requests") {
        // The record shape: the import's columns.
        const records = await expectCall(200, "GET", `${base}/export?format=json&shape=record`);
        expect((JSON.parse(records.text) as { id: number }[]).some((r) => r.id === id)).toBe(true);
        await expectCall(200, "GET", `${base}/export?shape=record`);
      } else {
        await expectCall(400, "GET", `${base}/export?shape=record`);
      }
      await expectCall(400, "GET", `${base}/export?${UNKNOWN}=1`);
      await expectCall(400, "GET", `${base}/export?limit=5`); // the export has no pages
      await expectCall(400, "GET", `${base}/export?format=xml`);
      await expectCall(401, "GET", `${base}/export`, { auth: null });
    }

    // replace
    const data = got.body.data as Json;
    const replaced = await expectCall(200, "PUT", `${base}/${id}`, { body: { version: 1, data } });
    expect(replaced.headers.get("etag")).toBe(`"${replaced.body.version}"`);
    let version = replaced.body.version as number;
    await expectCall(400, "PUT", `${base}/${id}?${UNKNOWN}=1`, { body: { version, data } });
    await expectCall(400, "PUT", `${base}/${id}`, { body: { version, data: { ...data, [UNKNOWN]: 1 } } });
    await expectCall(400, "PUT", `${base}/${id}`, { body: { version, data, [UNKNOWN]: 1 } });
    await expectCall(400, "PUT", `${base}/${id}`, { body: { data } });
    await expectCall(401, "PUT", `${base}/${id}`, { auth: null, body: { version, data } });
    await expectCall(403, "PUT", `${base}/${id}`, { auth: { session: "viewer" }, body: { version, data } });
    await expectCall(404, "PUT", `${base}/999999`, { body: { version: 1, data } });
    const conflict = await expectCall(409, "PUT", `${base}/${id}`, { body: { version: version - 1, data } });
    expect((conflict.body.error as { details?: { currentVersion: number } }).details?.currentVersion).toBe(version);
    await expectCall(413, "PUT", `${base}/${id}`, { rawBody: TOO_LARGE() });
    await expectCall(422, "PUT", `${base}/${id}`, { body: { version, data: { ...data, visibility: "NOPE" } } });

    // update, with If-Match instead of `version`
    const [field, value] = CHANGE[name]!;
    const patched = await expectCall(200, "PATCH", `${base}/${id}`, { body: { data: { [field]: value } }, headers: { "if-match": `"${version}"` } });
    version = patched.body.version as number;
    expect((patched.body.data as Json)[field]).toBe(value);
    await expectCall(400, "PATCH", `${base}/${id}?${UNKNOWN}=1`, { body: { version, data: {} } });
    await expectCall(400, "PATCH", `${base}/${id}`, { body: { version, data: { [UNKNOWN]: 1 } } });
    await expectCall(401, "PATCH", `${base}/${id}`, { auth: null, body: { version, data: {} } });
    await expectCall(403, "PATCH", `${base}/${id}`, { auth: { session: "viewer" }, body: { version, data: {} } });
    await expectCall(404, "PATCH", `${base}/999999`, { body: { version: 1, data: {} } });
    await expectCall(409, "PATCH", `${base}/${id}`, { body: { version: version - 1, data: { visibility: "INTERNAL" } } });
    await expectCall(413, "PATCH", `${base}/${id}`, { rawBody: TOO_LARGE() });
    await expectCall(422, "PATCH", `${base}/${id}`, { body: { version, data: { visibility: "NOPE" } } });

    // delete
    await expectCall(400, "DELETE", `${base}/${id}?version=${version}&${UNKNOWN}=1`);
    await expectCall(400, "DELETE", `${base}/${id}`);
    await expectCall(401, "DELETE", `${base}/${id}?version=${version}`, { auth: null });
    await expectCall(403, "DELETE", `${base}/${id}?version=${version}`, { auth: { session: "viewer" } });
    await expectCall(404, "DELETE", `${base}/999999?version=1`);
    await expectCall(409, "DELETE", `${base}/${id}?version=${version - 1}`);
    const deleted = await expectCall(200, "DELETE", `${base}/${id}`, { headers: { "if-match": `"${version}"` } });
    expect(deleted.body).toMatchObject({ id, deleted: true, version: version + 1 });
    // An editor still reads it (to restore it), marked deleted.
    expect((await expectCall(200, "GET", `${base}/${id}`)).body.deleted).toBe(true);
  });

  it("the change feed and the countries", async () => {
    const feed = await expectCall(200, "GET", "/changes?limit=500");
    expect((feed.body.changes as unknown[]).length).toBeGreaterThan(0);
    // Every type's changes, each checked against its type's schema (oneOf by `type`).
    expect(new Set((feed.body.changes as { type: string }[]).map((c) => c.type))).toEqual(new Set(RESOURCES));
    expect((feed.body.changes as { action: string }[]).some((c) => c.action === "deleted")).toBe(true);
    await expectCall(200, "GET", `/changes?since=${feed.body.next}`);
    await expectCall(200, "GET", "/changes?since=0&limit=1");
    await expectCall(400, "GET", `/changes?${UNKNOWN}=1`);
    await expectCall(400, "GET", "/changes?since=-4");
    await expectCall(400, "GET", "/changes?since=abc");
    await expectCall(401, "GET", "/changes", { auth: null });

    const all = await expectCall(200, "GET", "/countries", { auth: { session: "viewer" } });
    expect((all.body.data as { alpha2: string }[]).map((c) => c.alpha2).sort()).toEqual(["RU", "US"]);
    await expectCall(400, "GET", `/countries?${UNKNOWN}=1`);
    await expectCall(401, "GET", "/countries", { auth: null });

    // The global search: grouped by type, each group as documented.
    const found = await expectCall(200, "GET", "/search?q=contract&types=concerns,requests&limit=3", { auth: { session: "viewer" } });
    expect((found.body.groups as { type: string }[]).map((g) => g.type)).toEqual(["concerns", "requests"]);
    await expectCall(400, "GET", "/search");
    await expectCall(400, "GET", "/search?q=%20%20");
    await expectCall(400, "GET", "/search?q=a&types=nothing");
    await expectCall(400, "GET", "/search?q=a&limit=0");
    await expectCall(400, "GET", `/search?q=a&${UNKNOWN}=1`);
    await expectCall(401, "GET", "/search?q=a", { auth: null });
  });

  it("429 past the rate limit on every operation, with Retry-After", async () => {
    vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "1");
    try {
      for (const [template, method] of operations()) {
        // A token of its own: the limit counts per token.
        const token = (await tokens.createApiToken(users.editor, { name: `rate ${template} ${method}`, scope: "READ_WRITE", expiresInDays: 1 }, null)).secret;
        const path = concrete(template, 999999);
        await call(method.toUpperCase(), path, { auth: { token } });
        const limited = await expectCall(429, method.toUpperCase(), path, { auth: { token } });
        expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      }
    } finally {
      vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "100000");
    }
  });

  it("503 while the database is unreachable, with Retry-After, as every operation documents it", async () => {
    // Every handler answers its errors through errorResponse (lib/api/http.ts apiRoute).
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const { DatabaseUnavailableError } = await import("@/lib/db/unavailable");
    for (const error of [refused, new DatabaseUnavailableError()]) {
      const res = http.errorResponse(error);
      const reply = { status: res.status, headers: res.headers, text: await res.text() };
      expect(reply.status).toBe(503);
      for (const [template, method] of operations()) checkResponse(template, method, reply, " (database unavailable)");
    }
  });

  it("405 for a method a route does not take, in the documented shape", () => {
    for (const [template, item] of Object.entries(doc.paths)) {
      const { module } = routeOf(concrete(template));
      const documented = Object.keys(item).map((m) => m.toUpperCase());
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        const exported = typeof routes[module][method] === "function";
        // A route module serves every resource's path of its kind: a method documented nowhere for it is not exported.
        if (documented.includes(method)) expect(exported, `${method} ${template}`).toBe(true);
      }
    }
    // Next.js answers an unexported method with an empty 405; the front door (lib/http/gate.ts) gives it the API's shape.
    const rewrite = gate.statusRewrite(405, { isApi: true, isServerAction: false }, false, "");
    expect(rewrite?.replaceBody).toBeDefined();
    const answer = gate.refusalResponse(rewrite!.replaceBody!, true, "req-contract-1");
    const headers = new Headers(answer.headers);
    expect(answer.status).toBe(405);
    checkAgainst("405", doc.components.responses.MethodNotAllowed!, { headers, text: answer.body });
    const unknownMethod = gate.methodProblem("PROPFIND")!;
    const other = gate.refusalResponse(unknownMethod, true, "req-contract-2");
    checkAgainst("405 unknown method", doc.components.responses.MethodNotAllowed!, { headers: new Headers(other.headers), text: other.body });
    for (const [module, methods] of [["collection", ["PUT", "PATCH", "DELETE"]], ["item", ["POST"]], ["export", ["POST", "PUT", "PATCH", "DELETE"]], ["changes", ["POST", "PUT", "PATCH", "DELETE"]], ["countries", ["POST", "PUT", "PATCH", "DELETE"]], ["search", ["POST", "PUT", "PATCH", "DELETE"]]] as const) {
      for (const m of methods) expect(routes[module][m], `${module} ${m}`).toBeUndefined();
    }
  });

  it("X-Request-Id on every answer of the API (set by the proxy in front of every route)", async () => {
    const { NextRequest } = await import("next/server");
    const { proxy } = await import("@/proxy");
    for (const [template, method] of operations()) {
      const res = await proxy(new NextRequest(`http://localhost/api/v1${concrete(template, 3)}`, { method: method.toUpperCase(), headers: { "x-request-id": "contract-request-1" } }));
      const value = res.headers.get("x-request-id");
      expect(value, opKey(template, method)).toBe("contract-request-1");
      for (const status of Object.keys(doc.paths[template]![method]!.responses)) {
        const h = doc.paths[template]![method]!.responses[status]!.headers?.["X-Request-Id"];
        expect(h, `${opKey(template, method)} ${status} documents X-Request-Id`).toBeDefined();
        expectValid(`X-Request-Id ${opKey(template, method)} ${status}`, h!.schema, value);
      }
    }
  });

  it("covered every operation, with each documented status but 500", () => {
    const missing: string[] = [];
    let count = 0;
    for (const [template, method] of operations()) {
      const seen = covered.get(opKey(template, method)) ?? new Set();
      for (const status of Object.keys(doc.paths[template]![method]!.responses)) {
        if (status === "500") continue;
        if (seen.has(status)) count += 1;
        else missing.push(`${opKey(template, method)} ${status}`);
      }
    }
    expect(missing).toEqual([]);
    console.info(`api contract: ${operations().length} operations, ${count} operation × status pairs checked against the document`);
  });
});

// ------------------------------------------------------------------ minimal bodies

/** A value its schema allows, for a required field without a fixture. */
function example(schema: Json): unknown {
  if (schema.$ref) return example(doc.components.schemas[(schema.$ref as string).split("/").pop()!]!);
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.anyOf)) return example(schema.anyOf[0] as Json);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === "string") return "Minimal value";
  if (type === "integer" || type === "number") return (schema.minimum as number | undefined) ?? 1;
  if (type === "boolean") return true;
  if (type === "array") return [];
  throw new Error(`no example for ${JSON.stringify(schema)}`);
}

/** Values for required fields that must name existing records (or differ from each other). */
const FIXTURE: Record<string, () => Json> = {
  requests: () => ({ requestingCountryId: countries.us, targetCountryId: countries.ru }),
  concerns: () => ({}),
  transfers: () => ({ supplierId: countries.ru, recipientId: countries.us }),
  inspections: () => ({ hostCountryId: countries.us }),
  sources: () => ({}),
  actors: () => ({}),
  "weapon-systems": () => ({}),
  quotes: () => ({ speakerLabel: "Someone" }),
};

function minimalBody(name: string): { body: Json; required: string[]; schema: Json } {
  const op = doc.paths[`/${name}`]!.post!;
  const ref = ((op.requestBody as { content: Record<string, { schema: Json }> }).content["application/json"]!.schema.$ref as string).split("/").pop()!;
  const schema = doc.components.schemas[ref]!;
  const fixture = FIXTURE[name]!();
  // Rules across fields (anyOf of required sets): the first alternative the fixture fills.
  const alternatives = ((schema.anyOf as { required: string[] }[] | undefined) ?? []).map((a) => a.required);
  const alternative = alternatives.find((r) => r.every((k) => k in fixture)) ?? alternatives[0] ?? [];
  const required = [...new Set([...(schema.required as string[]), ...alternative])];
  const properties = schema.properties as Record<string, Json>;
  const body = Object.fromEntries(required.map((k) => [k, k in fixture ? fixture[k] : example(properties[k]!)]));
  return { body, required, schema };
}

describe("the minimal body the document allows", () => {
  it.each(RESOURCES)("%s: only the required fields are accepted; without any one of them, 422 naming it", async (name) => {
    const { body, required, schema } = minimalBody(name);
    expectValid(`${name} minimal body`, schema, body);
    const created = await expectCall(201, "POST", `/${name}`, { body });
    expect(created.body.type).toBe(name);
    expect(required.length).toBeGreaterThan(0);
    for (const field of required) {
      const rest = Object.fromEntries(Object.entries(body).filter(([k]) => k !== field));
      const refused = await expectCall(422, "POST", `/${name}`, { body: rest });
      const fields = Object.keys((refused.body.error as { fields: Json }).fields);
      // A field of an alternative (anyOf) is named by the rule's own path, one of the alternatives' fields.
      const alternatives = ((schema.anyOf as { required: string[] }[] | undefined) ?? []).flatMap((a) => a.required);
      if (alternatives.includes(field)) expect(fields.some((f) => alternatives.includes(f)), `${name} without ${field}: ${fields}`).toBe(true);
      else expect(fields, `${name} without ${field}`).toContain(field);
    }
  });
});

// ------------------------------------------------------------------ unknown parameters and fields

describe("unknown query parameters and body fields", () => {
  it("get the same answer on every operation: 400 BAD_REQUEST naming them", async () => {
    const { body: quote } = minimalBody("quotes");
    const record = await call("POST", "/quotes", { body: quote });
    const id = record.body.id as number;
    const answers: { op: string; reply: Reply; name: string; where: "query parameter" | "field" }[] = [];
    for (const [template, method] of operations()) {
      const m = method.toUpperCase();
      const path = concrete(template, id);
      const sep = path.includes("?") ? "&" : "?";
      const withBody = m === "POST" || m === "PUT" || m === "PATCH";
      const name = template.split("/")[1]!;
      const fields = name === "changes" || name === "countries" || name === "search" ? {} : minimalBody(name).body;
      const body = m === "POST" ? fields : withBody ? { version: 1, data: {} } : undefined;
      answers.push({ op: opKey(template, m), reply: await call(m, `${path}${sep}${UNKNOWN}=1&constructor=2`, { body }), name: UNKNOWN, where: "query parameter" });
      if (withBody) {
        const bad = m === "POST" ? { ...fields, [UNKNOWN]: 1 } : { version: 1, data: { [UNKNOWN]: 1 } };
        answers.push({ op: `${opKey(template, m)} (body)`, reply: await call(m, path, { body: bad }), name: UNKNOWN, where: "field" });
      }
    }
    for (const { op, reply, name, where } of answers) {
      expect(reply.status, `${op}: ${reply.text}`).toBe(400);
      const error = reply.body.error as { code: string; message: string; fields: Record<string, string[]> };
      expect(error.code, op).toBe("BAD_REQUEST");
      expect(error.message, op).toMatch(new RegExp(`^Unknown ${where}s?: ${name}(, constructor)?\\. This operation takes`));
      // A name that is also a property of every object (constructor) is named as any other.
      expect(Object.keys(error.fields).sort(), op).toEqual(where === "field" ? [name] : ["constructor", name]);
      for (const k of Object.keys(error.fields)) expect(error.fields[k], op).toEqual([`Unknown ${where}.`]);
    }
    expect(answers.length).toBe(operations().length + operations().filter(([, m]) => ["post", "put", "patch"].includes(m)).length);
  });
});
