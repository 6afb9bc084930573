// A concern, as its form sends it, and a change of its status. The status is
// not part of the form: it moves only through a status change with a note
// (lib/records/concern/service.ts, changeConcernStatus), by the rules of
// lib/records/concern/status.ts.
import { z } from "zod";
import { idList, optionalIdField, optionalText, recordIdField, requiredText, visibilityField } from "@/lib/validation/common";
import { parseVagueDate, vagueDateField } from "@/lib/vague-date";
import { enumOptions, VAGUE_DATE_HINT, type FieldSpec } from "@/lib/records/form/fields";
import { concernCategoryLabel, concernCountryRoleLabel, concernStatusLabel, severityLabel } from "@/lib/format/labels";
import { CONCERN_STATUSES, STATUS_MESSAGE, statusNoteField } from "@/lib/records/concern/status";
import { ConcernCategory, type ConcernCountryRole, ConcernStatus, Severity } from "@/lib/generated/prisma/enums";
import { defineRecordType } from "@/lib/records/define";

export const CONCERN_CATEGORIES = [
  "DIVERSION",
  "PROLIFERATION",
  "END_USE",
  "REGIONAL_STABILITY",
  "HUMAN_RIGHTS",
  "OTHER",
] as const satisfies readonly ConcernCategory[];
export const SEVERITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const satisfies readonly Severity[];
export const CONCERN_COUNTRY_ROLES = ["SUPPLIER", "RECIPIENT", "AFFECTED", "RAISED_BY", "OTHER"] as const satisfies readonly ConcernCountryRole[];

// The statuses and their rules live with the lifecycle.
export { CLOSED_STATUSES, CONCERN_STATUSES } from "@/lib/records/concern/status";

/** An optional calendar day, "YYYY-MM-DD" (it may lie in the future); empty means none. */
export function dayDateField(message = "Write the date as YYYY-MM-DD.") {
  return z.union([z.string(), z.null()], { error: message }).optional().transform((value, ctx): Date | null => {
    if (value === null || value === undefined || value.trim() === "") return null;
    const parsed = parseVagueDate(value);
    if (!parsed || parsed.precision !== "DAY") {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return parsed.date;
  });
}

/** A day date back to the text its form field shows. */
export function dayDateInput(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

const concernCountry = z
  .object({
    countryId: recordIdField("Choose a country from the list."),
    role: z.enum(CONCERN_COUNTRY_ROLES, { error: "Choose how the country is involved." }),
  })
  .strict();

export const concernSchema = z
  .object({
    title: requiredText(300, "Give the concern a short title."),
    summary: optionalText(10_000),
    category: z.enum(CONCERN_CATEGORIES, { error: "Choose a category." }),
    severity: z.enum(SEVERITIES, { error: "Choose how severe the concern is." }),
    ownerId: optionalIdField("Choose the owner from the list."),
    nextReviewOn: dayDateField("Write the next review date as YYYY-MM-DD."),
    openedOn: vagueDateField(),
    visibility: visibilityField,
    countries: z
      .array(concernCountry, { error: "Choose countries from the list." })
      .max(50, "Choose at most 50 countries.")
      .default([])
      .transform((links) => {
        // One row per country and role.
        const seen = new Set<string>();
        return links.filter((l) => {
          const key = `${l.countryId}:${l.role}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
      }),
    transferIds: idList(),
  })
  .strict();

export type ConcernInput = z.input<typeof concernSchema>;
export type ConcernData = z.output<typeof concernSchema>;

export const concernStatusSchema = z
  .object({
    status: z.enum(CONCERN_STATUSES, { error: STATUS_MESSAGE }),
    note: statusNoteField,
  })
  .strict();

export type ConcernStatusInput = z.input<typeof concernStatusSchema>;
export type ConcernStatusData = z.output<typeof concernStatusSchema>;

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

/** The concern record type (lib/records/define.ts). */
export const concernDefinition = defineRecordType({
  type: "concern",
  entityType: "CONCERN",
  table: "Concern",
  segment: "concerns",
  label: "Concern",
  plural: "concerns",
  schema: concernSchema,
  fields: concernFields,
  emptyValues: (today) => emptyConcernValues(today),
  list: {
    enums: { status: ConcernStatus, severity: Severity, category: ConcernCategory },
    links: { transfer: "transfer", request: "request" },
    sides: {},
    search: true,
    country: true,
    region: false,
    dates: true,
    verification: true,
    deletable: true,
    sorts: { opened: "desc", title: "asc", severity: "desc", status: "asc", review: "asc" },
    defaultSort: "opened",
    page: {
      title: "Concerns",
      intro: "What worries the monitors about arms transfers, from opening to resolution.",
      plural: "concerns",
      search: { label: "Search concerns", hint: "Titles, summaries and resolution notes, the concerns’ quotes and cited passages, and the quotes of their requests." },
      country: "Country",
      enums: {
        status: { label: "Status", any: "Any status", labels: concernStatusLabel, combined: [{ value: "OPEN,MONITORING", label: "Unresolved (open or monitoring)" }] },
        severity: { label: "Severity", any: "Any severity", labels: severityLabel },
        category: { label: "Category", any: "Any category", labels: concernCategoryLabel },
      },
      dates: "Opened",
    },
  },
  displayName: (c: { title: string }) => c.title,
});
