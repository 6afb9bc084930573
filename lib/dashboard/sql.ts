// SQL text for the dashboard's figures, with numbered parameters ($1, $2...)
// so that the very same text runs through the app (lib/dashboard/data.ts)
// and directly through `pg` (the benchmark). Pure: builds strings, reads no database. Every value that comes
// from the user or the viewer is a bound parameter with an explicit cast;
// only constants of this code are written into the text.
//
// Who sees what (the rule of lib/db/visibility.ts, in SQL): a record counts
// only when it is not deleted and is INTERNAL or created by the viewer, unless
// the viewer may read restricted records (editors, admins). The same rule
// applies to every record a filter goes through (a request's transfers and
// their weapon systems, its concerns...): a hidden record neither shows nor
// lets its links match.
//
// How the one filter reaches each kind of record:
//
// | filter    | requests                         | concerns                        | inspections                                 | concern status changes |
// | --------- | -------------------------------- | ------------------------------- | ------------------------------------------- | ---------------------- |
// | from / to | occurredOn (its period overlaps) | openedOn (its period overlaps)  | asserted, scheduled or conducted date       | changedAt              |
// | country   | requesting or target country     | any of the concern's countries  | host or inspecting country                  | through the concern    |
// | weapon    | its transfers' weapon systems    | its transfers' weapon systems   | its weapon system, or its transfer's        | through the concern    |
// | severity  | its concerns' severity           | its severity                    | severity of concerns about its transfer     | through the concern    |
// | verified  | its own verification             | its own verification            | its own verification                        | through the concern    |
//
// A record whose date is unknown is left out as soon as a date bound is set
// (it cannot be shown to fall within the range), and counted otherwise.
//
// Requests at scale: the figures of requests read trigger-maintained counts
// (prisma/rollups.sql: per month, per year and per target country, for every
// request and per country) instead of the requests, unless the filter goes
// through linked records (weapon category, severity), which the counts do not
// know. Beside the counts, two kinds of requests are counted from the table
// itself, with the rules above: the viewer's own restricted requests (counts
// of restricted requests serve only readers of every restricted record), and
// those dated in a month or year that the date range covers only in part
// (lib/dashboard/periods.ts). Either way the figure is exact and current.
import { ForbiddenError } from "@/lib/errors";
import type { DashboardFilter } from "@/lib/dashboard/filter";
import { splitByPeriod, yearOf } from "@/lib/dashboard/periods";
import { can } from "@/lib/permissions";

export type DashboardViewer = { id: number; role: string };

/** What one query sends: the text and its parameters, in order. */
export type BuiltSql = { text: string; values: unknown[] };

/** Collects parameter values; the same value with the same cast reuses its placeholder. */
export class SqlParams {
  readonly values: unknown[] = [];
  private readonly seen = new Map<string, number>();

  /** `$n::cast`. Casts are constants of this code, never user input. */
  bind(value: string | number, cast: string): string {
    const key = `${cast}\u0000${typeof value}\u0000${value}`;
    let index = this.seen.get(key);
    if (index === undefined) {
      this.values.push(value);
      index = this.values.length;
      this.seen.set(key, index);
    }
    return `$${index}::${cast}`;
  }
}

const and = (parts: string[]) => (parts.length ? parts.join("\n   AND ") : "TRUE");

/** The period a vague date names overlaps [from, to]; see vagueDateInRangeSql in lib/db/lists/common.ts. */
function vagueOverlap(p: SqlParams, column: string, precision: string, filter: DashboardFilter): string[] {
  const parts: string[] = [];
  if (filter.to) parts.push(`${column} <= ${p.bind(filter.to.end, "date")}`);
  if (filter.from) {
    const from = p.bind(filter.from.start, "date");
    // Implied by the exact test below (no period is longer than a year); lets an index on the column bound the scan.
    parts.push(`${column} > ${from} - 366`);
    parts.push(
      `${column} + CASE ${precision} WHEN 'YEAR' THEN interval '1 year' WHEN 'MONTH' THEN interval '1 month' ELSE interval '1 day' END > ${from}`,
    );
  }
  return parts;
}

