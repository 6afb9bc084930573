// The country page's data (lib/db/country-page.ts) and the world map's figures
// (lib/db/map.ts) on the seeded demo case plus a few rows of our own: what
// each country supplied, received, was asked and answered, its concerns and
// inspections, per year; restricted and deleted records counted only for
// those who may see them; the map's figures equal to counts made another way.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parseMeasure } from "@/lib/map/measure";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";

const ctx = withMigratedDatabase("country_page");

let page: typeof import("@/lib/db/country-page");
let map: typeof import("@/lib/db/map");

type Viewer = { id: number; role: "VIEWER" | "ANALYST" | "EDITOR" | "ADMIN" };
const as = {} as Record<"viewer" | "analyst" | "author" | "editor", Viewer>;
const ids = { ru: 0, ve: 0, us: 0, in: 0, co: 0, r2005: 0, r2009: 0, restricted: 0, deleted: 0, transfer: 0, concern: 0, inspection: 0, indiaDeal: 0 };

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  page = await import("@/lib/db/country-page");
  map = await import("@/lib/db/map");
  for (const [name, role] of [["viewer", "VIEWER"], ["analyst", "ANALYST"], ["author", "ANALYST"], ["editor", "EDITOR"]] as const) {
    as[name] = { id: (await makeUser(ctx.db, role)).id, role };
  }
  const country = async (alpha2: string) => (await ctx.db.country.findUniqueOrThrow({ where: { alpha2 } })).id;
  ids.ru = await country("RU");
  ids.ve = await country("VE");
  ids.us = await country("US");
  ids.in = await country("IN");
  ids.co = await country("CO");
  const ext = async (model: "diplomaticRequest" | "armsTransfer" | "concern" | "inspection", externalId: string) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ((await (ctx.db[model] as any).findUniqueOrThrow({ where: { externalId } })) as { id: number }).id;
  ids.r2005 = await ext("diplomaticRequest", "demo:request:2005");
  ids.r2009 = await ext("diplomaticRequest", "demo:request:2009");
  ids.transfer = await ext("armsTransfer", "demo:transfer:ru-ve-igla-s");
  ids.concern = await ext("concern", "demo:concern:igla-s-diversion");
  ids.inspection = await ext("inspection", "demo:inspection:ru-surprise-inspections-ve");

  // A restricted request to Russia by the author, and a deleted one by nobody.
  ids.restricted = (
    await ctx.db.diplomaticRequest.create({
      data: {
        title: "Restricted request to Russia",
        requestingCountryId: ids.us,
        targetCountryId: ids.ru,
        ask: "INFORMATION",
        response: "DEFLECTED",
        occurredOn: new Date("2010-03-01"),
        occurredOnPrecision: "MONTH",
        visibility: "RESTRICTED",
        createdById: as.author.id,
      },
    })
  ).id;
  ids.deleted = (
    await ctx.db.diplomaticRequest.create({
      data: {
        title: "Deleted request to Russia",
        requestingCountryId: ids.us,
        targetCountryId: ids.ru,
        ask: "HALT_SALE",
        response: "ACCEPTED",
        occurredOn: new Date("2011-01-01"),
        occurredOnPrecision: "YEAR",
        deletedAt: new Date(),
      },
    })
  ).id;
  // Colombia asks Venezuela (VE's request received, CO's made); no response known.
  await ctx.db.diplomaticRequest.create({
    data: { title: "Colombia asks Venezuela for end-use assurances", requestingCountryId: ids.co, targetCountryId: ids.ve, ask: "END_USE_ASSURANCE" },
  });
  // A restricted weapon system on an internal transfer RU → IN: the transfer
  // counts for everyone, its category only for those who may see the system.
  const secretSystem = await ctx.db.weaponSystem.create({
    data: { name: "Secret armoured vehicle", category: "ARMOURED_VEHICLES", visibility: "RESTRICTED", createdById: as.author.id },
  });
  ids.indiaDeal = (
    await ctx.db.armsTransfer.create({
      data: {
        supplierId: ids.ru,
        recipientId: ids.in,
        weaponSystemId: secretSystem.id,
        status: "IN_DELIVERY",
        orderYear: 2012,
        deliveryYears: [2013, 2014],
      },
    })
  ).id;
  // A deleted transfer from Russia: never counted.
  await ctx.db.armsTransfer.create({
    data: { supplierId: ids.ru, recipientId: ids.ve, status: "ORDERED", orderYear: 2015, deletedAt: new Date() },
  });
  // A resolved concern naming Russia twice (supplier and affected): one concern, two roles, not unresolved.
  await ctx.db.concern.create({
    data: {
      title: "Resolved concern about Russia",
      category: "OTHER",
      severity: "LOW",
      status: "RESOLVED",
      countryLinks: { create: [{ countryId: ids.ru, role: "SUPPLIER" }, { countryId: ids.ru, role: "AFFECTED" }] },
    },
  });
  // A restricted unresolved concern about India, by the author.
  await ctx.db.concern.create({
    data: {
      title: "Restricted concern about India",
      category: "END_USE",
      severity: "MEDIUM",
      status: "MONITORING",
      visibility: "RESTRICTED",
      createdById: as.author.id,
      countryLinks: { create: [{ countryId: ids.in, role: "RECIPIENT" }] },
    },
  });
});

