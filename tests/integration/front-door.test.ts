// The front door (lib/http/front-door.ts) on a real HTTP server on a
// loopback port, with a stand-in for Next.js that reads every body it is
// given and reports what it saw. Sessions are real next-auth cookies;
// roles come from a real database. What it proves: a body from a caller
// without a session is refused before it is read and the connection closed;
// size limits by path and role, on declared and chunked bodies; the client
// address is the socket's (unless a trusted proxy is configured); framework
// 500s become 503 (pages, database down) and 400 (server actions).
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import net, { type AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lookupUser, readSessionCookie } from "@/lib/http/caller";
import { trustedProxies, TRUST_NOBODY, type TrustedProxies } from "@/lib/http/client-address";
import { createFrontDoor } from "@/lib/http/front-door";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";

const ctx = withMigratedDatabase("front_door");
const SECRET = process.env.NEXTAUTH_SECRET!;
const COOKIE = "next-auth.session-token";
const ACTION = "40" + "ab".repeat(20);
const MB = 1024 * 1024;

type Seen = { url: string; bytes: number; complete: boolean; headers: IncomingMessage["headers"] };

let pool: pg.Pool;
let dbDown = false;
const seen: Seen[] = [];

/** Stands in for Next.js: reads the whole body, then answers what it saw (or a 500 page, for /fail). */
function fakeNext(req: IncomingMessage, res: ServerResponse) {
  return new Promise<void>((resolve) => {
    let bytes = 0;
    const record = (complete: boolean) => seen.push({ url: req.url ?? "", bytes, complete, headers: { ...req.headers } });
    req.on("data", (chunk: Buffer) => (bytes += chunk.length));
    req.on("error", () => (record(false), resolve()));
    req.on("end", () => {
      record(true);
      if (req.url?.includes("fail")) {
        res.statusCode = 500;
        res.setHeader("content-type", "text/html");
        res.end("<html>the framework's error page</html>");
      } else {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ bytes, xff: req.headers["x-forwarded-for"], realIp: req.headers["x-real-ip"], host: req.headers["x-forwarded-host"] ?? null }));
      }
      resolve();
    });
  });
}

async function startServer(trusted: TrustedProxies): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer(
    createFrontDoor({
      handle: fakeNext,
      trustedProxies: trusted,
      databaseUnavailable: () => dbDown,
      readSession: (cookie) => readSessionCookie(cookie, { secret: SECRET, secureCookie: false }),
      lookupUser: (uid) => lookupUser(pool, uid),
    }),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

let plain: { port: number; close: () => Promise<void> };
let behindProxy: { port: number; close: () => Promise<void> };
const cookies: Record<"editor" | "viewer" | "stale", string> = { editor: "", viewer: "", stale: "" };

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: ctx.url, max: 2 });
  const editor = await makeUser(ctx.db, "EDITOR");
  const viewer = await makeUser(ctx.db, "VIEWER");
  const token = async (uid: number, sv: number) => `${COOKIE}=${await encode({ token: { uid, sv, sub: String(uid) }, secret: SECRET })}`;
  cookies.editor = await token(editor.id, editor.sessionVersion);
  cookies.viewer = await token(viewer.id, viewer.sessionVersion);
  cookies.stale = await token(editor.id, editor.sessionVersion + 1);
  plain = await startServer(TRUST_NOBODY);
  behindProxy = await startServer(trustedProxies(["127.0.0.1"]));
});

afterAll(async () => {
  await plain?.close();
  await behindProxy?.close();
  await pool?.end();
});

type Answer = { status: number; headers: IncomingMessage["headers"]; body: string };

/** One request; the body (if any) is sent whole, or not at all when `declare` is given without it. */
function request(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string; chunks?: Buffer[]; localAddress?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method: options.method ?? "GET", path: options.path, headers: options.headers, localAddress: options.localAddress, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    if (options.chunks) {
      for (const c of options.chunks) req.write(c);
      req.end();
    } else req.end(options.body);
  });
}

