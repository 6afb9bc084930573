// Previous / next links and where in the list this page is.
import Link from "next/link";

const linkClass = "rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";
const offClass = "rounded border border-slate-200 px-3 py-1.5 text-sm text-slate-400 dark:border-slate-800";

export function Pagination({
  label,
  page,
  hasNext,
  pageHref,
  summary,
}: {
  /** Names the navigation ("Pages of diplomatic requests"). */
  label: string;
  page: number;
  hasNext: boolean;
  pageHref: (page: number) => string;
  summary: string;
}) {
  if (page === 1 && !hasNext) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2">
      {page > 2 ? (
        <Link href={pageHref(1)} className={linkClass}>
          First page
        </Link>
      ) : null}
      {page > 1 ? (
        <Link href={pageHref(page - 1)} rel="prev" className={linkClass}>
          Previous page
        </Link>
      ) : (
        <span aria-disabled="true" className={offClass}>
          Previous page
        </span>
      )}
      <span className="px-2 text-sm">
        Page {page.toLocaleString("en")} <span className="text-slate-600 dark:text-slate-400">({summary})</span>
      </span>
      {hasNext ? (
        <Link href={pageHref(page + 1)} rel="next" className={linkClass}>
          Next page
        </Link>
      ) : (
        <span aria-disabled="true" className={offClass}>
          Next page
        </span>
      )}
    </nav>
  );
}