describe("Russia's page, as a viewer", () => {
  it("finds the country by its code in any case, and nothing for other codes", async () => {
    expect((await page.getCountryPage(as.viewer, "ru"))?.country).toMatchObject({ alpha2: "RU", alpha3: "RUS", numeric: "643", name: "Russia" });
    expect((await page.getCountryPage(as.viewer, "Ru"))?.country.alpha2).toBe("RU");
    for (const code of ["XX", "RUS", "R", "", "1a", "r%20", "%", "ÅX", " "]) expect(await page.getCountryPage(as.viewer, code)).toBeNull();
  });

  it("shows the two requests received, both rebuffed, with their records", async () => {
    const p = (await page.getCountryPage(as.viewer, "RU"))!;
    expect(p.requests.RECEIVED.total).toBe(2);
    expect(p.requests.RECEIVED.byResponse).toEqual([{ response: "REBUFFED", count: 2 }]);
    expect(p.requests.RECEIVED.latest.map((r) => r.id)).toEqual([ids.r2009, ids.r2005]);
    expect(p.requests.RECEIVED.latest[0]).toMatchObject({ counterpart: "United States", counterpartAlpha2: "US", ask: "SUSPEND_SALE", response: "REBUFFED", occurredOnPrecision: "YEAR" });
    expect(p.requests.RECEIVED.latest[1]!.occurredOn).toEqual(new Date("2005-01-01T00:00:00Z"));
    expect(p.requests.MADE).toEqual({ total: 0, byResponse: [], latest: [] });
  });

  it("shows one transfer supplied: MANPADS, delivered in 2009 (estimated)", async () => {
    const p = (await page.getCountryPage(as.viewer, "RU"))!;
    const supplied = p.transfers.SUPPLIER;
    expect(supplied.total).toBe(2); // the Igla-S, and the transfer to India added here
    const manpads = supplied.categories.find((c) => c.category === "MANPADS");
    expect(manpads).toEqual({
      category: "MANPADS",
      transfers: 1,
      ordered: 0,
      orderedEstimated: 0,
      delivered: 1,
      deliveredEstimated: 1,
      undated: 0,
      firstId: ids.transfer,
      years: [{ year: 2009, delivered: 1, deliveredEstimated: 1 }],
    });
    expect(supplied.latest.find((t) => t.id === ids.transfer)).toMatchObject({
      counterpart: "Venezuela",
      weaponSystem: "Igla-S",
      weaponCategory: "MANPADS",
      status: "DELIVERED",
      deliveryYears: [2009],
      deliveryYearsUncertain: true,
      orderYear: null,
    });
    expect(p.transfers.RECIPIENT.total).toBe(0);
  });

  it("counts a transfer once per year it was ordered or delivered, and hides a restricted weapon's category", async () => {
    const viewerSide = (await page.getCountryPage(as.viewer, "RU"))!.transfers.SUPPLIER;
    const unknown = viewerSide.categories.find((c) => c.category === null);
    expect(unknown).toMatchObject({ transfers: 1, ordered: 1, delivered: 1, undated: 0 });
    expect(unknown?.years.map((y) => [y.year, y.delivered])).toEqual([[2013, 1], [2014, 1]]);
    expect(viewerSide.latest.find((t) => t.id === ids.indiaDeal)).toMatchObject({ weaponSystem: null, weaponCategory: null });
    const editorSide = (await page.getCountryPage(as.editor, "RU"))!.transfers.SUPPLIER;
    expect(editorSide.categories.map((c) => c.category)).toEqual(["MANPADS", "ARMOURED_VEHICLES"]);
  });

  it("shows the Igla-S concern with Russia's role, unresolved, and the resolved one after it", async () => {
    const p = (await page.getCountryPage(as.viewer, "RU"))!;
    expect(p.concerns.total).toBe(2);
    expect(p.concerns.unresolved).toBe(1);
    expect(p.concerns.byStatus).toEqual([{ status: "OPEN", count: 1 }, { status: "RESOLVED", count: 1 }]);
    expect(p.concerns.list[0]).toMatchObject({ id: ids.concern, status: "OPEN", severity: "HIGH", roles: ["SUPPLIER"], openedOnPrecision: "YEAR" });
    expect(p.concerns.list[0]!.title).toMatch(/Igla-S/);
    expect(p.concerns.list[1]).toMatchObject({ status: "RESOLVED", roles: ["SUPPLIER", "AFFECTED"] });
  });

  it("shows Russia as the inspecting party of an inspection never conducted", async () => {
    const p = (await page.getCountryPage(as.viewer, "RU"))!;
    expect(p.inspections.INSPECTING).toMatchObject({ total: 1, neverConducted: 1 });
    expect(p.inspections.INSPECTING.list[0]).toMatchObject({ id: ids.inspection, status: "RIGHT_ASSERTED", neverConducted: true, counterpart: "Venezuela", counterpartAlpha2: "VE" });
    expect(p.inspections.HOST).toEqual({ total: 0, neverConducted: 0, list: [] });
  });

  it("puts requests and transfers on a timeline", async () => {
    const p = (await page.getCountryPage(as.viewer, "RU"))!;
    const row = (year: number | null) => p.timeline.find((y) => y.year === year);
    expect(p.timeline.map((y) => y.year)).toEqual([2005, 2009, 2012, 2013, 2014]);
    expect(row(2005)).toMatchObject({ requestsMade: 0, requestsReceived: 1, transfersOrdered: 0, transfersDelivered: 0 });
    expect(row(2009)).toMatchObject({ requestsReceived: 1, transfersDelivered: 1, firstDeliveredId: ids.transfer });
    expect(row(2012)).toMatchObject({ transfersOrdered: 1, transfersDelivered: 0 });
    // The Igla-S transfer has no year of order but a year of delivery: it is not "year unknown".
    expect(row(null)).toBeUndefined();
  });
});

