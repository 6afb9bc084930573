// Type-ahead for the forms: matches by name, labels by id, never a deleted
// record or a restricted one the user may not see.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seed } from "@/tools/seed/load";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { actAs, makeUser } from "@/tests/helpers/session";

vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));

const ctx = withMigratedDatabase("lookup");
let lookup: typeof import("@/lib/db/lookup").lookup;
let route: { GET: (request: Request) => Promise<Response> };
const viewer = { id: 0, role: "VIEWER" as const };
const editor = { id: 0, role: "EDITOR" as const };
const analyst = { id: 0, role: "ANALYST" as const };
const admin = { id: 0, role: "ADMIN" as const };

beforeAll(async () => {
  await seed(ctx.db);
  vi.stubEnv("DATABASE_URL", ctx.url);
  lookup = (await import("@/lib/db/lookup")).lookup;
  route = await import("@/app/api/lookup/route");
  viewer.id = (await makeUser(ctx.db, "VIEWER")).id;
  editor.id = (await makeUser(ctx.db, "EDITOR")).id;
  analyst.id = (await makeUser(ctx.db, "ANALYST")).id;
  admin.id = (await makeUser(ctx.db, "ADMIN")).id;
});

/** GET /api/lookup as this user. */
async function lookupRoute(who: { id: number }, query: string) {
  await actAs(ctx.db, who.id);
  const res = await route.GET(new Request(`http://localhost/api/lookup?${query}`));
  return { status: res.status, body: (await res.json()) as { options?: { id: number; label: string }[]; error?: { code: string; message: string; fields: object } } };
}

describe("lookup", () => {
  it.each([
    { type: "actor", q: "anto", label: /^Anatoliy Antonov — Director for Disarmament and Security Affairs \(Russia\)$/ },
    { type: "concern", q: "farc", label: /Igla-S MANPADS/ },
    { type: "request", q: "2005", label: /^U\.S\. request.* \(2005\)$/ },
    { type: "source", q: "cable", label: /2005 cable by Daniel Russell/ },
    { type: "weaponSystem", q: "igla", label: /^Igla-S$/ },
    { type: "transfer", q: "venez", label: /^Russia to Venezuela: Igla-S$/ },
  ] as const)("finds a $type by part of its name ($q)", async ({ type, q, label }) => {
    const options = await lookup(viewer, type, q);
    expect(options.map((o) => o.label)).toEqual(expect.arrayContaining([expect.stringMatching(label)]));
  });

  it("treats % and _ as plain characters", async () => {
    expect(await lookup(viewer, "actor", "%")).toEqual([]);
    expect(await lookup(viewer, "actor", "_")).toEqual([]);
  });

  it("gives labels for ids, leaving out restricted and deleted records for those who may not see them", async () => {
    const hidden = await ctx.db.actor.create({ data: { name: "Hidden Source Person", kind: "PERSON", visibility: "RESTRICTED", createdById: editor.id } });
    const gone = await ctx.db.actor.create({ data: { name: "Gone Person", kind: "PERSON", deletedAt: new Date() } });
    const antonov = await ctx.db.actor.findFirstOrThrow({ where: { name: "Anatoliy Antonov" } });
    const ids = [antonov.id, hidden.id, gone.id];
    expect((await lookup(viewer, "actor", "", ids)).map((o) => o.id)).toEqual([antonov.id]);
    expect((await lookup(editor, "actor", "", ids)).map((o) => o.id).sort()).toEqual([antonov.id, hidden.id].sort());
    expect(await lookup(viewer, "actor", "Hidden")).toEqual([]);
  });

  it("offers only active users who may own a concern", async () => {
    const labels = (await lookup(editor, "owner", "demo")).map((o) => o.label);
    expect(labels).toEqual(expect.arrayContaining(["Demo Editor (editor)", "Demo Analyst (analyst)"]));
    expect(labels.some((l) => l.includes("viewer"))).toBe(false);
  });
});

