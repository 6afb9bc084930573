// The list pages' data functions (lib/db/lists/*) on the seeded demo case:
// full-text search (own text, quotes, citations), filters, sorting,
// pagination and counts, and who sees what.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parseListParams, type ListParams, type ListType } from "@/lib/lists/params";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";

const ctx = withMigratedDatabase("lists");

let listRecords: typeof import("@/lib/records/lists").listRecords;
let countries: typeof import("@/lib/db/lists/countries");

type Viewer = { id: number; role: "VIEWER" | "ANALYST" | "EDITOR" | "ADMIN" };
const as: Record<"VIEWER" | "ANALYST" | "EDITOR" | "ADMIN" | "AUTHOR", Viewer> = {} as never;
const ids = { r2005: 0, r2009: 0, restricted: 0, deleted: 0, undated: 0, quoted: 0, concern: 0, transfer: 0, weapon: 0, inspection: 0 };

/** The parameters a URL query string gives. */
function params<T extends ListType>(type: T, query = ""): ListParams<T> {
  const parsed = parseListParams(type, new URLSearchParams(query));
  expect(parsed.messages).toEqual([]);
  return parsed.params;
}

const requestIds = async (viewer: Viewer, query = "") => (await listRecords("requests", viewer, params("requests", query))).rows.map((r) => r.id);

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  ({ listRecords } = await import("@/lib/records/lists"));
  countries = await import("@/lib/db/lists/countries");
  for (const role of ["VIEWER", "ANALYST", "EDITOR", "ADMIN"] as const) {
    as[role] = { id: (await makeUser(ctx.db, role)).id, role };
  }
  const author = await makeUser(ctx.db, "ANALYST", undefined, "author");
  as.AUTHOR = { id: author.id, role: "ANALYST" };

  const db = ctx.db;
  ids.r2005 = (await db.diplomaticRequest.findUniqueOrThrow({ where: { externalId: "demo:request:2005" } })).id;
  ids.r2009 = (await db.diplomaticRequest.findUniqueOrThrow({ where: { externalId: "demo:request:2009" } })).id;
  ids.concern = (await db.concern.findFirstOrThrow()).id;
  ids.transfer = (await db.armsTransfer.findFirstOrThrow()).id;
  ids.weapon = (await db.weaponSystem.findFirstOrThrow()).id;
  ids.inspection = (await db.inspection.findFirstOrThrow()).id;
  const ru = (await db.country.findUniqueOrThrow({ where: { alpha2: "RU" } })).id;
  const ve = (await db.country.findUniqueOrThrow({ where: { alpha2: "VE" } })).id;
  const us = (await db.country.findUniqueOrThrow({ where: { alpha2: "US" } })).id;
  const fr = (await db.country.findUniqueOrThrow({ where: { alpha2: "FR" } })).id;

  // The 2009 request is verified; the 2005 one is not.
  await db.diplomaticRequest.update({ where: { id: ids.r2009 }, data: { verifiedAt: new Date(), verifiedById: as.EDITOR.id } });
  // A restricted request by the author.
  ids.restricted = (
    await db.diplomaticRequest.create({
      data: { title: "Restricted request about zebrawood rifles", requestingCountryId: ve, targetCountryId: ru, ask: "INFORMATION", visibility: "RESTRICTED", createdById: author.id },
    })
  ).id;
  // A deleted request.
  ids.deleted = (
    await db.diplomaticRequest.create({
      data: { title: "Deleted request about Igla-S", requestingCountryId: us, targetCountryId: ru, ask: "HALT_SALE", deletedAt: new Date(), deletedById: as.EDITOR.id },
    })
  ).id;
  // An undated request between France and the U.S., with a quote and a
  // citation carrying words that appear nowhere else.
  ids.undated = (
    await db.diplomaticRequest.create({ data: { title: "Undated request", requestingCountryId: fr, targetCountryId: us, ask: "OTHER" } })
  ).id;
  const source = await db.source.findFirstOrThrow({ where: { externalId: "demo:source:article" } });
  await db.quote.create({ data: { text: "A quoted quetzalcoatl remark", requestId: ids.undated } });
  await db.quote.create({ data: { text: "A restricted hiddenquoteword remark", requestId: ids.undated, visibility: "RESTRICTED", createdById: author.id } });
  await db.quote.create({ data: { text: "A deleted deletedquoteword remark", requestId: ids.undated, deletedAt: new Date() } });
  await db.citation.create({ data: { sourceId: source.id, requestId: ids.undated, passage: "a passage about xylophonecitation" } });
  // A restricted source cited by the 2005 request.
  await db.source.create({
    data: {
      kind: "REPORT",
      title: "Restricted field report",
      visibility: "RESTRICTED",
      createdById: author.id,
      citations: { create: [{ requestId: ids.r2005, passage: "a restrictedpassageword passage" }] },
    },
  });
  // A restricted concern.
  await db.concern.create({ data: { title: "Restricted concern on zebrawood", category: "OTHER", severity: "LOW", visibility: "RESTRICTED", createdById: author.id } });
});

