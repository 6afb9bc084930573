import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EntityType } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/permissions";

export type Tx = Prisma.TransactionClient;

/** A record as its form shows it: plain JSON (dates as "2005", ids as numbers). */
export type FormValues = Record<string, unknown>;

/**
 * The Prisma delegate of a record type, narrowed to what the generic service
 * calls. Prisma's delegates share no common type, hence this small interface.
 */
export type RecordDelegate = {
  findUnique(args: { where: { id: number }; select: Record<string, boolean> }): Promise<unknown>;
  create(args: { data: Record<string, unknown>; select: { id: true } }): Promise<unknown>;
  update(args: { where: { id: number }; data: Record<string, unknown> }): Promise<unknown>;
};

export type RecordConfig<Parsed = unknown> = {
  /** Audit trail entity type. */
  entityType: EntityType;
  /** Table name in SQL (for row locks). */
  table: string;
  /** "Diplomatic request" */
  label: string;
  /** "diplomatic requests" */
  plural: string;
  /** Where the record is shown. */
  href: (id: number) => string;
  delegate: (tx: Tx | Prisma.DefaultPrismaClient) => RecordDelegate;
  /** The form's schema, shared with the client. */
  schema: z.ZodType<Parsed>;
  /** The record's own columns from parsed input. */
  columns: (data: Parsed) => Record<string, unknown>;
  /** Replaces the record's links (join rows) from parsed input. */
  writeLinks?: (tx: Tx, id: number, data: Parsed) => Promise<void>;
  /** The record as form values (also its audit snapshot); null when missing. */
  formValues: (tx: Tx | Prisma.DefaultPrismaClient, id: number) => Promise<FormValues | null>;
  /** Refuses references the actor may not use (missing, deleted or restricted records). */
  checkReferences?: (tx: Tx, actor: Actor, data: Parsed, id: number | null) => Promise<void>;
  /** Why the record may not be deleted (still used), or null; naming only what `actor` may see (see stillUsed). */
  inUse?: (tx: Tx, actor: Actor, id: number) => Promise<string | null>;
};
