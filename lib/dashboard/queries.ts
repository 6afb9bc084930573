// The dashboard's figures: for each, the SQL (text + parameters, built by
// lib/dashboard/sql.ts), the type of its rows and a small pure `shape` from
// rows to what the page shows. Every count is a GROUP BY, a window or a
// LIMITed index-ordered read in PostgreSQL; `shape` only reorders or labels a
// handful of aggregate rows. Pure: no database (lib/dashboard/data.ts runs
// them, lib/dashboard/registry.ts lists them for the benchmark).
import { bucketTimeSeries, MONTH_GRANULARITY_MAX_MONTHS, type Granularity, type TimeCountRow, type TimeSeries } from "@/lib/charts/time-series";
import { responseKey, responseSeries, UNFULFILLED_INSPECTION_STATUSES } from "@/lib/charts/palette";
import type { ChartSeries, BarDatum } from "@/lib/charts/types";
import type { DashboardFilter } from "@/lib/dashboard/filter";
import { andSql, DashboardScope, type BuiltSql, type DashboardViewer } from "@/lib/dashboard/sql";
import { displayName } from "@/lib/records/definitions";
import type {
  ConcernStatus,
  DatePrecision,
  InspectionStatus,
  RequestAsk,
  RequestResponse,
  Severity,
} from "@/lib/generated/prisma/enums";

/** Rows of the short lists (longest unresolved, overdue, never conducted). */
export const LIST_LIMIT = 10;
/** Rows of each recent-activity list. */
export const RECENT_LIMIT = 8;
/** Target countries drawn one by one; the others are summed into one bar. */
export const TOP_COUNTRIES = 8;
/** (Ask, target country) pairs in the "rebuffed most" list. */
export const TOP_REBUFFED = 10;

const UNRESOLVED = `('OPEN', 'MONITORING')`;
const UNFULFILLED = `(${UNFULFILLED_INSPECTION_STATUSES.map((s) => `'${s}'`).join(", ")})`;
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const instant = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export type QueryDefinition<Row, Result> = {
  name: string;
  sql: (viewer: DashboardViewer, filter: DashboardFilter) => BuiltSql;
  shape: (rows: Row[], filter: DashboardFilter) => Result;
};

function define<Row, Result>(d: QueryDefinition<Row, Result>): QueryDefinition<Row, Result> {
  return d;
}

// ------------------------------------------------------------- concerns

export type ConcernCountRow = { severity: Severity; status: ConcernStatus; n: number };
export type UnresolvedConcernCounts = {
  total: number;
  bySeverity: Partial<Record<Severity, number>>;
  byStatus: Partial<Record<ConcernStatus, number>>;
  /** Severity × status, for the stacked chart. */
  cells: ConcernCountRow[];
};

export const unresolvedConcernCounts = define<ConcernCountRow, UnresolvedConcernCounts>({
  name: "unresolvedConcernCounts",
  sql: (viewer, filter) => {
    const s = new DashboardScope(viewer, filter);
    return s.build(`SELECT k.severity::text AS severity, k.status::text AS status, count(*)::int AS n
  FROM "Concern" k
 WHERE k.status IN ${UNRESOLVED}
   AND ${andSql(s.concernWhere("k"))}
 GROUP BY k.severity, k.status`);
  },
  shape: (rows) => {
    const out: UnresolvedConcernCounts = { total: 0, bySeverity: {}, byStatus: {}, cells: rows };
    for (const r of rows) {
      out.total += r.n;
      out.bySeverity[r.severity] = (out.bySeverity[r.severity] ?? 0) + r.n;
      out.byStatus[r.status] = (out.byStatus[r.status] ?? 0) + r.n;
    }
    return out;
  },
});

export type ConcernListRow = {
  id: number;
  title: string;
  severity: Severity;
  status: ConcernStatus;
  /** YYYY-MM-DD, the first day of its period; null when unknown. */
  openedOn: string | null;
  openedOnPrecision: DatePrecision | null;
  owner: string | null;
  nextReviewOn: string | null;
  /** Past its next review date. */
  overdue: boolean;
  /** Days since its next review date (overdue list only). */
  daysOverdue: number | null;
  /** How many rows the list would have without its limit. */
  total: number;
};

export type ConcernList = { total: number; rows: ConcernListRow[] };

/**
 * A short list of unresolved concerns: the matching ids and sort keys first
 * (narrow rows, counted once for the total), then the first LIST_LIMIT of
 * them joined to what the list shows.
 */
