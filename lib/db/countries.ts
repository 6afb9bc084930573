import "server-only";
import { getDb } from "@/lib/db/client";
import { readableBy, type Viewer } from "@/lib/db/visibility";
import { can } from "@/lib/permissions";

export type CountryListRow = {
  id: number;
  name: string;
  alpha2: string;
  alpha3: string;
  numeric: string;
  region: string | null;
  requestsMade: number;
  requestsReceived: number;
  unresolvedConcerns: number;
};

/**
 * Every country with its counts, computed in one SQL statement (grouped
 * sub-queries joined by id) rather than row by row.
 */
export async function listCountries(viewer: Viewer): Promise<CountryListRow[]> {
  readableBy(viewer); // throws for a role that may not read
  // Restricted records count only for those who may see them.
  const all = can(viewer.role, "record:read-restricted");
  const me = viewer.id;
  return getDb().$queryRaw<CountryListRow[]>`
    SELECT c.id, c.name, c.alpha2, c.alpha3, c.numeric, c.region,
           COALESCE(made.n, 0)::int     AS "requestsMade",
           COALESCE(received.n, 0)::int AS "requestsReceived",
           COALESCE(conc.n, 0)::int     AS "unresolvedConcerns"
      FROM "Country" c
      LEFT JOIN (SELECT "requestingCountryId" AS id, count(*) AS n FROM "DiplomaticRequest"
                  WHERE "deletedAt" IS NULL AND (${all} OR visibility = 'INTERNAL' OR "createdById" = ${me})
                  GROUP BY 1) made ON made.id = c.id
      LEFT JOIN (SELECT "targetCountryId" AS id, count(*) AS n FROM "DiplomaticRequest"
                  WHERE "deletedAt" IS NULL AND (${all} OR visibility = 'INTERNAL' OR "createdById" = ${me})
                  GROUP BY 1) received ON received.id = c.id
      LEFT JOIN (SELECT cc."countryId" AS id, count(DISTINCT cc."concernId") AS n
                   FROM "ConcernCountry" cc JOIN "Concern" k ON k.id = cc."concernId"
                  WHERE k."deletedAt" IS NULL AND k.status IN ('OPEN', 'MONITORING')
                    AND (${all} OR k.visibility = 'INTERNAL' OR k."createdById" = ${me})
                  GROUP BY 1) conc ON conc.id = c.id
     ORDER BY c.name`;
}

export type ApiCountry = { id: number; alpha2: string; alpha3: string; numeric: string; name: string; officialName: string | null; region: string | null; subregion: string | null; altNames: string[] };

/** Every country's reference data (no counts), by name: the API's countries. */
export async function listCountriesForApi(viewer: Viewer): Promise<ApiCountry[]> {
  readableBy(viewer); // throws for a role that may not read
  return getDb().country.findMany({
    select: { id: true, alpha2: true, alpha3: true, numeric: true, name: true, officialName: true, region: true, subregion: true, altNames: true },
    orderBy: { name: "asc" },
  });
}

/** Every country's name by id (countries are reference data, readable by all): for showing stored country ids, as the history page does. */
export async function countryNames(): Promise<Map<number, string>> {
  const rows = await getDb().country.findMany({ select: { id: true, name: true } });
  return new Map(rows.map((c) => [c.id, c.name]));
}
