import "server-only";
// The data behind a country's page (/countries/XX): the country as supplier
// and as recipient of arms transfers, the diplomatic requests it made,
// received and that concern it (requestsConcerningSql) with their responses,
// its concerns, its inspections (as host or inspecting party) and a timeline.
//
// Every figure is counted in PostgreSQL (GROUP BY, GROUPING SETS, window
// counts; the requests made and received from the dashboard's
// trigger-maintained counts, prisma/rollups.sql, those concerning it from the
// requests themselves); JavaScript only reshapes the grouped rows. Each query applies the
// rule of readableBy in SQL (readableSql: not deleted, and RESTRICTED only for
// editors, admins and the record's author), to the records counted and to the
// records they show (a hidden weapon system leaves its transfer's category
// unknown). The country is looked up first; then nine statements on indexed
// columns run in parallel, each given the country's id as a value, so that
// PostgreSQL plans each for that country's number of rows (a few for most,
// tens of thousands for the largest).
import { getDb } from "@/lib/db/client";
import { readableSql } from "@/lib/db/lists/common";
import { can } from "@/lib/permissions";
import { displayName } from "@/lib/records/definitions";
import type { Viewer } from "@/lib/db/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import { RequestResponse as RequestResponses } from "@/lib/generated/prisma/enums";
import type {
  ConcernCategory,
  ConcernCountryRole,
  ConcernStatus,
  DatePrecision,
  InspectionStatus,
  RequestAsk,
  RequestResponse,
  Severity,
  TransferStatus,
  WeaponCategory,
} from "@/lib/generated/prisma/enums";

type Sql = Prisma.Sql;
const RESPONSE_ORDER = Object.values(RequestResponses);
const { sql } = Prisma;

/** How many of the latest records each section lists (the counts cover all of them). */
export const LATEST_LIMIT = 10;
/** At most this many concerns and inspections are listed; the counts cover all. */
export const LIST_LIMIT = 25;
/** The timeline keeps the latest this many years that have records (5 series: at most 1,000 points). */
export const TIMELINE_MAX_YEARS = 200;

/** A country code as the URL gives it: two letters, any case. Anything else is no country. */
export function parseCountryCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : null;
}

export type CountryInfo = {
  id: number;
  alpha2: string;
  alpha3: string;
  numeric: string;
  name: string;
  officialName: string | null;
  region: string | null;
  subregion: string | null;
};

export type TransferSide = "SUPPLIER" | "RECIPIENT";

/**
 * Deliveries of one side and one weapon category (null: unknown, or a weapon
 * system the viewer may not see) in one year: a transfer counts in each of
 * its years of delivery.
 */
export type TransferYearCell = {
  year: number;
  delivered: number;
  /** Of `delivered`, those whose years of delivery are estimates. */
  deliveredEstimated: number;
};

export type TransferCategoryGroup = {
  category: WeaponCategory | null;
  /** Distinct transfers of this category, any year. */
  transfers: number;
  /** Of these: with a known year of order (of which estimated), with a known delivery year (of which estimated), with no year at all. */
  ordered: number;
  orderedEstimated: number;
  delivered: number;
  deliveredEstimated: number;
  undated: number;
  firstId: number;
  years: TransferYearCell[];
};

export type TransferListItem = {
  id: number;
  /** Its display name (displayName), as its page, its list and its pickers name it. */
  name: string;
  counterpart: string;
  counterpartAlpha2: string;
  weaponSystem: string | null;
  weaponCategory: WeaponCategory | null;
  status: TransferStatus;
  orderYear: number | null;
  orderYearUncertain: boolean;
  deliveryYears: number[];
  deliveryYearsUncertain: boolean;
};

export type TransferSideSummary = {
  /** Distinct transfers on this side. */
  total: number;
  firstId: number | null;
  categories: TransferCategoryGroup[];
  /** The latest LATEST_LIMIT transfers (by year of order, then of delivery). */
  latest: TransferListItem[];
};

/**
 * MADE: the country is the requesting one; RECEIVED: the target; CONCERNING:
 * neither, but a transfer or a concern the request is linked to involves it
 * (requestsConcerningSql).
 */
export type RequestDirection = "MADE" | "RECEIVED" | "CONCERNING";

export type ResponseCount = {
  /** null: the response is not known. */
  response: RequestResponse | null;
  count: number;
};

export type RequestListItem = {
  id: number;
  title: string;
  occurredOn: Date | null;
  occurredOnPrecision: DatePrecision | null;
  ask: RequestAsk;
  response: RequestResponse | null;
  /** The other country: the target of a request made, the requester of one received or concerning the country. */
  counterpart: string;
  counterpartAlpha2: string;
  /** Of a request concerning the country only (else null): its target. */
  target: string | null;
  targetAlpha2: string | null;
};

