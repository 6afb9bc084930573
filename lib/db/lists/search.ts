import "server-only";
// Full-text search over the generated "search" tsvector columns (see the
// migration "search"). The 'simple' configuration lower-cases words without
// stemming them, so that names and designations match as written.
//
// A query matches as websearch_to_tsquery reads it ("a b" both words,
// "a or b", "-a", "\"a phrase\""), or with its last word as a prefix, so that
// "igl" finds "Igla-S" while the user is still typing. User input only ever
// reaches PostgreSQL as bound parameters.
import { Prisma } from "@/lib/generated/prisma/client";
import { searchTerms } from "@/lib/lists/params";

/** The tsquery of a search, as an SQL expression (parameters bound). */
export function tsquerySql(q: string): Prisma.Sql {
  const terms = searchTerms(q);
  const whole = Prisma.sql`websearch_to_tsquery('simple', ${terms.query})`;
  if (!terms.prefix) return whole;
  // The word holds letters and digits only (searchTerms checks), so
  // "word:*" is always a valid tsquery: a prefix match on that word.
  const prefix = Prisma.sql`to_tsquery('simple', ${`${terms.prefix.word}:*`})`;
  if (terms.prefix.head === "") return Prisma.sql`(${whole} || ${prefix})`;
  const head = Prisma.sql`websearch_to_tsquery('simple', ${terms.prefix.head})`;
  const op = Prisma.raw(terms.prefix.or ? "||" : "&&");
  return Prisma.sql`(${whole} || (${head} ${op} ${prefix}))`;
}
