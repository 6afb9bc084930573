// Bad input (issue 7): property-based tests that send generated invalid and
// hostile payloads to every route handler and server action, found in the
// code as access-matrix.test.ts finds them, so that a new one is fuzzed
// without an entry here. Invalid payloads must get a 4xx with the API's
// stable error shape (actions: { ok: false, status 4xx }), never a 5xx or a
// thrown exception, and leave every table as it was. Hostile text that is
// valid (SQL, markup, odd Unicode) is stored and returned verbatim, or
// refused with a field message, never a 5xx. Stored markup is shown as text
// on the pages, rendered here as React server components.
//
// Fixed seeds: a failure names its seed and path, and replays with them.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { ReactElement, ReactNode } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withClient } from "@/tools/postgres/admin";
import type { ActionResult } from "@/lib/actions/run-action";
import { makeUsAndRussia, withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser, session } from "@/tests/helpers/session";

vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));
// Pages render outside Next's request scope: `connection()` has nothing to
// wait for, and the client components' router hooks get an inert router.
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  useRouter: () => ({ push() {}, replace() {}, refresh() {}, back() {}, forward() {}, prefetch() {} }),
  usePathname: () => "/",
  useSearchParams: () => new URLSearchParams(),
}));

const ctx = withMigratedDatabase("hostile");
const APP_DIR = path.resolve(import.meta.dirname, "../../app");
const ROOT = path.resolve(import.meta.dirname, "../..");
const SEED = 7_2026;
let seedOffset = 0;
/** Payloads sent, by property: the report's numbers. */
const sent: Record<string, number> = {};
/** Statuses answered in the running batch: most must come from validation, not from authentication. */
let statuses: number[] = [];

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Action = (input: unknown) => Promise<ActionResult<unknown>>;
type Caller = "editor" | "editorToken" | "admin" | "viewer" | "anonymous";

// ------------------------------------------------------------ hostile values

const SQL = [
  `'; DROP TABLE "User"; --`,
  "1 OR 1=1",
  "' OR '1'='1",
  "$1",
  "$$ $$",
  "\\",
  "\\'",
  "%",
  "_%_",
  "'||pg_sleep(5)||'",
  "1; SELECT pg_sleep(5)",
  '"',
  "`",
  "/*",
  "*/--",
  "E'\\x00'",
  "::int",
  "= ANY($1::int[])",
  "NULL",
  "null",
  "undefined",
];
const HTML = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "javascript:alert(1)",
  "<iframe src=//example.invalid>",
  "{{7*7}}",
  "${7*7}",
  "<!--",
  "]]>",
  "&lt;b&gt;",
  "&#x3C;script&#x3E;",
  "</textarea><script>alert(1)</script>",
  "'\"><",
  '=HYPERLINK("http://example.invalid")',
  "+cmd|' /C calc'!A0",
  "@SUM(1)",
  "-2+3",
];
const UNICODE = [
  "\ud800",
  "\udfff",
  "a\ud83db",
  "\u202e\u202dreversed",
  "\u200f\u200e",
  "\u200d\u200c",
  "\u200b",
  "\ufeff",
  "\u0000",
  "a\u0000b",
  "\u0001\u001f\u007f",
  "😀",
  "👨‍👩‍👧‍👦",
  "e\u0301",
  "\u0301\u0301\u0301",
  "ﷺ",
  "𝕏",
  "\u2028\u2029",
  "\r\n\t",
  "\u00a0\u2003",
  "İı ß ǅ",
  "\uffff\ufffe",
  "\u{10ffff}",
  "١٢٣",
  "Ⅻ",
];
const NUMERIC = ["NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1e309", "-0", "0", "-1", "2147483648", "2147483647", "9007199254740993", "0x10", "1.5", "1,000", " 1", "+1", "00", "0b1", "1n"];
const FRAGMENTS = [...SQL, ...HTML, ...UNICODE, ...NUMERIC];
const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "__defineGetter__", "isPrototypeOf"];

const fragment = fc.constantFrom(...FRAGMENTS);
/** Short hostile text: fragments, their mixes, and arbitrary code points. */
const hostileText = fc.oneof(
  { weight: 4, arbitrary: fragment },
  { weight: 3, arbitrary: fc.array(fc.oneof(fragment, fc.string({ unit: "binary", maxLength: 12 })), { minLength: 1, maxLength: 5 }).map((p) => p.join("")) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }) },
);
/** Longer than any text field allows (20,000), even trimmed, up to past the 1 MB body limit; never a number. */
const hugeText = fc
  .tuple(fragment, fc.integer({ min: 20_001, max: 1_100_000 }))
  .map(([f, n]) => `x<${f.repeat(Math.ceil(n / Math.max(1, f.length))).slice(0, n)}>x`);
const hostileNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, -0, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, -1, 0, 1.5, 0.1, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE, 2 ** 53, 1e-7),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Strings that are field names somewhere (filled in from the payloads below): an "unknown" key must not be one. */
const KNOWN_FIELDS = new Set<string>(["version", "data", "id", "type", "values", "change", "request", "quotes", "citations"]);
const hostileKey = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS) },
  { weight: 3, arbitrary: hostileText.filter((k) => k.length < 100 && !KNOWN_FIELDS.has(k)) },
);

/** An object whose keys are own properties, "__proto__" included (as JSON.parse makes them). */
function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

const scalar = fc.oneof(hostileText, hostileNumber, fc.boolean(), fc.constant(null));
const { json: hostileJson } = fc.letrec<{ json: unknown; array: unknown[]; object: Record<string, unknown> }>((tie) => ({
  json: fc.oneof({ depthSize: "small" }, scalar, tie("array"), tie("object")),
  array: fc.array(tie("json"), { maxLength: 4 }),
  object: fc.array(fc.tuple(hostileKey, tie("json")), { minLength: 1, maxLength: 4 }).map(objectOf),
}));
/** A non-empty object of hostile keys: invalid for every field of every schema here. */
const hostileObject = fc.array(fc.tuple(hostileKey, hostileJson), { minLength: 1, maxLength: 4 }).map(objectOf);
const hugeArray = fc.tuple(scalar, fc.integer({ min: 1_000, max: 150_000 })).map(([v, n]) => new Array<unknown>(n).fill(v));
/** A value no field accepts, whatever its type: an object of hostile keys, an array holding one, text past every limit, a huge array. */
const universallyInvalid = fc.oneof(
  { weight: 4, arbitrary: hostileObject },
  { weight: 2, arbitrary: fc.tuple(fc.array(hostileJson, { maxLength: 3 }), hostileObject).map(([a, o]) => [...a, o]) },
  { weight: 1, arbitrary: hugeText },
  { weight: 1, arbitrary: hugeArray },
);
/** JavaScript values a server action can receive that JSON cannot carry. */
const actionOnlyValue = fc.constantFrom<unknown>(NaN, Infinity, -Infinity, 10n, -1n, new Date(NaN), new Map([["a", 1]]), new Set([1]), Object.create(null), undefined);
/** An object with no keys of its own (a Date, a Map, {}): the one valid input of an action that takes {}. */
const keyless = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v) && Reflect.ownKeys(v).length === 0;

// Typed invalid values: a wrong JSON type or an out-of-range value for a field of that kind.
const ENUM_LIKE = /^[A-Z][A-Z_]*$/;
const badRequiredId = fc.oneof(
  fc.constantFrom<unknown>(0, -1, 1.5, 2 ** 31, 1e308, -0, -(2 ** 31), "NaN", "Infinity", "", "  ", "0", "-1", "1.5", "2147483648", "1e10", "abc", null, {}, []),
  fc.integer({ min: 1_000_000_000, max: 2_147_483_647 }),
  universallyInvalid,
);
const badRequiredText = fc.oneof(
  fc.constantFrom<unknown>(null, 0, 1, true, false, "", "   ", "\u00a0\u2003", [], {}, "\u0000", "a\u0000b", "\ud800", "x\udfffy"),
  universallyInvalid,
);
const badEnum = fc.oneof(fc.constantFrom<unknown>(null, "", 0, true, [], {}), hostileText.filter((s) => !ENUM_LIKE.test(s)), universallyInvalid);
const badOptionalText = fc.oneof(fc.constantFrom<unknown>(0, 1.5, true, false, [], {}, ["a"], "\u0000", "a\u0000b", "\ud800", "a\udc00"), universallyInvalid);

/** Header values a client can send (ByteStrings); the rest never leave it. */
function headerSafe(value: string): boolean {
  try {
    new Headers([["x-test", value]]);
    return true;
  } catch {
    return false;
  }
}
const asciiText = fc.oneof(fc.constantFrom(...FRAGMENTS.filter(headerSafe)), fc.string({ unit: "binary-ascii", maxLength: 40 }).filter(headerSafe));

// ------------------------------------------------------------------ setup

type ResourceName = "requests" | "concerns" | "transfers" | "inspections" | "sources" | "actors" | "weapon-systems" | "quotes";
type FieldKinds = { requiredText: string[]; requiredId: string[]; requiredEnum: string[]; optionalText: string[] };
let countries: { us: number; ru: number };
const users = {} as Record<"editor" | "admin" | "viewer" | "other", { id: number; sv: number }>;
let editorToken = "";
let editorTokenId = 0;
const PASSWORD = "a-long-test-password";

