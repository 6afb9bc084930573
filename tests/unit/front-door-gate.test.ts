// The front door's decisions (lib/http/gate.ts): which requests may send a
// body and how much, which paths and server action requests are refused
// before Next.js sees them, and which of Next.js's statuses are rewritten.
import { describe, expect, it } from "vitest";
import {
  authCallbackProblem,
  ACTION_BODY_BYTES,
  API_BODY_BYTES,
  AUTH_BODY_BYTES,
  bodyRule,
  declaredBody,
  hasWellFormedApiToken,
  IMPORT_BODY_BYTES,
  importLimit,
  isServerActionRequest,
  methodProblem,
  pathOf,
  pathProblem,
  routerStateProblem,
  refusalResponse,
  requestHost,
  serverActionProblem,
  statusRewrite,
  type Caller,
} from "@/lib/http/gate";
import { MAX_JSON_BYTES } from "@/lib/api/http";
import { MAX_IMPORT_BYTES } from "@/lib/import/limits";

const anonymous: Caller = { session: null, apiToken: false };
const signedIn: Caller = { session: { uid: 7, sv: 2 }, apiToken: false };
const withToken: Caller = { session: null, apiToken: true };
const big = { "content-length": String(20 * 1024 * 1024) };
const ACTION = "40" + "ab".repeat(20);

describe("bodyRule: bodies before authentication", () => {
  it("an anonymous body to a page or an action is refused (401), whatever its size", () => {
    for (const path of ["/", "/concerns/1", "/import", "/api/lookup"]) {
      expect(bodyRule("POST", path, big, anonymous)).toEqual({ kind: "refuse", refusal: expect.objectContaining({ status: 401, code: "UNAUTHENTICATED" }) });
      expect(bodyRule("POST", path, { "content-length": "10" }, anonymous).kind).toBe("refuse");
    }
  });

  it("sign-in takes a small body from anyone", () => {
    expect(bodyRule("POST", "/api/auth/callback/credentials", {}, anonymous)).toEqual({ kind: "allow", limit: AUTH_BODY_BYTES });
    expect(AUTH_BODY_BYTES).toBeLessThanOrEqual(16 * 1024);
  });

  it("the API takes 1 MB with a session or a well-formed token, else 401", () => {
    expect(bodyRule("POST", "/api/v1/requests", {}, withToken)).toEqual({ kind: "allow", limit: API_BODY_BYTES });
    expect(bodyRule("PUT", "/api/v1/requests/3", {}, signedIn)).toEqual({ kind: "allow", limit: API_BODY_BYTES });
    expect(bodyRule("POST", "/api/v1/requests", {}, anonymous).kind).toBe("refuse");
    expect(API_BODY_BYTES).toBe(MAX_JSON_BYTES);
  });

  it("a signed-in user's action gets 1 MB; only the import asks for the role", () => {
    expect(bodyRule("POST", "/concerns/1", { "next-action": ACTION }, signedIn)).toEqual({ kind: "allow", limit: ACTION_BODY_BYTES });
    expect(bodyRule("POST", "/import", { "content-length": "1000" }, signedIn)).toEqual({ kind: "allow", limit: ACTION_BODY_BYTES });
    expect(bodyRule("POST", "/import", big, signedIn)).toEqual({ kind: "ask-role", uid: 7, sv: 2 });
    // Chunked: the size is unknown, so the role decides.
    expect(bodyRule("POST", "/import", { "transfer-encoding": "chunked" }, signedIn)).toEqual({ kind: "ask-role", uid: 7, sv: 2 });
    // 20 MB elsewhere is never more than 1 MB.
    expect(bodyRule("POST", "/requests/new", big, signedIn)).toEqual({ kind: "allow", limit: ACTION_BODY_BYTES });
  });

  it("the import's 21 MB only for an active user, in this session, whose role may import", () => {
    expect(IMPORT_BODY_BYTES).toBe(MAX_IMPORT_BYTES + 1024 * 1024);
    expect(importLimit({ role: "EDITOR", active: true, sessionVersion: 2 }, 2)).toEqual({ kind: "allow", limit: IMPORT_BODY_BYTES });
    expect(importLimit({ role: "ANALYST", active: true, sessionVersion: 2 }, 2)).toEqual({ kind: "allow", limit: IMPORT_BODY_BYTES });
    expect(importLimit({ role: "VIEWER", active: true, sessionVersion: 2 }, 2)).toEqual({ kind: "allow", limit: ACTION_BODY_BYTES });
    expect(importLimit({ role: "EDITOR", active: false, sessionVersion: 2 }, 2).kind).toBe("refuse");
    expect(importLimit({ role: "EDITOR", active: true, sessionVersion: 3 }, 2).kind).toBe("refuse");
    expect(importLimit(null, 2).kind).toBe("refuse");
  });
});

