import "server-only";
// The data behind a country's page (/countries/XX): the country as supplier
// and as recipient of arms transfers, the diplomatic requests it made and
// received with their responses, its concerns, its inspections (as host or
// inspecting party) and a timeline.
//
// Every figure is counted in PostgreSQL (GROUP BY, GROUPING SETS, window
// counts); JavaScript only reshapes the grouped rows. Each query applies the
// rule of readableBy in SQL (readableSql: not deleted, and RESTRICTED only for
// editors, admins and the record's author), to the records counted and to the
// records they show (a hidden weapon system leaves its transfer's category
// unknown). Eight short statements on indexed columns, run in parallel: the
// country is looked up by code in each of them (a scalar sub-query), so that
// none waits for another.
import { getDb } from "@/lib/db/client";
import { readableSql } from "@/lib/db/lists/common";
import type { Viewer } from "@/lib/db/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
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
const { sql } = Prisma;

/** How many of the latest records each section lists (the counts cover all of them). */
export const LATEST_LIMIT = 10;
/** At most this many concerns and inspections are listed; the counts cover all. */
export const LIST_LIMIT = 50;
/** The timeline keeps the latest this many years that have records (4 series: at most 1,000 points). */
export const TIMELINE_MAX_YEARS = 250;

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
 * Transfers of one side, one weapon category (null: unknown, or a weapon
 * system the viewer may not see) and one year. A transfer counts as ordered
 * in its year of order and as delivered in each of its years of delivery;
 * `undated` counts those with neither (year null).
 */
export type TransferYearCell = {
  year: number | null;
  /** Distinct transfers in the cell (ordered, delivered or undated). */
  transfers: number;
  ordered: number;
  /** Of `ordered`, those whose year of order is an estimate. */
  orderedEstimated: number;
  delivered: number;
  /** Of `delivered`, those whose years of delivery are estimates. */
  deliveredEstimated: number;
  undated: number;
  /** The smallest id among the cell's transfers: the record itself when there is one. */
  firstId: number;
};

export type TransferCategoryGroup = {
  category: WeaponCategory | null;
  /** Distinct transfers of this category, any year. */
  transfers: number;
  firstId: number;
  years: TransferYearCell[];
};