/** A valid new record of each API resource: the base every broken payload starts from. */
const PAYLOADS: Record<ResourceName, () => Record<string, unknown>> = {
  requests: () => ({ title: "A request", occurredOn: "2009-03", requestingCountryId: countries.us, targetCountryId: countries.ru, ask: "HALT_SALE", askDetail: "Halt it.", response: "REBUFFED", visibility: "INTERNAL" }),
  concerns: () => ({ title: "A concern", summary: "Why.", category: "DIVERSION", severity: "HIGH", visibility: "INTERNAL", countries: [{ countryId: countries.ru, role: "SUPPLIER" }] }),
  transfers: () => ({ supplierId: countries.ru, recipientId: countries.us, status: "ORDERED", orderYear: 2010, deliveryYears: [], comments: "Ordered.", visibility: "INTERNAL" }),
  inspections: () => ({ hostCountryId: countries.us, status: "RIGHT_ASSERTED", basis: "A treaty.", visibility: "INTERNAL" }),
  sources: () => ({ kind: "REPORT", title: "A source", author: "Someone", visibility: "INTERNAL" }),
  actors: () => ({ name: "An actor", kind: "PERSON", title: "Minister", visibility: "INTERNAL" }),
  "weapon-systems": () => ({ name: "A weapon", category: "MANPADS", designation: "X-1", visibility: "INTERNAL" }),
  quotes: () => ({ text: "Said.", speakerLabel: "Someone", visibility: "INTERNAL" }),
};
const FIELDS: Record<ResourceName, FieldKinds> = {
  requests: { requiredText: ["title"], requiredId: ["requestingCountryId", "targetCountryId"], requiredEnum: ["ask"], optionalText: ["askDetail", "responseSummary"] },
  concerns: { requiredText: ["title"], requiredId: [], requiredEnum: ["category", "severity"], optionalText: ["summary"] },
  transfers: { requiredText: [], requiredId: ["supplierId", "recipientId"], requiredEnum: ["status"], optionalText: ["comments"] },
  inspections: { requiredText: [], requiredId: ["hostCountryId"], requiredEnum: ["status"], optionalText: ["basis", "findings", "inspectingParty"] },
  sources: { requiredText: ["title"], requiredId: [], requiredEnum: ["kind"], optionalText: ["reference", "author", "publisher", "excerpt"] },
  actors: { requiredText: ["name"], requiredId: [], requiredEnum: ["kind"], optionalText: ["title", "affiliation", "notes"] },
  "weapon-systems": { requiredText: ["name"], requiredId: [], requiredEnum: ["category"], optionalText: ["designation", "description"] },
  quotes: { requiredText: ["text"], requiredId: [], requiredEnum: [], optionalText: ["speakerLabel", "context"] },
};
const NO_FIELDS: FieldKinds = { requiredText: [], requiredId: [], requiredEnum: [], optionalText: [] };

let api: typeof import("@/lib/api/resources");
let listParams: typeof import("@/lib/lists/params");
/** One live record of each resource (version 1 throughout the invalid batches), with its data. */
const existing = {} as Record<string, { id: number; version: number; data: Record<string, unknown> }>;
const routes = new Map<string, Record<string, unknown>>();

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const relative = (file: string) => path.relative(APP_DIR, file).split(path.sep).filter((p) => !/^\(.*\)$/.test(p)).join("/");

/**
 * Route handlers (`api/…/route.ts#METHOD`, read from app/) and server actions
 * (`lib/…/actions.ts#name`: every "use server" file of lib/, and of app/ should
 * one appear there despite the lint rule).
 */
function discover() {
  const routeKeys: { key: string; file: string }[] = [];
  const actionKeys: { key: string; file: string }[] = [];
  const libFiles = walk(path.join(ROOT, "lib")).filter((f) => !f.includes(`${path.sep}generated${path.sep}`));
  for (const file of [...walk(APP_DIR), ...libFiles].filter((f) => /\.(ts|tsx)$/.test(f))) {
    const key = file.startsWith(APP_DIR + path.sep) ? relative(file) : path.relative(ROOT, file).split(path.sep).join("/");
    const source = fs.readFileSync(file, "utf8");
    if (path.basename(file).startsWith("route.")) {
      for (const m of source.matchAll(/export\s+(?:async\s+function|const|function)\s+(GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)\b/g)) {
        routeKeys.push({ key: `${key}#${m[1]}`, file });
      }
      for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
        for (const name of m[1]!.split(",").map((s) => s.trim().split(/\s+as\s+/).pop()!)) {
          if (/^(GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)$/.test(name)) routeKeys.push({ key: `${key}#${name}`, file });
        }
      }
    }
    if (/^\s*["']use server["']/.test(source)) {
      for (const m of source.matchAll(/export\s+async\s+function\s+(\w+)/g)) actionKeys.push({ key: `${key}#${m[1]}`, file });
    }
  }
  return { routes: routeKeys.sort((a, b) => a.key.localeCompare(b.key)), actions: actionKeys.sort((a, b) => a.key.localeCompare(b.key)) };
}
const found = discover();

async function handler(key: string): Promise<Handler> {
  const entry = found.routes.find((r) => r.key === key);
  if (!entry) throw new Error(`no route ${key}`);
  if (!routes.has(entry.file)) routes.set(entry.file, (await import(/* @vite-ignore */ entry.file)) as Record<string, unknown>);
  return routes.get(entry.file)![key.split("#")[1]!] as Handler;
}

async function action(key: string): Promise<Action> {
  const entry = found.actions.find((a) => a.key === key)!;
  const mod = (await import(/* @vite-ignore */ entry.file)) as Record<string, Action>;
  return mod[key.split("#")[1]!]!;
}