describe("search", () => {
  it("finds the 2005 request by a word of a passage it cites (umbrage), not in its own text", async () => {
    const own = await ctx.db.$queryRaw<{ hit: boolean }[]>`
      SELECT search @@ websearch_to_tsquery('simple', 'umbrage') AS hit FROM "DiplomaticRequest" WHERE id = ${ids.r2005}`;
    expect(own[0]!.hit).toBe(false);
    expect(await requestIds(as.VIEWER, "q=umbrage")).toEqual([ids.r2005]);
  });

  it("finds the 2005 request by a word of Antonov's quote (decision)", async () => {
    expect(await requestIds(as.VIEWER, "q=decision")).toEqual([ids.r2005]);
    expect(await requestIds(as.VIEWER, "q=%22your+decision%22")).toEqual([ids.r2005]);
  });

  it("matches a request's quotes and citations on their own", async () => {
    expect(await requestIds(as.VIEWER, "q=quetzalcoatl")).toEqual([ids.undated]);
    expect(await requestIds(as.VIEWER, "q=xylophonecitation")).toEqual([ids.undated]);
  });

  it("ignores quotes, sources and records the viewer may not see, and deleted quotes", async () => {
    expect(await requestIds(as.VIEWER, "q=hiddenquoteword")).toEqual([]);
    expect(await requestIds(as.AUTHOR, "q=hiddenquoteword")).toEqual([ids.undated]);
    expect(await requestIds(as.EDITOR, "q=hiddenquoteword")).toEqual([ids.undated]);
    expect(await requestIds(as.VIEWER, "q=restrictedpassageword")).toEqual([]);
    expect(await requestIds(as.EDITOR, "q=restrictedpassageword")).toEqual([ids.r2005]);
    expect(await requestIds(as.EDITOR, "q=deletedquoteword")).toEqual([]);
    expect(await requestIds(as.VIEWER, "q=zebrawood")).toEqual([]);
    expect(await requestIds(as.AUTHOR, "q=zebrawood")).toEqual([ids.restricted]);
  });

  it("finds Igla-S as a transfer, a weapon system and a concern, also by the start of the word", async () => {
    for (const q of ["Igla", "igla-s", "igl"]) {
      expect((await listRecords("transfers", as.VIEWER, params("transfers", `q=${q}`))).rows.map((r) => r.id)).toEqual([ids.transfer]);
      expect((await listRecords("weaponSystems", as.VIEWER, params("weaponSystems", `q=${q}`))).rows.map((r) => r.id)).toEqual([ids.weapon]);
      expect((await listRecords("concerns", as.VIEWER, params("concerns", `q=${q}`))).rows.map((r) => r.id)).toEqual([ids.concern]);
    }
    // Both demo requests mention the Igla-S; the deleted one does too but stays hidden.
    expect((await requestIds(as.VIEWER, "q=igla")).sort()).toEqual([ids.r2005, ids.r2009].sort());
  });

  it("matches a concern through its requests' quotes, and its own quotes", async () => {
    // "policy" is in Antonov's quote on the 2005 request, not in the concern's own text, quotes or citations.
    expect((await listRecords("concerns", as.VIEWER, params("concerns", "q=policy"))).rows.map((r) => r.id)).toEqual([ids.concern]);
    // Kulikov's quote is the concern's own.
    expect((await listRecords("concerns", as.VIEWER, params("concerns", "q=cars"))).rows.map((r) => r.id)).toEqual([ids.concern]);
  });

  it("combines words, alternatives and exclusions as web search does", async () => {
    expect(await requestIds(as.VIEWER, "q=igla+suspend")).toEqual([ids.r2009]);
    expect((await requestIds(as.VIEWER, "q=umbrage+or+clinton")).sort()).toEqual([ids.r2005, ids.r2009].sort());
    // Each record, quote and citation is matched on its own: an exclusion
    // applies to each, as on the weapon system's single text.
    expect((await listRecords("weaponSystems", as.VIEWER, params("weaponSystems", "q=igla+-farc"))).rows).toHaveLength(1);
    expect((await listRecords("weaponSystems", as.VIEWER, params("weaponSystems", "q=igla+-manpads"))).rows).toHaveLength(0);
  });

  it("searches sources, actors, inspections and countries", async () => {
    // The cable by its author; the article, whose excerpt is its whole text, names him too.
    const srcs = await listRecords("sources", as.VIEWER, params("sources", "q=Russell"));
    expect(srcs.rows.map((s) => s.title).sort()).toEqual([
      "[2005 cable by Daniel Russell, U.S. diplomat stationed in Moscow]",
      "[News article on released U.S. diplomatic cables about Russian arms sales to Venezuela]",
    ]);
    expect((await listRecords("sources", as.VIEWER, params("sources", "q=field+report"))).rows).toHaveLength(0);
    expect((await listRecords("sources", as.AUTHOR, params("sources", "q=field+report"))).rows).toHaveLength(1);
    const people = await listRecords("actors", as.VIEWER, params("actors", "q=disarmament"));
    expect(people.rows.map((a) => a.name)).toEqual(["Anatoliy Antonov"]);
    const insp = await listRecords("inspections", as.VIEWER, params("inspections", "q=surprise"));
    expect(insp.rows.map((i) => i.id)).toEqual([ids.inspection]);
    const byName = await countries.listCountryPage(as.VIEWER, params("countries", "q=venez"));
    expect(byName.rows.map((c) => c.alpha2)).toEqual(["VE"]);
    const byCode = await countries.listCountryPage(as.VIEWER, params("countries", "q=rus"));
    expect(byCode.rows.map((c) => c.alpha2)).toContain("RU");
  });

  it("takes any text without an error, and never as SQL", async () => {
    for (const q of [`'; DROP TABLE "Country"; --`, "igla:*", "a & b | !c", "(((", `"unclosed`, "-", "or", "ünïcödé"]) {
      const parsed = parseListParams("requests", new URLSearchParams({ q }));
      await expect(listRecords("requests", as.VIEWER, parsed.params)).resolves.toBeDefined();
    }
    expect(await ctx.db.country.count()).toBeGreaterThan(200);
  });
});

