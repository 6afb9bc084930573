// CSV import, row by row: country names to ISO countries, register rows to
// the transfer form's input (markers, years, status, formulas) and request
// rows to the request form's input; every problem named by row and column.
import { beforeAll, describe, expect, it } from "vitest";
import { countryResolver, type CountryRef } from "@/lib/import/countries";
import { readRequestRow, REQUEST_COLUMNS } from "@/lib/import/requests";
import { findHeader } from "@/lib/import/table";
import { guessCategory, readTransferRow, TRANSFER_COLUMNS } from "@/lib/import/transfers";
import { isoCountries } from "@/tools/seed/countries";

let countries: CountryRef[];
let resolve: ReturnType<typeof countryResolver>;
const idOf = (alpha2: string) => countries.find((c) => c.alpha2 === alpha2)!.id;
const thisYear = new Date().getUTCFullYear();

beforeAll(() => {
  countries = isoCountries().map((c, i) => ({ id: i + 1, ...c }));
  resolve = countryResolver(countries);
});

describe("country names", () => {
  it.each([
    ["RU", "RU"],
    ["ru", "RU"],
    ["RUS", "RU"],
    ["Russia", "RU"],
    ["Russian Federation", "RU"],
    ["  RUSSIA ", "RU"],
    ["United States", "US"],
    ["United States of America", "US"],
    ["USA", "US"],
    ["U.S.", "US"],
    ["UK", "GB"],
    ["United Kingdom", "GB"],
    ["Britain", "GB"],
    ["Turkey", "TR"],
    ["Türkiye", "TR"],
    ["Turkiye", "TR"],
    ["Viet Nam", "VN"],
    ["Côte d'Ivoire", "CI"],
    ["Cote dIvoire", "CI"],
    ["Ivory Coast", "CI"],
    ["DR Congo", "CD"],
    ["Congo", "CG"],
    ["South Korea", "KR"],
    ["Korea, South", "KR"],
    ["North Korea", "KP"],
    ["UAE", "AE"],
    ["Bosnia-Herzegovina", "BA"],
    ["Czech Republic", "CZ"],
    ["Macedonia", "MK"],
    ["Swaziland", "SZ"],
    ["Burma", "MM"],
    ["Venezuela", "VE"],
    ["Bolivarian Republic of Venezuela", "VE"],
  ])("%j is %s", (text, alpha2) => {
    const m = resolve(text);
    expect(m.ok && m.country.alpha2).toBe(alpha2);
  });

  it.each([
    ["Atlantis", "“Atlantis” is not a country we know: write its English name or its ISO code (e.g. RU or RUS)."],
    ["Soviet Union", "“Soviet Union”: The Soviet Union is not an ISO 3166 country: write the state meant today (usually Russia, or the successor state that made the deal)."],
    ["USSR", "The USSR is not an ISO 3166 country"],
    ["Yugoslavia", "Yugoslavia is not an ISO 3166 country"],
    ["Hezbollah (Lebanon)*", "registers mark armed groups and organisations with *"],
    ["unknown recipient(s)", "An unknown recipient cannot be imported"],
    ["", "The country is missing"],
    ["XX", "“XX” is not a country we know"],
  ])("refuses %j", (text, message) => {
    const m = resolve(text);
    expect(m.ok).toBe(false);
    expect(!m.ok && m.message).toContain(message);
  });

  it("refuses a name two countries share, rather than guessing", () => {
    const twins = countryResolver([
      { id: 1, alpha2: "AA", alpha3: "AAA", name: "Ruritania", officialName: null, altNames: ["Kingdom"] },
      { id: 2, alpha2: "BB", alpha3: "BBB", name: "Elbonia", officialName: null, altNames: ["Kingdom"] },
    ]);
    const m = twins("kingdom");
    expect(!m.ok && m.message).toBe("“kingdom” could be Ruritania (AA) or Elbonia (BB): write the ISO code instead.");
  });
});

const REGISTER_HEADER = ["Recipient", "Supplier", "Year of order", "No. ordered", "Weapon designation", "Weapon description", "No. delivered", "Year(s) of delivery", "Status", "Comments"];

