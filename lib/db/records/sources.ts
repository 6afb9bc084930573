import "server-only";
// A source's page: the source, and everything that cites it, each citation
// with its passage and credibility and a link to the citing record. Also the
// select pieces the other record pages share (citations, quotes, who and when).
import { getDb } from "@/lib/db/client";
import { readableBy, redactInvisible, visibilityFields, type Viewer } from "@/lib/db/visibility";
import { formatVagueDate } from "@/lib/format/dates";
import { inspectionStatusLabel } from "@/lib/format/labels";
import type { Prisma } from "@/lib/generated/prisma/client";
import { RECORDS } from "@/lib/records/registry";
import type { CitationTarget } from "@/lib/validation/citations";
import { NESTED_LIMIT, RELATED_LIMIT, related, relatedArgs, withRelated } from "@/lib/db/records/related";

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

/** A record's citations, bounded (relatedArgs), and where all of them are listed. */
export function relatedCitations(readable: Readable, target: CitationTarget, id: number, limit?: number) {
  return { ...relatedArgs(citationArgs(readable), limit), href: citationsOfRecordHref(target, id) };
}

/** Where all the citations by a record are listed. */
export const citationsOfRecordHref = (target: CitationTarget, id: number) => `/citations?${target}=${id}`;

/** Where all the quotes said by an actor (speaker) or about a record are listed. */
export const quotesHref = (about: "speaker" | "request" | "concern" | "transfer" | "inspection", id: number) => `/quotes?${about}=${id}`;

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

/**
 * Quotes shown in full (the request and concern pages), each with its first
 * NESTED_LIMIT citations and their count: `rows` and `count` as relatedArgs
 * gives them; `bound` turns the fetched rows into quotes with Related citations.
 */
export function quotesWithCitations(readable: Readable, limit = RELATED_LIMIT) {
  const citations = relatedArgs(citationArgs(readable), NESTED_LIMIT);
  const args = relatedArgs(
    {
      where: readable,
      orderBy: { id: "asc" as const },
      select: {
        id: true, text: true, speakerLabel: true, saidOn: true, saidOnPrecision: true, context: true, ...visibilityFields,
        speaker: { select: { id: true, name: true, title: true, ...visibilityFields } },
        citations: citations.rows,
        _count: { select: { citations: citations.count } },
      },
    },
    limit,
  );
  return { ...args, bound: boundQuotes };
}

function boundQuotes<Q extends { id: number; citations: unknown[]; _count: { citations: number } }>(quotes: Q[]) {
  return quotes.map((q) => withRelated(q, { citations: citationsOfRecordHref("quote", q.id) }));
}

/** A quote as the Quotes component shows it. */
export type QuoteWithCitations = ReturnType<
  typeof boundQuotes<Prisma.QuoteGetPayload<{ select: ReturnType<typeof quotesWithCitations>["rows"]["select"] }>>
>[number];

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
  transfer: {
    select: {
      id: true, ...liveRecord,
      supplier: { select: countrySelect }, recipient: { select: countrySelect },
      weaponSystem: { select: { id: true, name: true, ...liveRecord } },
    },
  },
  inspection: {
    select: {
      id: true, status: true, ...liveRecord,
      hostCountry: { select: countrySelect }, inspectingCountry: { select: countrySelect },
    },
  },
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

export async function getSource(viewer: Viewer, id: number, options: { includeDeleted?: boolean } = {}) {
  const { readable, where } = recordWhere(viewer, id, options.includeDeleted);
  const cited = relatedArgs({ where: citationsOfSourceWhere(readable), orderBy: { id: "asc" as const }, select: citingSelect });
  const s = await getDb().source.findFirst({
    where,
    select: {
      ...recordMetaSelect,
      kind: true, title: true, reference: true, author: true, publisher: true, publishedOn: true, publishedOnPrecision: true,
      classification: true, url: true, excerpt: true, reliability: true,
      citations: cited.rows,
      _count: { select: { citations: cited.count } },
    },
  });
  if (!s) return null;
  const { citations, _count, ...source } = hideDeletedLinks(redactInvisible(viewer, s));
  const citedBy = related(citingRecords(citations), _count.citations, citationsOfSourceHref(id));
  return { ...source, citedBy };
}

type CitingRow = Prisma.CitationGetPayload<{ select: typeof citingSelect }>;

/** Each citation named by the one record that cites the source (rows as citingSelect selects them, deleted links nulled). */
export function citingRecords(citations: (CitingRow | null)[]): CitingRecord[] {
  const citedBy: CitingRecord[] = [];
  for (const c of citations) {
    if (!c) continue;
    const grade = { citationId: c.id, passage: c.passage, credibility: c.credibility, note: c.note };
    const add = (type: CitationTarget, recordId: number, label: string, detail: string | null = null) =>
      citedBy.push({ ...grade, type, id: recordId, label, detail, href: RECORDS[type].href(recordId) });
    if (c.request) add("request", c.request.id, c.request.title, formatVagueDate(c.request.occurredOn, c.request.occurredOnPrecision));
    else if (c.concern) add("concern", c.concern.id, c.concern.title);
    else if (c.transfer) {
      const t = c.transfer;
      add("transfer", t.id, `${t.supplier.name} to ${t.recipient.name}: ${t.weaponSystem?.name ?? "weapon system unknown"}`);
    } else if (c.inspection) {
      const i = c.inspection;
      add("inspection", i.id, `Inspection in ${i.hostCountry.name}${i.inspectingCountry ? ` by ${i.inspectingCountry.name}` : ""}`, inspectionStatusLabel[i.status]);
    } else if (c.actor) add("actor", c.actor.id, c.actor.name, c.actor.title);
    else if (c.weaponSystem) add("weaponSystem", c.weaponSystem.id, c.weaponSystem.name, c.weaponSystem.designation);
    else if (c.quote) add("quote", c.quote.id, `“${c.quote.text}”`, c.quote.speaker?.name ?? c.quote.speakerLabel);
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
