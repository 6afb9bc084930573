// Shows a form value in words, for diffs (history, conflicts): every field
// by its label (lib/records/<type>/definition.ts), choices by their labels,
// countries, users and linked records by their names, vague dates as typed.
// Pure and client-safe.
import { concernStatusLabel } from "@/lib/format/labels";
import type { DatePrecision } from "@/lib/generated/prisma/enums";
import { enumOptions, type FieldSpec } from "@/lib/records/form/fields";
import { vagueDateInput } from "@/lib/vague-date";

/** Names of linked records by lookup kind, for pickers' ids. */
export type RecordLabels = ReadonlyMap<string, ReadonlyMap<number, string>>;

/** A linked record whose name the reader is not given (gone, or not theirs to see). */
export const UNNAMED_RECORD = "a record not shown";
export const UNKNOWN_COUNTRY = "an unknown country";

/**
 * What an audit event records beside the form's fields: the verification
 * (lib/records/service.ts, VERIFY) and a concern's status, which changes on
 * its own (lib/records/concern/status.ts). Shown like fields.
 */
const EVENT_FIELDS: Readonly<Record<string, readonly FieldSpec[]>> = {
  "*": [{ kind: "checkbox", name: "verified", label: "Verified" }],
  concern: [{ kind: "select", name: "status", label: "Status", options: enumOptions(concernStatusLabel) }],
};

/** The fields a history of `type` shows: its form's, then what its audit events record besides. */
export function historyFields(type: string, fields: readonly FieldSpec[]): FieldSpec[] {
  const extra = [...(EVENT_FIELDS["*"] ?? []), ...(EVENT_FIELDS[type] ?? [])].filter((e) => !fields.some((f) => f.name === e.name));
  return [...fields, ...extra];
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

export function displayValue(
  field: FieldSpec | undefined,
  value: unknown,
  countryNames: ReadonlyMap<number, string>,
  recordLabels?: RecordLabels,
): string {
  if (isEmpty(value)) return "—";
  if (field?.kind === "select") {
    return field.options.find((o) => o.value === value)?.label ?? String(value);
  }
  if (field?.kind === "country") return countryNames.get(Number(value)) ?? UNKNOWN_COUNTRY;
  if (field?.kind === "checkbox") return value ? "yes" : "no";
  if (field?.kind === "picker") {
    const ids = Array.isArray(value) ? value : [value];
    const names = recordLabels?.get(field.lookup);
    return ids.map((i) => names?.get(Number(i)) ?? UNNAMED_RECORD).join("; ");
  }
  if (field?.kind === "countryRoles" && Array.isArray(value)) {
    return value
      .map((v: { countryId?: number; role?: string }) => {
        const role = field.roles.find((r) => r.value === v.role)?.label ?? v.role ?? "";
        const country = countryNames.get(Number(v.countryId)) ?? UNKNOWN_COUNTRY;
        return role ? `${country} (${role.toLowerCase()})` : country;
      })
      .join(", ");
  }
  if ((field?.kind === "vagueDate" || field?.kind === "date") && typeof value === "object" && value !== null && "date" in value) {
    // An older event may hold a parsed vague date ({ date, precision }) rather than the text typed.
    const v = value as { date: string | null; precision?: DatePrecision | null };
    return vagueDateInput(v.date, field.kind === "date" ? "DAY" : (v.precision ?? "DAY")) || "—";
  }
  if (Array.isArray(value)) {
    return value
      .map((v) => (typeof v === "object" && v !== null ? Object.values(v).map((x) => countryNames.get(Number(x)) ?? String(x)).join(" ") : String(v)))
      .join(", ");
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

/** "someFieldName" → "Some field name": a key no field names (never expected; shown readably rather than raw). */
function words(name: string): string {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase().trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function fieldLabel(fields: readonly FieldSpec[], name: string): string {
  const field = fields.find((f) => f.name === name);
  if (field) return field.label;
  // The "estimated" box beside a figure has no field of its own.
  const owner = fields.find((f) => (f.kind === "number" || f.kind === "years") && f.uncertainName === name);
  return owner ? `${owner.label}: estimated` : words(name);
}

/** The field that shows `name`'s value: its own, or for an "estimated" box a checkbox. */
export function fieldOf(fields: readonly FieldSpec[], name: string): FieldSpec | undefined {
  const field = fields.find((f) => f.name === name);
  if (field) return field;
  const owner = fields.find((f) => (f.kind === "number" || f.kind === "years") && f.uncertainName === name);
  return owner ? { kind: "checkbox", name, label: `${owner.label}: estimated` } : undefined;
}
