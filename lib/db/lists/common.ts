import "server-only";
// What every list query shares: who may see which rows (the same rule as
// readableBy, in SQL), filters, sorting, pagination and the row count.
//
// A page is one SQL statement: the ids of the page's rows are chosen first
// (filtered, sorted, LIMIT 51 OFFSET n: the 51st row only says whether there
// is a next page), then joined to the names they show. No query per row.
//
// Indexes decide the shape of the id query. A descending sort on a nullable
// column would put unknown values first (PostgreSQL's NULLS FIRST, the order
// a backward index scan gives); unknown belongs last, so such a sort reads
// the known values and the unknown ones in two index-ordered branches.
//
// A search is planned on its own, for all its matches (a MATERIALIZED
// CTE), then sorted and cut: its cost follows the number of matches, found
// through the GIN indexes, and never the size of the table. Left to plan
// search, sort and LIMIT together, PostgreSQL walks the sort column's index
// testing each row, hoping to meet 50 matches early: for a word that it has
// no statistics on and that few or no rows contain, that is the whole table
// (several hundred times slower over 100,000 requests; the plans are checked
// by tests/integration/lists-scale.test.ts). Matches in other tables (quotes,
// citations) are looked up first, through their own GIN indexes, and join as
// a list of ids: an EXISTS in an OR would be tested row by row instead.
import { getDb } from "@/lib/db/client";
import { openableSql, seesDeleted, visibleSql, type Viewer } from "@/lib/db/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import { EXACT_COUNT_LIMIT, PAGE_SIZE as DEFAULT_PAGE_SIZE, type AnyListParams, type DateBound, type ListTotal, type SortDir } from "@/lib/lists/params";

type Sql = Prisma.Sql;
const { sql, raw, join } = Prisma;

export type ListPage<Row> = {
  rows: Row[];
  page: number;
  pageSize: number;
  hasNext: boolean;
  total: ListTotal;
  /** The list shows soft-deleted records (deleted=yes, for an editor). */
  showingDeleted: boolean;
};

/** A sort key: an SQL expression on the list's table alias (never user input). */
export type SortColumn = { expr: string; nullable: boolean };

export type ListQuery = {
  /** Quoted table name and its alias, e.g. "DiplomaticRequest" r. */
  table: string;
  alias: string;
  /** Conditions that every row must meet (AND). */
  where: Sql[];
  /**
   * Conditions of which a row must meet at least one (OR), each one an
   * index can answer alone ("requested by or asked of the country"): the
   * page reads each in index order and merges them, instead of sorting every
   * row that the OR matches.
   */
  anyOf?: Sql[];
  /** The search as a condition on the alias (null: no search); see searchSql. */
  search: Sql | null;
  /**
   * The same search as a test of one row, by lookups on the row's id (see
   * relatedSearchSql); used where few rows are tested. Absent: `search`.
   */
  searchRow?: Sql | null;
  sort: SortColumn;
  dir: SortDir;
  page: number;
  /** Rows per page (PAGE_SIZE unless an API or an export asks for another). */
  limit?: number;
};

/**
 * A search on the list's own "search" column (GIN-indexed) or, when given,
 * matching through related records: `related` selects the ids of the rows
 * that those match (each through its own GIN index).
 */
export function searchSql(alias: string, tsquery: Sql, related?: Sql): Sql {
  const own = sql`${raw(alias)}.search @@ ${tsquery}`;
  return related ? sql`(${own} OR ${raw(alias)}.id = ANY(ARRAY(${related})))` : own;
}

/** Records whose text also finds a row: `from` joined, `key` the row's id in it, `where` the match. */
export type RelatedText = { from: Sql; key: string; where: Sql };

/**
 * A search through related records, in two forms. `search`: the ids that
 * the related records match, collected once through their GIN indexes (for
 * all of a search's matches). `searchRow`: for each row tested, whether one
 * of its related records matches, by the index on `key` (for the first
 * rows of a list: a word that a hundred thousand citations contain costs
 * 0.4 s to collect and a few microseconds per row to test). OFFSET 0 keeps
 * PostgreSQL from turning the lookup back into the collection (a hashed
 * sub-plan), which it would choose without knowing that few rows are tested.
 */
export function relatedSearchSql(alias: string, tsquery: Sql, related: RelatedText[]): { search: Sql; searchRow: Sql } {
  const ids = join(
    related.map((r) => sql`SELECT ${raw(r.key)} FROM ${r.from} WHERE ${r.where} AND ${raw(r.key)} IS NOT NULL`),
    " UNION ",
  );
  const own = sql`${raw(alias)}.search @@ ${tsquery}`;
  const lookups = related.map((r) => sql`EXISTS (SELECT 1 FROM ${r.from} WHERE ${raw(r.key)} = ${raw(alias)}.id AND ${r.where} OFFSET 0)`);
  return { search: searchSql(alias, tsquery, ids), searchRow: sql`(${join([own, ...lookups], " OR ")})` };
}

