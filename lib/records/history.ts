import "server-only";
// What a record's history page shows (app/(app)/history/[type]/[id]/page.tsx):
// its audit events (recordHistory, which already left out the linked records
// the viewer may not see), each change as a row of its field's label and its
// values in words, by the type's field specs (lib/records/form/display.ts):
// countries and owners by name, linked records by their names (one query per
// kind and 100 ids; deleted ones marked for those who see them), choices by
// their labels, vague dates as typed. The sources cited on the record and the
// citations removed from it (audited as CITATION events, lib/records/citations.ts)
// are entries of its history too, with the source by its title.
import { getDb } from "@/lib/db/client";
import { countryNames } from "@/lib/db/countries";
import { lookup, userNames, type LookupOption, type LookupType } from "@/lib/db/lookup";
import type { Actor } from "@/lib/permissions";
import { FORM_FIELDS, type RecordType } from "@/lib/records/definitions";
import { displayValue, fieldLabel, fieldOf, historyFields, type RecordLabels } from "@/lib/records/form/display";
import { RECORDS } from "@/lib/records/registry";
import { recordHistory, type HistoryEntry } from "@/lib/records/service";
import { credibilityLabel } from "@/lib/records/source/definition";
import { CITATION_TARGETS, type CitationTarget } from "@/lib/validation/citations";

/** One changed field, in words. */
export type HistoryRow = { name: string; label: string; before: string; after: string };
/** A source cited on the record, or a citation removed from it, in words. */
export type HistoryCitation = { added: boolean; source: string; passage: string | null; credibility: string | null; note: string | null };
export type HistoryViewEntry = Omit<HistoryEntry, "changes"> & { rows: HistoryRow[]; citation: HistoryCitation | null };

/** The names of the records the history's pickers link, by lookup kind. */
async function linkedNames(viewer: Actor, wanted: ReadonlyMap<string, ReadonlySet<number>>): Promise<RecordLabels> {
  const labels = new Map<string, Map<number, string>>();
  for (const [kind, ids] of wanted) {
    const all = [...ids];
    const names = new Map<number, string>();
    for (let i = 0; i < all.length; i += 100) {
      const chunk = all.slice(i, i + 100);
      // Owners are users, named on the concern's page too; never listed from here.
      const options: LookupOption[] =
        kind === "owner" ? await userNames(viewer, chunk) : await lookup(viewer, kind as LookupType, "", chunk, { includeDeleted: true });
      for (const o of options) names.set(o.id, o.label);
    }
    labels.set(kind, names);
  }
  return labels;
}

/**
 * The history of record `id` of `type` as the page shows it, newest first;
 * null when the viewer may not read it (recordHistory's rule). The caller
 * checks the record's own rule first (mayOpenRecord), as its page does.
 */
export async function historyView(viewer: Actor, type: RecordType, id: number): Promise<HistoryViewEntry[] | null> {
  const history = await recordHistory(RECORDS[type], viewer, id);
  if (!history) return null;
  const fields = historyFields(type, FORM_FIELDS[type]);
  const wanted = new Map<string, Set<number>>();
  for (const h of history) {
    for (const [name, c] of Object.entries(h.changes)) {
      const field = fields.find((f) => f.name === name);
      if (field?.kind !== "picker") continue;
      const set = wanted.get(field.lookup) ?? new Set<number>();
      for (const v of [c.before, c.after].flat()) if (typeof v === "number") set.add(v);
      wanted.set(field.lookup, set);
    }
  }
  const [countries, records] = await Promise.all([countryNames(), linkedNames(viewer, wanted)]);
  const order = (name: string) => {
    const i = fields.findIndex((f) => f.name === name || ((f.kind === "number" || f.kind === "years") && f.uncertainName === name));
    return i === -1 ? fields.length : i;
  };
  const fieldEntries: HistoryViewEntry[] = history.map(({ changes, ...entry }) => ({
    ...entry,
    citation: null,
    rows: Object.entries(changes)
      .sort(([a], [b]) => order(a) - order(b))
      .map(([name, c]) => {
        const field = fieldOf(fields, name);
        return {
          name,
          label: fieldLabel(fields, name),
          before: displayValue(field, c.before, countries, records),
          after: displayValue(field, c.after, countries, records),
        };
      }),
  }));
  if (!(CITATION_TARGETS as readonly string[]).includes(type)) return fieldEntries;
  const citations = await citationHistory(viewer, type as CitationTarget, id);
  // Newest first, as recordHistory: by time, then by event id.
  return [...fieldEntries, ...citations].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || b.id - a.id);
}

type CitationChange = { before?: unknown; after?: unknown };

/**
 * The citations added to and removed from record `id` (their audit events
 * name the cited record in their metadata), each with its source's title.
 * A citation of a source the viewer may not see (restricted, or deleted for
 * those who do not see deleted records) is left out, as the record's page
 * leaves it out of its sources.
 */
async function citationHistory(viewer: Actor, type: CitationTarget, id: number): Promise<HistoryViewEntry[]> {
  const events = await getDb().auditEvent.findMany({
    where: {
      entityType: "CITATION",
      action: { in: ["CREATE", "DELETE"] },
      AND: [{ metadata: { path: ["targetType"], equals: type } }, { metadata: { path: ["targetId"], equals: id } }],
    },
    orderBy: { id: "desc" },
    select: { id: true, action: true, occurredAt: true, changes: true, metadata: true, user: { select: { name: true } } },
  });
  if (events.length === 0) return [];
  const sourceOf = (e: (typeof events)[number]) => Number((e.metadata as { sourceId?: unknown } | null)?.sourceId);
  const sourceIds = [...new Set(events.map(sourceOf).filter((n) => Number.isInteger(n) && n > 0))];
  const titles = new Map<number, string>();
  for (let i = 0; i < sourceIds.length; i += 100) {
    for (const o of await lookup(viewer, "source", "", sourceIds.slice(i, i + 100), { includeDeleted: true })) titles.set(o.id, o.label);
  }
  return events.flatMap((e) => {
    const source = titles.get(sourceOf(e));
    if (!source) return [];
    const added = e.action === "CREATE";
    const changes = (e.changes ?? {}) as Record<string, CitationChange>;
    const value = (name: string) => {
      const c = changes[name];
      const v = c ? (added ? c.after : c.before) : undefined;
      return v === null || v === undefined || v === "" ? null : v;
    };
    const passage = value("passage");
    const credibility = value("credibility");
    const note = value("note");
    return [
      {
        id: e.id,
        action: added ? "CITATION_ADDED" : "CITATION_REMOVED",
        occurredAt: e.occurredAt,
        user: e.user?.name ?? null,
        version: null,
        metadata: null,
        restorable: false,
        rows: [],
        citation: {
          added,
          source,
          passage: passage === null ? null : String(passage),
          credibility: credibility === null ? null : (credibilityLabel[Number(credibility)] ?? String(credibility)),
          note: note === null ? null : String(note),
        },
      },
    ];
  });
}
