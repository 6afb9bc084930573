// Structured logs: one JSON object per line on stdout (errors on stderr),
// with the time, a level, a message and the id of the request being served
// (set by proxy.ts as x-request-id, also on the response and on error
// pages), so that a line can be matched with what a user saw. Safe anywhere
// on the server: outside a request the id is simply absent.
export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

export const REQUEST_ID_HEADER = "x-request-id";

/** The id of the request being served, or null outside one (a timer, a CLI). */
export async function currentRequestId(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    return null;
  }
}

/** An error's message (its last line: Prisma's start with the calling code), code, and, for errors, the stack. */
function errorFields(error: unknown, withStack: boolean): LogFields {
  if (!(error instanceof Error)) return error === undefined ? {} : { error: String(error) };
  const code = (error as { code?: unknown }).code;
  const message = error.message.trim().split("\n").at(-1) ?? error.message;
  return { error: message, errorName: error.name, ...(code !== undefined ? { errorCode: code } : {}), ...(withStack ? { stack: error.stack } : {}) };
}

/** Writes one line. `requestId` may be given; else the current request's is used when there is one. */
export async function log(level: LogLevel, msg: string, fields: LogFields & { err?: unknown; requestId?: string | null } = {}): Promise<void> {
  const { err, requestId: given, ...rest } = fields;
  const requestId = given === undefined ? await currentRequestId() : given;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...(requestId ? { requestId } : {}), ...rest, ...errorFields(err, level === "error") });
  if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

/** A request id from a client or a proxy in front, if it is a sane token; else null (a new one is made). */
export function acceptedRequestId(value: string | null): string | null {
  return value && /^[A-Za-z0-9._:-]{8,128}$/.test(value) ? value : null;
}
