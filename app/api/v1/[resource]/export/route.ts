// GET /api/v1/<resource>/export?format=csv|json&<the list's filters>: the
// whole list as a file, streamed (lib/api/export.ts).
import { exportList } from "@/lib/api/export";
import { apiRoute } from "@/lib/api/http";
import { apiResource } from "@/lib/api/resources";
import { NotFoundError } from "@/lib/errors";

export const GET = apiRoute(async (request, principal, params) => {
  const resource = apiResource(params.resource);
  if (!resource) throw new NotFoundError(`No such resource: /api/v1/${String(params.resource)}.`);
  return exportList(resource, principal, new URL(request.url));
});
