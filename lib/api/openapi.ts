import "server-only";
// The OpenAPI 3.1 document of /api/v1, derived (zod-openapi) from what the
// API itself runs, so that it cannot drift from it:
// - request bodies from each record type's schema (its definition,
//   lib/records/<type>/definition.ts), as the server parses them: a field
//   is required exactly when its schema refuses it missing, and the fields
//   whose schemas are functions (numbers, years, dates typed in a form) are
//   described by their field kind (the field specs) and the bounds their
//   schema enforces (found by asking it);
// - a record's `data` from its field specs, as GET returns it (the form
//   values, lib/records/form/columns.ts fieldValues plus the links);
// - list rows from each list's row schema, next to its SQL
//   (lib/records/<type>/list.ts), plus `url`;
// - parameters from the lists' filters (lib/lists/params.ts) and the
//   operations' own (lib/api/records.ts, changes.ts, export.ts);
// - statuses, codes and headers as lib/api/http.ts and the front door
//   (lib/http/gate.ts) send them.
// tests/integration/api-contract.test.ts calls every operation and checks
// every answer against this document.
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from "zod-openapi";
import { CHANGES_PAGE_SIZE } from "@/lib/api/changes";
import { MAX_JSON_BYTES } from "@/lib/api/http";
import { recordColumns } from "@/lib/api/export-record";
import { EXPORT_QUERY, LIST_QUERY, quoteListRow, RECORD_QUERY } from "@/lib/api/records";
import { API_MAX_PAGE_SIZE, API_PAGE_SIZE, API_RESOURCES, type ApiResource } from "@/lib/api/resources";
import { LIST_SPECS } from "@/lib/lists/params";
import { DEFINITIONS, type RecordListType } from "@/lib/records/definitions";
import type { FieldSpec } from "@/lib/records/form/fields";
import { actorListRow } from "@/lib/records/actor/list";
import { concernListRow } from "@/lib/records/concern/list";
import { inspectionListRow } from "@/lib/records/inspection/list";
import { requestListRow } from "@/lib/records/request/list";
import { sourceListRow } from "@/lib/records/source/list";
import { transferListRow } from "@/lib/records/transfer/list";
import { weaponSystemListRow } from "@/lib/records/weapon-system/list";
import { COUNT_CAP, MAX_SEARCH_LENGTH, PAGE_PER_TYPE, SEARCH_TYPES, TYPEAHEAD_PER_TYPE } from "@/lib/search/query";

/** Each list's row schema (the columns its SQL selects). */
const LIST_ROWS: Record<RecordListType, z.ZodObject> = {
  requests: requestListRow,
  concerns: concernListRow,
  transfers: transferListRow,
  inspections: inspectionListRow,
  sources: sourceListRow,
  actors: actorListRow,
  weaponSystems: weaponSystemListRow,
};

// ------------------------------------------------------------------ errors

/** Every status the API sends with its error code (lib/api/http.ts errorResponse; 405 and 413 also from the front door, lib/http/gate.ts). */
export const ERROR_STATUSES = {
  400: { code: "BAD_REQUEST", text: "Malformed request: not JSON or not an object, an unknown query parameter or body field (named in `fields`), a bad id, cursor, limit, filter value or version." },
  401: { code: "UNAUTHENTICATED", text: "No valid session or API token (missing, malformed, unknown, revoked, expired, or its user deactivated)." },
  403: { code: "FORBIDDEN", text: "Not allowed: the role, the record's owner, a read-only token, or a change with the session cookie from another site." },
  404: { code: "NOT_FOUND", text: "No such record, or one this user may not see." },
  405: { code: "METHOD_NOT_ALLOWED", text: "This address does not take this method (answered by the front door, with Allow for unknown methods)." },
  409: { code: "CONFLICT", text: "The record changed since the version sent (`details` say how), or it is still used." },
  413: { code: "PAYLOAD_TOO_LARGE", text: `The body is larger than ${MAX_JSON_BYTES} bytes.` },
  422: { code: "VALIDATION", text: "The record's fields are not valid (messages per field in `fields`), or a list's cursor no longer points at a record." },
  429: { code: "RATE_LIMITED", text: "Too many requests: wait Retry-After seconds." },
  500: { code: "INTERNAL", text: "A bug: the message gives a reference to quote." },
  503: { code: "DATABASE_UNAVAILABLE", text: "The database is unavailable: nothing was changed; try again after Retry-After seconds." },
} as const;
export type ErrorStatus = keyof typeof ERROR_STATUSES;
const ERROR_CODES = [...new Set(Object.values(ERROR_STATUSES).map((s) => s.code))] as [string, ...string[]];

const errorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(ERROR_CODES).meta({ description: "Stable, machine-readable; one per status." }),
      message: z.string().meta({ description: "For people: what went wrong and what to do." }),
      fields: z.record(z.string(), z.array(z.string())).meta({ description: "Messages per field or query parameter, when the problem is one of them." }),
      details: z
        .strictObject({
          currentVersion: z.number().int().positive(),
          current: z.record(z.string(), z.unknown()).meta({ description: "The record's fields now (as `data`), without links the reader may not see." }),
          theirChanges: z
            .record(z.string(), z.strictObject({ before: z.unknown(), after: z.unknown() }))
            .nullable()
            .meta({ description: "What others changed since the version sent, per field; null when that version's state is not known." }),
        })
        .optional()
        .meta({ description: "Only on a 409 for an edit of a record changed meanwhile (lib/records/conflict.ts)." }),
    }),
  })
  .meta({ id: "Error" });

type Header = { description: string; required: boolean; schema: { type: "string"; pattern?: string } };
const header = {
  etag: { description: "The record's version, quoted: send it back as If-Match.", required: true, schema: { type: "string", pattern: '^"\\d+"$' } },
  location: { description: "The new record's address in the API.", required: true, schema: { type: "string", pattern: "^/api/v1/[a-z-]+/\\d+$" } },
  retryAfter: { description: "Seconds to wait before asking again.", required: true, schema: { type: "string", pattern: "^\\d+$" } },
  requestId: { description: "The request's id (set by the app's proxy, proxy.ts, on every answer; quote it when reporting a problem).", required: false, schema: { type: "string" } },
  allow: { description: "The methods the server answers (on a 405 for a method it does not know).", required: false, schema: { type: "string" } },
  contentDisposition: { description: 'attachment; filename="demarche-<resource>-<YYYYMMDD-HHMM>.<format>"', required: true, schema: { type: "string", pattern: '^attachment; filename="[\\w.-]+"$' } },
} satisfies Record<string, Header>;

const withRequestId = (headers: Record<string, Header> = {}): Record<string, Header> => ({ "X-Request-Id": header.requestId, ...headers });

function errorResponse(status: ErrorStatus): ZodOpenApiResponseObject {
  const headers: Record<string, Header> = {};
  if (status === 429 || status === 503) headers["Retry-After"] = header.retryAfter;
  if (status === 405) headers.Allow = header.allow;
  return { description: `${ERROR_STATUSES[status].code}: ${ERROR_STATUSES[status].text}`, headers: withRequestId(headers), content: { "application/json": { schema: errorSchema } } };
}

/** Every answer may be one of these: no credentials, the rate, the database, a bug. */
const ALWAYS = [401, 429, 500, 503] as const;

function errors(...statuses: ErrorStatus[]): Record<string, ZodOpenApiResponseObject> {
  const all = [...new Set<ErrorStatus>([...statuses, ...ALWAYS])].sort((a, b) => a - b);
  return Object.fromEntries(all.map((s) => [String(s), errorResponse(s)]));
}

// ------------------------------------------------------------------ record fields

type JsonSchema = Record<string, unknown>;

const pascal = (name: string) => name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
const singular = (resource: ApiResource) => pascal(resource.name.replace(/s$/, ""));
const objectShape = (schema: z.ZodType): Record<string, z.ZodType> => (schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {});
const specs = (resource: ApiResource) => (DEFINITIONS[resource.record].fields as readonly FieldSpec[]).filter((f) => f.kind !== "section");

