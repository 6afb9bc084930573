// What the HTTP server in front of Next.js decides about a request before
// the framework sees it: pure functions over the method, path and headers,
// applied by lib/http/front-door.ts and tested on their own.
//
// Why a gate in front of the framework: Next.js reads a request body (up to
// next.config.js's 21 MB, for the import) before the proxy and the app can
// look at who sent it, keeps a client's X-Forwarded-For, and answers some
// malformed requests (an undecodable path, a broken server action) with a
// 500 before any app code runs. None of that can be changed from inside.
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state.js";
import { MAX_IMPORT_BYTES } from "@/lib/import/limits";
import { can } from "@/lib/permissions";

/** Sign-in, sign-out and next-auth's other endpoints: a form of a few fields. */
export const AUTH_BODY_BYTES = 8 * 1024;
/** The REST API's largest JSON body: MAX_JSON_BYTES of lib/api/http.ts (a test keeps them equal). */
export const API_BODY_BYTES = 1024 * 1024;
/** Server actions and any other body a signed-in user sends: Next.js's own default. */
export const ACTION_BODY_BYTES = 1024 * 1024;
/** The import page's upload: the file and 1 MB for the multipart envelope (next.config.js has the same). */
export const IMPORT_BODY_BYTES = MAX_IMPORT_BYTES + 1024 * 1024;

export const IMPORT_PATH = "/import";
/** Who may send the import page a file: those who may run its actions (lib/import/actions.ts). */
export const IMPORT_PERMISSION = "record:create" as const;

/** Next.js's server action ids: 42 hex digits (an info byte and a hash). */
const ACTION_ID = /^[0-9a-f]{42}$/;
/** API tokens as lib/auth/api-tokens.ts issues them: dmk_ and 43 base64url characters. */
const API_TOKEN = /^Bearer dmk_[A-Za-z0-9_-]{20,200}$/;

export type Headers = Record<string, string | string[] | undefined>;
export type Refusal = { status: number; code: string; message: string; headers?: Record<string, string> };

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

function rawPath(url: string | undefined): string {
  const u = url ?? "/";
  const q = u.indexOf("?");
  return q === -1 ? u : u.slice(0, q);
}

/**
 * The path as the router will see it: dot segments (`/api/%2e%2e/import`
 * is `/import`) and backslashes resolved the way URLs resolve them, so that
 * the rules below apply to the page that will answer.
 */
export function pathOf(url: string | undefined): string {
  const path = rawPath(url);
  if (!path.startsWith("/")) return path;
  try {
    return new URL(path, "http://front-door.invalid").pathname;
  } catch {
    return path;
  }
}

export const isApiPath = (path: string) => path === "/api" || path.startsWith("/api/");

/**
 * An undecodable path (`%FF`, `%E0%A4%A`, a lone `%`) cannot name any page or
 * record; Next.js answers it with a plain-text 500. Refused as 400 instead.
 */
export function pathProblem(url: string | undefined): Refusal | null {
  const path = rawPath(url);
  if (!path.startsWith("/")) return { status: 400, code: "BAD_REQUEST", message: "The request's address is not a path." };
  try {
    decodeURIComponent(path);
  } catch {
    return { status: 400, code: "BAD_REQUEST", message: "The request's address has an invalid percent-encoding." };
  }
  return null;
}

/**
 * Whether Next.js will treat the request as a server action: a POST with a
 * Next-Action header (the client's calls; also under /api/, where an
 * address without a route renders the not-found page, action handling
 * included) or a POST to a page with a form body (a form submitted before
 * the page's script ran).
 */
export function isServerActionRequest(method: string | undefined, path: string, headers: Headers): boolean {
  if (method !== "POST") return false;
  if (headers["next-action"] !== undefined) return true;
  if (isApiPath(path)) return false;
  return hasFormBody(headers);
}

function hasFormBody(headers: Headers): boolean {
  const type = (first(headers["content-type"]) ?? "").toLowerCase();
  return type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
}

/**
 * Next.js's own test (getIsPossibleServerAction): any POST with Next-Action
 * or a form body, the API's paths included. Under /api/ an address without
 * a route renders the not-found page, and that render tries to decode such a
 * body as an action: a 500 when it cannot.
 */
export function isPossibleServerAction(method: string | undefined, headers: Headers): boolean {
  return method === "POST" && (headers["next-action"] !== undefined || hasFormBody(headers));
}

/**
 * A server action request the framework would fail on before the action
 * runs: an Origin that does not parse or names another host (a cross-site
 * request: 403), an action id Next.js never issues, a multipart body without
 * its boundary. A missing Origin is let through, as Next.js does: browsers
 * always send one with a POST, and a hand-made request carries no one
 * else's cookie.
 */
