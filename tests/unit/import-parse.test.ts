// CSV import, the file as a whole: encodings, sizes, files that are not CSV,
// delimiters, quoting; then the header row and the columns it names.
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/import/limits";
import { detectDelimiter, ImportFileError, parseCsvFile } from "@/lib/import/parse";
import { REQUEST_COLUMNS } from "@/lib/import/requests";
import { dataRows, findHeader, headerKey } from "@/lib/import/table";
import { TRANSFER_COLUMNS } from "@/lib/import/transfers";

const utf8 = (text: string) => new TextEncoder().encode(text);
const HEADER = "Recipient,Supplier,Year of order,No. ordered,Weapon designation,Weapon description,No. delivered,Year(s) of delivery,Status,Comments";
const ROW = "Venezuela,Russia,(2005),. .,9K338 Igla-S,portable SAM,. .,2009,Delivered,Seen at a parade";

function refusal(bytes: Uint8Array): ImportFileError {
  try {
    parseCsvFile(bytes);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error("the file was accepted");
}

describe("encodings", () => {
  it("reads UTF-8, with or without a byte order mark, with any line ending", () => {
    for (const bytes of [
      utf8(`${HEADER}\n${ROW}\n`),
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`${HEADER}\r\n${ROW}\r\n`)]),
      utf8(`${HEADER}\r${ROW}`),
    ]) {
      const file = parseCsvFile(bytes);
      expect(file.records[0]![0]).toBe("Recipient");
      expect(file.records[1]).toEqual(ROW.split(","));
      expect(file.delimiter).toBe(",");
    }
  });

  it("keeps accents and non-Latin text as written", () => {
    const file = parseCsvFile(utf8(`${HEADER}\nCôte d’Ivoire,Россия,2005,1,X,,,,Ordered,ç\n`));
    expect(file.records[1]![0]).toBe("Côte d’Ivoire");
    expect(file.records[1]![1]).toBe("Россия");
  });

  it("gives the SHA-256 of the bytes as uploaded", () => {
    const file = parseCsvFile(utf8("a,b\n1,2\n"));
    expect(file.sha256).toBe("492d5ea496056f1a6a6592241032fab764c321596317930b4fa0e1e8bc3b7470");
    expect(file.size).toBe(8);
  });

  it.each([
    {
      what: "Latin-1 (Windows-1252)",
      bytes: new Uint8Array([...utf8(`${HEADER}\n`), ...[0x43, 0xf4, 0x74, 0x65], ...utf8(",Russia,2005,1,X,,,,Ordered,\n")]),
      code: "ENCODING",
      message: /not UTF-8 \(the first character that is not is on line 2\).*Latin-1.*CSV UTF-8/,
    },
    { what: "UTF-16 LE with its BOM", bytes: new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00]), code: "ENCODING", message: /UTF-16/ },
    { what: "UTF-16 BE with its BOM", bytes: new Uint8Array([0xfe, 0xff, 0x00, 0x61]), code: "ENCODING", message: /UTF-16/ },
    { what: "UTF-16 without a BOM", bytes: new Uint8Array([0x61, 0x00, 0x2c, 0x00, 0x62, 0x00]), code: "BINARY", message: /NUL bytes.*UTF-16/ },
  ])("refuses $what, saying how to save it", ({ bytes, code, message }) => {
    const e = refusal(bytes);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });
});

