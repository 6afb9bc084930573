// The record types of the REST API (/api/v1/<resource>), derived from their
// definitions (lib/records/definitions.ts): the name in URLs is the type's
// route segment, the list is its list. Pure.
import { DEFINITIONS, listOf, RECORD_TYPES, type RecordListType, type RecordSegment, type RecordType } from "@/lib/records/definitions";

export type ApiResource = {
  /** Name in the URL: /api/v1/requests. */
  name: RecordSegment;
  record: RecordType;
  /** The list the UI shows for this type; null when it has none (quotes: listed by id). */
  list: RecordListType | null;
  /** Singular, for messages and the OpenAPI document. */
  noun: string;
};

export const API_RESOURCES: readonly ApiResource[] = RECORD_TYPES.map((record) => ({
  name: DEFINITIONS[record].segment,
  record,
  list: listOf(record),
  noun: DEFINITIONS[record].label.toLowerCase(),
}));

export type ApiResourceName = RecordSegment;

export function apiResource(name: string | string[] | undefined): ApiResource | null {
  return API_RESOURCES.find((r) => r.name === name) ?? null;
}

export function apiResourceOf(record: RecordType): ApiResource {
  return API_RESOURCES.find((r) => r.record === record)!;
}

/** Default and largest page of an API list. */
export const API_PAGE_SIZE = 50;
export const API_MAX_PAGE_SIZE = 500;

/** The API resource of a list page's list; null for lists that are not of records (countries). */
export function apiResourceOfList(list: string): ApiResource | null {
  return API_RESOURCES.find((r) => r.list === list) ?? null;
}
