import { describe, expect, it } from "vitest";
import {
  LIST_SPECS,
  MAX_PAGE,
  MAX_QUERY_LENGTH,
  hasFilters,
  listHref,
  parseListParams,
  rangeLabel,
  roundEstimate,
  searchTerms,
  sortHref,
  type ListType,
} from "@/lib/lists/params";

const parse = <T extends ListType>(type: T, query: string) => parseListParams(type, new URLSearchParams(query));

describe("parseListParams: defaults", () => {
  it.each(Object.keys(LIST_SPECS) as ListType[])("%s: no parameters, no messages, its default sort, page 1", (type) => {
    const { params, messages } = parse(type, "");
    expect(messages).toEqual([]);
    expect(params).toMatchObject({ type, q: null, country: null, region: null, from: null, to: null, verified: null, deleted: false, page: 1 });
    expect(params.sort).toBe(LIST_SPECS[type].defaultSort);
    expect(params.dir).toBe((LIST_SPECS[type].sorts as Record<string, string>)[params.sort]);
    expect(hasFilters(params)).toBe(false);
  });

  it("takes a plain object as Next.js passes searchParams, arrays included", () => {
    const { params, messages } = parseListParams("concerns", { status: ["OPEN", "MONITORING"], q: "igla", page: undefined });
    expect(messages).toEqual([]);
    expect(params.enums.status).toEqual(["OPEN", "MONITORING"]);
    expect(params.q).toBe("igla");
  });
});