export type RequestDirectionSummary = {
  total: number;
  byResponse: ResponseCount[];
  latest: RequestListItem[];
};

export type CountryConcern = {
  id: number;
  title: string;
  status: ConcernStatus;
  severity: Severity;
  category: ConcernCategory;
  /** The country's roles in the concern (a country may have several). */
  roles: ConcernCountryRole[];
  openedOn: Date | null;
  openedOnPrecision: DatePrecision | null;
  nextReviewOn: Date | null;
  /** Unresolved and past its review date. */
  overdue: boolean;
};

export type ConcernSummary = {
  total: number;
  unresolved: number;
  byStatus: { status: ConcernStatus; count: number }[];
  /** Unresolved first, then the most recently opened; at most LIST_LIMIT. */
  list: CountryConcern[];
};

export type InspectionSide = "HOST" | "INSPECTING";

/** Statuses of an inspection that was promised, asserted or due and has not happened. */
export const NEVER_CONDUCTED: readonly InspectionStatus[] = ["RIGHT_ASSERTED", "SCHEDULED", "OVERDUE", "REFUSED"];

export type CountryInspection = {
  id: number;
  /** Its display name (displayName), as its page, its list and its pickers name it. */
  name: string;
  status: InspectionStatus;
  /** Promised, asserted, scheduled or refused, and never conducted. */
  neverConducted: boolean;
  basis: string | null;
  assertedOn: Date | null;
  assertedOnPrecision: DatePrecision | null;
  scheduledOn: Date | null;
  scheduledOnPrecision: DatePrecision | null;
  conductedOn: Date | null;
  conductedOnPrecision: DatePrecision | null;
  /** The other side: the inspecting country or party for a host, the host for an inspector. */
  counterpart: string | null;
  counterpartAlpha2: string | null;
  weaponSystem: string | null;
  transferId: number | null;
};

export type InspectionSideSummary = {
  total: number;
  neverConducted: number;
  list: CountryInspection[];
};

export type TimelineYear = {
  /** null: the records whose year is not known. */
  year: number | null;
  requestsMade: number;
  requestsReceived: number;
  /** Requests neither made nor received that concern the country (requestsConcerningSql). */
  requestsConcerning: number;
  /** Transfers (supplied or received) ordered that year. */
  transfersOrdered: number;
  /** Transfers (supplied or received) with a delivery that year. */
  transfersDelivered: number;
  /** In the year-unknown row only: transfers with neither a year of order nor one of delivery. */
  transfersUndated: number;
  firstOrderedId: number | null;
  firstDeliveredId: number | null;
};

export type CountryPage = {
  country: CountryInfo;
  transfers: Record<TransferSide, TransferSideSummary>;
  requests: Record<RequestDirection, RequestDirectionSummary>;
  concerns: ConcernSummary;
  inspections: Record<InspectionSide, InspectionSideSummary>;
  /** Dated years in order, then (when any) the year-unknown row. */
  timeline: TimelineYear[];
};

async function findCountry(code: string): Promise<CountryInfo | null> {
  const rows = await getDb().$queryRaw<CountryInfo[]>`
    SELECT id, alpha2::text AS alpha2, alpha3::text AS alpha3, numeric::text AS numeric, name, "officialName", region, subregion
      FROM "Country" WHERE alpha2 = ${code}::char(2)`;
  return rows[0] ?? null;
}

type TransferGroupRow = {
  /** null on the year totals (level 4). */
  side: TransferSide;
  /**
   * 0: deliveries of a category in a year; 1: a category, all years; 3: the
   * side; and, for the timeline, both sides with each transfer once: 4
   * deliveries in a year, 5 orders in a year, 6 transfers with no year.
   */
  level: number;
  category: WeaponCategory | null;
  year: number | null;
  transfers: number;
  ordered: number;
  orderedEstimated: number;
  delivered: number;
  deliveredEstimated: number;
  undated: number;
  /** The smallest id among the transfers counted: the record itself when there is one. */
  firstId: number;
};

/**
 * The transfers of each side grouped by category and year, with the totals
 * of each category and side. A transfer counts in each year it was ordered or
 * delivered (its delivery years are distinct, lib/records/transfer/definition.ts),
 * so that each (transfer, year) is one row and the year groups are plain
 * counts; the totals count transfers, not their years.
 */
