// A concern, as its form sends it, and a change of its status. The status is
// not part of the form: it moves only through a status change with a note
// (lib/records/concerns.ts, changeConcernStatus).
import { z } from "zod";
import type { ConcernCategory, ConcernCountryRole, ConcernStatus, Severity } from "@/lib/generated/prisma/enums";
import { optionalIdField } from "@/lib/records/actor/schema";
import { idList, optionalText, recordIdField, requiredText, visibilityField } from "@/lib/validation/common";
import { parseVagueDate, vagueDateField } from "@/lib/vague-date";

export const CONCERN_CATEGORIES = [
  "DIVERSION",
  "PROLIFERATION",
  "END_USE",
  "REGIONAL_STABILITY",
  "HUMAN_RIGHTS",
  "OTHER",
] as const satisfies readonly ConcernCategory[];
export const SEVERITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const satisfies readonly Severity[];
export const CONCERN_STATUSES = ["OPEN", "MONITORING", "RESOLVED", "CLOSED_UNRESOLVED"] as const satisfies readonly ConcernStatus[];
export const CONCERN_COUNTRY_ROLES = ["SUPPLIER", "RECIPIENT", "AFFECTED", "RAISED_BY", "OTHER"] as const satisfies readonly ConcernCountryRole[];

/** Statuses that end a concern; moving into or out of them needs "concern:resolve". */
export const CLOSED_STATUSES: readonly ConcernStatus[] = ["RESOLVED", "CLOSED_UNRESOLVED"];

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
    status: z.enum(CONCERN_STATUSES, { error: "Choose the new status." }),
    note: requiredText(2_000, "Say why the status changes."),
  })
  .strict();

export type ConcernStatusInput = z.input<typeof concernStatusSchema>;
export type ConcernStatusData = z.output<typeof concernStatusSchema>;