describe("pathOf", () => {
  it("resolves dot segments as the router does, so that no rule is dodged through another prefix", () => {
    expect(pathOf("/api/%2e%2e/import?x=1")).toBe("/import");
    expect(pathOf("/api/auth/../../import")).toBe("/import");
    expect(pathOf("/api/v1/./requests")).toBe("/api/v1/requests");
    expect(bodyRule("POST", pathOf("/api/auth/%2E%2E/%2E%2E/import"), big, anonymous).kind).toBe("refuse");
  });
});

describe("declaredBody and tokens", () => {
  it("reads Content-Length and chunked bodies", () => {
    expect(declaredBody({})).toEqual({ hasBody: false, length: null });
    expect(declaredBody({ "content-length": "0" })).toEqual({ hasBody: false, length: 0 });
    expect(declaredBody({ "content-length": "12" })).toEqual({ hasBody: true, length: 12 });
    expect(declaredBody({ "transfer-encoding": "chunked" })).toEqual({ hasBody: true, length: null });
  });

  it("a token must look like one of ours", () => {
    expect(hasWellFormedApiToken({ authorization: `Bearer dmk_${"A".repeat(43)}` })).toBe(true);
    for (const v of ["Bearer xyz", "Bearer dmk_", "Basic dmk_aaaaaaaaaaaaaaaaaaaaaaaa", `Bearer dmk_${"a".repeat(20)}<script>`]) {
      expect(hasWellFormedApiToken({ authorization: v })).toBe(false);
    }
  });
});

describe("pathProblem: undecodable paths", () => {
  it.each(["/api/v1/concerns/%FF", "/%E0%A4%A", "/concerns/%", "/a%C0%AFb", "/%ED%A0%80"])("%s is refused with 400", (url) => {
    expect(pathProblem(url)).toMatchObject({ status: 400, code: "BAD_REQUEST" });
  });
  it.each(["/", "/concerns/1", "/search?q=%FF", "/actors/caf%C3%A9", "/api/v1/requests?country=RU"])("%s is let through", (url) => {
    expect(pathProblem(url)).toBeNull();
  });
  it("an absolute-form or asterisk target is not a path", () => {
    expect(pathProblem("*")?.status).toBe(400);
    expect(pathProblem("http://evil.example/")?.status).toBe(400);
  });
});

describe("methods and the router state header", () => {
  it("methods the app does not answer: 405 with Allow", () => {
    for (const m of ["TRACE", "PROPFIND", "CONNECT", "FOO"]) expect(methodProblem(m)).toMatchObject({ status: 405, headers: { allow: expect.stringContaining("GET") } });
    for (const m of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) expect(methodProblem(m)).toBeNull();
  });

  it("a router state header the framework cannot parse: 400", () => {
    for (const v of ["garbage", "[]", "%FF", "%5B%5D", '["",{"children":1}]']) expect(routerStateProblem({ "next-router-state-tree": v })).toMatchObject({ status: 400 });
    expect(routerStateProblem({ "next-router-state-tree": encodeURIComponent('["",{"children":["__PAGE__",{}]}]') })).toBeNull();
    expect(routerStateProblem({})).toBeNull();
  });
});

describe("next-auth's callback address", () => {
  it("a callbackUrl that is not a path or an http(s) URL is refused (next-auth answers it with a 500)", () => {
    expect(authCallbackProblem("/api/auth/session?callbackUrl=%5EZWMc", {})).toMatchObject({ status: 400 });
    expect(authCallbackProblem("/api/auth/signin", { "next-auth.callback-url": "javascript:alert(1)" })).toMatchObject({ status: 400 });
    expect(authCallbackProblem("/api/auth/signin?callbackUrl=%2Fconcerns%2F1", { "__Secure-next-auth.callback-url": "http%3A%2F%2Flocalhost%3A3000" })).toBeNull();
    expect(authCallbackProblem("/api/auth/csrf", {})).toBeNull();
  });
});

