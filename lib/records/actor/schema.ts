// An actor (person, government body, organisation or armed group), as its
// form sends it.
import { z } from "zod";
import type { ActorKind } from "@/lib/generated/prisma/enums";
import { optionalText, recordIdField, requiredText, visibilityField } from "@/lib/validation/common";

export const ACTOR_KINDS = ["PERSON", "GOVERNMENT_BODY", "ORGANISATION", "ARMED_GROUP"] as const satisfies readonly ActorKind[];

/**
 * An optional record id chosen in a form ("12", 12, "" or null), with a plain
 * message of its own when it is not an id. Empty means none (null).
 */
export function optionalIdField(message: string) {
  return z
    .union([recordIdField(message), z.literal(""), z.null()], { error: message }).optional()
    .transform((v) => (typeof v === "number" ? v : null));
}

export const actorSchema = z
  .object({
    name: requiredText(300, "Give the actor's name."),
    kind: z.enum(ACTOR_KINDS, { error: "Choose what kind of actor this is." }),
    title: optionalText(300),
    affiliation: optionalText(300),
    countryId: optionalIdField("Choose a country from the list."),
    notes: optionalText(10_000),
    visibility: visibilityField,
  })
  .strict();

export type ActorInput = z.input<typeof actorSchema>;
export type ActorData = z.output<typeof actorSchema>;
