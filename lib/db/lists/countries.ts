import "server-only";
// The list of countries (/countries) with the diplomatic requests each made
// and received and its unresolved concerns; and the country choices of the
// other lists' filters.
import { readableSql, rowsSql, searchSql, runList, visibleTo, type ListPage, type ListQuery, type SortColumn } from "@/lib/db/lists/common";
import { tsquerySql } from "@/lib/db/lists/search";
import { getDb } from "@/lib/db/client";
import type { Viewer } from "@/lib/db/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ListParams, SortKey } from "@/lib/lists/params";
import { PAGE_SIZE } from "@/lib/lists/params";

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

const SORTS: Record<SortKey<"countries">, SortColumn> = {
  name: { expr: `c.name`, nullable: false },
  alpha2: { expr: `c.alpha2`, nullable: false },
  region: { expr: `c.region`, nullable: true },
  made: { expr: `"requestsMade"`, nullable: false },
  received: { expr: `"requestsReceived"`, nullable: false },
  unresolved: { expr: `"unresolvedConcerns"`, nullable: false },
};
const COUNT_SORTS = new Set<string>(["made", "received", "unresolved"]);

export function countryListQuery(viewer: Viewer, params: ListParams<"countries">): ListQuery {
  const { sql } = Prisma;
  visibleTo(viewer, "c"); // throws for a role that may not read
  const where: Prisma.Sql[] = [];
  if (params.region) where.push(sql`c.region = ${params.region}`);
  // Names and official names by full-text search; codes exactly ("ru", "RUS").
  let search: Prisma.Sql | null = null;
  if (params.q) {
    const code = params.q.toUpperCase();
    const byCode = /^[A-Z]{2}$/.test(code)
      ? sql` OR c.alpha2 = ${code}::char(2)`
      : /^[A-Z]{3}$/.test(code)
        ? sql` OR c.alpha3 = ${code}::char(3)`
        : Prisma.empty;
    search = sql`(${searchSql("c", tsquerySql(params.q))}${byCode})`;
  }
  return { table: `"Country"`, alias: "c", where, search, sort: SORTS[params.sort], dir: params.dir, page: params.page };
}

function countColumns(viewer: Viewer): Prisma.Sql {
  return Prisma.sql`
    (SELECT count(*)::int FROM "DiplomaticRequest" r WHERE r."requestingCountryId" = c.id AND ${readableSql(viewer, "r")}) AS "requestsMade",
    (SELECT count(*)::int FROM "DiplomaticRequest" r WHERE r."targetCountryId" = c.id AND ${readableSql(viewer, "r")}) AS "requestsReceived",
    (SELECT count(DISTINCT cc."concernId")::int FROM "ConcernCountry" cc JOIN "Concern" k ON k.id = cc."concernId"
      WHERE cc."countryId" = c.id AND k.status IN ('OPEN', 'MONITORING') AND ${readableSql(viewer, "k")}) AS "unresolvedConcerns"`;
}

export function countryRowsSql(viewer: Viewer, query: ListQuery, params: ListParams<"countries">): Prisma.Sql {
  const { sql, raw, join } = Prisma;
  if (!COUNT_SORTS.has(params.sort)) {
    // The page of countries first, then its counts (by index, 50 countries).
    return rowsSql(query, sql`c.id, c.name, c.alpha2, c.alpha3, c.numeric, c.region, ${countColumns(viewer)}`);
  }
  // Sorted by a count: every matching country's counts, grouped in one pass
  // over the requests and concerns instead of one count per country.
  const dir = params.dir === "asc" ? "ASC" : "DESC";
  const conditions = query.search ? [...query.where, query.search] : query.where;
  return sql`
    SELECT c.id, c.name, c.alpha2, c.alpha3, c.numeric, c.region,
           COALESCE(made.n, 0)::int AS "requestsMade",
           COALESCE(received.n, 0)::int AS "requestsReceived",
           COALESCE(conc.n, 0)::int AS "unresolvedConcerns"
      FROM "Country" c
      LEFT JOIN (SELECT r."requestingCountryId" AS id, count(*) AS n FROM "DiplomaticRequest" r
                  WHERE ${readableSql(viewer, "r")} GROUP BY 1) made ON made.id = c.id
      LEFT JOIN (SELECT r."targetCountryId" AS id, count(*) AS n FROM "DiplomaticRequest" r
                  WHERE ${readableSql(viewer, "r")} GROUP BY 1) received ON received.id = c.id
      LEFT JOIN (SELECT cc."countryId" AS id, count(DISTINCT cc."concernId") AS n
                   FROM "ConcernCountry" cc JOIN "Concern" k ON k.id = cc."concernId"
                  WHERE k.status IN ('OPEN', 'MONITORING') AND ${readableSql(viewer, "k")}
                  GROUP BY 1) conc ON conc.id = c.id
     WHERE ${conditions.length ? join(conditions, " AND ") : sql`TRUE`}
     ORDER BY ${raw(`${SORTS[params.sort].expr} ${dir}, c.name ASC`)}
     LIMIT ${PAGE_SIZE + 1} OFFSET ${(params.page - 1) * PAGE_SIZE}`;
}

export async function listCountryPage(viewer: Viewer, params: ListParams<"countries">): Promise<ListPage<CountryListRow>> {
  const query = countryListQuery(viewer, params);
  return runList<CountryListRow>(query, countryRowsSql(viewer, query, params), false);
}

export type CountryOption = { alpha2: string; name: string };

/** Every country, by name: the choices of a country filter. */
export async function listCountryOptions(viewer: Viewer): Promise<CountryOption[]> {
  visibleTo(viewer, "c"); // throws for a role that may not read
  return getDb().$queryRaw<CountryOption[]>`SELECT alpha2::text AS alpha2, name FROM "Country" ORDER BY name`;
}

/** The regions countries belong to, for the region filter. */
export async function listRegions(viewer: Viewer): Promise<string[]> {
  visibleTo(viewer, "c");
  const rows = await getDb().$queryRaw<{ region: string }[]>`
    SELECT DISTINCT region FROM "Country" WHERE region IS NOT NULL ORDER BY region`;
  return rows.map((r) => r.region);
}