function transferGroups(viewer: Viewer, id: number): Promise<TransferGroupRow[]> {
  // Each side read from its covering index; not materialized, so that each
  // use below is a scan of its own (cheaper than storing the rows once).
  // `again`: a transfer from the country to itself, already counted as
  // supplied (the timeline counts it once).
  const across = sql`GROUPING(t.side) = 1`;
  return getDb().$queryRaw<TransferGroupRow[]>`
    WITH mine AS NOT MATERIALIZED (
      SELECT 'SUPPLIER' AS side, false AS again, t.id, t."weaponSystemId", t."orderYear", t."orderYearUncertain", t."deliveryYears", t."deliveryYearsUncertain"
        FROM "ArmsTransfer" t WHERE t."supplierId" = ${id} AND ${readableSql(viewer, "t")}
      UNION ALL
      SELECT 'RECIPIENT' AS side, t."supplierId" = t."recipientId", t.id, t."weaponSystemId", t."orderYear", t."orderYearUncertain", t."deliveryYears", t."deliveryYearsUncertain"
        FROM "ArmsTransfer" t WHERE t."recipientId" = ${id} AND ${readableSql(viewer, "t")}
    ), typed AS NOT MATERIALIZED (
      SELECT m.*, w.category
        FROM mine m LEFT JOIN "WeaponSystem" w ON w.id = m."weaponSystemId" AND ${readableSql(viewer, "w")}
    )
    SELECT g.side, g.level, g.category::text AS category, g.year, g.transfers, g.ordered, g."orderedEstimated",
           g.delivered, g."deliveredEstimated", g.undated, g."firstId"
      FROM (
        -- Deliveries per side, category and year (0), and per year across sides (4).
        -- A transfer's delivery years are distinct (lib/records/transfer/definition.ts).
        SELECT CASE WHEN ${across} THEN NULL ELSE t.side END AS side, CASE WHEN ${across} THEN 4 ELSE 0 END AS level,
               t.category, d.year, 0 AS transfers, 0 AS ordered, 0 AS "orderedEstimated",
               (CASE WHEN ${across} THEN count(*) FILTER (WHERE NOT t.again) ELSE count(*) END)::int AS delivered,
               (CASE WHEN ${across} THEN count(*) FILTER (WHERE NOT t.again AND t."deliveryYearsUncertain")
                     ELSE count(*) FILTER (WHERE t."deliveryYearsUncertain") END)::int AS "deliveredEstimated",
               0 AS undated, min(t.id) AS "firstId"
          FROM typed t CROSS JOIN LATERAL unnest(t."deliveryYears") AS d(year)
         GROUP BY GROUPING SETS ((t.side, t.category, d.year), (d.year))
        UNION ALL
        -- Orders per year across sides (5).
        SELECT NULL, 5, NULL, t."orderYear"::int, 0, count(*)::int, count(*) FILTER (WHERE t."orderYearUncertain")::int, 0, 0, 0, min(t.id)
          FROM typed t WHERE t."orderYear" IS NOT NULL AND NOT t.again
         GROUP BY t."orderYear"
        UNION ALL
        -- Transfers per side and category (1) and per side (3), and those with no year across sides (6).
        SELECT CASE WHEN GROUPING(side) = 1 THEN NULL ELSE side END,
               CASE WHEN GROUPING(side) = 1 THEN 6 WHEN GROUPING(category) = 1 THEN 3 ELSE 1 END, category, NULL::int,
               count(*)::int,
               count(*) FILTER (WHERE "orderYear" IS NOT NULL)::int,
               count(*) FILTER (WHERE "orderYear" IS NOT NULL AND "orderYearUncertain")::int,
               count(*) FILTER (WHERE cardinality("deliveryYears") > 0)::int,
               count(*) FILTER (WHERE cardinality("deliveryYears") > 0 AND "deliveryYearsUncertain")::int,
               (CASE WHEN GROUPING(side) = 1 THEN count(*) FILTER (WHERE NOT again AND "orderYear" IS NULL AND cardinality("deliveryYears") = 0)
                     ELSE count(*) FILTER (WHERE "orderYear" IS NULL AND cardinality("deliveryYears") = 0) END)::int,
               min(id)
          FROM typed
         GROUP BY GROUPING SETS ((side, category), (side), ())
      ) g
     ORDER BY g.side DESC NULLS LAST, g.level DESC, g.category NULLS LAST, g.year NULLS LAST`;
}

/** A transfer as read, with its name's parts (named in getCountryPage). */
type TransferListRow = Omit<TransferListItem, "name"> & { side: TransferSide; supplier: string; recipient: string; weaponSystemHidden: boolean };

