// The record types of the REST API (/api/v1/<resource>): their names in URLs,
// the record service's type and the list behind each. Pure.
import type { RecordListType } from "@/lib/db/lists/registry";
import type { RecordType } from "@/lib/records/registry";

export type ApiResource = {
  /** Name in the URL: /api/v1/requests. */
  name: string;
  record: RecordType;
  /** The list the UI shows for this type; null when it has none (quotes: listed by id). */
  list: RecordListType | null;
  /** Singular, for messages and the OpenAPI document. */
  noun: string;
};

export const API_RESOURCES = [
  { name: "requests", record: "request", list: "requests", noun: "diplomatic request" },
  { name: "concerns", record: "concern", list: "concerns", noun: "concern" },
  { name: "transfers", record: "transfer", list: "transfers", noun: "arms transfer" },
  { name: "inspections", record: "inspection", list: "inspections", noun: "inspection" },
  { name: "sources", record: "source", list: "sources", noun: "source" },
  { name: "actors", record: "actor", list: "actors", noun: "actor" },
  { name: "weapon-systems", record: "weaponSystem", list: "weaponSystems", noun: "weapon system" },
  { name: "quotes", record: "quote", list: null, noun: "quote" },
] as const satisfies readonly ApiResource[];

export type ApiResourceName = (typeof API_RESOURCES)[number]["name"];

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
