import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EntityType } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/permissions";
import type { RecordDefinition } from "@/lib/records/define";
import { fieldColumns, fieldValues } from "@/lib/records/form/columns";

export type Tx = Prisma.TransactionClient;

/** A record as its form shows it: plain JSON (dates as "2005", ids as numbers). */
export type FormValues = Record<string, unknown>;

/**
 * The Prisma delegate of a record type, narrowed to what the generic service
 * calls. Prisma's delegates share no common type, hence this small interface.
 */
export type RecordDelegate = {
  findUnique(args: { where: { id: number }; select?: Record<string, boolean> }): Promise<unknown>;
  create(args: { data: Record<string, unknown>; select: { id: true } }): Promise<unknown>;
  update(args: { where: { id: number }; data: Record<string, unknown> }): Promise<unknown>;
};

export type RecordConfig<Parsed = unknown> = {
  /** The record service's name of the type ("weaponSystem"). */
  type: string;
  /** Its one definition (lib/records/<type>/definition.ts). */
  definition: RecordDefinition;
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

type Db = Tx | Prisma.DefaultPrismaClient;

/** What a type's service adds to its definition: how its rows are reached, its links, its reference checks. */
export type RecordServiceParts<Parsed> = {
  delegate: (tx: Db) => RecordDelegate;
  /** The record's own columns; by default from its field specs (lib/records/form/columns.ts). */
  columns?: (data: Parsed) => Record<string, unknown>;
  /** The form values of its join tables (multiple pickers, country lists), which the row does not hold. */
  linkValues?: (tx: Db, id: number) => Promise<FormValues>;
  writeLinks?: RecordConfig<Parsed>["writeLinks"];
  /** The record as form values; by default its row's columns by its field specs, plus linkValues. */
  formValues?: RecordConfig<Parsed>["formValues"];
  checkReferences?: RecordConfig<Parsed>["checkReferences"];
  inUse?: RecordConfig<Parsed>["inUse"];
};

/**
 * A type's service config, from its definition: names, route, table and
 * schema come from the definition; columns and form values from its field
 * specs unless the service gives its own.
 */
export function defineRecordService<D extends RecordDefinition>(
  definition: D,
  parts: RecordServiceParts<z.output<D["schema"]>>,
): RecordConfig<z.output<D["schema"]>> & { type: D["type"] } {
  const { delegate, linkValues, columns, formValues, ...rest } = parts;
  return {
    type: definition.type as D["type"],
    definition,
    entityType: definition.entityType,
    table: definition.table,
    label: definition.label,
    plural: definition.plural,
    href: (id) => `/${definition.segment}/${id}`,
    delegate,
    schema: definition.schema as z.ZodType<z.output<D["schema"]>>,
    columns: columns ?? ((data) => fieldColumns(definition.fields, data as Record<string, unknown>)),
    formValues:
      formValues ??
      (async (tx, id) => {
        const row = (await delegate(tx).findUnique({ where: { id }, select: undefined as never })) as Record<string, unknown> | null;
        if (!row) return null;
        return { ...fieldValues(definition.fields, row), ...(linkValues ? await linkValues(tx, id) : {}) };
      }),
    ...rest,
  };
}
