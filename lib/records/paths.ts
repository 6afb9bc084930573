// Where each record type's pages live: /<path>/<id>. Imported by the record
// types themselves (a source lists what cites it), which must not import the
// registry of every type (lib/records/registry.ts; eslint.config.mjs).
import type { CitationTarget } from "@/lib/validation/citations";

export type RecordPathType = CitationTarget | "source";

export const RECORD_PATHS: Record<RecordPathType, string> = {
  request: "/requests",
  concern: "/concerns",
  transfer: "/transfers",
  inspection: "/inspections",
  source: "/sources",
  actor: "/actors",
  weaponSystem: "/weapon-systems",
  quote: "/quotes",
};

/** The page of one record. */
export function recordHref(type: RecordPathType, id: number): string {
  return `${RECORD_PATHS[type]}/${id}`;
}
