import "server-only";
// What a record list page shows, loaded for the signed-in viewer: the parsed
// filters (and the notes on ignored ones), one page of rows, and the
// country choices when the list filters by country. The page hands it to
// components/lists/record-list-page.tsx.
import { connection } from "next/server";
import { requirePageUser } from "@/lib/auth/current-user";
import type { ListPage } from "@/lib/db/lists/common";
import { listCountryOptions, type CountryOption } from "@/lib/db/lists/countries";
import { LIST_SPECS, parseListParams, type ListParams, type RawSearchParams } from "@/lib/lists/params";
import { can } from "@/lib/permissions";
import type { RecordListType } from "@/lib/records/definitions";
import { listRecords, type ListRows } from "@/lib/records/lists";

export type RecordListData<L extends RecordListType> = {
  list: L;
  params: ListParams<L>;
  messages: string[];
  page: ListPage<ListRows[L]>;
  countries: CountryOption[];
  mayCreate: boolean;
  mayRestore: boolean;
};

export async function loadRecordList<L extends RecordListType>(list: L, searchParams: Promise<RawSearchParams>): Promise<RecordListData<L>> {
  await connection();
  const spec = LIST_SPECS[list];
  const viewer = await requirePageUser(spec.path);
  const { params, messages } = parseListParams(list, await searchParams);
  const [page, countries] = await Promise.all([listRecords(list, viewer, params), spec.country ? listCountryOptions(viewer) : Promise.resolve([])]);
  return { list, params, messages, page, countries, mayCreate: can(viewer.role, "record:create"), mayRestore: can(viewer.role, "record:restore") };
}
