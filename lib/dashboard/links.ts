// Where each dashboard figure leads: the list with the same filters, so that a
// tile's count is the count the list shows. The concerns list takes the same
// country and severity parameters as the dashboard; the dashboard's other
// filters (weapon category, dates, verification) are carried only where the
// list means the same by them.
import { dashboardQuery, type DashboardFilter } from "@/lib/dashboard/filter";

/** The concerns list of `statuses` with the dashboard's country and severity. */
export function concernsListHref(filter: DashboardFilter, statuses: string[] = ["OPEN", "MONITORING"]): string {
  const out = new URLSearchParams({ status: statuses.join(",") });
  const q = dashboardQuery(filter);
  for (const key of ["country", "severity"]) {
    const v = q.get(key);
    if (v) out.set(key, v);
  }
  return `/concerns?${out.toString()}`;
}
