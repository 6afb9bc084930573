// An import's columns come from its record type's field specs
// (lib/import/columns.ts): every field of the form is a column or said not
// to be, the field's label and name are headers the import knows (the
// export with ?shape=record writes the labels), and an estimate has a named
// column of its own.
import { describe, expect, it } from "vitest";
import { countryResolver, type CountryRef } from "@/lib/import/countries";
import { columnsFromFields, estimatedHeader, importedFields } from "@/lib/import/columns";
import { IMPORT_KIND_SPECS } from "@/lib/import/kinds";
import { findHeader } from "@/lib/import/table";
import { readTransferRow, TRANSFER_COLUMNS } from "@/lib/import/transfers";
import { FORM_FIELDS } from "@/lib/records/definitions";
import { isoCountries } from "@/tools/seed/countries";

const resolve = countryResolver(isoCountries().map((c, i) => ({ id: i + 1, alpha2: c.alpha2, alpha3: c.alpha3, name: c.name, officialName: null, altNames: [] }) as CountryRef));

describe.each(Object.values(IMPORT_KIND_SPECS))("the $kind import's columns", (spec) => {
  const fields = FORM_FIELDS[spec.type].filter((f) => f.kind !== "section");

  it("cover every field of the form, or say it is not imported (a new field must be put in one or the other)", () => {
    const imported = importedFields(spec.columns);
    for (const f of fields) expect([f.name, imported.includes(f.name) !== spec.notImported.includes(f.name)]).toEqual([f.name, true]);
    for (const name of [...imported, ...spec.notImported]) expect(fields.map((f) => f.name)).toContain(name);
  });

  it("know each field by its label and (but for countries and linked records, named in the file) by its name, and each estimate box by “<label>: estimated”", () => {
    for (const column of spec.columns.filter((c) => c.field)) {
      const field = fields.find((f) => f.name === column.field)!;
      const estimated = (field.kind === "number" || field.kind === "years") && field.uncertainName;
      const byName = field.kind !== "country" && field.kind !== "picker";
      if (!byName) expect(findHeader([[...spec.columns.filter((c) => c.required).map((c) => c.header), field.name]], spec.columns, spec.kind).ignored).toEqual([`“${field.name}”`]);
      for (const header of byName ? [[field.label], [field.name]] : [[field.label]]) {
        const required = spec.columns.filter((c) => c.required && c.key !== column.key).map((c) => c.header);
        const h = findHeader([[...required, ...header, ...(estimated ? [estimatedHeader(field)] : [])]], spec.columns, spec.kind);
        expect(h.columns[column.key]).toBe(required.length);
        if (estimated) expect([column.key, h.markers[column.key]]).toEqual([column.key, required.length + 1]);
      }
    }
  });
});

describe("a named estimate column", () => {
  const header = ["Supplier country", "Recipient country", "Weapon system", "Number ordered", "Number ordered: estimated", "Years of delivery", "deliveryYearsUncertain"];
  const h = findHeader([header], TRANSFER_COLUMNS, "arms transfers");
  const read = (cells: string[]) => readTransferRow(h, { row: 2, cells }, resolve);

  it("marks the figure as an estimate with yes (or true), and not with no or empty", () => {
    expect(read(["Russia", "Venezuela", "Igla-S", "100", "yes", "2009; 2010", "true"]).data).toMatchObject({ numberOrdered: 100, numberOrderedUncertain: true, deliveryYears: [2009, 2010], deliveryYearsUncertain: true });
    expect(read(["Russia", "Venezuela", "Igla-S", "100", "", "2009", "false"]).data).toMatchObject({ numberOrdered: 100, numberOrderedUncertain: false, deliveryYearsUncertain: false });
    expect(read(["Russia", "Venezuela", "Igla-S", "(100)", "no", "2009", ""]).data).toMatchObject({ numberOrderedUncertain: true });
  });

  it("refuses anything else, naming its column", () => {
    expect(read(["Russia", "Venezuela", "Igla-S", "100", "maybe", "2009", ""]).errors).toEqual([
      { column: "Number ordered", message: "The column “Number ordered: estimated” says whether “Number ordered” is an estimate: write yes, or leave it empty; it holds “maybe”." },
    ]);
  });
});

describe("columnsFromFields", () => {
  it("refuses a column of a field the type does not have, and two columns answering to one header", () => {
    const fields = FORM_FIELDS.transfer;
    expect(() => columnsFromFields(fields, [{ key: "x", field: "nope", header: "X", help: "" }])).toThrow(/no field nope/);
    expect(() =>
      columnsFromFields(fields, [
        { key: "a", field: "comments", header: "A", help: "" },
        { key: "b", header: "B", aliases: ["Comments"], help: "" },
      ]),
    ).toThrow(/both answer to “Comments”/);
  });
});