/** The latest transfers of each side (LATEST_LIMIT each). */
function latestTransfers(viewer: Viewer, id: number): Promise<TransferListRow[]> {
  // The page of each side first, from the covering index alone (a top-N sort
  // of narrow rows); then the few rows it shows, joined to their names.
  const latest = (column: Sql) => sql`(SELECT t.id FROM "ArmsTransfer" t
      WHERE ${column} = ${id} AND ${readableSql(viewer, "t")}
      ORDER BY COALESCE(t."orderYear", t."deliveryYears"[1]) DESC NULLS LAST, t.id DESC
      LIMIT ${LATEST_LIMIT})`;
  return getDb().$queryRaw<TransferListRow[]>`
    SELECT m.side, t.id, oc.name AS counterpart, oc.alpha2::text AS "counterpartAlpha2",
           sc.name AS supplier, rc.name AS recipient, (t."weaponSystemId" IS NOT NULL AND w.id IS NULL) AS "weaponSystemHidden",
           w.name AS "weaponSystem", w.category::text AS "weaponCategory", t.status::text AS status,
           t."orderYear"::int AS "orderYear", t."orderYearUncertain", t."deliveryYears", t."deliveryYearsUncertain"
      FROM (SELECT 'SUPPLIER' AS side, p.id FROM ${latest(sql`t."supplierId"`)} p
            UNION ALL
            SELECT 'RECIPIENT', p.id FROM ${latest(sql`t."recipientId"`)} p) m
      JOIN "ArmsTransfer" t ON t.id = m.id
      JOIN "Country" oc ON oc.id = CASE WHEN m.side = 'SUPPLIER' THEN t."recipientId" ELSE t."supplierId" END
      JOIN "Country" sc ON sc.id = t."supplierId"
      JOIN "Country" rc ON rc.id = t."recipientId"
      LEFT JOIN "WeaponSystem" w ON w.id = t."weaponSystemId" AND ${readableSql(viewer, "w")}
     ORDER BY m.side DESC, COALESCE(t."orderYear", t."deliveryYears"[1]) DESC NULLS LAST, t.id DESC`;
}

type ResponseRow = { direction: RequestDirection; level: number; response: RequestResponse | null; count: number };

/**
 * The ids of the requests linked to something about the country `countryId`
 * (SQL of a country id): to a transfer it supplied or received, or to a
 * concern in which it has a role (ConcernCountry). Only through links the
 * viewer may read: a restricted transfer or concern does not tell the viewer
 * that a request is about its countries. The requests' own visibility is the
 * caller's to check.
 */
function linkedToCountrySql(viewer: Viewer, countryId: Sql): Sql {
  return sql`(SELECT rt."requestId" FROM "RequestTransfer" rt JOIN "ArmsTransfer" lt ON lt.id = rt."transferId"
       WHERE (lt."supplierId" = ${countryId} OR lt."recipientId" = ${countryId}) AND ${readableSql(viewer, "lt")}
     UNION
     SELECT rk."requestId" FROM "RequestConcern" rk JOIN "Concern" lk ON lk.id = rk."concernId"
       WHERE rk."concernId" IN (SELECT lc."concernId" FROM "ConcernCountry" lc WHERE lc."countryId" = ${countryId}) AND ${readableSql(viewer, "lk")})`;
}

/**
 * The condition on the request `alias` that it concerns the country
 * `countryId` (SQL of a country id): linked to a transfer or a concern about
 * the country (linkedToCountrySql), and the country is neither its
 * requesting nor its target country (those are "made" and "received"). The
 * country page counts these and the request list filters by them
 * (/requests?concerning=XX); the request's own visibility is the caller's.
 */
export function requestsConcerningSql(viewer: Viewer, alias: string, countryId: Sql): Sql {
  const r = Prisma.raw(alias);
  return sql`(${r}.id IN ${linkedToCountrySql(viewer, countryId)}
    AND ${r}."requestingCountryId" <> ${countryId} AND ${r}."targetCountryId" <> ${countryId})`;
}

type ConcerningRow = { kind: "response" | "year"; level: number; key: number | null; response: RequestResponse | null; count: number };

/** The requests concerning the country that the viewer may read, as `mine`: a CTE over (id, occurredOn, response). */
function concerningCte(viewer: Viewer, id: number): Sql {
  return sql`mine AS MATERIALIZED (
      SELECT r.id, r."occurredOn", r.response FROM "DiplomaticRequest" r
       WHERE ${requestsConcerningSql(viewer, "r", sql`${id}::int`)} AND ${readableSql(viewer, "r")}
    )`;
}

/**
 * The requests concerning the country, counted from the table (the rollups
 * know only the requesting and target countries): by response (level 0)
 * with the total (level 1), and by year of the request (kind "year").
 */
function concerningCounts(viewer: Viewer, id: number): Promise<ConcerningRow[]> {
  return getDb().$queryRaw<ConcerningRow[]>`
    WITH ${concerningCte(viewer, id)}
    SELECT 'response' AS kind, GROUPING(m.response)::int AS level, NULL::int AS key, m.response::text AS response, count(*)::int AS count
      FROM mine m GROUP BY GROUPING SETS ((m.response), ())
    UNION ALL
    SELECT 'year', 0, EXTRACT(YEAR FROM m."occurredOn")::int, NULL, count(*)::int FROM mine m GROUP BY 3`;
}

