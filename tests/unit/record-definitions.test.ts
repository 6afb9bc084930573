// The record types' one definition (lib/records/<type>/definition.ts) and
// what is derived from it: every type defined once, its names and routes
// distinct, its schema and its form describing the same fields, its columns
// and form values derived from the field specs without loss.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { API_RESOURCES } from "@/lib/api/resources";
import { LIST_SPECS, type RecordListSpec } from "@/lib/lists/params";
import { DEFINITIONS, FORM_FIELDS, RECORD_TYPES, displayName, listOf, recordHref, typeOfList, typeOfSegment } from "@/lib/records/definitions";
import { fieldColumnNames, fieldColumns, fieldValues, isLinkField } from "@/lib/records/form/columns";
import type { FieldSpec } from "@/lib/records/form/fields";

function schemaKeys(schema: z.ZodType): string[] {
  // A refined object (z.object(...).refine) keeps its shape on the inner object.
  let s: unknown = schema;
  for (let i = 0; i < 5 && s && !(s instanceof z.ZodObject); i++) s = (s as { def?: { in?: unknown; schema?: unknown } }).def?.in ?? (s as { def?: { schema?: unknown } }).def?.schema;
  expect(s, "a definition's schema is an object schema").toBeInstanceOf(z.ZodObject);
  return Object.keys((s as z.ZodObject).shape);
}

const fieldNames = (fields: readonly FieldSpec[]) =>
  fields.flatMap((f) => (f.kind === "section" ? [] : [f.name, ...((f.kind === "number" || f.kind === "years") && f.uncertainName ? [f.uncertainName] : [])]));

describe("record definitions", () => {
  it("define every record type once, each under its own name", () => {
    expect(Object.keys(DEFINITIONS).sort()).toEqual([...RECORD_TYPES].sort());
    for (const t of RECORD_TYPES) expect(DEFINITIONS[t].type).toBe(t);
    const segments = RECORD_TYPES.map((t) => DEFINITIONS[t].segment);
    expect(new Set(segments).size).toBe(segments.length);
    const tables = RECORD_TYPES.map((t) => DEFINITIONS[t].table);
    expect(new Set(tables).size).toBe(tables.length);
  });

  it.each(RECORD_TYPES)("%s: its schema and its form have exactly the same fields", (t) => {
    const d = DEFINITIONS[t];
    expect(fieldNames(d.fields).sort()).toEqual(schemaKeys(d.schema).sort());
  });

  it.each(RECORD_TYPES)("%s: its empty form values are one per field, and every field has a label", (t) => {
    const d = DEFINITIONS[t];
    const empty = d.emptyValues("2026-12-03");
    const inputs = d.fields.filter((f) => f.kind !== "section").map((f) => f.name);
    for (const name of inputs) expect(Object.keys(empty), `${t}.${name}`).toContain(name);
    for (const f of d.fields) expect(f.label.trim().length, `${t}.${f.name}`).toBeGreaterThan(0);
  });

  it.each(RECORD_TYPES)("%s: its list page has words for every filter its list spec accepts", (t) => {
    const list = DEFINITIONS[t].list as RecordListSpec | null;
    if (list === null) return;
    expect(Object.keys(list.page.enums).sort()).toEqual(Object.keys(list.enums).sort());
    for (const [param, e] of Object.entries(list.page.enums)) {
      // Every value of the enum has a label in the filter.
      expect(Object.keys(e.labels).sort(), `${t}.${param}`).toEqual(Object.values((list.enums as Record<string, Record<string, string>>)[param]!).sort());
    }
    expect(list.country ? typeof list.page.country : "none").toBe(list.country ? "string" : "none");
    expect(list.dates ? typeof list.page.dates : "none").toBe(list.dates ? "string" : "none");
  });

  it("derive the routes, API names, list types and form fields", () => {
    for (const t of RECORD_TYPES) {
      const d = DEFINITIONS[t];
      expect(recordHref(t, 12)).toBe(`/${d.segment}/12`);
      expect(typeOfSegment(d.segment)).toBe(t);
      expect(API_RESOURCES.find((r) => r.record === t)?.name).toBe(d.segment);
      expect(FORM_FIELDS[t]).toBe(d.fields);
      const list = listOf(t);
      if (d.list === null) {
        expect(list).toBeNull();
      } else {
        expect(list).toBe(`${t}s`);
        expect(typeOfList(list!)).toBe(t);
        expect(LIST_SPECS[list!].path).toBe(`/${d.segment}`);
        expect(LIST_SPECS[list!].sorts).toEqual(d.list.sorts);
      }
    }
    // The countries' list is not a record type's.
    expect(typeOfList("countries")).toBeNull();
    expect(typeOfSegment("countries")).toBeNull();
    // The concern's form fields are there (its history once showed raw keys for want of them).
    expect(FORM_FIELDS.concern.map((f) => f.name)).toContain("ownerId");
  });

  it("give each record one name", () => {
    const russia = { name: "Russia" };
    const venezuela = { name: "Venezuela" };
    const igla = { name: "Igla-S" };
    expect(displayName("transfer", { supplier: russia, recipient: venezuela, weaponSystem: igla })).toBe("Russia to Venezuela: Igla-S");
    expect(displayName("transfer", { supplier: russia, recipient: venezuela, weaponSystem: null })).toBe("Russia to Venezuela: weapon system unknown");
    expect(displayName("transfer", { supplier: russia, recipient: venezuela, weaponSystemHidden: true })).toBe("Russia to Venezuela: weapon system not shown");
    expect(displayName("inspection", { hostCountry: venezuela, inspectingCountry: russia, weaponSystem: igla })).toBe("Inspection in Venezuela by Russia: Igla-S");
    expect(displayName("inspection", { hostCountry: venezuela })).toBe("Inspection in Venezuela");
    expect(displayName("concern", { title: "Igla-S diversion" })).toBe("Igla-S diversion");
    expect(displayName("quote", { text: "x".repeat(200), speakerLabel: "Antonov" })).toMatch(/^Antonov: “x{79}…”$/);
  });
});

