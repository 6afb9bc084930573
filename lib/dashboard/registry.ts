import "server-only";
// Every figure of the home dashboard, for the page and for a benchmark that
// sends `sql(...)` directly through `pg` and compares it with `run(...)`
// (the same text over the app's pool, plus the small `shape` of the aggregate
// rows). Names are stable: they label benchmark results.
import type { DashboardFilter } from "@/lib/dashboard/filter";
import { runDefinition } from "@/lib/dashboard/data";
import { DEFINITIONS } from "@/lib/dashboard/queries";

export type { DashboardFilter } from "@/lib/dashboard/filter";
export type DashboardViewer = { id: number; role: string };

/** Text with $1, $2... placeholders and their values, for `pg`'s `query(text, values)`. */
export type DashboardSql = { text: string; values: unknown[] };

export type DashboardQuery = {
  name: string;
  sql: (viewer: DashboardViewer, filter: DashboardFilter) => DashboardSql;
  run: (viewer: DashboardViewer, filter: DashboardFilter) => Promise<unknown>;
};

export const DASHBOARD_QUERIES: DashboardQuery[] = DEFINITIONS.map((d) => ({
  name: d.name,
  sql: (viewer: DashboardViewer, filter: DashboardFilter) => d.sql(viewer, filter),
  run: (viewer: DashboardViewer, filter: DashboardFilter) => runDefinition<unknown, unknown>(d as never, viewer, filter),
}));
