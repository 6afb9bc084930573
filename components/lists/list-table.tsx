// A list's table: column headers that sort (links, so the sort is part of
// the URL), with aria-sort on the sorted column; the first column heads its
// row. Secondary columns (hideBelow) are not shown below a breakpoint, so a
// list fits a phone without scrolling sideways (issue 14); what they show is
// on the record's page, which the first column links to. Only the first
// column breaks a word that does not fit (a long title or address); the others
// keep their words whole, and the table gives them the width for it.
import Link from "next/link";
import type { ReactNode } from "react";
import type { SortDir } from "@/lib/lists/params";

export type Column<Row> = {
  key: string;
  header: string;
  /** The sort key this column's header sorts by, if any. */
  sort?: string;
  align?: "left" | "right";
  cell: (row: Row) => ReactNode;
  /** Not shown below this breakpoint (Tailwind's sm 640 px, md 768 px, lg 1024 px): a secondary column. */
  hideBelow?: "sm" | "md" | "lg";
};

// Whole class names, so that Tailwind finds them in the source.
const HIDE_BELOW: Record<NonNullable<Column<unknown>["hideBelow"]>, string> = {
  sm: "hidden sm:table-cell",
  md: "hidden md:table-cell",
  lg: "hidden lg:table-cell",
};

function visibility(c: Column<never>): string {
  return c.hideBelow ? HIDE_BELOW[c.hideBelow] : "";
}

export function ListTable<Row extends { id: number | string }>({
  caption,
  columns,
  rows,
  sort,
  dir,
  sortHref,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  sort: string;
  dir: SortDir;
  /** The link that sorts by `key` (toggling the direction when already sorted by it). */
  sortHref: (key: string) => string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            {columns.map((c) => {
              const active = c.sort !== undefined && c.sort === sort;
              const ariaSort = active ? (dir === "asc" ? "ascending" : "descending") : undefined;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={ariaSort}
                  className={`py-2 pr-3 align-bottom ${c.align === "right" ? "text-right" : ""} ${visibility(c)}`}
                >
                  {c.sort ? (
                    <Link href={sortHref(c.sort)} className="inline-flex items-center gap-1 underline-offset-2 hover:underline">
                      {c.header}
                      <span aria-hidden="true" className={active ? "" : "text-slate-400"}>
                        {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
                      </span>
                      <span className="sr-only">
                        {active ? `, sorted ${ariaSort}; sort ${dir === "asc" ? "descending" : "ascending"}` : ", sort"}
                      </span>
                    </Link>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-200 align-top dark:border-slate-800">
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.key} scope="row" className={`py-2 pr-3 text-left font-normal [overflow-wrap:anywhere] ${visibility(c)}`}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} className={`py-2 pr-3 ${c.align === "right" ? "text-right tabular-nums" : ""} ${visibility(c)}`}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