describe("Venezuela's page", () => {
  it("shows Venezuela as recipient and as inspection host", async () => {
    const p = (await page.getCountryPage(as.viewer, "ve"))!;
    expect(p.transfers.RECIPIENT.total).toBe(1);
    expect(p.transfers.RECIPIENT.categories.map((c) => [c.category, c.transfers])).toEqual([["MANPADS", 1]]);
    expect(p.transfers.RECIPIENT.latest[0]).toMatchObject({ id: ids.transfer, counterpart: "Russia", counterpartAlpha2: "RU" });
    expect(p.transfers.SUPPLIER.total).toBe(0); // the deleted transfer RU → VE is not counted either way
    expect(p.inspections.HOST).toMatchObject({ total: 1, neverConducted: 1 });
    expect(p.inspections.HOST.list[0]).toMatchObject({ id: ids.inspection, counterpart: "Russia", weaponSystem: "Igla-S", transferId: ids.transfer });
    expect(p.concerns.list.map((c) => c.roles)).toEqual([["RECIPIENT"]]);
  });

  it("counts a request whose response is unknown under “unknown”, and its undated year", async () => {
    const p = (await page.getCountryPage(as.viewer, "VE"))!;
    expect(p.requests.RECEIVED.byResponse).toEqual([expect.objectContaining({ response: null, count: 1 })]);
    expect(p.timeline.at(-1)).toMatchObject({ year: null, requestsReceived: 1 });
  });
});

