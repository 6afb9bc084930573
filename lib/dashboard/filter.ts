// The home dashboard's one filter (date range, country, weapon category,
// concern severity), parsed from the URL with zod. Pure: no database, no
// server-only code, so that the page, the queries (lib/dashboard/queries.ts),
// a benchmark and the unit tests share it.
//
// An invalid value never fails the page: it is ignored and explained in one of
// the returned messages. Empty values (an untouched form field) are ignored
// silently. How each filter reaches each figure is documented in
// lib/dashboard/sql.ts.
import { z } from "zod";
import { Severity, WeaponCategory } from "@/lib/generated/prisma/enums";
import type { Severity as SeverityT, WeaponCategory as WeaponCategoryT } from "@/lib/generated/prisma/enums";
import { dateBoundSchema, type DateBound, type RawSearchParams } from "@/lib/lists/params";

export type DashboardFilter = {
  /** First and last day of the range's bounds as typed ("2005" is all of 2005). */
  from: DateBound | null;
  to: DateBound | null;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | null;
  /** A record matches any of several values; empty: no filter. */
  weapon: WeaponCategoryT[];
  severity: SeverityT[];
  /** Only verified ("yes") or only unverified ("no") records; null: both. */
  verified: "yes" | "no" | null;
};

export const EMPTY_FILTER: DashboardFilter = { from: null, to: null, country: null, weapon: [], severity: [], verified: null };

export type ParsedDashboardFilter = { filter: DashboardFilter; messages: string[] };

const countrySchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/)
  .transform((s) => s.toUpperCase());
const weaponSchema = z.enum(Object.values(WeaponCategory) as [WeaponCategoryT, ...WeaponCategoryT[]]);
const severitySchema = z.enum(Object.values(Severity) as [SeverityT, ...SeverityT[]]);

function values(raw: RawSearchParams, key: string): string[] {
  const v = raw instanceof URLSearchParams ? raw.getAll(key) : raw[key];
  const list = v === undefined ? [] : typeof v === "string" ? [v] : [...v];
  return list.map((s) => s.trim()).filter((s) => s !== "");
}

function shown(value: string): string {
  return `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;
}

/** Parses the dashboard's search parameters. Never throws on user input. */
export function parseDashboardFilter(raw: RawSearchParams): ParsedDashboardFilter {
  const messages: string[] = [];
  const one = (key: string): string | null => {
    const all = values(raw, key);
    if (all.length > 1) messages.push(`Only one “${key}” is used; the first was kept.`);
    return all[0] ?? null;
  };

  let country: string | null = null;
  const rawCountry = one("country");
  if (rawCountry !== null) {
    const r = countrySchema.safeParse(rawCountry);
    if (r.success) country = r.data;
    else messages.push(`${shown(rawCountry)} is not a country code (two letters, such as RU); the country filter was ignored.`);
  }

  // Several values: repeated (severity=HIGH&severity=CRITICAL) or joined with commas.
  const many = <T extends string>(key: string, schema: z.ZodType<T>, what: string): T[] => {
    const chosen: T[] = [];
    for (const v of values(raw, key).flatMap((x) => x.split(",")).map((x) => x.trim()).filter(Boolean)) {
      const r = schema.safeParse(v.toUpperCase());
      if (!r.success) messages.push(`${shown(v)} is not a ${what}; it was ignored.`);
      else if (!chosen.includes(r.data)) chosen.push(r.data);
    }
    return chosen;
  };
  const weapon = many("weapon", weaponSchema, "weapon category");
  const severity = many("severity", severitySchema, "concern severity");

  let verified: "yes" | "no" | null = null;
  const rawVerified = one("verified");
  if (rawVerified !== null) {
    const v = rawVerified.toLowerCase();
    if (v === "yes" || v === "no") verified = v;
    else messages.push(`${shown(rawVerified)} is not “yes” or “no”; the verification filter was ignored.`);
  }

  let from: DateBound | null = null;
  let to: DateBound | null = null;
  for (const key of ["from", "to"] as const) {
    const v = one(key);
    if (v === null) continue;
    const r = dateBoundSchema.safeParse(v);
    if (!r.success) {
      messages.push(`${shown(v)} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD); “${key === "from" ? "From" : "To"}” was ignored.`);
    } else if (key === "from") from = r.data;
    else to = r.data;
  }
  if (from && to && from.start > to.end) {
    messages.push(`“From” (${from.input}) is after “To” (${to.input}); the date range was ignored.`);
    from = null;
    to = null;
  }
  return { filter: { from, to, country, weapon, severity, verified }, messages };
}

export function hasDashboardFilter(f: DashboardFilter): boolean {
  return Boolean(f.from || f.to || f.country || f.weapon.length || f.severity.length || f.verified);
}

/** The query string of a filter (empty parts left out). */
export function dashboardQuery(f: DashboardFilter): URLSearchParams {
  const out = new URLSearchParams();
  if (f.from) out.set("from", f.from.input);
  if (f.to) out.set("to", f.to.input);
  if (f.country) out.set("country", f.country);
  if (f.weapon.length) out.set("weapon", f.weapon.join(","));
  if (f.severity.length) out.set("severity", f.severity.join(","));
  if (f.verified) out.set("verified", f.verified);
  return out;
}

/** Builds a filter from parameters given as a query string ("country=RU&from=2005"). */
export function dashboardFilter(query: string): DashboardFilter {
  return parseDashboardFilter(new URLSearchParams(query)).filter;
}
