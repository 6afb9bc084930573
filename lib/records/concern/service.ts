import "server-only";
// Concerns for the generic record service, and the concern's status
// lifecycle. The status is not part of the concern's form: it changes only
// through changeConcernStatus, with a note, a ConcernStatusChange row and a
// STATUS_CHANGE audit event.
import { getDb } from "@/lib/db/client";
import { inTransaction, type DbOrTx } from "@/lib/db/transaction";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import type { ConcernStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/permissions";
import { assertCountries, assertUsable } from "@/lib/records/references";
import { conflict, loadForChange, parse, writeAudit } from "@/lib/records/service";
import { defineRecordService } from "@/lib/records/types";
import { concernDefinition, concernStatusSchema } from "@/lib/records/concern/definition";
import { checkTransition } from "@/lib/records/concern/status";

/** The note of the status change every concern starts with. */
export const OPENING_NOTE = "Concern opened.";

export const concernRecord = defineRecordService(concernDefinition, {
  delegate: (tx) => tx.concern as never,

  async writeLinks(tx, id, d) {
    await tx.concernCountry.deleteMany({ where: { concernId: id } });
    await tx.concernTransfer.deleteMany({ where: { concernId: id } });
    await tx.concernCountry.createMany({
      data: d.countries.map((c) => ({ concernId: id, countryId: c.countryId, role: c.role })),
      skipDuplicates: true,
    });
    await tx.concernTransfer.createMany({ data: d.transferIds.map((transferId) => ({ concernId: id, transferId })) });
    // A new concern's status history starts with its opening, as the seeded
    // concerns' does.
    const c = await tx.concern.findUniqueOrThrow({
      where: { id },
      select: { version: true, status: true, createdById: true, _count: { select: { statusChanges: true } } },
    });
    if (c.version === 1 && c._count.statusChanges === 0) {
      await tx.concernStatusChange.create({
        data: { concernId: id, fromStatus: null, toStatus: c.status, note: OPENING_NOTE, changedById: c.createdById },
      });
    }
  },

  // Not the status: it has a lifecycle of its own (changeConcernStatus).
  async linkValues(tx, id) {
    const c = await tx.concern.findUnique({
      where: { id },
      select: {
        countryLinks: { orderBy: [{ countryId: "asc" }, { role: "asc" }] },
        transferLinks: { orderBy: { transferId: "asc" } },
      },
    });
    if (!c) return {};
    return {
      countries: c.countryLinks.map((l) => ({ countryId: l.countryId, role: l.role })),
      transferIds: c.transferLinks.map((l) => l.transferId),
    };
  },

  async checkReferences(tx, actor, d, id) {
    await assertCountries(
      tx,
      d.countries.map((c) => c.countryId),
      "countries",
    );
    await assertUsable(tx, actor, "ArmsTransfer", d.transferIds, "transferIds", "Choose transfers from the list.");
    if (d.ownerId !== null) {
      // Keeping the current owner is always allowed (an owner who has since
      // left must not block every other edit); a new owner must be able to
      // work on the concern.
      const current = id === null ? null : await tx.concern.findUnique({ where: { id }, select: { ownerId: true } });
      if (current?.ownerId !== d.ownerId) {
        const owner = await tx.user.findUnique({ where: { id: d.ownerId }, select: { active: true, role: true } });
        if (!owner || !owner.active || owner.role === "VIEWER") {
          throw new ValidationError("Some fields need attention.", {
            ownerId: ["Choose an owner from the list: an active user who may edit records."],
          });
        }
      }
    }
  },
});

/** Today as a calendar day (UTC), as `@db.Date` columns hold it. */
function today(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * Moves a concern to another status, with a note saying why.
 *
 * - Who may move which status where is checkTransition's
 *   (lib/records/concern/status.ts): into or out of RESOLVED /
 *   CLOSED_UNRESOLVED (resolving, closing, reopening) needs "concern:resolve";
 *   between OPEN and MONITORING, being allowed to edit the concern.
 * - `baseVersion` is the version the user saw; a concern changed meanwhile is
 *   refused (409) with what changed.
 * - Resolving or closing sets resolvedOn (today) and the resolution note;
 *   reopening clears both.
 * - Writes a ConcernStatusChange row and a STATUS_CHANGE audit event.
 * - The same status again changes nothing.
 */
export async function changeConcernStatus(
  actor: Actor,
  id: number,
  baseVersion: number,
  input: unknown,
  ip: string | null,
  db: DbOrTx = getDb(),
): Promise<{ id: number; version: number; status: ConcernStatus; changed: boolean }> {
  const data = parse(concernStatusSchema, input);
  return inTransaction(db, async (tx) => {
    const m = await loadForChange(concernRecord, tx, actor, id);
    const { status: from } = await tx.concern.findUniqueOrThrow({ where: { id }, select: { status: true } });
    const to = data.status;
    // The same rules the page offers its statuses by (lib/records/concern/status.ts).
    const check = checkTransition(from, to, data.note, { actor, record: m });
    if (!check.ok) {
      if (check.code === "FORBIDDEN") throw new ForbiddenError(check.message);
      throw new ValidationError("Some fields need attention.", { [check.field]: [check.message] });
    }
    if (check.kind === "none") return { id, version: m.version, status: to, changed: false };
    if (m.version !== baseVersion) await conflict(concernRecord, tx, actor, id, baseVersion);

    await tx.concern.update({
      where: { id },
      data: {
        status: to,
        ...(check.kind === "close"
          ? { resolvedOn: today(), resolutionNote: data.note }
          : check.kind === "reopen"
            ? { resolvedOn: null, resolutionNote: null }
            : {}),
        version: { increment: 1 },
        updatedById: actor.id,
      },
    });
    await tx.concernStatusChange.create({
      data: { concernId: id, fromStatus: from, toStatus: to, note: data.note, changedById: actor.id },
    });
    const snapshot = await writeAudit(concernRecord, tx, actor, ip, "STATUS_CHANGE", id, { status: { before: from, after: to } }, { note: data.note });
    return { id, version: snapshot.version, status: to, changed: true };
  });
}
