// GET /api/v1/search?q=&types=&limit=: the global search (lib/search/api.ts).
import { apiRoute, jsonResponse } from "@/lib/api/http";
import { apiSearch } from "@/lib/search/api";

export const GET = apiRoute(async (request, principal) => jsonResponse(await apiSearch(principal, new URL(request.url)), 200));
