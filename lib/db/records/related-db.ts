import "server-only";
// Reading the first rows of related lists (lib/db/records/related.ts) so that
// PostgreSQL reads only those. Prisma does not push a nested `take` down
// into SQL: `weaponSystem.findFirst({ select: { transfers: { take: 25 } } })`
// reads every transfer of the system (199,000 for one import) and cuts the
// array in JavaScript. So the rows of a related list are read by a query of
// their own on the related table (its LIMIT reaches PostgreSQL), and the
// first rows of many parents at once (the quotes of each request on a
// timeline) by a window (row_number() per parent) that picks their ids.
// Totals come from the parent's `_count`, a COUNT in SQL.
import { getDb } from "@/lib/db/client";
import { related, RELATED_LIMIT, type Related } from "@/lib/db/records/related";
import { Prisma } from "@/lib/generated/prisma/client";

const { sql, raw } = Prisma;

/**
 * What a related list reads: the rows `from` (SQL: a table aliased x, or a
 * link table joined to it), each the record `id` (SQL, e.g. x.id) of parent
 * `parent` (SQL, e.g. x."weaponSystemId" or l."transferId"), those that meet
 * `where` (SQL: readableSql of the record and of any record it is reached
 * through), in `order` (SQL ending with x.id). The rows and the totals are
 * both counted from this one description, so they cannot disagree.
 */
export type RelatedSpec = { from: Prisma.Sql; parent: string; id: string; where: Prisma.Sql; order: string };

/**
 * The first `limit` rows of `spec` for each of `parentIds` (their ids, by
 * parent, in order) and each parent's total: for one parent an ORDER BY ...
 * LIMIT and a count; for several a window (row_number() and count() per
 * parent) in one statement.
 */
export async function firstRows(spec: RelatedSpec, parentIds: number[], limit: number): Promise<Map<number, { ids: number[]; total: number }>> {
  const out = new Map<number, { ids: number[]; total: number }>(parentIds.map((p) => [p, { ids: [], total: 0 }]));
  if (parentIds.length === 0) return out;
  const db = getDb();
  const base = sql`FROM ${spec.from} WHERE ${raw(spec.parent)} = ANY(${parentIds}::int[]) AND ${spec.where}`;
  if (parentIds.length === 1) {
    const [rows, [count]] = await Promise.all([
      db.$queryRaw<{ id: number }[]>(sql`SELECT ${raw(spec.id)} AS id ${base} ORDER BY ${raw(spec.order)} LIMIT ${limit}`),
      db.$queryRaw<{ n: number }[]>(sql`SELECT count(*)::int AS n ${base}`),
    ]);
    out.set(parentIds[0]!, { ids: rows.map((r) => r.id), total: count?.n ?? 0 });
    return out;
  }
  const rows = await db.$queryRaw<{ id: number; parent: number; total: number }[]>(sql`
    SELECT id, parent, total FROM (
      SELECT ${raw(spec.id)} AS id, ${raw(spec.parent)} AS parent,
             row_number() OVER (PARTITION BY ${raw(spec.parent)} ORDER BY ${raw(spec.order)}) AS n,
             count(*) OVER (PARTITION BY ${raw(spec.parent)})::int AS total
        ${base}
    ) firsts WHERE n <= ${limit} ORDER BY parent, n`);
  for (const r of rows) {
    const entry = out.get(r.parent)!;
    entry.ids.push(r.id);
    entry.total = r.total;
  }
  return out;
}

/**
 * Related lists of several parents: `firstRows`, then the rows themselves
 * by id (`fetch`: a Prisma findMany with the page's select), in order.
 */
export async function relatedPerParent<Row extends { id: number }>(
  spec: RelatedSpec,
  parentIds: number[],
  limit: number,
  fetch: (ids: number[]) => Promise<Row[]>,
  href: (parentId: number) => string,
): Promise<Map<number, Related<Row>>> {
  const firsts = await firstRows(spec, parentIds, limit);
  const ids = [...new Set([...firsts.values()].flatMap((f) => f.ids))];
  const byId = new Map((ids.length ? await fetch(ids) : []).map((r) => [r.id, r]));
  const out = new Map<number, Related<Row>>();
  for (const [parent, f] of firsts) {
    // A row the fetch no longer finds (deleted meanwhile) is left out.
    out.set(parent, related(f.ids.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined), f.total, href(parent)));
  }
  return out;
}

/** One parent's related list (see relatedPerParent). */
export async function relatedOf<Row extends { id: number }>(
  spec: RelatedSpec,
  parentId: number,
  fetch: (ids: number[]) => Promise<Row[]>,
  href: string,
  limit = RELATED_LIMIT,
): Promise<Related<Row>> {
  return (await relatedPerParent(spec, [parentId], limit, fetch, () => href)).get(parentId)!;
}
