// A whole list page below its heading: notes on ignored parameters, the
// filters, where in the list this page is, the table (or an empty state) and
// the pages.
import Link from "next/link";
import type { ReactNode } from "react";
import { EmptyState } from "@/components/lists/empty-state";
import { FilterBar, type FilterField } from "@/components/lists/filter-bar";
import { ListTable, type Column } from "@/components/lists/list-table";
import { Pagination } from "@/components/lists/pagination";
import { PageHeader } from "@/components/ui/page-header";
import { apiResourceOfList } from "@/lib/api/resources";
import { plural as pluralOf } from "@/lib/format/plural";
import { importKindOf } from "@/lib/import/kinds";
import type { ListPage } from "@/lib/db/lists/common";
import { LIST_SPECS, hasFilters, listHref, listQuery, rangeLabel, sortHref, type AnyListParams } from "@/lib/lists/params";

export function ListView<Row extends { id: number | string }>({
  title,
  intro,
  plural,
  params,
  messages,
  filters,
  page,
  columns,
  actions,
}: {
  title: string;
  intro: ReactNode;
  /** The page's primary action, on the right of its title (a link to a new record). */
  actions?: ReactNode;
  /** The rows' name in the plural ("diplomatic requests"). */
  plural: string;
  params: AnyListParams;
  messages: string[];
  filters: FilterField[];
  page: ListPage<Row>;
  columns: Column<Row>[];
}) {
  const path = LIST_SPECS[params.type].path;
  // The rows' name in the singular ("diplomatic request"), for a count of one.
  const singular = LIST_SPECS[params.type].noun;
  const notes =
    params.deleted && !page.showingDeleted
      ? [...messages, "Only editors and admins can list deleted records; the current ones are shown."]
      : messages;
  const filtered = hasFilters(params);
  const summary = rangeLabel(page.page, page.rows.length, page.total, page.pageSize);
  // The sort survives a change of filters; the page does not.
  const kept = listQuery(params, { page: 1 });
  const hidden: Record<string, string> = {};
  // So are the linked-record filters (transfers of one weapon system), which the bar has no field for.
  const links = Object.entries(params.links);
  const sides = Object.entries(params.sides);
  for (const key of ["sort", "dir", ...links.map(([k]) => k), ...sides.map(([k]) => k)]) {
    const v = kept.get(key);
    if (v) hidden[key] = v;
  }
  const linkSpec: Readonly<Record<string, string>> = LIST_SPECS[params.type].links;
  const sideSpec: Readonly<Record<string, string>> = LIST_SPECS[params.type].sides;
  return (
    <div className="space-y-4">
      <PageHeader title={title} description={intro} actions={actions} />
      {notes.length ? (
        <div role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">Some of this address’s parameters were not used:</p>
          <ul className="ml-5 list-disc">
            {notes.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {page.showingDeleted ? (
        <p role="status" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          Showing deleted {plural} only, to restore them.{" "}
          <Link href={listHref({ ...params, deleted: false, page: 1 })} className="underline">
            Show current {plural}
          </Link>
        </p>
      ) : null}
      {links.length ? (
        <p role="status" className="text-sm">
          Only the {plural} linked to {links.map(([k, id]) => `${linkSpec[k] ?? k} ${id}`).join(" and ")}
          {links.some(([k]) => k === "requestingActor") ? " (as the requesting side)" : ""}
          {links.some(([k]) => k === "targetActor") ? " (as the side asked)" : ""}.{" "}
          <Link href={listHref({ ...params, links: {}, page: 1 })} className="text-blue-700 underline dark:text-blue-400">
            Show all {plural}
          </Link>
        </p>
      ) : null}
      {sides.length ? (
        <p role="status" className="text-sm">
          Only the {plural} with {sides.map(([k, code]) => `${code} as ${sideSpec[k] ?? k}`).join(" and ")}.{" "}
          <Link href={listHref({ ...params, sides: {}, page: 1 })} className="text-blue-700 underline dark:text-blue-400">
            Any side
          </Link>
        </p>
      ) : null}
      <FilterBar id={`${params.type}-filters`} label={`Filter ${plural}`} action={path} fields={filters} hidden={hidden} clearHref={path} />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm font-medium" aria-live="polite">
          {summary}
        </p>
        <ExportLinks params={params} plural={plural} />
      </div>
      {page.rows.length ? (
        <ListTable
          caption={`${title}: ${summary}`}
          columns={columns}
          rows={page.rows}
          sort={params.sort}
          dir={params.dir}
          sortHref={(key) => sortHref(params, key)}
        />
      ) : page.page > 1 && page.total.value > 0 ? (
        <p>
          This page is past the end of the list ({page.total.exact ? "" : "about "}
          {pluralOf(page.total.value, singular, plural)}).{" "}
          <Link
            href={listHref(params, { page: page.total.exact ? Math.max(1, Math.ceil(page.total.value / page.pageSize)) : 1 })}
            className="text-blue-700 underline dark:text-blue-400"
          >
            {page.total.exact ? "Go to the last page" : "Go to the first page"}
          </Link>
          .
        </p>
      ) : (
        <EmptyState plural={plural} filtered={filtered} clearHref={path} />
      )}
      <Pagination
        label={`Pages of ${plural}`}
        page={page.page}
        hasNext={page.hasNext}
        pageHref={(n) => listHref(params, { page: n })}
        summary={summary}
      />
    </div>
  );
}

/** The whole list, with these filters, as a file (every row, not only this page). */
function ExportLinks({ params, plural }: { params: AnyListParams; plural: string }) {
  const resource = apiResourceOfList(params.type);
  if (!resource) return null;
  const query = listQuery(params, { page: 1 });
  query.delete("page");
  const href = (format: string, shape?: "record") => {
    const q = new URLSearchParams(query);
    q.set("format", format);
    if (shape) q.set("shape", shape);
    return `/api/v1/${resource.name}/export?${q.toString()}`;
  };
  // Transfers and requests: also as the columns their import reads back (lib/api/export-record.ts).
  const importable = importKindOf(resource.record) !== null;
  const link = "text-blue-700 underline dark:text-blue-400";
  return (
    <p className="text-sm" data-print="hide">
      Export all these {plural}:{" "}
      <a className={link} href={href("csv")} download>
        CSV
      </a>{" "}
      ·{" "}
      <a className={link} href={href("json")} download>
        JSON
      </a>
      {importable ? (
        <>
          {" "}
          ·{" "}
          <a className={link} href={href("csv", "record")} download>
            CSV to import again
          </a>
        </>
      ) : null}
    </p>
  );
}
