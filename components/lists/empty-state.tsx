import Link from "next/link";

/** What an empty list says: that nothing matches the filters, or that there is nothing yet. */
export function EmptyState({ plural, filtered, clearHref }: { plural: string; filtered: boolean; clearHref: string }) {
  return (
    <div className="rounded border border-dashed border-slate-300 p-6 text-center dark:border-slate-700">
      {filtered ? (
        <>
          <p className="font-medium">No {plural} match these filters.</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Try fewer filters, a shorter search, or{" "}
            <Link href={clearHref} className="text-blue-700 underline dark:text-blue-400">
              clear all filters
            </Link>
            .
          </p>
        </>
      ) : (
        <p className="font-medium">There are no {plural} yet.</p>
      )}
    </div>
  );
}