/** The latest LATEST_LIMIT requests concerning the country, with their requesting and target countries. */
function latestConcerning(viewer: Viewer, id: number): Promise<RequestListItem[]> {
  return getDb().$queryRaw<RequestListItem[]>`
    WITH ${concerningCte(viewer, id)}, page AS (
      SELECT m.id FROM mine m ORDER BY m."occurredOn" DESC NULLS LAST, m.id DESC LIMIT ${LATEST_LIMIT}
    )
    SELECT r.id, r.title, r."occurredOn", r."occurredOnPrecision"::text AS "occurredOnPrecision",
           r.ask::text AS ask, r.response::text AS response, rc.name AS counterpart, rc.alpha2::text AS "counterpartAlpha2",
           tc.name AS target, tc.alpha2::text AS "targetAlpha2"
      FROM page JOIN "DiplomaticRequest" r ON r.id = page.id
      JOIN "Country" rc ON rc.id = r."requestingCountryId"
      JOIN "Country" tc ON tc.id = r."targetCountryId"
     ORDER BY r."occurredOn" DESC NULLS LAST, r.id DESC`;
}

type RequestRow = RequestListItem & { direction: RequestDirection };

/**
 * The country's requests counted by direction (made, received) and response,
 * as rows (direction, response text | null, n): from the dashboard's
 * trigger-maintained counts (prisma/rollups.sql), which count a request that
 * a country made to itself in both directions; counts of restricted requests
 * serve readers of every restricted record, anyone else gets their own
 * restricted requests counted from the table.
 */
function requestCounts(viewer: Viewer, id: number, by: "response" | "year"): Sql {
  const all = can(viewer.role, "record:read-restricted");
  const rollupKey = by === "response" ? sql`NULLIF(m.response, '')` : sql`CASE WHEN m.month = '-infinity' THEN NULL ELSE EXTRACT(YEAR FROM m.month)::int END`;
  const tableKey = by === "response" ? sql`r.response::text` : sql`EXTRACT(YEAR FROM r."occurredOn")::int`;
  const own = all
    ? sql``
    : sql`UNION ALL
        SELECT d.direction, ${tableKey}, 1
          FROM "DiplomaticRequest" r
         CROSS JOIN LATERAL (VALUES ('MADE', r."requestingCountryId" = ${id}), ('RECEIVED', r."targetCountryId" = ${id})) d(direction, yes)
         WHERE r."createdById" = ${viewer.id} AND r.visibility = 'RESTRICTED' AND r."deletedAt" IS NULL AND d.yes`;
  return sql`(SELECT d.direction, ${rollupKey} AS key, m.n
          FROM dashboard.request_months m
         CROSS JOIN LATERAL (VALUES ('MADE', m.side IN (1, 3)), ('RECEIVED', m.side IN (2, 3))) d(direction, yes)
         WHERE m.country_id = ${id} AND d.yes ${all ? sql`` : sql`AND NOT m.restricted`}
        ${own})`;
}

/** Requests made and received, counted by response (with each direction's total). */
function requestResponses(viewer: Viewer, id: number): Promise<ResponseRow[]> {
  readableSql(viewer, "r"); // throws for a role that may not read
  return getDb().$queryRaw<ResponseRow[]>`
    SELECT x.direction, GROUPING(x.key)::int AS level, x.key AS response, sum(x.n)::int AS count
      FROM ${requestCounts(viewer, id, "response")} x(direction, key, n)
     GROUP BY GROUPING SETS ((x.direction, x.key), (x.direction))
    HAVING sum(x.n) > 0
     ORDER BY x.direction, level DESC, x.key::"RequestResponse" NULLS LAST`;
}

/**
 * The latest requests made and received (LATEST_LIMIT each): the dated ones
 * read backwards from the index on (country, date), then the undated ones if
 * there are not enough.
 */