/** The smallest and largest whole numbers the field's schema accepts (it refuses the others, as the server does). */
function integerBounds(ok: (n: number) => boolean): { minimum: number; maximum: number } {
  const LOW = -(2 ** 31);
  const HIGH = 2 ** 31;
  const probe = [0, 1, 1900, 2000, new Date().getUTCFullYear()].find(ok) ?? 0;
  // Binary searches from an accepted value out to the first refused one on each side.
  let lo = LOW;
  let hi = probe;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  const minimum = ok(lo) ? lo : hi;
  lo = probe;
  hi = HIGH;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return { minimum, maximum: lo };
}

const VAGUE_DATE_PATTERN = "^(\\d{4}(-\\d{2}(-\\d{2})?)?)?$";
const TYPED_NUMBER = "^[\\d,\\s]*$";

/**
 * The JSON schema of a field whose zod schema is a function of what a form
 * types (zod cannot render those): what the server accepts for its kind.
 */
function inputFieldSchema(field: FieldSpec, schema: z.ZodType): JsonSchema | null {
  switch (field.kind) {
    case "number": {
      const bounds = integerBounds((n) => schema.safeParse(n).success);
      return {
        anyOf: [{ type: "integer", ...bounds }, { type: "string", pattern: TYPED_NUMBER, description: "As typed: digits, with commas or spaces between thousands (\"1,200\"); empty means unknown." }, { type: "null" }],
        description: `A whole number from ${bounds.minimum} to ${bounds.maximum}; null or empty when unknown (12.5 and "(40)" are refused).`,
      };
    }
    case "years": {
      const bounds = integerBounds((n) => schema.safeParse([n]).success);
      return {
        anyOf: [
          { type: "array", maxItems: 200, items: { anyOf: [{ type: "integer", ...bounds }, { type: "string", pattern: "^[\\d,\\s]*\\d[\\d,\\s]*$" }] } },
          { type: "string", pattern: "^[\\d,;\\s]*$", description: "As typed: years separated by commas (\"2009, 2010\")." },
          { type: "null" },
        ],
        description: `Years from ${bounds.minimum} to ${bounds.maximum}; stored sorted and without repeats; empty when unknown.`,
      };
    }
    case "vagueDate":
      return { anyOf: [{ type: "string", pattern: "^\\s*(\\d{4}(-\\d{2}(-\\d{2})?)?)?\\s*$" }, { type: "null" }], description: "YYYY, YYYY-MM or YYYY-MM-DD (as precise as known); empty or null when unknown." };
    case "date":
      return { anyOf: [{ type: "string", format: "date" }, { type: "string", pattern: "^\\s*$" }, { type: "null" }], description: "YYYY-MM-DD; empty or null when none." };
    default:
      return null;
  }
}

/** Rules across fields that no field's schema says on its own (each type's schema refines them). */
const CROSS_FIELD: Partial<Record<ApiResource["record"], JsonSchema>> = {
  quote: { anyOf: [{ required: ["speakerId"] }, { required: ["speakerLabel"] }], description: "Say who said it: `speakerId` (an actor) or `speakerLabel`." },
};

/**
 * The request body of a type (create, PUT's `data`) as zod-openapi renders
 * its schema, corrected where a JSON schema cannot be read off zod: which
 * fields are required (those its schema refuses missing: a default or a
 * preprocess may accept them), and the fields typed as text in a form.
 */
function refineFields(resource: ApiResource, rendered: JsonSchema): JsonSchema {
  const shape = objectShape(DEFINITIONS[resource.record].schema);
  const properties = { ...(rendered.properties as Record<string, JsonSchema>) };
  for (const field of specs(resource)) {
    const own = shape[field.name];
    const replaced = own ? inputFieldSchema(field, own) : null;
    if (replaced) properties[field.name] = replaced;
  }
  const required = Object.keys(shape).filter((k) => !shape[k]!.safeParse(undefined).success);
  const cross = CROSS_FIELD[resource.record];
  const description = [rendered.description, cross?.description].filter(Boolean).join(" ");
  return { ...rendered, properties, required, ...(cross ? { anyOf: cross.anyOf } : {}), description };
}

// ------------------------------------------------------------------ record data (as GET returns it)

