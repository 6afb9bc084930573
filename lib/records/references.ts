import "server-only";
// A form may only point at records that exist, are not deleted, and that the
// user may see: anything else is refused as a field error, as if the record
// did not exist.
import { ValidationError } from "@/lib/errors";
import { canSee, type Actor } from "@/lib/permissions";
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
