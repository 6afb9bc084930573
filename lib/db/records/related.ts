// Every list of related records on a record page is bounded: the page shows
// its first RELATED_LIMIT rows, the exact number of them, and a link to the
// list page that shows all of them ("See all 3,000 transfers"). A record can
// have any number of related rows (an import adds 200,000 transfers of one
// weapon system in under a minute), and a page that read them all would send
// hundreds of megabytes to anyone who opens it.
//
// The rows and the count are read from one description of the list (a
// RelatedSpec, lib/db/records/related-db.ts, which also says why they are
// read apart from the record), so what the section counts is what it lists;
// it applies the visibility of the related record (readableSql: not
// deleted, RESTRICTED only for those who may see it) and of any record it
// is reached through.
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

export function related<T>(rows: T[], total: number, href: string): Related<T> {
  return { rows, total, href };
}

/** Whether a related list shows only part of its rows. */
export function isPartial(list: Related<unknown>): boolean {
  return list.total > list.rows.length;
}

