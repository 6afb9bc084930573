import "server-only";
// A form may only point at records that exist, are not deleted, and that the
// user may see: anything else is refused as a field error, as if the record
// did not exist.
import { readableBy } from "@/lib/db/visibility";
import { ValidationError } from "@/lib/errors";
import { can, canSee, type Actor } from "@/lib/permissions";
import type { Tx } from "@/lib/records/types";

type Table = "Actor" | "WeaponSystem" | "ArmsTransfer" | "Concern" | "DiplomaticRequest" | "Inspection" | "Source" | "Quote";

export async function assertUsable(tx: Tx, actor: Actor, table: Table, ids: readonly number[], field: string, message: string) {
  if (ids.length === 0) return;
  const rows = await tx.$queryRawUnsafe<{ id: number; visibility: "INTERNAL" | "RESTRICTED"; createdById: number | null; deletedAt: Date | null }[]>(
    `SELECT id, visibility, "createdById", "deletedAt" FROM "${table}" WHERE id = ANY($1::int[])`,
    [...ids],
  );
  const usable = new Set(rows.filter((r) => r.deletedAt === null && canSee(actor, r)).map((r) => r.id));
  if (ids.some((id) => !usable.has(id))) throw new ValidationError("Some fields need attention.", { [field]: [message] });
}

export async function assertCountries(tx: Tx, ids: readonly (number | null)[], field: string) {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return;
  const found = await tx.country.count({ where: { id: { in: wanted } } });
  if (found !== wanted.length) throw new ValidationError("Some fields need attention.", { [field]: ["Choose a country from the list."] });
}

/** Prisma `where` of the records a count takes in: every live one, or those the actor may read. */
export type UseWhere = ReturnType<typeof readableBy>;

/** One kind of record that may still use the record being deleted. */
export type Use = {
  one: string;
  many: string;
  /** How many live records of this kind use it, among those `where` takes in (merge it into the count's own where). */
  count: (where: UseWhere) => Promise<number>;
};

/**
 * Why a record may not be deleted yet, or null when nothing live uses it.
 * It names (and counts) only what the actor may see: "This transfer is still
 * used by 2 requests; remove those links first." Records they may not see
 * are never counted nor named, only said to exist, since the refusal itself
 * tells that much: "…, and by records you cannot see: an editor can remove
 * those links." An editor sees every record, so their message counts all.
 * The counts run one after the other: they share the transaction's connection.
 */
export async function stillUsed(actor: Actor, label: string, uses: readonly Use[]): Promise<string | null> {
  const all: number[] = [];
  for (const use of uses) all.push(await use.count({ deletedAt: null }));
  if (all.every((n) => n === 0)) return null;
  const seen: number[] = [];
  if (can(actor.role, "record:read-restricted")) seen.push(...all);
  else for (const [i, use] of uses.entries()) seen.push(all[i] === 0 ? 0 : await use.count(readableBy(actor)));
  const hidden = all.some((n, i) => n > seen[i]!);
  const parts = uses.map((u, i) => [seen[i]!, u] as const).filter(([n]) => n > 0).map(([n, u]) => `${n} ${n === 1 ? u.one : u.many}`);
  if (parts.length === 0) return `This ${label} is still used by records you cannot see: an editor can remove those links.`;
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  const total = seen.reduce((sum, n) => sum + n, 0);
  const links = total === 1 ? "that link" : "those links";
  return hidden
    ? `This ${label} is still used by ${list}, and by records you cannot see; remove ${links} first, and an editor can remove the others.`
    : `This ${label} is still used by ${list}; remove ${links} first.`;
}
