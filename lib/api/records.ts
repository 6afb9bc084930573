import "server-only";
// The REST API's record operations, one way for every record type: lists
// (the UI's filters, keyset cursors), get, create, update (with the version
// the client read: 409 on a stale one) and delete. Everything a record may
// or may not do is the record service's (lib/records/service.ts): the same
// rules, validation and audit trail as the forms.
import { getDb } from "@/lib/db/client";
import { readableSql } from "@/lib/db/lists/common";
import { listAfter } from "@/lib/records/lists";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { LIST_SPECS, parseListParams, type ListParams } from "@/lib/lists/params";
import { can, canSee } from "@/lib/permissions";
import { redactLinks, visibleFormValues } from "@/lib/records/links";
import { RECORDS } from "@/lib/records/registry";
import { createRecord, deleteRecord, updateRecord } from "@/lib/records/service";
import type { FormValues } from "@/lib/records/types";
import { z } from "zod";
import { actorOf, BadRequestError, positiveInt, refuseUnknown, refuseUnknownQuery, type ApiPrincipal } from "@/lib/api/http";
import { API_MAX_PAGE_SIZE, API_PAGE_SIZE, type ApiResource } from "@/lib/api/resources";

/** A record as the API returns it: its state (`data`, the same fields create and update take) and its metadata. */
export type ApiRecord = {
  id: number;
  type: string;
  url: string;
  version: number;
  visibility: "INTERNAL" | "RESTRICTED";
  verified: boolean;
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
  data: FormValues;
};

type Meta = {
  id: number;
  version: number;
  createdById: number | null;
  visibility: "INTERNAL" | "RESTRICTED";
  deletedAt: Date | null;
  verifiedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const metaSelect = { id: true, version: true, createdById: true, visibility: true, deletedAt: true, verifiedAt: true, createdAt: true, updatedAt: true };

/** The page of the record in the web app (absolute). */
function recordUrl(resource: ApiResource, id: number, origin: string): string {
  return new URL(RECORDS[resource.record].href(id), origin).toString();
}

/** JSON values of list rows: calendar dates (…On columns) as YYYY-MM-DD, instants as ISO 8601. */
export function jsonRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v instanceof Date) out[k] = k.endsWith("On") ? v.toISOString().slice(0, 10) : v.toISOString();
    else if (typeof v === "bigint") out[k] = Number(v);
    else out[k] = v;
  }
  return out;
}

/** The record, or 404 when it does not exist or this principal may not see it (deleted ones: editors only). */
export async function getApiRecord(resource: ApiResource, principal: ApiPrincipal, id: number, origin: string): Promise<ApiRecord> {
  const config = RECORDS[resource.record];
  const actor = actorOf(principal);
  const db = getDb();
  const meta = (await config.delegate(db).findUnique({ where: { id }, select: metaSelect })) as Meta | null;
  if (!meta || !canSee(actor, meta) || (meta.deletedAt && !can(actor.role, "record:restore"))) {
    throw new NotFoundError(`No ${resource.noun} with id ${id}.`);
  }
  // Without the ids of linked records this caller may not see.
  const data = await visibleFormValues(config, actor, id, db);
  if (!data) throw new NotFoundError(`No ${resource.noun} with id ${id}.`);
  return {
    id,
    type: resource.name,
    url: recordUrl(resource, id, origin),
    version: meta.version,
    visibility: meta.visibility,
    verified: meta.verifiedAt !== null,
    deleted: meta.deletedAt !== null,
    createdAt: meta.createdAt.toISOString(),
    updatedAt: meta.updatedAt.toISOString(),
    data,
  };
}