describe("server action requests", () => {
  it("are POSTs to pages with Next-Action or a form body", () => {
    expect(isServerActionRequest("POST", "/import", { "next-action": ACTION })).toBe(true);
    expect(isServerActionRequest("POST", "/import", { "content-type": "multipart/form-data; boundary=x" })).toBe(true);
    // Under /api/ too: an address without a route renders the not-found page, action handling included.
    expect(isServerActionRequest("POST", "/api/v1/nothing-here", { "next-action": ACTION })).toBe(true);
    expect(isServerActionRequest("POST", "/api/v1/requests", { "content-type": "multipart/form-data; boundary=x" })).toBe(false);
    expect(isServerActionRequest("GET", "/import", { "next-action": ACTION })).toBe(false);
  });

  it("from another origin, or an origin that does not parse: 403", () => {
    for (const origin of ["https://evil.example", "null", "::bad", "http://localhost:3000.evil.example"]) {
      expect(serverActionProblem({ origin, "next-action": ACTION }, "localhost:3000")).toMatchObject({ status: 403, code: "FORBIDDEN" });
    }
    expect(serverActionProblem({ origin: "http://localhost:3000", "next-action": ACTION }, "localhost:3000")).toBeNull();
    // Without an Origin (not a browser), as Next.js allows.
    expect(serverActionProblem({ "next-action": ACTION }, "localhost:3000")).toBeNull();
  });

  it("a malformed action id or a multipart body without boundary: 400", () => {
    for (const id of ["x", "", ACTION.toUpperCase(), ACTION + "0", "../../etc"]) {
      expect(serverActionProblem({ "next-action": id }, "h")).toMatchObject({ status: 400 });
    }
    expect(serverActionProblem({ "next-action": ACTION, "content-type": "multipart/form-data" }, "h")).toMatchObject({ status: 400 });
    expect(serverActionProblem({ "next-action": ACTION, "content-type": "multipart/form-data; boundary=----x" }, "h")).toBeNull();
  });

  it("the host compared is the first X-Forwarded-Host (kept only from trusted proxies), else Host", () => {
    expect(requestHost({ host: "a:1" })).toBe("a:1");
    expect(requestHost({ host: "a:1", "x-forwarded-host": "public.example, a:1" })).toBe("public.example");
  });
});

describe("statusRewrite: Next.js's 500s", () => {
  const page = { isApi: false, isServerAction: false };
  const api = { isApi: true, isServerAction: false };
  const action = { isApi: false, isServerAction: true };

  it("a page's 500 while the database is unreachable is 503 with Retry-After, Next.js's page kept", () => {
    expect(statusRewrite(500, page, true)).toEqual({ status: 503, retryAfter: 5 });
    expect(statusRewrite(500, page, false)).toBeNull();
    expect(statusRewrite(200, page, true)).toBeNull();
    expect(statusRewrite(404, page, true)).toBeNull();
  });

  it("the API's own JSON answers pass; the framework's non-JSON errors under /api get the stable shape", () => {
    expect(statusRewrite(500, api, true, "application/json")).toBeNull();
    expect(statusRewrite(422, api, false, "application/json; charset=utf-8")).toBeNull();
    expect(statusRewrite(200, api, false, "text/csv")).toBeNull();
    expect(statusRewrite(404, api, false, "text/html; charset=utf-8")).toMatchObject({ status: 404, replaceBody: { code: "NOT_FOUND" } });
    expect(statusRewrite(405, api, false, undefined)).toMatchObject({ status: 405, replaceBody: { code: "METHOD_NOT_ALLOWED" } });
    expect(statusRewrite(500, api, false, "text/plain")).toMatchObject({ status: 500, replaceBody: { code: "INTERNAL" } });
    // A form body POSTed to an /api address without a route: the not-found render cannot decode it.
    expect(statusRewrite(500, { isApi: true, isServerAction: true }, false, "text/plain")).toMatchObject({ status: 400, replaceBody: { code: "BAD_REQUEST" } });
  });

  it("a server action's 500 is a malformed request (400), or 503 while the database is unreachable", () => {
    expect(statusRewrite(500, action, false)).toMatchObject({ status: 400, replaceBody: { code: "BAD_REQUEST" } });
    expect(statusRewrite(500, action, true)).toMatchObject({ status: 503, retryAfter: 5, replaceBody: { code: "DATABASE_UNAVAILABLE" } });
    expect(statusRewrite(200, action, false)).toBeNull();
  });
});

describe("refusalResponse", () => {
  it("the stable error shape for JSON, a small plain page otherwise, both with the request id", () => {
    const json = refusalResponse({ status: 413, code: "PAYLOAD_TOO_LARGE", message: "Too big." }, true, "req-12345678");
    expect(JSON.parse(json.body)).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: "Too big.", fields: {} } });
    expect(json.headers).toMatchObject({ "content-type": "application/json", "x-request-id": "req-12345678" });
    const page = refusalResponse({ status: 400, code: "BAD_REQUEST", message: "Bad address." }, false, "req-12345678");
    expect(page.headers["content-type"]).toMatch(/^text\/plain/);
    expect(page.body).toContain("req-12345678");
  });
});