function enumIn(p: SqlParams, column: string, enumType: string, values: readonly string[]): string {
  return `${column} IN (${values.map((v) => p.bind(v, `"${enumType}"`)).join(", ")})`;
}

/**
 * The conditions of one query: a viewer, a filter and the parameters they
 * bind. Each `...Where` returns the conditions on the alias given.
 */
export class DashboardScope {
  readonly p = new SqlParams();
  private readonly restricted: boolean;

  constructor(
    readonly viewer: DashboardViewer,
    readonly filter: DashboardFilter,
  ) {
    if (!can(viewer.role, "record:read")) throw new ForbiddenError();
    this.restricted = can(viewer.role, "record:read-restricted");
  }

  /** Not deleted, and visible to the viewer. */
  readable(alias: string): string {
    if (this.restricted) return `${alias}."deletedAt" IS NULL`;
    return `(${alias}."deletedAt" IS NULL AND (${alias}.visibility = 'INTERNAL' OR ${alias}."createdById" = ${this.p.bind(this.viewer.id, "int")}))`;
  }

  /** The record's own verification, when the filter asks for it (constants only). */
  verifiedWhere(alias: string): string[] {
    if (this.filter.verified === "yes") return [`${alias}."verifiedAt" IS NOT NULL`];
    if (this.filter.verified === "no") return [`${alias}."verifiedAt" IS NULL`];
    return [];
  }

  /** The filtered country's id (a scalar sub-query: no such country, no match). */
  countryId(): string {
    return `(SELECT id FROM "Country" WHERE alpha2 = ${this.p.bind(this.filter.country ?? "", "char(2)")})`;
  }

  private weaponIn(alias: string): string {
    return enumIn(this.p, `${alias}.category`, "WeaponCategory", this.filter.weapon);
  }

  private severityIn(alias: string): string {
    return enumIn(this.p, `${alias}.severity`, "Severity", this.filter.severity);
  }

  /** Diplomatic requests: visibility, country, weapon, severity and date. */
  requestWhere(r: string, options: { dates?: boolean } = {}): string[] {
    const f = this.filter;
    const parts = [this.readable(r), ...this.verifiedWhere(r)];
    if (f.country) {
      const id = this.countryId();
      parts.push(`(${r}."requestingCountryId" = ${id} OR ${r}."targetCountryId" = ${id})`);
    }
    if (f.weapon.length) {
      parts.push(`EXISTS (SELECT 1 FROM "RequestTransfer" rt_f
        JOIN "ArmsTransfer" t_f ON t_f.id = rt_f."transferId"
        JOIN "WeaponSystem" w_f ON w_f.id = t_f."weaponSystemId"
       WHERE rt_f."requestId" = ${r}.id AND ${this.readable("t_f")} AND ${this.readable("w_f")} AND ${this.weaponIn("w_f")})`);
    }
    if (f.severity.length) {
      parts.push(`EXISTS (SELECT 1 FROM "RequestConcern" rc_f
        JOIN "Concern" k_f ON k_f.id = rc_f."concernId"
       WHERE rc_f."requestId" = ${r}.id AND ${this.readable("k_f")} AND ${this.severityIn("k_f")})`);
    }
    if (options.dates !== false) parts.push(...vagueOverlap(this.p, `${r}."occurredOn"`, `${r}."occurredOnPrecision"`, f));
    return parts;
  }

  /** Concerns: visibility, country, weapon, severity and (unless `dates: false`) the opening date. */
  concernWhere(k: string, options: { dates?: boolean } = {}): string[] {
    const f = this.filter;
    const parts = [this.readable(k), ...this.verifiedWhere(k)];
    if (f.country) {
      parts.push(`EXISTS (SELECT 1 FROM "ConcernCountry" cc_f WHERE cc_f."concernId" = ${k}.id AND cc_f."countryId" = ${this.countryId()})`);
    }
    if (f.weapon.length) {
      parts.push(`EXISTS (SELECT 1 FROM "ConcernTransfer" ct_f
        JOIN "ArmsTransfer" t_f ON t_f.id = ct_f."transferId"
        JOIN "WeaponSystem" w_f ON w_f.id = t_f."weaponSystemId"
       WHERE ct_f."concernId" = ${k}.id AND ${this.readable("t_f")} AND ${this.readable("w_f")} AND ${this.weaponIn("w_f")})`);
    }
    if (f.severity.length) parts.push(this.severityIn(k));
    if (options.dates !== false) parts.push(...vagueOverlap(this.p, `${k}."openedOn"`, `${k}."openedOnPrecision"`, f));
    return parts;
  }