/** Headers with a large Content-Length and a first chunk, then nothing: what the server answers, and whether it closes the connection. */
function stalledUpload(port: number, path: string, headers: Record<string, string>, declared = 20 * MB): Promise<{ status: number; body: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    let text = "";
    const timer = setTimeout(() => (socket.destroy(), resolve({ status: 0, body: text, closed: false })), 5_000);
    socket.on("data", (c) => (text += c.toString("latin1")));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearTimeout(timer);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf("\r\n\r\n") + 4), closed: true });
    });
    socket.once("connect", () => {
      const lines = Object.entries({ host: `127.0.0.1:${port}`, "content-length": String(declared), ...headers }).map(([k, v]) => `${k}: ${v}\r\n`);
      socket.write(`POST ${path} HTTP/1.1\r\n${lines.join("")}\r\n`);
      socket.write(Buffer.alloc(64 * 1024, "a"));
    });
  });
}

const reached = (path: string) => seen.filter((s) => s.url === path);

describe("bodies before authentication", () => {
  it("an anonymous upload to a page is refused (401) before it is read, and the connection closed", async () => {
    const answer = await stalledUpload(plain.port, "/?anon-page", { "content-type": "multipart/form-data; boundary=x", origin: `http://127.0.0.1:${plain.port}` });
    expect(answer).toMatchObject({ status: 401, closed: true });
    expect(answer.body).toContain("Request id: ");
    expect(reached("/?anon-page")).toHaveLength(0);
  });

  it("an anonymous body to the API: 401 in the stable error shape", async () => {
    const answer = await stalledUpload(plain.port, "/api/v1/requests", { "content-type": "application/json" });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: "UNAUTHENTICATED", message: "Sign in to continue.", fields: {} } });
  });

  it("a forged or stale session cookie is no session", async () => {
    const forged = await stalledUpload(plain.port, "/?forged", { cookie: `${COOKIE}=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.x.y.z.w` });
    expect(forged.status).toBe(401);
    // The stale one decodes (its version is the database's to check), but cannot get the import's limit.
    const stale = await stalledUpload(plain.port, "/import", { cookie: cookies.stale, "next-action": ACTION });
    expect(stale.status).toBe(401);
  });

  it("sign-in takes a small body from anyone, but not 20 MB", async () => {
    const ok = await request(plain.port, { method: "POST", path: "/api/auth/callback/credentials", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "email=a%40b.c&password=x" });
    expect(ok.status).toBe(200);
    const big = await stalledUpload(plain.port, "/api/auth/callback/credentials", {});
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("an API token that is not even well-formed gets no body through", async () => {
    const answer = await stalledUpload(plain.port, "/api/v1/requests", { authorization: "Bearer nope" }, 1000);
    expect(answer.status).toBe(401);
    const wellFormed = await request(plain.port, { method: "POST", path: "/api/v1/requests", headers: { authorization: `Bearer dmk_${"A".repeat(43)}` }, body: "{}" });
    expect(wellFormed.status).toBe(200); // on to the API, which checks the token itself
  });
});

describe("limits by path and role", () => {
  it("a declared body over the limit is refused at once (413), unread", async () => {
    const viewer = await stalledUpload(plain.port, "/import", { cookie: cookies.viewer, "next-action": ACTION, origin: `http://127.0.0.1:${plain.port}` }, 5 * MB);
    expect(viewer).toMatchObject({ status: 413, closed: true });
    const elsewhere = await stalledUpload(plain.port, "/requests/new", { cookie: cookies.editor, "next-action": ACTION }, 2 * MB);
    expect(elsewhere.status).toBe(413);
    expect(reached("/import")).toHaveLength(0);
  });

  it("an editor's 5 MB file reaches the import whole", async () => {
    const body = Buffer.alloc(5 * MB, "b");
    const answer = await request(plain.port, { method: "POST", path: "/import?editor", headers: { cookie: cookies.editor, "next-action": ACTION, "content-type": "text/plain" }, body });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).bytes).toBe(5 * MB);
  });

  it("a chunked body is counted as it comes and cut at the limit", async () => {
    const chunks = Array.from({ length: 24 }, () => Buffer.alloc(100 * 1024, "c")); // 2.4 MB, no Content-Length
    const answer = await request(plain.port, { method: "POST", path: "/concerns/1?chunked", headers: { cookie: cookies.editor, "next-action": ACTION, "transfer-encoding": "chunked" }, chunks }).catch((e: Error) => ({ status: -1, headers: {}, body: e.message }));
    expect([413, -1]).toContain(answer.status); // the answer, or a reset while the client is still sending
    await new Promise((r) => setTimeout(r, 200));
    const got = reached("/concerns/1?chunked");
    // The stand-in never saw a complete body, and never more than the limit.
    expect(got.every((s) => !s.complete && s.bytes <= MB)).toBe(true);
    const small = await request(plain.port, { method: "POST", path: "/concerns/1?small", headers: { cookie: cookies.editor, "next-action": ACTION, "transfer-encoding": "chunked" }, chunks: [Buffer.alloc(1000)] });
    expect(JSON.parse(small.body).bytes).toBe(1000);
  });
});

