// A source (the evidence), as its form sends it.
import { z } from "zod";
import type { SourceKind, SourceReliability } from "@/lib/generated/prisma/enums";
import { isStorableText, optionalText, requiredText, visibilityField } from "@/lib/validation/common";
import { CLASSIFICATIONS } from "@/lib/records/request/schema";
import { vagueDateField } from "@/lib/vague-date";

export const SOURCE_KINDS = [
  "DIPLOMATIC_CABLE",
  "NEWS_ARTICLE",
  "REPORT",
  "OFFICIAL_STATEMENT",
  "PUBLIC_EVENT",
  "INTERVIEW",
  "OTHER",
] as const satisfies readonly SourceKind[];
export const RELIABILITY_GRADES = ["A", "B", "C", "D", "E", "F"] as const satisfies readonly SourceReliability[];

const URL_MAX = 2_000;

/**
 * An optional choice: empty or missing becomes null ("unknown"). Unlike
 * optionalEnum (lib/validation/common.ts), a wrong value gets `message`
 * rather than zod's "Invalid input".
 */
function optionalChoice<T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z
    .union([z.enum(values), z.literal(""), z.null()], { error: message }).optional()
    .transform((v) => (v ? (v as T[number]) : null));
}

/** An optional web address: http(s) only; empty means none. */
export const webAddressField = z
  .union([z.string(), z.null()], { error: "Give a full web address starting with http:// or https://." }).optional()
  .transform((value, ctx): string | null => {
    const text = typeof value === "string" ? value.trim() : "";
    if (text === "") return null;
    if (text.length > URL_MAX) {
      ctx.addIssue({ code: "custom", message: `Use at most ${URL_MAX} characters.` });
      return z.NEVER;
    }
    let url: URL | null = null;
    try {
      url = new URL(text);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname || /\s/.test(text) || !isStorableText(text)) {
      ctx.addIssue({ code: "custom", message: "Give a full web address starting with http:// or https://." });
      return z.NEVER;
    }
    return text;
  });

export const sourceSchema = z
  .object({
    kind: z.enum(SOURCE_KINDS, { error: "Choose what kind of source this is." }),
    title: requiredText(500, "Give the source a title, or describe it in [square brackets]."),
    reference: optionalText(500),
    author: optionalText(300),
    publisher: optionalText(300),
    publishedOn: vagueDateField(),
    classification: optionalChoice(CLASSIFICATIONS, "Choose a classification from the list."),
    url: webAddressField,
    excerpt: optionalText(20_000),
    reliability: optionalChoice(RELIABILITY_GRADES, "Choose a reliability grade from A to F."),
    visibility: visibilityField,
  })
  .strict();

export type SourceInput = z.input<typeof sourceSchema>;
export type SourceData = z.output<typeof sourceSchema>;
