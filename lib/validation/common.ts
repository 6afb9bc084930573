// Building blocks of the record schemas, shared by forms and server.
import { z } from "zod";

/** Optional free text: trimmed, empty becomes null. */
export function optionalText(max: number) {
  return z
    .union([z.string(), z.null(), z.undefined()])
    .transform((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null))
    .refine((v) => v === null || v.length <= max, `Use at most ${max} characters.`);
}

export function requiredText(max: number, message = "This field is required.") {
  return z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `Use at most ${max} characters.`);
}

/** A record id chosen in a form ("12" or 12). */
export function recordIdField(message = "Choose one.") {
  return z.coerce.number({ error: message }).int(message).positive(message).max(2_147_483_647, message);
}
export const recordId = recordIdField();

export const optionalRecordId = z
  .union([recordId, z.literal(""), z.null(), z.undefined()])
  .transform((v) => (typeof v === "number" ? v : null));

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
  return z
    .union([z.enum(values, { error: message }), z.literal(""), z.null(), z.undefined()])
    .transform((v) => (v ? (v as T[number]) : null));
}

export const visibilityField = z.enum(["INTERNAL", "RESTRICTED"], { error: "Choose who may see this." }).default("INTERNAL");