export type TransferListItem = {
  id: number;
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

export type RequestDirection = "MADE" | "RECEIVED";

export type ResponseCount = {
  /** null: the response is not known. */
  response: RequestResponse | null;
  count: number;
  firstId: number;
};

export type RequestListItem = {
  id: number;
  title: string;
  occurredOn: Date | null;
  occurredOnPrecision: DatePrecision | null;
  ask: RequestAsk;
  response: RequestResponse | null;
  /** The other country: the target of a request made, the requester of one received. */
  counterpart: string;
  counterpartAlpha2: string;
};

export type RequestDirectionSummary = {
  total: number;
  firstId: number | null;
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
  /** Transfers (supplied or received) ordered that year. */
  transfersOrdered: number;
  /** Transfers (supplied or received) with a delivery that year. */
  transfersDelivered: number;
  /** In the year-unknown row only: transfers with neither a year of order nor one of delivery. */
  transfersUndated: number;
  firstRequestMadeId: number | null;
  firstRequestReceivedId: number | null;
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

/** The country's id, as a scalar sub-query (an unknown code matches nothing). */
function countryId(code: string): Sql {
  return sql`(SELECT id FROM "Country" WHERE alpha2 = ${code}::char(2))`;
}

async function findCountry(code: string): Promise<CountryInfo | null> {
  const rows = await getDb().$queryRaw<CountryInfo[]>`
    SELECT id, alpha2::text AS alpha2, alpha3::text AS alpha3, numeric::text AS numeric, name, "officialName", region, subregion
      FROM "Country" WHERE alpha2 = ${code}::char(2)`;
  return rows[0] ?? null;
}

type TransferGroupRow = {
  side: TransferSide;
  /** 0: a category and year; 1: a category, all years; 3: the side. */
  level: number;
  category: WeaponCategory | null;
  year: number | null;
  transfers: number;
  ordered: number;
  orderedEstimated: number;
  delivered: number;
  deliveredEstimated: number;
  undated: number;
  firstId: number;
};

/** The transfers of each side grouped by category and year, with the totals of each category and side. */
function transferGroups(viewer: Viewer, code: string): Promise<TransferGroupRow[]> {
  const id = countryId(code);
  return getDb().$queryRaw<TransferGroupRow[]>`
    WITH mine AS (
      SELECT 'SUPPLIER' AS side, t.* FROM "ArmsTransfer" t WHERE t."supplierId" = ${id} AND ${readableSql(viewer, "t")}
      UNION ALL
      SELECT 'RECIPIENT' AS side, t.* FROM "ArmsTransfer" t WHERE t."recipientId" = ${id} AND ${readableSql(viewer, "t")}
    ), typed AS (
      SELECT m.side, m.id, m."orderYear", m."orderYearUncertain", m."deliveryYears", m."deliveryYearsUncertain", w.category
        FROM mine m LEFT JOIN "WeaponSystem" w ON w.id = m."weaponSystemId" AND ${readableSql(viewer, "w")}
    ), events AS (
      SELECT side, id, category, "orderYear"::int AS year, 'ORDERED' AS kind, "orderYearUncertain" AS estimated
        FROM typed WHERE "orderYear" IS NOT NULL
      UNION ALL
      SELECT side, id, category, y AS year, 'DELIVERED' AS kind, "deliveryYearsUncertain" AS estimated
        FROM typed CROSS JOIN LATERAL unnest("deliveryYears") AS y
      UNION ALL
      SELECT side, id, category, NULL::int AS year, 'UNDATED' AS kind, false AS estimated
        FROM typed WHERE "orderYear" IS NULL AND cardinality("deliveryYears") = 0
    )
    SELECT side, GROUPING(category, year)::int AS level, category::text AS category, year,
           count(DISTINCT id)::int AS transfers,
           count(DISTINCT id) FILTER (WHERE kind = 'ORDERED')::int AS ordered,
           count(DISTINCT id) FILTER (WHERE kind = 'ORDERED' AND estimated)::int AS "orderedEstimated",
           count(DISTINCT id) FILTER (WHERE kind = 'DELIVERED')::int AS delivered,
           count(DISTINCT id) FILTER (WHERE kind = 'DELIVERED' AND estimated)::int AS "deliveredEstimated",
           count(DISTINCT id) FILTER (WHERE kind = 'UNDATED')::int AS undated,
           min(id) AS "firstId"
      FROM events
     GROUP BY GROUPING SETS ((side, category, year), (side, category), (side))
     ORDER BY side DESC, level DESC, events.category NULLS LAST, events.year NULLS LAST`;
}

type TransferListRow = TransferListItem & { side: TransferSide };

/** The latest transfers of each side (LATEST_LIMIT each). */
function latestTransfers(viewer: Viewer, code: string): Promise<TransferListRow[]> {
  const id = countryId(code);
  return getDb().$queryRaw<TransferListRow[]>`
    SELECT side, id, counterpart, "counterpartAlpha2", "weaponSystem", "weaponCategory", status,
           "orderYear", "orderYearUncertain", "deliveryYears", "deliveryYearsUncertain"
      FROM (
        SELECT m.side, t.id, oc.name AS counterpart, oc.alpha2::text AS "counterpartAlpha2",
               w.name AS "weaponSystem", w.category::text AS "weaponCategory", t.status::text AS status,
               t."orderYear"::int AS "orderYear", t."orderYearUncertain", t."deliveryYears", t."deliveryYearsUncertain",
               row_number() OVER (PARTITION BY m.side
                 ORDER BY COALESCE(t."orderYear", t."deliveryYears"[1]) DESC NULLS LAST, t.id DESC) AS rn
          FROM (SELECT 'SUPPLIER' AS side, t.id, t."recipientId" AS other FROM "ArmsTransfer" t
                 WHERE t."supplierId" = ${id} AND ${readableSql(viewer, "t")}
                UNION ALL
                SELECT 'RECIPIENT' AS side, t.id, t."supplierId" AS other FROM "ArmsTransfer" t
                 WHERE t."recipientId" = ${id} AND ${readableSql(viewer, "t")}) m
          JOIN "ArmsTransfer" t ON t.id = m.id
          JOIN "Country" oc ON oc.id = m.other
          LEFT JOIN "WeaponSystem" w ON w.id = t."weaponSystemId" AND ${readableSql(viewer, "w")}
      ) x
     WHERE rn <= ${LATEST_LIMIT}
     ORDER BY side DESC, rn`;
}

type ResponseRow = { direction: RequestDirection; level: number; response: RequestResponse | null; count: number; firstId: number };
type RequestRow = RequestListItem & { direction: RequestDirection };

/** The requests the country made and received (a sub-query of ids by direction). */
function myRequests(viewer: Viewer, code: string): Sql {
  const id = countryId(code);
  return sql`(SELECT 'MADE' AS direction, r.id, r."targetCountryId" AS other FROM "DiplomaticRequest" r
               WHERE r."requestingCountryId" = ${id} AND ${readableSql(viewer, "r")}
              UNION ALL
              SELECT 'RECEIVED' AS direction, r.id, r."requestingCountryId" AS other FROM "DiplomaticRequest" r
               WHERE r."targetCountryId" = ${id} AND ${readableSql(viewer, "r")})`;
}

/** Requests made and received, counted by response (with each direction's total). */
function requestResponses(viewer: Viewer, code: string): Promise<ResponseRow[]> {
  return getDb().$queryRaw<ResponseRow[]>`
    SELECT m.direction, GROUPING(r.response)::int AS level, r.response::text AS response,
           count(*)::int AS count, min(r.id) AS "firstId"
      FROM ${myRequests(viewer, code)} m JOIN "DiplomaticRequest" r ON r.id = m.id
     GROUP BY GROUPING SETS ((m.direction, r.response), (m.direction))
     ORDER BY m.direction, level DESC, r.response NULLS LAST`;
}

/** The latest requests made and received (LATEST_LIMIT each). */
function latestRequests(viewer: Viewer, code: string): Promise<RequestRow[]> {
  return getDb().$queryRaw<RequestRow[]>`
    SELECT direction, id, title, "occurredOn", "occurredOnPrecision", ask, response, counterpart, "counterpartAlpha2"
      FROM (
        SELECT m.direction, r.id, r.title, r."occurredOn", r."occurredOnPrecision"::text AS "occurredOnPrecision",
               r.ask::text AS ask, r.response::text AS response, oc.name AS counterpart, oc.alpha2::text AS "counterpartAlpha2",
               row_number() OVER (PARTITION BY m.direction ORDER BY r."occurredOn" DESC NULLS LAST, r.id DESC) AS rn
          FROM ${myRequests(viewer, code)} m
          JOIN "DiplomaticRequest" r ON r.id = m.id
          JOIN "Country" oc ON oc.id = m.other
      ) x
     WHERE rn <= ${LATEST_LIMIT}
     ORDER BY direction, rn`;
}

type ConcernRow = CountryConcern & { total: number; unresolved: number; statusCounts: Record<string, number> };

/**
 * The concerns the country has a role in, one row each with its roles; the
 * window counts cover every concern, before the LIMIT.
 */
function concerns(viewer: Viewer, code: string): Promise<ConcernRow[]> {
  return getDb().$queryRaw<ConcernRow[]>`
    WITH mine AS (
      SELECT k.id, k.title, k.status, k.severity, k.category, k."openedOn", k."openedOnPrecision", k."nextReviewOn",
             array_agg(cc.role::text ORDER BY cc.role) AS roles
        FROM "ConcernCountry" cc JOIN "Concern" k ON k.id = cc."concernId"
       WHERE cc."countryId" = ${countryId(code)} AND ${readableSql(viewer, "k")}
       GROUP BY k.id
    ), by_status AS (
      SELECT COALESCE(jsonb_object_agg(status, n), '{}'::jsonb) AS counts
        FROM (SELECT status::text AS status, count(*)::int AS n FROM mine GROUP BY status) s
    )
    SELECT m.id, m.title, m.status::text AS status, m.severity::text AS severity, m.category::text AS category,
           m.roles, m."openedOn", m."openedOnPrecision"::text AS "openedOnPrecision", m."nextReviewOn",
           (m.status IN ('OPEN', 'MONITORING') AND m."nextReviewOn" < CURRENT_DATE) AS overdue,
           count(*) OVER ()::int AS total,
           count(*) FILTER (WHERE m.status IN ('OPEN', 'MONITORING')) OVER ()::int AS unresolved,
           b.counts AS "statusCounts"
      FROM mine m CROSS JOIN by_status b
     ORDER BY (m.status IN ('OPEN', 'MONITORING')) DESC, m."openedOn" DESC NULLS LAST, m.id DESC
     LIMIT ${LIST_LIMIT}`;
}

type InspectionRow = CountryInspection & { side: InspectionSide; sideTotal: number; sideNever: number };

/** The inspections the country hosts or performs (LIST_LIMIT each side), with each side's counts. */
function inspections(viewer: Viewer, code: string): Promise<InspectionRow[]> {
  const id = countryId(code);
  const never = sql`i.status IN ('RIGHT_ASSERTED', 'SCHEDULED', 'OVERDUE', 'REFUSED')`;
  return getDb().$queryRaw<InspectionRow[]>`
    SELECT side, id, status, "neverConducted", basis, "assertedOn", "assertedOnPrecision", "scheduledOn", "scheduledOnPrecision",
           "conductedOn", "conductedOnPrecision", counterpart, "counterpartAlpha2", "weaponSystem", "transferId", "sideTotal", "sideNever"
      FROM (
      SELECT m.side, i.id, i.status::text AS status, (${never}) AS "neverConducted", i.basis,
             i."assertedOn", i."assertedOnPrecision"::text AS "assertedOnPrecision",
             i."scheduledOn", i."scheduledOnPrecision"::text AS "scheduledOnPrecision",
             i."conductedOn", i."conductedOnPrecision"::text AS "conductedOnPrecision",
             CASE WHEN m.side = 'HOST' THEN COALESCE(ic.name, i."inspectingParty") ELSE hc.name END AS counterpart,
             CASE WHEN m.side = 'HOST' THEN ic.alpha2::text ELSE hc.alpha2::text END AS "counterpartAlpha2",
             COALESCE(w.name, tw.name) AS "weaponSystem", tr.id AS "transferId",
             count(*) OVER (PARTITION BY m.side)::int AS "sideTotal",
             count(*) FILTER (WHERE ${never}) OVER (PARTITION BY m.side)::int AS "sideNever",
             row_number() OVER (PARTITION BY m.side ORDER BY (${never}) DESC,
               COALESCE(i."scheduledOn", i."assertedOn", i."conductedOn") DESC NULLS LAST, i.id DESC) AS rn
        FROM (SELECT 'HOST' AS side, i.id FROM "Inspection" i WHERE i."hostCountryId" = ${id} AND ${readableSql(viewer, "i")}
              UNION ALL
              SELECT 'INSPECTING' AS side, i.id FROM "Inspection" i WHERE i."inspectingCountryId" = ${id} AND ${readableSql(viewer, "i")}) m
        JOIN "Inspection" i ON i.id = m.id
        JOIN "Country" hc ON hc.id = i."hostCountryId"
        LEFT JOIN "Country" ic ON ic.id = i."inspectingCountryId"
        LEFT JOIN "WeaponSystem" w ON w.id = i."weaponSystemId" AND ${readableSql(viewer, "w")}
        LEFT JOIN "ArmsTransfer" tr ON tr.id = i."transferId" AND ${readableSql(viewer, "tr")}
        LEFT JOIN "WeaponSystem" tw ON tw.id = tr."weaponSystemId" AND ${readableSql(viewer, "tw")}
    ) x
     WHERE rn <= ${LIST_LIMIT}
     ORDER BY side, rn`;
}

/** Requests made and received and transfers ordered and delivered, per year. */
function timeline(viewer: Viewer, code: string): Promise<TimelineYear[]> {
  const id = countryId(code);
  return getDb().$queryRaw<TimelineYear[]>`
    WITH mine AS (
      SELECT t.id, t."orderYear", t."deliveryYears" FROM "ArmsTransfer" t
       WHERE (t."supplierId" = ${id} OR t."recipientId" = ${id}) AND ${readableSql(viewer, "t")}
    ), events AS (
      SELECT EXTRACT(YEAR FROM r."occurredOn")::int AS year, m.direction AS kind, m.id
        FROM ${myRequests(viewer, code)} m JOIN "DiplomaticRequest" r ON r.id = m.id
      UNION ALL
      SELECT t."orderYear"::int, 'ORDERED', t.id FROM mine t WHERE t."orderYear" IS NOT NULL
      UNION ALL
      SELECT y, 'DELIVERED', t.id FROM mine t CROSS JOIN LATERAL unnest(t."deliveryYears") AS y
      UNION ALL
      SELECT NULL::int, 'UNDATED', t.id FROM mine t WHERE t."orderYear" IS NULL AND cardinality(t."deliveryYears") = 0
    ), years AS (
      SELECT year,
             count(DISTINCT id) FILTER (WHERE kind = 'MADE')::int AS "requestsMade",
             count(DISTINCT id) FILTER (WHERE kind = 'RECEIVED')::int AS "requestsReceived",
             count(DISTINCT id) FILTER (WHERE kind = 'ORDERED')::int AS "transfersOrdered",
             count(DISTINCT id) FILTER (WHERE kind = 'DELIVERED')::int AS "transfersDelivered",
             count(DISTINCT id) FILTER (WHERE kind = 'UNDATED')::int AS "transfersUndated",
             min(id) FILTER (WHERE kind = 'MADE') AS "firstRequestMadeId",
             min(id) FILTER (WHERE kind = 'RECEIVED') AS "firstRequestReceivedId",
             min(id) FILTER (WHERE kind = 'ORDERED') AS "firstOrderedId",
             min(id) FILTER (WHERE kind = 'DELIVERED') AS "firstDeliveredId"
        FROM events GROUP BY year
    )
    SELECT * FROM (
      SELECT * FROM years WHERE year IS NOT NULL ORDER BY year DESC LIMIT ${TIMELINE_MAX_YEARS}
    ) dated
    UNION ALL
    SELECT * FROM years WHERE year IS NULL
    ORDER BY year NULLS LAST`;
}

const emptyTransferSide = (): TransferSideSummary => ({ total: 0, firstId: null, categories: [], latest: [] });

/** Everything the country's page shows, or null when no country has this code. */
export async function getCountryPage(viewer: Viewer, rawCode: string): Promise<CountryPage | null> {
  readableSql(viewer, "x"); // throws for a role that may not read
  const code = parseCountryCode(rawCode);
  if (!code) return null;
  const [country, groups, transferRows, responseRows, requestRows, concernRows, inspectionRows, years] = await Promise.all([
    findCountry(code),
    transferGroups(viewer, code),
    latestTransfers(viewer, code),
    requestResponses(viewer, code),
    latestRequests(viewer, code),
    concerns(viewer, code),
    inspections(viewer, code),
    timeline(viewer, code),
  ]);
  if (!country) return null;

  const transfers: Record<TransferSide, TransferSideSummary> = { SUPPLIER: emptyTransferSide(), RECIPIENT: emptyTransferSide() };
  for (const g of groups) {
    const side = transfers[g.side];
    if (g.level === 3) {
      side.total = g.transfers;
      side.firstId = g.firstId;
    } else if (g.level === 1) {
      side.categories.push({ category: g.category, transfers: g.transfers, firstId: g.firstId, years: [] });
    } else {
      const group = side.categories.find((c) => c.category === g.category);
      const { year, transfers: n, ordered, orderedEstimated, delivered, deliveredEstimated, undated, firstId } = g;
      group?.years.push({ year, transfers: n, ordered, orderedEstimated, delivered, deliveredEstimated, undated, firstId });
    }
  }
  for (const { side, ...item } of transferRows) transfers[side].latest.push(item);

  const requests: Record<RequestDirection, RequestDirectionSummary> = {
    MADE: { total: 0, firstId: null, byResponse: [], latest: [] },
    RECEIVED: { total: 0, firstId: null, byResponse: [], latest: [] },
  };
  for (const r of responseRows) {
    const d = requests[r.direction];
    if (r.level === 1) {
      d.total = r.count;
      d.firstId = r.firstId;
    } else d.byResponse.push({ response: r.response, count: r.count, firstId: r.firstId });
  }
  for (const { direction, ...item } of requestRows) requests[direction].latest.push(item);

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
  for (const { side, sideTotal, sideNever, ...item } of inspectionRows) {
    const s = inspectionSummary[side];
    s.total = sideTotal;
    s.neverConducted = sideNever;
    s.list.push(item);
  }

  return { country, transfers, requests, concerns: concernSummary, inspections: inspectionSummary, timeline: years };
}