function latestRequests(viewer: Viewer, id: number): Promise<RequestRow[]> {
  const latest = (direction: RequestDirection, column: Sql) => sql`
    (SELECT * FROM (
       (SELECT r.id, r."occurredOn" FROM "DiplomaticRequest" r
         WHERE ${column} = ${id} AND r."occurredOn" IS NOT NULL AND ${readableSql(viewer, "r")}
         ORDER BY r."occurredOn" DESC, r.id DESC LIMIT ${LATEST_LIMIT})
       UNION ALL
       (SELECT r.id, r."occurredOn" FROM "DiplomaticRequest" r
         WHERE ${column} = ${id} AND r."occurredOn" IS NULL AND ${readableSql(viewer, "r")}
         ORDER BY r.id DESC LIMIT ${LATEST_LIMIT})
     ) page ORDER BY page."occurredOn" DESC NULLS LAST, page.id DESC LIMIT ${LATEST_LIMIT})`;
  return getDb().$queryRaw<RequestRow[]>`
    SELECT m.direction, r.id, r.title, r."occurredOn", r."occurredOnPrecision"::text AS "occurredOnPrecision",
           r.ask::text AS ask, r.response::text AS response, oc.name AS counterpart, oc.alpha2::text AS "counterpartAlpha2",
           NULL::text AS target, NULL::text AS "targetAlpha2"
      FROM (SELECT 'MADE' AS direction, p.id FROM ${latest("MADE", sql`r."requestingCountryId"`)} p
            UNION ALL
            SELECT 'RECEIVED', p.id FROM ${latest("RECEIVED", sql`r."targetCountryId"`)} p) m
      JOIN "DiplomaticRequest" r ON r.id = m.id
      JOIN "Country" oc ON oc.id = CASE WHEN m.direction = 'MADE' THEN r."targetCountryId" ELSE r."requestingCountryId" END
     ORDER BY m.direction, r."occurredOn" DESC NULLS LAST, r.id DESC`;
}

type ConcernRow = CountryConcern & { total: number; unresolved: number; statusCounts: Record<string, number> };

/**
 * The concerns the country has a role in, one row each with its roles; the
 * window counts cover every concern, before the LIMIT.
 */
function concerns(viewer: Viewer, id: number): Promise<ConcernRow[]> {
  const unresolved = sql`k.status IN ('OPEN', 'MONITORING')`;
  // Counted and paged on narrow rows; titles and roles only for the page.
  return getDb().$queryRaw<ConcernRow[]>`
    WITH mine AS (
      SELECT k.id, k.status, k."openedOn"
        FROM "Concern" k
       WHERE k.id IN (SELECT cc."concernId" FROM "ConcernCountry" cc WHERE cc."countryId" = ${id}) AND ${readableSql(viewer, "k")}
    ), counts AS (
      SELECT COALESCE(jsonb_object_agg(s.status, s.n), '{}'::jsonb) AS counts, COALESCE(sum(s.n), 0)::int AS total,
             COALESCE(sum(s.n) FILTER (WHERE s.status IN ('OPEN', 'MONITORING')), 0)::int AS unresolved
        FROM (SELECT status::text AS status, count(*)::int AS n FROM mine GROUP BY status) s
    ), page AS (
      SELECT k.id FROM mine k ORDER BY (${unresolved}) DESC, k."openedOn" DESC NULLS LAST, k.id DESC LIMIT ${LIST_LIMIT}
    )
    SELECT k.id, k.title, k.status::text AS status, k.severity::text AS severity, k.category::text AS category,
           (SELECT array_agg(cc.role::text ORDER BY cc.role) FROM "ConcernCountry" cc WHERE cc."concernId" = k.id AND cc."countryId" = ${id}) AS roles,
           k."openedOn", k."openedOnPrecision"::text AS "openedOnPrecision", k."nextReviewOn",
           (${unresolved} AND k."nextReviewOn" < CURRENT_DATE) AS overdue,
           c.total, c.unresolved, c.counts AS "statusCounts"
      FROM page JOIN "Concern" k ON k.id = page.id CROSS JOIN counts c
     ORDER BY (${unresolved}) DESC, k."openedOn" DESC NULLS LAST, k.id DESC`;
}

/** An inspection as read, with its name's parts (named in getCountryPage). */
type InspectionRow = Omit<CountryInspection, "name"> & {
  side: InspectionSide;
  sideTotal: number;
  sideNever: number;
  hostName: string;
  inspectingName: string | null;
  inspectingParty: string | null;
};