function transfer(cells: Partial<Record<string, string>>, header = REGISTER_HEADER) {
  const h = findHeader([header], TRANSFER_COLUMNS, "arms transfers");
  const defaults: Record<string, string> = {
    Recipient: "Venezuela",
    Supplier: "Russia",
    "Year of order": "2005",
    "No. ordered": "100",
    "Weapon designation": "9K338 Igla-S",
    "Weapon description": "portable SAM",
    "No. delivered": "100",
    "Year(s) of delivery": "2008-2009",
    Status: "Delivered",
    Comments: "",
  };
  const row = { row: 7, cells: header.map((name) => cells[name] ?? defaults[name] ?? "") };
  return readTransferRow(h, row, resolve);
}

describe("register rows to transfers", () => {
  it("reads a plain row into the form's values, with its key and label", () => {
    const r = transfer({});
    expect(r.errors).toEqual([]);
    expect(r.data).toEqual({
      supplierId: idOf("RU"),
      recipientId: idOf("VE"),
      weaponSystemId: null,
      status: "DELIVERED",
      numberOrdered: 100,
      numberOrderedUncertain: false,
      numberDelivered: 100,
      numberDeliveredUncertain: false,
      orderYear: 2005,
      orderYearUncertain: false,
      deliveryYears: [2008, 2009],
      deliveryYearsUncertain: false,
      comments: null,
      visibility: "INTERNAL",
    });
    expect(r.designation).toBe("9K338 Igla-S");
    expect(r.description).toBe("portable SAM");
    expect(r.key).toBe("transfer|RU|VE|9k338iglas|2005");
    expect(r.label()).toBe("Russia → Venezuela, 9K338 Igla-S, ordered 2005");
  });

  it.each([
    { what: "estimated figures in brackets", cells: { "No. ordered": "(100)", "No. delivered": "(60)" }, expected: { numberOrdered: 100, numberOrderedUncertain: true, numberDelivered: 60, numberDeliveredUncertain: true } },
    { what: "estimates with ?", cells: { "Year of order": "2005?", "No. delivered": "60?" }, expected: { orderYear: 2005, orderYearUncertain: true, numberDelivered: 60, numberDeliveredUncertain: true } },
    { what: "unknown figures", cells: { "No. ordered": ". .", "No. delivered": "?", "Year of order": "" }, expected: { numberOrdered: null, numberDelivered: null, orderYear: null, numberOrderedUncertain: false } },
    { what: "bracketed years of delivery", cells: { "Year(s) of delivery": "(2009)" }, expected: { deliveryYears: [2009], deliveryYearsUncertain: true } },
    { what: "a list of years", cells: { "Year(s) of delivery": "2008; 2010" }, expected: { deliveryYears: [2008, 2010], deliveryYearsUncertain: false } },
    { what: "unknown years of delivery", cells: { "Year(s) of delivery": ". ." }, expected: { deliveryYears: [], deliveryYearsUncertain: false } },
    { what: "thousands separators", cells: { "No. ordered": "1,200", "No. delivered": "(1 000)" }, expected: { numberOrdered: 1200, numberDelivered: 1000, numberDeliveredUncertain: true } },
    { what: "a status by code", cells: { Status: "IN_DELIVERY" }, expected: { status: "IN_DELIVERY" } },
    { what: "a status in other case", cells: { Status: "in delivery" }, expected: { status: "IN_DELIVERY" } },
    { what: "more delivered than ordered when one is an estimate", cells: { "No. ordered": "(10)", "No. delivered": "20" }, expected: { numberOrdered: 10, numberDelivered: 20 } },
    { what: "deliveries before the order, estimated", cells: { "Year of order": "2010", "Year(s) of delivery": "(2009)" }, expected: { orderYear: 2010, deliveryYears: [2009] } },
  ])("reads $what", ({ cells, expected }) => {
    const r = transfer(cells);
    expect(r.errors).toEqual([]);
    expect(r.data).toMatchObject(expected);
  });

  it.each([
    { what: "SIPRI's 'New', all delivered", cells: { Status: "New" }, status: "DELIVERED", comments: "Condition: New." },
    { what: "'Second hand', part delivered", cells: { Status: "Second hand", "No. delivered": "40" }, status: "IN_DELIVERY", comments: "Condition: Second hand." },
    { what: "'second hand but modernized', none delivered", cells: { Status: "second hand but modernized", "No. delivered": "", "Year(s) of delivery": "" }, status: "ORDERED", comments: "Condition: second hand but modernized." },
    { what: "an empty status, delivered in unknown numbers", cells: { Status: "", "No. delivered": ". .", Comments: "Via Cuba" }, status: "DELIVERED", comments: "Via Cuba" },
    { what: "a condition beside comments", cells: { Status: "Second hand", Comments: "Ex-Soviet stock" }, status: "DELIVERED", comments: "Condition: Second hand. Ex-Soviet stock" },
  ])("reads the deal's status from the deliveries for $what, and says so", ({ cells, status, comments }) => {
    const r = transfer(cells);
    expect(r.errors).toEqual([]);
    expect(r.data).toMatchObject({ status, comments });
    expect(r.notes).toContainEqual({ column: "Status", message: expect.stringContaining("read from the deliveries") });
  });

  it("reads SIPRI's unnamed '?' columns as the estimate flag of the figure before them", () => {
    const header = ["Recipient", "Supplier", "Year of order", "", "Number ordered", "", "Weapon designation", "Weapon description", "Number delivered", "", "Year(s) of delivery", "status", "Comments"];
    const h = findHeader([header], TRANSFER_COLUMNS, "arms transfers");
    const r = readTransferRow(h, { row: 2, cells: ["Venezuela", "Russia", "2005", "?", "100", "", "Igla-S", "portable SAM", "60", "?", "2009", "Delivered", ""] }, resolve);
    expect(r.errors).toEqual([]);
    expect(r.data).toMatchObject({ orderYear: 2005, orderYearUncertain: true, numberOrdered: 100, numberOrderedUncertain: false, numberDelivered: 60, numberDeliveredUncertain: true });
    const bad = readTransferRow(h, { row: 3, cells: ["Venezuela", "Russia", "2005", "x", "100", "", "Igla-S", "", "60", "", "2009", "Delivered", ""] }, resolve);
    expect(bad.errors).toEqual([{ column: "Year of order", message: "The unnamed column after “Year of order” marks estimates with “?”; it holds “x”." }]);
  });

  it.each([
    { what: "an unknown recipient", cells: { Recipient: "Atlantis" }, column: "Recipient", message: "“Atlantis” is not a country we know" },
    { what: "a missing supplier", cells: { Supplier: "" }, column: "Supplier", message: "The country is missing" },
    { what: "an unknown status", cells: { Status: "Lost" }, column: "Status", message: "“Lost” is not a status: write Reported, Ordered, In delivery, Delivered, Suspended or Cancelled (or leave it empty" },
    { what: "a negative number", cells: { "No. ordered": "-5" }, column: "No. ordered", message: "Write a whole number from 0 to 10,000,000, or leave it empty if unknown." },
    { what: "a word for a number", cells: { "No. delivered": "many" }, column: "No. delivered", message: "Write a whole number from 0 to 10,000,000" },
    { what: "a year too early", cells: { "Year of order": "1850" }, column: "Year of order", message: `Write a year from 1900 to ${thisYear}` },
    { what: "a year in the future", cells: { "Year(s) of delivery": `2009-${thisYear + 1}` }, column: "Year(s) of delivery", message: `Write each year from 1900 to ${thisYear}` },
    { what: "a backward range", cells: { "Year(s) of delivery": "2010-2008" }, column: "Year(s) of delivery", message: "The range 2010-2008 runs backwards." },
    { what: "a country selling to itself", cells: { Recipient: "Russia" }, column: "Recipient", message: "A country does not sell arms to itself: choose another recipient." },
    {
      what: "more delivered than ordered",
      cells: { "No. ordered": "10", "No. delivered": "11" },
      column: "No. delivered",
      message: "More delivered than ordered: correct the numbers, or mark one of them as estimated. In the file, mark an estimate with brackets, e.g. (10), or a question mark, e.g. 10?.",
    },
    { what: "deliveries before the order", cells: { "Year of order": "2010", "Year(s) of delivery": "2009" }, column: "Year(s) of delivery", message: "Deliveries cannot come before the order year" },
    { what: "a formula for a country", cells: { Supplier: "=A1" }, column: "Supplier", message: "“=A1” starts with “=”, which a spreadsheet runs as a formula. Formulas are not accepted: write the value itself." },
    { what: "a formula for a figure", cells: { "No. ordered": "=10*10" }, column: "No. ordered", message: "starts with “=”" },
    { what: "a formula for a status", cells: { Status: "@SUM(A1)" }, column: "Status", message: "starts with “@”" },
    { what: "a formula for a designation", cells: { "Weapon designation": "+cmd|' /C calc'!A0" }, column: "Weapon designation", message: "starts with “+”" },
    { what: "a formula for years", cells: { "Year(s) of delivery": "-A1" }, column: "Year(s) of delivery", message: "starts with “-”" },
  ])("refuses $what, naming the column", ({ cells, column, message }) => {
    const r = transfer(cells);
    expect(r.data).toBeNull();
    expect(r.key).toBeNull();
    expect(r.errors).toContainEqual({ column, message: expect.stringContaining(message) });
  });

  it("gives every problem of a row at once, one per column", () => {
    const r = transfer({ Recipient: "Atlantis", Supplier: "Narnia", Status: "Lost", "No. ordered": "lots" });
    expect(r.errors.map((e) => e.column)).toEqual(["Supplier", "Recipient", "Status", "No. ordered"]);
  });

  it("keeps a formula in a free-text column as text with a leading apostrophe, and says so", () => {
    const r = transfer({ Comments: "=HYPERLINK(\"http://evil.example\",\"click\")", "Weapon description": "-portable SAM" });
    expect(r.errors).toEqual([]);
    expect(r.data?.comments).toBe("'=HYPERLINK(\"http://evil.example\",\"click\")");
    expect(r.description).toBe("'-portable SAM");
    expect(r.notes.map((n) => n.column)).toEqual(["Weapon description", "Comments"]);
    expect(r.notes[1]!.message).toMatch(/^Starts with “=”, which a spreadsheet would run as a formula: stored with a leading apostrophe/);
  });

  it("reads an unknown weapon as none", () => {
    for (const designation of ["", "?", ". ."]) {
      const r = transfer({ "Weapon designation": designation });
      expect(r.errors).toEqual([]);
      expect(r.designation).toBeNull();
      expect(r.key).toBe("transfer|RU|VE||2005");
    }
  });

  it("keeps the same key when a revised register changes figures and markers, not when it names another deal", () => {
    const base = transfer({}).key;
    expect(transfer({ "No. delivered": "(90)", Status: "In delivery", "Year of order": "(2005)" }).key).toBe(base);
    expect(transfer({ "Weapon designation": "9k338 IGLA S" }).key).toBe(base);
    expect(transfer({ "Year of order": "2006" }).key).not.toBe(base);
    expect(transfer({ Recipient: "Colombia" }).key).not.toBe(base);
  });
});