describe("filters", () => {
  it("country matches either side of a request", async () => {
    expect((await requestIds(as.VIEWER, "country=RU")).sort()).toEqual([ids.r2005, ids.r2009].sort());
    expect((await requestIds(as.VIEWER, "country=us")).sort()).toEqual([ids.r2005, ids.r2009, ids.undated].sort());
    expect(await requestIds(as.VIEWER, "country=CO")).toEqual([]);
    expect(await requestIds(as.VIEWER, "country=XX")).toEqual([]);
  });

  it("country filters every list on its own country columns", async () => {
    expect((await listRecords("concerns", as.VIEWER, params("concerns", "country=CO"))).rows).toHaveLength(1);
    expect((await listRecords("concerns", as.VIEWER, params("concerns", "country=FR"))).rows).toHaveLength(0);
    expect((await listRecords("transfers", as.VIEWER, params("transfers", "country=VE"))).rows).toHaveLength(1);
    expect((await listRecords("transfers", as.VIEWER, params("transfers", "country=US"))).rows).toHaveLength(0);
    expect((await listRecords("inspections", as.VIEWER, params("inspections", "country=RU"))).rows).toHaveLength(1);
    expect((await listRecords("inspections", as.VIEWER, params("inspections", "country=VE"))).rows).toHaveLength(1);
    expect((await listRecords("actors", as.VIEWER, params("actors", "country=RU"))).rows.map((a) => a.name).sort()).toEqual(["Anatoliy Antonov", "Anatoliy Kulikov"]);
    expect((await listRecords("weaponSystems", as.VIEWER, params("weaponSystems", "country=RU"))).rows).toHaveLength(1);
    expect((await listRecords("weaponSystems", as.VIEWER, params("weaponSystems", "country=US"))).rows).toHaveLength(0);
  });

  it("response, status, severity, category and kind", async () => {
    expect((await requestIds(as.VIEWER, "response=REBUFFED")).sort()).toEqual([ids.r2005, ids.r2009].sort());
    expect(await requestIds(as.VIEWER, "response=ACCEPTED")).toEqual([]);
    expect((await requestIds(as.VIEWER, "response=ACCEPTED&response=REBUFFED")).sort()).toEqual([ids.r2005, ids.r2009].sort());
    expect((await listRecords("concerns", as.VIEWER, params("concerns", "status=OPEN&severity=HIGH&category=DIVERSION"))).rows).toHaveLength(1);
    expect((await listRecords("concerns", as.VIEWER, params("concerns", "status=RESOLVED"))).rows).toHaveLength(0);
    expect((await listRecords("transfers", as.VIEWER, params("transfers", "status=DELIVERED"))).rows).toHaveLength(1);
    expect((await listRecords("transfers", as.VIEWER, params("transfers", "status=ORDERED"))).rows).toHaveLength(0);
    expect((await listRecords("inspections", as.VIEWER, params("inspections", "status=RIGHT_ASSERTED"))).rows).toHaveLength(1);
    expect((await listRecords("inspections", as.VIEWER, params("inspections", "status=CONDUCTED"))).rows).toHaveLength(0);
    expect((await listRecords("sources", as.VIEWER, params("sources", "kind=DIPLOMATIC_CABLE"))).rows).toHaveLength(2);
    expect((await listRecords("actors", as.VIEWER, params("actors", "kind=ARMED_GROUP"))).rows.map((a) => a.name)).toEqual(["FARC"]);
  });

  it("weapon category: transfers, weapon systems, and requests through their transfers", async () => {
    expect((await requestIds(as.VIEWER, "weapon=MANPADS")).sort()).toEqual([ids.r2005, ids.r2009].sort());
    expect(await requestIds(as.VIEWER, "weapon=SHIPS")).toEqual([]);
    expect((await listRecords("transfers", as.VIEWER, params("transfers", "weapon=MANPADS"))).rows).toHaveLength(1);
    expect((await listRecords("transfers", as.VIEWER, params("transfers", "weapon=AIRCRAFT"))).rows).toHaveLength(0);
    expect((await listRecords("weaponSystems", as.VIEWER, params("weaponSystems", "weapon=MANPADS"))).rows).toHaveLength(1);
  });

  it("date range on a vague date: a year-precision date is within any part of its year", async () => {
    expect(await requestIds(as.VIEWER, "from=2009")).toEqual([ids.r2009]);
    expect(await requestIds(as.VIEWER, "to=2005")).toEqual([ids.r2005]);
    expect(await requestIds(as.VIEWER, "from=2005-06&to=2005-12-31")).toEqual([ids.r2005]);
    expect(await requestIds(as.VIEWER, "from=2006&to=2008")).toEqual([]);
    expect(await requestIds(as.VIEWER, "from=2004-01-01&to=2009-12-31&sort=date&dir=asc")).toEqual([ids.r2005, ids.r2009]);
    expect((await listRecords("concerns", as.VIEWER, params("concerns", "from=2005&to=2005"))).rows).toHaveLength(1);
    expect((await listRecords("concerns", as.VIEWER, params("concerns", "from=2006"))).rows).toHaveLength(0);
    expect((await listRecords("sources", as.VIEWER, params("sources", "from=2009-01-01&to=2009-12-31"))).rows).toHaveLength(2);
    // The order year of the demo transfer is unknown: it is in no range.
    expect((await listRecords("transfers", as.VIEWER, params("transfers", "from=1900"))).rows).toHaveLength(0);
  });

  it("concerning: requests between other countries linked to a transfer or a concern about the country", async () => {
    // Both U.S. requests to Russia: linked to the transfer to Venezuela and to the concern naming VE, CO, RU and US.
    expect((await requestIds(as.VIEWER, "concerning=VE")).sort()).toEqual([ids.r2005, ids.r2009].sort());
    expect((await requestIds(as.VIEWER, "concerning=co")).sort()).toEqual([ids.r2005, ids.r2009].sort());
    // Made (US) and received (RU) are not "concerning"; France has nothing to do with them.
    expect(await requestIds(as.VIEWER, "concerning=RU")).toEqual([]);
    expect(await requestIds(as.VIEWER, "concerning=US")).toEqual([]);
    expect(await requestIds(as.VIEWER, "concerning=FR")).toEqual([]);
    expect(await requestIds(as.VIEWER, "concerning=XX")).toEqual([]);
    // With the other filters.
    expect(await requestIds(as.VIEWER, "concerning=VE&from=2009")).toEqual([ids.r2009]);
    expect(await requestIds(as.VIEWER, "concerning=VE&response=ACCEPTED")).toEqual([]);
    expect(await requestIds(as.VIEWER, "concerning=VE&askedOf=RU&verified=no")).toEqual([ids.r2005]);
    // Not a country code: said, and ignored.
    const bad = parseListParams("requests", new URLSearchParams("concerning=Venezuela"));
    expect(bad.params.sides).toEqual({});
    expect(bad.messages).toEqual([expect.stringMatching(/country concerned filter was ignored/)]);
  });

  it("concerning: a restricted transfer or concern does not make a request concern its countries for those who may not read it", async () => {
    const db = ctx.db;
    const country = async (alpha2: string) => (await db.country.findUniqueOrThrow({ where: { alpha2 } })).id;
    const [gb, cn, de, pk, ir] = (await Promise.all(["GB", "CN", "DE", "PK", "IR"].map(country))) as [number, number, number, number, number];
    const transfer = await db.armsTransfer.create({
      data: { supplierId: de, recipientId: pk, status: "ORDERED", visibility: "RESTRICTED", createdById: as.AUTHOR.id },
    });
    const concern = await db.concern.create({
      data: {
        title: "Restricted concern naming Iran",
        category: "OTHER",
        severity: "LOW",
        visibility: "RESTRICTED",
        createdById: as.AUTHOR.id,
        countryLinks: { create: [{ countryId: ir, role: "AFFECTED" }] },
      },
    });
    const request = await db.diplomaticRequest.create({
      data: {
        title: "U.K. asks China about German arms",
        requestingCountryId: gb,
        targetCountryId: cn,
        ask: "INFORMATION",
        transferLinks: { create: [{ transferId: transfer.id }] },
        concernLinks: { create: [{ concernId: concern.id }] },
      },
    });
    try {
      for (const code of ["PK", "DE", "IR"]) {
        expect(await requestIds(as.VIEWER, `concerning=${code}`)).toEqual([]);
        expect(await requestIds(as.ANALYST, `concerning=${code}`)).toEqual([]);
        expect(await requestIds(as.AUTHOR, `concerning=${code}`)).toEqual([request.id]);
        expect(await requestIds(as.EDITOR, `concerning=${code}`)).toEqual([request.id]);
      }
      // The request itself is internal: listed for everyone without the filter.
      expect(await requestIds(as.VIEWER, "country=GB")).toEqual([request.id]);
    } finally {
      await db.diplomaticRequest.delete({ where: { id: request.id } });
      await db.concern.delete({ where: { id: concern.id } });
      await db.armsTransfer.delete({ where: { id: transfer.id } });
    }
  });

  it("verification", async () => {
    expect(await requestIds(as.VIEWER, "verified=yes")).toEqual([ids.r2009]);
    expect(await requestIds(as.VIEWER, "verified=no&country=RU")).toEqual([ids.r2005]);
    const rows = (await listRecords("requests", as.VIEWER, params("requests", "country=RU"))).rows;
    expect(Object.fromEntries(rows.map((r) => [r.id, r.verified]))).toEqual({ [ids.r2005]: false, [ids.r2009]: true });
  });
});

