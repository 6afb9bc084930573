// What a record form shows, field by field. Plain data, safe for the client;
// components/forms/record-form.tsx renders it. The server validates the same
// values with the type's zod schema in lib/validation/.
export type Option = { value: string; label: string };
export type LookupKind = "actor" | "concern" | "transfer" | "request" | "source" | "weaponSystem" | "inspection" | "owner";

type Base = { name: string; label: string; hint?: string; required?: boolean; wide?: boolean };

export type FieldSpec =
  | ({ kind: "text" } & Base)
  | ({ kind: "textarea"; rows?: number } & Base)
  | ({ kind: "select"; options: Option[]; emptyLabel?: string } & Base)
  | ({ kind: "vagueDate" } & Base)
  | ({ kind: "date" } & Base)
  | ({ kind: "country"; emptyLabel?: string } & Base)
  | ({ kind: "picker"; lookup: LookupKind; multiple: boolean; create?: "actor" } & Base)
  | ({ kind: "number"; uncertainName?: string } & Base)
  | ({ kind: "years"; uncertainName?: string } & Base)
  | ({ kind: "checkbox" } & Base)
  /** A list of { countryId, role } rows (a concern's countries). */
  | ({ kind: "countryRoles"; roles: Option[] } & Base)
  | { kind: "section"; name: string; label: string };

export function enumOptions<K extends string>(labels: Record<K, string>): Option[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

export const VAGUE_DATE_HINT = "YYYY, YYYY-MM or YYYY-MM-DD; leave empty when unknown.";

/** "Who may see it", the same on every record form. */
export const visibilitySpec: FieldSpec = {
  kind: "select",
  name: "visibility",
  label: "Who may see it",
  options: [
    { value: "INTERNAL", label: "Everyone signed in" },
    { value: "RESTRICTED", label: "Restricted: editors, admins and you" },
  ],
};