function dataFieldSchema(field: FieldSpec, own: z.ZodType | undefined): z.ZodType {
  // Nullable when its schema makes a missing value null (unknown); a field with a default or required never is.
  const missing = own?.safeParse(undefined);
  const nullable = <T extends z.ZodType>(s: T) => (missing?.success && missing.data === null ? s.nullable() : s);
  switch (field.kind) {
    case "text":
    case "textarea":
      return nullable(z.string());
    case "select":
      return nullable(z.enum(field.options.map((o) => o.value) as [string, ...string[]]));
    case "vagueDate":
      return z.string().regex(new RegExp(VAGUE_DATE_PATTERN)).meta({ description: "YYYY, YYYY-MM or YYYY-MM-DD, as precise as known; empty when unknown." });
    case "date":
      return z.union([z.iso.date(), z.literal("")]).meta({ description: "YYYY-MM-DD; empty when none." });
    case "country":
      return nullable(z.number().int().positive()).meta({ description: "A country's id (GET /countries)." });
    case "picker":
      return field.multiple ? z.array(z.number().int().positive()).meta({ description: `Ids of ${field.label.toLowerCase()} (${field.lookup}).` }) : nullable(z.number().int().positive()).meta({ description: `The id of the ${field.label.toLowerCase()} (${field.lookup}).` });
    case "number":
      return nullable(z.number().int());
    case "years":
      return z.array(z.number().int());
    case "checkbox":
      return z.boolean();
    case "countryRoles":
      return z.array(z.strictObject({ countryId: z.number().int().positive(), role: z.enum(field.roles.map((o) => o.value) as [string, ...string[]]) }));
    case "section":
      return z.never();
  }
}

/** A record's `data` as GET returns it: every field, with its "estimated" flags. */
function dataSchema(resource: ApiResource): z.ZodObject {
  const shape = objectShape(DEFINITIONS[resource.record].schema);
  const out: Record<string, z.ZodType> = {};
  for (const field of specs(resource)) {
    out[field.name] = dataFieldSchema(field, shape[field.name]);
    if ((field.kind === "number" || field.kind === "years") && field.uncertainName) out[field.uncertainName] = z.boolean().meta({ description: `${field.label}: estimated.` });
  }
  return z.strictObject(out).meta({ id: `${singular(resource)}Data`, description: `A ${resource.noun}'s fields as GET returns them (and PUT takes them back).` });
}

// ------------------------------------------------------------------ parameters

type Parameter = { name: string; in: "query" | "path" | "header"; required: boolean; description?: string; schema: JsonSchema };
const q = (name: string, description: string, schema: JsonSchema): Parameter => ({ name, in: "query", required: false, description, schema });

const LIST_PARAMS: Record<(typeof LIST_QUERY)[number], Parameter> = {
  cursor: q("cursor", "The `next` of the previous page (with the same filters, sort and dir).", { type: "string" }),
  limit: q("limit", `Rows per page (default ${API_PAGE_SIZE}).`, { type: "integer", minimum: 1, maximum: API_MAX_PAGE_SIZE }),
};
function exportParameters(resource: ApiResource): Record<(typeof EXPORT_QUERY)[number], Parameter> {
  const record = recordColumns(resource.record).length > 0;
  return {
    format: q("format", "csv (default) or json.", { type: "string", enum: ["csv", "json"], default: "csv" }),
    shape: q(
      "shape",
      record ? "list (default): the list's columns; record: the columns its import reads (by field label), so that the file can be imported back." : "list: the list's columns (the only shape of this type).",
      { type: "string", enum: record ? ["list", "record"] : ["list"], default: "list" },
    ),
  };
}

/** A row of the record shape of an export (lib/api/export-record.ts): the import's columns, as text. */
function recordShapeRow(resource: ApiResource): z.ZodObject | null {
  const columns = recordColumns(resource.record);
  if (!columns.length) return null;
  return z
    .strictObject({ id: z.number().int().positive(), ...Object.fromEntries(columns.map((c) => [c.header, z.string()])), url: z.url() })
    .meta({ id: `${singular(resource)}ImportRow`, description: "A row of the export with shape=record: the columns of the import, as the import reads them." });
}
const VERSION_PARAMS: Record<(typeof RECORD_QUERY.update)[number], Parameter> = {
  version: q("version", "The version read (or send `version` in the body, or If-Match).", { type: "integer", minimum: 1 }),
};
const ifMatch: Parameter = { name: "If-Match", in: "header", required: false, description: "The ETag read (\"3\"), instead of `version`.", schema: { type: "string", pattern: '^(W/)?"?\\d+"?$' } };
const idParam: Parameter = { name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1, maximum: 2_147_483_647 } };