function concernListSql(s: DashboardScope, where: string[], order: (alias: string) => string): string {
  return `WITH m AS MATERIALIZED (
  SELECT k.id, k."openedOn", k."nextReviewOn"
    FROM "Concern" k
   WHERE k.status IN ${UNRESOLVED}
     AND ${andSql([...where, ...s.concernWhere("k")])}
), page AS (
  SELECT m.id FROM m ORDER BY ${order("m")} LIMIT ${LIST_LIMIT}
)
SELECT k.id, k.title, k.severity::text AS severity, k.status::text AS status,
       ${day(`k."openedOn"`)} AS "openedOn", k."openedOnPrecision"::text AS "openedOnPrecision",
       u.name AS owner, ${day(`k."nextReviewOn"`)} AS "nextReviewOn",
       COALESCE(k."nextReviewOn" < CURRENT_DATE, false) AS overdue,
       CASE WHEN k."nextReviewOn" < CURRENT_DATE THEN CURRENT_DATE - k."nextReviewOn" END AS "daysOverdue",
       (SELECT count(*) FROM m)::int AS total
  FROM page
  JOIN "Concern" k ON k.id = page.id
  LEFT JOIN "User" u ON u.id = k."ownerId"
 ORDER BY ${order("k")}`;
}

const concernList = (rows: ConcernListRow[]): ConcernList => ({ total: rows[0]?.total ?? 0, rows });

/** Unresolved concerns, longest open first (by opening date, unknown last). */
export const oldestUnresolvedConcerns = define<ConcernListRow, ConcernList>({
  name: "oldestUnresolvedConcerns",
  sql: (viewer, filter) => {
    const s = new DashboardScope(viewer, filter);
    return s.build(concernListSql(s, [], (a) => `${a}."openedOn" ASC NULLS LAST, ${a}.id ASC`));
  },
  shape: concernList,
});

/** Unresolved concerns past their next review date, most overdue first. */
export const overdueConcerns = define<ConcernListRow, ConcernList>({
  name: "overdueConcerns",
  sql: (viewer, filter) => {
    const s = new DashboardScope(viewer, filter);
    return s.build(concernListSql(s, [`k."nextReviewOn" < CURRENT_DATE`], (a) => `${a}."nextReviewOn" ASC, ${a}.id ASC`));
  },
  shape: concernList,
});

// ------------------------------------------------------------- requests

export type RequestsOverTime = TimeSeries & {
  /** The responses that occur, in stack order (unknown response included). */
  series: ChartSeries[];
  /** Every request counted, dated or not. */
  total: number;
};

type TimeRow = {
  month: string | null;
  yearOnly: boolean | null;
  response: RequestResponse | null;
  n: number;
  /** The granularity the SQL grouped by (see below); null on the undated row. */
  granularity: Granularity | null;
};

/**
 * Requests per month and response; the month of a date known only by its
 * year is January, flagged `yearOnly`. lib/charts/time-series.ts places
 * year-only dates. The choice of month or year buckets (its timeRange and
 * chooseGranularity, restated here in SQL and checked against them by the
 * tests) is made in PostgreSQL, which then groups by year when years are
 * drawn: a few hundred rows come back instead of thousands.
 */
