import "server-only";
// Create, edit, delete, restore and verify for every record type, one way.
//
// - Authorised here (ownership, visibility), not only in the action.
// - Validated with the type's zod schema (the form uses the same one).
// - Every change bumps `version`; an edit carries the version it started from
//   and is refused (409) if the record changed meanwhile, with what the other
//   person changed.
// - Every change writes an audit event in the same transaction, with the
//   changed fields before and after and a snapshot of the whole record (the
//   form's values), from which any earlier version can be shown and restored.
import { z } from "zod";
import { audit } from "@/lib/db/audit";
import { getDb } from "@/lib/db/client";
import { inTransaction, type DbOrTx } from "@/lib/db/transaction";
import { mayOpen } from "@/lib/db/visibility";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, canDelete, canEdit, canSee, type Actor } from "@/lib/permissions";
import type { ConflictDetails, FieldChange } from "@/lib/records/conflict";
import { hiddenLinks, recordLinks, recordTypeOf, redactLinks } from "@/lib/records/links";
import type { FormValues, RecordConfig, Tx } from "@/lib/records/types";

export type Snapshot = { values: FormValues; version: number; deleted: boolean; verified: boolean };
export type Change = FieldChange;

type Meta = { id: number; version: number; createdById: number | null; visibility: "INTERNAL" | "RESTRICTED"; deletedAt: Date | null; verifiedAt: Date | null };

const metaSelect = { id: true, version: true, createdById: true, visibility: true, deletedAt: true, verifiedAt: true } as const;

export function parse<P>(schema: z.ZodType<P>, input: unknown): P {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError("Some fields need attention.", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  }
  return parsed.data;
}

export function diffValues(before: FormValues, after: FormValues): Record<string, Change> {
  const out: Record<string, Change> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[key] ?? null;
    const a = after[key] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out[key] = { before: b, after: a };
  }
  return out;
}

async function meta<P>(config: RecordConfig<P>, tx: Tx, id: number): Promise<Meta | null> {
  // Row lock: concurrent changes to one record queue up instead of racing.
  await tx.$queryRawUnsafe(`SELECT 1 FROM "${config.table}" WHERE id = $1 FOR UPDATE`, id);
  return (await config.delegate(tx).findUnique({ where: { id }, select: metaSelect })) as Meta | null;
}

async function snapshotOf<P>(config: RecordConfig<P>, tx: Tx, id: number): Promise<Snapshot> {
  const m = (await config.delegate(tx).findUnique({ where: { id }, select: metaSelect })) as Meta;
  const values = await config.formValues(tx, id);
  if (!values) throw new NotFoundError();
  return { values, version: m.version, deleted: m.deletedAt !== null, verified: m.verifiedAt !== null };
}

/** The state of a record at `version`, from its audit trail. */
async function snapshotAtVersion<P>(config: RecordConfig<P>, tx: Tx, id: number, version: number): Promise<Snapshot | null> {
  const event = await tx.auditEvent.findFirst({
    where: { entityType: config.entityType, entityId: id, version },
    orderBy: { id: "desc" },
    select: { snapshot: true },
  });
  return (event?.snapshot as Snapshot | null) ?? null;
}

/** Refuses a change from a stale version (409), with what others changed, as `actor` may see it. */
export async function conflict<P>(config: RecordConfig<P>, tx: Tx, actor: Actor, id: number, baseVersion: number): Promise<never> {
  const current = await snapshotOf(config, tx, id);
  const base = await snapshotAtVersion(config, tx, id, baseVersion);
  const type = await recordTypeOf(config);
  const [currentValues, baseValues] = await redactLinks(tx, actor, [
    { type, values: current.values },
    { type, values: base?.values ?? {} },
  ]);
  const details: ConflictDetails = {
    currentVersion: current.version,
    current: currentValues!,
    theirChanges: base ? diffValues(baseValues!, currentValues!) : null,
  };
  throw new ConflictError(
    `This ${config.label.toLowerCase()} was changed by someone else while you were editing it (your version ${baseVersion}, now ${current.version}). Review their changes, then save again to apply yours on top.`,
    details,
  );
}

