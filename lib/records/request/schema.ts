// A diplomatic request (lobbying attempt), as its form sends it.
import { z } from "zod";
import { idList, optionalEnum, optionalRecordId, optionalText, recordIdField, requiredText, visibilityField } from "@/lib/validation/common";
import { vagueDateField } from "@/lib/vague-date";

export const REQUEST_CHANNELS = ["CABLE", "MEETING", "DEMARCHE", "LETTER", "CALL", "PUBLIC_STATEMENT"] as const;
export const REQUEST_ASKS = ["HALT_SALE", "SUSPEND_SALE", "CANCEL_SALE", "END_USE_ASSURANCE", "INSPECTION", "INFORMATION", "OTHER"] as const;
export const REQUEST_RESPONSES = ["PENDING", "REBUFFED", "DEFLECTED", "PARTIALLY_ACCEPTED", "ACCEPTED", "NO_RESPONSE"] as const;
export const CLASSIFICATIONS = ["UNCLASSIFIED", "CONFIDENTIAL", "SECRET"] as const;

export const requestSchema = z
  .object({
    title: requiredText(300, "Give the request a short title."),
    occurredOn: vagueDateField(),
    requestingCountryId: recordIdField("Choose the requesting country."),
    targetCountryId: recordIdField("Choose the target country."),
    channel: optionalEnum(REQUEST_CHANNELS),
    ask: z.enum(REQUEST_ASKS, { error: "Choose what was asked." }),
    askDetail: optionalText(5_000),
    response: optionalEnum(REQUEST_RESPONSES),
    responseSummary: optionalText(5_000),
    classification: optionalEnum(CLASSIFICATIONS),
    visibility: visibilityField,
    followUpOfId: optionalRecordId,
    requestingActorIds: idList(),
    targetActorIds: idList(),
    concernIds: idList(),
    transferIds: idList(),
  })
  .strict()
  // Only when both countries were chosen (zod runs this even when a field failed).
  .refine((r) => !(r.requestingCountryId > 0 && r.targetCountryId > 0) || r.requestingCountryId !== r.targetCountryId, {
    message: "A country does not lobby itself: choose another target.",
    path: ["targetCountryId"],
  })
  .refine((r) => r.responseSummary === null || r.response !== null, {
    message: "Say what the response was, or leave the summary empty.",
    path: ["response"],
  });

export type RequestInput = z.input<typeof requestSchema>;
export type RequestData = z.output<typeof requestSchema>;
