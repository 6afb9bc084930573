// Hostile input over raw HTTP against a running production app with the demo
// data (.ci/run, before http-smoke.ts): what a client can send before any
// app code runs. First the cases of issue 12 one by one (undecodable paths,
// cross-origin and malformed server actions, bodies before authentication,
// a client-chosen address), then about 2,000 generated requests (fast-check,
// fixed seed: paths, methods, headers and bodies, anonymous and signed in).
// Fails on any 5xx, any /api answer that is not JSON in the error shape when
// it is an error, and any request left without an answer.
//
//   npx tsx tests/smoke/hostile-http.ts http://127.0.0.1:3107 [--runs 2000] [--seed 12]
//
// It signs in with the demo passwords only (no failed sign-in counts against
// an address), from 127.0.0.1.
import fs from "node:fs";
import net from "node:net";
import zlib from "node:zlib";
import fc from "fast-check";
import { check, finish } from "./checks";

const base = new URL(process.argv[2] ?? "http://127.0.0.1:3000");
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const RUNS = arg("runs", 2000);
const SEED = arg("seed", 12);
const host = base.hostname;
const port = Number(base.port || 80);
const hostHeader = base.host;
const MB = 1024 * 1024;

type Answer = { status: number; headers: Record<string, string>; body: string; closed: boolean; error?: string };

/**
 * One request over its own connection, written byte for byte (the path is
 * sent as given, unlike fetch, which would re-encode it). `stallAfter`:
 * send only the headers and that much of the body, then wait for an answer.
 */
function raw(request: { method: string; path: string; headers?: Record<string, string>; body?: Buffer | string; stallAfter?: Buffer; localAddress?: string; timeoutMs?: number }): Promise<Answer> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, localAddress: request.localAddress });
    const chunks: Buffer[] = [];
    let settled = false;
    const done = (closed: boolean, error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parse(Buffer.concat(chunks)), closed, error });
    };
    const timer = setTimeout(() => done(false, "no answer in time"), request.timeoutMs ?? 15_000);
    socket.on("data", (c: Buffer) => {
      chunks.push(c);
      // A stalled upload: the answer is what counts, not the close.
      if (request.stallAfter && /\r\n\r\n/.test(Buffer.concat(chunks).toString("latin1"))) {
        const text = Buffer.concat(chunks).toString("latin1");
        const length = /\r\ncontent-length: *(\d+)/i.exec(text)?.[1];
        if (length && Buffer.byteLength(text.slice(text.indexOf("\r\n\r\n") + 4), "latin1") >= Number(length)) setTimeout(() => done(false), 300);
      }
    });
    socket.on("end", () => done(true));
    socket.on("close", () => done(true));
    socket.on("error", (e) => (chunks.length ? done(true) : done(true, String(e))));
    socket.once("connect", () => {
      const body = request.body === undefined ? undefined : Buffer.from(request.body);
      const headers: Record<string, string> = { host: hostHeader, connection: "close", ...request.headers };
      if (body && !("content-length" in headers) && !("transfer-encoding" in headers)) headers["content-length"] = String(body.length);
      const head = `${request.method} ${request.path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`;
      socket.write(Buffer.from(head, "latin1"));
      if (request.stallAfter) socket.write(request.stallAfter);
      else if (body) socket.write(body);
    });
  });
}

function parse(buffer: Buffer): Omit<Answer, "closed" | "error"> {
  const text = buffer.toString("latin1");
  const end = text.indexOf("\r\n\r\n");
  if (end === -1) return { status: 0, headers: {}, body: "" };
  const [statusLine, ...lines] = text.slice(0, end).split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? "")?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = buffer.subarray(Buffer.byteLength(text.slice(0, end + 4), "latin1"));
  if (/chunked/i.test(headers["transfer-encoding"] ?? "")) {
    const parts: Buffer[] = [];
    let at = 0;
    while (at < body.length) {
      const lineEnd = body.indexOf("\r\n", at);
      if (lineEnd === -1) break;
      const size = parseInt(body.subarray(at, lineEnd).toString("latin1"), 16);
      if (!size) break;
      parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  }
  const encoding = (headers["content-encoding"] ?? "").toLowerCase();
  try {
    if (encoding === "gzip") body = zlib.gunzipSync(body);
    else if (encoding === "br") body = zlib.brotliDecompressSync(body);
    else if (encoding === "deflate") body = zlib.inflateSync(body);
  } catch {
    // left as it came: the checks then say it is not JSON
  }
  return { status, headers, body: body.toString("utf8") };
}

