import "server-only";
// A source's page: the source, and everything that cites it, each citation
// with its passage and credibility and a link to the citing record. Also the
// select pieces the other record pages share (citations, quotes, who and when).
import { getDb } from "@/lib/db/client";
import { readableBy, readableSql, redactInvisible, visibilityFields, type Viewer } from "@/lib/db/visibility";
import { formatVagueDate } from "@/lib/format/dates";
import { inspectionStatusLabel } from "@/lib/format/labels";
import { Prisma } from "@/lib/generated/prisma/client";
import { displayName, recordHref } from "@/lib/records/definitions";
import type { CitationTarget } from "@/lib/validation/citations";
import { NESTED_LIMIT, RELATED_LIMIT, type Related } from "@/lib/db/records/related";
import { relatedOf, relatedPerParent, type RelatedSpec } from "@/lib/db/records/related-db";
import { inspectionNameSelect, transferNameSelect } from "@/lib/db/records/names";

export const countrySelect = { id: true, name: true, alpha2: true } as const;

/** What every record page shows about the record itself: version, who and when, state. */
export const recordMetaSelect = {
  id: true,
  version: true,
  deletedAt: true,
  verifiedAt: true,
  createdAt: true,
  updatedAt: true,
  ...visibilityFields,
  createdBy: { select: { name: true } },
  updatedBy: { select: { name: true } },
  verifiedBy: { select: { name: true } },
} as const;

type Readable = ReturnType<typeof readableBy>;

/**
 * Who may read, and the `where` of the record itself: deleted records only
 * when asked for (editors restoring them), restricted ones only for those who
 * may see them.
 */
export function recordWhere(viewer: Viewer, id: number, includeDeleted = false) {
  const readable = readableBy(viewer);
  // `deletedAt: undefined` lifts the filter on deletion, and only that one.
  return { readable, where: { id, ...readable, ...(includeDeleted ? { deletedAt: undefined } : {}) } };
}

/** A record's citations of sources the viewer may see (the shape components/citations.tsx takes). */
export function citationArgs(readable: Readable) {
  return {
    where: { source: readable },
    orderBy: { id: "asc" as const },
    select: {
      id: true,
      passage: true,
      note: true,
      credibility: true,
      source: {
        select: {
          id: true, kind: true, title: true, author: true, publishedOn: true, publishedOnPrecision: true,
          classification: true, reliability: true, url: true, ...visibilityFields,
        },
      },
    },
  };
}

/** One citation as citationArgs selects it (what components/citations.tsx and RecordCitations show). */
export type CitationRow = Prisma.CitationGetPayload<{ select: ReturnType<typeof citationArgs>["select"] }>;

/** Where all the citations by a record are listed. */
export const citationsOfRecordHref = (target: CitationTarget, id: number) => `/citations?${target}=${id}`;

/** Where all the quotes said by an actor (speaker) or about a record are listed. */
export const quotesHref = (about: "speaker" | "request" | "concern" | "transfer" | "inspection", id: number) => `/quotes?${about}=${id}`;

/** A record's citations of sources the viewer may see, as a related list (lib/db/records/related-db.ts). */
export function citationsSpec(viewer: Viewer, target: CitationTarget): RelatedSpec {
  return {
    from: Prisma.sql`"Citation" x JOIN "Source" s ON s.id = x."sourceId"`,
    parent: `x."${target}Id"`,
    id: "x.id",
    where: readableSql(viewer, "s"),
    order: "x.id",
  };
}

/** The citations with these ids, as citationArgs selects them. */
export function fetchCitations(viewer: Viewer) {
  const { select, orderBy } = citationArgs(readableBy(viewer));
  return (ids: number[]) => getDb().citation.findMany({ where: { id: { in: ids } }, orderBy, select });
}

/** A record's first citations, their total and the list of all of them. */
export function citationsOf(viewer: Viewer, target: CitationTarget, id: number, limit = RELATED_LIMIT): Promise<Related<CitationRow>> {
  return relatedOf(citationsSpec(viewer, target), id, fetchCitations(viewer), citationsOfRecordHref(target, id), limit);
}

