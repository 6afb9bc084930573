// The quote form, field by field: who said it, when, and what it is about.
import { visibilitySpec } from "@/lib/records/actor/fields";
import { VAGUE_DATE_HINT, type FieldSpec } from "@/lib/records/form/fields";

export const quoteFieldSpecs: FieldSpec[] = [
  { kind: "textarea", name: "text", label: "What was said", required: true, hint: "Word for word, as the source gives it." },
  { kind: "picker", name: "speakerId", label: "Speaker", lookup: "actor", multiple: false, create: "actor" },
  { kind: "text", name: "speakerLabel", label: "Speaker, described", hint: "When the speaker is not one actor, e.g. “the cables' conclusion”. Give a speaker or a description." },
  { kind: "vagueDate", name: "saidOn", label: "Said on", hint: VAGUE_DATE_HINT },
  { kind: "textarea", name: "context", label: "Context" },
  { kind: "section", name: "about", label: "What it is about" },
  { kind: "picker", name: "requestId", label: "Diplomatic request", lookup: "request", multiple: false },
  { kind: "picker", name: "concernId", label: "Concern", lookup: "concern", multiple: false },
  { kind: "picker", name: "transferId", label: "Arms transfer", lookup: "transfer", multiple: false },
  { kind: "picker", name: "inspectionId", label: "Inspection", lookup: "inspection", multiple: false },
  visibilitySpec,
];

export type QuotePrefill = Partial<Record<"speakerId" | "requestId" | "concernId" | "transferId" | "inspectionId", number | null>>;

/** An empty quote; `about` pre-fills the speaker and what it is about (from a record's page). */
export function emptyQuoteValues(about: QuotePrefill = {}): Record<string, unknown> {
  return {
    text: "",
    speakerId: about.speakerId ?? null,
    speakerLabel: "",
    saidOn: "",
    context: "",
    requestId: about.requestId ?? null,
    concernId: about.concernId ?? null,
    transferId: about.transferId ?? null,
    inspectionId: about.inspectionId ?? null,
    visibility: "INTERNAL",
  };
}