export const requestsOverTime = define<TimeRow, RequestsOverTime>({
  name: "requestsOverTime",
  sql: (viewer, filter) => {
    const s = new DashboardScope(viewer, filter);
    const fromMonth = filter.from ? s.p.bind(filter.from.start, "date") : "NULL::date";
    const toMonth = filter.to ? s.p.bind(filter.to.end, "date") : "NULL::date";
    const months = (d: string) => `(EXTRACT(YEAR FROM ${d}) * 12 + EXTRACT(MONTH FROM ${d}))`;
    return s.build(`WITH g AS (
  SELECT g.month, g."yearOnly", g.response, sum(g.n)::int AS n
    FROM (${s.requestMonthCounts()}) g
   GROUP BY 1, 2, 3
  HAVING sum(g.n) > 0
), e AS (
  SELECT bool_and(g."yearOnly") AS only_year, min(g.month) AS lo, max(g.month) AS hi,
         min(g.month) FILTER (WHERE NOT g."yearOnly") AS lo_exact, max(g.month) FILTER (WHERE NOT g."yearOnly") AS hi_exact
    FROM g WHERE g.month IS NOT NULL
), b AS (
  SELECT e.*, COALESCE(date_trunc('month', ${fromMonth}::timestamp)::date, e.lo) AS s0,
         COALESCE(date_trunc('month', ${toMonth}::timestamp)::date, e.hi) AS e0
    FROM e
), r AS (
  SELECT b.only_year, least(COALESCE(b.s0, b.e0), b.lo_exact) AS s, greatest(COALESCE(b.e0, b.s0), COALESCE(b.s0, b.e0), b.hi_exact) AS e FROM b
), y AS (
  SELECT COALESCE(r.only_year OR ${months("r.e")} - ${months("r.s")} + 1 > ${MONTH_GRANULARITY_MAX_MONTHS}, false) AS years FROM r
), t AS (
  SELECT CASE WHEN y.years THEN date_trunc('year', g.month::timestamp)::date ELSE g.month END AS bucket,
         CASE WHEN y.years THEN NULL ELSE g."yearOnly" END AS apart, g."yearOnly", g.response, g.n, y.years
    FROM g CROSS JOIN y
)
SELECT to_char(t.bucket, 'YYYY-MM') AS month, bool_and(t."yearOnly") AS "yearOnly", t.response, sum(t.n)::int AS n,
       CASE WHEN t.bucket IS NULL THEN NULL WHEN t.years THEN 'year' ELSE 'month' END AS granularity
  FROM t
 GROUP BY t.bucket, t.apart, t.response, t.years`);
  },
  shape: (rows, filter) => {
    const timeRows: TimeCountRow[] = rows.map((r) => ({ month: r.month, yearOnly: r.yearOnly, series: responseKey(r.response), n: r.n }));
    const granularity = rows.find((r) => r.granularity !== null)?.granularity ?? undefined;
    const series = bucketTimeSeries(timeRows, filter.from, filter.to, { granularity });
    const present = new Set(timeRows.filter((r) => r.n > 0).map((r) => r.series));
    return { ...series, series: responseSeries(present), total: rows.reduce((a, r) => a + r.n, 0) };
  },
});

export type CountryResponseRow = {
  /** 1..TOP_COUNTRIES, or TOP_COUNTRIES + 1 for the other countries together. */
  rank: number;
  alpha2: string | null;
  name: string | null;
  response: RequestResponse | null;
  n: number;
  /** How many target countries there are in all. */
  countryCount: number;
};

export type ResponsesByCountry = {
  /** One bar per target country (most requested first), then "Other countries". */
  data: BarDatum[];
  series: ChartSeries[];
  countryCount: number;
};

/** Responses by target country: the TOP_COUNTRIES most asked, the others summed. */
export const responsesByCountry = define<CountryResponseRow, ResponsesByCountry>({
  name: "responsesByCountry",
  sql: (viewer, filter) => {
    const s = new DashboardScope(viewer, filter);
    return s.build(`WITH g AS (
  SELECT c.cid, c.response, sum(c.n)::int AS n
    FROM (${s.requestTargetCounts()}) c
   GROUP BY 1, 2
  HAVING sum(c.n) > 0
), ranked AS (
  SELECT g.cid, row_number() OVER (ORDER BY sum(g.n) DESC, c.name, g.cid) AS rk
    FROM g JOIN "Country" c ON c.id = g.cid
   GROUP BY g.cid, c.name
)
SELECT least(ranked.rk, ${TOP_COUNTRIES + 1})::int AS rank,
       CASE WHEN ranked.rk <= ${TOP_COUNTRIES} THEN c.alpha2::text END AS alpha2,
       CASE WHEN ranked.rk <= ${TOP_COUNTRIES} THEN c.name END AS name,
       g.response, sum(g.n)::int AS n,
       (SELECT count(*) FROM ranked)::int AS "countryCount"
  FROM g JOIN ranked ON ranked.cid = g.cid JOIN "Country" c ON c.id = g.cid
 GROUP BY 1, 2, 3, 4
 ORDER BY 1, g.response::"RequestResponse"`);
  },
  shape: (rows) => {
    const countryCount = rows[0]?.countryCount ?? 0;
    const data: BarDatum[] = [];
    const byRank = new Map<number, BarDatum>();
    const present = new Set<string>();
    for (const r of rows) {
      let d = byRank.get(r.rank);
      if (!d) {
        const other = r.rank > TOP_COUNTRIES;
        d = other
          ? { key: "other", label: `Other countries (${countryCount - TOP_COUNTRIES})`, values: {} }
          : { key: r.alpha2 ?? String(r.rank), label: r.name ?? "Unknown", values: {} };
        byRank.set(r.rank, d);
        data.push(d);
      }
      const key = responseKey(r.response);
      present.add(key);
      d.values[key] = (d.values[key] ?? 0) + r.n;
    }
    return { data, series: responseSeries(present), countryCount };
  },
});