function oneOrMore(values: string[]): string {
  const alt = values.map((v) => v.replace(/[^\w]/g, "\\$&")).join("|");
  return `^(${alt})(,(${alt}))*$`;
}

function filterParameters(list: RecordListType): Parameter[] {
  const spec = LIST_SPECS[list];
  const day = "^\\d{4}(-\\d{2}(-\\d{2})?)?$";
  const out: Parameter[] = [];
  if (spec.search) out.push(q("q", "Full-text search.", { type: "string", maxLength: 200 }));
  if (spec.country) out.push(q("country", "ISO 3166-1 alpha-2 code of a country involved.", { type: "string", pattern: "^[A-Za-z]{2}$" }));
  if (spec.region) out.push(q("region", "Region.", { type: "string" }));
  if (spec.dates) {
    out.push(q("from", "From (YYYY, YYYY-MM or YYYY-MM-DD; vague dates whose period overlaps count).", { type: "string", pattern: day }));
    out.push(q("to", "To (YYYY, YYYY-MM or YYYY-MM-DD).", { type: "string", pattern: day }));
  }
  if (spec.verification) out.push(q("verified", "Only verified (yes) or unverified (no) records.", { type: "string", enum: ["yes", "no"] }));
  if (spec.deletable) out.push(q("deleted", "yes: the deleted records instead (editors and admins).", { type: "string", enum: ["yes", "no"] }));
  for (const [key, values] of Object.entries(spec.enums)) {
    const all = Object.values(values as Record<string, string>);
    out.push(q(key, `One or more of ${all.join(", ")}, comma-separated.`, { type: "string", pattern: oneOrMore(all) }));
  }
  for (const [key, noun] of Object.entries(spec.links)) out.push(q(key, `Only those linked to this ${noun} (its id).`, { type: "string", pattern: "^\\d{1,9}$" }));
  for (const [key, side] of Object.entries(spec.sides)) out.push(q(key, `ISO 3166-1 alpha-2 code of the ${side}.`, { type: "string", pattern: "^[A-Za-z]{2}$" }));
  out.push(q("sort", "Order of the list.", { type: "string", enum: Object.keys(spec.sorts) }));
  out.push(q("dir", "Direction of the order.", { type: "string", enum: ["asc", "desc"] }));
  return out;
}

// ------------------------------------------------------------------ responses

const timestamps = {
  createdAt: z.iso.datetime().meta({ description: "When it was created (ISO 8601, UTC)." }),
  updatedAt: z.iso.datetime().meta({ description: "When it last changed (ISO 8601, UTC)." }),
};

function recordSchema(resource: ApiResource, data: z.ZodObject) {
  return z
    .strictObject({
      id: z.number().int().positive(),
      type: z.literal(resource.name),
      url: z.url().meta({ description: "The record's page in the web app." }),
      version: z.number().int().positive().meta({ description: "Send it back with a change (or as If-Match): a stale one is refused with 409." }),
      visibility: z.enum(["INTERNAL", "RESTRICTED"]),
      verified: z.boolean(),
      deleted: z.boolean(),
      ...timestamps,
      data,
    })
    .meta({ id: singular(resource) });
}

const countryRow = z.strictObject({
  id: z.number().int().positive(),
  alpha2: z.string().regex(/^[A-Z]{2}$/),
  alpha3: z.string().regex(/^[A-Z]{3}$/),
  numeric: z.string().regex(/^\d{3}$/),
  name: z.string(),
  officialName: z.string().nullable(),
  region: z.string().nullable(),
  subregion: z.string().nullable(),
  altNames: z.array(z.string()),
});

function rowSchema(resource: ApiResource): z.ZodObject {
  const row = resource.list ? LIST_ROWS[resource.list] : quoteListRow;
  return row.extend({ url: z.url().meta({ description: "The record's page in the web app." }) }).meta({ id: `${singular(resource)}Row`, description: `A row of the ${resource.name} list.` });
}