/** Quotes about a record, for a list that links to each quote's page. */
export function quoteArgs(readable: Readable) {
  return {
    where: readable,
    orderBy: { id: "asc" as const },
    select: {
      id: true, text: true, speakerLabel: true, saidOn: true, saidOnPrecision: true, ...visibilityFields,
      speaker: { select: { id: true, name: true, title: true, deletedAt: true, ...visibilityFields } },
    },
  };
}

/** What a quote is attached to (its column). */
export type QuoteParent = "speakerId" | "requestId" | "concernId" | "transferId" | "inspectionId";

/** The quotes the viewer may see, by what they are attached to, as a related list. */
export function quotesSpec(viewer: Viewer, parent: QuoteParent): RelatedSpec {
  return { from: Prisma.sql`"Quote" x`, parent: `x."${parent}"`, id: "x.id", where: readableSql(viewer, "x"), order: "x.id" };
}

const QUOTE_HREF = { speakerId: "speaker", requestId: "request", concernId: "concern", transferId: "transfer", inspectionId: "inspection" } as const;

const fullQuoteSelect = {
  id: true, text: true, speakerLabel: true, saidOn: true, saidOnPrecision: true, context: true, ...visibilityFields,
  speaker: { select: { id: true, name: true, title: true, ...visibilityFields } },
} as const;

/** A quote as the Quotes component shows it: in full, with its first NESTED_LIMIT sources. */
export type QuoteWithCitations = Prisma.QuoteGetPayload<{ select: typeof fullQuoteSelect }> & { citations: Related<CitationRow> };

/**
 * The quotes of each parent (the first `limit`), each with its first
 * NESTED_LIMIT citations: three statements whatever the number of parents.
 */
export async function quotesWithCitations(viewer: Viewer, parent: QuoteParent, parentIds: number[], limit = RELATED_LIMIT): Promise<Map<number, Related<QuoteWithCitations>>> {
  const db = getDb();
  const quotes = await relatedPerParent(
    quotesSpec(viewer, parent),
    parentIds,
    limit,
    (ids) => db.quote.findMany({ where: { id: { in: ids } }, select: fullQuoteSelect }),
    (id) => quotesHref(QUOTE_HREF[parent], id),
  );
  const quoteIds = [...quotes.values()].flatMap((q) => q.rows.map((r) => r.id));
  const citations = await relatedPerParent(citationsSpec(viewer, "quote"), quoteIds, NESTED_LIMIT, fetchCitations(viewer), (id) => citationsOfRecordHref("quote", id));
  const out = new Map<number, Related<QuoteWithCitations>>();
  for (const [p, list] of quotes) {
    out.set(p, { ...list, rows: list.rows.map((q) => ({ ...q, citations: citations.get(q.id)! })) });
  }
  return out;
}

/**
 * Deep copy of `data` in which every related record that is soft-deleted is
 * replaced by null (to-one relations cannot be filtered in a Prisma select).
 * The top-level record is kept: it may be shown deleted, for restoring.
 */
export function hideDeletedLinks<T extends object>(data: T): T {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value instanceof Date || value === null || typeof value !== "object") return value;
    if ("deletedAt" in value && value.deletedAt !== null) return null;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
  };
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, walk(v)])) as T;
}

const liveRecord = { deletedAt: true, ...visibilityFields } as const;

/** The one record that cites a source through a citation, each kind with what names it. */
export const citingSelect = {
  id: true, passage: true, credibility: true, note: true,
  request: { select: { id: true, title: true, occurredOn: true, occurredOnPrecision: true, ...liveRecord } },
  concern: { select: { id: true, title: true, ...liveRecord } },
  transfer: { select: { id: true, ...liveRecord, ...transferNameSelect } },
  inspection: { select: { id: true, status: true, ...liveRecord, ...inspectionNameSelect } },
  actor: { select: { id: true, name: true, title: true, ...liveRecord } },
  weaponSystem: { select: { id: true, name: true, designation: true, ...liveRecord } },
  quote: {
    select: {
      id: true, text: true, speakerLabel: true, ...liveRecord,
      speaker: { select: { id: true, name: true, ...liveRecord } },
    },
  },
} as const;