/** Every row of every table (but token-use audit events, a token's last use and the rate-limit counters). */
async function digest(options: { alsoIgnoreAudit?: string[] } = {}): Promise<string> {
  const ignored = ["TOKEN_USE", ...(options.alsoIgnoreAudit ?? [])];
  return withClient(ctx.url, async (c) => {
    const tables = await c.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_name <> 'rate_limits'
        ORDER BY 1, 2`,
    );
    const parts: string[] = [];
    for (const t of tables.rows) {
      const where = t.name === "AuditEvent" ? `WHERE x.action::text <> ALL($1::text[])` : "";
      const r = await c.query<{ d: string; n: string }>(
        `SELECT md5(coalesce(string_agg(s.t, E'\\n' ORDER BY s.t), '')) AS d, count(*) AS n
           FROM (SELECT (to_jsonb(x) - 'lastUsedAt' - 'lastUsedIp')::text AS t FROM "${t.schema}"."${t.name}" x ${where}) s`,
        t.name === "AuditEvent" ? [ignored] : [],
      );
      parts.push(`${t.schema}.${t.name}:${r.rows[0]!.n}:${r.rows[0]!.d}`);
    }
    return parts.join("\n");
  });
}

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(",");

/** Runs a property with its own fixed seed, between two digests of the database that must agree. */
async function batch<T>(name: string, arbitrary: fc.Arbitrary<T>, numRuns: number, check: (value: T) => Promise<void>, options: { digest?: "unchanged" | "exports-only" | "none"; reachesValidation?: boolean } = {}) {
  const mode = options.digest ?? "unchanged";
  const ignore = mode === "exports-only" ? { alsoIgnoreAudit: ["EXPORT"] } : {};
  const before = mode === "none" ? "" : await digest(ignore);
  const proto = prototypeKeys();
  const seed = SEED + ++seedOffset;
  statuses = [];
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      sent[name] = (sent[name] ?? 0) + 1;
      await check(value);
    }),
    { seed, numRuns, endOnFailure: true },
  );
  expect(prototypeKeys(), "Object.prototype was polluted").toBe(proto);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  if (mode !== "none") expect(await digest(ignore), `${name} changed the database`).toBe(before);
  if (options.reachesValidation ?? true) {
    const past = statuses.filter((st) => st !== 401 && st !== 403).length;
    expect(past / Math.max(1, statuses.length), `${name}: too few payloads got past authentication`).toBeGreaterThan(0.5);
  }
}

function actAsCaller(caller: Caller) {
  session.ip = "192.0.2.77";
  if (caller === "editor" || caller === "editorToken") session.token = { uid: users.editor.id, sv: users.editor.sv };
  else if (caller === "admin") session.token = { uid: users.admin.id, sv: users.admin.sv };
  else if (caller === "viewer") session.token = { uid: users.viewer.id, sv: users.viewer.sv };
  else session.token = null;
}

/** Who calls: mostly an editor (so payloads reach validation), a share as a viewer and anonymously (with broken credentials). */
const apiCaller = fc.constantFrom<Caller>("editor", "editor", "editor", "editor", "editor", "editor", "editorToken", "editorToken", "viewer", "anonymous");
const brokenAuthorization = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom("Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "bearer dmk_", "Bearer dmk_' OR 1=1 --", "Bearer a b", "Token x"),
  asciiText.map((s) => `Bearer dmk_${s}`).filter(headerSafe),
  asciiText.map((s) => `Bearer ${s}`).filter(headerSafe),
);

/** `origin`: the Origin header a browser sends (this site unless given; null: none). */
type Call = { caller: Caller; authorization?: string; origin?: string | null };
const origin = fc.oneof(
  { weight: 9, arbitrary: fc.constant("http://localhost") },
  { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.constantFrom("null", "https://evil.example", "http://localhost.evil.example", "http://evil.example@localhost.invalid", "file://"), asciiText) },
);
const call = fc
  .tuple(apiCaller, brokenAuthorization, origin)
  .map(([caller, authorization, o]): Call => ({ caller, authorization: caller === "anonymous" ? authorization : undefined, origin: o }));

function sameSite(o: string | null | undefined): boolean {
  if (o === undefined) return true;
  try {
    return o !== null && new URL(o).host === "localhost";
  } catch {
    return false;
  }
}

/** What authentication alone answers when it refuses: 401 without credentials, 403 for a change with the cookie from another site. */
function refusedAs(who: Call, method: string): number | undefined {
  if (who.caller === "editorToken") return undefined;
  if (who.caller === "anonymous" && who.authorization !== undefined) return 401;
  if (!["GET", "HEAD", "OPTIONS"].includes(method) && !sameSite(who.origin)) return 403;
  return who.caller === "anonymous" ? 401 : undefined;
}

async function send(key: string, who: Call, request: { method: string; path: string; query?: [string, string][]; headers?: Record<string, string>; body?: string; params?: Record<string, string> }) {
  actAsCaller(who.caller);
  const url = new URL(`http://localhost${request.path}`);
  for (const [k, v] of request.query ?? []) url.searchParams.append(k, v);
  const headers = new Headers(request.headers ?? {});
  const o = who.origin === undefined ? "http://localhost" : who.origin;
  if (o !== null) headers.set("origin", o);
  if (who.caller === "editorToken") headers.set("authorization", `Bearer ${editorToken}`);
  else if (who.authorization !== undefined) headers.set("authorization", who.authorization);
  const req = new Request(url, { method: request.method, headers, body: request.body });
  const h = await handler(key);
  return h(req, { params: Promise.resolve(request.params ?? {}) });
}

/** The API's error answer: a 4xx, JSON, exactly { error: { code, message, fields } } (a 409 may add details). */
async function expectApiError(res: Response, context: unknown, expected?: number) {
  statuses.push(res.status);
  const text = await res.text();
  const where = `${res.status} ${text.slice(0, 300)} for ${JSON.stringify(context)?.slice(0, 400)}`;
  expect(res.status, where).toBeGreaterThanOrEqual(400);
  expect(res.status, where).toBeLessThan(500);
  if (expected !== undefined) expect(res.status, where).toBe(expected);
  expect(res.headers.get("content-type"), where).toMatch(/^application\/json/);
  const body = JSON.parse(text) as { error: Record<string, unknown> };
  expect(Object.keys(body), where).toEqual(["error"]);
  const keys = Object.keys(body.error).sort();
  expect(keys, where).toEqual(res.status === 409 && "details" in body.error ? ["code", "details", "fields", "message"] : ["code", "fields", "message"]);
  expect(body.error.code, where).toMatch(/^[A-Z_]+$/);
  expect(typeof body.error.message, where).toBe("string");
  expect((body.error.message as string).length, where).toBeGreaterThan(0);
  const fields = body.error.fields as Record<string, unknown>;
  expect(typeof fields === "object" && fields !== null && !Array.isArray(fields), where).toBe(true);
  for (const v of Object.values(fields)) expect(Array.isArray(v) && v.every((m) => typeof m === "string"), where).toBe(true);
  return body.error;
}

const resourceNames = () => api.API_RESOURCES.map((r) => r.name) as ResourceName[];
const anyResource = () => fc.constantFrom(...resourceNames());
/** Mostly a real resource; sometimes a name that is none. */
const resourceOrBogus = () =>
  fc.oneof(
    { weight: 9, arbitrary: anyResource().map((name) => ({ name, real: true })) },
    { weight: 1, arbitrary: hostileText.map((name) => name.toWellFormed()).filter((name) => api.apiResource(name) === null).map((name) => ({ name, real: false })) },
  );

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", ctx.url);
  // Thousands of calls from three principals within a minute or two must not turn into 429s.
  vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "100000000");
  api = await import("@/lib/api/resources");
  listParams = await import("@/lib/lists/params");
  countries = await makeUsAndRussia(ctx.db);
  for (const [who, role] of [["editor", "EDITOR"], ["admin", "ADMIN"], ["viewer", "VIEWER"], ["other", "ANALYST"]] as const) {
    const u = await makeUser(ctx.db, role, PASSWORD, who);
    users[who] = { id: u.id, sv: u.sessionVersion };
  }
  const tokens = await import("@/lib/auth/api-tokens");
  const editor = await ctx.db.user.findUniqueOrThrow({ where: { id: users.editor.id } });
  const made = await tokens.createApiToken({ id: editor.id, email: editor.email, name: editor.name, role: "EDITOR" }, { name: "fuzz", scope: "READ_WRITE", expiresInDays: 5 }, null);
  editorToken = made.secret;
  editorTokenId = made.token.id;
  for (const p of Object.values(PAYLOADS)) for (const k of Object.keys(p())) KNOWN_FIELDS.add(k);
  for (const f of Object.values(FIELDS)) for (const k of Object.values(f).flat()) KNOWN_FIELDS.add(k);
  for (const name of resourceNames()) {
    const res = await send("api/v1/[resource]/route.ts#POST", { caller: "editor" }, {
      method: "POST", path: `/api/v1/${name}`, headers: { "content-type": "application/json" }, body: JSON.stringify(PAYLOADS[name]?.() ?? {}), params: { resource: name },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = (await res.json()) as { id: number; version: number; data: Record<string, unknown> };
    existing[name] = { id: body.id, version: body.version, data: body.data };
    for (const k of Object.keys(body.data)) KNOWN_FIELDS.add(k);
  }
  // A first use of the token, so that its once-per-10-minutes use event is not written mid-batch.
  await send("api/v1/countries/route.ts#GET", { caller: "editorToken" }, { method: "GET", path: "/api/v1/countries" });
});

afterAll(() => {
  const total = Object.values(sent).reduce((a, b) => a + b, 0);
  console.log(`hostile-input: ${total} payloads sent\n${Object.entries(sent).map(([k, n]) => `  ${n}\t${k}`).join("\n")}`);
});

// ---------------------------------------------------- payload construction

type Mutation = { kind: "unknown"; key: string; value: unknown } | { kind: "set"; field: string; value: unknown } | { kind: "remove"; field: string };

/** Mutations that each make a record payload invalid (its schema is strict and these break a field's rule). */
function breaking(name: ResourceName, options: { removals: boolean }): fc.Arbitrary<Mutation> {
  const f = FIELDS[name] ?? NO_FIELDS;
  const fields = Object.keys(PAYLOADS[name]?.() ?? {});
  const choices: fc.Arbitrary<Mutation>[] = [
    fc.tuple(hostileKey, hostileJson).map(([key, value]) => ({ kind: "unknown", key, value })),
  ];
  if (fields.length) choices.push(fc.tuple(fc.constantFrom(...fields), universallyInvalid).map(([field, value]) => ({ kind: "set", field, value })));
  const typed = (list: string[], bad: fc.Arbitrary<unknown>) => {
    if (list.length) choices.push(fc.tuple(fc.constantFrom(...list), bad).map(([field, value]) => ({ kind: "set", field, value })));
  };
  typed(f.requiredId, badRequiredId);
  typed(f.requiredText, badRequiredText);
  typed(f.requiredEnum, badEnum);
  typed(f.optionalText, badOptionalText);
  const required = [...f.requiredId, ...f.requiredText, ...f.requiredEnum];
  if (options.removals && required.length) choices.push(fc.constantFrom(...required).map((field) => ({ kind: "remove", field })));
  return fc.oneof(...choices);
}

/** Valid values that only make the payload more hostile: markup and SQL in free text. */
function noise(name: ResourceName): fc.Arbitrary<Mutation[]> {
  const f = FIELDS[name] ?? NO_FIELDS;
  if (!f.optionalText.length) return fc.constant([]);
  return fc.array(fc.tuple(fc.constantFrom(...f.optionalText), hostileText).map(([field, value]): Mutation => ({ kind: "set", field, value })), { maxLength: 2 });
}

function apply(base: Record<string, unknown>, mutations: Mutation[]): Record<string, unknown> {
  const entries = new Map<string, unknown>(Object.entries(base));
  for (const m of mutations) {
    if (m.kind === "remove") entries.delete(m.field);
    else entries.set(m.kind === "unknown" ? m.key : m.field, m.value);
  }
  return objectOf([...entries]);
}

/** A broken record payload for `name`: hostile noise, then at least one breaking change. */
function brokenRecord(name: ResourceName, base: () => Record<string, unknown>, options: { removals: boolean }) {
  return fc.tuple(noise(name), fc.array(breaking(name, options), { minLength: 1, maxLength: 3 })).map(([n, b]) => apply(base(), [...n, ...b]));
}

/** A body that is not a JSON object, or not JSON, or too large, or not declared as JSON. */
const brokenBody = fc.oneof(
  hostileJson.filter((v) => typeof v !== "object" || v === null || Array.isArray(v)).map((v) => ({ type: "application/json", body: JSON.stringify(v) ?? "null" })),
  fc.constantFrom("", "{", "}", "[", "{'a':1}", '{"a":}', "NaN", "undefined", '{"a":1,}', "\u0000", '{"a":"\\u', "\ufeff{}", "<xml/>", "a=1&b=2").map((body) => ({ type: "application/json", body })),
  hostileText.map((body) => ({ type: "application/json", body })).filter(({ body }) => {
    try {
      const v: unknown = JSON.parse(body);
      return typeof v !== "object" || v === null || Array.isArray(v);
    } catch {
      return true;
    }
  }),
  fc.tuple(fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "text/html", "application/jsonp", "json", "", "application/xml"), hostileObject).map(([type, o]) => ({ type, body: JSON.stringify(o) })),
  fc.integer({ min: 1_048_577, max: 1_300_000 }).map((n) => ({ type: "application/json", body: JSON.stringify({ title: "x".repeat(n) }) })),
);
const jsonType = fc.constantFrom("application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/merge-patch+json", "application/vnd.api+json");

