import "server-only";
// The one path of every /api/v1 request: who is asking (a bearer token or the
// session cookie), within their rate, may they (a read-only token may only
// read; every record rule is the record service's own), then the handler;
// every failure as { "error": { "code", "message", "fields" } } with its
// HTTP status. Unexpected errors are logged with a reference and answered
// 500 without their message.
import { randomUUID } from "node:crypto";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { z } from "zod";
import { clientIp } from "@/lib/auth/client-ip";
import { getSessionUser, type SessionUser } from "@/lib/auth/current-user";
import { authenticateToken } from "@/lib/auth/api-tokens";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { ConflictDetails } from "@/lib/records/conflict";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { AppError, ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import type { ApiTokenScope } from "@/lib/generated/prisma/enums";

export type ApiPrincipal = {
  user: SessionUser;
  /** Null when the request came with the session cookie. */
  token: { id: number; name: string; scope: ApiTokenScope } | null;
  ip: string | null;
};

/** `details` only on a 409 for an edit of a record changed meanwhile (lib/records/conflict.ts). */
export type ApiErrorBody = { error: { code: string; message: string; fields: Record<string, string[]>; details?: ConflictDetails } };

/** Largest JSON body accepted (imports have their own, larger, limit). */
export const MAX_JSON_BYTES = 1024 * 1024;

export class ApiError extends AppError {}

export class BadRequestError extends ApiError {
  constructor(message: string, fields?: Record<string, string[]>) {
    super(message, 400, "BAD_REQUEST", fields);
  }
}

/** A body larger than MAX_JSON_BYTES: the same status and code as the front door's (lib/http/gate.ts, tooLarge). */
export class PayloadTooLargeError extends ApiError {
  constructor() {
    super(`The request body is larger than this address accepts (${MAX_JSON_BYTES.toLocaleString("en")} bytes).`, 413, "PAYLOAD_TOO_LARGE");
  }
}

/**
 * The one answer to query parameters or body fields an operation does not
 * take, whichever operation: 400 BAD_REQUEST, a message naming them, and one
 * message per name in `fields` (`hints` may say what to do instead). A
 * misspelt filter or field would otherwise be ignored (the client would get
 * more than it asked for, or lose what it meant to write), or be refused
 * with another status by each operation in its own words.
 */
export function refuseUnknown(where: "query" | "body", names: Iterable<string>, known: Iterable<string>, hints: Record<string, string> = {}): void {
  const allowed = new Set(known);
  const unknown = [...new Set(names)].filter((k) => !allowed.has(k));
  if (!unknown.length) return;
  const what = where === "query" ? "query parameter" : "field";
  const accepted = [...allowed];
  throw new BadRequestError(
    `Unknown ${what}${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. ${accepted.length ? `This operation takes: ${accepted.join(", ")}.` : `This operation takes no ${what}s.`}`,
    // Own hints only: a parameter named "constructor" is not Object's.
    Object.fromEntries(unknown.map((k) => [k, [Object.hasOwn(hints, k) ? hints[k]! : `Unknown ${what}.`]])),
  );
}

/** refuseUnknown for the query string of a request's URL. */
export function refuseUnknownQuery(url: URL, known: Iterable<string>, hints?: Record<string, string>): void {
  refuseUnknown("query", url.searchParams.keys(), known, hints);
}

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function errorBody(code: string, message: string, fields: Record<string, string[]> = {}): ApiErrorBody {
  return { error: { code, message, fields } };
}

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** An error as the API answers it. Validation failures of a well-formed request are 422. */
export function errorResponse(error: unknown): Response {
  if (!(error instanceof AppError) && isDatabaseUnavailable(error)) {
    void log("warn", "API request: database unavailable", { err: error });
    const e = new DatabaseUnavailableError();
    return json(errorBody(e.code, e.message), 503, { "Retry-After": "5" });
  }
  if (error instanceof AppError) {
    const status = error.code === "VALIDATION" ? 422 : error.status;
    const headers: Record<string, string> = {};
    if (error.status === 429 && "retryAfterSeconds" in error) headers["Retry-After"] = String(error.retryAfterSeconds);
    // The database's own error (DatabaseUnavailableError, thrown where it is detected) says when to come back, as the one above does.
    if (error.status === 503) headers["Retry-After"] = "5";
    const body = errorBody(error.code, error.message, error.fieldErrors ?? {});
    // Only a record's edit conflict carries details (lib/records/service.ts, conflict).
    if (error.details !== undefined) body.error.details = error.details as ConflictDetails;
    return json(body, status, headers);
  }
  const reference = randomUUID().slice(0, 8);
  void log("error", "API request failed", { reference, err: error });
  return json(errorBody("INTERNAL", `Something went wrong (reference ${reference}).`), 500);
}

class ApiRateLimitedError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests: at most ${env.API_RATE_LIMIT_PER_MINUTE} a minute. Try again in ${retryAfterSeconds} s.`, 429, "RATE_LIMITED");
  }
}

const limiter = globalThis as unknown as { demarcheApiLimiter?: { points: number; limiter: RateLimiterMemory } };

function rateLimiter(): RateLimiterMemory {
  const points = env.API_RATE_LIMIT_PER_MINUTE;
  if (!limiter.demarcheApiLimiter || limiter.demarcheApiLimiter.points !== points) {
    limiter.demarcheApiLimiter = { points, limiter: new RateLimiterMemory({ points, duration: 60 }) };
  }
  return limiter.demarcheApiLimiter.limiter;
}

async function withinRate(principal: ApiPrincipal): Promise<void> {
  const key = principal.token ? `token:${principal.token.id}` : `user:${principal.user.id}`;
  try {
    await rateLimiter().consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw new ApiRateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    throw rejection;
  }
}

/**
 * A change made with the session cookie must come from this site: a browser
 * sends the cookie to any site's form or script (CSRF). A token is never sent
 * on its own, so requests with one need no such check.
 */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Who is asking: the bearer token when there is an Authorization header (never the cookie then), else the session. */
export async function authenticate(request: Request): Promise<ApiPrincipal> {
  const ip = clientIp(request.headers);
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!m) throw new UnauthenticatedError("Send the token as: Authorization: Bearer <token>.");
    const { user, token } = await authenticateToken(m[1]!, ip);
    return { user, token, ip };
  }
  if (!READ_METHODS.has(request.method) && !sameOrigin(request)) {
    throw new ForbiddenError("Cross-origin request refused: changes with the session cookie must come from this site (or use an API token).");
  }
  const user = await getSessionUser();
  if (!user) throw new UnauthenticatedError("Sign in, or send an API token (Authorization: Bearer <token>).");
  return { user, token: null, ip };
}

/** The actor the record service sees: the user, and the token when one is used (the audit trail names it). */
export function actorOf(principal: ApiPrincipal) {
  return {
    id: principal.user.id,
    role: principal.user.role,
    ...(principal.token ? { via: { tokenId: principal.token.id, tokenName: principal.token.name } } : {}),
  };
}

/** The request's JSON body: 400 when it is not JSON or not an object, 413 when it is too large. */
export async function readJson(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) throw new BadRequestError("Send the body as JSON (Content-Type: application/json).");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BYTES) throw new PayloadTooLargeError();
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > MAX_JSON_BYTES) throw new PayloadTooLargeError();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadRequestError("The body is not valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new BadRequestError("The body must be a JSON object.");
  return body as Record<string, unknown>;
}

/** A positive whole-number path or query parameter; 400 otherwise (404 is for ids that exist in no list). */
export function positiveInt(value: string | null | undefined, what: string): number {
  const parsed = z.coerce.number().int().positive().max(2_147_483_647).safeParse(value);
  if (!parsed.success || value === null || value === undefined || !/^\d+$/.test(value)) throw new BadRequestError(`${what} must be a positive whole number.`, { [what]: [`${what} must be a positive whole number.`] });
  return parsed.data;
}

type Params = Record<string, string | string[] | undefined>;
type Handler = (request: Request, principal: ApiPrincipal, params: Params) => Promise<Response>;

/**
 * Wraps a route handler: authenticates, applies the rate limit and the
 * token's scope, and turns every error into the API's error shape.
 */
export function apiRoute(handler: Handler): (request: Request, context: { params: Promise<Params> }) => Promise<Response> {
  return async (request, context) => {
    try {
      const principal = await authenticate(request);
      await withinRate(principal);
      if (principal.token?.scope === "READ" && !READ_METHODS.has(request.method)) {
        throw new ForbiddenError("This API token is read-only.");
      }
      return await handler(request, principal, (await context?.params) ?? {});
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export { json as jsonResponse };
