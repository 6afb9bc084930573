// A record's History page follows the record's own rule (issue 12, point 14):
// a deleted record's history only for those who may restore it, a restricted
// one's only for editors, admins and its author; linked records the reader
// may not see are left out of the diff (neither their names nor their ids).
// The pages are rendered here as React server components, as Next does.
import type { ReactElement, ReactNode } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { actAs, makeUser } from "@/tests/helpers/session";

vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  useRouter: () => ({ push() {}, replace() {}, refresh() {}, back() {}, forward() {}, prefetch() {} }),
  usePathname: () => "/",
  useSearchParams: () => new URLSearchParams(),
}));

const ctx = withMigratedDatabase("history_visibility");

type Role = "VIEWER" | "ANALYST" | "EDITOR" | "ADMIN";
type Who = { id: number; role: Role };
const who = {} as Record<"viewer" | "analyst" | "author" | "editor" | "admin", Who>;
const ids = { deleted: 0, restricted: 0, request: 0 };
const SECRET = "Zqhidden concern";

let svc: typeof import("@/lib/records/service");
let RECORDS: typeof import("@/lib/records/registry").RECORDS;

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", ctx.url);
  // The registry first: it imports every record type itself, in its order.
  RECORDS = (await import("@/lib/records/registry")).RECORDS;
  svc = await import("@/lib/records/service");
  await (await import("@/tools/seed/load")).seed(ctx.db);
  for (const [name, role] of [["viewer", "VIEWER"], ["analyst", "ANALYST"], ["author", "ANALYST"], ["editor", "EDITOR"], ["admin", "ADMIN"]] as const) {
    who[name] = { id: (await makeUser(ctx.db, role)).id, role };
  }
  const seeded = await ctx.db.concern.findFirstOrThrow({ where: { externalId: { not: null } } });
  const values = (await RECORDS.concern.formValues(ctx.db, seeded.id))!;
  // A concern the author creates, and an editor deletes.
  const made = await svc.createRecord(RECORDS.concern, who.author, { ...values, title: "Concern deleted later", ownerId: null }, null);
  await svc.deleteRecord(RECORDS.concern, who.editor, made.id, made.version, null);
  ids.deleted = made.id;
  // A restricted concern of the author's.
  ids.restricted = (await svc.createRecord(RECORDS.concern, who.author, { ...values, title: SECRET, ownerId: null, visibility: "RESTRICTED" }, null)).id;
  // An internal request that an editor links to the restricted concern: its
  // history's snapshot and diff hold the hidden concern's id.
  const request = await ctx.db.diplomaticRequest.findFirstOrThrow({ where: { externalId: "demo:request:2005" } });
  ids.request = request.id;
  const rv = (await RECORDS.request.formValues(ctx.db, request.id))!;
  await svc.updateRecord(RECORDS.request, who.editor, request.id, request.version, { ...rv, concernIds: [...(rv.concernIds as number[]), ids.restricted] }, null);
});

/** The history page's HTML as this user, or "404" when it answers not found. */
async function historyPage(as: Who, type: string, id: number): Promise<string> {
  await actAs(ctx.db, as.id);
  const mod = (await import("@/app/(app)/history/[type]/[id]/page")) as { default: (p: unknown) => Promise<ReactNode> };
  try {
    const element = await mod.default({ params: Promise.resolve({ type, id: String(id) }) });
    const { prerender } = await import("react-dom/static");
    const { prelude } = await prerender(element as ReactElement);
    return await new Response(prelude).text();
  } catch (error) {
    if (String((error as { digest?: string }).digest).endsWith(";404")) return "404";
    throw error;
  }
}

describe("the history of a deleted record", () => {
  it.each([
    { name: "viewer", status: "404" },
    { name: "analyst", status: "404" },
    // Its author may no longer open it either: deleted is deleted, until an editor restores it.
    { name: "author", status: "404" },
    { name: "editor", status: "200" },
    { name: "admin", status: "200" },
  ] as const)("$name: $status, as the record's own page", async ({ name, status }) => {
    const html = await historyPage(who[name], "concern", ids.deleted);
    expect(html === "404" ? "404" : "200").toBe(status);
    if (status === "200") expect(html).toContain("Deleted");
  });
});