function pageSchema(id: string, row: z.ZodObject) {
  return z
    .strictObject({
      data: z.array(row).meta({ description: "The page's rows." }),
      next: z.string().nullable().meta({ description: "The cursor of the next page (send it as `cursor`); null on the last." }),
      limit: z.number().int().positive(),
    })
    .meta({ id });
}

const json = (schema: z.ZodType, description: string, headers?: Record<string, Header>): ZodOpenApiResponseObject => ({
  description,
  headers: withRequestId(headers),
  content: { "application/json": { schema } },
});

// ------------------------------------------------------------------ paths

function recordPaths(resource: ApiResource, out: ZodOpenApiPathsObject, changeEntries: z.ZodObject[]) {
  const name = singular(resource);
  const fields = (DEFINITIONS[resource.record].schema as z.ZodType).meta({ id: `${name}Fields`, description: `The fields of a ${resource.noun}, as create and PUT take them. Any other field is refused with 400.` });
  const data = dataSchema(resource);
  const record = recordSchema(resource, data);
  changeEntries.push(changeSchema(resource, data));
  const row = rowSchema(resource);
  const tags = [resource.name];
  const etag = { ETag: header.etag };
  const list: ZodOpenApiOperationObject = {
    operationId: `list${pascal(resource.name)}`,
    summary: `List ${resource.name}`,
    tags,
    parameters: [...LIST_QUERY.map((k) => LIST_PARAMS[k]), ...(resource.list ? filterParameters(resource.list) : [])],
    responses: { "200": json(pageSchema(`${name}Page`, row), "A page of the list, in its order."), ...(resource.list ? errors(400, 422) : errors(400)) },
  };
  const create: ZodOpenApiOperationObject = {
    operationId: `create${name}`,
    summary: `Create a ${resource.noun}`,
    tags,
    requestBody: { required: true, content: { "application/json": { schema: fields } } },
    responses: { "201": json(record, "Created.", { Location: header.location }), ...errors(400, 403, 413, 422) },
  };
  const version = z.number().int().positive().meta({ description: "The version read: required here unless sent as If-Match (or ?version=)." });
  const change = (id: string, body: z.ZodType) => ({ required: true, content: { "application/json": { schema: z.strictObject({ version: version.optional(), data: body }).meta({ id }) } } });
  const updateParams = [idParam, ...RECORD_QUERY.update.map((k) => VERSION_PARAMS[k]), ifMatch];
  out[`/${resource.name}`] = { get: list, post: create };
  out[`/${resource.name}/{id}`] = {
    get: {
      operationId: `get${name}`,
      summary: `One ${resource.noun}`,
      tags,
      parameters: [idParam],
      responses: { "200": json(record, "The record; deleted ones only for editors and admins.", etag), ...errors(400, 404) },
    },
    put: {
      operationId: `replace${name}`,
      summary: `Replace a ${resource.noun}'s fields`,
      tags,
      parameters: updateParams,
      requestBody: change(`${name}Replace`, fields),
      responses: { "200": json(record, "Updated.", etag), ...errors(400, 403, 404, 409, 413, 422) },
    },
    patch: {
      operationId: `update${name}`,
      summary: `Change some of a ${resource.noun}'s fields (the others are kept)`,
      tags,
      parameters: updateParams,
      // The fields' schema, none required (filled in by patchFields once rendered).
      requestBody: change(`${name}Update`, z.record(z.string(), z.unknown()).meta({ id: `${name}Patch` })),
      responses: { "200": json(record, "Updated.", etag), ...errors(400, 403, 404, 409, 413, 422) },
    },
    delete: {
      operationId: `delete${name}`,
      summary: `Delete a ${resource.noun} (an editor can restore it)`,
      tags,
      parameters: [idParam, ...RECORD_QUERY.delete.map((k) => VERSION_PARAMS[k]), ifMatch],
      responses: {
        "200": json(z.strictObject({ id: z.number().int().positive(), deleted: z.literal(true), version: z.number().int().positive() }).meta({ id: `${name}Deleted` }), "Deleted."),
        ...errors(400, 403, 404, 409),
      },
    },
  };
  if (resource.list) {
    const importRow = recordShapeRow(resource);
    out[`/${resource.name}/export`] = {
      get: {
        operationId: `export${pascal(resource.name)}`,
        summary: `Every row of the ${resource.name} list, as a file`,
        description: "The list with its filters, every row (no paging), streamed; each export is audited. CSV: a header row of the columns, lists joined with \"; \", cells that a spreadsheet would run as formulas prefixed with an apostrophe.",
        tags,
        parameters: [...EXPORT_QUERY.map((k) => exportParameters(resource)[k]), ...filterParameters(resource.list)],
        responses: {
          "200": {
            description: "The file (Content-Disposition: attachment).",
            headers: withRequestId({ "Content-Disposition": header.contentDisposition }),
            content: {
              "text/csv": { schema: z.string().meta({ description: `The columns of ${name}Row.` }) },
              "application/json": { schema: z.array(importRow ? z.union([row, importRow]) : row).meta({ description: `Rows of ${name}Row (shape=list)${importRow ? ` or ${name}ImportRow (shape=record)` : ""}.` }) },
            },
          },
          ...errors(400),
        },
      },
    };
  }
}