// The visibility rule in SQL lives with the rest of it (lib/db/visibility.ts);
// re-exported here for the lists and figures that import it from this file.
// Linked records are joined through joinReadable (see there why).
export { joinReadable, readableSql, visibleSql as visibleTo } from "@/lib/db/visibility";

/** Whether this viewer gets the deleted records they asked for (deleted=yes). */
export function showsDeleted(viewer: Viewer, params: AnyListParams): boolean {
  return params.deleted && seesDeleted(viewer);
}

/** Visibility and soft deletion of the list's own rows. */
export function baseWhere(viewer: Viewer, params: AnyListParams, alias: string): Sql[] {
  const a = raw(alias);
  return [showsDeleted(viewer, params) ? sql`${a}."deletedAt" IS NOT NULL` : sql`${a}."deletedAt" IS NULL`, visibleSql(viewer, alias)];
}

export function verifiedSql(alias: string, verified: boolean): Sql {
  return verified ? sql`${raw(alias)}."verifiedAt" IS NOT NULL` : sql`${raw(alias)}."verifiedAt" IS NULL`;
}

/** The id of a country by alpha-2, as a scalar sub-query (no match: NULL, so no row matches). */
export function countryIdSql(alpha2: string): Sql {
  return sql`(SELECT id FROM "Country" WHERE alpha2 = ${alpha2}::char(2))`;
}

/** `column IN (values)` for a PostgreSQL enum; the values are bound parameters. */
export function enumInSql(column: string, enumType: string, values: readonly string[]): Sql {
  const type = raw(`"${enumType}"`);
  return sql`${raw(column)} IN (${join(values.map((v) => sql`${v}::${type}`))})`;
}

/**
 * A vague date (first day of its period + precision) that may fall within
 * [from, to]: its period overlaps the range. "2005" (YEAR) is within
 * from=2005-06. The `> from - 366 days` bound is implied by the exact test
 * (no period is longer than a year) and lets PostgreSQL use the date's index.
 */
export function vagueDateInRangeSql(column: string, precisionColumn: string, from: DateBound | null, to: DateBound | null): Sql {
  const col = raw(column);
  const parts: Sql[] = [];
  if (to) parts.push(sql`${col} <= ${to.end}::date`);
  if (from) {
    parts.push(sql`${col} > ${from.start}::date - 366`);
    parts.push(
      sql`${col} + CASE ${raw(precisionColumn)} WHEN 'YEAR' THEN interval '1 year' WHEN 'MONTH' THEN interval '1 month' ELSE interval '1 day' END > ${from.start}::date`,
    );
  }
  return parts.length ? sql`(${join(parts, " AND ")})` : sql`TRUE`;
}

function and(conditions: Sql[]): Sql {
  return conditions.length ? join(conditions, " AND ") : sql`TRUE`;
}

/** ORDER BY with unknown (NULL) values last in both directions, ties by id. */
export function orderSql(q: Pick<ListQuery, "alias" | "sort" | "dir">): Sql {
  const d = q.dir === "asc" ? "ASC" : "DESC";
  const nulls = q.sort.nullable ? " NULLS LAST" : "";
  return raw(`${q.sort.expr} ${d}${nulls}, ${q.alias}.id ${d}`);
}

/** The order an index on the sort column gives (NULLS LAST ascending, FIRST descending). */
function indexOrderSql(q: ListQuery): Sql {
  const d = q.dir === "asc" ? "ASC" : "DESC";
  return raw(`${q.sort.expr} ${d}, ${q.alias}.id ${d}`);
}

/** Every condition of the list, the search included. */
function conditions(q: ListQuery): Sql[] {
  const any = q.anyOf?.length ? [sql`(${join(q.anyOf, " OR ")})`] : [];
  return q.search ? [...q.where, ...any, q.search] : [...q.where, ...any];
}

/**
 * The rows after row `afterId` in the list's order (keyset pagination: the
 * API's cursors and the exports), as a condition to add to the list's own.
 * The order is the sort column with unknown values last in both directions,
 * then the id in the same direction; the sort value of `afterId` is read
 * from that row itself, so a cursor is just an id. `afterIsNull`: whether
 * that row's sort value is unknown (the caller looks it up, see keysetAnchor).
 */
export function keysetAfterSql(viewer: Viewer, q: ListQuery, afterId: number, afterIsNull: boolean): Sql {
  const e = q.sort.expr;
  const a = q.alias;
  const cmp = q.dir === "asc" ? ">" : "<";
  const id = sql`${raw(`${a}.id ${cmp}`)} ${afterId}`;
  if (afterIsNull) return sql`(${raw(`${e} IS NULL`)} AND ${id})`;
  const anchor = sql`(SELECT ${raw(e)} FROM ${raw(`${q.table} ${a}`)} WHERE ${raw(`${a}.id`)} = ${afterId} AND ${openableSql(viewer, a)})`;
  return sql`(${raw(e)} ${raw(cmp)} ${anchor} OR (${raw(e)} = ${anchor} AND ${id})${raw(q.sort.nullable ? ` OR ${e} IS NULL` : "")})`;
}

