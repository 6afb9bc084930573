// The concern form, field by field. The status is not here: it changes only
// through a status change with a note.
import { enumOptions, VAGUE_DATE_HINT, type FieldSpec } from "@/lib/records/form/fields";
import { concernCategoryLabel, concernCountryRoleLabel, severityLabel } from "@/lib/format/labels";

export const concernFields: FieldSpec[] = [
  { kind: "text", name: "title", label: "Title", required: true, wide: true },
  { kind: "textarea", name: "summary", label: "Summary", rows: 4 },
  { kind: "select", name: "category", label: "Category", options: enumOptions(concernCategoryLabel), required: true },
  { kind: "select", name: "severity", label: "Severity", options: enumOptions(severityLabel), required: true },
  { kind: "picker", name: "ownerId", label: "Owner", lookup: "owner", multiple: false, hint: "Who follows this concern." },
  { kind: "date", name: "nextReviewOn", label: "Next review", hint: "A concern past this date is shown as overdue for review." },
  { kind: "vagueDate", name: "openedOn", label: "Open since", hint: VAGUE_DATE_HINT },
  {
    kind: "select",
    name: "visibility",
    label: "Who may see it",
    options: [
      { value: "INTERNAL", label: "Everyone signed in" },
      { value: "RESTRICTED", label: "Restricted: editors, admins and you" },
    ],
  },
  { kind: "countryRoles", name: "countries", label: "Countries", roles: enumOptions(concernCountryRoleLabel) },
  { kind: "picker", name: "transferIds", label: "Arms transfers", lookup: "transfer", multiple: true },
];

export function emptyConcernValues(today: string): Record<string, unknown> {
  return {
    title: "",
    summary: "",
    category: "DIVERSION",
    severity: "MEDIUM",
    ownerId: null,
    nextReviewOn: "",
    openedOn: today,
    visibility: "INTERNAL",
    countries: [],
    transferIds: [],
  };
}
