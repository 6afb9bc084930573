// An arms transfer (a deal), as its form sends it. Every figure may be
// unknown (empty) and carries an "estimated" flag, as registers mark them.
// The arms transfer form, field by field. Every figure may stay empty
// (unknown) and has an "estimated" box, as registers mark uncertain figures.
import { z } from "zod";
import { optionalIdField, optionalText, recordIdField, visibilityField } from "@/lib/validation/common";
import { enumOptions, type FieldSpec, visibilitySpec } from "@/lib/records/form/fields";
import { transferStatusLabel, weaponCategoryLabel } from "@/lib/format/labels";
import { TransferStatus, WeaponCategory } from "@/lib/generated/prisma/enums";
import { defineRecordType } from "@/lib/records/define";

export const TRANSFER_STATUSES = ["REPORTED", "ORDERED", "IN_DELIVERY", "DELIVERED", "SUSPENDED", "CANCELLED"] as const satisfies readonly TransferStatus[];

export const MAX_UNITS = 10_000_000;
export const FIRST_YEAR = 1900;

/** The current year, read at validation time (not when the module loads). */
const thisYear = () => new Date().getUTCFullYear();

/** A checkbox: true, or "on"/"true" as a plain form sends it; anything empty is false. */
export const flagField = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal(""), z.null()], {
    error: "Tick the box or leave it empty.",
  })
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** A whole number typed in a form ("1,200", 1200); null when unknown, empty. */
function wholeNumber(value: unknown): number | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isInteger(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim().replace(/[,\s]/g, "");
  if (text === "") return null;
  return /^\d{1,12}$/.test(text) ? Number(text) : undefined;
}

/** An optional number of units: 0 to 10,000,000; empty means unknown. */
export function unitsField(message = `Write a whole number from 0 to ${MAX_UNITS.toLocaleString("en-US")}, or leave it empty if unknown.`) {
  return z.union([z.number(), z.string(), z.null()], { error: message }).optional().transform((value, ctx): number | null => {
    const n = wholeNumber(value);
    if (n === null) return null;
    if (n === undefined || n < 0 || n > MAX_UNITS) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return n;
  });
}

function yearMessage() {
  return `Write a year from ${FIRST_YEAR} to ${thisYear()}, or leave it empty if unknown.`;
}

/** An optional year from 1900 to this year; empty means unknown. */
export function yearField() {
  return z.union([z.number(), z.string(), z.null()], { error: "Write a year, or leave it empty if unknown." }).optional().transform((value, ctx): number | null => {
    const n = wholeNumber(value);
    if (n === null) return null;
    if (n === undefined || n < FIRST_YEAR || n > thisYear()) {
      ctx.addIssue({ code: "custom", message: yearMessage() });
      return z.NEVER;
    }
    return n;
  });
}

/**
 * Years as a list ([2009, 2010]) or as typed ("2009, 2010"); stored sorted
 * and without repeats. Empty means unknown.
 */
export function yearListField() {
  const message = () => `Write each year from ${FIRST_YEAR} to ${thisYear()}, separated by commas, or leave it empty if unknown.`;
  return z
    .union([z.array(z.union([z.number(), z.string()])), z.string(), z.null()], { error: "Write the years separated by commas." }).optional()
    .transform((value, ctx): number[] => {
      if (value === null || value === undefined) return [];
      const items = typeof value === "string" ? value.split(/[\s,;]+/).filter((s) => s !== "") : value;
      const years: number[] = [];
      for (const item of items) {
        const n = typeof item === "string" && item.trim() === "" ? undefined : wholeNumber(item);
        if (n === null || n === undefined || n < FIRST_YEAR || n > thisYear()) {
          ctx.addIssue({ code: "custom", message: message() });
          return z.NEVER;
        }
        years.push(n);
      }
      if (years.length > 200) {
        ctx.addIssue({ code: "custom", message: "List at most 200 years." });
        return z.NEVER;
      }
      return [...new Set(years)].sort((a, b) => a - b);
    });
}

export const transferSchema = z
  .object({
    supplierId: recordIdField("Choose the supplier country."),
    recipientId: recordIdField("Choose the recipient country."),
    weaponSystemId: optionalIdField("Choose a weapon system from the list."),
    status: z.enum(TRANSFER_STATUSES, { error: "Choose the transfer's status." }),
    numberOrdered: unitsField(),
    numberOrderedUncertain: flagField,
    numberDelivered: unitsField(),
    numberDeliveredUncertain: flagField,
    orderYear: yearField(),
    orderYearUncertain: flagField,
    deliveryYears: yearListField(),
    deliveryYearsUncertain: flagField,
    comments: optionalText(10_000),
    visibility: visibilityField,
  })
  .strict()
  // Only when both countries were chosen (zod runs this even when a field failed).
  .refine((t) => !(t.supplierId > 0 && t.recipientId > 0) || t.supplierId !== t.recipientId, {
    message: "A country does not sell arms to itself: choose another recipient.",
    path: ["recipientId"],
  })
  .refine(
    (t) =>
      t.numberOrdered === null ||
      t.numberDelivered === null ||
      t.numberDelivered <= t.numberOrdered ||
      t.numberOrderedUncertain ||
      t.numberDeliveredUncertain,
    {
      message: "More delivered than ordered: correct the numbers, or mark one of them as estimated.",
      path: ["numberDelivered"],
    },
  )
  .refine(
    (t) =>
      t.orderYear === null ||
      t.deliveryYears.length === 0 ||
      t.deliveryYears[0]! >= t.orderYear ||
      t.orderYearUncertain ||
      t.deliveryYearsUncertain,
    {
      message: "Deliveries cannot come before the order year: correct the years, or mark them as estimated.",
      path: ["deliveryYears"],
    },
  );

