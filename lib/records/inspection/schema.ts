// An inspection (verification of end use), as its form sends it.
import { z } from "zod";
import type { InspectionStatus } from "@/lib/generated/prisma/enums";
import { optionalIdField } from "@/lib/records/actor/schema";
import { optionalText, recordIdField, visibilityField } from "@/lib/validation/common";
import { vagueDateField } from "@/lib/vague-date";

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
