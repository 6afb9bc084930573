// The request handler of the HTTP server in front of Next.js (lib/http/server.ts):
// applies lib/http/gate.ts's decisions to Node's request and response before
// handing them to Next.js, and rewrites the status of some of its answers.
//
// - Every request gets its id here (a sane x-request-id from a proxy in
//   front is kept), so that the gate's own refusals carry one too.
// - X-Forwarded-For and X-Real-IP are replaced by the one resolved client
//   address; X-Forwarded-Host/-Proto/-Port are dropped unless the peer is a
//   trusted proxy (Next.js then fills them in from the socket).
// - A body is refused (401, 413) before anything reads it, and the
//   connection is closed after the answer, so that nothing of it is kept.
//   A chunked body is counted as it arrives and cut at the limit.
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { resolveClientAddress, type TrustedProxies } from "@/lib/http/client-address";
import { parseCookies } from "@/lib/http/caller";
import {
  authCallbackProblem,
  bodyRule,
  clientErrorResponse,
  declaredBody,
  hasWellFormedApiToken,
  importLimit,
  isApiPath,
  isPossibleServerAction,
  isServerActionRequest,
  methodProblem,
  pathOf,
  pathProblem,
  refusalResponse,
  requestHost,
  routerStateProblem,
  serverActionProblem,
  statusRewrite,
  tooLarge,
  type Caller,
  type Refusal,
} from "@/lib/http/gate";
import { acceptedRequestId, log, REQUEST_ID_HEADER } from "@/lib/log";

export type FrontDoorOptions = {
  /** Next.js's request handler (or, in tests, any handler). */
  handle: (req: IncomingMessage, res: ServerResponse) => unknown;
  trustedProxies: TrustedProxies;
  /** The session cookie's token, decoded and unexpired, or null. */
  readSession: (cookieHeader: string | undefined) => Promise<{ uid: number; sv: number } | null>;
  /** The user as the database has them (only asked for large uploads to the import). */
  lookupUser: (uid: number) => Promise<{ role: string; active: boolean; sessionVersion: number } | null>;
  databaseUnavailable: () => boolean;
};

/** The server's clientError handler: Node's own answer (an empty 400), with a body in the stable error shape. */
export function answerClientError(error: Error & { code?: string }, socket: Duplex) {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === "ECONNRESET" || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(clientErrorResponse(error.code));
}

const FORWARDED_FROM_PROXY = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];

export function createFrontDoor(options: FrontDoorOptions) {
  return (req: IncomingMessage, res: ServerResponse) => {
    void handleRequest(options, req, res).catch((error) => {
      void log("error", "front door failed", { err: error, requestId: String(req.headers[REQUEST_ID_HEADER] ?? "") });
      if (!res.headersSent) refuse(req, res, { status: 500, code: "INTERNAL", message: "Something went wrong." }, true);
      else res.destroy();
    });
  };
}

