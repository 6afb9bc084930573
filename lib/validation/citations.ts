// A citation: a source cited by one record, with the passage that supports it.
import { z } from "zod";
import { optionalText, recordIdField } from "@/lib/validation/common";

/** The record types a source can be cited for (names as the record registry spells them). */
export const CITATION_TARGETS = ["request", "concern", "transfer", "inspection", "actor", "weaponSystem", "quote"] as const;
export type CitationTarget = (typeof CITATION_TARGETS)[number];

const credibilityMessage = "Choose a credibility grade from 1 to 6.";

/** Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged); empty until graded. */
export const credibilityField = z
  .union([z.number(), z.string(), z.null()], { error: credibilityMessage }).optional()
  .transform((value, ctx): number | null => {
    if (value === null || value === undefined) return null;
    const text = typeof value === "string" ? value.trim() : value;
    if (text === "") return null;
    const n = typeof text === "number" ? text : /^\d$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 6) {
      ctx.addIssue({ code: "custom", message: credibilityMessage });
      return z.NEVER;
    }
    return n;
  });

export const citationSchema = z
  .object({
    targetType: z.enum(CITATION_TARGETS, { error: "Choose what kind of record cites the source." }),
    targetId: recordIdField("Choose the record that cites the source."),
    sourceId: recordIdField("Choose a source from the list."),
    passage: optionalText(5_000),
    credibility: credibilityField,
    note: optionalText(2_000),
  })
  .strict();

export type CitationInput = z.input<typeof citationSchema>;
export type CitationData = z.output<typeof citationSchema>;

export const removeCitationSchema = z
  .object({
    citationId: recordIdField("Choose the citation to remove."),
  })
  .strict();

export type RemoveCitationInput = z.input<typeof removeCitationSchema>;
