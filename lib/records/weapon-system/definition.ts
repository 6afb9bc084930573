// A weapon system, as its form sends it.
// The weapon system form, field by field.
import { z } from "zod";
import { optionalIdField, optionalText, requiredText, visibilityField } from "@/lib/validation/common";
import { enumOptions, type FieldSpec, visibilitySpec } from "@/lib/records/form/fields";
import { weaponCategoryLabel } from "@/lib/format/labels";
import { WeaponCategory } from "@/lib/generated/prisma/enums";
import { defineRecordType } from "@/lib/records/define";

export const WEAPON_CATEGORIES = [
  "AIRCRAFT",
  "AIR_DEFENCE_SYSTEMS",
  "MANPADS",
  "ARMOURED_VEHICLES",
  "ARTILLERY",
  "MISSILES",
  "SHIPS",
  "SMALL_ARMS_LIGHT_WEAPONS",
  "SENSORS",
  "OTHER",
] as const satisfies readonly WeaponCategory[];

export const weaponSystemSchema = z
  .object({
    name: requiredText(300, "Give the weapon system's name."),
    designation: optionalText(300),
    category: z.enum(WEAPON_CATEGORIES, { error: "Choose a category." }),
    description: optionalText(10_000),
    originCountryId: optionalIdField("Choose the country of origin from the list."),
    visibility: visibilityField,
  })
  .strict();

export type WeaponSystemInput = z.input<typeof weaponSystemSchema>;
export type WeaponSystemData = z.output<typeof weaponSystemSchema>;

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

/** The weapon system record type (lib/records/define.ts). */
export const weaponSystemDefinition = defineRecordType({
  type: "weaponSystem",
  entityType: "WEAPON_SYSTEM",
  table: "WeaponSystem",
  segment: "weapon-systems",
  label: "Weapon system",
  plural: "weapon systems",
  schema: weaponSystemSchema,
  fields: weaponSystemFields,
  emptyValues: () => emptyWeaponSystemValues(),
  list: {
    enums: { weapon: WeaponCategory },
    links: {},
    sides: {},
    search: true,
    country: true,
    region: false,
    dates: false,
    verification: true,
    deletable: true,
    sorts: { name: "asc", category: "asc" },
    defaultSort: "name",
    page: {
      title: "Weapon systems",
      intro: "Weapon systems by register category, MANPADS on their own, with their country of origin.",
      plural: "weapon systems",
      search: { label: "Search weapon systems", hint: "Name, designation and description." },
      country: "Country of origin",
      enums: {
        weapon: { label: "Category", any: "Any category", labels: weaponCategoryLabel },
      },
    },
  },
  displayName: (w: { name: string }) => w.name,
});
