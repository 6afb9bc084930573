import "server-only";
// Links from one record to others (a request's concerns, its follow-up, a
// quote's speaker...), and what of them a caller may see.
//
// Which fields are links is not listed here a second time: it is the form's
// own description (lib/records/<type>/fields.ts), where every link is a picker whose
// lookup names the record type it points at. A record's data handed to a
// caller (API, change feed, edit form, history, conflict details) goes
// through `redactLinks`: the id of a linked record the caller may not open
// (mayOpen in lib/db/visibility.ts: RESTRICTED and not theirs; deleted,
// unless they may restore) is removed,
// a single link becoming null and a list losing the id, with no hint left.
// On an edit, `hiddenLinks` gives the links the caller could not see, which
// the service keeps untouched (lib/records/service.ts).
import type { DbOrTx } from "@/lib/db/transaction";
import { mayOpen, seesDeleted } from "@/lib/db/visibility";
import { can, type Actor } from "@/lib/permissions";
import type { LookupKind } from "@/lib/records/form/fields";
import { DEFINITIONS, FORM_FIELDS, type RecordType } from "@/lib/records/definitions";
import type { FormValues, RecordConfig } from "@/lib/records/types";

// A picker looks up a record type, or the users who may own a concern (a
// compile-time check that every other lookup kind is a record type).
type LinkKind = Exclude<LookupKind, "owner">;
const linkKindsAreRecordTypes: LinkKind extends RecordType ? true : never = true;
void linkKindsAreRecordTypes;

export type RecordLink = { field: string; target: RecordType; multiple: boolean };

/** The fields of `type` that link to other records (pickers of a record type; a concern's owner is a user, not a record). */
export function recordLinks(type: RecordType): RecordLink[] {
  return (FORM_FIELDS[type] ?? []).flatMap((f) =>
    f.kind === "picker" && f.lookup !== "owner" ? [{ field: f.name, target: f.lookup, multiple: f.multiple }] : [],
  );
}

/** The record type of a service config (its definition's). */
export async function recordTypeOf<P>(config: RecordConfig<P>): Promise<RecordType> {
  return config.type as RecordType;
}

/** Editors and admins see every record, deleted ones included: nothing to redact for them. */
function seesEverything(viewer: Actor): boolean {
  return can(viewer.role, "record:read-restricted") && seesDeleted(viewer);
}

function idsIn(value: unknown): number[] {
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v): v is number => typeof v === "number" && Number.isInteger(v));
}

type Item = { type: RecordType; values: Record<string, unknown> };
type Hidden = Map<RecordType, Set<number>>;

/** The ids, among those `items` link to, of records `viewer` may not see: one query per linked type. */
async function hiddenIds(db: DbOrTx, viewer: Actor, items: readonly Item[]): Promise<Hidden> {
  const hidden: Hidden = new Map();
  if (seesEverything(viewer)) return hidden;
  const wanted = new Map<RecordType, Set<number>>();
  for (const { type, values } of items) {
    for (const link of recordLinks(type)) {
      const ids = idsIn(values[link.field]);
      if (ids.length === 0) continue;
      const set = wanted.get(link.target) ?? new Set<number>();
      for (const id of ids) set.add(id);
      wanted.set(link.target, set);
    }
  }
  for (const [target, ids] of wanted) {
    const rows = await db.$queryRawUnsafe<{ id: number; visibility: "INTERNAL" | "RESTRICTED"; createdById: number | null; deletedAt: Date | null }[]>(
      `SELECT id, visibility, "createdById", "deletedAt" FROM "${DEFINITIONS[target].table}" WHERE id = ANY($1::int[])`,
      [...ids],
    );
    // The rule of the linked record's own page: what the viewer may not open, they may not know is linked.
    const visible = new Set(rows.filter((r) => mayOpen(viewer, r)).map((r) => r.id));
    hidden.set(target, new Set([...ids].filter((id) => !visible.has(id))));
  }
  return hidden;
}

function withoutHidden(type: RecordType, values: Record<string, unknown>, hidden: Hidden) {
  const out = { ...values };
  for (const link of recordLinks(type)) {
    const gone = hidden.get(link.target);
    if (!gone || !(link.field in out)) continue;
    const value = out[link.field];
    if (Array.isArray(value)) out[link.field] = value.filter((v) => !gone.has(v as number));
    else if (typeof value === "number" && gone.has(value)) out[link.field] = null;
  }
  return out;
}

/**
 * `items`' values without the ids of linked records `viewer` may not see
 * (same order). Values are a record's form values, or any row with some of
 * its link fields (a list row, one side of a history diff).
 */
export async function redactLinks<V extends Record<string, unknown>>(db: DbOrTx, viewer: Actor, items: readonly { type: RecordType; values: V }[]): Promise<V[]> {
  const hidden = await hiddenIds(db, viewer, items);
  if (hidden.size === 0) return items.map((i) => i.values);
  return items.map((i) => withoutHidden(i.type, i.values, hidden) as V);
}

/** One record's values, redacted for `viewer`. */
export async function redactRecordLinks(db: DbOrTx, viewer: Actor, type: RecordType, values: FormValues): Promise<FormValues> {
  return (await redactLinks(db, viewer, [{ type, values }]))[0]!;
}

/** A record's form values as `viewer` may see them (the edit form's initial values); null when missing. */
export async function visibleFormValues<P>(config: RecordConfig<P>, viewer: Actor, id: number, db: DbOrTx): Promise<FormValues | null> {
  const values = await config.formValues(db, id);
  return values && redactRecordLinks(db, viewer, await recordTypeOf(config), values);
}

/** The links in `values` (a record's current form values) to records `viewer` may not see, by field. */
export async function hiddenLinks(db: DbOrTx, viewer: Actor, type: RecordType, values: FormValues): Promise<Map<string, number[]>> {
  const hidden = await hiddenIds(db, viewer, [{ type, values }]);
  const out = new Map<string, number[]>();
  for (const link of recordLinks(type)) {
    const gone = hidden.get(link.target);
    const ids = gone ? idsIn(values[link.field]).filter((id) => gone.has(id)) : [];
    if (ids.length) out.set(link.field, ids);
  }
  return out;
}