// ---------------------------------------------------------- route entries

// Which property fuzzes each route handler. A route not named here gets the
// generic one (hostile query and body: never a 5xx), so a new route is
// covered the day it appears.
const ROUTE_PROPERTIES: Record<string, string> = {
  "api/v1/[resource]/route.ts#GET": "list",
  "api/v1/[resource]/route.ts#POST": "create",
  "api/v1/[resource]/[id]/route.ts#GET": "get",
  "api/v1/[resource]/[id]/route.ts#PUT": "update",
  "api/v1/[resource]/[id]/route.ts#PATCH": "update",
  "api/v1/[resource]/[id]/route.ts#DELETE": "delete",
  "api/v1/[resource]/export/route.ts#GET": "export",
  "api/v1/changes/route.ts#GET": "changes",
  "api/lookup/route.ts#GET": "lookup",
  "api/v1/countries/route.ts#GET": "no input",
  "api/v1/openapi.json/route.ts#GET": "no input",
  "api/health/route.ts#GET": "no input",
};
const EXEMPT_ROUTES: Record<string, string> = {
  "api/auth/[...nextauth]/route.ts#GET": "next-auth's own endpoints need Next's request runtime; sign-in input is covered by sign-in.test.ts",
  "api/auth/[...nextauth]/route.ts#POST": "next-auth's own endpoints need Next's request runtime; sign-in input is covered by sign-in.test.ts",
};

describe("entry points", () => {
  it("finds the route handlers in app/ and the server actions in lib/", () => {
    expect(found.routes.map((r) => r.key)).toEqual(expect.arrayContaining(Object.keys(ROUTE_PROPERTIES)));
    expect(found.actions.length).toBeGreaterThanOrEqual(17);
    // Every action with a valid payload to break is found where it lives (none left behind by a move).
    expect(found.actions.map((a) => a.key)).toEqual(expect.arrayContaining(Object.keys(ACTION_BASES)));
    // Every record resource has a valid payload to break (a new one without it still gets the generic breakages).
    expect(Object.keys(PAYLOADS).sort()).toEqual(resourceNames().sort());
  });
});

// ------------------------------------------------------------------ lists

/** A query parameter of `list` with a value the list refuses (the API answers 400 for anything the UI would ignore). */
function badListParam(list: keyof typeof import("@/lib/lists/params").LIST_SPECS | null): fc.Arbitrary<[string, string][]> {
  const nonBlank = (s: string) => s.trim() !== "";
  const badLimit = fc.oneof(fc.constantFrom("0", "-1", "501", "1e3", "1.5", "NaN", "Infinity", "2147483648", "99999999999999999999", " 7", "0x10", "٣", "+5", "5 "), hostileText.filter((s) => s !== "" && !/^\d+$/.test(s)));
  const badCursor = fc.oneof(
    hostileText.filter((s) => s !== ""),
    fc
      // A well-formed cursor of another order is refused by the filtered lists; quotes read only its id.
      .constantFrom<unknown>({ s: 1 }, { a: -1 }, { a: 1.5 }, { s: "id", d: "desc", a: 0 }, null, [], JSON.parse('{"__proto__":{"a":1},"s":"a","d":"b"}'), ...(list === null ? [] : [{ s: "x<script>", d: "desc", a: 3 }]))
      .map((c) => Buffer.from(JSON.stringify(c)).toString("base64url")),
  );
  const base: fc.Arbitrary<[string, string][]>[] = [
    badLimit.map((v) => [["limit", v]]),
    badCursor.map((v) => [["cursor", v]]),
  ];
  if (list === null) {
    // Quotes: listed by id, with no filters at all.
    base.push(fc.tuple(hostileKey.filter((k) => !["cursor", "limit"].includes(k)), hostileText).map(([k, v]) => [[k.toWellFormed(), v]]));
    return fc.oneof(...base);
  }
  const spec = listParams.LIST_SPECS[list] as { enums: Record<string, Record<string, string>>; search: boolean; country: boolean; dates: boolean; verification: boolean; deletable: boolean; sorts: Record<string, string> };
  base.push(hostileText.map((v) => [["page", v]]));
  base.push(fc.constant([["page", "1"]]));
  if (spec.search) {
    base.push(fc.constantFrom("'; --", "<>\"'", "$$", "\\", "%_", "' OR ''='", "--", "/*", ";", "\u200d\u200f", "🙂", "\u0301", "\u0000", "a\u0000b", "<!-- -->").map((v) => [["q", v]]));
    // Longer than a search may be (200 characters, whitespace collapsed): the API says it was cut.
    base.push(
      fc
        .tuple(fragment, fc.integer({ min: 201, max: 5_000 }))
        .map(([f, n]) => `q${f.replace(/\s/g, "")}`.repeat(n).slice(0, n))
        .filter((v) => v.replace(/\s+/g, " ").length > 200)
        .map((v): [string, string][] => [["q", v]]),
    );
    base.push(fc.tuple(hostileText, hostileText).filter(([a, b]) => nonBlank(a) && nonBlank(b)).map(([a, b]) => [["q", a], ["q", b]]));
  }
  if (spec.country) base.push(hostileText.filter((v) => nonBlank(v) && !/^[A-Za-z]{2}$/.test(v.trim())).map((v) => [["country", v]]));
  for (const [param, values] of Object.entries(spec.enums)) {
    const allowed = new Set(Object.values(values));
    base.push(hostileText.filter((v) => v.split(",").map((x) => x.trim()).some((x) => x !== "" && !allowed.has(x.toUpperCase()))).map((v) => [[param, v]]));
  }
  if (spec.dates) {
    for (const key of ["from", "to"]) {
      base.push(fc.oneof(fc.constantFrom("2005-13", "0999", "2005-02-30", "20050", "-2005", "2005-1", "2005-00", "1e3", "2005/01"), hostileText).filter((v) => nonBlank(v) && !listParams.dateBoundSchema.safeParse(v.trim()).success).map((v) => [[key, v]]));
    }
    base.push(fc.constant([["from", "2010"], ["to", "2005"]]));
  }
  for (const [key, on] of [["verified", spec.verification], ["deleted", spec.deletable]] as const) {
    if (on) base.push(hostileText.filter((v) => nonBlank(v) && !["yes", "no"].includes(v.trim().toLowerCase())).map((v) => [[key, v]]));
  }
  base.push(fc.oneof(fc.constantFrom(...PROTO_KEYS), hostileText).filter((v) => nonBlank(v) && !Object.hasOwn(spec.sorts, v.trim())).map((v) => [["sort", v]]));
  base.push(hostileText.filter((v) => nonBlank(v) && !["asc", "desc"].includes(v.trim().toLowerCase())).map((v) => [["dir", v]]));
  return fc.oneof(...base);
}

/** Parameters the lists ignore (their names are no filter): hostile, but harmless. */
const ignoredParams = fc.array(fc.tuple(hostileKey.map((k) => `x-${k}`.toWellFormed()), hostileText), { maxLength: 2 }) as fc.Arbitrary<[string, string][]>;

