// The one page header: the page's title (its h1), an optional description,
// and its primary action on the right (stacked under the title on a phone).
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export function PageHeader({
  title,
  description,
  actions,
  above,
  className,
}: {
  title: ReactNode;
  description?: ReactNode;
  /** The page's primary action (and at most one or two others), on the right. */
  actions?: ReactNode;
  /** A line above the title (the link back to a record's list). */
  above?: ReactNode;
  className?: string;
}) {
  return (
    <div data-slot="page-header" className={cn("flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between", className)}>
      <div className="min-w-0 space-y-1">
        {above}
        <h1 className="text-page-title font-semibold tracking-tight text-foreground">{title}</h1>
        {description ? <div className="max-w-prose text-sm text-muted-foreground">{description}</div> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}