export async function writeAudit<P>(
  config: RecordConfig<P>,
  tx: Tx,
  actor: Actor,
  ip: string | null,
  action: "CREATE" | "UPDATE" | "DELETE" | "RESTORE" | "VERIFY" | "STATUS_CHANGE",
  id: number,
  changes: Record<string, Change>,
  metadata?: Prisma.InputJsonValue,
) {
  const snapshot = await snapshotOf(config, tx, id);
  // A change made with an API token names the token (lib/api/http.ts).
  const via = (actor as { via?: Prisma.InputJsonValue }).via;
  await audit(tx, {
    userId: actor.id,
    action,
    entityType: config.entityType,
    entityId: id,
    ip,
    changes: changes as Prisma.InputJsonValue,
    metadata: via ? { ...((metadata as Record<string, Prisma.InputJsonValue> | undefined) ?? {}), via } : metadata,
    snapshot: snapshot as unknown as Prisma.InputJsonValue,
    version: snapshot.version,
  });
  return snapshot;
}

/** Loads a record for a change by `actor`; 404 when missing or invisible to them. */
export async function loadForChange<P>(config: RecordConfig<P>, tx: Tx, actor: Actor, id: number, options: { deleted?: boolean } = {}) {
  const m = await meta(config, tx, id);
  if (!m || !canSee(actor, m)) throw new NotFoundError(`No such ${config.label.toLowerCase()}.`);
  if (!options.deleted && m.deletedAt) throw new NotFoundError(`This ${config.label.toLowerCase()} has been deleted.`);
  return m;
}

export async function createRecord<P>(config: RecordConfig<P>, actor: Actor, input: unknown, ip: string | null, db: DbOrTx = getDb()) {
  if (!can(actor.role, "record:create")) throw new ForbiddenError();
  const data = parse(config.schema, input);
  return inTransaction(db, async (tx) => {
    await config.checkReferences?.(tx, actor, data, null);
    const verified = can(actor.role, "record:verify");
    const created = (await config.delegate(tx).create({
      data: {
        ...config.columns(data),
        createdById: actor.id,
        updatedById: actor.id,
        ...(verified ? { verifiedAt: new Date(), verifiedById: actor.id } : {}),
      },
      select: { id: true },
    })) as { id: number };
    await config.writeLinks?.(tx, created.id, data);
    const snapshot = await writeAudit(config, tx, actor, ip, "CREATE", created.id, diffValues({}, (await config.formValues(tx, created.id))!));
    return { id: created.id, version: snapshot.version };
  });
}

/**
 * What an edit writes, and what of it is checked. The caller edits the links
 * they can see; the record's links to records they cannot see (an editor
 * linked a restricted concern to an analyst's request, a linked record was
 * deleted) were not shown to them, so they are kept as they are: neither
 * dropped nor refused, and not reported as changed. Only what the caller
 * submitted is checked (exists, visible, not deleted), except the links the
 * record already has and the caller can see: those stay valid even when the
 * caller could not add them now (an editor keeping a link to a deleted record).
 * A single link that the caller set to another record replaces the hidden one:
 * that was their explicit choice for the field.
 */
async function mergeLinks<P>(config: RecordConfig<P>, tx: Tx, actor: Actor, before: FormValues, data: P): Promise<{ toCheck: P; merged: P }> {
  const type = await recordTypeOf(config);
  const hidden = await hiddenLinks(tx, actor, type, before);
  const submitted = data as Record<string, unknown>;
  const toCheck: Record<string, unknown> = { ...submitted };
  const merged: Record<string, unknown> = { ...submitted };
  for (const link of recordLinks(type)) {
    if (!(link.field in submitted)) continue;
    const keep = hidden.get(link.field) ?? [];
    const existing = new Set([before[link.field]].flat().filter((v) => typeof v === "number" && !keep.includes(v)));
    const value = submitted[link.field];
    if (link.multiple && Array.isArray(value)) {
      toCheck[link.field] = value.filter((v) => !existing.has(v));
      merged[link.field] = [...value, ...keep.filter((v) => !value.includes(v))];
    } else {
      if (typeof value === "number" && existing.has(value)) toCheck[link.field] = null;
      if (value === null && keep.length) merged[link.field] = keep[0];
    }
  }
  return { toCheck: toCheck as P, merged: merged as P };
}