/** The fields a record of this type takes (its schema's keys): any other is refused with 400 (refuseUnknown), as an unknown query parameter is. */
export function recordFieldNames(resource: ApiResource): string[] {
  const schema = RECORDS[resource.record].schema;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** What the query string of each record operation may hold: nothing but the version a change was read at. */
export const RECORD_QUERY = { get: [], create: [], update: ["version"], delete: ["version"] } as const;

export async function createApiRecord(resource: ApiResource, principal: ApiPrincipal, body: Record<string, unknown>, url: URL) {
  refuseUnknownQuery(url, RECORD_QUERY.create);
  refuseUnknown("body", Object.keys(body), recordFieldNames(resource));
  const origin = url.origin;
  const created = await createRecord(RECORDS[resource.record], actorOf(principal), body, principal.ip);
  return getApiRecord(resource, principal, created.id, origin);
}

/** The version the client read: in the body (`version`) or as If-Match; 400 without one. */
export function baseVersion(request: Request, body: Record<string, unknown> | null): number {
  const header = request.headers.get("if-match")?.replace(/^W\//, "").replace(/"/g, "").trim();
  const fromBody = body?.version;
  // Only a number or a string is a version: String() of an object can throw ({"toString": 1}), and of [1] gives "1".
  const bodyValue = fromBody === undefined ? undefined : typeof fromBody === "number" || typeof fromBody === "string" ? String(fromBody) : "not a version";
  const value = bodyValue ?? header ?? new URL(request.url).searchParams.get("version");
  if (value === null || value === undefined || value === "") {
    throw new BadRequestError("Say which version you changed: send `version` (or an If-Match header) with the version you read.", {
      version: ["Required: the version you read."],
    });
  }
  return positiveInt(value, "version");
}

/**
 * Updates a record from the version the client read. PUT replaces the whole
 * state (`data`); PATCH changes the fields given and keeps the others.
 */
export async function updateApiRecord(
  resource: ApiResource,
  principal: ApiPrincipal,
  request: Request,
  id: number,
  body: Record<string, unknown>,
  mode: "replace" | "merge",
  origin: string,
) {
  refuseUnknownQuery(new URL(request.url), RECORD_QUERY.update);
  const fields = recordFieldNames(resource);
  const inside = `Send the record's fields inside "data", not at the top level.`;
  refuseUnknown("body", Object.keys(body), ["version", "data"], Object.fromEntries(fields.map((f) => [f, inside])));
  const version = baseVersion(request, body);
  if (typeof body.data !== "object" || body.data === null || Array.isArray(body.data)) {
    throw new BadRequestError('Send the record\'s fields as an object in "data".', { data: ["Required: an object."] });
  }
  refuseUnknown("body", Object.keys(body.data), fields);
  const config = RECORDS[resource.record];
  let input = body.data as Record<string, unknown>;
  if (mode === "merge") {
    const current = await getApiRecord(resource, principal, id, origin);
    if (current.deleted) throw new NotFoundError(`This ${resource.noun} has been deleted.`);
    input = { ...current.data, ...input };
  }
  await updateRecord(config, actorOf(principal), id, version, input, principal.ip);
  return getApiRecord(resource, principal, id, origin);
}

export async function deleteApiRecord(resource: ApiResource, principal: ApiPrincipal, request: Request, id: number) {
  refuseUnknownQuery(new URL(request.url), RECORD_QUERY.delete);
  const version = baseVersion(request, null);
  const result = await deleteRecord(RECORDS[resource.record], actorOf(principal), id, version, principal.ip);
  return { id, deleted: true, version: result.version };
}

// ------------------------------------------------------------------ lists

type Cursor = { s: string; d: string; a: number };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), "utf8").toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (typeof c.s === "string" && typeof c.d === "string" && Number.isInteger(c.a) && c.a > 0) return c;
  } catch {
    // answered below
  }
  throw new BadRequestError("The cursor is not one this API gave.", { cursor: ["Not a cursor of this list."] });
}

/** Page size from `limit`: 1 to API_MAX_PAGE_SIZE. */
function pageSize(url: URL): number {
  const raw = url.searchParams.get("limit");
  if (raw === null || raw === "") return API_PAGE_SIZE;
  const n = positiveInt(raw, "limit");
  if (n > API_MAX_PAGE_SIZE) throw new BadRequestError(`limit is at most ${API_MAX_PAGE_SIZE}.`, { limit: [`At most ${API_MAX_PAGE_SIZE}.`] });
  return n;
}

/** The query parameters of a list (besides its filters) and of its export. */
export const LIST_QUERY = ["cursor", "limit"] as const;
export const EXPORT_QUERY = ["format", "shape"] as const;
const PAGE_HINT = "This API pages with cursors: follow `next` (as `cursor`), do not send `page`.";

/** The names of a list's filters (the UI's list page's parameters). */
export function listFilterNames(type: NonNullable<ApiResource["list"]>): string[] {
  const spec = LIST_SPECS[type];
  const known = ["sort", "dir", ...Object.keys(spec.enums), ...Object.keys(spec.links), ...Object.keys(spec.sides)];
  if (spec.search) known.push("q");
  if (spec.country) known.push("country");
  if (spec.region) known.push("region");
  if (spec.dates) known.push("from", "to");
  if (spec.verification) known.push("verified");
  if (spec.deletable) known.push("deleted");
  return known;
}

/**
 * The list's filters, as the UI's list page reads them; any value it would
 * ignore is a 400 here, and so is any parameter that is neither a filter nor
 * one of `extra` (the list's cursor and limit, the export's format).
 */