describe("who sees what", () => {
  it.each([
    { who: "VIEWER", sees: false },
    { who: "ANALYST", sees: false },
    { who: "AUTHOR", sees: true },
    { who: "EDITOR", sees: true },
    { who: "ADMIN", sees: true },
  ] as const)("$who sees restricted records: $sees", async ({ who, sees }) => {
    const viewer = as[who];
    expect((await requestIds(viewer)).includes(ids.restricted)).toBe(sees);
    const list = await listRecords("concerns", viewer, params("concerns"));
    expect(list.rows.some((c) => c.title === "Restricted concern on zebrawood")).toBe(sees);
    expect(list.total).toEqual({ value: sees ? 2 : 1, exact: true });
    const ru = (await countries.listCountryPage(viewer, params("countries", "q=RU"))).rows.find((c) => c.alpha2 === "RU");
    expect(ru?.requestsReceived).toBe(sees ? 3 : 2);
  });

  it("never lists deleted records, except deleted=yes for editors", async () => {
    for (const who of ["VIEWER", "ANALYST", "EDITOR", "ADMIN"] as const) {
      expect(await requestIds(as[who])).not.toContain(ids.deleted);
    }
    const trash = await listRecords("requests", as.EDITOR, params("requests", "deleted=yes"));
    expect(trash.showingDeleted).toBe(true);
    expect(trash.rows.map((r) => r.id)).toEqual([ids.deleted]);
    expect(trash.rows[0]!.deletedAt).toBeInstanceOf(Date);
    // Anyone else asking gets the ordinary list.
    const ignored = await listRecords("requests", as.ANALYST, params("requests", "deleted=yes"));
    expect(ignored.showingDeleted).toBe(false);
    expect(ignored.rows.map((r) => r.id)).not.toContain(ids.deleted);
  });

  it("hides a restricted weapon system's name in the transfer list", async () => {
    await ctx.db.weaponSystem.update({ where: { id: ids.weapon }, data: { visibility: "RESTRICTED", createdById: as.AUTHOR.id } });
    try {
      const seen = (await listRecords("transfers", as.VIEWER, params("transfers"))).rows[0]!;
      expect(seen.weaponSystem).toBeNull();
      expect((await listRecords("transfers", as.EDITOR, params("transfers"))).rows[0]!.weaponSystem).toBe("Igla-S");
      expect((await listRecords("weaponSystems", as.VIEWER, params("weaponSystems"))).rows).toHaveLength(0);
      // Its category no longer finds the transfer for the viewer.
      expect((await listRecords("transfers", as.VIEWER, params("transfers", "weapon=MANPADS"))).rows).toHaveLength(0);
    } finally {
      await ctx.db.weaponSystem.update({ where: { id: ids.weapon }, data: { visibility: "INTERNAL", createdById: null } });
    }
  });

  it("refuses a caller without a known role", async () => {
    await expect(listRecords("requests", { id: 1, role: "GHOST" }, params("requests"))).rejects.toThrow(/permission/);
    await expect(countries.listCountryPage({ id: 1, role: undefined }, params("countries"))).rejects.toThrow(/permission/);
  });
});