describe("parseListParams: values", () => {
  it.each([
    // search
    { type: "requests", query: "q=%20%20Igla%20%20%20S%20", expect: { q: "Igla S" } },
    { type: "requests", query: "q=!!!", expect: { q: null }, message: /no letters or digits/ },
    { type: "requests", query: `q=${"a".repeat(MAX_QUERY_LENGTH + 20)}`, expect: { q: "a".repeat(MAX_QUERY_LENGTH) }, message: /first 200 characters/ },
    // country
    { type: "requests", query: "country=ru", expect: { country: "RU" } },
    { type: "transfers", query: "country=RUS", expect: { country: null }, message: /not a country code/ },
    { type: "actors", query: "country=R1", expect: { country: null }, message: /not a country code/ },
    { type: "requests", query: "country=RU&country=VE", expect: { country: "RU" }, message: /Only one “country”/ },
    { type: "sources", query: "country=RU", expect: { country: null } },
    // region (countries only)
    { type: "countries", query: "region=Europe", expect: { region: "Europe" } },
    { type: "countries", query: "region=%3Cscript%3E", expect: { region: null }, message: /not a region/ },
    // dates
    { type: "requests", query: "from=2005", expect: { from: { input: "2005", start: "2005-01-01", end: "2005-12-31" } } },
    { type: "concerns", query: "to=2004-02", expect: { to: { input: "2004-02", start: "2004-02-01", end: "2004-02-29" } } },
    { type: "sources", query: "from=2009-03-17", expect: { from: { input: "2009-03-17", start: "2009-03-17", end: "2009-03-17" } } },
    { type: "requests", query: "from=2005-02-30", expect: { from: null }, message: /not a date/ },
    { type: "requests", query: "from=2005-13", expect: { from: null }, message: /not a date/ },
    { type: "requests", query: "to=05", expect: { to: null }, message: /not a date.*“To” was ignored/ },
    { type: "requests", query: "to=yesterday", expect: { to: null }, message: /YYYY/ },
    { type: "requests", query: "from=2009&to=2005", expect: { from: null, to: null }, message: /after/ },
    { type: "requests", query: "from=2005-06&to=2005", expect: { from: { input: "2005-06", start: "2005-06-01", end: "2005-06-30" } } },
    { type: "actors", query: "from=2005", expect: { from: null } },
    // verification and deleted
    { type: "requests", query: "verified=yes", expect: { verified: true } },
    { type: "requests", query: "verified=NO", expect: { verified: false } },
    { type: "requests", query: "verified=maybe", expect: { verified: null }, message: /neither yes nor no/ },
    { type: "inspections", query: "deleted=yes", expect: { deleted: true } },
    { type: "inspections", query: "deleted=1", expect: { deleted: false }, message: /neither yes nor no/ },
    { type: "countries", query: "deleted=yes&verified=yes", expect: { deleted: false, verified: null } },
    // sort, direction, page
    { type: "requests", query: "sort=title", expect: { sort: "title", dir: "asc" } },
    { type: "requests", query: "sort=title&dir=DESC", expect: { sort: "title", dir: "desc" } },
    { type: "requests", query: "sort=password", expect: { sort: "date", dir: "desc" }, message: /cannot be sorted by “password”/ },
    { type: "requests", query: "sort=__proto__", expect: { sort: "date" }, message: /cannot be sorted/ },
    { type: "concerns", query: "dir=sideways", expect: { sort: "opened", dir: "desc" }, message: /neither asc nor desc/ },
    { type: "countries", query: "sort=made", expect: { sort: "made", dir: "desc" } },
    { type: "requests", query: "page=3", expect: { page: 3 } },
    { type: "requests", query: "page=0", expect: { page: 1 }, message: /does not exist/ },
    { type: "requests", query: "page=-2", expect: { page: 1 }, message: /does not exist/ },
    { type: "requests", query: "page=1.5", expect: { page: 1 }, message: /does not exist/ },
    { type: "requests", query: "page=1e3", expect: { page: 1 }, message: /does not exist/ },
    { type: "requests", query: `page=${MAX_PAGE + 1}`, expect: { page: 1 }, message: /does not exist/ },
    { type: "requests", query: `page=${MAX_PAGE}`, expect: { page: MAX_PAGE } },
    // empty fields of a submitted form are no filter, silently
    { type: "requests", query: "q=&country=&response=&from=&to=&verified=&sort=&dir=&page=", expect: { q: null, country: null, page: 1 } },
  ] as { type: ListType; query: string; expect: Record<string, unknown>; message?: RegExp }[])(
    "$type ?$query",
    ({ type, query, expect: expected, message }) => {
      const { params, messages } = parse(type, query);
      expect(params).toMatchObject(expected);
      if (message) expect(messages).toEqual([expect.stringMatching(message)]);
      else expect(messages).toEqual([]);
    },
  );

  it.each([
    { type: "concerns", query: "status=open", param: "status", values: ["OPEN"] },
    { type: "concerns", query: "status=OPEN&status=MONITORING&status=OPEN", param: "status", values: ["OPEN", "MONITORING"] },
    { type: "concerns", query: "status=OPEN,MONITORING", param: "status", values: ["OPEN", "MONITORING"] },
    { type: "concerns", query: "status=OPEN,,%20monitoring", param: "status", values: ["OPEN", "MONITORING"] },
    { type: "concerns", query: "severity=HIGH&category=DIVERSION", param: "severity", values: ["HIGH"] },
    { type: "requests", query: "response=REBUFFED", param: "response", values: ["REBUFFED"] },
    { type: "requests", query: "weapon=manpads", param: "weapon", values: ["MANPADS"] },
    { type: "transfers", query: "status=DELIVERED&weapon=MANPADS", param: "status", values: ["DELIVERED"] },
    { type: "inspections", query: "status=RIGHT_ASSERTED", param: "status", values: ["RIGHT_ASSERTED"] },
    { type: "sources", query: "kind=DIPLOMATIC_CABLE", param: "kind", values: ["DIPLOMATIC_CABLE"] },
    { type: "actors", query: "kind=ARMED_GROUP", param: "kind", values: ["ARMED_GROUP"] },
    { type: "weaponSystems", query: "weapon=MANPADS", param: "weapon", values: ["MANPADS"] },
  ] as { type: ListType; query: string; param: string; values: string[] }[])("enum filter $type ?$query", ({ type, query, param, values }) => {
    const { params, messages } = parse(type, query);
    expect(messages).toEqual([]);
    expect((params.enums as Record<string, string[]>)[param]).toEqual(values);
    expect(hasFilters(params)).toBe(true);
  });

  it.each([
    { type: "concerns", query: "status=FOO", message: /“FOO” is not a concern status/ },
    { type: "concerns", query: "severity=HUGE", message: /not a concern severity/ },
    { type: "requests", query: "response=YES", message: /not a response/ },
    { type: "transfers", query: "weapon=LASERS", message: /not a weapon category/ },
    { type: "sources", query: "kind=RUMOUR", message: /not a source kind/ },
  ] as { type: ListType; query: string; message: RegExp }[])("ignores an unknown value: $type ?$query", ({ type, query, message }) => {
    const { params, messages } = parse(type, query);
    expect(Object.values(params.enums).flat()).toEqual([]);
    expect(messages).toEqual([expect.stringMatching(message)]);
  });

  it("ignores filters another list has (a request has no status)", () => {
    const { params, messages } = parse("requests", "status=OPEN&severity=HIGH&kind=REPORT&region=Europe");
    expect(messages).toEqual([]);
    expect(hasFilters(params)).toBe(false);
  });

  it("quotes at most 40 characters of a bad value back", () => {
    const { messages } = parse("requests", `country=${"x".repeat(500)}`);
    expect(messages[0]!.length).toBeLessThan(140);
  });
});

