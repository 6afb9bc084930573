import "server-only";
// The data of the record forms' pages (/<segment>/new, /<segment>/[id]/edit),
// for every record type from its definition: who may open them, the form's
// values, the countries of its pickers. The one page that shows them is
// components/records/record-form-page.tsx; each route file only names its type.
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { requirePageUser, type SessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { can, canEdit } from "@/lib/permissions";
import { DEFINITIONS, displayName, recordHref, type RecordType } from "@/lib/records/definitions";
import { visibleFormValues } from "@/lib/records/links";
import { RECORDS } from "@/lib/records/registry";
import { countryOptions } from "@/lib/records/request/queries";
import type { FormValues } from "@/lib/records/types";
import { parseId } from "@/lib/validation/ids";
import { RECORD_GETTERS, type DetailOf } from "@/lib/pages/record-getters";

export type CountryOption = { value: string; label: string };

/** The types whose forms have country pickers (a source has none). */
const NO_COUNTRIES: ReadonlySet<RecordType> = new Set(["source"]);

async function countriesFor(type: RecordType): Promise<CountryOption[]> {
  return NO_COUNTRIES.has(type) ? [] : countryOptions();
}

export const today = () => new Date().toISOString().slice(0, 10);

/** A new record's page: the signed-in user who may create records (else 404), its empty values and the countries. */
export async function loadNewForm(type: RecordType): Promise<{ viewer: SessionUser; values: FormValues; countries: CountryOption[] }> {
  await connection();
  const viewer = await requirePageUser(`/${DEFINITIONS[type].segment}/new`);
  if (!can(viewer.role, "record:create")) notFound();
  return { viewer, values: DEFINITIONS[type].emptyValues(today()), countries: await countriesFor(type) };
}

export type EditForm = { id: number; version: number; name: string; values: FormValues; countries: CountryOption[]; cancelHref: string };

/**
 * A record's edit page: missing, not visible, or not the viewer's to edit
 * give 404 (the edit page does not exist for them). Its values are without
 * the ids of linked records this viewer may not see (they would be in the
 * page's payload); saving keeps them.
 */
export async function loadEditForm(type: RecordType, rawId: string): Promise<EditForm> {
  await connection();
  const viewer = await requirePageUser(`/${DEFINITIONS[type].segment}/${encodeURIComponent(rawId)}/edit`);
  const id = parseId(rawId);
  const record = id ? await RECORD_GETTERS[type](viewer, id, {}) : null;
  if (!record || !canEdit(viewer, record)) notFound();
  const values = await visibleFormValues(RECORDS[type], viewer, record.id, getDb());
  if (!values) notFound();
  return {
    id: record.id,
    version: record.version,
    name: nameOf(type, record),
    values,
    countries: await countriesFor(type),
    cancelHref: recordHref(type, record.id),
  };
}

/** The display name of a record as its detail query loaded it. */
export function nameOf<T extends RecordType>(type: T, record: DetailOf<T>): string {
  return displayName(type, record as never);
}

/** Ids from query parameters (?transferId=12): a valid id or null. */
export function queryId(raw: string | string[] | undefined): number | null {
  return typeof raw === "string" ? parseId(raw) : null;
}

/**
 * /quotes/new?requestId=, ?concernId=, ?transferId=, ?inspectionId= (and
 * ?speakerId=) pre-fill the form; the pickers show only records the user
 * may see, and saving checks each again. Cancelling goes back to the first
 * record named.
 */
const QUOTE_PREFILL = { speakerId: "actor", requestId: "request", concernId: "concern", transferId: "transfer", inspectionId: "inspection" } as const;

export function quotePrefill(query: Record<string, string | string[] | undefined>): { values: FormValues; cancelHref: string } {
  const values: FormValues = {};
  let cancelHref = "/";
  for (const [key, type] of Object.entries(QUOTE_PREFILL)) {
    const id = queryId(query[key]);
    if (id === null) continue;
    values[key] = id;
    if (cancelHref === "/") cancelHref = recordHref(type, id);
  }
  return { values, cancelHref };
}

/** /inspections/new?transferId=: from a transfer's page, the transfer, its weapon system and recipient (the usual host). */
export async function inspectionPrefill(viewer: SessionUser, query: Record<string, string | string[] | undefined>): Promise<{ values: FormValues; cancelHref: string }> {
  const id = queryId(query.transferId);
  const transfer = id ? await RECORD_GETTERS.transfer(viewer, id, {}) : null;
  if (!transfer) return { values: {}, cancelHref: `/${DEFINITIONS.inspection.segment}` };
  return {
    values: { transferId: transfer.id, weaponSystemId: transfer.weaponSystem?.id ?? null, hostCountryId: transfer.recipient.id },
    cancelHref: recordHref("transfer", transfer.id),
  };
}

/**
 * /requests/new?followUp=: a follow-up shares with the earlier request only
 * what makes it a follow-up: the two countries, the concerns and transfers
 * it is about, and the link to it. Everything else (title, date, actors,
 * channel, ask, answer) is the new request's own and starts empty. Only the
 * links this viewer may see: a hidden one would be refused on saving (and is
 * in the page's payload).
 */
export async function requestFollowUp(viewer: SessionUser, values: FormValues, followUp: string | string[] | undefined): Promise<{ values: FormValues; followUpOf: string | null }> {
  const earlierId = queryId(followUp);
  const earlier = earlierId ? await RECORD_GETTERS.request(viewer, earlierId, {}) : null;
  if (!earlier) return { values, followUpOf: null };
  const prior = (await visibleFormValues(RECORDS.request, viewer, earlier.id, getDb()))!;
  return {
    followUpOf: nameOf("request", earlier),
    values: {
      ...values,
      occurredOn: "",
      requestingCountryId: prior.requestingCountryId,
      targetCountryId: prior.targetCountryId,
      concernIds: prior.concernIds,
      transferIds: prior.transferIds,
      followUpOfId: earlier.id,
    },
  };
}
