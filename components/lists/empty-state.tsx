import { Inbox, SearchX } from "lucide-react";
import Link from "next/link";

/** What an empty list says: that nothing matches the filters, or that there is nothing yet. */
export function EmptyState({ plural, filtered, clearHref }: { plural: string; filtered: boolean; clearHref: string }) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border p-8 text-center">
      {filtered ? <SearchX aria-hidden="true" className="size-6 text-muted-foreground" /> : <Inbox aria-hidden="true" className="size-6 text-muted-foreground" />}
      <div>
      {filtered ? (
        <>
          <p className="font-medium">No {plural} match these filters.</p>
          <p className="mt-1 text-sm text-muted-foreground">
            Try fewer filters, a shorter search, or{" "}
            <Link href={clearHref} className="text-link underline underline-offset-2">
              clear all filters
            </Link>
            .
          </p>
        </>
      ) : (
        <p className="font-medium">There are no {plural} yet.</p>
      )}
      </div>
    </div>
  );
}