/** An /api answer must be JSON; an error one must be in the stable shape. Redirects and empty answers (HEAD, 204, 304) aside. */
function apiAnswerProblem(method: string, rawPath: string, a: Answer): string | null {
  // The path as the router resolves it (`/api/%2e%2e` is the dashboard).
  let path = rawPath;
  try {
    path = new URL(rawPath, base).pathname;
  } catch {
    // an undecodable path stays as it is
  }
  if (!/^\/api(\/|$)/.test(path)) return null;
  if (a.status < 300 && /^text\/csv/.test(a.headers["content-type"] ?? "")) return null; // an export
  if (method === "HEAD" || a.status === 204 || a.status === 304 || (a.status >= 300 && a.status < 400)) return null;
  if (!/^application\/json/.test(a.headers["content-type"] ?? "")) return `not JSON (${a.headers["content-type"] ?? "no content-type"})`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(a.body);
  } catch {
    return "a body that does not parse as JSON";
  }
  if (a.status >= 400) {
    const e = (parsed as { error?: { code?: unknown; message?: unknown; fields?: unknown } }).error;
    if (!e || typeof e.code !== "string" || typeof e.message !== "string" || typeof e.fields !== "object") {
      // next-auth answers its own errors as { message } or { url }; everything else must use the shape.
      if (!path.startsWith("/api/auth/")) return `an error not in the {error:{code,message,fields}} shape: ${a.body.slice(0, 120)}`;
    }
  }
  return null;
}

