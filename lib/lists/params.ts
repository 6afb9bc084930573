// The URL search parameters of the list pages (/concerns, /requests, ...):
// what each list accepts, parsed with zod into typed values, and turned back
// into links. Pure: no database, no server-only code, so that the pages, the
// data functions and the unit tests share it.
//
// An invalid value never fails the page: it is ignored and explained in one
// of the returned messages. Empty values (an untouched form field) are
// ignored silently.
import { z } from "zod";
import type { ListPageText, ListSpec, SortDir } from "@/lib/lists/spec";
import { withArticle } from "@/lib/format/plural";
import { DEFINITIONS, RECORD_TYPES, type Definitions, type ListedRecordType } from "@/lib/records/definitions";

export const PAGE_SIZE = 50;
/** Deeper pages would make OFFSET scan too far; filters narrow a list instead. */
export const MAX_PAGE = 2_000;
export const MAX_QUERY_LENGTH = 200;
/** Above this many estimated rows a list says "about N" instead of counting. */
export const EXACT_COUNT_LIMIT = 10_000;

export type { ListPageText, RecordListSpec, SortDir } from "@/lib/lists/spec";

const COUNTRY_LIST = {
  path: "/countries",
  noun: "country",
  enums: {},
  links: {},
  sides: {},
  search: true,
  country: false,
  region: true,
  dates: false,
  verification: false,
  deletable: false,
  sorts: { name: "asc", alpha2: "asc", region: "asc", made: "desc", received: "desc", unresolved: "desc" },
  defaultSort: "name",
} as const satisfies ListSpec;

type RecordListSpecs = {
  [T in ListedRecordType as `${T}s`]: Omit<NonNullable<Definitions[T]["list"]>, "page"> & { path: string; noun: string; page: ListPageText };
};

/**
 * Every list's filters and sorts: the record types' from their definitions
 * (path and noun from the type), and the countries'.
 */
export const LIST_SPECS = {
  ...(Object.fromEntries(
    RECORD_TYPES.flatMap((t) => {
      const d = DEFINITIONS[t];
      return d.list ? [[`${t}s`, { ...d.list, path: `/${d.segment}`, noun: d.label.toLowerCase() }]] : [];
    }),
  ) as unknown as RecordListSpecs),
  countries: COUNTRY_LIST,
};

export type ListType = keyof typeof LIST_SPECS;
type Spec<T extends ListType> = (typeof LIST_SPECS)[T];
export type SortKey<T extends ListType> = keyof Spec<T>["sorts"] & string;
type EnumParams<T extends ListType> = {
  [K in keyof Spec<T>["enums"]]: Spec<T>["enums"][K][keyof Spec<T>["enums"][K]][];
};

/** A bound of a date range, as typed ("2005", "2005-03" or "2005-03-17"). */
export type DateBound = {
  input: string;
  /** First and last day of the period the input names (YYYY-MM-DD). */
  start: string;
  end: string;
};

/** What every list's parameters have; see ListParams for one list's. */
export type AnyListParams = {
  type: ListType;
  /** Full-text search as typed (whitespace collapsed); null when absent. */
  q: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | null;
  region: string | null;
  /** Enum filters by URL parameter; a row matches any of several values. */
  enums: Readonly<Record<string, readonly string[]>>;
  /** Linked-record filters that are set, by URL parameter (see ListSpec.links). */
  links: Readonly<Record<string, number>>;
  /** One-side country filters that are set (alpha-2, upper case), by URL parameter (see ListSpec.sides). */
  sides: Readonly<Record<string, string>>;
  from: DateBound | null;
  to: DateBound | null;
  /** true: verified only, false: unverified only, null: both. */
  verified: boolean | null;
  /** Asked for the deleted records (the data layer honours it for editors only). */
  deleted: boolean;
  sort: string;
  dir: SortDir;
  page: number;
};

export type ListParams<T extends ListType> = AnyListParams & {
  type: T;
  enums: EnumParams<T>;
  sort: SortKey<T>;
};

export type ParsedList<T extends ListType> = { params: ListParams<T>; messages: string[] };

export type RawSearchParams = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

