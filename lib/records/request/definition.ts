// A diplomatic request (lobbying attempt), as its form sends it.
// The diplomatic request form, field by field.
import { z } from "zod";
import { CLASSIFICATIONS, idList, optionalEnum, optionalRecordId, optionalText, recordIdField, requiredText, visibilityField } from "@/lib/validation/common";
import { vagueDateField } from "@/lib/vague-date";
import { enumOptions, VAGUE_DATE_HINT, type FieldSpec } from "@/lib/records/form/fields";
import { classificationLabel, requestAskLabel, requestChannelLabel, requestResponseLabel, weaponCategoryLabel } from "@/lib/format/labels";
import { RequestResponse, WeaponCategory } from "@/lib/generated/prisma/enums";
import { defineRecordType } from "@/lib/records/define";
import { answeredBeforeAsked } from "@/lib/format/answer-wait";

export const REQUEST_CHANNELS = ["CABLE", "MEETING", "DEMARCHE", "LETTER", "CALL", "PUBLIC_STATEMENT"] as const;
export const REQUEST_ASKS = ["HALT_SALE", "SUSPEND_SALE", "CANCEL_SALE", "END_USE_ASSURANCE", "INSPECTION", "INFORMATION", "OTHER"] as const;
export const REQUEST_RESPONSES = ["PENDING", "REBUFFED", "DEFLECTED", "PARTIALLY_ACCEPTED", "ACCEPTED", "NO_RESPONSE"] as const;
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
    respondedOn: vagueDateField(),
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
  })
  // Only when both dates are known (and valid): refused when the answer's whole period ends before the request's begins.
  .refine((r) => !(r.occurredOn?.date instanceof Date && r.respondedOn?.date instanceof Date) || !answeredBeforeAsked(r.occurredOn, r.respondedOn), {
    message: "The answer cannot come before the request: check both dates.",
    path: ["respondedOn"],
  });

export type RequestInput = z.input<typeof requestSchema>;
export type RequestData = z.output<typeof requestSchema>;

export const requestFields: FieldSpec[] = [
  { kind: "text", name: "title", label: "Title", required: true, wide: true, hint: "One line: who asked whom for what." },
  { kind: "vagueDate", name: "occurredOn", label: "Date", hint: VAGUE_DATE_HINT },
  { kind: "select", name: "classification", label: "Classification of the original document", options: enumOptions(classificationLabel), emptyLabel: "Unknown" },
  { kind: "country", name: "requestingCountryId", label: "Requesting country", required: true },
  { kind: "country", name: "targetCountryId", label: "Target country", required: true },
  { kind: "picker", name: "requestingActorIds", label: "Requesting actors", lookup: "actor", multiple: true, create: "actor" },
  { kind: "picker", name: "targetActorIds", label: "Receiving actors", lookup: "actor", multiple: true, create: "actor" },
  { kind: "select", name: "channel", label: "Channel", options: enumOptions(requestChannelLabel), emptyLabel: "Not reported" },
  { kind: "select", name: "ask", label: "What was asked", options: enumOptions(requestAskLabel), required: true },
  { kind: "textarea", name: "askDetail", label: "The ask in detail" },
  { kind: "select", name: "response", label: "Response", options: enumOptions(requestResponseLabel), emptyLabel: "Unknown" },
  { kind: "vagueDate", name: "respondedOn", label: "Answered on", hint: "When the answer came, if it did: YYYY, YYYY-MM or YYYY-MM-DD; leave empty when unknown." },
  { kind: "textarea", name: "responseSummary", label: "Summary of the response" },
  { kind: "picker", name: "concernIds", label: "Concerns", lookup: "concern", multiple: true },
  { kind: "picker", name: "transferIds", label: "Arms transfers", lookup: "transfer", multiple: true },
  { kind: "picker", name: "followUpOfId", label: "Follow-up of", lookup: "request", multiple: false, hint: "The earlier request this one follows up." },
  {
    kind: "select",
    name: "visibility",
    label: "Who may see it",
    options: [
      { value: "INTERNAL", label: "Everyone signed in" },
      { value: "RESTRICTED", label: "Restricted: editors, admins and you" },
    ],
  },
];

export function emptyRequestValues(today: string): Record<string, unknown> {
  return {
    title: "",
    occurredOn: today,
    requestingCountryId: null,
    targetCountryId: null,
    channel: null,
    // No default: the analyst chooses what was asked.
    ask: null,
    askDetail: "",
    response: null,
    responseSummary: "",
    respondedOn: "",
    classification: null,
    visibility: "INTERNAL",
    followUpOfId: null,
    requestingActorIds: [],
    targetActorIds: [],
    concernIds: [],
    transferIds: [],
  };
}

/** The diplomatic request record type (lib/records/define.ts). */
export const requestDefinition = defineRecordType({
  type: "request",
  entityType: "DIPLOMATIC_REQUEST",
  table: "DiplomaticRequest",
  segment: "requests",
  label: "Diplomatic request",
  plural: "diplomatic requests",
  schema: requestSchema,
  fields: requestFields,
  emptyValues: (today) => emptyRequestValues(today),
  list: {
    enums: { response: RequestResponse, weapon: WeaponCategory },
    links: { actor: "actor", requestingActor: "actor", targetActor: "actor", concern: "concern", transfer: "transfer", followUpOf: "request" },
    // concerning=XX: neither made nor received by XX, but linked to a transfer
    // or a concern about XX (lib/db/country-page.ts requestsConcerningSql).
    sides: { requestedBy: "requesting country", askedOf: "country asked", concerning: "country concerned" },
    search: true,
    country: true,
    region: false,
    dates: true,
    verification: true,
    deletable: true,
    sorts: { date: "desc", title: "asc", response: "asc", ask: "asc" },
    defaultSort: "date",
    page: {
      title: "Diplomatic requests",
      intro: "Every lobbying attempt (démarche) about an arms sale: who asked whom, for what, and the answer.",
      plural: "diplomatic requests",
      search: { label: "Search requests", hint: "Titles, asks and answers, and the quotes and cited passages of each request." },
      country: "Country (requesting or target)",
      enums: {
        response: { label: "Response", any: "Any response", labels: requestResponseLabel },
        weapon: { label: "Weapon category (of the transfers)", any: "Any weapon category", labels: weaponCategoryLabel },
      },
      dates: "Date",
      importLink: "Import requests from CSV",
    },
  },
  displayName: (r: { title: string }) => r.title,
});
