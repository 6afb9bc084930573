// GET /api/v1/countries: every ISO 3166-1 country (reference data, one page).
import { apiRoute, jsonResponse, refuseUnknownQuery } from "@/lib/api/http";
import { listCountriesForApi } from "@/lib/db/countries";

export const GET = apiRoute(async (request, principal) => {
  const url = new URL(request.url);
  refuseUnknownQuery(url, []);
  const origin = url.origin;
  const rows = await listCountriesForApi(principal.user);
  return jsonResponse({ data: rows.map((c) => ({ ...c, url: new URL(`/countries/${c.alpha2}`, origin).toString() })), next: null, limit: rows.length }, 200);
});