/** The inspections the country hosts or performs (LIST_LIMIT each side), with each side's counts. */
function inspections(viewer: Viewer, id: number): Promise<InspectionRow[]> {
  const never = sql`i.status IN ('RIGHT_ASSERTED', 'SCHEDULED', 'OVERDUE', 'REFUSED')`;
  // Counted and paged on narrow rows (a LIMIT of each side, which the planner
  // sees); names joined only for those.
  return getDb().$queryRaw<InspectionRow[]>`
    WITH mine AS (
      SELECT 'HOST' AS side, i.id, (${never}) AS never, COALESCE(i."scheduledOn", i."assertedOn", i."conductedOn") AS dated
        FROM "Inspection" i WHERE i."hostCountryId" = ${id} AND ${readableSql(viewer, "i")}
      UNION ALL
      SELECT 'INSPECTING' AS side, i.id, (${never}) AS never, COALESCE(i."scheduledOn", i."assertedOn", i."conductedOn") AS dated
        FROM "Inspection" i WHERE i."inspectingCountryId" = ${id} AND ${readableSql(viewer, "i")}
    ), counts AS (
      SELECT m.side, count(*)::int AS "sideTotal", count(*) FILTER (WHERE m.never)::int AS "sideNever" FROM mine m GROUP BY m.side
    ), page AS (
      (SELECT * FROM mine WHERE side = 'HOST' ORDER BY never DESC, dated DESC NULLS LAST, id DESC LIMIT ${LIST_LIMIT})
      UNION ALL
      (SELECT * FROM mine WHERE side = 'INSPECTING' ORDER BY never DESC, dated DESC NULLS LAST, id DESC LIMIT ${LIST_LIMIT})
    )
    SELECT m.side, i.id, i.status::text AS status, m.never AS "neverConducted", i.basis,
           i."assertedOn", i."assertedOnPrecision"::text AS "assertedOnPrecision",
           i."scheduledOn", i."scheduledOnPrecision"::text AS "scheduledOnPrecision",
           i."conductedOn", i."conductedOnPrecision"::text AS "conductedOnPrecision",
           hc.name AS "hostName", ic.name AS "inspectingName", i."inspectingParty",
           CASE WHEN m.side = 'HOST' THEN COALESCE(ic.name, i."inspectingParty") ELSE hc.name END AS counterpart,
           CASE WHEN m.side = 'HOST' THEN ic.alpha2::text ELSE hc.alpha2::text END AS "counterpartAlpha2",
           COALESCE(w.name, tw.name) AS "weaponSystem", tr.id AS "transferId", c."sideTotal", c."sideNever"
      FROM page m
      JOIN counts c ON c.side = m.side
      JOIN "Inspection" i ON i.id = m.id
      JOIN "Country" hc ON hc.id = i."hostCountryId"
      LEFT JOIN "Country" ic ON ic.id = i."inspectingCountryId"
      LEFT JOIN "WeaponSystem" w ON w.id = i."weaponSystemId" AND ${readableSql(viewer, "w")}
      LEFT JOIN "ArmsTransfer" tr ON tr.id = i."transferId" AND ${readableSql(viewer, "tr")}
      LEFT JOIN "WeaponSystem" tw ON tw.id = tr."weaponSystemId" AND ${readableSql(viewer, "tw")}
     ORDER BY m.side, m.never DESC, m.dated DESC NULLS LAST, m.id DESC`;
}

type RequestYearRow = { year: number | null; made: number; received: number };

/** Requests made and received per year (the timeline; its transfers come with transferGroups). */
function requestYears(viewer: Viewer, id: number): Promise<RequestYearRow[]> {
  return getDb().$queryRaw<RequestYearRow[]>`
    SELECT x.key AS year,
           COALESCE(sum(x.n) FILTER (WHERE x.direction = 'MADE'), 0)::int AS made,
           COALESCE(sum(x.n) FILTER (WHERE x.direction = 'RECEIVED'), 0)::int AS received
      FROM ${requestCounts(viewer, id, "year")} x(direction, key, n)
     GROUP BY 1
    HAVING sum(x.n) > 0`;
}

/** The timeline from the yearly counts: dated years in order (the latest TIMELINE_MAX_YEARS), then the year-unknown row. */
function timelineYears(requests: RequestYearRow[], concerning: ConcerningRow[], transfers: TransferGroupRow[]): TimelineYear[] {
  const byYear = new Map<number | null, TimelineYear>();
  const row = (year: number | null) => {
    let y = byYear.get(year);
    if (!y) {
      y = { year, requestsMade: 0, requestsReceived: 0, requestsConcerning: 0, transfersOrdered: 0, transfersDelivered: 0, transfersUndated: 0, firstOrderedId: null, firstDeliveredId: null };
      byYear.set(year, y);
    }
    return y;
  };
  for (const r of requests) Object.assign(row(r.year), { requestsMade: r.made, requestsReceived: r.received });
  for (const r of concerning) if (r.kind === "year") row(r.key).requestsConcerning = r.count;
  for (const t of transfers) {
    if (t.level === 4) Object.assign(row(t.year), { transfersDelivered: t.delivered, firstDeliveredId: t.firstId });
    if (t.level === 5) Object.assign(row(t.year), { transfersOrdered: t.ordered, firstOrderedId: t.firstId });
    if (t.level === 6 && t.undated > 0) row(null).transfersUndated = t.undated;
  }
  const dated = [...byYear.values()].filter((y) => y.year !== null).sort((a, b) => a.year! - b.year!).slice(-TIMELINE_MAX_YEARS);
  const unknown = byYear.get(null);
  return unknown ? [...dated, unknown] : dated;
}

const emptyTransferSide = (): TransferSideSummary => ({ total: 0, firstId: null, categories: [], latest: [] });

