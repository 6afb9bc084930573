// The list page of a record type, from its definition: the heading, intro
// and filters come from the type's list spec (lib/records/<type>/definition.ts:
// which filters it accepts, and their words), the rows from its list SQL
// (loaded by lib/pages/record-list.ts), the columns from the type's UI
// (components/records/<type>/list-columns.tsx). Each route file under app/
// loads its list and hands it here.
import type { Metadata } from "next";
import { Plus } from "lucide-react";
import Link from "next/link";
import type { FilterField } from "@/components/lists/filter-bar";
import { countryFilter, dateFilters, deletedFilter, enumFilter, searchFilter, verifiedFilter } from "@/components/lists/filters";
import type { Column } from "@/components/lists/list-table";
import { ListView } from "@/components/lists/list-view";
import { actorListColumns } from "@/components/records/actor/list-columns";
import { concernListColumns } from "@/components/records/concern/list-columns";
import { inspectionListColumns } from "@/components/records/inspection/list-columns";
import { requestListColumns } from "@/components/records/request/list-columns";
import { sourceListColumns } from "@/components/records/source/list-columns";
import { transferListColumns } from "@/components/records/transfer/list-columns";
import { weaponSystemListColumns } from "@/components/records/weapon-system/list-columns";
import { Button } from "@/components/ui/button";
import type { CountryOption } from "@/lib/db/lists/countries";
import { LIST_SPECS, type AnyListParams } from "@/lib/lists/params";
import type { RecordListData } from "@/lib/pages/record-list";
import { DEFINITIONS, typeOfList, type RecordListType } from "@/lib/records/definitions";
import type { ListRows } from "@/lib/records/lists";

/** Each list's columns; a list without its columns here is a type error. */
const COLUMNS: { [L in RecordListType]: Column<ListRows[L]>[] } = {
  requests: requestListColumns,
  concerns: concernListColumns,
  transfers: transferListColumns,
  inspections: inspectionListColumns,
  sources: sourceListColumns,
  actors: actorListColumns,
  weaponSystems: weaponSystemListColumns,
};

export function recordListMetadata(list: RecordListType): Metadata {
  return { title: LIST_SPECS[list].page.title };
}

/** The filter bar's fields, in the order of the spec: search, country, each enum, dates, verification, deleted. */
export function recordListFilters(list: RecordListType, params: AnyListParams, countries: CountryOption[], mayRestore: boolean): FilterField[] {
  const spec = LIST_SPECS[list];
  const text = spec.page;
  const fields: FilterField[] = [];
  if (spec.search) fields.push(searchFilter(params, text.search.label, text.search.hint));
  if (spec.country) fields.push(countryFilter(params, countries, text.country));
  for (const name of Object.keys(spec.enums)) {
    const e = text.enums[name];
    if (e) fields.push(enumFilter(params, name, e.label, e.labels, e.any, e.combined ? [...e.combined] : []));
  }
  if (spec.dates) fields.push(...dateFilters(params, text.dates ?? "Date"));
  if (spec.verification) fields.push(verifiedFilter(params));
  if (spec.deletable) fields.push(...deletedFilter(params, mayRestore));
  return fields;
}

export function RecordListPage<L extends RecordListType>({ list, params, messages, page, countries, mayCreate, mayRestore }: RecordListData<L>) {
  const text = LIST_SPECS[list].page;
  const type = typeOfList(list);
  // The page's primary action: a new record of the list's type (a request is logged).
  const create =
    mayCreate && type ? (
      <Button asChild>
        <Link href={`/${DEFINITIONS[type].segment}/new`}>
          <Plus aria-hidden="true" />
          {type === "request" ? "Log request" : `New ${DEFINITIONS[type].label.toLowerCase()}`}
        </Link>
      </Button>
    ) : null;
  return (
    <ListView
      title={text.title}
      actions={create}
      intro={
        <>
          {text.intro}
          {text.importLink && mayCreate ? (
            <>
              {" "}
              <Link href={`/import?kind=${list}`} className="text-link underline underline-offset-2">
                {text.importLink}
              </Link>
            </>
          ) : null}
        </>
      }
      plural={text.plural}
      params={params}
      messages={messages}
      page={page}
      filters={recordListFilters(list, params, countries, mayRestore)}
      columns={COLUMNS[list] as Column<ListRows[L]>[]}
    />
  );
}
