// Shows a form value in words, for diffs (history, conflicts).
import type { FieldSpec } from "@/lib/records/form/fields";

/** Names of linked records by lookup kind, for pickers' ids. */
export type RecordLabels = ReadonlyMap<string, ReadonlyMap<number, string>>;

export function displayValue(
  field: FieldSpec | undefined,
  value: unknown,
  countryNames: ReadonlyMap<number, string>,
  recordLabels?: RecordLabels,
): string {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return "—";
  if (field?.kind === "select") {
    return field.options.find((o) => o.value === value)?.label ?? String(value);
  }
  if (field?.kind === "country") return countryNames.get(Number(value)) ?? `#${value}`;
  if (field?.kind === "checkbox") return value ? "yes" : "no";
  if (field?.kind === "picker") {
    const ids = Array.isArray(value) ? value : [value];
    const names = recordLabels?.get(field.lookup);
    return ids.map((i) => names?.get(Number(i)) ?? `#${i}`).join("; ");
  }
  if (field?.kind === "countryRoles" && Array.isArray(value)) {
    return value
      .map((v: { countryId?: number; role?: string }) => {
        const role = field.roles.find((r) => r.value === v.role)?.label ?? v.role ?? "";
        return `${countryNames.get(Number(v.countryId)) ?? `#${v.countryId}`} (${role.toLowerCase()})`;
      })
      .join(", ");
  }
  if (Array.isArray(value)) {
    return value
      .map((v) => (typeof v === "object" && v !== null ? Object.values(v).map((x) => countryNames.get(Number(x)) ?? String(x)).join(" ") : String(v)))
      .join(", ");
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

export function fieldLabel(fields: FieldSpec[], name: string): string {
  const field = fields.find((f) => f.name === name);
  if (field) return field.label;
  // The "estimated" box beside a figure has no field of its own.
  const owner = fields.find((f) => (f.kind === "number" || f.kind === "years") && f.uncertainName === name);
  return owner ? `${owner.label}: estimated` : name;
}