export function serverActionProblem(headers: Headers, host: string | undefined): Refusal | null {
  const origin = first(headers["origin"]);
  if (origin !== undefined) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      // "null" (a sandboxed or opaque origin) and anything else unparsable
    }
    if (!originHost || !host || originHost.toLowerCase() !== host.toLowerCase()) {
      return { status: 403, code: "FORBIDDEN", message: "Cross-origin request refused." };
    }
  }
  const actionId = headers["next-action"];
  if (actionId !== undefined && (typeof actionId !== "string" || !ACTION_ID.test(actionId))) {
    return { status: 400, code: "BAD_REQUEST", message: "The server action's id is not valid." };
  }
  const type = first(headers["content-type"]) ?? "";
  if (/^multipart\/form-data/i.test(type) && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(type)) {
    return { status: 400, code: "BAD_REQUEST", message: "The multipart body has no boundary." };
  }
  return null;
}

/** The host the browser addressed, as Next.js compares it with the Origin (the first X-Forwarded-Host, else Host). */
export function requestHost(headers: Headers): string | undefined {
  const forwarded = first(headers["x-forwarded-host"])?.split(",")[0]?.trim();
  return forwarded || first(headers["host"]);
}

/** Whether the request has a body, and its declared length (null: chunked, counted as it comes). */
export function declaredBody(headers: Headers): { hasBody: boolean; length: number | null } {
  const length = first(headers["content-length"]);
  if (length !== undefined) {
    // Node.js refuses a malformed or repeated Content-Length before this runs.
    const n = Number(length);
    return { hasBody: n > 0, length: n };
  }
  return { hasBody: headers["transfer-encoding"] !== undefined, length: null };
}

export function hasWellFormedApiToken(headers: Headers): boolean {
  const auth = first(headers["authorization"]);
  return auth !== undefined && API_TOKEN.test(auth);
}

export type Caller = {
  /** A session cookie that decodes with the app's secret and has not expired (not yet checked against the database). */
  session: { uid: number; sv: number } | null;
  apiToken: boolean;
};

export type BodyRule =
  | { kind: "refuse"; refusal: Refusal }
  | { kind: "allow"; limit: number }
  /** The limit depends on the signed-in user's role: look it up, then ask `importLimit`. */
  | { kind: "ask-role"; uid: number; sv: number };

const unauthenticated: Refusal = { status: 401, code: "UNAUTHENTICATED", message: "Sign in to continue." };

/**
 * May this caller send this body, and how much of it? Only sign-in takes a
 * body from anyone; everything else needs a session (or, for the API, a
 * token: checked against the database by the API itself). Large bodies only
 * for the import, only for those who may import.
 */
export function bodyRule(method: string | undefined, path: string, headers: Headers, caller: Caller): BodyRule {
  if (path.startsWith("/api/auth/")) return { kind: "allow", limit: AUTH_BODY_BYTES };
  if (path === "/api/v1" || path.startsWith("/api/v1/")) {
    return caller.session || caller.apiToken ? { kind: "allow", limit: API_BODY_BYTES } : { kind: "refuse", refusal: unauthenticated };
  }
  if (!caller.session) return { kind: "refuse", refusal: unauthenticated };
  if (method === "POST" && path === IMPORT_PATH) {
    const { length } = declaredBody(headers);
    // Small enough for anyone signed in: no need to ask the database.
    if (length !== null && length <= ACTION_BODY_BYTES) return { kind: "allow", limit: ACTION_BODY_BYTES };
    return { kind: "ask-role", uid: caller.session.uid, sv: caller.session.sv };
  }
  return { kind: "allow", limit: ACTION_BODY_BYTES };
}

/** The import's limit for a user as the database has them (null: no such active user, or an older session). */
export function importLimit(user: { role: string; active: boolean; sessionVersion: number } | null, sv: number): BodyRule {
  if (!user || !user.active || user.sessionVersion !== sv) return { kind: "refuse", refusal: unauthenticated };
  return { kind: "allow", limit: can(user.role, IMPORT_PERMISSION) ? IMPORT_BODY_BYTES : ACTION_BODY_BYTES };
}

export function tooLarge(limit: number): Refusal {
  return { status: 413, code: "PAYLOAD_TOO_LARGE", message: `The request body is larger than this address accepts (${limit.toLocaleString("en")} bytes).` };
}