function changeSchema(resource: ApiResource, data: z.ZodObject): z.ZodObject {
  return z
    .strictObject({
      cursor: z.string().regex(/^\d+$/).meta({ description: "This change's position (a whole number): give it as `since` for the changes after it." }),
      type: z.literal(resource.name),
      id: z.number().int().positive(),
      action: z.enum(["created", "updated", "deleted", "restored"]),
      version: z.number().int().positive().nullable().meta({ description: "The record's version after the change." }),
      occurredAt: z.iso.datetime(),
      url: z.url(),
      data: data.nullable().meta({ description: "The record's fields after the change (as GET returns them); null for a deletion." }),
    })
    .meta({ id: `${singular(resource)}Change` });
}

function paths(): ZodOpenApiPathsObject {
  const out: ZodOpenApiPathsObject = {};
  const changeEntries: z.ZodObject[] = [];
  for (const resource of API_RESOURCES) recordPaths(resource, out, changeEntries);
  out["/changes"] = {
    get: {
      operationId: "listChanges",
      summary: "Changes to records, in the order they were made, after a cursor",
      tags: ["changes"],
      parameters: [
        q("since", "The `next` of the previous call (a whole number; 0 or absent: from the beginning).", { type: "integer", minimum: 0, maximum: 2_147_483_647 }),
        q("limit", `Changes per call (default ${CHANGES_PAGE_SIZE}).`, { type: "integer", minimum: 1, maximum: API_MAX_PAGE_SIZE }),
      ],
      responses: {
        "200": json(
          z
            .strictObject({
              changes: z.array(z.discriminatedUnion("type", changeEntries as [z.ZodObject, ...z.ZodObject[]])),
              next: z.string().regex(/^\d+$/).meta({ description: "The cursor to send as `since` next time (a whole number, as text; the same one when nothing is new)." }),
              more: z.boolean().meta({ description: "More changes are waiting: ask again at once." }),
            })
            .meta({ id: "ChangePage" }),
          "Changes after `since`, oldest first.",
        ),
        ...errors(400),
      },
    },
  };
  out["/search"] = searchPath();
  out["/countries"] = {
    get: {
      operationId: "listCountries",
      summary: "Every ISO 3166-1 country",
      tags: ["countries"],
      responses: { "200": json(pageSchema("CountryPage", countryRow.extend({ url: z.url() }).meta({ id: "Country" })), "All countries, by name (one page: `next` is null)."), ...errors(400) },
    },
  };
  return out;
}

// ------------------------------------------------------------------ the global search (lib/search)

