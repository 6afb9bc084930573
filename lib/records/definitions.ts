// Every record type, each by its one definition (lib/records/<type>/definition.ts),
// and every table derived from them: route segments, API names, list types,
// form fields and names. Pure and client-safe. A type is added here once, in
// RECORD_TYPES and DEFINITIONS; leaving it out of DEFINITIONS, or giving an
// entry another type's name, is a type error.
import { actorDefinition } from "@/lib/records/actor/definition";
import { concernDefinition } from "@/lib/records/concern/definition";
import type { RecordDefinition } from "@/lib/records/define";
import type { FieldSpec } from "@/lib/records/form/fields";
import { inspectionDefinition } from "@/lib/records/inspection/definition";
import { quoteDefinition } from "@/lib/records/quote/definition";
import { requestDefinition } from "@/lib/records/request/definition";
import { sourceDefinition } from "@/lib/records/source/definition";
import { transferDefinition } from "@/lib/records/transfer/definition";
import { weaponSystemDefinition } from "@/lib/records/weapon-system/definition";

export const RECORD_TYPES = ["request", "concern", "transfer", "inspection", "source", "actor", "weaponSystem", "quote"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const DEFINITIONS = {
  request: requestDefinition,
  concern: concernDefinition,
  transfer: transferDefinition,
  inspection: inspectionDefinition,
  source: sourceDefinition,
  actor: actorDefinition,
  weaponSystem: weaponSystemDefinition,
  quote: quoteDefinition,
} as const satisfies { [T in RecordType]: RecordDefinition & { type: T } };

export type Definitions = typeof DEFINITIONS;
export type DefinitionOf<T extends RecordType> = Definitions[T];

/** The types with a list of their own (quotes have none). */
export type ListedRecordType = { [T in RecordType]: Definitions[T]["list"] extends null ? never : T }[RecordType];
/** A record list's type: its record type's name in the plural ("weaponSystems"). */
export type RecordListType = `${ListedRecordType}s`;
/** A record type's pages' segment and API name ("weapon-systems"). */
export type RecordSegment = Definitions[RecordType]["segment"];

export function isRecordType(value: unknown): value is RecordType {
  return typeof value === "string" && (RECORD_TYPES as readonly string[]).includes(value);
}

export function definitionOf<T extends RecordType>(type: T): Definitions[T] {
  return DEFINITIONS[type];
}

/** The record type whose pages and API live under this segment ("weapon-systems"), or null. */
export function typeOfSegment(segment: string | string[] | undefined): RecordType | null {
  return RECORD_TYPES.find((t) => DEFINITIONS[t].segment === segment) ?? null;
}

/** The record type of a list type ("weaponSystems" → "weaponSystem"), or null (countries). */
export function typeOfList(list: string): ListedRecordType | null {
  const type = RECORD_TYPES.find((t) => DEFINITIONS[t].list !== null && `${t}s` === list);
  return (type as ListedRecordType | undefined) ?? null;
}

/** The list type of a record type ("weaponSystem" → "weaponSystems"), or null when it has no list. */
export function listOf(type: RecordType): RecordListType | null {
  return DEFINITIONS[type].list === null ? null : (`${type}s` as RecordListType);
}

/** Where a record is shown: /weapon-systems/12. */
export function recordHref(type: RecordType, id: number): string {
  return `/${DEFINITIONS[type].segment}/${id}`;
}

/** Its history page. */
export function historyHref(type: RecordType, id: number): string {
  return `/history/${type}/${id}`;
}

/** The form fields of every type: the forms, history labels and values, links (pickers), exports and imports. */
export const FORM_FIELDS: { [T in RecordType]: FieldSpec[] } = Object.fromEntries(
  RECORD_TYPES.map((t) => [t, DEFINITIONS[t].fields as FieldSpec[]]),
) as { [T in RecordType]: FieldSpec[] };

/**
 * A record's one name, from the parts its queries select. Typed per type:
 * `displayName("transfer", { supplier, recipient, weaponSystem })`.
 */
export function displayName<T extends RecordType>(type: T, parts: Parameters<Definitions[T]["displayName"]>[0]): string {
  return (DEFINITIONS[type].displayName as (p: typeof parts) => string)(parts);
}
