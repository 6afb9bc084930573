// Previous / next links and where in the list this page is.
import { ChevronLeft, ChevronRight, ChevronsLeft } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

const linkClass = buttonVariants({ variant: "secondary", size: "sm" });
// Not a link (there is no page before the first): the secondary look, greyed; its text keeps AA contrast.
const offClass = "inline-flex h-8 items-center gap-1.5 rounded-md border border-border px-2.5 text-sm text-muted-foreground print:hidden [&_svg]:size-4";

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
          <ChevronsLeft aria-hidden="true" />
          First page
        </Link>
      ) : null}
      {page > 1 ? (
        <Link href={pageHref(page - 1)} rel="prev" className={linkClass}>
          <ChevronLeft aria-hidden="true" />
          Previous page
        </Link>
      ) : (
        <span aria-disabled="true" className={offClass}>
          <ChevronLeft aria-hidden="true" />
          Previous page
        </span>
      )}
      <span className="px-2 text-sm">
        Page {page.toLocaleString("en")} <span className="text-muted-foreground">({summary})</span>
      </span>
      {hasNext ? (
        <Link href={pageHref(page + 1)} rel="next" className={linkClass}>
          Next page
          <ChevronRight aria-hidden="true" />
        </Link>
      ) : (
        <span aria-disabled="true" className={offClass}>
          Next page
          <ChevronRight aria-hidden="true" />
        </span>
      )}
    </nav>
  );
}