function searchPath(): ZodOpenApiPathsObject[string] {
  const type = z.enum(SEARCH_TYPES);
  const offset = z.number().int().min(0);
  const hit = z
    .strictObject({
      type,
      id: z.number().int().positive(),
      name: z.string().meta({ description: "The record's name, as its page and every list call it." }),
      href: z.string().regex(/^\/[a-z-]+\/[A-Za-z0-9]+$/).meta({ description: "Its page in the web app (a path)." }),
      snippet: z
        .strictObject({
          text: z.string().meta({ description: "Plain text around the match (never HTML)." }),
          highlights: z.array(z.tuple([offset, offset])).meta({ description: "The matched words: [start, end) offsets into `text`, in UTF-16 code units." }),
        })
        .meta({ id: "SearchSnippet" }),
      rank: z.number().min(0).meta({ description: "ts_rank: a match in a title or name weighs more than one in a body." }),
    })
    .meta({ id: "SearchHit" });
  const group = z
    .strictObject({
      type,
      heading: z.string(),
      hits: z.array(hit).meta({ description: "The best matches of this type, by rank (then newest first)." }),
      count: z.number().int().min(0).max(COUNT_CAP).meta({ description: `How many records of this type match (only those the caller may see), counted up to ${COUNT_CAP}.` }),
      countExact: z.boolean().meta({ description: `False when more than ${COUNT_CAP} match.` }),
      listHref: z.string().nullable().meta({ description: "The type's list page with the same search (null when nothing matched or the type has no list search)." }),
    })
    .meta({ id: "SearchGroup" });
  return {
    get: {
      operationId: "search",
      summary: "Search every record type at once",
      description:
        "Full-text search over every record type the caller may see (restricted records only for editors, admins and their author; deleted records never), ranked by relevance with title and name matches first, grouped by type. The last word also matches as a prefix (type-ahead).",
      tags: ["search"],
      parameters: [
        { name: "q", in: "query", required: true, description: "The words (web-search syntax: \"a phrase\", or, -word).", schema: { type: "string", minLength: 1, maxLength: MAX_SEARCH_LENGTH } },
        q("types", `Only these types, comma-separated (default: all): ${SEARCH_TYPES.join(", ")}.`, { type: "string", pattern: `^(${SEARCH_TYPES.join("|")})(,(${SEARCH_TYPES.join("|")}))*$` }),
        q("limit", `Hits per type (default ${TYPEAHEAD_PER_TYPE}).`, { type: "integer", minimum: 1, maximum: PAGE_PER_TYPE }),
      ],
      responses: {
        "200": json(
          z
            .strictObject({
              q: z.string().meta({ description: "The query as searched (white space collapsed)." }),
              groups: z.array(group).meta({ description: "One group per type asked for, in a fixed order, empty ones included." }),
              total: z.number().int().min(0),
            })
            .meta({ id: "SearchResults" }),
          "The matches, grouped by type.",
        ),
        ...errors(400),
      },
    },
  };
}

/** PATCH's fields: a type's fields, none required. */
function patchFields(fields: JsonSchema): JsonSchema {
  const rest = Object.fromEntries(Object.entries(fields).filter(([k]) => k !== "required" && k !== "anyOf"));
  return { ...rest, description: "Some of the fields (the others are kept). Any unknown field is refused with 400." };
}

type Document = ReturnType<typeof createDocument>;
let cached: Document | null = null;

export function openApiDocument(): Document {
  if (cached) return cached;
  const doc = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Demarche API",
      version: "1.0.0",
      description:
        "Every record type of Demarche: list (the web app's filters; cursor pagination), export, get, create, update (with the version read: 409 when stale) and delete; a feed of changes; a search across every type; the countries. Authenticate with the session cookie or an API token (Authorization: Bearer …) created on the account page. Errors are { error: { code, message, fields } } (schema Error), with the status of their code. Any query parameter or body field an operation does not take is refused with 400, naming it in `fields`. A method an address does not take is answered 405 METHOD_NOT_ALLOWED (components.responses.MethodNotAllowed).",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A personal API token (account page); read-only or read-write; never more than its user's role." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The web app's session (same-origin requests only for changes)." },
      },
      responses: { MethodNotAllowed: errorResponse(405) },
    },
    paths: paths(),
  });
  const schemas = doc.components!.schemas as Record<string, JsonSchema>;
  for (const resource of API_RESOURCES) {
    const name = singular(resource);
    schemas[`${name}Fields`] = refineFields(resource, schemas[`${name}Fields`]!);
    schemas[`${name}Patch`] = patchFields(schemas[`${name}Fields`]!);
  }
  cached = doc;
  return doc;
}