describe("requests concerning a country", () => {
  it("Venezuela: both U.S. requests to Russia concern it (the recipient of the transfer, in the concern), counted apart", async () => {
    const p = (await page.getCountryPage(as.viewer, "VE"))!;
    expect(p.requests.CONCERNING.total).toBe(2);
    expect(p.requests.CONCERNING.byResponse).toEqual([{ response: "REBUFFED", count: 2 }]);
    expect(p.requests.CONCERNING.latest.map((r) => r.id)).toEqual([ids.r2009, ids.r2005]);
    expect(p.requests.CONCERNING.latest[0]).toMatchObject({
      counterpart: "United States",
      counterpartAlpha2: "US",
      target: "Russia",
      targetAlpha2: "RU",
      ask: "SUSPEND_SALE",
      response: "REBUFFED",
    });
    // Colombia's request to Venezuela is received, not concerning; nothing is made.
    expect(p.requests.RECEIVED.total).toBe(1);
    expect(p.requests.MADE.total).toBe(0);
    const row = (year: number | null) => p.timeline.find((y) => y.year === year);
    expect(row(2005)).toMatchObject({ requestsConcerning: 1, requestsReceived: 0, requestsMade: 0 });
    expect(row(2009)).toMatchObject({ requestsConcerning: 1 });
    expect(row(null)).toMatchObject({ requestsConcerning: 0, requestsReceived: 1 });
  });

  it("Russia received both and the U.S. made both: neither counts them as concerning it; Colombia (affected) does", async () => {
    const ru = (await page.getCountryPage(as.viewer, "RU"))!;
    expect(ru.requests.RECEIVED.total).toBe(2);
    expect(ru.requests.CONCERNING).toEqual({ total: 0, byResponse: [], latest: [] });
    expect(ru.timeline.every((y) => y.requestsConcerning === 0)).toBe(true);
    const us = (await page.getCountryPage(as.viewer, "US"))!; // raised the concern: a role in it, yet the requester
    expect(us.requests.MADE.total).toBe(2);
    expect(us.requests.MADE.latest.map((r) => r.id)).toEqual([ids.r2009, ids.r2005]);
    expect(us.requests.CONCERNING.total).toBe(0);
    const co = (await page.getCountryPage(as.viewer, "CO"))!; // through the concern only
    expect(co.requests.CONCERNING.latest.map((r) => r.id)).toEqual([ids.r2009, ids.r2005]);
  });

  it("counts only through transfers and concerns the viewer may read, and only requests they may read", async () => {
    const country = async (alpha2: string) => (await ctx.db.country.findUniqueOrThrow({ where: { alpha2 } })).id;
    const [gb, cn, de, pk, ir, jp] = (await Promise.all(["GB", "CN", "DE", "PK", "IR", "JP"].map(country))) as [number, number, number, number, number, number];
    // GB asks CN (an internal request) about a restricted transfer DE → PK,
    // a restricted concern naming IR, and a deleted transfer to JP.
    const secretTransfer = await ctx.db.armsTransfer.create({
      data: { supplierId: de, recipientId: pk, status: "ORDERED", orderYear: 2019, visibility: "RESTRICTED", createdById: as.author.id },
    });
    const deletedTransfer = await ctx.db.armsTransfer.create({ data: { supplierId: de, recipientId: jp, status: "ORDERED", deletedAt: new Date() } });
    const secretConcern = await ctx.db.concern.create({
      data: {
        title: "Restricted concern naming Iran",
        category: "OTHER",
        severity: "LOW",
        visibility: "RESTRICTED",
        createdById: as.author.id,
        countryLinks: { create: [{ countryId: ir, role: "AFFECTED" }] },
      },
    });
    const request = await ctx.db.diplomaticRequest.create({
      data: {
        title: "U.K. asks China about German arms",
        requestingCountryId: gb,
        targetCountryId: cn,
        ask: "INFORMATION",
        occurredOn: new Date("2019-05-01"),
        occurredOnPrecision: "MONTH",
        transferLinks: { create: [{ transferId: secretTransfer.id }, { transferId: deletedTransfer.id }] },
        concernLinks: { create: [{ concernId: secretConcern.id }] },
      },
    });
    // A restricted request about Venezuela's transfer, by the author.
    const secretRequest = await ctx.db.diplomaticRequest.create({
      data: {
        title: "Restricted request about Venezuela's missiles",
        requestingCountryId: gb,
        targetCountryId: ids.ru,
        ask: "INFORMATION",
        visibility: "RESTRICTED",
        createdById: as.author.id,
        transferLinks: { create: [{ transferId: ids.transfer }] },
      },
    });
    const { listRecords } = await import("@/lib/records/lists");
    const { parseListParams } = await import("@/lib/lists/params");
    const listed = async (viewer: Viewer, code: string) =>
      (await listRecords("requests", viewer, parseListParams("requests", new URLSearchParams({ concerning: code })).params)).rows.map((r) => r.id);
    try {
      for (const who of ["viewer", "analyst", "author", "editor"] as const) {
        const sees = who === "author" || who === "editor";
        for (const code of ["PK", "DE", "IR"]) {
          const p = (await page.getCountryPage(as[who], code))!;
          expect(p.requests.CONCERNING.total, `${who} ${code}`).toBe(sees ? 1 : 0);
          expect(p.requests.CONCERNING.latest.map((r) => r.id)).toEqual(sees ? [request.id] : []);
          expect(p.timeline.some((y) => y.year === 2019 && y.requestsConcerning === 1)).toBe(sees);
          // The list's "See all" shows exactly what the page counts.
          expect(await listed(as[who], code)).toEqual(sees ? [request.id] : []);
        }
        // The deleted transfer makes the request concern Japan for no one.
        expect((await page.getCountryPage(as[who], "JP"))!.requests.CONCERNING.total).toBe(0);
        expect(await listed(as[who], "JP")).toEqual([]);
        const ve = (await page.getCountryPage(as[who], "VE"))!;
        expect(ve.requests.CONCERNING.total).toBe(sees ? 3 : 2);
        expect(ve.requests.CONCERNING.latest.some((r) => r.id === secretRequest.id)).toBe(sees);
        expect((await listed(as[who], "VE")).sort()).toEqual((sees ? [ids.r2005, ids.r2009, secretRequest.id] : [ids.r2005, ids.r2009]).sort());
      }
    } finally {
      await ctx.db.diplomaticRequest.deleteMany({ where: { id: { in: [request.id, secretRequest.id] } } });
      await ctx.db.concern.delete({ where: { id: secretConcern.id } });
      await ctx.db.armsTransfer.deleteMany({ where: { id: { in: [secretTransfer.id, deletedTransfer.id] } } });
    }
  });
});