async function applyUpdate<P>(
  config: RecordConfig<P>,
  tx: Tx,
  actor: Actor,
  m: Meta,
  baseVersion: number,
  submitted: P,
): Promise<{ before: FormValues }> {
  const before = (await config.formValues(tx, m.id))!;
  if (m.version !== baseVersion) await conflict(config, tx, actor, m.id, baseVersion);
  const { toCheck, merged: data } = await mergeLinks(config, tx, actor, before, submitted);
  await config.checkReferences?.(tx, actor, toCheck, m.id);
  const keepVerified = can(actor.role, "record:verify");
  await config.delegate(tx).update({
    where: { id: m.id },
    data: {
      ...config.columns(data),
      version: { increment: 1 },
      updatedById: actor.id,
      // An edit by someone who may not verify needs verifying again.
      ...(keepVerified ? {} : { verifiedAt: null, verifiedById: null }),
    },
  });
  await config.writeLinks?.(tx, m.id, data);
  return { before };
}

export async function updateRecord<P>(
  config: RecordConfig<P>,
  actor: Actor,
  id: number,
  baseVersion: number,
  input: unknown,
  ip: string | null,
  db: DbOrTx = getDb(),
) {
  const data = parse(config.schema, input);
  return inTransaction(db, async (tx) => {
    const m = await loadForChange(config, tx, actor, id);
    if (!canEdit(actor, m)) throw new ForbiddenError(`You may edit only the ${config.plural} you created.`);
    const { before } = await applyUpdate(config, tx, actor, m, baseVersion, data);
    const after = (await config.formValues(tx, id))!;
    const snapshot = await writeAudit(config, tx, actor, ip, "UPDATE", id, diffValues(before, after));
    return { id, version: snapshot.version };
  });
}

export async function deleteRecord<P>(config: RecordConfig<P>, actor: Actor, id: number, baseVersion: number, ip: string | null, db: DbOrTx = getDb()) {
  return inTransaction(db, async (tx) => {
    const m = await loadForChange(config, tx, actor, id);
    if (!canDelete(actor, m)) throw new ForbiddenError(`You may delete only the ${config.plural} you created.`);
    if (m.version !== baseVersion) await conflict(config, tx, actor, id, baseVersion);
    const inUse = await config.inUse?.(tx, actor, id);
    if (inUse) throw new ConflictError(inUse);
    await config.delegate(tx).update({
      where: { id },
      data: { deletedAt: new Date(), deletedById: actor.id, version: { increment: 1 } },
    });
    const snapshot = await writeAudit(config, tx, actor, ip, "DELETE", id, {});
    return { id, version: snapshot.version };
  });
}

/** Brings a deleted record back, with its links and citations (they were never removed). */
export async function undeleteRecord<P>(config: RecordConfig<P>, actor: Actor, id: number, ip: string | null, db: DbOrTx = getDb()) {
  if (!can(actor.role, "record:restore")) throw new ForbiddenError();
  return inTransaction(db, async (tx) => {
    const m = await loadForChange(config, tx, actor, id, { deleted: true });
    if (!m.deletedAt) throw new ConflictError(`This ${config.label.toLowerCase()} is not deleted.`);
    await config.delegate(tx).update({ where: { id }, data: { deletedAt: null, deletedById: null, version: { increment: 1 } } });
    const snapshot = await writeAudit(config, tx, actor, ip, "RESTORE", id, {}, { undeleted: true });
    return { id, version: snapshot.version };
  });
}

/** Makes the record as it was after audit event `eventId` (itself an audited change). */
export async function restoreVersion<P>(
  config: RecordConfig<P>,
  actor: Actor,
  id: number,
  eventId: number,
  baseVersion: number,
  ip: string | null,
  db: DbOrTx = getDb(),
) {
  if (!can(actor.role, "record:restore")) throw new ForbiddenError();
  return inTransaction(db, async (tx) => {
    const m = await loadForChange(config, tx, actor, id);
    const event = await tx.auditEvent.findFirst({
      where: { id: eventId, entityType: config.entityType, entityId: id },
      select: { snapshot: true, version: true },
    });
    const old = event?.snapshot as Snapshot | null | undefined;
    if (!old) throw new NotFoundError("No such version of this record.");
    const data = parse(config.schema, old.values);
    const { before } = await applyUpdate(config, tx, actor, m, baseVersion, data);
    const after = (await config.formValues(tx, id))!;
    const snapshot = await writeAudit(config, tx, actor, ip, "RESTORE", id, diffValues(before, after), {
      restoredVersion: old.version,
      fromEvent: eventId,
    });
    return { id, version: snapshot.version };
  });
}

