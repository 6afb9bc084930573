// A quote: who said it, when, about what. Its sources are its citations.
// The quote form, field by field: who said it, when, and what it is about.
import { z } from "zod";
import { optionalIdField, optionalText, requiredText, visibilityField } from "@/lib/validation/common";
import { vagueDateField } from "@/lib/vague-date";
import { type FieldSpec, VAGUE_DATE_HINT, visibilitySpec } from "@/lib/records/form/fields";
import { defineRecordType } from "@/lib/records/define";

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

const QUOTE_NAME_LENGTH = 80;

/** "Antonov: “We are not going to …”", a quote's one name: its speaker and its opening words. */
export function quoteName(q: { text: string; speaker?: { name: string } | null; speakerLabel?: string | null }): string {
  const text = q.text.length > QUOTE_NAME_LENGTH ? `${q.text.slice(0, QUOTE_NAME_LENGTH - 1).trimEnd()}…` : q.text;
  const who = q.speaker?.name ?? q.speakerLabel;
  return who ? `${who}: “${text}”` : `“${text}”`;
}

/** The quote record type (lib/records/define.ts). */
export const quoteDefinition = defineRecordType({
  type: "quote",
  entityType: "QUOTE",
  table: "Quote",
  segment: "quotes",
  label: "Quote",
  plural: "quotes",
  schema: quoteSchema,
  fields: quoteFieldSpecs,
  emptyValues: () => emptyQuoteValues(),
  list: null,
  displayName: quoteName,
});