describe("the REST API refuses every invalid payload with a 4xx and its error shape, and changes nothing", () => {
  it("GET /api/v1/<resource>: broken list queries", async () => {
    const key = "api/v1/[resource]/route.ts#GET";
    const arb = fc.tuple(call, resourceOrBogus()).chain(([who, r]) => {
      const resource = r.real ? api.apiResource(r.name)! : null;
      const bad = resource ? badListParam(resource.list as never) : fc.constant([] as [string, string][]);
      return fc.tuple(fc.constant(who), fc.constant(r), bad, resource?.list === null ? fc.constant([] as [string, string][]) : ignoredParams);
    });
    await batch(key, arb, 320, async ([who, r, bad, extra]) => {
      const query = [...extra, ...bad];
      const res = await send(key, who, { method: "GET", path: "/api/v1/x", query, params: { resource: r.name } });
      await expectApiError(res, { who, r, query }, refusedAs(who, "GET") ?? (r.real ? 400 : 404));
    });
  });

  it("POST /api/v1/<resource>: broken bodies", async () => {
    const key = "api/v1/[resource]/route.ts#POST";
    const arb = fc.tuple(call, resourceOrBogus()).chain(([who, r]) => {
      const name = r.name as ResourceName;
      const body = r.real
        ? fc.oneof(
            { weight: 4, arbitrary: fc.tuple(jsonType, brokenRecord(name, PAYLOADS[name] ?? (() => ({})), { removals: true })).map(([type, o]) => ({ type, body: JSON.stringify(o) })) },
            { weight: 1, arbitrary: brokenBody },
          )
        : fc.constant({ type: "application/json", body: JSON.stringify(PAYLOADS.sources()) });
      return fc.tuple(fc.constant(who), fc.constant(r), body);
    });
    await batch(key, arb, 400, async ([who, r, { type, body }]) => {
      const res = await send(key, who, { method: "POST", path: "/api/v1/x", headers: type ? { "content-type": type } : {}, body, params: { resource: r.name } });
      // A body that cannot be read (400) or is too large (413, as the front door answers) is refused before the role is asked.
      const expected = refusedAs(who, "POST") ?? (!r.real ? 404 : who.caller === "viewer" && res.status !== 400 && res.status !== 413 ? 403 : undefined);
      await expectApiError(res, { who, r, type, body: body.slice(0, 300) }, expected);
    });
  });

  it("GET /api/v1/<resource>/<id>: ids that are none", async () => {
    const key = "api/v1/[resource]/[id]/route.ts#GET";
    const badId = fc.oneof(
      fc.constantFrom("0", "-1", "1.5", "1e3", "2147483648", "99999999999999999999", "0x10", "٣", " 1", "1 ", "+1", "", "NaN", "null", "undefined", "__proto__", "constructor", "1;DROP", "1 OR 1=1", "%00", "\u0000"),
      hostileText.filter((s) => !/^\d+$/.test(s)).map((s) => s.toWellFormed()),
      fc.integer({ min: 1_000_000, max: 2_147_483_647 }).map(String),
    );
    await batch(key, fc.tuple(call, resourceOrBogus(), badId), 200, async ([who, r, id]) => {
      const res = await send(key, who, { method: "GET", path: "/api/v1/x/y", params: { resource: r.name, id } });
      await expectApiError(res, { who, r, id }, refusedAs(who, "GET") ?? (!r.real ? 404 : /^\d+$/.test(id) && Number(id) <= 2_147_483_647 && Number(id) > 0 ? 404 : 400));
    });
  });

  for (const method of ["PUT", "PATCH"] as const) {
    it(`${method} /api/v1/<resource>/<id>: broken data, versions and bodies`, async () => {
      const key = `api/v1/[resource]/[id]/route.ts#${method}`;
      const badVersion = fc.oneof(
        fc.constantFrom<unknown>(0, -1, 1.5, "1.5", "abc", "", " ", null, true, [], {}, [1], "1e0", "0x1", 2 ** 31, "99999999999999999999", NaN, -0),
        hostileObject,
        hostileText.filter((s) => !/^\d+$/.test(s)),
      );
      const staleVersion = fc.integer({ min: 2, max: 2_147_483_647 });
      const arb = fc.tuple(call, anyResource()).chain(([who, name]) => {
        const current = () => ({ ...existing[name]!.data });
        const data = method === "PUT" ? brokenRecord(name, current, { removals: true }) : brokenRecord(name, () => ({}), { removals: false });
        const validData = fc.constant(method === "PUT" ? current() : { [FIELDS[name].optionalText[0]!]: "changed" });
        const variant = fc.oneof(
          // Broken data with the right version: validation has the last word.
          { weight: 5, arbitrary: fc.tuple(data, fc.constantFrom("body", "if-match", "query")).map(([d, where]) => ({ d, where, version: 1 as unknown })) },
          // Valid data from a version that is not the record's: 409.
          { weight: 2, arbitrary: fc.tuple(validData, staleVersion, fc.constantFrom("body", "if-match", "query")).map(([d, version, where]) => ({ d, where, version: version as unknown })) },
          // Valid data with no usable version: 400.
          { weight: 2, arbitrary: fc.tuple(validData, badVersion).map(([d, version]) => ({ d, where: "body", version })) },
          { weight: 1, arbitrary: validData.map((d) => ({ d, where: "none", version: undefined as unknown })) },
          // The wrapper itself broken: fields outside "data", or no object in it.
          { weight: 2, arbitrary: fc.tuple(validData, hostileKey, hostileJson).map(([d, k, v]) => ({ d, where: "body", version: 1 as unknown, extra: [k, v] as [string, unknown] })) },
          { weight: 1, arbitrary: fc.oneof(hostileText, hostileNumber, fc.constant(null), fc.array(hostileJson, { maxLength: 3 })).map((d) => ({ d: d as never, where: "body", version: 1 as unknown })) },
        );
        return fc.tuple(fc.constant(who), fc.constant(name), variant, fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: brokenBody }), jsonType);
      });
      await batch(key, arb, 320, async ([who, name, v, raw, type]) => {
        const target = existing[name]!;
        const entries: [string, unknown][] = [["data", v.d]];
        if (v.where === "body") entries.unshift(["version", v.version]);
        if ("extra" in v && v.extra) entries.push(v.extra);
        const headers: Record<string, string> = { "content-type": raw ? raw.type : type };
        if (v.where === "if-match") headers["if-match"] = `"${String(v.version)}"`;
        const query: [string, string][] = v.where === "query" ? [["version", String(v.version)]] : [];
        const body = raw ? raw.body : JSON.stringify(objectOf(entries));
        const res = await send(key, who, { method, path: "/api/v1/x/y", query, headers, body, params: { resource: name, id: String(target.id) } });
        await expectApiError(res, { who, name, v, body: body.slice(0, 300) }, refusedAs(who, method));
      });
    });
  }

  it("DELETE /api/v1/<resource>/<id>: wrong, stale or missing versions, and ids that are none", async () => {
    const key = "api/v1/[resource]/[id]/route.ts#DELETE";
    // Never the record's version (1) however the server reads it: raw (?version=) or unquoted (If-Match).
    const version = fc
      .oneof(fc.integer({ min: 2, max: 2_147_483_647 }).map(String), fc.constantFrom("0", "-1", "1.5", "abc", "1e0", "0x1", "2147483648", "", "W/", "*", "NaN"), asciiText)
      .filter((v) => !/^0*1$/.test(v) && !/^0*1$/.test(v.trim().replace(/^W\//, "").replace(/"/g, "").trim()));
    const arb = fc.tuple(call, anyResource(), version, fc.constantFrom("query", "if-match", "none"), fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom("0", "-1", "abc", "99999999", "1e1", "\u0000") }));
    await batch(key, arb, 200, async ([who, name, v, where, badId]) => {
      const headers: Record<string, string> = where === "if-match" ? { "if-match": v } : {};
      const query: [string, string][] = where === "query" ? [["version", v]] : [];
      const res = await send(key, who, { method: "DELETE", path: "/api/v1/x/y", query, headers, params: { resource: name, id: badId ?? String(existing[name]!.id) } });
      await expectApiError(res, { who, name, v, where, badId }, refusedAs(who, "DELETE"));
    });
  });

  it("GET /api/v1/<resource>/export: broken formats and filters", async () => {
    const key = "api/v1/[resource]/export/route.ts#GET";
    const badFormat = fc.oneof(fc.constantFrom("CSV", "Json", "xlsx", "csv ", " json", "csv,json", "", "html", "../../etc/passwd"), hostileText.filter((s) => s !== "csv" && s !== "json"));
    const arb = fc.tuple(call, resourceOrBogus()).chain(([who, r]) => {
      const resource = r.real ? api.apiResource(r.name)! : null;
      const bad: fc.Arbitrary<[string, string][]> =
        resource && resource.list !== null
          ? fc.oneof(badFormat.map((f) => [["format", f]] as [string, string][]), badListParam(resource.list as never).filter((q) => !q.some(([k]) => k === "limit" || k === "cursor")))
          : fc.constant([]);
      return fc.tuple(fc.constant(who), fc.constant(r), bad, ignoredParams);
    });
    await batch(key, arb, 220, async ([who, r, bad, extra]) => {
      const query = [...extra, ...bad];
      const res = await send(key, who, { method: "GET", path: "/api/v1/x/export", query, params: { resource: r.name } });
      const resource = api.apiResource(r.name);
      await expectApiError(res, { who, r, query }, refusedAs(who, "GET") ?? (!resource || resource.list === null ? 404 : 400));
    });
  });

  it("GET /api/v1/changes: broken since, limit and unknown parameters", async () => {
    const key = "api/v1/changes/route.ts#GET";
    const bad = fc.oneof(
      fc.oneof(fc.constantFrom("-1", "1.5", "abc", "00", "1e3", "0x10", " 1", "2147483648", "NaN", "∞"), hostileText.filter((s) => !["", "0"].includes(s) && !/^\d+$/.test(s))).map((v) => [["since", v]] as [string, string][]),
      fc.oneof(fc.constantFrom("0", "-1", "501", "1e3", "abc", "00"), hostileText.filter((s) => s !== "" && !/^\d+$/.test(s))).map((v) => [["limit", v]] as [string, string][]),
      fc.tuple(hostileKey.filter((k) => !["since", "limit"].includes(k)), hostileText).map(([k, v]) => [[k.toWellFormed(), v]] as [string, string][]),
      fc.constant([["type", "requests"]] as [string, string][]),
    );
    await batch(key, fc.tuple(call, bad), 200, async ([who, query]) => {
      const res = await send(key, who, { method: "GET", path: "/api/v1/changes", query });
      await expectApiError(res, { who, query }, refusedAs(who, "GET") ?? 400);
    });
  });

  it("GET /api/lookup: unknown types and searches past their limit", async () => {
    const key = "api/lookup/route.ts#GET";
    const bad = fc.oneof(
      fc.tuple(fc.oneof(fc.constantFrom("", "Actor", "user", "__proto__", "constructor", "actor "), hostileText), hostileText).map(([type, q]) => [["type", type], ["q", q]] as [string, string][]),
      hostileText.map((q) => [["q", q]] as [string, string][]),
      fc.tuple(fc.constantFrom("actor", "concern", "source", "owner"), hugeText.map((s) => `${s.slice(0, 5_000)}x`)).map(([type, q]) => [["type", type], ["q", q]] as [string, string][]),
      fc.constantFrom("actor", "request").map((type) => [["type", type], ["q", "a\u0000b"]] as [string, string][]),
    );
    await batch(key, fc.tuple(call, bad), 160, async ([who, query]) => {
      const res = await send(key, { caller: who.caller === "editorToken" ? "editor" : who.caller }, { method: "GET", path: "/api/lookup", query });
      await expectApiError(res, { who, query }, refusedAs(who, "GET") ?? 400);
    });
  });

  it("routes that read no input ignore a hostile query", async () => {
    const keys = Object.entries(ROUTE_PROPERTIES).filter(([, p]) => p === "no input").map(([k]) => k);
    const arb = fc.tuple(call, fc.constantFrom(...keys), ignoredParams, fc.array(fc.tuple(hostileText, hostileText), { maxLength: 2 }));
    await batch("no-input routes", arb, 90, async ([who, key, a, b]) => {
      const res = await send(key, who, { method: "GET", path: "/api/v1/whatever", query: [...a, ...b] });
      if (res.status >= 400) await expectApiError(res, { who, key }, key.includes("countries") ? refusedAs(who, "GET") : undefined);
      else expect(res.status).toBe(200);
    }, { reachesValidation: false });
  });

  it("routes with no entry here get hostile queries and bodies, and never answer 5xx", async () => {
    const keys = found.routes.map((r) => r.key).filter((k) => !(k in ROUTE_PROPERTIES) && !(k in EXEMPT_ROUTES));
    if (keys.length === 0) return;
    const arb = fc.tuple(call, fc.constantFrom(...keys), ignoredParams, brokenBody, fc.dictionary(fc.constantFrom("resource", "id", "type", "code"), hostileText.map((s) => s.toWellFormed())));
    await batch("routes without an entry", arb, 40 * keys.length, async ([who, key, query, body, params]) => {
      const method = key.split("#")[1]!;
      const res = await send(key, who, { method, path: "/api/new", query, params, ...(["GET", "HEAD"].includes(method) ? {} : { headers: { "content-type": body.type }, body: body.body }) });
      if (res.status >= 400) await expectApiError(res, { who, key });
    }, { digest: "none", reachesValidation: false });
  });
});