export async function verifyRecord<P>(config: RecordConfig<P>, actor: Actor, id: number, baseVersion: number, ip: string | null, db: DbOrTx = getDb()) {
  if (!can(actor.role, "record:verify")) throw new ForbiddenError();
  return inTransaction(db, async (tx) => {
    const m = await loadForChange(config, tx, actor, id);
    if (m.version !== baseVersion) await conflict(config, tx, actor, id, baseVersion);
    if (m.verifiedAt) return { id, version: m.version };
    await config.delegate(tx).update({
      where: { id },
      data: { verifiedAt: new Date(), verifiedById: actor.id, version: { increment: 1 } },
    });
    const snapshot = await writeAudit(config, tx, actor, ip, "VERIFY", id, { verified: { before: false, after: true } });
    return { id, version: snapshot.version };
  });
}

export type HistoryEntry = {
  id: number;
  action: string;
  occurredAt: Date;
  user: string | null;
  version: number | null;
  changes: Record<string, Change>;
  metadata: unknown;
  restorable: boolean;
};

/** Every change of a record, newest first; empty when the viewer may not see it. */
export async function recordHistory<P>(config: RecordConfig<P>, viewer: Actor, id: number, db: DbOrTx = getDb()): Promise<HistoryEntry[] | null> {
  const m = (await config.delegate(db).findUnique({ where: { id }, select: metaSelect })) as Meta | null;
  // The record's own rule (lib/db/visibility.ts): a deleted record's history only for those who may restore it.
  if (!mayOpen(viewer, m)) return null;
  const select = { id: true, action: true, occurredAt: true, version: true, changes: true, metadata: true, snapshot: true, user: { select: { name: true } } } as const;
  const events = await db.auditEvent.findMany({ where: { entityType: config.entityType, entityId: id }, orderBy: { id: "desc" }, select });
  // A CSV import is one audit event for all its records (lib/import/apply.ts):
  // the one whose id ranges hold this record is its creation.
  if (!events.some((e) => e.action === "CREATE")) {
    const importedIn = config.entityType === "WEAPON_SYSTEM" ? { type: "ARMS_TRANSFER", path: ["weaponSystems", "ids"] } : { type: config.entityType, path: ["ids"] };
    const found = await db.$queryRaw<{ id: number }[]>`
      SELECT e.id FROM "AuditEvent" e
      WHERE e.action = 'IMPORT' AND e."entityType" = ${importedIn.type}::"EntityType"
        AND EXISTS (SELECT 1 FROM jsonb_array_elements(e.metadata #> ${importedIn.path}::text[]) r
                    WHERE (r->>0)::int <= ${id} AND (r->>1)::int >= ${id})
      LIMIT 1`;
    if (found[0]) {
      const event = await db.auditEvent.findUnique({ where: { id: found[0].id }, select });
      if (event) events.push({ ...event, snapshot: null });
    }
  }
  // Each side of each diff without the linked records the viewer may not see;
  // a change that was only to those is no change for them.
  const type = await recordTypeOf(config);
  const raw = events.map((e) => (e.changes ?? {}) as Record<string, Change>);
  const sides = await redactLinks(
    db,
    viewer,
    raw.flatMap((c) => [
      { type, values: Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.before])) },
      { type, values: Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.after])) },
    ]),
  );
  const empty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);
  const entries = events.map((e, i) => {
    // "none" to "none" (a list of hidden records only, now empty) says nothing.
    const changes = Object.fromEntries(Object.entries(diffValues(sides[2 * i]!, sides[2 * i + 1]!)).filter(([, c]) => !(empty(c.before) && empty(c.after))));
    return {
      entry: {
        id: e.id,
        action: e.action,
        occurredAt: e.occurredAt,
        user: e.user?.name ?? null,
        version: e.version,
        changes,
        metadata: e.metadata,
        restorable: e.snapshot !== null && e.version !== m.version,
      },
      onlyHidden: e.action === "UPDATE" && Object.keys(raw[i]!).length > 0 && Object.keys(changes).length === 0,
    };
  });
  return entries.filter((x) => !x.onlyHidden).map((x) => x.entry);
}