describe("columns and form values from the field specs", () => {
  it.each(RECORD_TYPES)("%s: a record's values survive columns -> row -> form values", (t) => {
    const d = DEFINITIONS[t];
    // Values as a parsed form gives them, one per kind of field.
    const parsed: Record<string, unknown> = {};
    for (const f of d.fields) {
      if (f.kind === "section" || isLinkField(f)) continue;
      if (f.kind === "vagueDate") parsed[f.name] = { date: new Date("2005-03-01T00:00:00Z"), precision: "MONTH" };
      else if (f.kind === "date") parsed[f.name] = new Date("2026-12-24T00:00:00Z");
      else if (f.kind === "years") parsed[f.name] = [2009, 2010];
      else if (f.kind === "number") parsed[f.name] = 40;
      else if (f.kind === "checkbox") parsed[f.name] = true;
      else if (f.kind === "country" || f.kind === "picker") parsed[f.name] = 7;
      else parsed[f.name] = `${f.name} value`;
      if ((f.kind === "number" || f.kind === "years") && f.uncertainName) parsed[f.uncertainName] = true;
    }
    const row = fieldColumns(d.fields, parsed);
    expect(Object.keys(row).sort()).toEqual(fieldColumnNames(d.fields).sort());
    const values = fieldValues(d.fields, row);
    for (const f of d.fields) {
      if (f.kind === "section" || isLinkField(f)) continue;
      const expected = f.kind === "vagueDate" ? "2005-03" : f.kind === "date" ? "2026-12-24" : parsed[f.name];
      expect(values[f.name], `${t}.${f.name}`).toEqual(expected);
    }
    // Join tables are the service's (writeLinks): never a column of the row.
    for (const f of d.fields.filter(isLinkField)) expect(row).not.toHaveProperty(f.name);
  });

  it("keep an unknown vague date unknown", () => {
    const fields: FieldSpec[] = [{ kind: "vagueDate", name: "openedOn", label: "Open since" }];
    expect(fieldColumns(fields, { openedOn: null })).toEqual({ openedOn: null, openedOnPrecision: null });
    expect(fieldValues(fields, { openedOn: null, openedOnPrecision: null })).toEqual({ openedOn: "" });
    expect(fieldValues(fields, { openedOn: new Date("2009-01-01T00:00:00Z"), openedOnPrecision: "YEAR" })).toEqual({ openedOn: "2009" });
  });
});
