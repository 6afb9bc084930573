// A new API token, as the account page's form and the action send it.
import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/validation/common";

export const API_TOKEN_MAX_DAYS = 365;

export const apiTokenCreateSchema = z.object({
  name: z
    .string({ error: "Give the token a name." })
    .trim()
    .min(1, "Give the token a name.")
    .max(100, "At most 100 characters.")
    .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
  scope: z.enum(["READ", "READ_WRITE"], { error: "Choose read-only or read and write." }),
  expiresInDays: z.coerce
    .number({ error: "Give a number of days." })
    .int("Give a whole number of days.")
    .min(1, "At least 1 day.")
    .max(API_TOKEN_MAX_DAYS, `At most ${API_TOKEN_MAX_DAYS} days.`),
});

export type ApiTokenCreateInput = z.infer<typeof apiTokenCreateSchema>;

export const apiTokenRevokeSchema = z.object({ id: z.coerce.number().int().positive() });
