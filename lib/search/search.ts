import "server-only";
// The global search (issue 14, "Global search"): every record type the
// viewer may see, at once, ranked by relevance: ts_rank over each table's
// weighted "search" column (migration "search_weights": titles and names A,
// bodies B and C), so that a match in a title comes before one in a body.
//
// Visibility is the lists' own (lib/db/lists/common.ts baseWhere, without
// deleted=yes): readableSql on every searched row, so a RESTRICTED record
// is found only by editors, admins and its author, a deleted one by no one,
// and neither counts. A name taken from a linked record (a transfer's weapon
// system, a quote's speaker) comes through joinReadable, as in the lists: a
// hidden one is "not shown". A snippet is made from the row's own text only.
//
// One SQL statement for every type (UNION ALL of one branch per type), each
// bounded: a branch ranks at most COUNT_CAP + 1 matches of its type (those
// whose title or name matches first, then any), returns `perType` of them
// and counts the matches up to the cap. ts_headline runs on the returned
// rows only.
import { getPool } from "@/lib/db/client";
import { tsquerySql } from "@/lib/db/lists/search";
import { joinReadable, readableSql, type Viewer } from "@/lib/db/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import { displayName, recordHref, type RecordType } from "@/lib/records/definitions";
import {
  COUNT_CAP,
  listSearchHref,
  MATCH_END,
  MATCH_START,
  PAGE_PER_TYPE,
  parseHeadline,
  SEARCH_TYPE_LABELS,
  SEARCH_TYPES,
  searchQuerySchema,
  type SearchType,
  type Snippet,
} from "@/lib/search/query";
import { ValidationError } from "@/lib/errors";

type Sql = Prisma.Sql;
const { sql, raw, join } = Prisma;

export type SearchHit = {
  type: SearchType;
  id: number;
  /** The record's one name (lib/records/definitions.ts displayName). */
  name: string;
  /** Its page in the web app. */
  href: string;
  /** Text around the match (plain text) and where the matched words are in it. */
  snippet: Snippet;
  rank: number;
};

export type SearchGroup = {
  type: SearchType;
  heading: string;
  hits: SearchHit[];
  /** Matches of this type the viewer may see, counted up to COUNT_CAP. */
  count: number;
  /** False when there are more than COUNT_CAP ("1,000+"). */
  countExact: boolean;
  /** The type's list with the same search, where it has one. */
  listHref: string | null;
};

export type SearchResults = { q: string; groups: SearchGroup[]; total: number };

type Parts = Record<string, unknown>;

type TypeSpec = {
  table: string;
  /** The record type (for names and pages); null for countries. */
  record: RecordType | null;
  /** The columns the name is made of, as a json_build_object (alias x and the joins' aliases). */
  parts: Sql;
  joins: (viewer: Viewer) => Sql;
  /** The row's text besides its title or name, for the snippet (alias x). */
  body: Sql;
  /** Which rows exist for the viewer (alias x). */
  readable: (viewer: Viewer) => Sql;
  name: (parts: Parts) => string;
  href: (id: number, parts: Parts) => string;
};

/** concat_ws of the non-empty fields, with a middle dot between them. */
const texts = (...columns: string[]) => raw(`concat_ws(' · ', ${columns.map((c) => `nullif(x.${c}, '')`).join(", ")})`);
const none = () => Prisma.empty;
const own = (viewer: Viewer) => readableSql(viewer, "x");
const record = (type: RecordType) => (id: number) => recordHref(type, id);
const str = (v: unknown) => (typeof v === "string" ? v : "");
const named = (v: unknown) => (typeof v === "string" ? { name: v } : null);