describe("weapon categories of new weapon systems", () => {
  it.each([
    ["portable SAM", "MANPADS"],
    ["SAM system", "AIR_DEFENCE_SYSTEMS"],
    ["SAM", "MISSILES"],
    ["anti-ship missile", "MISSILES"],
    ["anti-tank missile", "MISSILES"],
    ["FGA aircraft", "AIRCRAFT"],
    ["combat helicopter", "AIRCRAFT"],
    ["frigate", "SHIPS"],
    ["patrol craft", "SHIPS"],
    ["tank", "ARMOURED_VEHICLES"],
    ["IFV", "ARMOURED_VEHICLES"],
    ["self-propelled gun", "ARTILLERY"],
    ["MRL", "ARTILLERY"],
    ["assault rifle", "SMALL_ARMS_LIGHT_WEAPONS"],
    ["air search radar", "SENSORS"],
    ["turbofan", "OTHER"],
    [null, "OTHER"],
  ])("%j is %s", (description, category) => {
    expect(guessCategory(description)).toBe(category);
  });
});

const REQUEST_HEADER = ["Date", "Requesting country", "Target country", "Title", "Ask", "Channel", "Response", "Summary", "Classification"];

function request(cells: Partial<Record<string, string>>, header = REQUEST_HEADER) {
  const h = findHeader([header], REQUEST_COLUMNS, "diplomatic requests");
  const defaults: Record<string, string> = {
    Date: "2009",
    "Requesting country": "United States",
    "Target country": "Russia",
    Title: "U.S. asks Russia to suspend the Igla-S sale",
    Ask: "Suspend the sale",
    Channel: "Cable",
    Response: "Rebuffed",
    Summary: "The sale went ahead.",
    Classification: "Secret",
  };
  return readRequestRow(h, { row: 3, cells: header.map((name) => cells[name] ?? defaults[name] ?? "") }, resolve);
}

