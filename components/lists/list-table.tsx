// A list's table: column headers that sort (links, so the sort is part of
// the URL), with aria-sort on the sorted column; the first column heads its
// row. Secondary columns (hideBelow) are not shown below a breakpoint, so a
// list fits a phone without scrolling sideways (issue 14); what they show is
// on the record's page, which the first column links to. Only the first
// column breaks a word that does not fit (a long title or address); the others
// keep their words whole, and the table gives them the width for it.
import Link from "next/link";
import type { ReactNode } from "react";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import { cellClass, headCellClass } from "@/components/ui/table";
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
          <tr className="border-b border-border">
            {columns.map((c) => {
              const active = c.sort !== undefined && c.sort === sort;
              const ariaSort = active ? (dir === "asc" ? "ascending" : "descending") : undefined;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={ariaSort}
                  className={`${headCellClass} ${c.align === "right" ? "text-right" : ""} ${visibility(c)}`}
                >
                  {c.sort ? (
                    <Link href={sortHref(c.sort)} className={`inline-flex items-center gap-1 underline-offset-2 hover:text-foreground hover:underline ${active ? "text-foreground" : ""}`}>
                      {c.header}
                      {active ? (
                        dir === "asc" ? <ArrowUp aria-hidden="true" className="size-3.5" /> : <ArrowDown aria-hidden="true" className="size-3.5" />
                      ) : (
                        <ChevronsUpDown aria-hidden="true" className="size-3.5 opacity-60" />
                      )}
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
            <tr key={row.id} className="border-b border-border align-top transition-colors hover:bg-muted/50">
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.key} scope="row" className={`${cellClass} text-left font-normal [overflow-wrap:anywhere] ${visibility(c)}`}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} className={`${cellClass} ${c.align === "right" ? "text-right tabular-nums" : ""} ${visibility(c)}`}>
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
