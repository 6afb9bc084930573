// The header's search box (issue 14, global search). A plain GET form to
// /search?q= that works without JavaScript; the search work replaces its
// inside with type-ahead results and the Ctrl/Cmd-K command palette. The
// header (app/(app)/layout.tsx) places it and gives it its width.
export function HeaderSearch({ className = "" }: { className?: string }) {
  return (
    <form role="search" action="/search" method="get" className={className}>
      <label htmlFor="header-search" className="sr-only">
        Search all records
      </label>
      <input
        id="header-search"
        name="q"
        type="search"
        placeholder="Search…"
        maxLength={200}
        className="w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
      />
    </form>
  );
}
