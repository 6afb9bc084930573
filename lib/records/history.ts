import "server-only";
// What a record's history page shows (app/(app)/history/[type]/[id]/page.tsx):
// its audit events (recordHistory, which already left out the linked records
// the viewer may not see), each change as a row of its field's label and its
// values in words, by the type's field specs (lib/records/form/display.ts):
// countries and owners by name, linked records by their names (one query per
// kind and 100 ids; deleted ones marked for those who see them), choices by
// their labels, vague dates as typed.
import { countryNames } from "@/lib/db/countries";
import { lookup, userNames, type LookupOption, type LookupType } from "@/lib/db/lookup";
import type { Actor } from "@/lib/permissions";
import { FORM_FIELDS, type RecordType } from "@/lib/records/definitions";
import { displayValue, fieldLabel, fieldOf, historyFields, type RecordLabels } from "@/lib/records/form/display";
import { RECORDS } from "@/lib/records/registry";
import { recordHistory, type HistoryEntry } from "@/lib/records/service";

/** One changed field, in words. */
export type HistoryRow = { name: string; label: string; before: string; after: string };
export type HistoryViewEntry = Omit<HistoryEntry, "changes"> & { rows: HistoryRow[] };

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
  return history.map(({ changes, ...entry }) => ({
    ...entry,
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
}
