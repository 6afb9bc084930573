// One record: GET, PUT (replace its fields), PATCH (change some), DELETE.
// Changes carry the version the client read (`version` in the body, or an
// If-Match header; for DELETE also ?version=): 409 when it is stale.
import { apiRoute, jsonResponse, positiveInt, readJson, refuseUnknownQuery } from "@/lib/api/http";
import { deleteApiRecord, getApiRecord, RECORD_QUERY, updateApiRecord } from "@/lib/api/records";
import { apiResource } from "@/lib/api/resources";
import { NotFoundError } from "@/lib/errors";

function target(params: Record<string, string | string[] | undefined>) {
  const resource = apiResource(params.resource);
  if (!resource) throw new NotFoundError(`No such resource: /api/v1/${String(params.resource)}. See /api/v1/openapi.json.`);
  return { resource, id: positiveInt(String(params.id), "id") };
}

export const GET = apiRoute(async (request, principal, params) => {
  const { resource, id } = target(params);
  refuseUnknownQuery(new URL(request.url), RECORD_QUERY.get);
  const record = await getApiRecord(resource, principal, id, new URL(request.url).origin);
  return jsonResponse(record, 200, { ETag: `"${record.version}"` });
});

export const PUT = apiRoute(async (request, principal, params) => {
  const { resource, id } = target(params);
  const record = await updateApiRecord(resource, principal, request, id, await readJson(request), "replace", new URL(request.url).origin);
  return jsonResponse(record, 200, { ETag: `"${record.version}"` });
});

export const PATCH = apiRoute(async (request, principal, params) => {
  const { resource, id } = target(params);
  const record = await updateApiRecord(resource, principal, request, id, await readJson(request), "merge", new URL(request.url).origin);
  return jsonResponse(record, 200, { ETag: `"${record.version}"` });
});

export const DELETE = apiRoute(async (request, principal, params) => {
  const { resource, id } = target(params);
  return jsonResponse(await deleteApiRecord(resource, principal, request, id), 200);
});