describe("the client's address", () => {
  it("is the socket's: a client's X-Forwarded-For and X-Real-IP are replaced", async () => {
    for (const [local, expected] of [["127.0.0.1", "127.0.0.1"], ["127.0.0.2", "127.0.0.2"]] as const) {
      const answer = await request(plain.port, { path: "/who", localAddress: local, headers: { "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7", "x-forwarded-host": "evil.example" } });
      expect(JSON.parse(answer.body)).toEqual({ bytes: 0, xff: expected, realIp: expected, host: null });
    }
  });

  it("behind a trusted proxy: the address the proxy appended", async () => {
    const answer = await request(behindProxy.port, { path: "/who", headers: { "x-forwarded-for": "6.6.6.6, 203.0.113.5", "x-forwarded-host": "public.example" } });
    expect(JSON.parse(answer.body)).toEqual({ bytes: 0, xff: "203.0.113.5", realIp: "203.0.113.5", host: "public.example" });
    // A peer that is not the proxy is not believed, even there.
    const other = await request(behindProxy.port, { path: "/who", localAddress: "127.0.0.2", headers: { "x-forwarded-for": "6.6.6.6" } });
    expect(JSON.parse(other.body).xff).toBe("127.0.0.2");
  });
});

describe("requests the framework would fail on", () => {
  it("an undecodable path: 400 in the stable shape for the API, a plain page otherwise", async () => {
    const api = await request(plain.port, { path: "/api/v1/concerns/%FF" });
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body).error.code).toBe("BAD_REQUEST");
    const page = await request(plain.port, { path: "/concerns/%E0%A4%A" });
    expect(page.status).toBe(400);
    expect(page.headers["content-type"]).toMatch(/^text\/plain/);
  });

  it("a cross-origin server action: 403; a malformed action id: 400; neither reaches the framework", async () => {
    const cross = await request(plain.port, { method: "POST", path: "/x-cross", headers: { cookie: cookies.editor, "next-action": ACTION, origin: "https://evil.example" }, body: "[]" });
    expect(cross.status).toBe(403);
    expect(JSON.parse(cross.body).error.code).toBe("FORBIDDEN");
    const badId = await request(plain.port, { method: "POST", path: "/x-bad-id", headers: { cookie: cookies.editor, "next-action": "not-an-id" }, body: "[]" });
    expect(badId.status).toBe(400);
    expect(reached("/x-cross").length + reached("/x-bad-id").length).toBe(0);
  });

  it("a server action the framework answers with 500: 400 in the stable shape (503 while the database is down)", async () => {
    const answer = await request(plain.port, { method: "POST", path: "/fail-action", headers: { cookie: cookies.editor, "next-action": ACTION }, body: "not flight" });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.code).toBe("BAD_REQUEST");
    dbDown = true;
    try {
      const down = await request(plain.port, { method: "POST", path: "/fail-action", headers: { cookie: cookies.editor, "next-action": ACTION }, body: "[]" });
      expect(down.status).toBe(503);
      expect(down.headers["retry-after"]).toBe("5");
    } finally {
      dbDown = false;
    }
  });

  it("a page's 500 while the database is unreachable: 503 with Retry-After and the framework's page", async () => {
    dbDown = true;
    try {
      const down = await request(plain.port, { path: "/fail-page" });
      expect(down.status).toBe(503);
      expect(down.headers["retry-after"]).toBe("5");
      expect(down.body).toContain("the framework's error page");
      // The API answers its 503s for itself; a framework error under /api is put in the stable shape.
      const api = await request(plain.port, { path: "/api/v1/fail" });
      expect(api.status).toBe(500);
      expect(JSON.parse(api.body).error.code).toBe("INTERNAL");
    } finally {
      dbDown = false;
    }
    const up = await request(plain.port, { path: "/fail-page" });
    expect(up.status).toBe(500);
  });
});
