// A weapon system, as its form sends it.
import { z } from "zod";
import type { WeaponCategory } from "@/lib/generated/prisma/enums";
import { optionalIdField } from "@/lib/records/actor/schema";
import { optionalText, requiredText, visibilityField } from "@/lib/validation/common";

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
