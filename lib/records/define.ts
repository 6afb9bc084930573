// The one definition of a record type (issue 13): everything about the type
// that is not a database query, in one object per type, declared with
// defineRecordType in lib/records/<type>/definition.ts. Pure and client-safe:
// forms, lists, the API, the OpenAPI document, history pages, exports and
// imports all read it, on the server and in the browser. The server half of
// a type (how its columns are written and read, which references it checks)
// is lib/records/<type>/service.ts, built from this definition; the registry
// of all of them is lib/records/definitions.ts (pure) and
// lib/records/registry.ts (server).
import type { z } from "zod";
import type { EntityType } from "@/lib/generated/prisma/enums";
import type { FieldSpec } from "@/lib/records/form/fields";
import type { RecordListSpec } from "@/lib/lists/spec";

export type RecordDefinition = {
  /** The record service's name of the type ("weaponSystem"); also the history page's segment. */
  type: string;
  /** Its audit trail entity type. */
  entityType: EntityType;
  /** Its table in SQL. */
  table: string;
  /**
   * Its pages' route segment and its REST API name ("weapon-systems":
   * /weapon-systems/12, /api/v1/weapon-systems/12).
   */
  segment: string;
  /** "Weapon system" */
  label: string;
  /** "weapon systems" */
  plural: string;
  /** What its form sends: the one schema of forms, actions, the API and the OpenAPI document. */
  schema: z.ZodType;
  /** Its form, field by field; also the history page's labels and values, and the export's and import's columns. */
  fields: readonly FieldSpec[];
  /** A new record's form values. */
  emptyValues: (today: string) => Record<string, unknown>;
  /**
   * Its list page and API list (columns and filters in lib/records/<type>/list.ts):
   * the filters and sorts it accepts. Null: no list of its own (quotes are
   * listed by id).
   */
  list: RecordListSpec | null;
  /**
   * The one name of a record on every page, link, picker and export: from
   * the parts its queries select (`nameParts` in its service).
   */
  displayName: (parts: never) => string;
};

/**
 * Declares a record type. The argument is checked against RecordDefinition
 * and kept with its literal types (`const`), so that the registry derives
 * typed tables (list types, API names) from it.
 */
export function defineRecordType<const D extends RecordDefinition>(definition: D): D {
  return definition;
}