describe("rows, sorting and pages", () => {
  it("a request row carries its countries' names", async () => {
    const row = (await listRecords("requests", as.VIEWER, params("requests", "q=umbrage"))).rows[0]!;
    expect(row).toMatchObject({
      id: ids.r2005,
      requestingCountry: "United States",
      requestingCountryAlpha2: "US",
      targetCountry: "Russia",
      targetCountryAlpha2: "RU",
      ask: "HALT_SALE",
      response: "REBUFFED",
      occurredOnPrecision: "YEAR",
      verified: false,
      visibility: "INTERNAL",
      deletedAt: null,
    });
    expect(row.occurredOn?.toISOString().slice(0, 10)).toBe("2005-01-01");
  });

  it("a concern row carries its countries, owner and readable request count", async () => {
    const viewerRow = (await listRecords("concerns", as.VIEWER, params("concerns", "country=CO"))).rows[0]!;
    expect([...viewerRow.countryCodes].sort()).toEqual(["CO", "RU", "US", "VE"]);
    expect(viewerRow.countryNames).toHaveLength(4);
    expect(viewerRow.requests).toBe(2);
  });

  it("sorts by date either way with unknown dates last", async () => {
    expect(await requestIds(as.VIEWER, "sort=date&dir=desc")).toEqual([ids.r2009, ids.r2005, ids.undated]);
    expect(await requestIds(as.VIEWER, "sort=date&dir=asc")).toEqual([ids.r2005, ids.r2009, ids.undated]);
    expect(await requestIds(as.VIEWER, "q=igla+or+quetzalcoatl&sort=date&dir=desc")).toEqual([ids.r2009, ids.r2005, ids.undated]);
  });

  it("sorts by title", async () => {
    const rows = (await listRecords("requests", as.VIEWER, params("requests", "sort=title&dir=asc"))).rows.map((r) => r.id);
    const expected = await ctx.db.$queryRaw<{ id: number }[]>`
      SELECT id FROM "DiplomaticRequest" WHERE "deletedAt" IS NULL AND visibility = 'INTERNAL' ORDER BY title, id`;
    expect(rows).toEqual(expected.map((r) => r.id));
    const desc = (await listRecords("requests", as.VIEWER, params("requests", "sort=title&dir=desc"))).rows.map((r) => r.id);
    expect(desc).toEqual([...rows].reverse());
  });

  it("pages by 50 and counts exactly when there are few rows", async () => {
    const us = (await ctx.db.country.findUniqueOrThrow({ where: { alpha2: "US" } })).id;
    const nl = (await ctx.db.country.findUniqueOrThrow({ where: { alpha2: "NL" } })).id;
    await ctx.db.$executeRaw`
      INSERT INTO "DiplomaticRequest" (title, "occurredOn", "occurredOnPrecision", "requestingCountryId", "targetCountryId", ask, "updatedAt")
      SELECT 'Paginationbatch request ' || g, date '2010-01-01' + g, 'DAY', ${us}, ${nl}, 'INFORMATION', now()
        FROM generate_series(1, 55) g`;
    const first = await listRecords("requests", as.VIEWER, params("requests", "q=paginationbatch"));
    expect(first.rows).toHaveLength(50);
    expect(first.hasNext).toBe(true);
    expect(first.total).toEqual({ value: 55, exact: true });
    // Newest first: day 55, 54, ...
    expect(first.rows[0]!.title).toBe("Paginationbatch request 55");
    const second = await listRecords("requests", as.VIEWER, params("requests", "q=paginationbatch&page=2"));
    expect(second.rows.map((r) => r.title)).toEqual([5, 4, 3, 2, 1].map((n) => `Paginationbatch request ${n}`));
    expect(second.hasNext).toBe(false);
    expect(second.total).toEqual({ value: 55, exact: true });
    const beyond = await listRecords("requests", as.VIEWER, params("requests", "q=paginationbatch&page=3"));
    expect(beyond.rows).toHaveLength(0);
    expect(beyond.total).toEqual({ value: 55, exact: true });
    // Sorted by country, then pages of the country list.
    const made = await countries.listCountryPage(as.VIEWER, params("countries", "sort=made"));
    expect(made.rows[0]).toMatchObject({ alpha2: "US", requestsMade: 57 });
    expect(made.hasNext).toBe(true);
    const last = await countries.listCountryPage(as.VIEWER, params("countries", "page=5"));
    expect(last.total.exact).toBe(true);
    expect(last.total.value).toBeGreaterThan(240);
  });

  it("keeps what the countries page showed: every country, with its counts", async () => {
    const regions = await countries.listRegions(as.VIEWER);
    expect(regions).toContain("Europe");
    const europe = await countries.listCountryPage(as.VIEWER, params("countries", "region=Europe&sort=alpha2"));
    expect(europe.rows.every((c) => c.region === "Europe")).toBe(true);
    expect(europe.rows.map((c) => c.alpha2)).toEqual([...europe.rows.map((c) => c.alpha2)].sort());
    const options = await countries.listCountryOptions(as.VIEWER);
    expect(options.find((o) => o.alpha2 === "RU")?.name).toBe("Russia");
  });
});
