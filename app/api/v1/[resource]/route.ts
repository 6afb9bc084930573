// GET /api/v1/<resource>: a page of the list (the UI's filters, `cursor`, `limit`).
// POST /api/v1/<resource>: create a record from its fields (201, with Location).
import { apiRoute, jsonResponse, readJson } from "@/lib/api/http";
import { createApiRecord, listApiRecords } from "@/lib/api/records";
import { apiResource } from "@/lib/api/resources";
import { NotFoundError } from "@/lib/errors";

function resourceOf(name: string | string[] | undefined) {
  const resource = apiResource(name);
  if (!resource) throw new NotFoundError(`No such resource: /api/v1/${String(name)}. See /api/v1/openapi.json.`);
  return resource;
}

export const GET = apiRoute(async (request, principal, params) => {
  const url = new URL(request.url);
  return jsonResponse(await listApiRecords(resourceOf(params.resource), principal, url), 200);
});

export const POST = apiRoute(async (request, principal, params) => {
  const resource = resourceOf(params.resource);
  const body = await readJson(request);
  const record = await createApiRecord(resource, principal, body, new URL(request.url));
  return jsonResponse(record, 201, { Location: `/api/v1/${resource.name}/${record.id}` });
});