describe("searchTerms: the last word as a prefix", () => {
  it.each([
    { q: "igl", prefix: { head: "", word: "igl", or: false } },
    { q: "Russia Venez", prefix: { head: "Russia", word: "venez", or: false } },
    { q: "russia or venez", prefix: { head: "russia", word: "venez", or: true } },
    { q: "or venez", prefix: { head: "or", word: "venez", or: false } },
    { q: "9K338", prefix: { head: "", word: "9k338", or: false } },
    { q: "Ünïcödé", prefix: { head: "", word: "ünïcödé", or: false } },
    { q: "igla-s", prefix: null },
    { q: "-igla", prefix: null },
    { q: '"your decision"', prefix: null },
    { q: "igla:*", prefix: null },
    { q: "a", prefix: null },
    { q: "it's", prefix: null },
  ])("$q", ({ q, prefix }) => {
    expect(searchTerms(q)).toEqual({ query: q, prefix });
  });
});

describe("links keep the view", () => {
  it.each([
    { type: "requests", query: "", href: "/requests" },
    { type: "requests", query: "sort=date&dir=desc&page=1", href: "/requests" },
    { type: "requests", query: "q=igla+s&country=ru&response=REBUFFED&from=2005&to=2009-06&verified=yes", href: "/requests?q=igla+s&country=RU&response=REBUFFED&from=2005&to=2009-06&verified=yes" },
    { type: "concerns", query: "status=OPEN&status=MONITORING&sort=title&page=2", href: "/concerns?status=OPEN%2CMONITORING&sort=title&dir=asc&page=2" },
    { type: "concerns", query: "status=OPEN,MONITORING", href: "/concerns?status=OPEN%2CMONITORING" },
    { type: "weaponSystems", query: "deleted=yes", href: "/weapon-systems?deleted=yes" },
    { type: "countries", query: "region=Europe&sort=made", href: "/countries?region=Europe&sort=made&dir=desc" },
  ] as { type: ListType; query: string; href: string }[])("$type ?$query → $href", ({ type, query, href }) => {
    const { params } = parse(type, query);
    expect(listHref(params)).toBe(href);
    // What a link says is what it parses back to.
    const back = parse(type, href.split("?")[1] ?? "").params;
    expect(back).toEqual(params);
  });

  it("a new sort starts at page 1, in that column's own direction", () => {
    const { params } = parse("requests", "country=RU&page=4");
    expect(listHref(params, { sort: "title" })).toBe("/requests?country=RU&sort=title&dir=asc");
    expect(listHref(params, { sort: "date", dir: "asc" })).toBe("/requests?country=RU&sort=date&dir=asc");
    expect(listHref(params, { page: 5 })).toBe("/requests?country=RU&page=5");
    expect(listHref(params, { page: 1 })).toBe("/requests?country=RU");
  });
});

describe("counts as shown", () => {
  it.each([
    { n: 7, rounded: 7 },
    { n: 99, rounded: 99 },
    { n: 123, rounded: 120 },
    { n: 98_734, rounded: 99_000 },
    { n: 100_002, rounded: 100_000 },
    { n: 1_234_567, rounded: 1_200_000 },
  ])("roundEstimate($n) = $rounded", ({ n, rounded }) => {
    expect(roundEstimate(n)).toBe(rounded);
  });

  it.each([
    { page: 1, rows: 0, total: { value: 0, exact: true }, label: "No results" },
    { page: 3, rows: 0, total: { value: 55, exact: true }, label: "No results on page 3" },
    { page: 1, rows: 50, total: { value: 55, exact: true }, label: "1–50 of 55" },
    { page: 2, rows: 5, total: { value: 55, exact: true }, label: "51–55 of 55" },
    { page: 1, rows: 50, total: { value: 98_734, exact: false }, label: "1–50 of about 99,000" },
    { page: 21, rows: 50, total: { value: 12_345, exact: false }, label: "1,001–1,050 of about 12,000" },
    { page: 1, rows: 50, total: null, label: "1–50" },
  ])("page $page, $rows rows → $label", ({ page, rows, total, label }) => {
    expect(rangeLabel(page, rows, total)).toBe(label);
  });
});

describe("sortHref", () => {
  it.each([
    { query: "", sort: "date", href: "/requests?sort=date&dir=asc" },
    { query: "sort=date&dir=asc", sort: "date", href: "/requests" },
    { query: "sort=title&page=3", sort: "title", href: "/requests?sort=title&dir=desc" },
    { query: "country=RU", sort: "response", href: "/requests?country=RU&sort=response&dir=asc" },
  ])("?$query, header $sort → $href", ({ query, sort, href }) => {
    expect(sortHref(parse("requests", query).params, sort)).toBe(href);
  });
});
