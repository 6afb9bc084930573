// The inspection (verification of end use) form, field by field.
import { visibilitySpec } from "@/lib/records/actor/fields";
import { enumOptions, VAGUE_DATE_HINT, type FieldSpec } from "@/lib/records/form/fields";
import { inspectionStatusLabel } from "@/lib/format/labels";

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
