// A quote: who said it, when, about what. Its sources are its citations.
import { z } from "zod";
import { optionalIdField } from "@/lib/records/actor/schema";
import { optionalText, requiredText, visibilityField } from "@/lib/validation/common";
import { vagueDateField } from "@/lib/vague-date";

export const quoteSchema = z
  .object({
    text: requiredText(5_000, "Write what was said."),
    speakerId: optionalIdField("Choose the speaker from the list."),
    /** Who said it when that is not one actor ("the cables' conclusion"). */
    speakerLabel: optionalText(300),
    saidOn: vagueDateField(),
    context: optionalText(5_000),
    requestId: optionalIdField("Choose a request from the list."),
    concernId: optionalIdField("Choose a concern from the list."),
    transferId: optionalIdField("Choose a transfer from the list."),
    inspectionId: optionalIdField("Choose an inspection from the list."),
    visibility: visibilityField,
  })
  .strict()
  .refine((q) => q.speakerId !== null || q.speakerLabel !== null, {
    message: "Say who said it: choose an actor, or describe the speaker.",
    path: ["speakerId"],
  });

export type QuoteInput = z.input<typeof quoteSchema>;
export type QuoteData = z.output<typeof quoteSchema>;