const API_ERROR_CODES: Record<number, string> = { 400: "BAD_REQUEST", 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED", 409: "CONFLICT", 413: "PAYLOAD_TOO_LARGE", 500: "INTERNAL" };
const API_ERROR_MESSAGES: Record<number, string> = { 404: "There is nothing at this address.", 405: "This address does not take this method.", 500: "Something went wrong." };

/**
 * The answer to send instead of the one Next.js began, or null to keep it.
 * - A page that failed (500) while the database was unreachable: 503 with
 *   Retry-After; the body is Next.js's, the "database unavailable" page.
 * - A server action that failed (500): every action of the app runs through
 *   lib/actions/run-action.ts, which answers every failure of its own
 *   (validation, permission, database, a bug) as a result and never throws,
 *   so a 500 on an action request is the framework failing to decode it
 *   (a body that is not the format its client writes) before any app code
 *   ran: 400 in the stable shape, or 503 while the database is unreachable.
 * - An error under /api/ that is not JSON (the framework's 404 page for an
 *   address with no route, its empty 405, its plain-text 500): the same
 *   status in the stable error shape; a 500 on a possible action request
 *   there (see isPossibleServerAction) is the not-found render failing to
 *   decode its body: 400. The app's own API errors are JSON and pass as
 *   they are.
 */
export function statusRewrite(
  status: number,
  request: { isApi: boolean; isServerAction: boolean },
  databaseUnavailable: boolean,
  contentType?: string,
): { status: number; retryAfter?: number; replaceBody?: Refusal } | null {
  if (request.isApi) {
    if (status < 400 || /^application\/(problem\+)?json\b/i.test(contentType ?? "")) return null;
    if (status === 500 && request.isServerAction) {
      return { status: 400, replaceBody: { status: 400, code: "BAD_REQUEST", message: "The request's body cannot be read." } };
    }
    const message = API_ERROR_MESSAGES[status] ?? "The request cannot be answered.";
    return { status, replaceBody: { status, code: API_ERROR_CODES[status] ?? (status >= 500 ? "INTERNAL" : "BAD_REQUEST"), message } };
  }
  if (status !== 500) return null;
  if (request.isServerAction) {
    if (databaseUnavailable) {
      return { status: 503, retryAfter: 5, replaceBody: { status: 503, code: "DATABASE_UNAVAILABLE", message: "The database is unavailable at the moment. Nothing was changed; try again in a few seconds." } };
    }
    return { status: 400, replaceBody: { status: 400, code: "BAD_REQUEST", message: "The server action request is malformed." } };
  }
  if (databaseUnavailable) return { status: 503, retryAfter: 5 };
  return null;
}

/** As next-auth's own check (isValidHttpUrl in next-auth/core/lib/assert.js): a path, or an http(s) URL. */
function isValidCallbackUrl(value: string): boolean {
  try {
    return /^https?:/.test(new URL(value, value.startsWith("/") ? "http://front-door.invalid" : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * next-auth answers a callbackUrl (query parameter or cookie) that is not
 * a path or an http(s) URL with a 500 ("server configuration"): refused
 * here as 400 instead, for its endpoints.
 */
export function authCallbackProblem(url: string | undefined, cookies: Record<string, string>): Refusal | null {
  const q = (url ?? "").indexOf("?");
  const fromQuery = q === -1 ? null : new URLSearchParams((url ?? "").slice(q + 1)).get("callbackUrl");
  const fromCookie = cookies["__Secure-next-auth.callback-url"] ?? cookies["next-auth.callback-url"];
  for (const value of [fromQuery, fromCookie === undefined ? null : safeDecode(fromCookie)]) {
    if (value && !isValidCallbackUrl(value)) return { status: 400, code: "BAD_REQUEST", message: "The callback address is not valid." };
  }
  return null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** HTTP methods the app answers; anything else (TRACE, PROPFIND, made-up ones) fails inside the framework. */
export const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export function methodProblem(method: string | undefined): Refusal | null {
  if (method && METHODS.includes(method)) return null;
  return { status: 405, code: "METHOD_NOT_ALLOWED", message: "This method is not supported.", headers: { allow: METHODS.join(", ") } };
}

/**
 * The client router's state header, checked with the framework's own
 * validator: Next.js answers a malformed one on some routes (a missing
 * page, an /api path) with a 500.
 */
export function routerStateProblem(headers: Headers): Refusal | null {
  const value = headers["next-router-state-tree"];
  if (value === undefined) return null;
  try {
    parseAndValidateFlightRouterState(value);
    return null;
  } catch {
    return { status: 400, code: "BAD_REQUEST", message: "The router state header is not valid." };
  }
}

/** A refusal as it is sent: the stable JSON error shape for the API and server actions, a small plain page otherwise. */
export function refusalResponse(refusal: Refusal, asJson: boolean, requestId: string): { status: number; headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = { "cache-control": "no-store", "x-request-id": requestId, ...refusal.headers };
  if (asJson) {
    headers["content-type"] = "application/json";
    return { status: refusal.status, headers, body: JSON.stringify({ error: { code: refusal.code, message: refusal.message, fields: {} } }) };
  }
  headers["content-type"] = "text/plain; charset=utf-8";
  headers["x-content-type-options"] = "nosniff";
  return { status: refusal.status, headers, body: `${refusal.message}\n\nRequest id: ${requestId}\n` };
}

/**
 * What to answer a request Node's HTTP parser could not read (a malformed
 * request line or header, headers too large, too slow): the status Node
 * would send, with a body in the stable error shape (the path, and so
 * whether it was for the API, is not known).
 */
export function clientErrorResponse(errorCode: string | undefined): string {
  const [status, reason, message] =
    errorCode === "HPE_HEADER_OVERFLOW"
      ? [431, "Request Header Fields Too Large", "The request's headers are too large."]
      : errorCode === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "Request Timeout", "The request took too long to arrive."]
        : [400, "Bad Request", "The request is not valid HTTP."];
  const body = JSON.stringify({ error: { code: status === 400 ? "BAD_REQUEST" : status === 408 ? "REQUEST_TIMEOUT" : "HEADERS_TOO_LARGE", message, fields: {} } });
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`;
}