export function apiListParams<T extends NonNullable<ApiResource["list"]>>(type: T, url: URL, extra: readonly string[] = LIST_QUERY): ListParams<T> {
  const raw = new URLSearchParams(url.searchParams);
  // Parameters the list ignores still reach the export's audit event, whose JSON PostgreSQL refuses with a NUL in it.
  for (const [key, value] of raw) {
    if (key.includes("\u0000") || value.includes("\u0000")) throw new BadRequestError("A query parameter contains a NUL character.", { query: ["NUL characters are not allowed."] });
  }
  refuseUnknownQuery(url, [...extra, ...listFilterNames(type)], { page: PAGE_HINT });
  for (const key of extra) raw.delete(key);
  const { params, messages } = parseListParams(type, raw);
  if (messages.length) throw new BadRequestError(messages.join(" "), { query: messages });
  return params;
}

type QuoteRow = { id: number } & Record<string, unknown>;

/** A row of the quotes' API list (quotesAfter's SQL), as sent: the OpenAPI document's row schema; the API adds `url`. */
export const quoteListRow = z.strictObject({
  id: z.number().int(),
  text: z.string(),
  speakerLabel: z.string().nullable(),
  /** The speaker's name, when one is linked and the reader may see them. */
  speaker: z.string().nullable(),
  saidOn: z.iso.date().nullable(),
  saidOnPrecision: z.enum(["YEAR", "MONTH", "DAY"]).nullable(),
  requestId: z.number().int().nullable(),
  concernId: z.number().int().nullable(),
  transferId: z.number().int().nullable(),
  inspectionId: z.number().int().nullable(),
  visibility: z.enum(["INTERNAL", "RESTRICTED"]),
  verified: z.boolean(),
});

async function quotesAfter(principal: ApiPrincipal, after: number | null, limit: number) {
  const actor = actorOf(principal);
  const { sql } = Prisma;
  const rows = await getDb().$queryRaw<QuoteRow[]>`
    SELECT q.id, q.text, q."speakerLabel", sp.name AS speaker, q."saidOn", q."saidOnPrecision"::text AS "saidOnPrecision",
           q."requestId", q."concernId", q."transferId", q."inspectionId", q.visibility::text AS visibility,
           (q."verifiedAt" IS NOT NULL) AS verified
      FROM "Quote" q
      LEFT JOIN "Actor" sp ON sp.id = q."speakerId" AND ${readableSql(actor, "sp")}
     WHERE ${readableSql(actor, "q")} ${after !== null ? sql`AND q.id < ${after}` : Prisma.empty}
     ORDER BY q.id DESC
     LIMIT ${limit + 1}`;
  // The ids of the request, concern, transfer or inspection quoted about, as far as the caller may see them.
  const page = await redactLinks(getDb(), actor, rows.slice(0, limit).map((values) => ({ type: "quote" as const, values })));
  return { rows: page, nextAfter: rows.length > limit ? page.at(-1)!.id : null };
}

/** A page of a list: its rows (each with the record's URL), and the cursor of the next page (null at the end). */
export async function listApiRecords(resource: ApiResource, principal: ApiPrincipal, url: URL) {
  const limit = pageSize(url);
  const rawCursor = url.searchParams.get("cursor");
  const actor = actorOf(principal);
  let sort = "id";
  let dir = "desc";
  let slice: { rows: { id: number }[]; nextAfter: number | null };
  if (resource.list === null) {
    refuseUnknownQuery(url, LIST_QUERY, { page: PAGE_HINT });
    const cursor = rawCursor ? decodeCursor(rawCursor) : null;
    slice = await quotesAfter(principal, cursor?.a ?? null, limit);
  } else {
    const params = apiListParams(resource.list, url);
    sort = params.sort;
    dir = params.dir;
    const cursor = rawCursor ? decodeCursor(rawCursor) : null;
    if (cursor && (cursor.s !== sort || cursor.d !== dir)) {
      throw new BadRequestError("This cursor belongs to another order of the list: keep the same sort and dir.", { cursor: ["Sort or dir changed."] });
    }
    slice = await listAfter(resource.list, actor, params as never, { after: cursor?.a ?? null, limit });
  }
  return {
    data: slice.rows.map((r) => ({ ...jsonRow(r as Record<string, unknown>), url: recordUrl(resource, r.id, url.origin) })),
    next: slice.nextAfter === null ? null : encodeCursor({ s: sort, d: dir, a: slice.nextAfter }),
    limit,
  };
}
