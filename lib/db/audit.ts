// Audit events are written with the transaction client of the change they
// record, so that a change and its audit event commit or roll back together.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction, EntityType } from "@/lib/generated/prisma/enums";

export type AuditInput = {
  userId: number | null;
  action: AuditAction;
  entityType?: EntityType;
  entityId?: number;
  changes?: Prisma.InputJsonValue;
  metadata?: Prisma.InputJsonValue;
  ip?: string | null;
  outcome?: string;
  /** The record's whole state after the change, and its version. */
  snapshot?: Prisma.InputJsonValue;
  version?: number;
};

type AuditWriter = { auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): Promise<unknown> } };

export async function audit(tx: AuditWriter, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      userId: event.userId,
      action: event.action,
      entityType: event.entityType ?? null,
      entityId: event.entityId ?? null,
      changes: event.changes,
      metadata: event.metadata,
      ip: event.ip ?? null,
      outcome: event.outcome ?? "success",
      snapshot: event.snapshot,
      version: event.version ?? null,
    },
  });
}

/** `{ field: { before, after } }` for the fields whose value changed. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after)) {
    const a = after[key];
    const b = before[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) out[key] = { before: b ?? null, after: a ?? null };
  }
  return out;
}