// ---------------------------------------------------------------- actions

type Ids = { requestId: number; requestVersion: number; concernId: number; sourceId: number; citationId: number; eventId: number };
let ids: Ids;
const requestValues = () => ({
  title: "A request", occurredOn: "2009", requestingCountryId: countries.us, targetCountryId: countries.ru, channel: null, ask: "HALT_SALE",
  askDetail: null, response: null, responseSummary: null, respondedOn: null, classification: null, visibility: "INTERNAL", followUpOfId: null,
  requestingActorIds: [], targetActorIds: [], concernIds: [], transferIds: [],
});

/**
 * A valid input of each action (its fields are replaced by values no field
 * accepts, or nested ones inside `nested`), and who calls it so that the
 * payload reaches validation. An action without an entry still gets the
 * generic payloads.
 */
const ACTION_BASES: Record<string, { as?: Caller; input: () => Record<string, unknown>; nested?: string[] }> = {
  "lib/auth/actions.ts#createUserAction": { as: "admin", input: () => ({ email: "new-user@test.local", name: "New", role: "VIEWER", password: "fresh-password-1234" }) },
  "lib/auth/actions.ts#changeUserRoleAction": { as: "admin", input: () => ({ userId: users.other.id, role: "EDITOR" }) },
  "lib/auth/actions.ts#setUserActiveAction": { as: "admin", input: () => ({ userId: users.other.id, active: false }) },
  "lib/auth/actions.ts#resetUserPasswordAction": { as: "admin", input: () => ({ userId: users.other.id, password: "reset-password-5678" }) },
  "lib/auth/actions.ts#changeOwnPasswordAction": { input: () => ({ currentPassword: PASSWORD, newPassword: "brand-new-password-9", confirmPassword: "brand-new-password-9" }) },
  "lib/auth/actions.ts#signOutEverywhereAction": { input: () => ({}) },
  "lib/auth/actions.ts#createApiTokenAction": { input: () => ({ name: "A tool", scope: "READ", expiresInDays: 30 }) },
  "lib/auth/actions.ts#revokeApiTokenAction": { input: () => ({ id: editorTokenId }) },
  "lib/records/actions.ts#saveRecordAction": { input: () => ({ type: "request", id: ids.requestId, version: ids.requestVersion, values: requestValues() }), nested: ["values"] },
  "lib/records/actions.ts#deleteRecordAction": { input: () => ({ type: "request", id: ids.requestId, version: ids.requestVersion }) },
  "lib/records/actions.ts#verifyRecordAction": { input: () => ({ type: "request", id: ids.requestId, version: ids.requestVersion }) },
  "lib/records/actions.ts#undeleteRecordAction": { input: () => ({ type: "request", id: ids.requestId }) },
  "lib/records/actions.ts#restoreRecordVersionAction": { input: () => ({ type: "request", id: ids.requestId, eventId: ids.eventId, version: ids.requestVersion }) },
  "lib/records/actions.ts#addCitationAction": { input: () => ({ targetType: "request", targetId: ids.requestId, sourceId: ids.sourceId, passage: "p", credibility: 3, note: null }) },
  "lib/records/actions.ts#removeCitationAction": { input: () => ({ citationId: ids.citationId }) },
  "lib/records/concern/actions.ts#changeConcernStatusAction": { input: () => ({ id: ids.concernId, version: 1, change: { status: "MONITORING", note: "Watching." } }), nested: ["change"] },
  "lib/records/request/actions.ts#logLobbyingAttemptAction": { input: () => ({ request: requestValues(), quotes: [{ speakerId: null, speakerLabel: "S", text: "Q" }], citations: [] }), nested: ["request"] },
};

/** Inputs for any action: not an object, an object of hostile keys only, or values JSON cannot carry. */
const genericActionInput = fc.oneof(
  scalar,
  actionOnlyValue,
  fc.array(hostileJson, { maxLength: 4 }),
  hugeArray,
  hostileObject,
  hostileObject.map((o) => Object.assign(Object.create(null) as object, o)),
  fc.integer({ min: 50, max: 400 }).map((depth) => {
    let v: unknown = { a: 1 };
    for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { x: v };
    return v;
  }),
);

/** The base input with at least one field (or nested field) replaced by a value no field accepts, and hostile extra keys. */
function brokenActionInput(key: string): fc.Arbitrary<unknown> {
  const base = ACTION_BASES[key];
  if (!base) return genericActionInput;
  const fields = Object.keys(base.input());
  const generic = fields.length ? genericActionInput : genericActionInput.filter((v) => !keyless(v));
  const replace: fc.Arbitrary<Mutation>[] = [];
  if (fields.length) replace.push(fc.tuple(fc.constantFrom(...fields), fc.oneof(universallyInvalid, actionOnlyValue.filter((v) => typeof v === "object" && v !== null))).map(([field, value]) => ({ kind: "set", field, value })));
  // signOutEverywhere takes {} and nothing else: any key breaks it.
  if (!fields.length) replace.push(fc.tuple(hostileKey, hostileJson).map(([k, value]) => ({ kind: "unknown", key: k, value })));
  const extras = fc.array(fc.tuple(hostileKey, hostileJson).map(([k, value]): Mutation => ({ kind: "unknown", key: k, value })), { maxLength: 2 });
  const top = fc.tuple(fc.array(fc.oneof(...replace), { minLength: 1, maxLength: 2 }), extras).map(([r, e]) => apply(base.input(), [...e, ...r]));
  const nested = (base.nested ?? []).map((field) =>
    fc.tuple(fc.array(fc.oneof(...Object.keys(base.input()[field] as object).map((f) => universallyInvalid.map((value): Mutation => ({ kind: "set", field: f, value }))), fc.tuple(hostileKey, hostileJson).map(([k, value]): Mutation => ({ kind: "unknown", key: k, value }))), { minLength: 1, maxLength: 2 }))
      .map(([m]) => {
        const input = base.input();
        return objectOf([...Object.entries(input).filter(([k]) => k !== field), [field, apply(input[field] as Record<string, unknown>, m)]]);
      }),
  );
  return fc.oneof({ weight: 4, arbitrary: top }, ...nested.map((arbitrary) => ({ weight: 3, arbitrary })), { weight: 2, arbitrary: generic });
}

