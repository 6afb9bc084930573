// An actor (person, government body, organisation or armed group), as its
// form sends it.
// The actor form, field by field.
import { z } from "zod";
import { optionalIdField, optionalText, requiredText, visibilityField } from "@/lib/validation/common";
import { enumOptions, type FieldSpec, visibilitySpec } from "@/lib/records/form/fields";
import { actorKindLabel } from "@/lib/format/labels";
import { ActorKind } from "@/lib/generated/prisma/enums";
import { defineRecordType } from "@/lib/records/define";

export const ACTOR_KINDS = ["PERSON", "GOVERNMENT_BODY", "ORGANISATION", "ARMED_GROUP"] as const satisfies readonly ActorKind[];

export const actorSchema = z
  .object({
    name: requiredText(300, "Give the actor's name."),
    kind: z.enum(ACTOR_KINDS, { error: "Choose what kind of actor this is." }),
    title: optionalText(300),
    affiliation: optionalText(300),
    countryId: optionalIdField("Choose a country from the list."),
    notes: optionalText(10_000),
    visibility: visibilityField,
  })
  .strict();

export type ActorInput = z.input<typeof actorSchema>;
export type ActorData = z.output<typeof actorSchema>;

export const actorFields: FieldSpec[] = [
  { kind: "text", name: "name", label: "Name", required: true, hint: "A person, government body, organisation or armed group." },
  { kind: "select", name: "kind", label: "Kind", options: enumOptions(actorKindLabel), required: true },
  { kind: "text", name: "title", label: "Title or position", hint: "For example: Director for Disarmament and Security Affairs." },
  { kind: "text", name: "affiliation", label: "Affiliation", hint: "The ministry, agency or organisation they belong to." },
  { kind: "country", name: "countryId", label: "Country", emptyLabel: "Unknown" },
  { kind: "textarea", name: "notes", label: "Notes" },
  visibilitySpec,
];

export function emptyActorValues(): Record<string, unknown> {
  return {
    name: "",
    kind: "PERSON",
    title: "",
    affiliation: "",
    countryId: null,
    notes: "",
    visibility: "INTERNAL",
  };
}

/** The actor record type (lib/records/define.ts). */
export const actorDefinition = defineRecordType({
  type: "actor",
  entityType: "ACTOR",
  table: "Actor",
  segment: "actors",
  label: "Actor",
  plural: "actors",
  schema: actorSchema,
  fields: actorFields,
  emptyValues: () => emptyActorValues(),
  list: {
    enums: { kind: ActorKind },
    links: { request: "request" },
    sides: {},
    search: true,
    country: true,
    region: false,
    dates: false,
    verification: true,
    deletable: true,
    sorts: { name: "asc", kind: "asc" },
    defaultSort: "name",
    page: {
      title: "Actors",
      intro: "People, government bodies, organisations and armed groups.",
      plural: "actors",
      search: { label: "Search actors", hint: "Name, title, affiliation and notes." },
      country: "Country",
      enums: {
        kind: { label: "Kind", any: "Any kind", labels: actorKindLabel },
      },
    },
  },
  displayName: (a: { name: string }) => a.name,
});
