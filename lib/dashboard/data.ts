import "server-only";
// Runs the dashboard's figures (lib/dashboard/queries.ts) through the app's
// data layer: the SQL text and its parameters go to PostgreSQL as they are
// (over the app's pool, every value bound, none spliced), and the few
// aggregate rows that come back are shaped. The queries return only ints,
// booleans and text (dates are formatted in SQL), so node-postgres's
// conversions are the whole story.
import { getPool } from "@/lib/db/client";
import type { DashboardFilter } from "@/lib/dashboard/filter";
import {
  inspectionsByStatus,
  oldestUnresolvedConcerns,
  overdueConcerns,
  rebuffedAsks,
  recentRequests,
  recentStatusChanges,
  requestsOverTime,
  responsesByCountry,
  unfulfilledInspections,
  unresolvedConcernCounts,
  type QueryDefinition,
} from "@/lib/dashboard/queries";
import type { BuiltSql, DashboardViewer } from "@/lib/dashboard/sql";

export async function runSql<Row>(query: BuiltSql): Promise<Row[]> {
  const result = await getPool().query(query.text, query.values);
  return result.rows as Row[];
}

/** The figure's rows from PostgreSQL, shaped. */
export async function runDefinition<Row, Result>(
  definition: QueryDefinition<Row, Result>,
  viewer: DashboardViewer,
  filter: DashboardFilter,
): Promise<Result> {
  const rows = await runSql<Row>(definition.sql(viewer, filter));
  return definition.shape(rows, filter);
}

/** A typed function of one figure: (viewer, filter) → its shaped result. */
function runner<Row, Result>(d: QueryDefinition<Row, Result>): (viewer: DashboardViewer, filter: DashboardFilter) => Promise<Result> {
  return (viewer: DashboardViewer, filter: DashboardFilter) => runDefinition(d, viewer, filter);
}

export const getUnresolvedConcernCounts = runner(unresolvedConcernCounts);
export const getOldestUnresolvedConcerns = runner(oldestUnresolvedConcerns);
export const getOverdueConcerns = runner(overdueConcerns);
export const getRequestsOverTime = runner(requestsOverTime);
export const getResponsesByCountry = runner(responsesByCountry);
export const getRebuffedAsks = runner(rebuffedAsks);
export const getInspectionsByStatus = runner(inspectionsByStatus);
export const getUnfulfilledInspections = runner(unfulfilledInspections);
export const getRecentRequests = runner(recentRequests);
export const getRecentStatusChanges = runner(recentStatusChanges);

/** Every figure of the home page, queried in parallel. */
export async function loadDashboard(viewer: DashboardViewer, filter: DashboardFilter) {
  const [concernCounts, oldest, overdue, overTime, byCountry, rebuffed, inspections, unfulfilled, latestRequests, latestChanges] =
    await Promise.all([
      getUnresolvedConcernCounts(viewer, filter),
      getOldestUnresolvedConcerns(viewer, filter),
      getOverdueConcerns(viewer, filter),
      getRequestsOverTime(viewer, filter),
      getResponsesByCountry(viewer, filter),
      getRebuffedAsks(viewer, filter),
      getInspectionsByStatus(viewer, filter),
      getUnfulfilledInspections(viewer, filter),
      getRecentRequests(viewer, filter),
      getRecentStatusChanges(viewer, filter),
    ]);
  return { concernCounts, oldest, overdue, overTime, byCountry, rebuffed, inspections, unfulfilled, latestRequests, latestChanges };
}

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;