describe("server actions refuse every invalid payload with { ok: false, 4xx }, never throw, and change nothing", () => {
  beforeAll(async () => {
    const svc = await import("@/lib/records/service");
    const { RECORDS } = await import("@/lib/records/registry");
    const editor = { id: users.editor.id, role: "EDITOR" as const };
    const request = await svc.createRecord(RECORDS.request, editor, requestValues(), null);
    const created = await ctx.db.auditEvent.findFirstOrThrow({ where: { entityType: "DIPLOMATIC_REQUEST", entityId: request.id } });
    const concern = await ctx.db.concern.create({ data: { title: "A concern", category: "OTHER", severity: "LOW", createdById: users.editor.id } });
    const source = await ctx.db.source.create({ data: { kind: "REPORT", title: "A report" } });
    const citation = await ctx.db.citation.create({ data: { sourceId: source.id, requestId: request.id, passage: "p" } });
    ids = { requestId: request.id, requestVersion: request.version, concernId: concern.id, sourceId: source.id, citationId: citation.id, eventId: created.id };
  });

  it.each(found.actions.map((a) => a.key))("%s", async (key) => {
    const run = await action(key);
    const as = ACTION_BASES[key]?.as ?? "editor";
    const who = fc.constantFrom<Caller>(as, as, as, as, as, as, as, "viewer", "anonymous");
    await batch(key, fc.tuple(who, brokenActionInput(key)), 100, async ([caller, input]) => {
      actAsCaller(caller);
      let result: ActionResult<unknown>;
      try {
        result = await run(input);
      } catch (error) {
        throw new Error(`${key} threw ${(error as Error)?.message} for ${String(JSON.stringify(input, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)))?.slice(0, 300)}`);
      }
      const where = `${JSON.stringify(result).slice(0, 300)} for ${caller} ${String(JSON.stringify(input, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)))?.slice(0, 300)}`;
      expect(result.ok, where).toBe(false);
      if (result.ok) return;
      statuses.push(result.status);
      expect(result.status, where).toBeGreaterThanOrEqual(400);
      expect(result.status, where).toBeLessThan(500);
      if (caller === "anonymous") expect(result.status, where).toBe(401);
      expect(result.code, where).toMatch(/^[A-Z_]+$/);
      expect(typeof result.error, where).toBe("string");
      expect(result.error.length, where).toBeGreaterThan(0);
    });
  });
});

// ------------------------------------------------- hostile but valid input

/** Hostile text a field may hold: up to 300 characters (every text field's limit or more). */
const fieldText = hostileText.map((s) => s.slice(0, 300));
const expectedStored = (v: string) => (v.trim() === "" ? null : v.trim());
const storable = (v: string) => v.isWellFormed() && !v.includes("\u0000");

describe("hostile text that is valid is taken as data: stored verbatim or refused with a field message, never a 5xx", () => {
  it("POST /api/v1/<resource> with SQL, markup and odd Unicode in every text field", async () => {
    const key = "api/v1/[resource]/route.ts#POST";
    const arb = anyResource().chain((name) => {
      const f = FIELDS[name];
      const textFields = [...f.requiredText, ...f.optionalText];
      return fc.tuple(fc.constant(name), fc.tuple(...textFields.map(() => fieldText)).map((values) => Object.fromEntries(textFields.map((field, i) => [field, values[i]!]))));
    });
    await batch("POST valid hostile text", arb, 160, async ([name, texts]) => {
      const body = { ...PAYLOADS[name](), ...texts };
      const res = await send(key, { caller: "editor" }, { method: "POST", path: `/api/v1/${name}`, headers: { "content-type": "application/json" }, body: JSON.stringify(body), params: { resource: name } });
      const required = FIELDS[name].requiredText;
      const refused = Object.entries(texts).filter(([field, v]) => !storable(v.trim()) || (required.includes(field) && v.trim() === ""));
      if (refused.length === 0) {
        const text = await res.text();
        expect(res.status, text.slice(0, 300)).toBe(201);
        const { data } = JSON.parse(text) as { data: Record<string, unknown> };
        for (const [field, v] of Object.entries(texts)) expect(data[field], field).toBe(expectedStored(v));
      } else {
        const error = await expectApiError(res, { name, texts }, 422);
        for (const [field] of refused) expect(Object.keys(error.fields as object)).toContain(field);
      }
    }, { digest: "none", reachesValidation: false });
  });

  it("GET /api/v1/<resource> searches for hostile text: 200 with a page, or 400 with the reason", async () => {
    const key = "api/v1/[resource]/route.ts#GET";
    const arb = fc.tuple(call, fc.constantFrom(...api.API_RESOURCES.filter((r) => r.list !== null).map((r) => r.name)), fieldText, ignoredParams);
    await batch("GET lists with hostile searches", arb, 200, async ([who, name, q, extra]) => {
      const res = await send(key, who, { method: "GET", path: `/api/v1/${name}`, query: [["q", q], ...extra], params: { resource: name } });
      if (res.status === 200) {
        const page = (await res.json()) as { data: unknown[]; limit: number };
        expect(Array.isArray(page.data)).toBe(true);
      } else await expectApiError(res, { who, name, q }, refusedAs(who, "GET") ?? 400);
    }, { reachesValidation: false });
  });

  it("GET /api/v1/<resource>/export with hostile searches and parameters: a whole file, or a 4xx", async () => {
    const key = "api/v1/[resource]/export/route.ts#GET";
    const arb = fc.tuple(call, fc.constantFrom(...api.API_RESOURCES.filter((r) => r.list !== null).map((r) => r.name)), fc.constantFrom("csv", "json"), fieldText, ignoredParams);
    // Every export that starts is an audit event: the only rows these may add.
    await batch("GET exports with hostile searches", arb, 100, async ([who, name, format, q, extra]) => {
      const res = await send(key, who, { method: "GET", path: `/api/v1/${name}/export`, query: [["format", format], ["q", q], ...extra], params: { resource: name } });
      if (res.status === 200) {
        const text = await res.text();
        if (format === "json") expect(Array.isArray(JSON.parse(text))).toBe(true);
        else expect(text.split("\n")[0]).toContain("id");
      } else await expectApiError(res, { who, name, q, extra }, refusedAs(who, "GET") ?? 400);
    }, { digest: "exports-only", reachesValidation: false });
  });

  it("GET /api/lookup with hostile searches and ids", async () => {
    const key = "api/lookup/route.ts#GET";
    const ids = fc.oneof(fc.constant(undefined), fc.array(fc.oneof(fc.integer().map(String), fc.constantFrom("2147483648", "99999999999", "1e3", "-1", "0", "NaN", "1.5", "", "٣"), hostileText), { maxLength: 5 }).map((a) => a.join(",")));
    const arb = fc.tuple(fc.constantFrom<Caller>("editor", "viewer"), fc.constantFrom("actor", "concern", "transfer", "request", "source", "weaponSystem", "inspection", "owner"), fieldText.map((s) => s.slice(0, 200)), ids);
    await batch("GET lookup with hostile searches", arb, 160, async ([caller, type, q, idList]) => {
      const query: [string, string][] = [["type", type], ["q", q], ...(idList === undefined ? [] : [["ids", idList] as [string, string]])];
      const res = await send(key, { caller }, { method: "GET", path: "/api/lookup", query });
      // Owners only for those who may assign them (a valid query from a viewer: 403).
      const refused = caller === "viewer" && type === "owner";
      if (res.status === 200) expect(!refused && Array.isArray(((await res.json()) as { options: unknown[] }).options)).toBe(true);
      else await expectApiError(res, { caller, query }, refused && res.status === 403 ? 403 : 400);
    }, { reachesValidation: false });
  });

  it("server actions with hostile text in their text fields: ok, or a 4xx with the field", async () => {
    const save = await action("lib/records/actions.ts#saveRecordAction");
    const token = await action("lib/auth/actions.ts#createApiTokenAction");
    const cite = await action("lib/records/actions.ts#addCitationAction");
    const arb = fc.tuple(fc.constantFrom("save", "token", "cite"), fieldText.map((s) => s.slice(0, 100)));
    await batch("actions with hostile text", arb, 90, async ([which, text]) => {
      actAsCaller("editor");
      const result =
        which === "save"
          ? await save({ type: "source", values: { kind: "REPORT", title: text, excerpt: text } })
          : which === "token"
            ? await token({ name: text, scope: "READ", expiresInDays: 1 })
            : await cite({ targetType: "request", targetId: ids.requestId, sourceId: ids.sourceId, passage: text, credibility: null, note: text });
      const where = `${which} ${JSON.stringify(result).slice(0, 300)} for ${JSON.stringify(text)}`;
      const refused = !storable(text.trim()) || (text.trim() === "" && which !== "cite");
      if (refused) expect(result, where).toMatchObject({ ok: false, status: 400, code: "VALIDATION" });
      else expect(result.ok, where).toBe(true);
    }, { digest: "none", reachesValidation: false });
  });
});

// ------------------------------------------------------- markup as text

const XSS = {
  img: "<img src=x onerror=alert(1)>",
  script: '<script>alert("x")</script>',
  svg: '"><svg onload=alert(1)>',
  attr: "' onmouseover='alert(1)' x='",
} as const;
/** How React writes each payload as text. */
const ESCAPED = {
  img: "&lt;img src=x onerror=alert(1)&gt;",
  script: "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;",
  svg: "&quot;&gt;&lt;svg onload=alert(1)&gt;",
  attr: "&#x27; onmouseover=&#x27;alert(1)&#x27; x=&#x27;",
};

/** The elements of server-rendered markup, with their attributes (React writes well-formed, quoted attributes). */
function elements(html: string): { tag: string; attributes: [string, string][] }[] {
  const out: { tag: string; attributes: [string, string][] }[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g)) {
    const attributes: [string, string][] = [];
    for (const a of m[2]!.matchAll(/\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) attributes.push([a[1]!.toLowerCase(), a[2] ?? a[3] ?? a[4] ?? ""]);
    out.push({ tag: m[1]!.toLowerCase(), attributes });
  }
  return out;
}

