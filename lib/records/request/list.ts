import "server-only";
// The list of diplomatic requests: /requests.
import {
  baseWhere,
  relatedSearchSql,
  countryIdSql,
  enumInSql,
  readableSql,
  rowsSql,
  vagueDateInRangeSql,
  verifiedSql,
  type ListQuery,
  type SortColumn,
} from "@/lib/db/lists/common";
import { requestsConcerningSql } from "@/lib/db/country-page";
import { linkWhere } from "@/lib/db/lists/links";
import { tsquerySql } from "@/lib/db/lists/search";
import type { Viewer } from "@/lib/db/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  Classification,
  DatePrecision,
  RequestAsk,
  RequestChannel,
  RequestResponse,
  Visibility,
} from "@/lib/generated/prisma/enums";
import type { ListParams, SortKey } from "@/lib/lists/params";
import { z } from "zod";

export type RequestListRow = {
  id: number;
  title: string;
  occurredOn: Date | null;
  occurredOnPrecision: DatePrecision | null;
  requestingCountry: string;
  requestingCountryAlpha2: string;
  targetCountry: string;
  targetCountryAlpha2: string;
  channel: RequestChannel | null;
  ask: RequestAsk;
  response: RequestResponse | null;
  classification: Classification | null;
  verified: boolean;
  visibility: Visibility;
  deletedAt: Date | null;
};

/**
 * A row of this list as the REST API and the JSON export send it (the SQL
 * below selects these columns; calendar dates as YYYY-MM-DD, instants as
 * ISO 8601): the OpenAPI document's row schema; the API adds `url`.
 */
export const requestListRow = z.strictObject({
  id: z.number().int(),
  title: z.string(),
  occurredOn: z.iso.date().nullable(),
  occurredOnPrecision: z.enum(DatePrecision).nullable(),
  requestingCountry: z.string(),
  requestingCountryAlpha2: z.string(),
  targetCountry: z.string(),
  targetCountryAlpha2: z.string(),
  channel: z.enum(RequestChannel).nullable(),
  ask: z.enum(RequestAsk),
  response: z.enum(RequestResponse).nullable(),
  classification: z.enum(Classification).nullable(),
  verified: z.boolean(),
  visibility: z.enum(Visibility),
  deletedAt: z.iso.datetime().nullable(),
});

const SORTS: Record<SortKey<"requests">, SortColumn> = {
  date: { expr: `r."occurredOn"`, nullable: true },
  title: { expr: `r.title`, nullable: false },
  response: { expr: `r.response`, nullable: true },
  ask: { expr: `r.ask`, nullable: false },
};

/** The list's query (exported for the query-plan tests). */
export function requestListQuery(viewer: Viewer, params: ListParams<"requests">): ListQuery {
  const { sql } = Prisma;
  const where = baseWhere(viewer, params, "r");
  // concerning=XX is no column (linkWhere's sides): its condition is the country page's.
  const { concerning, ...sides } = params.sides;
  where.push(...linkWhere(viewer, { ...params, sides }));
  if (concerning) where.push(requestsConcerningSql(viewer, "r", countryIdSql(concerning)));
  const anyOf: Prisma.Sql[] = [];
  if (params.country) {
    const id = countryIdSql(params.country);
    anyOf.push(sql`r."requestingCountryId" = ${id}`, sql`r."targetCountryId" = ${id}`);
  }
  if (params.enums.response.length) where.push(enumInSql("r.response", "RequestResponse", params.enums.response));
  if (params.enums.weapon.length) {
    // Through the request's transfers, those the viewer may see.
    where.push(sql`EXISTS (
      SELECT 1 FROM "RequestTransfer" rt
        JOIN "ArmsTransfer" t ON t.id = rt."transferId"
        JOIN "WeaponSystem" w ON w.id = t."weaponSystemId"
       WHERE rt."requestId" = r.id AND ${readableSql(viewer, "t")} AND ${readableSql(viewer, "w")}
         AND ${enumInSql("w.category", "WeaponCategory", params.enums.weapon)})`);
  }
  if (params.from || params.to) where.push(vagueDateInRangeSql(`r."occurredOn"`, `r."occurredOnPrecision"`, params.from, params.to));
  if (params.verified !== null) where.push(verifiedSql("r", params.verified));

  // The request's own text, its quotes' text and its citations' passages
  // (only quotes and sources the viewer may see).
  const search = params.q
    ? (() => {
        const tsq = tsquerySql(params.q);
        return relatedSearchSql("r", tsq, [
          { from: sql`"Quote" qt`, key: `qt."requestId"`, where: sql`qt.search @@ ${tsq} AND ${readableSql(viewer, "qt")}` },
          {
            from: sql`"Citation" ci JOIN "Source" so ON so.id = ci."sourceId"`,
            key: `ci."requestId"`,
            where: sql`ci.search @@ ${tsq} AND ${readableSql(viewer, "so")}`,
          },
        ]);
      })()
    : null;
  return {
    table: `"DiplomaticRequest"`,
    alias: "r",
    where,
    anyOf,
    search: search?.search ?? null,
    searchRow: search?.searchRow ?? null,
    sort: SORTS[params.sort], dir: params.dir, page: params.page };
}

export function requestRowsSql(query: ListQuery): Prisma.Sql {
  return rowsSql(
    query,
    Prisma.sql`r.id, r.title, r."occurredOn", r."occurredOnPrecision",
      rc.name AS "requestingCountry", rc.alpha2 AS "requestingCountryAlpha2",
      tc.name AS "targetCountry", tc.alpha2 AS "targetCountryAlpha2",
      r.channel, r.ask, r.response, r.classification,
      (r."verifiedAt" IS NOT NULL) AS verified, r.visibility, r."deletedAt"`,
    Prisma.sql`JOIN "Country" rc ON rc.id = r."requestingCountryId"
      JOIN "Country" tc ON tc.id = r."targetCountryId"`,
  );
}
