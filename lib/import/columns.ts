// An import's columns derived from its record type's field specs
// (lib/records/<type>/definition.ts), so that the import and the export of
// a type (lib/api/export.ts, ?shape=record) name the same columns and an
// export can be read back by the import. Pure.
//
// A column that fills a field of the form is recognised by the import's own
// header (a register's, SIPRI's: "No. ordered"), its aliases, and the
// field's label and name ("Number ordered", "numberOrdered"; a country's or
// a linked record's name only by label, its id column being an id); the export
// writes it under the field's label. A figure with an "estimated" box gets
// a marker column of its own, "<label>: estimated" (or the box's name,
// "numberOrderedUncertain", as the list export writes it).
import type { FieldSpec } from "@/lib/records/form/fields";
import { headerKey, type ColumnSpec } from "@/lib/import/table";

/** A column of an import, before its field's names are added. */
export type ColumnDraft<K extends string> = Omit<ColumnSpec<K>, "estimatedNames" | "markable"> & { markable?: boolean };

/** The name of the column that marks `field`'s figure as an estimate. */
export function estimatedHeader(field: FieldSpec): string {
  return `${field.label}: estimated`;
}

/**
 * The columns, each bound to its field: the field's label added to
 * its aliases, its required flag taken from the field unless the import
 * says, its marker columns from the field's "estimated" box. Throws when a
 * column names a field the type does not have, or when two columns answer
 * to one header (the import could not tell them apart).
 */
export function columnsFromFields<K extends string>(fields: readonly FieldSpec[], drafts: readonly ColumnDraft<K>[]): ColumnSpec<K>[] {
  const columns = drafts.map((draft): ColumnSpec<K> => {
    if (!draft.field) return draft;
    const field = fields.find((f) => f.name === draft.field);
    if (!field || field.kind === "section") throw new Error(`Import column ${draft.key}: no field ${draft.field} in the record's definition.`);
    const uncertain = (field.kind === "number" || field.kind === "years") && field.uncertainName ? field.uncertainName : null;
    return {
      ...draft,
      // The label among the aliases the import page lists (once).
      aliases: unique([draft.header, ...(draft.aliases ?? []), field.label]).slice(1),
      // The field's name too, where the cell holds the field's value as such: not
      // for a country or a linked record, whose column holds a name (a list
      // export's "weaponSystemId" is an id, its "weaponSystem" the name).
      ...(field.kind === "country" || field.kind === "picker" ? {} : { names: [field.name] }),
      required: draft.required ?? field.required ?? false,
      markable: draft.markable ?? uncertain !== null,
      ...(uncertain ? { estimatedNames: [estimatedHeader(field), uncertain, `${draft.header}: estimated`] } : {}),
    };
  });
  const seen = new Map<string, K>();
  for (const c of columns) {
    for (const name of [c.header, ...(c.aliases ?? []), ...(c.names ?? []), ...(c.estimatedNames ?? [])]) {
      const key = headerKey(name);
      const other = seen.get(key);
      if (other !== undefined && other !== c.key) throw new Error(`Import columns ${other} and ${c.key} both answer to “${name}”.`);
      seen.set(key, c.key);
    }
  }
  return columns;
}

/** Names that differ as headers (headerKey), first kept. */
function unique(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = headerKey(n);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The fields `columns` fill. */
export function importedFields(columns: readonly ColumnSpec<string>[]): string[] {
  return columns.flatMap((c) => (c.field ? [c.field] : []));
}
