import "server-only";
// The world map's figures: for every country, its unresolved concerns (OPEN
// or MONITORING, through ConcernCountry, each concern once whatever its roles)
// and the diplomatic requests it received (from the dashboard's rollups).
// One SQL statement, grouped in PostgreSQL, with the rules of readableBy (restricted records only for
// editors, admins and their author; deleted records never).
import { getDb } from "@/lib/db/client";
import { readableSql } from "@/lib/db/lists/common";
import { can } from "@/lib/permissions";
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

/**
 * Requests received per country, from the dashboard's trigger-maintained
 * counts (prisma/rollups.sql: every request, all dates, by target); counts
 * of restricted requests serve readers of every restricted record, anyone
 * else gets their own restricted requests counted from the table.
 */
function requestsReceived(viewer: Viewer): Prisma.Sql {
  const { sql } = Prisma;
  readableSql(viewer, "r"); // throws for a role that may not read
  const all = can(viewer.role, "record:read-restricted");
  return sql`(SELECT x.id, sum(x.n) AS n FROM (
                SELECT t.target_id AS id, t.n FROM dashboard.request_targets t
                 WHERE t.country_id = 0 AND t.year = 0 ${all ? sql`` : sql`AND NOT t.restricted`}
                ${all ? sql`` : sql`UNION ALL
                SELECT r."targetCountryId", 1 FROM "DiplomaticRequest" r
                 WHERE r."createdById" = ${viewer.id} AND r.visibility = 'RESTRICTED' AND r."deletedAt" IS NULL`}
              ) x GROUP BY 1)`;
}

export async function getMapFigures(viewer: Viewer, measure: Measure): Promise<MapFigures> {
  const { sql } = Prisma;
  const figure =
    measure === "concerns"
      ? sql`(SELECT cc."countryId" AS id, count(DISTINCT cc."concernId") AS n
               FROM "ConcernCountry" cc JOIN "Concern" k ON k.id = cc."concernId"
              WHERE k.status IN ('OPEN', 'MONITORING') AND ${readableSql(viewer, "k")}
              GROUP BY 1)`
      : requestsReceived(viewer);
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