/**
 * Whether row `id` exists in the list's table and whether its sort value is
 * unknown; null when there is no such row, or when the viewer may not open
 * it. A cursor is a plain id that a client can forge: anchored on a record
 * hidden from them, the rows after it would tell where its title (or date,
 * or status) sorts, and a page rather than a refusal that it exists.
 */
export async function keysetAnchor(viewer: Viewer, q: ListQuery, id: number): Promise<{ isNull: boolean } | null> {
  const rows = await getDb().$queryRaw<{ isNull: boolean }[]>(
    sql`SELECT (${raw(q.sort.expr)}) IS NULL AS "isNull" FROM ${raw(`${q.table} ${q.alias}`)}
        WHERE ${raw(`${q.alias}.id`)} = ${id} AND ${openableSql(viewer, q.alias)}`,
  );
  return rows[0] ?? null;
}

/** Rows a search tests in the list's order before it collects all its matches (see pageIdsSql). */
const PROBE_MIN_ROWS = 500;
const PROBE_MAX_ROWS = 10_000;

/** The ids of the page's rows, plus one to tell whether a next page exists. */
export function pageIdsSql(q: ListQuery): Sql {
  const table = raw(`${q.table} ${q.alias}`);
  const pageSize = q.limit ?? DEFAULT_PAGE_SIZE;
  const offset = (q.page - 1) * pageSize;
  const where = conditions(q);
  const outerOrder = orderSql({ alias: "u", sort: { ...q.sort, expr: "u.sort_key" }, dir: q.dir });
  const alternatives = q.anyOf?.length ? q.anyOf : null;
  const nullableDesc = q.sort.nullable && q.dir === "desc";
  if (q.search && alternatives) {
    return sql`WITH u AS MATERIALIZED (SELECT ${raw(q.alias)}.id, ${raw(q.sort.expr)} AS sort_key FROM ${table} WHERE ${and(where)})
      SELECT u.id FROM u ORDER BY ${outerOrder} LIMIT ${pageSize + 1} OFFSET ${offset}`;
  }
  if (q.search) {
    // A word that many rows contain would make the search's matches many
    // (a quarter of a million requests: 0.5 s to collect and sort). So the
    // first rows of the list in index order are tested first, a few hundred
    // then five times as many (about 10 µs a row, searchRow): when enough of them
    // match, those are the page (every later row sorts after them), and the
    // matches are never collected; otherwise the search runs as above. Each
    // step runs only when the one before fell short (one-time filters).
    // Unknown sort values come last, so a descending probe reads the known ones.
    const need = offset + pageSize + 1;
    const clamp = (rows: number, min: number) => Math.min(PROBE_MAX_ROWS, Math.max(min, rows));
    const first = clamp(need * 10, PROBE_MIN_ROWS);
    const second = clamp(need * 50, PROBE_MIN_ROWS * 5);
    const sizes = second > first ? [first, second] : [first];
    const known = nullableDesc ? [sql`${raw(q.sort.expr)} IS NOT NULL`] : [];
    const shortBefore = (i: number) => sizes.slice(0, i).map((_, j) => sql`NOT (SELECT yes FROM enough${raw(String(j))})`);
    const probes = sizes.map(
      (rows, i) => sql`probe${raw(String(i))} AS MATERIALIZED (
        SELECT p.id, p.sort_key FROM (
          SELECT ${raw(q.alias)}.id, ${raw(q.sort.expr)} AS sort_key, (${q.searchRow ?? q.search}) AS hit FROM ${table}
          WHERE ${and([...q.where, ...known, ...shortBefore(i)])} ORDER BY ${indexOrderSql(q)} LIMIT ${rows}
        ) p WHERE p.hit),
      enough${raw(String(i))} AS MATERIALIZED (SELECT count(*) >= ${need} AS yes FROM probe${raw(String(i))})`,
    );
    const found = sizes.map((_, i) => sql`SELECT id, sort_key FROM probe${raw(String(i))} WHERE (SELECT yes FROM enough${raw(String(i))})`);
    return sql`WITH ${join(probes, ",\n")},
      everything AS MATERIALIZED (
        SELECT ${raw(q.alias)}.id, ${raw(q.sort.expr)} AS sort_key FROM ${table}
        WHERE ${and([...where, ...shortBefore(sizes.length)])})
      SELECT u.id FROM (${join(found, " UNION ALL ")} UNION ALL SELECT id, sort_key FROM everything) u
      ORDER BY ${outerOrder} LIMIT ${pageSize + 1} OFFSET ${offset}`;
  }
  if (!alternatives && !nullableDesc) {
    return sql`SELECT ${raw(q.alias)}.id FROM ${table} WHERE ${and(where)}
      ORDER BY ${orderSql(q)} LIMIT ${pageSize + 1} OFFSET ${offset}`;
  }
  // Branches that an index reads in order: each alternative of anyOf, and,
  // DESC on a nullable column, known values then unknown ones (an index
  // gives those in the other order). Each branch gives its first
  // offset + page + 1 rows with their sort key; the page is the first of all
  // after the offset (UNION: a row two alternatives match counts once).
  const own = q.where.concat(q.search ? [q.search] : []);
  const parts = nullableDesc ? [sql`${raw(q.sort.expr)} IS NOT NULL`, sql`${raw(q.sort.expr)} IS NULL`] : [null];
  const branches = (alternatives ?? [null]).flatMap((alt) =>
    parts.map(
      (part) => sql`(SELECT ${raw(q.alias)}.id, ${raw(q.sort.expr)} AS sort_key FROM ${table}
         WHERE ${and([...own, ...(alt ? [alt] : []), ...(part ? [part] : [])])}
        ORDER BY ${indexOrderSql(q)} LIMIT ${offset + pageSize + 1})`,
    ),
  );
  return sql`SELECT u.id FROM (${join(branches, alternatives ? " UNION " : " UNION ALL ")}) u
    ORDER BY ${outerOrder} LIMIT ${pageSize + 1} OFFSET ${offset}`;
}

