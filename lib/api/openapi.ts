import "server-only";
// The OpenAPI 3.1 document of /api/v1, generated (zod-openapi) from the very
// zod schemas that validate the requests (each record type's form schema in
// lib/validation/, through the record registry) and from the lists' filter
// specifications (lib/lists/params.ts), so that it cannot drift from what
// the API accepts.
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { API_MAX_PAGE_SIZE, API_PAGE_SIZE, API_RESOURCES, type ApiResource } from "@/lib/api/resources";
import { LIST_SPECS } from "@/lib/lists/params";
import { RECORDS } from "@/lib/records/registry";

const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Stable, machine-readable: BAD_REQUEST, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, VALIDATION, RATE_LIMITED, INTERNAL." }),
      message: z.string().meta({ description: "For people: what went wrong and what to do." }),
      fields: z.record(z.string(), z.array(z.string())).meta({ description: "Messages per field (or query parameter), when the problem is one of them." }),
      details: z.unknown().optional().meta({ description: "On a 409 conflict: the record's current version and state, and what others changed." }),
    }),
  })
  .meta({ id: "Error" });

const pascal = (name: string) => name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());

function errors(...statuses: number[]) {
  const text: Record<number, string> = {
    400: "Malformed request: not JSON, an unknown parameter, a bad cursor or version.",
    401: "No valid session or API token.",
    403: "Not allowed: the role, the record's owner, or a read-only token.",
    404: "No such record, or one this user may not see.",
    409: "The record changed since the version sent (details say how), or it is still used.",
    422: "The record's fields are not valid (messages per field).",
    429: "Too many requests: wait for Retry-After seconds.",
  };
  return Object.fromEntries(statuses.map((s) => [String(s), { description: text[s]!, content: { "application/json": { schema: errorSchema } } }]));
}