describe("rows to diplomatic requests", () => {
  it("reads a row into the form's values", () => {
    const r = request({});
    expect(r.errors).toEqual([]);
    expect(r.data).toMatchObject({
      title: "U.S. asks Russia to suspend the Igla-S sale",
      occurredOn: { date: new Date("2009-01-01T00:00:00Z"), precision: "YEAR" },
      requestingCountryId: idOf("US"),
      targetCountryId: idOf("RU"),
      ask: "SUSPEND_SALE",
      channel: "CABLE",
      response: "REBUFFED",
      responseSummary: "The sale went ahead.",
      classification: "SECRET",
      visibility: "INTERNAL",
      requestingActorIds: [],
    });
    expect(r.key).toBe("request|2009|US|RU|SUSPEND_SALE|us asks russia to suspend the igla s sale");
    expect(r.label()).toBe("2009, United States → Russia: U.S. asks Russia to suspend the Igla-S sale");
  });

  it.each([
    { cells: { Date: "2005-03" }, expected: { occurredOn: { date: new Date("2005-03-01T00:00:00Z"), precision: "MONTH" } } },
    { cells: { Date: "2005-03-17" }, expected: { occurredOn: { date: new Date("2005-03-17T00:00:00Z"), precision: "DAY" } } },
    { cells: { Date: "" }, expected: { occurredOn: null } },
    { cells: { Ask: "HALT_SALE" }, expected: { ask: "HALT_SALE" } },
    { cells: { Ask: "halt the sale" }, expected: { ask: "HALT_SALE" } },
    { cells: { Ask: "End-use assurance" }, expected: { ask: "END_USE_ASSURANCE" } },
    { cells: { Channel: "demarche" }, expected: { channel: "DEMARCHE" } },
    { cells: { Channel: "Démarche" }, expected: { channel: "DEMARCHE" } },
    { cells: { Channel: "" }, expected: { channel: null } },
    { cells: { Channel: "unknown" }, expected: { channel: null } },
    { cells: { Response: "no response", Summary: "" }, expected: { response: "NO_RESPONSE", responseSummary: null } },
    { cells: { Classification: "?" }, expected: { classification: null } },
  ])("reads $cells", ({ cells, expected }) => {
    const r = request(cells);
    expect(r.errors).toEqual([]);
    expect(r.data).toMatchObject(expected);
  });

  it.each([
    { cells: { Date: "17/03/2005" }, column: "Date", message: "Write the date as YYYY, YYYY-MM or YYYY-MM-DD." },
    { cells: { Date: "2005-02-30" }, column: "Date", message: "Write the date as YYYY, YYYY-MM or YYYY-MM-DD." },
    { cells: { Date: `${thisYear + 1}` }, column: "Date", message: "This date is in the future." },
    { cells: { "Target country": "Atlantis" }, column: "Target country", message: "“Atlantis” is not a country we know" },
    { cells: { "Target country": "USA" }, column: "Target country", message: "A country does not lobby itself: choose another target." },
    { cells: { Title: "" }, column: "Title", message: "Give the request a short title." },
    { cells: { Title: "x".repeat(301) }, column: "Title", message: "Use at most 300 characters." },
    { cells: { Ask: "Please stop" }, column: "Ask", message: "“Please stop” is not one of Halt the sale, Suspend the sale, Cancel the sale, End-use assurance, Inspection, Information or Other." },
    { cells: { Ask: "" }, column: "Ask", message: "This is required" },
    { cells: { Channel: "Pigeon" }, column: "Channel", message: "“Pigeon” is not one of Cable, Meeting, Démarche, Letter, Call or Public statement (or empty if unknown)." },
    { cells: { Response: "", Summary: "They said no." }, column: "Response", message: "Say what the response was, or leave the summary empty." },
    { cells: { Date: "=NOW()" }, column: "Date", message: "starts with “=”" },
    { cells: { Ask: "@HALT" }, column: "Ask", message: "starts with “@”" },
  ])("refuses $cells", ({ cells, column, message }) => {
    const r = request(cells);
    expect(r.data).toBeNull();
    expect(r.errors).toContainEqual({ column, message: expect.stringContaining(message) });
  });

  it("keeps formulas in the title and summary as text, marked", () => {
    const r = request({ Title: "=1+1", Summary: "-they said no" });
    expect(r.errors).toEqual([]);
    expect(r.data).toMatchObject({ title: "'=1+1", responseSummary: "'-they said no" });
    expect(r.notes.map((n) => n.column)).toEqual(["Title", "Summary"]);
  });
});
