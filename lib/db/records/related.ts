// Every list of related records on a record page is bounded: the page shows
// its first RELATED_LIMIT rows, the exact number of them, and a link to the
// list page that shows all of them ("See all 3,000 transfers"). A record can
// have any number of related rows (an import adds 200,000 transfers of one
// weapon system in under a minute), and a page that read them all would send
// hundreds of megabytes to anyone who opens it.
//
// The rows and the count are two selections with one `where` (relatedArgs
// below), so what the section counts is what it lists; that `where` applies
// the visibility of the related record (readableBy: not deleted, RESTRICTED
// only for those who may see it) and of any record it is reached through.
// The link goes to a list filtered to exactly those records (the list pages'
// linked-record filters, lib/db/lists/links.ts; /quotes and /citations), and
// tests/integration/related-lists.test.ts checks that the list counts the
// same rows as the section.
//
// Pure: no database access here, so that the components can import the type.

/** Rows of a related list that a record page shows. */
export const RELATED_LIMIT = 25;
/**
 * Rows of a list inside one entry of another (the quotes and sources of each
 * request on a concern's timeline): fewer, since there are up to
 * RELATED_LIMIT entries.
 */
export const NESTED_LIMIT = 5;

/** The first rows of a related list, how many there are in all, and where all of them are listed. */
export type Related<T> = { rows: T[]; total: number; href: string };

/**
 * A to-many relation's Prisma arguments with its first `limit` rows only
 * (`rows`), and the count of the same rows (`count`, for `_count`).
 */
export function relatedArgs<A extends { where?: unknown }>(args: A, limit = RELATED_LIMIT): { rows: A & { take: number }; count: { where: A["where"] } } {
  return { rows: { ...args, take: limit }, count: { where: args.where } };
}

export function related<T>(rows: T[], total: number, href: string): Related<T> {
  return { rows, total, href };
}

/** Whether a related list shows only part of its rows. */
export function isPartial(list: Related<unknown>): boolean {
  return list.total > list.rows.length;
}

type Element<A> = A extends readonly (infer E)[] ? E : never;

/**
 * `record` with each of the relations named in `hrefs` (selected with
 * relatedArgs' `rows`, and counted under `_count` with its `count`) turned
 * into a Related list; `_count` is dropped.
 */
export function withRelated<R extends { _count: object }, K extends keyof R & keyof R["_count"] & string>(
  record: R,
  hrefs: Record<K, string>,
): Omit<R, "_count" | K> & { [P in K]: Related<Element<R[P]>> } {
  const { _count: counts, ...rest } = record;
  const out: Record<string, unknown> = { ...rest };
  for (const key of Object.keys(hrefs) as K[]) {
    // A row that redactInvisible or hideDeletedLinks nulled (a to-one link it hid) is not shown.
    const rows = (record[key] as unknown[]).filter((r) => r !== null);
    out[key] = related(rows, (counts as Record<string, number>)[key] ?? 0, hrefs[key]);
  }
  return out as Omit<R, "_count" | K> & { [P in K]: Related<Element<R[P]>> };
}