describe("stored text containing HTML is shown as text, never rendered", () => {
  const made = {} as Record<string, number>;

  beforeAll(async () => {
    const svc = await import("@/lib/records/service");
    const { RECORDS } = await import("@/lib/records/registry");
    const { addCitation } = await import("@/lib/records/citations");
    const { changeConcernStatus } = await import("@/lib/records/concern/service");
    const editor = { id: users.editor.id, role: "EDITOR" as const };
    const t = (label: string) => `${label} ${XSS.img} ${XSS.script} ${XSS.svg} ${XSS.attr}`;
    const create = async (type: keyof typeof RECORDS, values: Record<string, unknown>) => (await svc.createRecord(RECORDS[type], editor, values, null)).id;
    made.actor = await create("actor", { name: t("Actor"), kind: "PERSON", title: t("Title"), affiliation: t("Affiliation"), notes: t("Notes"), countryId: countries.ru });
    made.weaponSystem = await create("weaponSystem", { name: t("Weapon"), designation: t("Designation"), category: "MANPADS", description: t("Description"), originCountryId: countries.ru });
    made.transfer = await create("transfer", { supplierId: countries.ru, recipientId: countries.us, weaponSystemId: made.weaponSystem, status: "ORDERED", orderYear: 2010, comments: t("Comments") });
    made.concern = await create("concern", { title: t("Concern"), summary: t("Summary"), category: "DIVERSION", severity: "HIGH", countries: [{ countryId: countries.ru, role: "SUPPLIER" }], transferIds: [made.transfer] });
    made.request = await create("request", {
      title: t("Request"), occurredOn: "2009-03", requestingCountryId: countries.us, targetCountryId: countries.ru, ask: "HALT_SALE", askDetail: t("Ask"),
      response: "REBUFFED", responseSummary: t("Answer"), requestingActorIds: [made.actor], targetActorIds: [], concernIds: [made.concern], transferIds: [made.transfer],
    });
    made.inspection = await create("inspection", { hostCountryId: countries.us, inspectingCountryId: countries.ru, transferId: made.transfer, weaponSystemId: made.weaponSystem, status: "RIGHT_ASSERTED", inspectingParty: t("Party"), basis: t("Basis"), findings: t("Findings") });
    made.source = await create("source", { kind: "REPORT", title: t("Source"), reference: t("Reference"), author: t("Author"), publisher: t("Publisher"), excerpt: t("Excerpt") });
    made.quote = await create("quote", { text: t("Quote"), speakerId: made.actor, speakerLabel: t("Speaker"), context: t("Context"), requestId: made.request, concernId: made.concern });
    for (const [targetType, targetId] of [["request", made.request], ["concern", made.concern], ["quote", made.quote], ["actor", made.actor], ["transfer", made.transfer]] as const) {
      await addCitation(editor, { targetType, targetId, sourceId: made.source, passage: t("Passage"), credibility: 2, note: t("Note") }, null);
    }
    await changeConcernStatus(editor, made.concern, (await ctx.db.concern.findUniqueOrThrow({ where: { id: made.concern } })).version, { status: "MONITORING", note: t("Status note") }, null);
    // A second version, so that the history pages show a diff of the markup.
    const v = (await ctx.db.source.findUniqueOrThrow({ where: { id: made.source } })).version;
    await svc.updateRecord(RECORDS.source, editor, made.source, v, { kind: "REPORT", title: t("Source edited"), reference: t("Reference"), author: t("Author"), publisher: t("Publisher"), excerpt: t("Excerpt edited") }, null);
  });

  async function render(page: string, props: Record<string, unknown>, as: Caller = "editor"): Promise<string> {
    actAsCaller(as);
    const mod = (await import(/* @vite-ignore */ path.join(APP_DIR, "(app)", page))) as { default: (p: unknown) => Promise<ReactNode> };
    const element = await mod.default({ params: Promise.resolve(props.params ?? {}), searchParams: Promise.resolve(props.searchParams ?? {}) });
    const { prerender } = await import("react-dom/static");
    const { prelude } = await prerender(element as ReactElement);
    return new Response(prelude).text();
  }

  function expectInert(html: string, where: string, expectShown = true) {
    // Text is escaped, so every "<" left is an element React made: none may come from stored text.
    for (const raw of Object.values(XSS)) expect(html.includes(raw), `${where} holds ${raw} unescaped`).toBe(false);
    for (const { tag, attributes } of elements(html)) {
      expect(["script", "iframe", "object", "embed"].includes(tag), `${where}: a <${tag}> element`).toBe(false);
      if (tag === "img") expect(attributes.find(([n]) => n === "src")?.[1], `${where}: <img src=x>`).not.toBe("x");
      for (const [name, value] of attributes) {
        expect(name.startsWith("on"), `${where}: <${tag} ${name}=…>`).toBe(false);
        if (["href", "src", "action", "formaction"].includes(name)) expect(value, `${where}: <${tag} ${name}>`).not.toMatch(/^\s*(javascript|data|vbscript):/i);
      }
    }
    if (expectShown) for (const escaped of Object.values(ESCAPED)) expect(html, `${where} should show the text`).toContain(escaped);
  }

  const DETAIL: [string, string, string][] = [
    ["request", "requests/[id]/page.tsx", "request"],
    ["concern", "concerns/[id]/page.tsx", "concern"],
    ["transfer", "transfers/[id]/page.tsx", "transfer"],
    ["inspection", "inspections/[id]/page.tsx", "inspection"],
    ["source", "sources/[id]/page.tsx", "source"],
    ["actor", "actors/[id]/page.tsx", "actor"],
    ["weapon system", "weapon-systems/[id]/page.tsx", "weaponSystem"],
    ["quote", "quotes/[id]/page.tsx", "quote"],
  ];

  it.each(DETAIL)("the %s page, its edit form and its history", async (_label, page, type) => {
    const id = String(made[type]);
    expectInert(await render(page, { params: { id } }), page);
    expectInert(await render(page.replace("page.tsx", "edit/page.tsx"), { params: { id } }), `${page} (edit)`);
    expectInert(await render("history/[type]/[id]/page.tsx", { params: { type, id } }), `history of ${type}`);
  });

  it.each(["requests/page.tsx", "concerns/page.tsx", "transfers/page.tsx", "inspections/page.tsx", "sources/page.tsx", "actors/page.tsx", "weapon-systems/page.tsx"])("the list %s", async (page) => {
    // The transfer and inspection lists show no free text of their own: they must only not render any.
    const shows = !["transfers/page.tsx", "inspections/page.tsx"].includes(page);
    expectInert(await render(page, { searchParams: {} }), page, shows);
    expectInert(await render(page, { searchParams: { q: "onerror" } }), `${page}?q=onerror`, false);
  });

  it("the dashboard, the activity log and the country page", async () => {
    expectInert(await render("page.tsx", { searchParams: {} }), "dashboard", false);
    expectInert(await render("admin/activity/page.tsx", { searchParams: {} }, "admin"), "activity", false);
    expectInert(await render("countries/[code]/page.tsx", { params: { code: "RU" } }), "country RU", false);
  });

  it("no component writes raw HTML", () => {
    const files = [...walk(APP_DIR), ...walk(path.join(ROOT, "components"))].filter((f) => /\.(tsx|ts)$/.test(f));
    const offenders = files.filter((f) => /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML|insertAdjacentHTML|document\.write/.test(fs.readFileSync(f, "utf8")));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it("the JSON API returns the text verbatim, as data", async () => {
    const res = await send("api/v1/[resource]/[id]/route.ts#GET", { caller: "editorToken" }, { method: "GET", path: "/api/v1/requests/x", params: { resource: "requests", id: String(made.request) } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as { data: Record<string, unknown> };
    expect(body.data.title).toBe(`Request ${XSS.img} ${XSS.script} ${XSS.svg} ${XSS.attr}`);
    expect(body.data.askDetail).toBe(`Ask ${XSS.img} ${XSS.script} ${XSS.svg} ${XSS.attr}`);
  });

  it("the CSV export keeps the text, as a file, and defuses cells a spreadsheet would run", async () => {
    const svc = await import("@/lib/records/service");
    const { RECORDS } = await import("@/lib/records/registry");
    const formulas = ['=HYPERLINK("http://example.invalid","click")', "+SUM(1,2)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"];
    for (const f of formulas) await svc.createRecord(RECORDS.source, { id: users.editor.id, role: "EDITOR" }, { kind: "REPORT", title: `${f} ${XSS.img}` }, null);
    const res = await send("api/v1/[resource]/export/route.ts#GET", { caller: "editor" }, { method: "GET", path: "/api/v1/sources/export", query: [["format", "csv"]], params: { resource: "sources" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const { parse } = await import("csv-parse/sync");
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    const titles = rows.map((r) => r.title!);
    // Markup stays as typed: a CSV file is data, opened by spreadsheets, never rendered as a page.
    expect(titles).toContain(`Source edited ${XSS.img} ${XSS.script} ${XSS.svg} ${XSS.attr}`);
    for (const f of formulas) {
      // Titles are trimmed when saved: the tab or carriage return goes, the formula stays.
      const cell = titles.find((t) => t.endsWith(`${f.trim()} ${XSS.img}`));
      expect(cell, f).toBeDefined();
      expect(cell!.startsWith("'"), `${JSON.stringify(cell)} is not defused`).toBe(true);
    }
  });

  it("a javascript: or data: address is refused as a source's web address", async () => {
    const svc = await import("@/lib/records/service");
    const { RECORDS } = await import("@/lib/records/registry");
    for (const url of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "vbscript:msgbox(1)", "http://a/\u0000"]) {
      await expect(svc.createRecord(RECORDS.source, { id: users.editor.id, role: "EDITOR" }, { kind: "REPORT", title: "x", url }, null)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { url: expect.any(Array) } });
    }
  });
});