function values(raw: RawSearchParams, key: string): string[] {
  const v = raw instanceof URLSearchParams ? raw.getAll(key) : raw[key];
  const list = v === undefined ? [] : typeof v === "string" ? [v] : [...v];
  return list.map((s) => s.trim()).filter((s) => s !== "");
}

/** Shortened and quoted, for messages that repeat what was typed. */
function shown(value: string): string {
  return `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;
}

const countrySchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/)
  .transform((s) => s.toUpperCase());
const regionSchema = z.string().regex(/^[\p{L}][\p{L} .'-]{0,39}$/u);
const yesNoSchema = z.enum(["yes", "no"]);
const dirSchema = z.enum(["asc", "desc"]);
/** A record's id as the URL gives it (a linked-record filter). */
const idSchema = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number)
  .pipe(z.number().int().min(1));
const pageSchema = z
  .string()
  .regex(/^\d{1,7}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(MAX_PAGE));

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "2005" → 2005-01-01 … 2005-12-31; "2005-03" → March; "2005-03-17" → that day. */
export const dateBoundSchema = z
  .string()
  .regex(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/)
  .transform((input, ctx): DateBound | typeof z.NEVER => {
    const [y, m, d] = input.split("-").map(Number) as [number, number?, number?];
    const valid =
      y >= 1000 &&
      (m === undefined || (m >= 1 && m <= 12)) &&
      (d === undefined || (m !== undefined && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate()));
    if (!valid) {
      ctx.addIssue({ code: "custom", message: "not a date" });
      return z.NEVER;
    }
    if (d !== undefined) {
      const day = `${pad(y, 4)}-${pad(m!)}-${pad(d)}`;
      return { input, start: day, end: day };
    }
    if (m !== undefined) {
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      return { input, start: `${pad(y, 4)}-${pad(m)}-01`, end: `${pad(y, 4)}-${pad(m)}-${pad(last)}` };
    }
    return { input, start: `${pad(y, 4)}-01-01`, end: `${pad(y, 4)}-12-31` };
  });

/** The last word of a search and what precedes it, for prefix matching. */
export type SearchTerms = {
  /** The whole query, for websearch_to_tsquery. */
  query: string;
  /**
   * When the query ends in a plain word (letters and digits only, two or
   * more), that word lower-cased and the query before it, so that "igl"
   * also finds "Igla-S". The word is later bound as a parameter of
   * to_tsquery(word || ':*'), never spliced into SQL.
   */
  prefix: { head: string; word: string; or: boolean } | null;
};

export function searchTerms(q: string): SearchTerms {
  const query = q.trim();
  const tokens = query.split(/\s+/);
  const last = tokens.at(-1) ?? "";
  if (!/^[\p{L}\p{N}]{2,}$/u.test(last)) return { query, prefix: null };
  let headTokens = tokens.slice(0, -1);
  // "russia or venez" means russia | venez*, not russia & venez*.
  const or = headTokens.length > 1 && headTokens.at(-1)?.toLowerCase() === "or";
  if (or) headTokens = headTokens.slice(0, -1);
  return { query, prefix: { head: headTokens.join(" "), word: last.toLowerCase(), or } };
}

function enumLabel(param: string, noun: string): string {
  switch (param) {
    case "weapon":
      return "weapon category";
    case "kind":
      return `${noun} kind`;
    case "response":
      return "response";
    default:
      return `${noun} ${param}`;
  }
}

/** Parses a list page's search parameters. Never throws on user input. */
export function parseListParams<T extends ListType>(type: T, raw: RawSearchParams): ParsedList<T> {
  const spec: ListSpec = LIST_SPECS[type];
  const messages: string[] = [];
  const one = (key: string): string | null => {
    const all = values(raw, key);
    if (all.length > 1) messages.push(`Only one “${key}” is used; the first was kept.`);
    return all[0] ?? null;
  };

  let q: string | null = null;
  if (spec.search) {
    const rawQ = one("q");
    if (rawQ !== null) {
      let text = rawQ.replace(/\s+/g, " ");
      if (text.length > MAX_QUERY_LENGTH) {
        text = text.slice(0, MAX_QUERY_LENGTH).trim();
        messages.push(`The search was cut to its first ${MAX_QUERY_LENGTH} characters.`);
      }
      // PostgreSQL refuses a NUL in any text, so such a search would fail the page.
      if (text.includes("\u0000")) messages.push("The search contains a NUL character, which cannot be searched for; it was ignored.");
      else if (/[\p{L}\p{N}]/u.test(text)) q = text;
      else messages.push(`The search ${shown(rawQ)} has no letters or digits to look for; it was ignored.`);
    }
  }

  let country: string | null = null;
  if (spec.country) {
    const v = one("country");
    if (v !== null) {
      const r = countrySchema.safeParse(v);
      if (r.success) country = r.data;
      else messages.push(`${shown(v)} is not a country code (two letters, such as RU); the country filter was ignored.`);
    }
  }

  let region: string | null = null;
  if (spec.region) {
    const v = one("region");
    if (v !== null) {
      const r = regionSchema.safeParse(v);
      if (r.success) region = r.data;
      else messages.push(`${shown(v)} is not a region; the region filter was ignored.`);
    }
  }

  const enums: Record<string, string[]> = {};
  for (const [param, enumObject] of Object.entries(spec.enums)) {
    const allowed = Object.values(enumObject) as [string, ...string[]];
    const schema = z.enum(allowed);
    const chosen: string[] = [];
    // Several values: repeated (status=OPEN&status=MONITORING) or joined
    // with commas (status=OPEN,MONITORING, as a filter's select sends them).
    for (const v of values(raw, param).flatMap((x) => x.split(",")).map((x) => x.trim()).filter(Boolean)) {
      const r = schema.safeParse(v.toUpperCase());
      if (!r.success) messages.push(`${shown(v)} is not ${withArticle(enumLabel(param, spec.noun))}; it was ignored.`);
      else if (!chosen.includes(r.data)) chosen.push(r.data);
    }
    enums[param] = chosen;
  }

  const links: Record<string, number> = {};
  for (const [param, noun] of Object.entries(spec.links)) {
    const v = one(param);
    if (v === null) continue;
    const r = idSchema.safeParse(v);
    if (r.success) links[param] = r.data;
    else messages.push(`${shown(v)} is not a number (“${param}” takes the number of the ${noun}, such as 12); it was ignored.`);
  }

  const sides: Record<string, string> = {};
  for (const [param, side] of Object.entries(spec.sides)) {
    const v = one(param);
    if (v === null) continue;
    const r = countrySchema.safeParse(v);
    if (r.success) sides[param] = r.data;
    else messages.push(`${shown(v)} is not a country code (two letters, such as RU); the ${side} filter was ignored.`);
  }

  let from: DateBound | null = null;
  let to: DateBound | null = null;
  if (spec.dates) {
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
  }

  let verified: boolean | null = null;
  if (spec.verification) {
    const v = one("verified");
    if (v !== null) {
      const r = yesNoSchema.safeParse(v.toLowerCase());
      if (r.success) verified = r.data === "yes";
      else messages.push(`verified=${shown(v)} is neither yes nor no; it was ignored.`);
    }
  }

  let deleted = false;
  if (spec.deletable) {
    const v = one("deleted");
    if (v !== null) {
      const r = yesNoSchema.safeParse(v.toLowerCase());
      if (r.success) deleted = r.data === "yes";
      else messages.push(`deleted=${shown(v)} is neither yes nor no; it was ignored.`);
    }
  }

  let sort = spec.defaultSort;
  const rawSort = one("sort");
  if (rawSort !== null) {
    if (Object.hasOwn(spec.sorts, rawSort)) sort = rawSort;
    else messages.push(`This list cannot be sorted by ${shown(rawSort)}; it is sorted by ${spec.defaultSort} instead.`);
  }
  let dir: SortDir = spec.sorts[sort]!;
  const rawDir = one("dir");
  if (rawDir !== null) {
    const r = dirSchema.safeParse(rawDir.toLowerCase());
    if (r.success) dir = r.data;
    else messages.push(`dir=${shown(rawDir)} is neither asc nor desc; it was ignored.`);
  }

  let page = 1;
  const rawPage = one("page");
  if (rawPage !== null) {
    const r = pageSchema.safeParse(rawPage);
    if (r.success) page = r.data;
    else messages.push(`Page ${shown(rawPage)} does not exist (pages are numbered 1 to ${MAX_PAGE.toLocaleString("en")}); showing page 1.`);
  }

  const params = { type, q, country, region, enums, links, sides, from, to, verified, deleted, sort, dir, page } as ListParams<T>;
  return { params, messages };
}

/** Whether any filter (not sort or page) is set: an empty list then says so. */
export function hasFilters(params: AnyListParams): boolean {
  const enums = params.enums;
  return Boolean(
    params.q ||
      params.country ||
      params.region ||
      params.from ||
      params.to ||
      params.verified !== null ||
      params.deleted ||
      Object.keys(params.links).length > 0 ||
      Object.keys(params.sides).length > 0 ||
      Object.values(enums).some((v) => v.length > 0),
  );
}

/** The query string of `params` (defaults left out), with `changes` applied. */
export type ListChanges = { sort?: string; dir?: SortDir; page?: number };

export function listQuery(params: AnyListParams, changes: ListChanges = {}): URLSearchParams {
  const spec: ListSpec = LIST_SPECS[params.type];
  const out = new URLSearchParams();
  if (params.q) out.set("q", params.q);
  if (params.country) out.set("country", params.country);
  if (params.region) out.set("region", params.region);
  for (const [param, chosen] of Object.entries(params.enums)) {
    if (chosen.length) out.set(param, chosen.join(","));
  }
  for (const [param, id] of Object.entries(params.links)) out.set(param, String(id));
  for (const [param, code] of Object.entries(params.sides)) out.set(param, code);
  if (params.from) out.set("from", params.from.input);
  if (params.to) out.set("to", params.to.input);
  if (params.verified !== null) out.set("verified", params.verified ? "yes" : "no");
  if (params.deleted) out.set("deleted", "yes");
  const sort = changes.sort !== undefined && Object.hasOwn(spec.sorts, changes.sort) ? changes.sort : params.sort;
  const dir = changes.dir ?? (changes.sort ? (spec.sorts[sort] ?? params.dir) : params.dir);
  if (sort !== spec.defaultSort || dir !== spec.sorts[sort]) {
    out.set("sort", sort);
    out.set("dir", dir);
  }
  const page = changes.page ?? (changes.sort || changes.dir ? 1 : params.page);
  if (page > 1) out.set("page", String(page));
  return out;
}

/** A link to the list with `params`, e.g. for sorting or another page. */
export function listHref(params: AnyListParams, changes: ListChanges = {}): string {
  const query = listQuery(params, changes).toString();
  return query ? `${LIST_SPECS[params.type].path}?${query}` : LIST_SPECS[params.type].path;
}

/** The link of a column header: sorts by `sort`, or reverses the order when already sorted by it. */
export function sortHref(params: AnyListParams, sort: string): string {
  return sort === params.sort ? listHref(params, { sort, dir: params.dir === "asc" ? "desc" : "asc" }) : listHref(params, { sort });
}

/** How many rows a list has: counted, or the planner's estimate. */
export type ListTotal = { value: number; exact: boolean };

/** A rough number reads as one: 98,734 → 99,000; 1,234,567 → 1,200,000. */
export function roundEstimate(n: number): number {
  if (n < 100) return Math.round(n);
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / magnitude) * magnitude;
}

/** "1–50 of 523", "51–100 of about 99,000", "No results". */
export function rangeLabel(page: number, shownRows: number, total: ListTotal | null, pageSize = PAGE_SIZE): string {
  const fmt = (n: number) => n.toLocaleString("en");
  if (shownRows === 0) return page > 1 ? `No results on page ${fmt(page)}` : "No results";
  const first = (page - 1) * pageSize + 1;
  const range = `${fmt(first)}–${fmt(first + shownRows - 1)}`;
  if (!total) return range;
  return total.exact ? `${range} of ${fmt(total.value)}` : `${range} of about ${fmt(roundEstimate(total.value))}`;
}