describe("a restricted weapon system linked from internal transfers and inspections", () => {
  // Issue 12, point 10: the transfer and inspection labels joined WeaponSystem
  // without its visibility, so a viewer read (and could search for) its name.
  const secret = "Zqsecret Launcher";
  const ids = { weapon: 0, transfer: 0, inspection: 0 };
  beforeAll(async () => {
    const ru = await ctx.db.country.findUniqueOrThrow({ where: { alpha2: "RU" } });
    const ve = await ctx.db.country.findUniqueOrThrow({ where: { alpha2: "VE" } });
    ids.weapon = (await ctx.db.weaponSystem.create({ data: { name: secret, category: "MANPADS", visibility: "RESTRICTED", createdById: analyst.id } })).id;
    ids.transfer = (await ctx.db.armsTransfer.create({ data: { supplierId: ru.id, recipientId: ve.id, weaponSystemId: ids.weapon, orderYear: 2011, status: "ORDERED" } })).id;
    ids.inspection = (
      await ctx.db.inspection.create({ data: { hostCountryId: ve.id, inspectingCountryId: ru.id, weaponSystemId: ids.weapon, status: "RIGHT_ASSERTED" } })
    ).id;
  });

  it.each(["transfer", "inspection"] as const)("the %s's label leaves its name out for a viewer, and a search by it finds nothing", async (type) => {
    const id = ids[type];
    const [label] = await lookup(viewer, type, "", [id]);
    expect(label?.id).toBe(id);
    expect(label!.label).not.toContain("Zqsecret");
    expect(await lookup(viewer, type, "zqsecret")).toEqual([]);
    if (type === "transfer") expect(label!.label).toBe("Russia to Venezuela: weapon system not shown (2011)");
  });

  it.each([
    { who: "editor", as: editor },
    { who: "its author", as: analyst },
  ])("$who sees the name and finds the records by it", async ({ as }) => {
    for (const type of ["transfer", "inspection"] as const) {
      expect((await lookup(as, type, "", [ids[type]]))[0]!.label).toContain(secret);
      expect((await lookup(as, type, "zqsecret")).map((o) => o.id)).toEqual([ids[type]]);
    }
  });

  it("over HTTP too", async () => {
    const r = await lookupRoute(viewer, "type=transfer&q=zqsecret");
    expect(r).toEqual({ status: 200, body: { options: [] } });
    const byId = await lookupRoute(viewer, `type=inspection&ids=${ids.inspection}`);
    expect(JSON.stringify(byId.body)).not.toContain("Zqsecret");
  });
});

describe("owners (issue 12, point 15): only for those who may assign them, by name only", () => {
  it.each([
    { who: "viewer", as: viewer, status: 403 },
    { who: "analyst", as: analyst, status: 200 },
    { who: "editor", as: editor, status: 200 },
    { who: "admin", as: admin, status: 200 },
  ])("$who: $status", async ({ as, status }) => {
    for (const query of ["type=owner&q=demo", "type=owner&q=", `type=owner&ids=${editor.id}`]) {
      const r = await lookupRoute(as, query);
      expect(r.status, query).toBe(status);
      if (status === 403) {
        expect(r.body).toEqual({ error: { code: "FORBIDDEN", message: expect.any(String), fields: {} } });
      } else {
        expect(r.body.options!.length, query).toBeGreaterThan(0);
        // No e-mail address in any label.
        expect(JSON.stringify(r.body), query).not.toMatch(/@/);
      }
    }
    if (status === 403) await expect(lookup(as, "owner", "")).rejects.toMatchObject({ status: 403 });
  });

  it.each([
    { who: "analyst", as: analyst },
    { who: "editor", as: editor },
    { who: "admin", as: admin },
  ])("an e-mail address (or part of one) matches nobody, for the $who", async ({ as }) => {
    for (const q of ["editor@demarche.local", "@demarche.local", "demarche.local", "test.local", "editor@"]) {
      const r = await lookupRoute(as, `type=owner&q=${encodeURIComponent(q)}`);
      expect(r, q).toEqual({ status: 200, body: { options: [] } });
    }
    // Names still match.
    expect((await lookup(as, "owner", "Demo Ed")).map((o) => o.label)).toEqual(["Demo Editor (editor)"]);
  });
});
