import "server-only";
import { getDb } from "@/lib/db/client";

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
export async function listCountries(): Promise<CountryListRow[]> {
  return getDb().$queryRaw<CountryListRow[]>`
    SELECT c.id, c.name, c.alpha2, c.alpha3, c.numeric, c.region,
           COALESCE(made.n, 0)::int     AS "requestsMade",
           COALESCE(received.n, 0)::int AS "requestsReceived",
           COALESCE(conc.n, 0)::int     AS "unresolvedConcerns"
      FROM "Country" c
      LEFT JOIN (SELECT "requestingCountryId" AS id, count(*) AS n FROM "DiplomaticRequest"
                  WHERE "deletedAt" IS NULL GROUP BY 1) made ON made.id = c.id
      LEFT JOIN (SELECT "targetCountryId" AS id, count(*) AS n FROM "DiplomaticRequest"
                  WHERE "deletedAt" IS NULL GROUP BY 1) received ON received.id = c.id
      LEFT JOIN (SELECT cc."countryId" AS id, count(DISTINCT cc."concernId") AS n
                   FROM "ConcernCountry" cc JOIN "Concern" k ON k.id = cc."concernId"
                  WHERE k."deletedAt" IS NULL AND k.status IN ('OPEN', 'MONITORING')
                  GROUP BY 1) conc ON conc.id = c.id
     ORDER BY c.name`;
}