const SPECS: Record<SearchType, TypeSpec> = {
  concerns: {
    table: "Concern",
    record: "concern",
    parts: sql`json_build_object('title', x.title)`,
    joins: none,
    body: texts("summary", `"resolutionNote"`),
    readable: own,
    name: (p) => displayName("concern", { title: str(p.title) }),
    href: record("concern"),
  },
  requests: {
    table: "DiplomaticRequest",
    record: "request",
    parts: sql`json_build_object('title', x.title)`,
    joins: none,
    body: texts(`"askDetail"`, `"responseSummary"`),
    readable: own,
    name: (p) => displayName("request", { title: str(p.title) }),
    href: record("request"),
  },
  transfers: {
    table: "ArmsTransfer",
    record: "transfer",
    parts: sql`json_build_object('supplier', s.name, 'recipient', rc.name, 'weaponSystem', w.name, 'weaponSystemHidden', (x."weaponSystemId" IS NOT NULL AND w.id IS NULL))`,
    joins: (viewer) => sql`JOIN "Country" s ON s.id = x."supplierId" JOIN "Country" rc ON rc.id = x."recipientId"
      ${joinReadable(viewer, "WeaponSystem", "w", `w.id = x."weaponSystemId"`)}`,
    body: texts("comments"),
    readable: own,
    name: (p) =>
      displayName("transfer", { supplier: { name: str(p.supplier) }, recipient: { name: str(p.recipient) }, weaponSystem: named(p.weaponSystem), weaponSystemHidden: p.weaponSystemHidden === true }),
    href: record("transfer"),
  },
  inspections: {
    table: "Inspection",
    record: "inspection",
    parts: sql`json_build_object('host', h.name, 'inspecting', ic.name, 'party', x."inspectingParty", 'weaponSystem', w.name)`,
    joins: (viewer) => sql`JOIN "Country" h ON h.id = x."hostCountryId" LEFT JOIN "Country" ic ON ic.id = x."inspectingCountryId"
      ${joinReadable(viewer, "WeaponSystem", "w", `w.id = x."weaponSystemId"`)}`,
    body: texts("basis", "findings"),
    readable: own,
    name: (p) =>
      displayName("inspection", { hostCountry: { name: str(p.host) }, inspectingCountry: named(p.inspecting), inspectingParty: typeof p.party === "string" ? p.party : null, weaponSystem: named(p.weaponSystem) }),
    href: record("inspection"),
  },
  sources: {
    table: "Source",
    record: "source",
    parts: sql`json_build_object('title', x.title)`,
    joins: none,
    body: texts("reference", "author", "publisher", "excerpt"),
    readable: own,
    name: (p) => displayName("source", { title: str(p.title) }),
    href: record("source"),
  },
  actors: {
    table: "Actor",
    record: "actor",
    parts: sql`json_build_object('name', x.name)`,
    joins: none,
    body: texts("title", "affiliation", "notes"),
    readable: own,
    name: (p) => displayName("actor", { name: str(p.name) }),
    href: record("actor"),
  },
  "weapon-systems": {
    table: "WeaponSystem",
    record: "weaponSystem",
    parts: sql`json_build_object('name', x.name)`,
    joins: none,
    body: texts("designation", "description"),
    readable: own,
    name: (p) => displayName("weaponSystem", { name: str(p.name) }),
    href: record("weaponSystem"),
  },
  quotes: {
    table: "Quote",
    record: "quote",
    parts: sql`json_build_object('text', x.text, 'speakerLabel', x."speakerLabel", 'speaker', sp.name)`,
    joins: (viewer) => joinReadable(viewer, "Actor", "sp", `sp.id = x."speakerId"`),
    body: texts("text", "context"),
    readable: own,
    name: (p) => displayName("quote", { text: str(p.text), speaker: named(p.speaker), speakerLabel: typeof p.speakerLabel === "string" ? p.speakerLabel : null }),
    href: record("quote"),
  },
  countries: {
    table: "Country",
    record: null,
    parts: sql`json_build_object('name', x.name, 'alpha2', x.alpha2)`,
    joins: none,
    body: texts(`"officialName"`),
    readable: () => sql`TRUE`,
    name: (p) => str(p.name),
    href: (_id, p) => `/countries/${str(p.alpha2)}`,
  },
};

const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=24, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * The same query restricted to title and name words (weight A): each lexeme
 * of its text form ('igla' & 'sale':*) gets the weight ('igla':A &
 * 'sale':*A). The 'simple' parser never puts a quote in a lexeme. The row
 * must match the whole query too (a negated word is then negated anywhere).
 */
function titleOnly(tsq: Sql): Sql {
  const prefixed = "('(?:[^']|'')*':\\*)";
  const plain = "('(?:[^']|'')*')(?![:'])";
  return sql`regexp_replace(regexp_replace((${tsq})::text, ${prefixed}, '\\1A', 'g'), ${plain}, '\\1:A', 'g')::tsquery`;
}

