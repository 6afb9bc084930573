// The weapon system form, field by field.
import { visibilitySpec } from "@/lib/records/actor/fields";
import { enumOptions, type FieldSpec } from "@/lib/records/form/fields";
import { weaponCategoryLabel } from "@/lib/format/labels";

export const weaponSystemFields: FieldSpec[] = [
  { kind: "text", name: "name", label: "Name", required: true, hint: "For example: Igla-S." },
  { kind: "text", name: "designation", label: "Designation", hint: "Another name or code, such as a NATO reporting name." },
  { kind: "select", name: "category", label: "Category", options: enumOptions(weaponCategoryLabel), required: true, hint: "As arms-transfer registers group them; MANPADS has a category of its own." },
  { kind: "country", name: "originCountryId", label: "Country of origin", emptyLabel: "Unknown" },
  { kind: "textarea", name: "description", label: "Description" },
  visibilitySpec,
];

export function emptyWeaponSystemValues(): Record<string, unknown> {
  return {
    name: "",
    designation: "",
    category: null,
    description: "",
    originCountryId: null,
    visibility: "INTERNAL",
  };
}