describe("a transfer from a country to itself", () => {
  it("is supplied and received, and counted once on the timeline", async () => {
    const mine = await ctx.db.armsTransfer.create({
      data: { supplierId: ids.co, recipientId: ids.co, status: "DELIVERED", orderYear: 2020, deliveryYears: [2021, 2022] },
    });
    try {
      const p = (await page.getCountryPage(as.viewer, "CO"))!;
      expect(p.transfers.SUPPLIER.total).toBe(1);
      expect(p.transfers.RECIPIENT.total).toBe(1);
      const year = (y: number) => p.timeline.find((t) => t.year === y);
      expect(year(2020)).toMatchObject({ transfersOrdered: 1, transfersDelivered: 0 });
      expect(year(2021)).toMatchObject({ transfersOrdered: 0, transfersDelivered: 1 });
      expect(year(2022)).toMatchObject({ transfersDelivered: 1 });
    } finally {
      await ctx.db.armsTransfer.delete({ where: { id: mine.id } });
    }
  });
});

describe("restricted and deleted records", () => {
  it.each([
    { who: "viewer", received: 2, deflected: 0 },
    { who: "analyst", received: 2, deflected: 0 },
    { who: "author", received: 3, deflected: 1 },
    { who: "editor", received: 3, deflected: 1 },
  ] as const)("$who: Russia received $received requests", async ({ who, received, deflected }) => {
    const p = (await page.getCountryPage(as[who], "RU"))!;
    expect(p.requests.RECEIVED.total).toBe(received);
    expect(p.requests.RECEIVED.byResponse.find((r) => r.response === "DEFLECTED")?.count ?? 0).toBe(deflected);
    expect(p.requests.RECEIVED.latest.some((r) => r.id === ids.restricted)).toBe(deflected === 1);
    // The deleted request (ACCEPTED, 2011) counts for no one, editors included.
    expect(p.requests.RECEIVED.latest.some((r) => r.id === ids.deleted)).toBe(false);
    expect(p.requests.RECEIVED.byResponse.some((r) => r.response === "ACCEPTED")).toBe(false);
    expect(p.timeline.some((y) => y.year === 2010)).toBe(deflected === 1);
    expect(p.timeline.some((y) => y.year === 2011 || y.year === 2015)).toBe(false);
  });

  it("refuses a caller without a known role", async () => {
    await expect(page.getCountryPage({ id: 1, role: "GHOST" }, "RU")).rejects.toThrow(/permission/);
    await expect(map.getMapFigures({ id: 1, role: undefined }, "concerns")).rejects.toThrow(/permission/);
  });
});

