// An inspection (verification of end use), as its form sends it.
// The inspection (verification of end use) form, field by field.
import { z } from "zod";
import { optionalIdField, optionalText, recordIdField, visibilityField } from "@/lib/validation/common";
import { vagueDateField } from "@/lib/vague-date";
import { enumOptions, type FieldSpec, VAGUE_DATE_HINT, visibilitySpec } from "@/lib/records/form/fields";
import { inspectionStatusLabel } from "@/lib/format/labels";
import { InspectionStatus } from "@/lib/generated/prisma/enums";
import { defineRecordType } from "@/lib/records/define";

export const INSPECTION_STATUSES = [
  "NO_RIGHT",
  "RIGHT_ASSERTED",
  "SCHEDULED",
  "CONDUCTED",
  "REFUSED",
  "OVERDUE",
] as const satisfies readonly InspectionStatus[];

export const inspectionSchema = z
  .object({
    transferId: optionalIdField("Choose a transfer from the list."),
    weaponSystemId: optionalIdField("Choose a weapon system from the list."),
    hostCountryId: recordIdField("Choose the host country."),
    inspectingCountryId: optionalIdField("Choose the inspecting country from the list."),
    inspectingParty: optionalText(300),
    basis: optionalText(2_000),
    status: z.enum(INSPECTION_STATUSES, { error: "Choose the inspection's status." }),
    assertedOn: vagueDateField(),
    // A scheduled inspection may lie ahead.
    scheduledOn: vagueDateField({ allowFuture: true }),
    conductedOn: vagueDateField(),
    findings: optionalText(20_000),
    visibility: visibilityField,
  })
  .strict()
  .refine((i) => i.conductedOn === null || i.status === "CONDUCTED", {
    message: "Only a conducted inspection has a date it was conducted: set the status to Conducted, or leave this date empty.",
    path: ["conductedOn"],
  });

export type InspectionInput = z.input<typeof inspectionSchema>;
export type InspectionData = z.output<typeof inspectionSchema>;

export const inspectionFields: FieldSpec[] = [
  { kind: "select", name: "status", label: "Status", options: enumOptions(inspectionStatusLabel), required: true },
  { kind: "country", name: "hostCountryId", label: "Host country", required: true, hint: "Where the weapons are to be inspected." },
  { kind: "country", name: "inspectingCountryId", label: "Inspecting country", emptyLabel: "Unknown" },
  { kind: "text", name: "inspectingParty", label: "Inspecting party", hint: "Who inspects, when not a country, or in more detail." },
  { kind: "picker", name: "transferId", label: "Arms transfer", lookup: "transfer", multiple: false, hint: "The deal whose weapons are inspected." },
  { kind: "picker", name: "weaponSystemId", label: "Weapon system", lookup: "weaponSystem", multiple: false },
  { kind: "textarea", name: "basis", label: "Basis", hint: "For example: a claimed right to surprise inspections." },
  { kind: "vagueDate", name: "assertedOn", label: "Right asserted on", hint: VAGUE_DATE_HINT },
  { kind: "vagueDate", name: "scheduledOn", label: "Scheduled for", hint: "May lie ahead. " + VAGUE_DATE_HINT },
  { kind: "vagueDate", name: "conductedOn", label: "Conducted on", hint: "Only for a conducted inspection. " + VAGUE_DATE_HINT },
  { kind: "textarea", name: "findings", label: "Findings" },
  visibilitySpec,
];

export function emptyInspectionValues(): Record<string, unknown> {
  return {
    transferId: null,
    weaponSystemId: null,
    hostCountryId: null,
    inspectingCountryId: null,
    inspectingParty: "",
    basis: "",
    status: null,
    assertedOn: "",
    scheduledOn: "",
    conductedOn: "",
    findings: "",
    visibility: "INTERNAL",
  };
}

/** "Inspection in Venezuela by Russia: Igla-S", an inspection's one name (titles, links, pickers, exports). */
export function inspectionName(i: {
  hostCountry: { name: string };
  inspectingCountry?: { name: string } | null;
  inspectingParty?: string | null;
  weaponSystem?: { name: string } | null;
}): string {
  const by = i.inspectingCountry?.name ?? i.inspectingParty;
  return `Inspection in ${i.hostCountry.name}${by ? ` by ${by}` : ""}${i.weaponSystem ? `: ${i.weaponSystem.name}` : ""}`;
}

/** The inspection record type (lib/records/define.ts). */
export const inspectionDefinition = defineRecordType({
  type: "inspection",
  entityType: "INSPECTION",
  table: "Inspection",
  segment: "inspections",
  label: "Inspection",
  plural: "inspections",
  schema: inspectionSchema,
  fields: inspectionFields,
  emptyValues: () => emptyInspectionValues(),
  list: {
    enums: { status: InspectionStatus },
    links: { transfer: "transfer", weaponSystem: "weapon system", concern: "concern" },
    sides: { host: "host country", inspectedBy: "inspecting country" },
    search: true,
    country: true,
    region: false,
    dates: true,
    verification: true,
    deletable: true,
    sorts: { asserted: "desc", scheduled: "desc", status: "asc" },
    defaultSort: "asserted",
    page: {
      title: "Inspections",
      intro: "Verification of end use: which inspections were claimed, promised, scheduled, done or refused.",
      plural: "inspections",
      search: { label: "Search inspections", hint: "Basis, findings and inspecting party." },
      country: "Country (host or inspecting)",
      enums: {
        status: { label: "Status", any: "Any status", labels: inspectionStatusLabel },
      },
      dates: "Asserted or scheduled",
    },
  },
  displayName: inspectionName,
});