/** The ids of every matching row, unsorted: for counting and estimating. */
export function matchIdsSql(q: ListQuery): Sql {
  return sql`SELECT ${raw(q.alias)}.id FROM ${raw(`${q.table} ${q.alias}`)} WHERE ${and(conditions(q))}`;
}

/** The page's rows: `columns` and `joins` refer to the list's alias. */
export function rowsSql(q: ListQuery, columns: Sql, joins: Sql = Prisma.empty): Sql {
  return sql`SELECT ${columns}
    FROM (${pageIdsSql(q)}) page
    JOIN ${raw(`${q.table} ${q.alias}`)} ON ${raw(q.alias)}.id = page.id
    ${joins}
    ORDER BY ${orderSql(q)}`;
}

type Db = ReturnType<typeof getDb>;

/** The planner's estimate of the rows a query returns (EXPLAIN, nothing is run). */
export async function estimateRows(db: Db, query: Sql): Promise<number> {
  const result = await db.$queryRaw<{ "QUERY PLAN": unknown }[]>(sql`EXPLAIN (FORMAT JSON) ${query}`);
  let plan = result[0]?.["QUERY PLAN"];
  if (typeof plan === "string") plan = JSON.parse(plan);
  const rows = (plan as { Plan?: { "Plan Rows"?: number } }[] | undefined)?.[0]?.Plan?.["Plan Rows"];
  return typeof rows === "number" && Number.isFinite(rows) ? rows : 0;
}

/**
 * How many rows match: counted exactly when the planner expects at most
 * EXACT_COUNT_LIMIT (and the count stops there), else the estimate.
 */
export async function countMatches(db: Db, q: ListQuery): Promise<ListTotal> {
  const estimate = await estimateRows(db, matchIdsSql(q));
  if (estimate > EXACT_COUNT_LIMIT) return { value: Math.round(estimate), exact: false };
  const [row] = await db.$queryRaw<{ n: number }[]>(
    sql`SELECT count(*)::int AS n FROM (${matchIdsSql(q)} LIMIT ${EXACT_COUNT_LIMIT + 1}) capped`,
  );
  const n = row?.n ?? 0;
  return n > EXACT_COUNT_LIMIT ? { value: Math.max(n, Math.round(estimate)), exact: false } : { value: n, exact: true };
}

/** Runs a page query, and counts only when the page itself does not tell. */
export async function runList<Row>(q: ListQuery, rows: Sql, showingDeleted: boolean): Promise<ListPage<Row>> {
  const db = getDb();
  const fetched = await db.$queryRaw<Row[]>(rows);
  const hasNext = fetched.length > DEFAULT_PAGE_SIZE;
  const pageRows = fetched.slice(0, DEFAULT_PAGE_SIZE);
  const offset = (q.page - 1) * DEFAULT_PAGE_SIZE;
  // The last page (or an empty first page) gives the exact total for free.
  const total =
    !hasNext && (pageRows.length > 0 || q.page === 1) ? { value: offset + pageRows.length, exact: true } : await countMatches(db, q);
  return { rows: pageRows, page: q.page, pageSize: DEFAULT_PAGE_SIZE, hasNext, total, showingDeleted };
}
