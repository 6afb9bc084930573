import "server-only";
// The world map's figures: for every country, its unresolved concerns (OPEN
// or MONITORING, through ConcernCountry, each concern once whatever its roles)
// and the diplomatic requests it received. One SQL statement, grouped in
// PostgreSQL, with the rules of readableBy (restricted records only for
// editors, admins and their author; deleted records never).
import { getDb } from "@/lib/db/client";
import { readableSql } from "@/lib/db/lists/common";
import type { Viewer } from "@/lib/db/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Measure } from "@/lib/map/measure";

export type MapFigure = {
  alpha2: string;
  numeric: string;
  name: string;
  /** The figure of the measure asked for. */
  value: number;
};

export type MapFigures = {
  measure: Measure;
  /** Every ISO country, by name. */
  countries: MapFigure[];
  /** The largest figure (0 when no country has any). */
  max: number;
  /** The sum over countries (a concern with several countries counts once for each). */
  total: number;
};

export async function getMapFigures(viewer: Viewer, measure: Measure): Promise<MapFigures> {
  const { sql } = Prisma;
  const figure =
    measure === "concerns"
      ? sql`(SELECT cc."countryId" AS id, count(DISTINCT cc."concernId") AS n
               FROM "ConcernCountry" cc JOIN "Concern" k ON k.id = cc."concernId"
              WHERE k.status IN ('OPEN', 'MONITORING') AND ${readableSql(viewer, "k")}
              GROUP BY 1)`
      : sql`(SELECT r."targetCountryId" AS id, count(*) AS n
               FROM "DiplomaticRequest" r
              WHERE ${readableSql(viewer, "r")}
              GROUP BY 1)`;
  const countries = await getDb().$queryRaw<MapFigure[]>`
    SELECT c.alpha2::text AS alpha2, c.numeric::text AS numeric, c.name, COALESCE(f.n, 0)::int AS value
      FROM "Country" c
      LEFT JOIN ${figure} f ON f.id = c.id
     ORDER BY c.name`;
  let max = 0;
  let total = 0;
  for (const c of countries) {
    if (c.value > max) max = c.value;
    total += c.value;
  }
  return { measure, countries, max, total };
}
