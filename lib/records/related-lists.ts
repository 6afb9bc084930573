import "server-only";
// The lists behind "See all N quotes" and "See all N citations" on the
// record pages (/quotes, /citations): every quote or citation, or those of
// one record, PAGE_SIZE a page. Each row is filtered as the record page's
// section filters it (readableBy on the quote, on the source and on the
// citing record), and the record filtered by must be one the viewer may see
// (deleted or not, as for the lists' linked-record filters), so the list
// holds exactly the rows that the section counted.
import { getDb } from "@/lib/db/client";
import { citationArgs, citationsOfSourceWhere, citingRecords, citingSelect, hideDeletedLinks, type CitingRecord } from "@/lib/records/source/queries";
import { readableBy, redactInvisible, visibilityFields, visibleTo, type Viewer } from "@/lib/db/visibility";
import { PAGE_SIZE } from "@/lib/lists/params";
import type { CitationFilter, QuoteFilter, RelatedListParams } from "@/lib/lists/related-params";
import { inspectionNameSelect, transferNameSelect } from "@/lib/db/records/names";

export type RelatedListPage<Row> = { rows: Row[]; total: number; page: number; pageSize: number; hasNext: boolean };

const QUOTE_RELATION = { speaker: "speaker", request: "request", concern: "concern", transfer: "transfer", inspection: "inspection" } as const;

/** Quotes by one speaker or about one record (or all), as the record pages count them. */
export function quotesWhere(viewer: Viewer, filter: RelatedListParams<QuoteFilter>["filter"]) {
  const readable = readableBy(viewer);
  if (!filter) return readable;
  const relation = QUOTE_RELATION[filter.key];
  return { ...readable, [`${relation}Id`]: filter.id, [relation]: visibleTo(viewer) };
}

export async function listQuotes(viewer: Viewer, params: RelatedListParams<QuoteFilter>) {
  const db = getDb();
  const where = quotesWhere(viewer, params.filter);
  const link = { deletedAt: true, ...visibilityFields } as const;
  const [rows, total] = await Promise.all([
    db.quote.findMany({
      where,
      orderBy: [{ saidOn: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      skip: (params.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, text: true, speakerLabel: true, saidOn: true, saidOnPrecision: true, context: true, ...visibilityFields,
        speaker: { select: { id: true, name: true, title: true, ...link } },
        request: { select: { id: true, title: true, ...link } },
        concern: { select: { id: true, title: true, ...link } },
        transfer: { select: { id: true, ...link, ...transferNameSelect } },
        inspection: { select: { id: true, ...link, ...inspectionNameSelect } },
      },
    }),
    db.quote.count({ where }),
  ]);
  return page(hideDeletedLinks({ rows: redactInvisible(viewer, rows) }).rows, total, params.page);
}

export type QuoteListRow = Awaited<ReturnType<typeof listQuotes>>["rows"][number];

/** Citations of one source, or by one record (or all), as the record pages count them. */
export function citationsWhere(viewer: Viewer, filter: RelatedListParams<CitationFilter>["filter"]) {
  const readable = readableBy(viewer);
  const bySource = citationsOfSourceWhere(readable);
  if (!filter) return { source: readable, ...bySource };
  if (filter.key === "source") return { sourceId: filter.id, source: visibleTo(viewer), ...bySource };
  return { [`${filter.key}Id`]: filter.id, [filter.key]: visibleTo(viewer), source: readable };
}

export type CitationListRow = CitingRecord & {
  source: { id: number; title: string; kind: string; publishedOn: Date | null; publishedOnPrecision: string | null };
};

export async function listCitations(viewer: Viewer, params: RelatedListParams<CitationFilter>): Promise<RelatedListPage<CitationListRow>> {
  const db = getDb();
  const where = citationsWhere(viewer, params.filter);
  const [rows, total] = await Promise.all([
    db.citation.findMany({
      where,
      orderBy: { id: "asc" },
      skip: (params.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { ...citingSelect, source: citationArgs(readableBy(viewer)).select.source },
    }),
    db.citation.count({ where }),
  ]);
  const clean = hideDeletedLinks({ rows: redactInvisible(viewer, rows) }).rows;
  const sources = new Map(clean.map((c) => [c.id, c.source]));
  const out = citingRecords(clean).map((c) => ({ ...c, source: sources.get(c.citationId)! }));
  return page(out, total, params.page);
}

function page<Row>(rows: Row[], total: number, n: number): RelatedListPage<Row> {
  return { rows, total, page: n, pageSize: PAGE_SIZE, hasNext: n * PAGE_SIZE < total };
}
