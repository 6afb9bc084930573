// Building blocks of the record schemas, shared by forms and server.
import { z } from "zod";

// Optional fields go through z.preprocess so that a missing key, null and an
// empty string all mean "unknown" (null), and a wrong value still gets the
// field's own message (a z.union would answer "Invalid input").
const emptyToNull = (v: unknown) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v);

/**
 * Whether PostgreSQL can store the text: a text column refuses the NUL
 * character, and a lone UTF-16 surrogate (half of an emoji, sent by a broken
 * or hostile client) cannot be encoded as UTF-8. Either made the save fail
 * with a server error; the field now gets a message instead.
 */
export function isStorableText(text: string): boolean {
  return text.isWellFormed() && !text.includes("\u0000");
}
export const UNSTORABLE_TEXT_MESSAGE = "Remove the invalid characters (NUL or broken Unicode) from this text.";

/** Optional free text: trimmed, empty becomes null. */
export function optionalText(max: number) {
  return z.preprocess(
    (v) => (typeof v === "string" ? emptyToNull(v.trim()) : emptyToNull(v)),
    z.string({ error: "Write text here." }).max(max, `Use at most ${max} characters.`).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE).nullable(),
  );
}

export function requiredText(max: number, message = "This field is required.") {
  return z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `Use at most ${max} characters.`)
    .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);
}

/** A record id chosen in a form ("12" or 12). */
export function recordIdField(message = "Choose one.") {
  return z.coerce.number({ error: message }).int(message).positive(message).max(2_147_483_647, message);
}
export const recordId = recordIdField();

export const optionalRecordId = z.preprocess(emptyToNull, recordId.nullable());

/** A list of distinct ids, at most `max`. */
export function idList(max = 50) {
  return z
    .array(recordId, { error: "Choose from the list." })
    .max(max, `Choose at most ${max}.`)
    .default([])
    .transform((ids) => [...new Set(ids)]);
}

/** An optional enum: empty or missing becomes null ("unknown"). */
export function optionalEnum<T extends readonly [string, ...string[]]>(values: T, message = "Choose from the list.") {
  return z.preprocess(emptyToNull, z.enum(values, { error: message }).nullable());
}

export const visibilityField = z.enum(["INTERNAL", "RESTRICTED"], { error: "Choose who may see this." }).default("INTERNAL");

/**
 * An optional record id chosen in a form ("12", 12, "" or null), with a plain
 * message of its own when it is not an id. Empty means none (null).
 */
export function optionalIdField(message: string) {
  return z
    .union([recordIdField(message), z.literal(""), z.null()], { error: message }).optional()
    .transform((v) => (typeof v === "number" ? v : null));
}

/** A record's classification marking, as sources and requests state it. */
export const CLASSIFICATIONS = ["UNCLASSIFIED", "CONFIDENTIAL", "SECRET"] as const;