describe("the history of a restricted record", () => {
  it.each([
    { name: "viewer", status: "404" },
    { name: "analyst", status: "404" },
    { name: "author", status: "200" },
    { name: "editor", status: "200" },
    { name: "admin", status: "200" },
  ] as const)("$name: $status", async ({ name, status }) => {
    const html = await historyPage(who[name], "concern", ids.restricted);
    expect(html === "404" ? "404" : "200").toBe(status);
  });
});

describe("the history of an internal record linked to a restricted one", () => {
  it.each(["viewer", "analyst"] as const)("the %s reads it without the hidden record's name, id or the change that linked it", async (name) => {
    const html = await historyPage(who[name], "request", ids.request);
    expect(html).not.toBe("404");
    expect(html).not.toContain("Zqhidden");
    expect(html).not.toContain(`#${ids.restricted}`);
    // The editor's edit touched nothing else the viewer may see: no "Concerns" row.
    expect(html).not.toMatch(/<th scope="row"[^>]*>Concerns<\/th>/);
  });

  it.each(["author", "editor"] as const)("the %s sees the link by name", async (name) => {
    const html = await historyPage(who[name], "request", ids.request);
    expect(html).toContain(SECRET);
  });
});

describe("the record page loader applies the same rule", () => {
  it.each([
    { name: "viewer", deleted: false, restricted: false },
    { name: "author", deleted: false, restricted: true },
    { name: "editor", deleted: true, restricted: true },
  ] as const)("$name opens the deleted concern: $deleted, the restricted one: $restricted", async ({ name, deleted, restricted }) => {
    await actAs(ctx.db, who[name].id);
    const { loadRecordPage } = await import("@/lib/pages/record-page");
    const { getConcern } = await import("@/lib/records/concern/queries");
    expect((await loadRecordPage("/concerns", String(ids.deleted), getConcern)).record !== null).toBe(deleted);
    expect((await loadRecordPage("/concerns", String(ids.restricted), getConcern)).record !== null).toBe(restricted);
  });

  it("mayOpen: the one rule", async () => {
    const { mayOpen } = await import("@/lib/db/visibility");
    const live = { visibility: "INTERNAL" as const, createdById: who.author.id, deletedAt: null };
    const gone = { ...live, deletedAt: new Date() };
    const secret = { ...live, visibility: "RESTRICTED" as const };
    expect([mayOpen(who.viewer, live), mayOpen(who.viewer, gone), mayOpen(who.viewer, secret)]).toEqual([true, false, false]);
    expect([mayOpen(who.author, live), mayOpen(who.author, gone), mayOpen(who.author, secret)]).toEqual([true, false, true]);
    expect([mayOpen(who.editor, live), mayOpen(who.editor, gone), mayOpen(who.editor, secret)]).toEqual([true, true, true]);
    expect(mayOpen(who.editor, null)).toBe(false);
  });
});

describe("the Activity feed", () => {
  it("is read only by those who may see every record (admins), with the restricted and deleted records' events", async () => {
    const { listActivity, mayReadActivity } = await import("@/lib/db/activity");
    const filter = { page: 1 } as const;
    for (const name of ["viewer", "analyst", "author", "editor"] as const) {
      expect(mayReadActivity(who[name])).toBe(false);
      await expect(listActivity(who[name], filter)).rejects.toMatchObject({ status: 403 });
    }
    expect(mayReadActivity(who.admin)).toBe(true);
    const { rows } = await listActivity(who.admin, { ...filter, type: "CONCERN" });
    const entities = rows.map((r) => `${r.action} ${r.entityId}`);
    expect(entities).toEqual(expect.arrayContaining([`DELETE ${ids.deleted}`, `CREATE ${ids.restricted}`]));
  });
});
