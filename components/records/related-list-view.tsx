// The page of a list that record pages link to for "See all N quotes" or
// "See all N citations": what it is filtered by, where in the list this page
// is, the rows (children) and the pages.
import Link from "next/link";
import type { ReactNode } from "react";
import { Pagination } from "@/components/lists/pagination";
import type { RelatedListPage } from "@/lib/records/related-lists";
import { rangeLabel } from "@/lib/lists/params";
import { relatedListHref, type RelatedListParams } from "@/lib/lists/related-params";

const link = "text-blue-700 underline dark:text-blue-400";

export function RelatedListView({
  title,
  path,
  plural,
  filter,
  params,
  messages,
  page,
  children,
}: {
  title: string;
  path: string;
  plural: string;
  /** The record filtered by: "said by actor 3", and its page. */
  filter: { label: string; href: string } | null;
  params: RelatedListParams<string>;
  messages: string[];
  page: RelatedListPage<unknown>;
  children: ReactNode;
}) {
  const summary = rangeLabel(page.page, page.rows.length, { value: page.total, exact: true }, page.pageSize);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {filter ? (
            <>
              The {plural} <Link className={link} href={filter.href}>{filter.label}</Link>.{" "}
              <Link className={link} href={path}>Show all {plural}</Link>
            </>
          ) : (
            `Every ${plural.replace(/s$/, "")} you may see.`
          )}
        </p>
      </div>
      {messages.length ? (
        <div role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">Some of this address’s parameters were not used:</p>
          <ul className="ml-5 list-disc">
            {messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="text-sm font-medium" aria-live="polite">{summary}</p>
      {page.rows.length ? children : <p className="text-sm">{page.page > 1 ? `This page is past the end of the list (${page.total.toLocaleString("en")} ${plural}).` : `No ${plural}.`}</p>}
      <Pagination label={`Pages of ${plural}`} page={page.page} hasNext={page.hasNext} pageHref={(n) => relatedListHref(path, params, n)} summary={summary} />
    </div>
  );
}
