// The source form, field by field, and the grading words analysts use
// (source reliability A-F, information credibility 1-6).
import { visibilitySpec } from "@/lib/records/actor/fields";
import { enumOptions, VAGUE_DATE_HINT, type FieldSpec, type Option } from "@/lib/records/form/fields";
import { classificationLabel, sourceKindLabel } from "@/lib/format/labels";
import type { SourceReliability } from "@/lib/generated/prisma/enums";

export const reliabilityLabel: Record<SourceReliability, string> = {
  A: "A: completely reliable",
  B: "B: usually reliable",
  C: "C: fairly reliable",
  D: "D: not usually reliable",
  E: "E: unreliable",
  F: "F: reliability cannot be judged",
};

export const credibilityLabel: Readonly<Record<number, string>> = {
  1: "1: confirmed by other sources",
  2: "2: probably true",
  3: "3: possibly true",
  4: "4: doubtful",
  5: "5: improbable",
  6: "6: truth cannot be judged",
};

export const credibilityOptions: Option[] = Object.entries(credibilityLabel).map(([value, label]) => ({ value, label }));

export const sourceFields: FieldSpec[] = [
  { kind: "select", name: "kind", label: "Kind of source", options: enumOptions(sourceKindLabel), required: true },
  { kind: "text", name: "title", label: "Title", required: true, wide: true, hint: "Its title, or a description in [square brackets] when it has none." },
  { kind: "text", name: "reference", label: "Reference", hint: "A cable number, report code or other identifier." },
  { kind: "text", name: "author", label: "Author" },
  { kind: "text", name: "publisher", label: "Publisher" },
  { kind: "vagueDate", name: "publishedOn", label: "Date", hint: VAGUE_DATE_HINT },
  { kind: "select", name: "classification", label: "Classification", options: enumOptions(classificationLabel), emptyLabel: "Unknown" },
  { kind: "select", name: "reliability", label: "Source reliability", options: enumOptions(reliabilityLabel), emptyLabel: "Not graded" },
  { kind: "text", name: "url", label: "Web address", wide: true, hint: "Starting with http:// or https://." },
  { kind: "textarea", name: "excerpt", label: "Excerpt", rows: 6 },
  visibilitySpec,
];

export function emptySourceValues(): Record<string, unknown> {
  return {
    kind: null,
    title: "",
    reference: "",
    author: "",
    publisher: "",
    publishedOn: "",
    classification: null,
    url: "",
    excerpt: "",
    reliability: null,
    visibility: "INTERNAL",
  };
}