  /** Inspections: visibility, country, weapon, severity (through the transfer's concerns) and dates. */
  inspectionWhere(i: string): string[] {
    const f = this.filter;
    const parts = [this.readable(i), ...this.verifiedWhere(i)];
    if (f.country) {
      const id = this.countryId();
      parts.push(`(${i}."hostCountryId" = ${id} OR ${i}."inspectingCountryId" = ${id})`);
    }
    if (f.weapon.length) {
      parts.push(`(EXISTS (SELECT 1 FROM "WeaponSystem" w_f
          WHERE w_f.id = ${i}."weaponSystemId" AND ${this.readable("w_f")} AND ${this.weaponIn("w_f")})
        OR EXISTS (SELECT 1 FROM "ArmsTransfer" t_f JOIN "WeaponSystem" w_f ON w_f.id = t_f."weaponSystemId"
          WHERE t_f.id = ${i}."transferId" AND ${this.readable("t_f")} AND ${this.readable("w_f")} AND ${this.weaponIn("w_f")}))`);
    }
    if (f.severity.length) {
      parts.push(`EXISTS (SELECT 1 FROM "ArmsTransfer" t_s
        JOIN "ConcernTransfer" ct_f ON ct_f."transferId" = t_s.id
        JOIN "Concern" k_f ON k_f.id = ct_f."concernId"
       WHERE t_s.id = ${i}."transferId" AND ${this.readable("t_s")} AND ${this.readable("k_f")} AND ${this.severityIn("k_f")})`);
    }
    if (f.from || f.to) {
      // Any of its known dates within the range.
      const dates = (["assertedOn", "scheduledOn", "conductedOn"] as const).map(
        (c) => `(${and(vagueOverlap(this.p, `${i}."${c}"`, `${i}."${c}Precision"`, f))})`,
      );
      parts.push(`(${dates.join(" OR ")})`);
    }
    return parts;
  }

  /** Whether the figures of requests can be read from the rollups: no filter goes through linked records. */
  get rollups(): boolean {
    return this.filter.weapon.length === 0 && this.filter.severity.length === 0;
  }

  /** A rollup's rows for this viewer, country and verification. */
  private rollupWhere(alias: string): string[] {
    const parts = [`${alias}.country_id = ${this.filter.country ? `COALESCE(${this.countryId()}, -1)` : "0"}`];
    if (!this.restricted) parts.push(`NOT ${alias}.restricted`);
    if (this.filter.verified === "yes") parts.push(`${alias}.verified`);
    if (this.filter.verified === "no") parts.push(`NOT ${alias}.verified`);
    return parts;
  }

  /**
   * The conditions of the requests counted from the table beside a rollup:
   * the filter, and either the viewer's own restricted requests or a date in
   * one of `edges`. Null when there are none to count.
   */
  private besideRollup(r: string, edges: string[]): string | null {
    const extra = [...edges];
    if (!this.restricted) extra.unshift(`(${r}.visibility = 'RESTRICTED' AND ${r}."createdById" = ${this.p.bind(this.viewer.id, "int")})`);
    if (!extra.length) return null;
    return and([...this.requestWhere(r), `(${extra.join("\n        OR ")})`]);
  }

