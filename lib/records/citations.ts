import "server-only";
// Citations: a source cited by one record, with the passage that supports it.
// Adding or removing one is an edit of the citing record (who may edit it may
// cite), needs the source to be visible, and is audited (entity CITATION).
import { audit } from "@/lib/db/audit";
import { getDb } from "@/lib/db/client";
import { inTransaction, type DbOrTx } from "@/lib/db/transaction";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canEdit, canSee, type Actor } from "@/lib/permissions";
import { RECORDS } from "@/lib/records/registry";
import { diffValues, loadForChange, parse } from "@/lib/records/service";
import type { FormValues, Tx } from "@/lib/records/types";
import { CITATION_TARGETS, citationSchema, removeCitationSchema, type CitationTarget } from "@/lib/validation/citations";

/** The Citation column that points at each kind of target. */
export const CITATION_COLUMNS = {
  request: "requestId",
  concern: "concernId",
  transfer: "transferId",
  inspection: "inspectionId",
  actor: "actorId",
  weaponSystem: "weaponSystemId",
  quote: "quoteId",
} as const satisfies Record<CitationTarget, string>;

type CitationRow = {
  id: number;
  sourceId: number;
  passage: string | null;
  credibility: number | null;
  note: string | null;
} & Record<(typeof CITATION_COLUMNS)[CitationTarget], number | null>;

/** Which record a citation belongs to. */
function targetOf(row: CitationRow): { targetType: CitationTarget; targetId: number } | null {
  for (const targetType of CITATION_TARGETS) {
    const targetId = row[CITATION_COLUMNS[targetType]];
    if (targetId !== null) return { targetType, targetId };
  }
  return null;
}

function valuesOf(row: CitationRow, target: { targetType: CitationTarget; targetId: number }): FormValues {
  return {
    targetType: target.targetType,
    targetId: target.targetId,
    sourceId: row.sourceId,
    passage: row.passage,
    credibility: row.credibility,
    note: row.note,
  };
}

/** The target, locked; 404 when missing, deleted or invisible to `actor`, 403 when they may not edit it. */
async function editableTarget(tx: Tx, actor: Actor, targetType: CitationTarget, targetId: number) {
  const config = RECORDS[targetType];
  const m = await loadForChange(config, tx, actor, targetId);
  if (!canEdit(actor, m)) throw new ForbiddenError(`You may cite sources only on the ${config.plural} you created.`);
}

/** 404 unless the source exists and `actor` may see it (deleted ones too, when `allowDeleted`). */
async function visibleSource(tx: Tx, actor: Actor, sourceId: number, allowDeleted: boolean) {
  const source = await tx.source.findUnique({
    where: { id: sourceId },
    select: { id: true, visibility: true, createdById: true, deletedAt: true },
  });
  if (!source || !canSee(actor, source)) throw new NotFoundError("No such source.");
  if (source.deletedAt && !allowDeleted) throw new NotFoundError("This source has been deleted.");
}

/** Cites a source on a record. Input: { targetType, targetId, sourceId, passage?, credibility?, note? }. */
export async function addCitation(actor: Actor, input: unknown, ip: string | null, db: DbOrTx = getDb()): Promise<{ id: number }> {
  const data = parse(citationSchema, input);
  return inTransaction(db, async (tx) => {
    await editableTarget(tx, actor, data.targetType, data.targetId);
    await visibleSource(tx, actor, data.sourceId, false);
    const row = (await tx.citation.create({
      data: {
        sourceId: data.sourceId,
        passage: data.passage,
        credibility: data.credibility,
        note: data.note,
        [CITATION_COLUMNS[data.targetType]]: data.targetId,
        createdById: actor.id,
        updatedById: actor.id,
      },
    })) as CitationRow;
    const target = { targetType: data.targetType, targetId: data.targetId };
    await audit(tx, {
      userId: actor.id,
      action: "CREATE",
      entityType: "CITATION",
      entityId: row.id,
      ip,
      changes: diffValues({}, valuesOf(row, target)) as Prisma.InputJsonValue,
      metadata: { ...target, sourceId: data.sourceId },
    });
    return { id: row.id };
  });
}

/** Removes a citation for good (the audit event keeps what it said). Input: { citationId }. */
export async function removeCitation(actor: Actor, input: unknown, ip: string | null, db: DbOrTx = getDb()): Promise<{ id: number }> {
  const { citationId } = parse(removeCitationSchema, input);
  return inTransaction(db, async (tx) => {
    const row = (await tx.citation.findUnique({ where: { id: citationId } })) as CitationRow | null;
    const target = row ? targetOf(row) : null;
    if (!row || !target) throw new NotFoundError("No such citation.");
    await editableTarget(tx, actor, target.targetType, target.targetId);
    // A citation of a deleted source may still be removed.
    await visibleSource(tx, actor, row.sourceId, true);
    await tx.citation.delete({ where: { id: citationId } });
    await audit(tx, {
      userId: actor.id,
      action: "DELETE",
      entityType: "CITATION",
      entityId: citationId,
      ip,
      changes: diffValues(valuesOf(row, target), {}) as Prisma.InputJsonValue,
      metadata: { ...target, sourceId: row.sourceId },
    });
    return { id: citationId };
  });
}
