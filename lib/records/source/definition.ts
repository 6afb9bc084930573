// A source (the evidence), as its form sends it.
// The source form, field by field, and the grading words analysts use
// (source reliability A-F, information credibility 1-6).
import { z } from "zod";
import { CLASSIFICATIONS, isStorableText, optionalText, requiredText, visibilityField } from "@/lib/validation/common";
import { vagueDateField } from "@/lib/vague-date";
import { enumOptions, type FieldSpec, type Option, VAGUE_DATE_HINT, visibilitySpec } from "@/lib/records/form/fields";
import { classificationLabel, sourceKindLabel } from "@/lib/format/labels";
import { SourceKind, type SourceReliability } from "@/lib/generated/prisma/enums";
import { defineRecordType } from "@/lib/records/define";

export const SOURCE_KINDS = [
  "DIPLOMATIC_CABLE",
  "NEWS_ARTICLE",
  "REPORT",
  "OFFICIAL_STATEMENT",
  "PUBLIC_EVENT",
  "INTERVIEW",
  "OTHER",
] as const satisfies readonly SourceKind[];
export const RELIABILITY_GRADES = ["A", "B", "C", "D", "E", "F"] as const satisfies readonly SourceReliability[];

const URL_MAX = 2_000;

/**
 * An optional choice: empty or missing becomes null ("unknown"). Unlike
 * optionalEnum (lib/validation/common.ts), a wrong value gets `message`
 * rather than zod's "Invalid input".
 */
function optionalChoice<T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z
    .union([z.enum(values), z.literal(""), z.null()], { error: message }).optional()
    .transform((v) => (v ? (v as T[number]) : null));
}

/** An optional web address: http(s) only; empty means none. */
export const webAddressField = z
  .union([z.string(), z.null()], { error: "Give a full web address starting with http:// or https://." }).optional()
  .transform((value, ctx): string | null => {
    const text = typeof value === "string" ? value.trim() : "";
    if (text === "") return null;
    if (text.length > URL_MAX) {
      ctx.addIssue({ code: "custom", message: `Use at most ${URL_MAX} characters.` });
      return z.NEVER;
    }
    let url: URL | null = null;
    try {
      url = new URL(text);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname || /\s/.test(text) || !isStorableText(text)) {
      ctx.addIssue({ code: "custom", message: "Give a full web address starting with http:// or https://." });
      return z.NEVER;
    }
    return text;
  });

export const sourceSchema = z
  .object({
    kind: z.enum(SOURCE_KINDS, { error: "Choose what kind of source this is." }),
    title: requiredText(500, "Give the source a title, or describe it in [square brackets]."),
    reference: optionalText(500),
    author: optionalText(300),
    publisher: optionalText(300),
    publishedOn: vagueDateField(),
    classification: optionalChoice(CLASSIFICATIONS, "Choose a classification from the list."),
    url: webAddressField,
    excerpt: optionalText(20_000),
    reliability: optionalChoice(RELIABILITY_GRADES, "Choose a reliability grade from A to F."),
    visibility: visibilityField,
  })
  .strict();

export type SourceInput = z.input<typeof sourceSchema>;
export type SourceData = z.output<typeof sourceSchema>;

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

/** The source record type (lib/records/define.ts). */
export const sourceDefinition = defineRecordType({
  type: "source",
  entityType: "SOURCE",
  table: "Source",
  segment: "sources",
  label: "Source",
  plural: "sources",
  schema: sourceSchema,
  fields: sourceFields,
  emptyValues: () => emptySourceValues(),
  list: {
    enums: { kind: SourceKind },
    links: {},
    sides: {},
    search: true,
    country: false,
    region: false,
    dates: true,
    verification: true,
    deletable: true,
    sorts: { published: "desc", title: "asc", kind: "asc" },
    defaultSort: "published",
    page: {
      title: "Sources",
      intro: "The evidence: cables, articles, reports, statements and events, with their grading.",
      plural: "sources",
      search: { label: "Search sources", hint: "Title, reference, author, publisher and excerpt." },
      enums: {
        kind: { label: "Kind", any: "Any kind", labels: sourceKindLabel },
      },
      dates: "Published",
    },
  },
  displayName: (s: { title: string }) => s.title,
});
