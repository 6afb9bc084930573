// The diplomatic request form, field by field.
import { enumOptions, VAGUE_DATE_HINT, type FieldSpec } from "@/lib/records/form/fields";
import { classificationLabel, requestAskLabel, requestChannelLabel, requestResponseLabel } from "@/lib/format/labels";

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
    ask: "HALT_SALE",
    askDetail: "",
    response: null,
    responseSummary: "",
    classification: null,
    visibility: "INTERNAL",
    followUpOfId: null,
    requestingActorIds: [],
    targetActorIds: [],
    concernIds: [],
    transferIds: [],
  };
}