/** Citations of source `id` by records the viewer may see and that are not deleted. */
export function citationsOfSourceWhere(readable: Readable, id?: number) {
  return {
    ...(id === undefined ? {} : { sourceId: id }),
    OR: [
      { request: readable }, { concern: readable }, { transfer: readable }, { inspection: readable },
      { actor: readable }, { weaponSystem: readable }, { quote: readable },
    ],
  };
}

/** Where all the citations of a source are listed. */
export const citationsOfSourceHref = (id: number) => `/citations?source=${id}`;

/** The citations of a source by records the viewer may see and that are not deleted (the SQL of citationsOfSourceWhere). */
function citedBySpec(viewer: Viewer): RelatedSpec {
  const by = (table: string, column: string) =>
    Prisma.sql`EXISTS (SELECT 1 FROM ${Prisma.raw(`"${table}"`)} c WHERE c.id = x.${Prisma.raw(`"${column}"`)} AND ${readableSql(viewer, "c")})`;
  const citing = [
    by("DiplomaticRequest", "requestId"), by("Concern", "concernId"), by("ArmsTransfer", "transferId"), by("Inspection", "inspectionId"),
    by("Actor", "actorId"), by("WeaponSystem", "weaponSystemId"), by("Quote", "quoteId"),
  ];
  return { from: Prisma.sql`"Citation" x`, parent: `x."sourceId"`, id: "x.id", where: Prisma.sql`(${Prisma.join(citing, " OR ")})`, order: "x.id" };
}

export async function getSource(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const { where } = recordWhere(viewer, id, options.includeDeleted);
  const db = getDb();
  const s = await db.source.findFirst({
    where,
    select: {
      ...recordMetaSelect,
      kind: true, title: true, reference: true, author: true, publisher: true, publishedOn: true, publishedOnPrecision: true,
      classification: true, url: true, excerpt: true, reliability: true,
    },
  });
  if (!s) return null;
  const cited = await relatedOf(
    citedBySpec(viewer),
    id,
    (ids) => db.citation.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" }, select: citingSelect }),
    citationsOfSourceHref(id),
  );
  // The source itself is kept when deleted (an editor restoring it); hideDeletedLinks keeps the top level.
  const { citing, ...source } = hideDeletedLinks(redactInvisible(viewer, { ...s, citing: cited.rows }));
  return { ...source, citedBy: { ...cited, rows: citingRecords(citing) } };
}

type CitingRow = Prisma.CitationGetPayload<{ select: typeof citingSelect }>;

/** Each citation named by the one record that cites the source (rows as citingSelect selects them, deleted links nulled). */
export function citingRecords(citations: (CitingRow | null)[]): CitingRecord[] {
  const citedBy: CitingRecord[] = [];
  for (const c of citations) {
    if (!c) continue;
    const grade = { citationId: c.id, passage: c.passage, credibility: c.credibility, note: c.note };
    const add = (type: CitationTarget, recordId: number, label: string, detail: string | null = null) =>
      citedBy.push({ ...grade, type, id: recordId, label, detail, href: recordHref(type, recordId) });
    if (c.request) add("request", c.request.id, displayName("request", c.request), formatVagueDate(c.request.occurredOn, c.request.occurredOnPrecision));
    else if (c.concern) add("concern", c.concern.id, displayName("concern", c.concern));
    else if (c.transfer) add("transfer", c.transfer.id, displayName("transfer", c.transfer));
    else if (c.inspection) add("inspection", c.inspection.id, displayName("inspection", c.inspection), inspectionStatusLabel[c.inspection.status]); else if (c.actor) add("actor", c.actor.id, displayName("actor", c.actor), c.actor.title);
    else if (c.weaponSystem) add("weaponSystem", c.weaponSystem.id, displayName("weaponSystem", c.weaponSystem), c.weaponSystem.designation);
    else if (c.quote) add("quote", c.quote.id, displayName("quote", c.quote));
  }
  return citedBy;
}

/** A record that cites a source, with the citation's passage and grade. */
export type CitingRecord = {
  citationId: number;
  passage: string | null;
  credibility: number | null;
  note: string | null;
  type: CitationTarget;
  id: number;
  label: string;
  /** A date, status, title or speaker that tells similar records apart. */
  detail: string | null;
  href: string;
};

export type SourceDetail = NonNullable<Awaited<ReturnType<typeof getSource>>>;