async function signIn(email: string, extraHeaders: Record<string, string> = {}): Promise<string> {
  const jar = new Map<string, string>();
  const f = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    for (const [k, v] of Object.entries(extraHeaders)) headers.set(k, v);
    const r = await fetch(new URL(path, base), { ...init, headers, redirect: "manual" });
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return r;
  };
  const token = ((await (await f("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  await (
    await f("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: token, email, password: "demarche-demo", json: "true", callbackUrl: "/" }),
    })
  ).text();
  const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  if (!/session-token=/.test(cookie)) throw new Error(`Signing in as ${email} failed.`);
  return cookie;
}

/** The server action ids the import page's scripts call (so that malformed bodies reach a real action). */
async function importActionIds(cookie: string): Promise<string[]> {
  const page = await fetch(new URL("/import", base), { headers: { cookie } });
  const html = await page.text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  const ids = new Set<string>();
  for (const src of scripts) {
    const js = await (await fetch(new URL(src, base))).text();
    for (const m of js.matchAll(/"([0-9a-f]{42})"/g)) ids.add(m[1]!);
  }
  return [...ids];
}

const isServerError = (a: Answer) => a.status >= 500 || a.status === 0;

async function fixedCases(editor: string, viewer: string, admin: string, actionId: string | undefined) {
  for (const path of ["/api/v1/concerns/%FF", "/api/v1/requests/%E0%A4%A", "/api/v1/%", "/concerns/%FF", "/%C0%AF", "/signin/%ED%A0%80"]) {
    for (const cookie of [undefined, editor]) {
      const a = await raw({ method: "GET", path, headers: cookie ? { cookie } : {} });
      const apiProblem = apiAnswerProblem("GET", path, a);
      check(`GET ${path} ${cookie ? "signed in" : "anonymously"}: 400${path.startsWith("/api/") ? " in the error shape" : ""}`, a.status === 400 && !apiProblem, `${a.status} ${apiProblem ?? ""} ${a.body.slice(0, 100)}`);
    }
  }

  const origin = base.origin;
  const action = actionId ?? "40" + "0".repeat(40);
  const cross = await raw({ method: "POST", path: "/import", headers: { cookie: editor, "next-action": action, origin: "https://evil.example", "content-type": "text/plain;charset=UTF-8" }, body: "[]" });
  check("a cross-origin server action is refused with 403 in the error shape", cross.status === 403 && /"code":"FORBIDDEN"/.test(cross.body), `${cross.status} ${cross.body.slice(0, 100)}`);
  const badOrigin = await raw({ method: "POST", path: "/import", headers: { cookie: editor, "next-action": action, origin: "::not a url", "content-type": "text/plain" }, body: "[]" });
  check("a server action with an unparsable Origin: 403", badOrigin.status === 403, String(badOrigin.status));
  const badId = await raw({ method: "POST", path: "/import", headers: { cookie: editor, "next-action": "x".repeat(42), origin, "content-type": "text/plain" }, body: "[]" });
  check("a server action with a malformed id: 400", badId.status === 400, String(badId.status));

  check("found the import page's server action ids (for the malformed bodies below)", actionId !== undefined);
  const bodies: [string, Record<string, string>, string][] = [
    ["text that is not the client's format", { "content-type": "text/plain;charset=UTF-8" }, "not json at all"],
    ["a reference to a missing part", { "content-type": "text/plain;charset=UTF-8" }, '["$Q1"]'],
    ["an empty body", { "content-type": "text/plain;charset=UTF-8" }, ""],
    ["multipart without a boundary", { "content-type": "multipart/form-data" }, "garbage"],
    ["multipart that is garbage", { "content-type": "multipart/form-data; boundary=zz" }, "garbage"],
    ["multipart with a broken part", { "content-type": "multipart/form-data; boundary=zz" }, '--zz\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"\r\n--zz--\r\n'],
  ];
  for (const [what, headers, body] of bodies) {
    const a = await raw({ method: "POST", path: "/import", headers: { cookie: editor, "next-action": action, origin, ...headers }, body });
    check(`a server action with ${what}: 4xx, not 500`, a.status >= 400 && a.status < 500, `${a.status} ${a.body.slice(0, 100)}`);
  }
  const mpa = await raw({ method: "POST", path: "/import", headers: { cookie: editor, origin, "content-type": "multipart/form-data; boundary=zz" }, body: "garbage" });
  check("a form POST to a page that is garbage: 4xx, not 500", mpa.status >= 400 && mpa.status < 500, String(mpa.status));

  // Bodies before authentication: the answer comes while the upload is stalled, and the server closes the connection.
  const first = Buffer.alloc(64 * 1024, "a");
  const anon = await raw({ method: "POST", path: "/", headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(20 * MB), origin }, stallAfter: first, timeoutMs: 8_000 });
  check("an anonymous 20 MB upload to / is refused with 401 before it is sent, and the connection closed", anon.status === 401 && anon.closed, `${anon.status} closed=${anon.closed} ${anon.error ?? ""}`);
  const anonApi = await raw({ method: "POST", path: "/api/v1/requests", headers: { "content-type": "application/json", "content-length": String(20 * MB) }, stallAfter: first, timeoutMs: 8_000 });
  check("an anonymous 20 MB body to the API: 401 in the error shape at once", anonApi.status === 401 && !apiAnswerProblem("POST", "/api/v1/requests", anonApi), `${anonApi.status} ${anonApi.body.slice(0, 100)}`);
  const viewerImport = await raw({ method: "POST", path: "/import", headers: { cookie: viewer, "next-action": action, origin, "content-type": "multipart/form-data; boundary=x", "content-length": String(5 * MB) }, stallAfter: first, timeoutMs: 8_000 });
  check("a viewer's 5 MB upload to the import: 413 at once (only those who may import get 21 MB)", viewerImport.status === 413, String(viewerImport.status));
  const editorElsewhere = await raw({ method: "POST", path: "/requests/new", headers: { cookie: editor, "next-action": action, origin, "content-type": "text/plain", "content-length": String(2 * MB) }, stallAfter: first, timeoutMs: 8_000 });
  check("an editor's 2 MB body to another page's action: 413 at once", editorElsewhere.status === 413, String(editorElsewhere.status));
  const signInBig = await raw({ method: "POST", path: "/api/auth/callback/credentials", headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(MB) }, stallAfter: first, timeoutMs: 8_000 });
  check("a 1 MB sign-in form: 413 in the error shape", signInBig.status === 413 && /PAYLOAD_TOO_LARGE/.test(signInBig.body), String(signInBig.status));
  const chunks = Array.from({ length: 20 }, (_, i) => `19000\r\n${"c".repeat(0x19000)}\r\n${i === 19 ? "0\r\n\r\n" : ""}`).join("");
  const chunked = await raw({ method: "POST", path: "/requests/new", headers: { cookie: editor, "next-action": action, origin, "content-type": "text/plain", "transfer-encoding": "chunked" }, body: chunks, timeoutMs: 8_000 });
  check("an editor's chunked 2 MB body to an action: cut with 413 (or the connection closed), never a 5xx", chunked.status === 413 || (chunked.status === 0 && chunked.closed), `${chunked.status} ${chunked.error ?? ""}`);

  // The client's address: X-Forwarded-For and X-Real-IP from the client are ignored.
  const spoofed = "203.0.113.77";
  await signIn("admin@demarche.local", { "x-forwarded-for": spoofed, "x-real-ip": spoofed });
  const activity = await fetch(new URL("/admin/activity", base), { headers: { cookie: admin } });
  const html = await activity.text();
  check("a sign-in with a forged X-Forwarded-For is audited with the socket's address, not the forged one", activity.status === 200 && !html.includes(spoofed) && /127\.0\.0\.1/.test(html), String(activity.status));
}