/** Everything the country's page shows, or null when no country has this code. */
export async function getCountryPage(viewer: Viewer, rawCode: string): Promise<CountryPage | null> {
  readableSql(viewer, "x"); // throws for a role that may not read
  const code = parseCountryCode(rawCode);
  if (!code) return null;
  const country = await findCountry(code);
  if (!country) return null;
  const { id } = country;
  const [groups, transferRows, responseRows, requestRows, concernRows, inspectionRows, years, concerningRows, concerningLatest] = await Promise.all([
    transferGroups(viewer, id),
    latestTransfers(viewer, id),
    requestResponses(viewer, id),
    latestRequests(viewer, id),
    concerns(viewer, id),
    inspections(viewer, id),
    requestYears(viewer, id),
    concerningCounts(viewer, id),
    latestConcerning(viewer, id),
  ]);

  const transfers: Record<TransferSide, TransferSideSummary> = { SUPPLIER: emptyTransferSide(), RECIPIENT: emptyTransferSide() };
  for (const g of groups) {
    if (g.level >= 4) continue; // the timeline's
    const side = transfers[g.side];
    if (g.level === 3) {
      side.total = g.transfers;
      side.firstId = g.firstId;
    } else if (g.level === 1) {
      const { category, transfers: n, ordered, orderedEstimated, delivered, deliveredEstimated, undated, firstId } = g;
      side.categories.push({ category, transfers: n, ordered, orderedEstimated, delivered, deliveredEstimated, undated, firstId, years: [] });
    } else {
      const group = side.categories.find((c) => c.category === g.category);
      group?.years.push({ year: g.year!, delivered: g.delivered, deliveredEstimated: g.deliveredEstimated });
    }
  }
  for (const { side, supplier, recipient, weaponSystemHidden, ...item } of transferRows) {
    const weaponSystem = item.weaponSystem === null ? null : { name: item.weaponSystem };
    transfers[side].latest.push({ ...item, name: displayName("transfer", { supplier: { name: supplier }, recipient: { name: recipient }, weaponSystem, weaponSystemHidden }) });
  }

  const requests: Record<RequestDirection, RequestDirectionSummary> = {
    MADE: { total: 0, byResponse: [], latest: [] },
    RECEIVED: { total: 0, byResponse: [], latest: [] },
    CONCERNING: { total: 0, byResponse: [], latest: [] },
  };
  for (const r of responseRows) {
    const d = requests[r.direction];
    if (r.level === 1) d.total = r.count;
    else d.byResponse.push({ response: r.response, count: r.count });
  }
  for (const { direction, ...item } of requestRows) requests[direction].latest.push(item);
  for (const r of concerningRows) {
    if (r.kind !== "response") continue;
    if (r.level === 1) requests.CONCERNING.total = r.count;
    else requests.CONCERNING.byResponse.push({ response: r.response, count: r.count });
  }
  // Known responses in the enum's order, then the unknown ones (as made and received).
  const order = (x: RequestResponse | null) => (x === null ? Number.MAX_SAFE_INTEGER : RESPONSE_ORDER.indexOf(x));
  requests.CONCERNING.byResponse.sort((a, b) => order(a.response) - order(b.response));
  requests.CONCERNING.latest = concerningLatest;

  const first = concernRows[0];
  const statusCounts = first?.statusCounts ?? {};
  const concernSummary: ConcernSummary = {
    total: first?.total ?? 0,
    unresolved: first?.unresolved ?? 0,
    byStatus: (["OPEN", "MONITORING", "RESOLVED", "CLOSED_UNRESOLVED"] as const)
      .filter((s) => (statusCounts[s] ?? 0) > 0)
      .map((status) => ({ status, count: statusCounts[status] ?? 0 })),
    list: concernRows.map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      severity: c.severity,
      category: c.category,
      roles: c.roles,
      openedOn: c.openedOn,
      openedOnPrecision: c.openedOnPrecision,
      nextReviewOn: c.nextReviewOn,
      overdue: c.overdue,
    })),
  };

  const inspectionSummary: Record<InspectionSide, InspectionSideSummary> = {
    HOST: { total: 0, neverConducted: 0, list: [] },
    INSPECTING: { total: 0, neverConducted: 0, list: [] },
  };
  for (const { side, sideTotal, sideNever, hostName, inspectingName, inspectingParty, ...item } of inspectionRows) {
    const s = inspectionSummary[side];
    s.total = sideTotal;
    s.neverConducted = sideNever;
    const name = displayName("inspection", {
      hostCountry: { name: hostName },
      inspectingCountry: inspectingName === null ? null : { name: inspectingName },
      inspectingParty,
      weaponSystem: item.weaponSystem === null ? null : { name: item.weaponSystem },
    });
    s.list.push({ ...item, name });
  }

  return { country, transfers, requests, concerns: concernSummary, inspections: inspectionSummary, timeline: timelineYears(years, concerningRows, groups) };
}
