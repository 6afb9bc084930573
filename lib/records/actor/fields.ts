// The actor form, field by field.
import { enumOptions, type FieldSpec } from "@/lib/records/form/fields";
import { actorKindLabel } from "@/lib/format/labels";

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

export const actorFields: FieldSpec[] = [
  { kind: "text", name: "name", label: "Name", required: true, hint: "A person, government body, organisation or armed group." },
  { kind: "select", name: "kind", label: "Kind", options: enumOptions(actorKindLabel), required: true },
  { kind: "text", name: "title", label: "Title or position", hint: "For example: Director for Disarmament and Security Affairs." },
  { kind: "text", name: "affiliation", label: "Affiliation", hint: "The ministry, agency or organisation they belong to." },
  { kind: "country", name: "countryId", label: "Country", emptyLabel: "Unknown" },
  { kind: "textarea", name: "notes", label: "Notes" },
  visibilitySpec,
];

export function emptyActorValues(): Record<string, unknown> {
  return {
    name: "",
    kind: "PERSON",
    title: "",
    affiliation: "",
    countryId: null,
    notes: "",
    visibility: "INTERNAL",
  };
}