export type RebuffedAskRow = { ask: RequestAsk; alpha2: string; name: string; rebuffed: number; asked: number };

/** The asks rebuffed most, per target country: how often rebuffed, out of how often asked. */
export const rebuffedAsks = define<RebuffedAskRow, RebuffedAskRow[]>({
  name: "rebuffedAsks",
  sql: (viewer, filter) => {
    const s = new DashboardScope(viewer, filter);
    return s.build(`SELECT g.ask::text AS ask, c.alpha2::text AS alpha2, c.name, g.rebuffed, g.asked
  FROM (SELECT x.ask, x.cid,
               COALESCE(sum(x.n) FILTER (WHERE x.response = 'REBUFFED'), 0)::int AS rebuffed,
               sum(x.n)::int AS asked
          FROM (${s.requestTargetCounts()}) x
         GROUP BY 1, 2
        HAVING sum(x.n) FILTER (WHERE x.response = 'REBUFFED') > 0) g
  JOIN "Country" c ON c.id = g.cid
 ORDER BY g.rebuffed DESC, g.asked DESC, c.name, g.ask::"RequestAsk"
 LIMIT ${TOP_REBUFFED}`);
  },
  shape: (rows) => rows,
});

// ------------------------------------------------------------- inspections

export type InspectionStatusRow = { status: InspectionStatus; n: number; neverConducted: number };
export type InspectionsByStatus = { total: number; neverConducted: number; rows: InspectionStatusRow[] };

const INSPECTION_ORDER: InspectionStatus[] = ["RIGHT_ASSERTED", "SCHEDULED", "OVERDUE", "REFUSED", "NO_RIGHT", "CONDUCTED"];

export const inspectionsByStatus = define<InspectionStatusRow, InspectionsByStatus>({
  name: "inspectionsByStatus",
  sql: (viewer, filter) => {
    const s = new DashboardScope(viewer, filter);
    return s.build(`SELECT i.status::text AS status, count(*)::int AS n,
       count(*) FILTER (WHERE i."conductedOn" IS NULL AND i.status IN ${UNFULFILLED})::int AS "neverConducted"
  FROM "Inspection" i
 WHERE ${andSql(s.inspectionWhere("i"))}
 GROUP BY i.status`);
  },
  shape: (rows) => ({
    total: rows.reduce((a, r) => a + r.n, 0),
    neverConducted: rows.reduce((a, r) => a + r.neverConducted, 0),
    rows: [...rows].sort((a, b) => INSPECTION_ORDER.indexOf(a.status) - INSPECTION_ORDER.indexOf(b.status)),
  }),
});

export type UnfulfilledInspectionRow = {
  id: number;
  /** Its display name (displayName), as its page, its list and its pickers name it. */
  name: string;
  status: InspectionStatus;
  hostCountry: string;
  inspectingCountry: string | null;
  inspectingParty: string | null;
  weaponSystem: string | null;
  basis: string | null;
  assertedOn: string | null;
  assertedOnPrecision: DatePrecision | null;
  scheduledOn: string | null;
  scheduledOnPrecision: DatePrecision | null;
  total: number;
};
export type UnfulfilledInspections = { total: number; rows: UnfulfilledInspectionRow[] };

/** Inspections promised, asserted, scheduled, refused or overdue that were never conducted, oldest promise first. */
export const unfulfilledInspections = define<Omit<UnfulfilledInspectionRow, "name">, UnfulfilledInspections>({
  name: "unfulfilledInspections",
  sql: (viewer, filter) => {
    const s = new DashboardScope(viewer, filter);
    const order = (a: string) => `COALESCE(${a}."scheduledOn", ${a}."assertedOn") ASC NULLS LAST, ${a}.id ASC`;
    return s.build(`WITH m AS MATERIALIZED (
  SELECT i.id, i."scheduledOn", i."assertedOn"
    FROM "Inspection" i
   WHERE i.status IN ${UNFULFILLED} AND i."conductedOn" IS NULL
     AND ${andSql(s.inspectionWhere("i"))}
), page AS (
  SELECT m.id FROM m ORDER BY ${order("m")} LIMIT ${LIST_LIMIT}
)
SELECT i.id, i.status::text AS status, h.name AS "hostCountry", ic.name AS "inspectingCountry",
       i."inspectingParty", COALESCE(w.name, tw.name) AS "weaponSystem", i.basis,
       ${day(`i."assertedOn"`)} AS "assertedOn", i."assertedOnPrecision"::text AS "assertedOnPrecision",
       ${day(`i."scheduledOn"`)} AS "scheduledOn", i."scheduledOnPrecision"::text AS "scheduledOnPrecision",
       (SELECT count(*) FROM m)::int AS total
  FROM page
  JOIN "Inspection" i ON i.id = page.id
  JOIN "Country" h ON h.id = i."hostCountryId"
  LEFT JOIN "Country" ic ON ic.id = i."inspectingCountryId"
  LEFT JOIN "WeaponSystem" w ON w.id = i."weaponSystemId" AND ${s.readable("w")}
  LEFT JOIN "ArmsTransfer" t ON t.id = i."transferId" AND ${s.readable("t")}
  LEFT JOIN "WeaponSystem" tw ON tw.id = t."weaponSystemId" AND ${s.readable("tw")}
 ORDER BY ${order("i")}`);
  },
  shape: (rows) => ({
    total: rows[0]?.total ?? 0,
    rows: rows.map((r) => ({
      ...r,
      name: displayName("inspection", {
        hostCountry: { name: r.hostCountry },
        inspectingCountry: r.inspectingCountry === null ? null : { name: r.inspectingCountry },
        inspectingParty: r.inspectingParty,
        weaponSystem: r.weaponSystem === null ? null : { name: r.weaponSystem },
      }),
    })),
  }),
});

