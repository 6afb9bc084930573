// The demo seed: every country, the whole article case with its sources, and
// idempotence (a second run changes nothing).
import { beforeAll, describe, expect, it } from "vitest";
import { withClient } from "@/tools/postgres/admin";
import { ARTICLE_TEXT } from "@/tools/seed/demo-case";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";

const ctx = withMigratedDatabase("seed");

const TABLES = [
  "Country", "Actor", "WeaponSystem", "ArmsTransfer", "Concern", "ConcernCountry", "ConcernTransfer",
  "ConcernStatusChange", "DiplomaticRequest", "RequestActor", "RequestConcern", "RequestTransfer",
  "Inspection", "Source", "Citation", "Quote", "AuditEvent", "User",
];

/** Every table's row count and a digest of its content. */
async function tableDigests(url: string) {
  return withClient(url, async (c) => {
    const out: Record<string, { rows: number; digest: string | null }> = {};
    for (const t of TABLES) {
      const r = await c.query(
        `SELECT count(*)::int AS rows, md5(string_agg(x::text, '|' ORDER BY x::text)) AS digest FROM "${t}" x`,
      );
      out[t] = r.rows[0];
    }
    return out;
  });
}

describe("demo seed", () => {
  let first: Awaited<ReturnType<typeof seed>>;
  beforeAll(async () => {
    first = await seed(ctx.db);
  });

  it("loads every ISO 3166-1 country with its three codes", async () => {
    expect(first.countriesCreated).toBe(249);
    expect(await ctx.db.country.count()).toBe(249);
    const ve = await ctx.db.country.findUniqueOrThrow({ where: { alpha2: "VE" } });
    expect(ve).toMatchObject({ alpha3: "VEN", numeric: "862", name: "Venezuela", region: "Americas" });
  });

  it("holds the open, high-severity diversion concern with its countries and transfer", async () => {
    const concern = await ctx.db.concern.findUniqueOrThrow({
      where: { externalId: "demo:concern:igla-s-diversion" },
      include: { countryLinks: { include: { country: true } }, transferLinks: { include: { transfer: { include: { weaponSystem: true, supplier: true, recipient: true } } } } },
    });
    expect(concern).toMatchObject({ status: "OPEN", severity: "HIGH", category: "DIVERSION" });
    expect(concern.title).toMatch(/Igla-S/);
    expect(concern.title).toMatch(/FARC/);
    expect(concern.countryLinks.map((l) => `${l.country.alpha2}:${l.role}`).sort()).toEqual(
      ["CO:AFFECTED", "RU:SUPPLIER", "US:RAISED_BY", "VE:RECIPIENT"],
    );
    const [link] = concern.transferLinks;
    expect(link?.transfer).toMatchObject({
      status: "DELIVERED",
      // Unknown stays unknown: the article gives no quantity or order year.
      numberOrdered: null,
      numberDelivered: null,
      orderYear: null,
      deliveryYears: [2009],
      deliveryYearsUncertain: true,
    });
    expect(link?.transfer.supplier.alpha2).toBe("RU");
    expect(link?.transfer.recipient.alpha2).toBe("VE");
    expect(link?.transfer.weaponSystem).toMatchObject({ name: "Igla-S", category: "MANPADS" });
  });

  it("holds the 2005 and 2009 requests, rebuffed, the second a follow-up of the first", async () => {
    const requests = await ctx.db.diplomaticRequest.findMany({
      orderBy: { occurredOn: "asc" },
      include: {
        requestingCountry: true,
        targetCountry: true,
        actorLinks: { include: { actor: true } },
        quotes: true,
        citations: { include: { source: true } },
      },
    });
    expect(requests).toHaveLength(2);
    const [r2005, r2009] = requests;
    expect(r2005).toMatchObject({ occurredOnPrecision: "YEAR", classification: "SECRET", ask: "HALT_SALE", response: "REBUFFED", channel: null });
    expect(r2005!.occurredOn?.toISOString().slice(0, 4)).toBe("2005");
    expect(r2005!.requestingCountry.alpha2).toBe("US");
    expect(r2005!.targetCountry.alpha2).toBe("RU");
    expect(r2005!.actorLinks.map((a) => `${a.actor.name}:${a.side}`)).toEqual(["Anatoliy Antonov:TARGET"]);
    expect(r2005!.quotes.map((q) => q.text)).toContain("That is your decision, not ours; we have our own policy.");
    expect(r2005!.citations.map((c) => c.source.externalId).sort()).toContain("demo:source:cable-2005");

    expect(r2009).toMatchObject({ occurredOnPrecision: "YEAR", ask: "SUSPEND_SALE", followUpOfId: r2005!.id });
    expect(r2009!.occurredOn?.toISOString().slice(0, 4)).toBe("2009");
    expect(r2009!.actorLinks.map((a) => a.actor.name)).toContain("Hillary Rodham Clinton");
    expect(r2009!.citations.map((c) => c.source.externalId)).toContain("demo:source:cable-2009");
  });

  it("holds the inspection right that was asserted but never used", async () => {
    const inspection = await ctx.db.inspection.findFirstOrThrow({ include: { hostCountry: true, inspectingCountry: true } });
    expect(inspection).toMatchObject({ status: "RIGHT_ASSERTED", conductedOn: null, scheduledOn: null, assertedOn: null });
    expect(inspection.hostCountry.alpha2).toBe("VE");
    expect(inspection.inspectingCountry?.alpha2).toBe("RU");
    expect(inspection.basis).toMatch(/surprise inspections/);
  });

  it("holds the article, the 2005 secret cable, the 2009 cable and the parade as sources", async () => {
    const sources = await ctx.db.source.findMany({ orderBy: { externalId: "asc" } });
    expect(sources.map((s) => s.externalId)).toEqual([
      "demo:source:article", "demo:source:cable-2005", "demo:source:cable-2009", "demo:source:parade-2009",
    ]);
    expect(sources[1]).toMatchObject({ kind: "DIPLOMATIC_CABLE", classification: "SECRET", author: "Daniel Russell", publishedOnPrecision: "YEAR" });
    expect(sources[0]!.excerpt).toBe(ARTICLE_TEXT.trim());
  });

  it("holds the quotes of Kulikov, the cables and Schroeder", async () => {
    const quotes = await ctx.db.quote.findMany({ include: { speaker: true } });
    const byText = new Map(quotes.map((q) => [q.text, q]));
    expect(byText.get("Russia makes very bad cars, but very good weapons.")?.speaker?.name).toBe("Anatoliy Kulikov");
    expect(byText.get("a compelling motivation is profit -- both licit and illicit.")?.speakerLabel).toMatch(/cables/);
    expect([...byText.values()].find((q) => q.speaker?.name === "Matt Schroeder")?.text).toMatch(/on-site inventories and inspections/);
  });

  it("makes every record cite the article with a passage found in it", async () => {
    const article = await ctx.db.source.findUniqueOrThrow({ where: { externalId: "demo:source:article" } });
    const models = [
      ctx.db.actor, ctx.db.weaponSystem, ctx.db.armsTransfer, ctx.db.concern,
      ctx.db.diplomaticRequest, ctx.db.inspection, ctx.db.quote,
    ] as unknown as { findMany(args: object): Promise<{ id: number; citations: { sourceId: number }[] }[]> }[];
    for (const model of models) {
      const rows = await model.findMany({ include: { citations: true } });
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.citations.map((c) => c.sourceId)).toContain(article.id);
    }
    const passages = await ctx.db.citation.findMany({ where: { sourceId: article.id }, select: { passage: true } });
    for (const { passage } of passages) expect(ARTICLE_TEXT).toContain(passage);
  });

  it("creates the four demo accounts with the demo password, hashed", async () => {
    expect(first.demoUsersCreated).toBe(4);
    const users = await ctx.db.user.findMany({ orderBy: { email: "asc" } });
    expect(users.map((u) => `${u.email}:${u.role}:${u.active}`)).toEqual([
      "admin@demarche.local:ADMIN:true",
      "analyst@demarche.local:ANALYST:true",
      "editor@demarche.local:EDITOR:true",
      "viewer@demarche.local:VIEWER:true",
    ]);
    const { verifyPassword } = await import("@/lib/auth/password");
    for (const u of users) {
      expect(u.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(u.passwordHash, "demarche-demo")).toBe(true);
    }
  });

  it("is audited once", async () => {
    const events = await ctx.db.auditEvent.findMany({ where: { action: "SEED" } });
    expect(events).toHaveLength(1);
  });

  it("changes nothing when run again", async () => {
    const before = await tableDigests(ctx.url);
    expect(before.Concern?.rows).toBe(1);
    const second = await seed(ctx.db);
    expect(second).toEqual({ countriesCreated: 0, demoRecordsCreated: 0, demoUsersCreated: 0 });
    expect(await tableDigests(ctx.url)).toEqual(before);
  });
});