async function handleRequest(options: FrontDoorOptions, req: IncomingMessage, res: ServerResponse) {
  const headers = req.headers;
  const requestId = acceptedRequestId(typeof headers[REQUEST_ID_HEADER] === "string" ? headers[REQUEST_ID_HEADER] : null) ?? randomUUID();
  headers[REQUEST_ID_HEADER] = requestId;
  const path = pathOf(req.url);
  const isApi = isApiPath(path);
  const isAction = isServerActionRequest(req.method, path, headers);
  const asJson = isApi || headers["next-action"] !== undefined;

  // The body is counted from the first byte, before anything below waits.
  const body = declaredBody(headers);
  const counter = body.hasBody ? countBody(req) : null;

  const problem =
    methodProblem(req.method) ??
    pathProblem(req.url) ??
    routerStateProblem(headers) ??
    (path.startsWith("/api/auth/") ? authCallbackProblem(req.url, parseCookies(first(headers.cookie))) : null);
  if (problem) return refuse(req, res, problem, asJson, path);

  const peerTrusted = options.trustedProxies.has(req.socket.remoteAddress ?? "");
  const client = resolveClientAddress(req.socket.remoteAddress, headers["x-forwarded-for"], options.trustedProxies);
  if (!peerTrusted) for (const name of FORWARDED_FROM_PROXY) delete headers[name];
  delete headers["x-real-ip"];
  if (client) {
    headers["x-forwarded-for"] = client;
    headers["x-real-ip"] = client;
  } else {
    delete headers["x-forwarded-for"];
  }

  if (isAction) {
    const actionProblem = serverActionProblem(headers, requestHost(headers));
    if (actionProblem) return refuse(req, res, actionProblem, asJson, path);
  }

  if (counter) {
    const caller: Caller = { session: await options.readSession(first(headers.cookie)), apiToken: hasWellFormedApiToken(headers) };
    let rule = bodyRule(req.method, path, headers, caller);
    if (rule.kind === "ask-role") {
      const { sv } = rule;
      let user;
      try {
        user = await options.lookupUser(rule.uid);
      } catch {
        return refuse(req, res, { status: 503, code: "DATABASE_UNAVAILABLE", message: "The database is unavailable at the moment. Nothing was changed; try again in a few seconds.", headers: { "retry-after": "5" } }, asJson, path);
      }
      rule = importLimit(user, sv);
    }
    if (rule.kind === "refuse") return refuse(req, res, rule.refusal, asJson, path);
    if (rule.kind !== "allow") throw new Error("unreachable");
    if (body.length !== null && body.length > rule.limit) return refuse(req, res, tooLarge(rule.limit), asJson, path);
    const limit = rule.limit;
    counter.limit(limit, () => refuse(req, res, tooLarge(limit), asJson, path));
    if (res.writableEnded) return;
  }

  rewriteStatus(res, { isApi, isServerAction: isAction || isPossibleServerAction(req.method, headers) }, options.databaseUnavailable, requestId);
  await options.handle(req, res);
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Counts the body as Node's HTTP parser hands it over (it calls the
 * request's push() for each piece): over the limit, the rest is not passed
 * on and `over` answers. Nothing is buffered beyond the stream's own
 * high-water mark, after which Node stops reading the socket.
 */
function countBody(req: IncomingMessage) {
  let received = 0;
  let max = Infinity;
  let onOver: (() => void) | null = null;
  let cut = false;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (cut) return false;
    if (chunk !== null && chunk !== undefined) {
      received += Buffer.isBuffer(chunk) ? chunk.length : Buffer.byteLength(String(chunk), encoding);
      if (received > max) {
        // Not passed on; false makes Node stop reading the socket, which
        // closes once the 413 is out. The reader then sees the request
        // aborted, never a short body that looks complete.
        cut = true;
        onOver?.();
        return false;
      }
    }
    return push(chunk, encoding);
  };
  return {
    limit(limit: number, over: () => void) {
      max = limit;
      onOver = over;
      if (received > max) {
        cut = true;
        over();
      }
    },
  };
}

/**
 * Answers for the gate and closes the connection once the answer is out
 * (Connection: close), so that an unread body is never read; any later
 * write by the framework is dropped.
 */
function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal, asJson: boolean, path = pathOf(req.url)) {
  const requestId = String(req.headers[REQUEST_ID_HEADER] ?? "");
  void log("info", "request", { requestId, method: req.method, path: path.slice(0, 200), status: refusal.status, refusedBy: "front door", reason: refusal.code });
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const answer = refusalResponse(refusal, asJson, requestId);
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  lingerOnClose(req.socket);
  sendOwn(res, answer.status, { ...answer.headers, connection: "close", "content-length": String(Buffer.byteLength(answer.body)) }, answer.body);
}

/** How long a refused client, still sending, is given to read the answer. */
const LINGER_MS = 1_000;

/**
 * After an answer with Connection: close, Node destroys the socket at once;
 * with unread body bytes in it, that is a reset, and a client still sending
 * often loses the answer with it. Instead: our side is ended (the answer
 * and a FIN go out), what still arrives is read and thrown away (nothing
 * kept), and the socket is destroyed a second later.
 */