function listParameters(resource: ApiResource) {
  const base = [
    { name: "cursor", in: "query" as const, required: false, description: "The `next` of the previous page.", schema: { type: "string" as const } },
    { name: "limit", in: "query" as const, required: false, description: `Rows per page (default ${API_PAGE_SIZE}, at most ${API_MAX_PAGE_SIZE}).`, schema: { type: "integer" as const, minimum: 1, maximum: API_MAX_PAGE_SIZE } },
  ];
  if (!resource.list) return base;
  const spec = LIST_SPECS[resource.list];
  const q = (name: string, description: string, schema: Record<string, unknown>) => ({ name, in: "query" as const, required: false, description, schema });
  const out: ReturnType<typeof q>[] = [...base.map((b) => ({ ...b, schema: b.schema as Record<string, unknown> }))];
  if (spec.search) out.push(q("q", "Full-text search.", { type: "string", maxLength: 200 }));
  if (spec.country) out.push(q("country", "ISO 3166-1 alpha-2 code of a country involved.", { type: "string", pattern: "^[A-Za-z]{2}$" }));
  if (spec.region) out.push(q("region", "Region.", { type: "string" }));
  if (spec.dates) {
    out.push(q("from", "From (YYYY, YYYY-MM or YYYY-MM-DD; vague dates whose period overlaps count).", { type: "string", pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" }));
    out.push(q("to", "To (YYYY, YYYY-MM or YYYY-MM-DD).", { type: "string", pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" }));
  }
  if (spec.verification) out.push(q("verified", "Only verified (yes) or unverified (no) records.", { type: "string", enum: ["yes", "no"] }));
  if (spec.deletable) out.push(q("deleted", "yes: the deleted records instead (editors and admins).", { type: "string", enum: ["yes", "no"] }));
  for (const [key, values] of Object.entries(spec.enums)) {
    out.push(q(key, `One or more of the values, comma-separated.`, { type: "string", description: Object.values(values).join(", ") }));
  }
  for (const [key, noun] of Object.entries(spec.links)) {
    out.push(q(key, `Only those linked to this ${noun} (its id).`, { type: "string", pattern: "^\\d{1,9}$" }));
  }
  for (const [key, side] of Object.entries(spec.sides)) {
    out.push(q(key, `ISO 3166-1 alpha-2 code of the ${side}.`, { type: "string", pattern: "^[A-Za-z]{2}$" }));
  }
  out.push(q("sort", "Order of the list.", { type: "string", enum: Object.keys(spec.sorts) }));
  out.push(q("dir", "Direction of the order.", { type: "string", enum: ["asc", "desc"] }));
  return out;
}

function recordSchemas(resource: ApiResource) {
  const name = pascal(resource.name.replace(/s$/, ""));
  const fields = (RECORDS[resource.record].schema as z.ZodType).meta({ id: `${name}Fields`, description: `The fields of a ${resource.noun}, as create and update take them.` });
  const record = z
    .object({
      id: z.number().int(),
      type: z.literal(resource.name),
      url: z.string().meta({ description: "The record's page in the web app." }),
      version: z.number().int().meta({ description: "Send it back with a change: a stale one is refused with 409." }),
      visibility: z.enum(["INTERNAL", "RESTRICTED"]),
      verified: z.boolean(),
      deleted: z.boolean(),
      createdAt: z.string().meta({ format: "date-time" }),
      updatedAt: z.string().meta({ format: "date-time" }),
      data: z.record(z.string(), z.unknown()).meta({ description: `The ${resource.noun}'s fields (see ${name}Fields).` }),
    })
    .meta({ id: name });
  return { name, fields, record };
}

const listResponse = z
  .object({
    data: z.array(z.object({ id: z.number().int(), url: z.string() }).catchall(z.unknown())).meta({ description: "The page's rows: the columns the list shows, and the record's URL." }),
    next: z.string().nullable().meta({ description: "Cursor of the next page; null on the last." }),
    limit: z.number().int(),
  })
  .meta({ id: "ListPage" });

function paths(): ZodOpenApiPathsObject {
  const out: ZodOpenApiPathsObject = {};
  for (const resource of API_RESOURCES) {
    const { name, fields, record } = recordSchemas(resource);
    const ok = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });
    const idParam = { name: "id", in: "path" as const, required: true, schema: { type: "integer" as const, minimum: 1 } };
    const list: ZodOpenApiOperationObject = {
      operationId: `list${pascal(resource.name)}`,
      summary: `List ${resource.name}`,
      tags: [resource.name],
      parameters: listParameters(resource),
      responses: { "200": ok(listResponse, "A page of the list."), ...errors(400, 401, 403, 429) },
    };
    const create: ZodOpenApiOperationObject = {
      operationId: `create${name}`,
      summary: `Create a ${resource.noun}`,
      tags: [resource.name],
      requestBody: { required: true, content: { "application/json": { schema: fields } } },
      responses: { "201": ok(record, "Created; Location gives its address."), ...errors(400, 401, 403, 422, 429) },
    };
    const change = z.object({ version: z.number().int().min(1), data: fields });
    out[`/${resource.name}`] = { get: list, post: create };
    out[`/${resource.name}/{id}`] = {
      get: { operationId: `get${name}`, summary: `One ${resource.noun}`, tags: [resource.name], parameters: [idParam], responses: { "200": ok(record, "The record (ETag: its version)."), ...errors(400, 401, 404, 429) } },
      put: {
        operationId: `replace${name}`,
        summary: `Replace a ${resource.noun}'s fields`,
        tags: [resource.name],
        parameters: [idParam],
        requestBody: { required: true, content: { "application/json": { schema: change } } },
        responses: { "200": ok(record, "Updated."), ...errors(400, 401, 403, 404, 409, 422, 429) },
      },
      patch: {
        operationId: `update${name}`,
        summary: `Change some of a ${resource.noun}'s fields`,
        tags: [resource.name],
        parameters: [idParam],
        requestBody: {
          required: true,
          content: { "application/json": { schema: z.object({ version: z.number().int().min(1), data: z.record(z.string(), z.unknown()).meta({ description: `Some fields of ${name}Fields; the others are kept.` }) }) } },
        },
        responses: { "200": ok(record, "Updated."), ...errors(400, 401, 403, 404, 409, 422, 429) },
      },
      delete: {
        operationId: `delete${name}`,
        summary: `Delete a ${resource.noun} (it can be restored by an editor)`,
        tags: [resource.name],
        parameters: [idParam, { name: "version", in: "query", required: false, description: "The version read (or send If-Match).", schema: { type: "integer", minimum: 1 } }],
        responses: { "200": ok(z.object({ id: z.number().int(), deleted: z.literal(true), version: z.number().int() }), "Deleted."), ...errors(400, 401, 403, 404, 409, 429) },
      },
    };
  }
  out["/changes"] = {
    get: {
      operationId: "listChanges",
      summary: "Changes to records, in order, after a cursor",
      tags: ["changes"],
      parameters: [
        { name: "since", in: "query", required: false, description: "The `next` of the previous call (0 or absent: from the beginning).", schema: { type: "string" } },
        { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: API_MAX_PAGE_SIZE } },
      ],
      responses: {
        "200": {
          description: "Changes after `since`, oldest first.",
          content: {
            "application/json": {
              schema: z
                .object({
                  changes: z.array(
                    z.object({
                      cursor: z.string(),
                      type: z.string(),
                      id: z.number().int(),
                      action: z.enum(["created", "updated", "deleted", "restored"]),
                      version: z.number().int().nullable(),
                      occurredAt: z.string().meta({ format: "date-time" }),
                      url: z.string(),
                      data: z.record(z.string(), z.unknown()).nullable(),
                    }),
                  ),
                  next: z.string().meta({ description: "Pass as `since` next time." }),
                  more: z.boolean().meta({ description: "More changes are waiting: ask again at once." }),
                })
                .meta({ id: "ChangePage" }),
            },
          },
        },
        ...errors(400, 401, 429),
      },
    },
  };
  out["/countries"] = {
    get: {
      operationId: "listCountries",
      summary: "Every ISO 3166-1 country",
      tags: ["countries"],
      responses: { "200": { description: "All countries (one page).", content: { "application/json": { schema: listResponse } } }, ...errors(401, 429) },
    },
  };
  return out;
}

let cached: ReturnType<typeof createDocument> | null = null;

export function openApiDocument(): ReturnType<typeof createDocument> {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Demarche API",
      version: "1.0.0",
      description:
        "Every record type of Demarche: list (the web app's filters; cursor pagination), get, create, update (with the version read: 409 when stale) and delete; and a feed of changes. Authenticate with the session cookie or an API token (Authorization: Bearer …) created on the account page. Errors are { error: { code, message, fields } }.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A personal API token (account page); read-only or read-write; never more than its user's role." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The web app's session (same-origin requests only for changes)." },
      },
    },
    paths: paths(),
  });
  return cached;
}