  /**
   * The matching requests counted by month of their date and response, as
   * rows (month date | null, "yearOnly" boolean | null, response text | null,
   * n int); a group may come in several rows, to be summed.
   */
  requestMonthCounts(): string {
    const grouped = (where: string) => `SELECT date_trunc('month', r."occurredOn"::timestamp)::date AS month,
         CASE WHEN r."occurredOn" IS NULL THEN NULL ELSE COALESCE(r."occurredOnPrecision" = 'YEAR', false) END AS "yearOnly",
         r.response::text AS response, count(*)::int AS n
    FROM "DiplomaticRequest" r
   WHERE ${where}
   GROUP BY 1, 2, 3`;
    if (!this.rollups) return grouped(and(this.requestWhere("r")));
    const f = this.filter;
    const where = this.rollupWhere("m");
    const edges: string[] = [];
    if (f.from || f.to) {
      const split = splitByPeriod(f.from, f.to, "month");
      // A date known only by its year (its period the whole year) overlaps the range, or not.
      const yearOnly = [`m.year_only`];
      if (f.to) yearOnly.push(`m.month <= ${this.p.bind(f.to.end, "date")}`);
      if (f.from) yearOnly.push(`m.month + interval '1 year' > ${this.p.bind(f.from.start, "date")}`);
      // Any other date: in a month wholly inside the range; those in a month covered in part are counted one by one.
      const inFullMonth = split.full ? [`NOT m.year_only`] : null;
      if (split.full?.first) inFullMonth!.push(`m.month >= ${this.p.bind(split.full.first, "date")}`);
      if (split.full?.last) inFullMonth!.push(`m.month <= ${this.p.bind(split.full.last, "date")}`);
      where.push(`m.month <> '-infinity'`);
      where.push(inFullMonth ? `((${and(yearOnly)}) OR (${and(inFullMonth)}))` : `(${and(yearOnly)})`);
      for (const e of split.edges) {
        edges.push(
          `(r."occurredOn" >= ${this.p.bind(e.start, "date")} AND r."occurredOn" < ${this.p.bind(e.end, "date")} AND r."occurredOnPrecision" IS DISTINCT FROM 'YEAR')`,
        );
      }
    }
    const rollup = `SELECT NULLIF(m.month, '-infinity') AS month, CASE WHEN m.month = '-infinity' THEN NULL ELSE m.year_only END AS "yearOnly",
         NULLIF(m.response, '') AS response, m.n
    FROM dashboard.request_months m
   WHERE ${and(where)}`;
    const beside = this.besideRollup("r", edges);
    return beside ? `${rollup}\n  UNION ALL\n  ${grouped(beside)}` : rollup;
  }

  /**
   * The matching requests counted by target country, ask and response, as
   * rows (cid int, ask text, response text | null, n int); a group may come
   * in several rows, to be summed.
   */
  requestTargetCounts(): string {
    const grouped = (where: string) => `SELECT r."targetCountryId" AS cid, r.ask::text AS ask, r.response::text AS response, count(*)::int AS n
    FROM "DiplomaticRequest" r
   WHERE ${where}
   GROUP BY 1, 2, 3`;
    if (!this.rollups) return grouped(and(this.requestWhere("r")));
    const f = this.filter;
    const where = this.rollupWhere("t");
    const edges: string[] = [];
    if (f.from || f.to) {
      // Years wholly inside the range from the counts per year; the others one by one.
      const split = splitByPeriod(f.from, f.to, "year");
      where.push(`t.year <> 0`);
      if (!split.full) where.push("FALSE");
      if (split.full?.first) where.push(`t.year >= ${this.p.bind(yearOf(split.full.first), "int")}`);
      if (split.full?.last) where.push(`t.year <= ${this.p.bind(yearOf(split.full.last), "int")}`);
      for (const e of split.edges) {
        edges.push(`(r."occurredOn" >= ${this.p.bind(e.start, "date")} AND r."occurredOn" < ${this.p.bind(e.end, "date")})`);
      }
    } else where.push(`t.year = 0`);
    const rollup = `SELECT t.target_id AS cid, t.ask, NULLIF(t.response, '') AS response, t.n
    FROM dashboard.request_targets t
   WHERE ${and(where)}`;
    const beside = this.besideRollup("r", edges);
    return beside ? `${rollup}\n  UNION ALL\n  ${grouped(beside)}` : rollup;
  }

  /** A timestamp column within the range: from the first day of `from` to the end of the last day of `to`. */
  timestampWhere(column: string): string[] {
    const parts: string[] = [];
    if (this.filter.from) parts.push(`${column} >= ${this.p.bind(this.filter.from.start, "date")}`);
    if (this.filter.to) parts.push(`${column} < ${this.p.bind(this.filter.to.end, "date")} + 1`);
    return parts;
  }

  /** The finished query. */
  build(text: string): BuiltSql {
    return { text, values: [...this.p.values] };
  }
}

export { and as andSql };