function lingerOnClose(socket: Socket) {
  const s = socket as Socket & { destroySoon?: () => void };
  s.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
}

type Writers = Pick<ServerResponse, "writeHead" | "write" | "end">;
const ORIGINAL = Symbol("front-door original writers");

function originals(res: ServerResponse): Writers {
  const r = res as ServerResponse & { [ORIGINAL]?: Writers };
  return r[ORIGINAL] ?? { writeHead: res.writeHead.bind(res), write: res.write.bind(res), end: res.end.bind(res) };
}

/** Sends this answer and makes every later writeHead/write/end of the framework a no-op. */
function sendOwn(res: ServerResponse, status: number, headers: Record<string, string>, body: string) {
  const own = originals(res);
  own.writeHead(status, headers);
  own.end(body);
  const done = (...args: unknown[]) => {
    const cb = args.find((a) => typeof a === "function") as (() => void) | undefined;
    if (cb) process.nextTick(cb);
    return true;
  };
  res.writeHead = (() => res) as ServerResponse["writeHead"];
  res.write = done as ServerResponse["write"];
  res.end = ((...args: unknown[]) => (done(...args), res)) as ServerResponse["end"];
}

/** The response's Content-Type, set with setHeader or given to writeHead (as an object or a flat array). */
function contentTypeOf(res: ServerResponse, headers: unknown): string | undefined {
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) if (String(headers[i]).toLowerCase() === "content-type") return String(headers[i + 1]);
  } else if (headers && typeof headers === "object") {
    for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === "content-type") return String(v);
  }
  const set = res.getHeader("content-type");
  return set === undefined ? undefined : String(set);
}

/** See statusRewrite in lib/http/gate.ts. */
function rewriteStatus(res: ServerResponse, request: { isApi: boolean; isServerAction: boolean }, databaseUnavailable: () => boolean, requestId: string) {
  const own: Writers = { writeHead: res.writeHead.bind(res), write: res.write.bind(res), end: res.end.bind(res) };
  (res as ServerResponse & { [ORIGINAL]?: Writers })[ORIGINAL] = own;
  let decided = false;
  // Decided once, when the status is final: at the first writeHead, write or
  // end (Node's implicit header calls writeHead too). True when the answer
  // was replaced (and the framework's writes are dropped from then on).
  const decide = (status: number, headers?: unknown): boolean => {
    if (decided) return false;
    decided = true;
    const change = statusRewrite(status, request, databaseUnavailable(), contentTypeOf(res, headers));
    if (!change) return false;
    if (change.replaceBody) {
      void log("warn", "framework error answered by the front door", { requestId, status, answered: change.status });
      const answer = refusalResponse(change.replaceBody, true, requestId);
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      if (change.retryAfter) answer.headers["retry-after"] = String(change.retryAfter);
      sendOwn(res, change.status, { ...answer.headers, "content-length": String(Buffer.byteLength(answer.body)) }, answer.body);
      return true;
    }
    res.statusCode = change.status;
    res.statusMessage = "";
    if (change.retryAfter) res.setHeader("retry-after", String(change.retryAfter));
    return false;
  };
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (!decided) {
      res.statusCode = status;
      if (decide(status, rest.find((r) => typeof r === "object" && r !== null))) return res;
      // A reason phrase belongs to the status it came with.
      if (res.statusCode !== status && typeof rest[0] === "string") rest.shift();
    }
    return (own.writeHead as (...a: unknown[]) => ServerResponse)(res.statusCode, ...rest);
  }) as ServerResponse["writeHead"];
  res.write = ((...args: unknown[]) => {
    if (!res.headersSent && decide(res.statusCode)) return true;
    return (own.write as (...a: unknown[]) => boolean)(...args);
  }) as ServerResponse["write"];
  res.end = ((...args: unknown[]) => {
    if (!res.headersSent && decide(res.statusCode)) return res;
    return (own.end as (...a: unknown[]) => ServerResponse)(...args);
  }) as ServerResponse["end"];
}
