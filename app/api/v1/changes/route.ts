// GET /api/v1/changes?since=<cursor>&limit=: the change feed (lib/api/changes.ts).
import { listChanges } from "@/lib/api/changes";
import { apiRoute, jsonResponse } from "@/lib/api/http";

export const GET = apiRoute(async (request, principal) => jsonResponse(await listChanges(principal, new URL(request.url)), 200));