export type TransferInput = z.input<typeof transferSchema>;
export type TransferData = z.output<typeof transferSchema>;

const UNKNOWN_HINT = "Leave empty when unknown; tick “estimated” for an uncertain figure.";

export const transferFields: FieldSpec[] = [
  { kind: "country", name: "supplierId", label: "Supplier country", required: true },
  { kind: "country", name: "recipientId", label: "Recipient country", required: true },
  { kind: "picker", name: "weaponSystemId", label: "Weapon system", lookup: "weaponSystem", multiple: false, hint: "Leave empty when unknown." },
  { kind: "select", name: "status", label: "Status", options: enumOptions(transferStatusLabel), required: true },
  { kind: "number", name: "numberOrdered", label: "Number ordered", uncertainName: "numberOrderedUncertain", hint: UNKNOWN_HINT },
  { kind: "number", name: "numberDelivered", label: "Number delivered", uncertainName: "numberDeliveredUncertain", hint: UNKNOWN_HINT },
  { kind: "number", name: "orderYear", label: "Year of order", uncertainName: "orderYearUncertain", hint: UNKNOWN_HINT },
  { kind: "years", name: "deliveryYears", label: "Years of delivery", uncertainName: "deliveryYearsUncertain", hint: "Separate years with commas. " + UNKNOWN_HINT },
  { kind: "textarea", name: "comments", label: "Comments", hint: "What the sources say about the deal, and what is not known." },
  visibilitySpec,
];

export function emptyTransferValues(): Record<string, unknown> {
  return {
    supplierId: null,
    recipientId: null,
    weaponSystemId: null,
    status: "REPORTED",
    numberOrdered: null,
    numberOrderedUncertain: false,
    numberDelivered: null,
    numberDeliveredUncertain: false,
    orderYear: null,
    orderYearUncertain: false,
    deliveryYears: [],
    deliveryYearsUncertain: false,
    comments: "",
    visibility: "INTERNAL",
  };
}

/** "Russia to Venezuela: Igla-S", a transfer's one name (titles, links, pickers, exports). */
export function transferName(t: {
  supplier: { name: string };
  recipient: { name: string };
  weaponSystem?: { name: string } | null;
  /** The weapon system's id as the transfer row holds it: set while `weaponSystem` is null, it is one the reader may not see. */
  weaponSystemId?: number | null;
  /** A weapon system is named but the reader may not see it. */
  weaponSystemHidden?: boolean;
}): string {
  const hidden = t.weaponSystemHidden ?? (t.weaponSystemId !== undefined && t.weaponSystemId !== null);
  const weapon = t.weaponSystem?.name ?? (hidden ? "weapon system not shown" : "weapon system unknown");
  return `${t.supplier.name} to ${t.recipient.name}: ${weapon}`;
}

/** The transfer record type (lib/records/define.ts). */
export const transferDefinition = defineRecordType({
  type: "transfer",
  entityType: "ARMS_TRANSFER",
  table: "ArmsTransfer",
  segment: "transfers",
  label: "Transfer",
  plural: "transfers",
  schema: transferSchema,
  fields: transferFields,
  emptyValues: () => emptyTransferValues(),
  list: {
    enums: { status: TransferStatus, weapon: WeaponCategory },
    links: { weaponSystem: "weapon system", concern: "concern", request: "request" },
    sides: { supplier: "supplier", recipient: "recipient" },
    search: true,
    country: true,
    region: false,
    dates: true,
    verification: true,
    deletable: true,
    sorts: { year: "desc", status: "asc", added: "desc" },
    defaultSort: "year",
    page: {
      title: "Arms transfers",
      intro: "Deals as arms-transfer registers record them: supplier, recipient, weapon system, numbers and years (estimates marked).",
      plural: "arms transfers",
      search: { label: "Search transfers", hint: "The transfers’ comments." },
      country: "Country (supplier or recipient)",
      enums: {
        status: { label: "Status", any: "Any status", labels: transferStatusLabel },
        weapon: { label: "Weapon category", any: "Any weapon category", labels: weaponCategoryLabel },
      },
      dates: "Year of order",
      importLink: "Import transfers from a CSV register",
    },
  },
  displayName: transferName,
});