describe("files that are not CSV", () => {
  it.each([
    { what: "an .xlsx workbook", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), message: /Excel workbook \(\.xlsx\)/ },
    { what: "an .xls workbook", bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), message: /Excel 97-2003/ },
    { what: "a PDF", bytes: utf8("%PDF-1.7\n..."), message: /PDF/ },
    { what: "a gzip archive", bytes: new Uint8Array([0x1f, 0x8b, 0x08, 0x00]), message: /gzip/ },
    { what: "binary bytes", bytes: new Uint8Array([0x01, 0x02, 0x03, 0x2c, 0x05]), message: /control characters/ },
    { what: "an empty file", bytes: new Uint8Array(), message: /empty/ },
    { what: "blank lines only", bytes: utf8("\n\n  \n"), message: /empty/ },
    { what: "a single column", bytes: utf8("Recipient\nVenezuela\nColombia\n"), message: /No delimiter found/ },
    { what: "prose", bytes: utf8("This is a letter.\nIt has no columns.\n"), message: /No delimiter found/ },
    { what: "an unclosed quote", bytes: utf8(`${HEADER}\nVenezuela,Russia,2005,1,"Igla-S,,,,Delivered,\n`), message: /quoted cell is never closed/ },
  ])("refuses $what", ({ bytes, message }) => {
    expect(refusal(bytes).message).toMatch(message);
  });

  it(`refuses a file over ${MAX_IMPORT_BYTES / 1024 / 1024} MB before reading it`, () => {
    const e = refusal(new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(e.code).toBe("TOO_LARGE");
    expect(e.message).toBe("The file is 20 MB; the limit is 20 MB. Split it into smaller files and import them one after the other.");
  });

  it(`refuses more than ${MAX_IMPORT_ROWS.toLocaleString("en")} rows without building them all`, () => {
    const e = refusal(utf8(`a,b\n${"1,2\n".repeat(MAX_IMPORT_ROWS + 1_001)}`));
    expect(e.code).toBe("TOO_MANY_ROWS");
    const file = parseCsvFile(utf8(`a,b\n${"1,2\n".repeat(MAX_IMPORT_ROWS + 1)}`));
    expect(() => dataRows(file.records, { index: 0, columns: {}, markers: {}, names: {}, width: 2, ignored: [] })).toThrow(/more than 200,000 rows/);
  });
});

