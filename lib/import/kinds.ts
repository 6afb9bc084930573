// The record types an import reads, each with its columns (derived from its
// definition's field specs, lib/import/columns.ts) and the fields no column
// fills. The export of such a type with ?shape=record (lib/api/export.ts)
// writes these columns, so that the import reads it back. Pure.
import type { ImportKind } from "@/lib/import/limits";
import type { ColumnSpec } from "@/lib/import/table";
import { REQUEST_COLUMNS, REQUEST_FIELDS_NOT_IMPORTED } from "@/lib/import/requests";
import { TRANSFER_COLUMNS, TRANSFER_FIELDS_NOT_IMPORTED } from "@/lib/import/transfers";
import type { RecordType } from "@/lib/records/definitions";

export type ImportKindSpec = {
  kind: ImportKind;
  /** The record type it makes. */
  type: RecordType;
  columns: readonly ColumnSpec<string>[];
  /** Fields of the type's form that no column fills (a new field must be put in one list or the other: tests/unit/import-columns.test.ts). */
  notImported: readonly string[];
};

export const IMPORT_KIND_SPECS: Readonly<Record<ImportKind, ImportKindSpec>> = {
  transfers: { kind: "transfers", type: "transfer", columns: TRANSFER_COLUMNS, notImported: TRANSFER_FIELDS_NOT_IMPORTED },
  // The answer's date has no column yet: an import leaves it empty (the form sets it).
  requests: { kind: "requests", type: "request", columns: REQUEST_COLUMNS, notImported: [...REQUEST_FIELDS_NOT_IMPORTED, "respondedOn"] },
};

/** The import that reads records of `type`, or null (no import for it yet). */
export function importKindOf(type: RecordType): ImportKindSpec | null {
  return Object.values(IMPORT_KIND_SPECS).find((s) => s.type === type) ?? null;
}
