// A record's own columns from its parsed form values, and its form values
// from its row, derived from its field specs (lib/records/<type>/definition.ts):
// so that a new field is a field spec and a schema entry, not three more
// hand-kept lists in the service. Pure.
//
// The rules: a vague date `x` is the columns `x` (its first day) and
// `xPrecision`; a figure with an "estimated" box is `x` and its
// `uncertainName`; a calendar day is a DATE column shown as YYYY-MM-DD; a
// multiple picker or a country list is a join table, which the type's service
// writes and reads itself (writeLinks, linkValues); everything else is one
// column of the same name.
import type { FieldSpec } from "@/lib/records/form/fields";
import { vagueDateInput, type VagueDate } from "@/lib/vague-date";
import type { DatePrecision } from "@/lib/generated/prisma/enums";

type Values = Record<string, unknown>;

/** A field kept in a join table of its own rather than in a column of the record's row. */
export function isLinkField(field: FieldSpec): boolean {
  return (field.kind === "picker" && field.multiple) || field.kind === "countryRoles";
}

/** The names of the record's own columns that its fields write (vague dates' precisions and estimated flags included). */
export function fieldColumnNames(fields: readonly FieldSpec[]): string[] {
  return fields.flatMap((f) => {
    if (f.kind === "section" || isLinkField(f)) return [];
    if (f.kind === "vagueDate") return [f.name, `${f.name}Precision`];
    if ((f.kind === "number" || f.kind === "years") && f.uncertainName) return [f.name, f.uncertainName];
    return [f.name];
  });
}

/** The record's own columns from its parsed form values. */
export function fieldColumns(fields: readonly FieldSpec[], data: Values): Values {
  const out: Values = {};
  for (const f of fields) {
    if (f.kind === "section" || isLinkField(f)) continue;
    if (f.kind === "vagueDate") {
      const v = data[f.name] as VagueDate | null | undefined;
      out[f.name] = v?.date ?? null;
      out[`${f.name}Precision`] = v?.precision ?? null;
      continue;
    }
    out[f.name] = data[f.name];
    if ((f.kind === "number" || f.kind === "years") && f.uncertainName) out[f.uncertainName] = data[f.uncertainName];
  }
  return out;
}

/** The form values of the record's own columns, from its row (as Prisma reads it). */
export function fieldValues(fields: readonly FieldSpec[], row: Values): Values {
  const out: Values = {};
  for (const f of fields) {
    if (f.kind === "section" || isLinkField(f)) continue;
    const v = row[f.name];
    if (f.kind === "vagueDate") out[f.name] = vagueDateInput(v as Date | null, row[`${f.name}Precision`] as DatePrecision | null);
    else if (f.kind === "date") out[f.name] = v instanceof Date ? v.toISOString().slice(0, 10) : "";
    else if (f.kind === "years") out[f.name] = Array.isArray(v) ? [...v] : [];
    else out[f.name] = v;
    if ((f.kind === "number" || f.kind === "years") && f.uncertainName) out[f.uncertainName] = row[f.uncertainName];
  }
  return out;
}