// --- generated requests -----------------------------------------------------

const SEGMENTS = ["", "api", "v1", "concerns", "requests", "transfers", "sources", "actors", "weapon-systems", "import", "signin", "admin", "users", "history", "concern", "1", "2", "999999999", "-1", "new", "edit", "export", "changes", "openapi.json", "lookup", "health", "auth", "csrf", "session", "providers", "_next", "static", "..", ".", "%2e%2e", "index", "api-docs", "map", "countries", "RU"];
const ESCAPES = ["%FF", "%00", "%", "%2", "%E0%A4%A", "%C0%AF", "%ED%A0%80", "%F0%9F%98%80", "%25", "%2F", "%5C", "%0A", "%20", "caf%C3%A9", "%EF%BB%BF", "%u0041"];
const segment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SEGMENTS) },
  { weight: 2, arbitrary: fc.constantFrom(...ESCAPES) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@-]{0,40}$/) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }).map((s) => encodeURIComponent(s).replace(/%2F/g, "/")) },
);
const query = fc.option(
  fc.array(fc.tuple(fc.constantFrom("q", "limit", "cursor", "country", "from", "type", "format", "version", "since", "callbackUrl", "__proto__", "x"), fc.oneof(fc.constantFrom("%FF", "1", "-1", "1e309", "", "RU", "json", "csv", "%", "[]", "{}", "null"), fc.string({ maxLength: 30 }).map(encodeURIComponent))), { maxLength: 4 }).map((pairs) => "?" + pairs.map(([k, v]) => `${k}=${v}`).join("&")),
  { nil: "" },
);
const pathArb = fc.tuple(fc.oneof(fc.constant(["api", "v1"]), fc.constant(["api"]), fc.constant([])), fc.array(segment, { maxLength: 5 }), query).map(([prefix, rest, q]) => "/" + [...prefix, ...rest].join("/") + q);
const methodArb = fc.constantFrom("GET", "GET", "GET", "POST", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "PROPFIND", "TRACE");
const bodyArb = fc.oneof(
  fc.constant(""),
  fc.json({ maxDepth: 3 }),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.constantFrom('["$K1"]', '["$Q1"]', '{"version":"x","data":[]}', '{"__proto__":{"admin":true}}', "\u0000\uFFFF\uD800", "--zz\r\n\r\n--zz--", "csrfToken=x&email=nobody%40example.invalid&password=x"),
  fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a).toString("latin1")),
);
const headerArb = fc.record(
  {
    "content-type": fc.constantFrom("application/json", "text/plain;charset=UTF-8", "multipart/form-data", "multipart/form-data; boundary=zz", "application/x-www-form-urlencoded", "text/x-component", "application/json; charset=utf-16", "garbage/\u00ff"),
    "next-action": fc.oneof(fc.constantFrom("", "x", "0".repeat(42), "40" + "f".repeat(40), "$ACTION"), fc.stringMatching(/^[0-9a-f]{40,44}$/)),
    origin: fc.constantFrom("null", "https://evil.example", base.origin, "http://", "::", base.origin + "/x"),
    authorization: fc.constantFrom("Bearer dmk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "Bearer ", "Basic Zm9vOmJhcg==", "Bearer dmk_\u00ff", "Bearer eyJhbGciOiJub25lIn0.e30."),
    cookie: fc.constantFrom("next-auth.session-token=garbage", "__Secure-next-auth.session-token=eyJ.x.y", "a=b; a=c", "=;=;", "__Secure-next-auth.session-token.0=x; __Secure-next-auth.session-token.1=y"),
    "x-forwarded-for": fc.constantFrom("6.6.6.6", "::1, 1.2.3.4", "garbage", "999.999.999.999", ""),
    "x-forwarded-host": fc.constantFrom("evil.example", "", base.host),
    accept: fc.constantFrom("*/*", "text/x-component", "application/json", "text/html", ""),
    rsc: fc.constantFrom("1", "0"),
    "next-router-state-tree": fc.constantFrom("%5B%22%22%5D", "garbage", "%FF", "[]"),
    "next-router-prefetch": fc.constant("1"),
    range: fc.constantFrom("bytes=0-0", "bytes=-1", "bytes=9999999-", "garbage"),
    "if-none-match": fc.constantFrom('"x"', "*", "W/garbage"),
    "content-encoding": fc.constantFrom("gzip", "br", "deflate", "garbage"),
    "accept-encoding": fc.constantFrom("gzip", "br", "identity;q=0", "*"),
    "x-request-id": fc.constantFrom("short", "a".repeat(200), "ok-request-id-123", "<script>"),
  },
  { requiredKeys: [] },
);
// Most requests look like a client's (so that they reach the app's code), some are hostile in every header.
const plainHeaderArb = fc.record(
  {
    "content-type": fc.constantFrom("application/json", "text/plain;charset=UTF-8", "multipart/form-data; boundary=zz", "application/x-www-form-urlencoded"),
    origin: fc.constant(base.origin),
    accept: fc.constantFrom("*/*", "application/json", "text/html", "text/x-component"),
    "next-action": fc.constantFrom("40" + "f".repeat(40), "00" + "0".repeat(40)),
  },
  { requiredKeys: [] },
);
const headersArb = fc.oneof({ weight: 2, arbitrary: plainHeaderArb }, { weight: 1, arbitrary: headerArb });

async function generated(editor: string) {
  const requests = fc.sample(fc.record({ method: methodArb, path: pathArb, headers: headersArb, body: bodyArb, signedIn: fc.boolean() }), { numRuns: RUNS, seed: SEED });
  const failures: string[] = [];
  let serverErrors = 0;
  let notJson = 0;
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const r = requests[next++]!;
      const headers: Record<string, string> = { ...r.headers };
      if (r.signedIn) headers.cookie = editor;
      const withBody = r.method !== "GET" && r.method !== "HEAD" && r.body !== "";
      const a = await raw({ method: r.method, path: r.path, headers, body: withBody ? Buffer.from(r.body, "latin1") : undefined, timeoutMs: 20_000 });
      const apiProblem = a.status ? apiAnswerProblem(r.method, r.path, a) : null;
      if (isServerError(a)) serverErrors++;
      if (apiProblem) notJson++;
      if ((isServerError(a) || apiProblem) && process.env.HOSTILE_DUMP) fs.appendFileSync(process.env.HOSTILE_DUMP, JSON.stringify({ r: { ...r, body: r.body.slice(0, 200) }, status: a.status, error: a.error, apiProblem, body: a.body.slice(0, 300) }) + "\n");
      if ((isServerError(a) || apiProblem) && failures.length < 8) {
        failures.push(`${r.method} ${r.path} ${JSON.stringify(r.headers).slice(0, 160)} -> ${a.status || a.error} ${apiProblem ?? ""} ${a.body.slice(0, 120)}`);
      }
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: 6 }, worker));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  check(`${requests.length} generated requests (seed ${SEED}, ${seconds} s): no 5xx and none unanswered`, serverErrors === 0, `${serverErrors} of them:\n  ${failures.join("\n  ")}`);
  check(`and every /api answer JSON, errors in the stable shape`, notJson === 0, `${notJson} of them:\n  ${failures.join("\n  ")}`);
}

async function main() {
  const health = await raw({ method: "GET", path: "/api/health" });
  check("GET /api/health answers 200", health.status === 200, String(health.status));
  const editor = await signIn("editor@demarche.local");
  const viewer = await signIn("viewer@demarche.local");
  const admin = await signIn("admin@demarche.local");
  const ids = await importActionIds(editor);
  await fixedCases(editor, viewer, admin, ids[0]);
  await generated(editor);
  const after = await raw({ method: "GET", path: "/api/health" });
  check("the app still answers afterwards", after.status === 200, String(after.status));
  finish("hostile HTTP");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