describe("cells, quotes and delimiters", () => {
  it("parses quoted cells with commas, doubled quotes and line breaks (never a split on commas)", () => {
    const file = parseCsvFile(utf8(`${HEADER}\nVenezuela,Russia,2005,"1,200","9K338 ""Igla-S""",portable SAM,,,Delivered,"Seen at a parade,\nin 2009"\n`));
    expect(file.records[1]).toEqual(["Venezuela", "Russia", "2005", "1,200", '9K338 "Igla-S"', "portable SAM", "", "", "Delivered", "Seen at a parade,\nin 2009"]);
  });

  it("reads title rows above the header, and numbers lines from the file's start in its messages", () => {
    const titled = `SIPRI Arms Transfers Database\r\n"Information generated: 19 January 2024"\r\n\r\n${HEADER}\r\n${ROW}\r\n${ROW}\r\n`;
    const file = parseCsvFile(utf8(titled));
    expect(file.records).toEqual([["SIPRI Arms Transfers Database"], ["Information generated: 19 January 2024"], [""], HEADER.split(","), ROW.split(","), ROW.split(","), [""]].slice(0, 6));
    expect(refusal(utf8(`${titled}Venezuela,"Russia,2005\r\n`)).message).toBe(
      "A quoted cell is never closed: the file ends (line 8) inside a cell that starts with a double quote. Look for the cell whose closing double quote is missing.",
    );
  });

  it("keeps a stray double quote inside an unquoted cell as written", () => {
    const file = parseCsvFile(utf8(`${HEADER}\nVenezuela,Russia,2005,1,12.7mm "Dushka" gun,,,,Delivered,"Igla"-S\n`));
    expect(file.records[1]![4]).toBe('12.7mm "Dushka" gun');
    expect(file.records[1]![9]).toBe('"Igla"-S');
  });

  it.each([
    [",", "a,b,c\n1,2,3\n"],
    [";", "a;b;c\n1;2,5;3\n"],
    ["\t", "a\tb\tc\n1\t2, 3\t3\n"],
  ])("detects %j", (delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it("is not fooled by title lines above the header", () => {
    expect(detectDelimiter("SIPRI Arms Transfers Database\nInformation generated: 2024\n\na;b;c;d\n1;2;3;4\n5;6;7;8\n")).toBe(";");
  });
});

describe("header row and columns", () => {
  it.each([
    ["Year(s) of delivery", "yearsofdelivery"],
    ["Years of delivery", "yearsofdelivery"],
    ["No. ordered", "numberordered"],
    ["Number ordered", "numberordered"],
    ["NO ORDERED", "numberordered"],
    ["Nr. delivered", "numberdelivered"],
    ["  weapon   DESIGNATION ", "weapondesignation"],
    ["Notes", "notes"],
  ])("headerKey(%j) is %j", (text, key) => {
    expect(headerKey(text)).toBe(key);
  });

  it("finds the register's header below its title rows, with the unnamed marker columns and the columns it does not read", () => {
    const records = [
      ["SIPRI Arms Transfers Database"],
      ["Information generated: 19 January 2024"],
      [""],
      ["Recipient", "Supplier", "Year of order", "", "Number ordered", "", "Weapon designation", "Weapon description", "Number delivered", "", "Year(s) of delivery", "status", "Comments", "SIPRI TIV per unit"],
    ];
    const h = findHeader(records, TRANSFER_COLUMNS, "arms transfers");
    expect(h.index).toBe(3);
    expect(h.columns).toMatchObject({ recipient: 0, supplier: 1, orderYear: 2, numberOrdered: 4, designation: 6, numberDelivered: 8, deliveryYears: 10, status: 11, comments: 12 });
    expect(h.markers).toEqual({ orderYear: 3, numberOrdered: 5, numberDelivered: 9 });
    expect(h.ignored).toEqual(["“SIPRI TIV per unit”"]);
    expect(h.names.status).toBe("status");
  });

  it.each([
    {
      what: "a required column missing",
      records: [["Recipient", "Year of order", "Weapon designation", "Status"], ["Venezuela", "2005", "Igla-S", "New"]],
      message: "The header row (row 1) lacks the required column “Supplier”. Arms transfers need at least Recipient, Supplier and Weapon designation.",
    },
    {
      what: "no header at all",
      records: [["Venezuela", "Russia", "2005"], ["Colombia", "Spain", "2006"]],
      message: "No header row found: the first row should name the columns of arms transfers, at least Recipient, Supplier and Weapon designation. The file’s first row reads “Venezuela”, “Russia” and “2005”. Check that the file holds arms transfers.",
    },
    {
      what: "a column named twice",
      records: [["Recipient", "Supplier", "Weapon designation", "Status", "Number ordered", "No. ordered"]],
      message: "The header row (row 1) names the column “Number ordered” twice (columns 5 and 6, “No. ordered”). Remove or rename one of them.",
    },
  ])("refuses $what, naming the columns", ({ records, message }) => {
    expect(() => findHeader(records, TRANSFER_COLUMNS, "arms transfers")).toThrow(message);
  });

  it("tells a file of transfers given as requests by its missing columns", () => {
    expect(() => findHeader([HEADER.split(",")], REQUEST_COLUMNS, "diplomatic requests")).toThrow(/No header row found.*diplomatic requests/);
  });

  it("reports rows whose cell count differs from the header's, row by row, and skips blank rows", () => {
    const records = [["a", "b", "c"], ["1", "2", "3"], [""], ["1", "2"], ["1", "2", "3", "4"], ["1", "2", "3", "", " "]];
    const { rows, problems } = dataRows(records, { index: 0, columns: {}, markers: {}, names: {}, width: 3, ignored: [] });
    expect(rows.map((r) => r.row)).toEqual([2, 4, 5, 6]);
    expect(problems).toEqual([
      { row: 4, column: null, message: expect.stringContaining("This row has 2 cells; the header has 3.") },
      { row: 5, column: null, message: expect.stringContaining("This row has 4 cells; the header has 3.") },
    ]);
  });
});
