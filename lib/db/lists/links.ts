import "server-only";
// The lists' linked-record filters (transfers?weaponSystem=12,
// requests?requestingActor=3...; see ListSpec.links in lib/lists/params.ts):
// the rows linked to one record, as SQL conditions on the list's alias.
//
// They select exactly the rows that the record's page counts in the section
// that links here (lib/db/records/related.ts): the list's own rows are
// filtered by baseWhere as usual, and a row reached through another record
// (an inspection through a transfer) only when that record is readable. The
// linked record itself must be one the viewer may see, deleted or not (an
// editor opening the list from a deleted record's page gets its rows); a
// RESTRICTED one lists nothing for those who may not see it, so that its id
// cannot group the rows it is linked to.
import { countryIdSql, readableSql, visibleTo } from "@/lib/db/lists/common";
import type { Viewer } from "@/lib/db/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnyListParams, ListType } from "@/lib/lists/params";

type Sql = Prisma.Sql;
const { sql, raw } = Prisma;

/** Record `id` of `table` exists and the viewer may see it (deleted or not). */
function visibleRecord(viewer: Viewer, table: string, id: number): Sql {
  return sql`EXISTS (SELECT 1 FROM ${raw(`"${table}"`)} lr WHERE lr.id = ${id} AND ${visibleTo(viewer, "lr")})`;
}

type LinkFilter = (viewer: Viewer, id: number) => Sql;

const LINKS: { [T in ListType]?: Record<string, LinkFilter> } = {
  transfers: {
    weaponSystem: (v, id) => sql`(t."weaponSystemId" = ${id} AND ${visibleRecord(v, "WeaponSystem", id)})`,
    concern: (v, id) =>
      sql`(t.id IN (SELECT ct."transferId" FROM "ConcernTransfer" ct WHERE ct."concernId" = ${id}) AND ${visibleRecord(v, "Concern", id)})`,
    request: (v, id) =>
      sql`(t.id IN (SELECT rt."transferId" FROM "RequestTransfer" rt WHERE rt."requestId" = ${id}) AND ${visibleRecord(v, "DiplomaticRequest", id)})`,
  },
  requests: {
    actor: (v, id) => sql`(r.id IN (SELECT ra."requestId" FROM "RequestActor" ra WHERE ra."actorId" = ${id}) AND ${visibleRecord(v, "Actor", id)})`,
    requestingActor: (v, id) =>
      sql`(r.id IN (SELECT ra."requestId" FROM "RequestActor" ra WHERE ra."actorId" = ${id} AND ra.side = 'REQUESTING') AND ${visibleRecord(v, "Actor", id)})`,
    targetActor: (v, id) =>
      sql`(r.id IN (SELECT ra."requestId" FROM "RequestActor" ra WHERE ra."actorId" = ${id} AND ra.side = 'TARGET') AND ${visibleRecord(v, "Actor", id)})`,
    concern: (v, id) =>
      sql`(r.id IN (SELECT rc."requestId" FROM "RequestConcern" rc WHERE rc."concernId" = ${id}) AND ${visibleRecord(v, "Concern", id)})`,
    transfer: (v, id) =>
      sql`(r.id IN (SELECT rt."requestId" FROM "RequestTransfer" rt WHERE rt."transferId" = ${id}) AND ${visibleRecord(v, "ArmsTransfer", id)})`,
    followUpOf: (v, id) => sql`(r."followUpOfId" = ${id} AND ${visibleRecord(v, "DiplomaticRequest", id)})`,
  },
  actors: {
    request: (v, id) =>
      sql`(a.id IN (SELECT ra."actorId" FROM "RequestActor" ra WHERE ra."requestId" = ${id}) AND ${visibleRecord(v, "DiplomaticRequest", id)})`,
  },
  concerns: {
    transfer: (v, id) =>
      sql`(k.id IN (SELECT ct."concernId" FROM "ConcernTransfer" ct WHERE ct."transferId" = ${id}) AND ${visibleRecord(v, "ArmsTransfer", id)})`,
    request: (v, id) =>
      sql`(k.id IN (SELECT rc."concernId" FROM "RequestConcern" rc WHERE rc."requestId" = ${id}) AND ${visibleRecord(v, "DiplomaticRequest", id)})`,
  },
  inspections: {
    transfer: (v, id) => sql`(i."transferId" = ${id} AND ${visibleRecord(v, "ArmsTransfer", id)})`,
    // Of the system itself, or of a transfer of it that the viewer may read.
    weaponSystem: (v, id) =>
      sql`((i."weaponSystemId" = ${id} OR i."transferId" IN (SELECT lt.id FROM "ArmsTransfer" lt WHERE lt."weaponSystemId" = ${id} AND ${readableSql(v, "lt")}))
        AND ${visibleRecord(v, "WeaponSystem", id)})`,
    // Through the concern's transfers, those the viewer may read.
    concern: (v, id) =>
      sql`(i."transferId" IN (SELECT ct."transferId" FROM "ConcernTransfer" ct JOIN "ArmsTransfer" lt ON lt.id = ct."transferId"
        WHERE ct."concernId" = ${id} AND ${readableSql(v, "lt")}) AND ${visibleRecord(v, "Concern", id)})`,
  },
};

/** The one-side country filters (ListSpec.sides): the column that holds the country. */
const SIDES: { [T in ListType]?: Record<string, string> } = {
  transfers: { supplier: `t."supplierId"`, recipient: `t."recipientId"` },
  requests: { requestedBy: `r."requestingCountryId"`, askedOf: `r."targetCountryId"` },
  inspections: { host: `i."hostCountryId"`, inspectedBy: `i."inspectingCountryId"` },
};

/** The conditions of the linked-record and one-side country filters that `params` sets (none: []). */
export function linkWhere(viewer: Viewer, params: AnyListParams): Sql[] {
  const filters = LINKS[params.type] ?? {};
  const links = Object.entries(params.links).map(([param, id]) => {
    const f = filters[param];
    // Every parameter that ListSpec.links declares has its condition here (tests/integration/related-lists.test.ts).
    if (!f) throw new Error(`No SQL for the “${param}” filter of ${params.type}.`);
    return f(viewer, id);
  });
  const sides = Object.entries(params.sides).map(([param, code]) => {
    const column = SIDES[params.type]?.[param];
    if (!column) throw new Error(`No SQL for the “${param}” filter of ${params.type}.`);
    return sql`${raw(column)} = ${countryIdSql(code)}`;
  });
  return [...links, ...sides];
}