// ------------------------------------------------------------- activity

export type RecentRequestRow = {
  id: number;
  title: string;
  occurredOn: string | null;
  occurredOnPrecision: DatePrecision | null;
  requestingCountry: string;
  targetCountry: string;
  ask: RequestAsk;
  response: RequestResponse | null;
  /** ISO 8601, UTC. */
  createdAt: string;
};

/** The requests logged last (by createdAt). */
export const recentRequests = define<RecentRequestRow, RecentRequestRow[]>({
  name: "recentRequests",
  sql: (viewer, filter) => {
    const s = new DashboardScope(viewer, filter);
    // The page's ids first (index on createdAt, read backwards), then their names.
    return s.build(`SELECT r.id, r.title, ${day(`r."occurredOn"`)} AS "occurredOn", r."occurredOnPrecision"::text AS "occurredOnPrecision",
       rc.name AS "requestingCountry", tc.name AS "targetCountry", r.ask::text AS ask, r.response::text AS response,
       ${instant(`r."createdAt"`)} AS "createdAt"
  FROM (SELECT r.id FROM "DiplomaticRequest" r
         WHERE ${andSql(s.requestWhere("r"))}
         ORDER BY r."createdAt" DESC, r.id DESC
         LIMIT ${RECENT_LIMIT}) page
  JOIN "DiplomaticRequest" r ON r.id = page.id
  JOIN "Country" rc ON rc.id = r."requestingCountryId"
  JOIN "Country" tc ON tc.id = r."targetCountryId"
 ORDER BY r."createdAt" DESC, r.id DESC`);
  },
  shape: (rows) => rows,
});

export type StatusChangeRow = {
  id: number;
  concernId: number;
  title: string;
  fromStatus: ConcernStatus | null;
  toStatus: ConcernStatus;
  note: string;
  changedAt: string;
  changedBy: string | null;
};

/** The latest concern status changes; the date range applies to the change's date. */
export const recentStatusChanges = define<StatusChangeRow, StatusChangeRow[]>({
  name: "recentStatusChanges",
  sql: (viewer, filter) => {
    const s = new DashboardScope(viewer, filter);
    return s.build(`SELECT sc.id, sc."concernId", k.title, sc."fromStatus"::text AS "fromStatus", sc."toStatus"::text AS "toStatus",
       sc.note, ${instant(`sc."changedAt"`)} AS "changedAt", u.name AS "changedBy"
  FROM "ConcernStatusChange" sc
  JOIN "Concern" k ON k.id = sc."concernId"
  LEFT JOIN "User" u ON u.id = sc."changedById"
 WHERE ${andSql([...s.concernWhere("k", { dates: false }), ...s.timestampWhere(`sc."changedAt"`)])}
 ORDER BY sc."changedAt" DESC, sc.id DESC
 LIMIT ${RECENT_LIMIT}`);
  },
  shape: (rows) => rows,
});

/** Every figure, in page order. */
export const DEFINITIONS = [
  unresolvedConcernCounts,
  oldestUnresolvedConcerns,
  overdueConcerns,
  requestsOverTime,
  responsesByCountry,
  rebuffedAsks,
  inspectionsByStatus,
  unfulfilledInspections,
  recentRequests,
  recentStatusChanges,
] as const;