describe("the world map's figures", () => {
  const unresolved = ["OPEN", "MONITORING"] as const;

  /** Counted another way: Prisma's own count per country. */
  async function independent(viewer: Viewer, measure: "concerns" | "requests"): Promise<Map<string, number>> {
    const seesAll = viewer.role === "EDITOR" || viewer.role === "ADMIN";
    const visible = seesAll ? {} : { OR: [{ visibility: "INTERNAL" as const }, { createdById: viewer.id }] };
    const countries = await ctx.db.country.findMany({ select: { id: true, alpha2: true } });
    const out = new Map<string, number>();
    for (const c of countries) {
      const n =
        measure === "concerns"
          ? await ctx.db.concern.count({ where: { deletedAt: null, status: { in: [...unresolved] }, countryLinks: { some: { countryId: c.id } }, ...visible } })
          : await ctx.db.diplomaticRequest.count({ where: { deletedAt: null, targetCountryId: c.id, ...visible } });
      out.set(c.alpha2, n);
    }
    return out;
  }

  it.each([
    { who: "viewer", measure: "concerns" },
    { who: "viewer", measure: "requests" },
    { who: "author", measure: "concerns" },
    { who: "author", measure: "requests" },
    { who: "editor", measure: "requests" },
  ] as const)("$who, $measure: every country's figure equals an independent count", async ({ who, measure }) => {
    const figures = await map.getMapFigures(as[who], measure);
    const expected = await independent(as[who], measure);
    expect(figures.countries).toHaveLength(expected.size);
    expect(Object.fromEntries(figures.countries.map((c) => [c.alpha2, c.value]))).toEqual(Object.fromEntries(expected));
    expect(figures.max).toBe(Math.max(...expected.values()));
  });

  it("switches measure: concerns and requests give different figures", async () => {
    const value = async (measure: string, alpha2: string) =>
      (await map.getMapFigures(as.viewer, parseMeasure(measure))).countries.find((c) => c.alpha2 === alpha2)?.value;
    expect(await value("concerns", "RU")).toBe(1);
    expect(await value("requests", "RU")).toBe(2);
    expect(await value("concerns", "US")).toBe(1);
    expect(await value("requests", "US")).toBe(0);
    expect(await value("requests", "VE")).toBe(1);
    expect(await value("nonsense", "CO")).toBe(1); // the default: concerns (Colombia is affected)
    expect(await value("concerns", "IN")).toBe(0); // the restricted concern
    expect((await map.getMapFigures(as.author, "concerns")).countries.find((c) => c.alpha2 === "IN")?.value).toBe(1);
  });

  it("gives each country its ISO numeric code, to join the atlas", async () => {
    const figures = await map.getMapFigures(as.viewer, "concerns");
    expect(figures.countries.find((c) => c.alpha2 === "VE")).toMatchObject({ numeric: "862", name: "Venezuela" });
    expect(figures.countries.every((c) => /^\d{3}$/.test(c.numeric))).toBe(true);
  });
});