/** One type's branch: its best `limit` hits with their rank, name parts, snippet and the capped count of its matches. */
function branchSql(type: SearchType, viewer: Viewer, tsq: Sql, limit: number): Sql {
  const spec = SPECS[type];
  const table = raw(`"${spec.table}"`);
  const readable = spec.readable(viewer);
  const cap = COUNT_CAP + 1;
  // Candidates: matches in a title or name (weight A) first, then any
  // match, each branch stopping at the cap: a word that a million rows
  // contain costs a few thousand rows, and title matches are never lost
  // behind the cap.
  return sql`(WITH m AS MATERIALIZED (
      SELECT x.id FROM ${table} x WHERE x.search @@ ${tsq} AND ${readable} LIMIT ${cap}),
    a AS MATERIALIZED (
      SELECT x.id FROM ${table} x WHERE x.search @@ ${titleOnly(tsq)} AND x.search @@ ${tsq} AND ${readable} LIMIT ${cap}),
    ranked AS MATERIALIZED (
      SELECT x.id, ts_rank(x.search, ${tsq}) AS rank FROM (SELECT id FROM m UNION SELECT id FROM a) c
        JOIN ${table} x ON x.id = c.id
      ORDER BY rank DESC, x.id DESC LIMIT ${limit})
    SELECT ${type}::text AS type, x.id, r.rank::float8 AS rank, (SELECT count(*) FROM m)::int AS total, ${spec.parts} AS parts,
      ts_headline('simple', translate(${spec.body}, ${MATCH_START + MATCH_END}, ''), ${tsq}, ${HEADLINE_OPTIONS}) AS snippet
    FROM ranked r JOIN ${table} x ON x.id = r.id ${spec.joins(viewer)}
    UNION ALL
    SELECT ${type}::text, NULL, NULL, 0, NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM m))`;
}

/** The statement of a search (exported for the EXPLAIN measurements and tests). */
export function searchSql(viewer: Viewer, q: string, types: readonly SearchType[], perType: number): Sql {
  const tsq = tsquerySql(q);
  return join(types.map((t) => branchSql(t, viewer, tsq, perType)), " UNION ALL ");
}

type Row = { type: SearchType; id: number | null; rank: number | null; total: number; parts: Parts | null; snippet: string | null };

/**
 * Searches every type the viewer may see (or `types`), grouped by type in
 * SEARCH_TYPES order, each group's hits by rank (then newest first).
 * `q` is validated here too (1 to 200 characters with a letter or digit):
 * anything else is a ValidationError naming `q`.
 */
export async function searchAll(
  viewer: Viewer,
  rawQ: string,
  options: { perType: number; types?: readonly SearchType[] },
): Promise<SearchResults> {
  const parsed = searchQuerySchema.safeParse(rawQ);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Not a search.";
    throw new ValidationError(message, { q: [message] });
  }
  const q = parsed.data;
  const perType = Math.min(PAGE_PER_TYPE, Math.max(1, Math.floor(options.perType)));
  const types = SEARCH_TYPES.filter((t) => !options.types || options.types.includes(t));
  if (!types.length) return { q, groups: [], total: 0 };
  const statement = searchSql(viewer, q, types, perType);
  const { rows } = await getPool().query<Row>({ text: statement.text, values: statement.values as unknown[] });
  const groups = types.map((type): SearchGroup => {
    const spec = SPECS[type];
    const mine = rows.filter((r) => r.type === type);
    const counted = mine[0]?.total ?? 0;
    const hits = mine
      .filter((r): r is Row & { id: number; rank: number; parts: Parts } => r.id !== null && r.parts !== null)
      .sort((a, b) => b.rank - a.rank || b.id - a.id)
      .map((r) => ({ type, id: r.id, name: spec.name(r.parts), href: spec.href(r.id, r.parts), snippet: parseHeadline(r.snippet ?? ""), rank: r.rank }));
    return {
      type,
      heading: SEARCH_TYPE_LABELS[type].heading,
      hits,
      count: Math.min(counted, COUNT_CAP),
      countExact: counted <= COUNT_CAP,
      listHref: counted > 0 ? listSearchHref(type, q) : null,
    };
  });
  return { q, groups, total: groups.reduce((n, g) => n + g.count, 0) };
}
