// Every server action and every mutating route handler, called as anonymous,
// as each role, and as an analyst against another user's record: the status
// is the one the role table allows, and a refused call changes nothing.
//
// The list of entry points is read from the code: a new action or handler
// without an entry here fails the first test.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { withClient } from "@/tools/postgres/admin";
import type { ActionResult } from "@/lib/actions/run-action";
import { makeUsAndRussia, withMigratedDatabase } from "@/tests/helpers/db";
import { actAs, makeUser, session } from "@/tests/helpers/session";

vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));

const ctx = withMigratedDatabase("matrix");
const APP_DIR = path.resolve(import.meta.dirname, "../../app");
// Server actions live with their feature, in lib/**/actions.ts (never under app/: a lint rule refuses it).
const ROOT = path.resolve(import.meta.dirname, "../..");
const LIB_DIR = path.join(ROOT, "lib");

type Caller = "anonymous" | "VIEWER" | "ANALYST" | "EDITOR" | "ADMIN" | "ANALYST_ON_OTHERS";
const CALLERS: Caller[] = ["anonymous", "VIEWER", "ANALYST", "EDITOR", "ADMIN", "ANALYST_ON_OTHERS"];
type Action = (input: unknown) => Promise<ActionResult<unknown>>;
type Ids = { self: number; other: number; owner: number };
type Setup = Record<string, number>;

const PASSWORD = "a-long-test-password";
let serial = 0;

/**
 * status expected per caller; 200 means allowed (ok: true). `setup` makes the
 * record the call is about, owned by `ids.owner`: the caller when an analyst
 * acts on their own record, another analyst for ANALYST_ON_OTHERS, a third
 * user otherwise.
 */
type Entry = {
  setup?: (ids: Ids) => Promise<Setup>;
  input: (ids: Ids & Setup) => unknown;
  expected: Record<Caller, number>;
  /** An allowed call that writes nothing either (a dry run). */
  readOnly?: boolean;
};
const adminOnly: Record<Caller, number> = { anonymous: 401, VIEWER: 403, ANALYST: 403, EDITOR: 403, ADMIN: 200, ANALYST_ON_OTHERS: 403 };
const ownerOrEditor: Record<Caller, number> = { anonymous: 401, VIEWER: 403, ANALYST: 200, EDITOR: 200, ADMIN: 200, ANALYST_ON_OTHERS: 403 };
const editorOnly: Record<Caller, number> = { anonymous: 401, VIEWER: 403, ANALYST: 403, EDITOR: 200, ADMIN: 200, ANALYST_ON_OTHERS: 403 };

let countries: { us: number; ru: number };
const requestValues = (title = "A request") => ({
  title, occurredOn: "2009", requestingCountryId: countries.us, targetCountryId: countries.ru, channel: null, ask: "HALT_SALE",
  askDetail: null, response: null, responseSummary: null, respondedOn: null, classification: null, visibility: "INTERNAL", followUpOfId: null,
  requestingActorIds: [], targetActorIds: [], concernIds: [], transferIds: [],
});

/** A request owned by `owner`, made through the service so that it has its audit trail. */
async function ownedRequest(owner: number, options: { deleted?: boolean; edited?: boolean } = {}): Promise<Setup> {
  const svc = await import("@/lib/records/service");
  const { requestRecord } = await import("@/lib/records/request/service");
  const editor = { id: owner, role: "EDITOR" as const };
  const { id } = await svc.createRecord(requestRecord, editor, requestValues(), null);
  const created = await ctx.db.auditEvent.findFirstOrThrow({ where: { entityType: "DIPLOMATIC_REQUEST", entityId: id } });
  let version = 1;
  if (options.edited) version = (await svc.updateRecord(requestRecord, editor, id, 1, requestValues("Edited"), null)).version;
  if (options.deleted) version = (await svc.deleteRecord(requestRecord, editor, id, version, null)).version;
  await ctx.db.diplomaticRequest.update({ where: { id }, data: { verifiedAt: null, verifiedById: null } });
  return { recordId: id, version, createdEvent: created.id };
}

/** A CSV of one diplomatic request, new at each call, as the import page sends it. */
function importForm(extra: (csv: string) => Record<string, string> = () => ({})) {
  const csv = `Date,Requesting country,Target country,Title,Ask\n2009,United States,Russia,Imported request ${++serial},Halt the sale\n`;
  const form = new FormData();
  form.set("kind", "requests");
  form.set("file", new File([csv], "requests.csv", { type: "text/csv" }));
  for (const [key, value] of Object.entries(extra(csv))) form.set(key, value);
  return form;
}

const ACTIONS: Record<string, Entry> = {
  "lib/auth/actions.ts#createUserAction": {
    input: () => ({ email: `created-${++serial}@test.local`, name: "Created", role: "VIEWER", password: "fresh-password-1234" }),
    expected: adminOnly,
  },
  "lib/auth/actions.ts#changeUserRoleAction": {
    input: ({ other }) => ({ userId: other, role: "EDITOR" }),
    expected: adminOnly,
  },
  "lib/auth/actions.ts#setUserActiveAction": {
    input: ({ other }) => ({ userId: other, active: false }),
    expected: adminOnly,
  },
  "lib/auth/actions.ts#resetUserPasswordAction": {
    input: ({ other }) => ({ userId: other, password: "reset-password-5678" }),
    expected: adminOnly,
  },
  "lib/auth/actions.ts#changeOwnPasswordAction": {
    // An analyst cannot aim it at another user: there is no user to name.
    input: () => ({ currentPassword: PASSWORD, newPassword: "brand-new-password-9", confirmPassword: "brand-new-password-9" }),
    expected: { anonymous: 401, VIEWER: 200, ANALYST: 200, EDITOR: 200, ADMIN: 200, ANALYST_ON_OTHERS: 200 },
  },
  "lib/records/actions.ts#saveRecordAction": {
    setup: ({ owner }) => ownedRequest(owner),
    input: ({ recordId, version }) => ({ type: "request", id: recordId, version, values: requestValues("Changed by the caller") }),
    expected: ownerOrEditor,
  },
  "lib/records/actions.ts#deleteRecordAction": {
    setup: ({ owner }) => ownedRequest(owner),
    input: ({ recordId, version }) => ({ type: "request", id: recordId, version }),
    expected: ownerOrEditor,
  },
  "lib/records/actions.ts#verifyRecordAction": {
    setup: ({ owner }) => ownedRequest(owner),
    input: ({ recordId, version }) => ({ type: "request", id: recordId, version }),
    expected: editorOnly,
  },
  "lib/records/actions.ts#undeleteRecordAction": {
    setup: ({ owner }) => ownedRequest(owner, { deleted: true }),
    input: ({ recordId }) => ({ type: "request", id: recordId }),
    expected: editorOnly,
  },
  "lib/records/actions.ts#restoreRecordVersionAction": {
    setup: ({ owner }) => ownedRequest(owner, { edited: true }),
    input: ({ recordId, version, createdEvent }) => ({ type: "request", id: recordId, eventId: createdEvent, version }),
    expected: editorOnly,
  },
  "lib/records/actions.ts#addCitationAction": {
    setup: async ({ owner }) => ({ ...(await ownedRequest(owner)), sourceId: (await ctx.db.source.create({ data: { kind: "REPORT", title: "A report" } })).id }),
    input: ({ recordId, sourceId }) => ({ targetType: "request", targetId: recordId, sourceId, passage: "a passage", credibility: 3, note: null }),
    expected: ownerOrEditor,
  },
  "lib/records/actions.ts#removeCitationAction": {
    setup: async ({ owner }) => {
      const setup = await ownedRequest(owner);
      const source = await ctx.db.source.create({ data: { kind: "REPORT", title: "A report" } });
      const citation = await ctx.db.citation.create({ data: { sourceId: source.id, requestId: setup.recordId, passage: "p" } });
      return { ...setup, citationId: citation.id };
    },
    input: ({ citationId }) => ({ citationId }),
    expected: ownerOrEditor,
  },
  "lib/records/concern/actions.ts#changeConcernStatusAction": {
    setup: async ({ owner }) => {
      const concern = await ctx.db.concern.create({ data: { title: "A concern", category: "OTHER", severity: "LOW", createdById: owner } });
      return { recordId: concern.id, version: 1 };
    },
    input: ({ recordId, version }) => ({ id: recordId, version, change: { status: "MONITORING", note: "Watching." } }),
    expected: ownerOrEditor,
  },
  "lib/records/request/actions.ts#logLobbyingAttemptAction": {
    input: () => ({ request: requestValues("Logged"), quotes: [], citations: [] }),
    expected: { anonymous: 401, VIEWER: 403, ANALYST: 200, EDITOR: 200, ADMIN: 200, ANALYST_ON_OTHERS: 200 },
  },
  "lib/auth/actions.ts#createApiTokenAction": {
    input: () => ({ name: "A tool", scope: "READ", expiresInDays: 30 }),
    expected: { anonymous: 401, VIEWER: 200, ANALYST: 200, EDITOR: 200, ADMIN: 200, ANALYST_ON_OTHERS: 200 },
  },
  "lib/auth/actions.ts#revokeApiTokenAction": {
    // Only one's own tokens: anyone else's is not found (an admin deactivates the user instead).
    setup: async ({ owner }) => {
      const token = await ctx.db.apiToken.create({
        data: { userId: owner, name: "theirs", tokenHash: `hash-${++serial}`, prefix: "dmk_x", scope: "READ", expiresAt: new Date(Date.now() + 86_400_000) },
      });
      return { tokenId: token.id };
    },
    input: ({ tokenId }) => ({ id: tokenId }),
    expected: { anonymous: 401, VIEWER: 404, ANALYST: 200, EDITOR: 404, ADMIN: 404, ANALYST_ON_OTHERS: 404 },
  },
  "lib/import/actions.ts#checkImportAction": {
    input: () => importForm(),
    expected: { anonymous: 401, VIEWER: 403, ANALYST: 200, EDITOR: 200, ADMIN: 200, ANALYST_ON_OTHERS: 200 },
    readOnly: true,
  },
  "lib/import/actions.ts#runImportAction": {
    input: () => importForm((csv) => ({ sha256: createHash("sha256").update(csv).digest("hex"), expectedCreate: "1" })),
    expected: { anonymous: 401, VIEWER: 403, ANALYST: 200, EDITOR: 200, ADMIN: 200, ANALYST_ON_OTHERS: 200 },
  },
  "lib/auth/actions.ts#signOutEverywhereAction": {
    input: ({ other }) => ({ userId: other }),
    // Unknown fields are refused: nobody can sign out someone else this way.
    expected: { anonymous: 401, VIEWER: 400, ANALYST: 400, EDITOR: 400, ADMIN: 400, ANALYST_ON_OTHERS: 400 },
  },
};
const SELF_ONLY_VALID_INPUT: Record<string, unknown> = { "lib/auth/actions.ts#signOutEverywhereAction": {} };

/** Mutating route handlers: the REST API's have a matrix of their own. */
const ROUTES: Record<string, Entry> = {};
const API = "tests/integration/api.test.ts (every resource through every verb, as each role and with read-only, revoked and expired tokens)";
const EXEMPT_ROUTES: Record<string, string> = {
  "api/v1/[resource]/route.ts#POST": API,
  "api/v1/[resource]/[id]/route.ts#PUT": API,
  "api/v1/[resource]/[id]/route.ts#PATCH": API,
  "api/v1/[resource]/[id]/route.ts#DELETE": API,
  "api/auth/[...nextauth]/route.ts#POST":
    "next-auth's sign-in and sign-out endpoints (CSRF-protected by next-auth; sign-in is covered by sign-in.test.ts and the HTTP smoke test)",
};

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

const actionFiles = new Map<string, string>();

function discover() {
  const files = [...walk(APP_DIR), ...walk(LIB_DIR).filter((f) => !f.includes(`${path.sep}generated${path.sep}`))].filter((f) => /\.(ts|tsx)$/.test(f));
  const actions: string[] = [];
  const routes: string[] = [];
  for (const file of files) {
    const source = fs.readFileSync(file, "utf8");
    const rel = path.relative(APP_DIR, file).split(path.sep).filter((p) => !/^\(.*\)$/.test(p)).join("/");
    // A file of server actions ("use server" at its top), wherever it is: app/ is searched too, so that one defined there is still found.
    if (/^(\s*\/\/.*\n)*\s*["']use server["']/.test(source)) {
      const key = path.relative(ROOT, file).split(path.sep).join("/");
      for (const m of source.matchAll(/export\s+async\s+function\s+(\w+)/g)) {
        actions.push(`${key}#${m[1]}`);
        actionFiles.set(`${key}#${m[1]}`, file);
      }
    }
    if (path.basename(file).startsWith("route.")) {
      for (const m of source.matchAll(/export\s+(?:async\s+function|const|function)\s+(POST|PUT|PATCH|DELETE)\b/g)) {
        routes.push(`${rel}#${m[1]}`);
      }
    }
  }
  return { actions: actions.sort(), routes: routes.sort() };
}

async function loadAction(key: string): Promise<Action> {
  if (actionFiles.size === 0) discover();
  const file = actionFiles.get(key);
  if (!file) throw new Error(`No server action ${key}`);
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, Action>;
  return mod[key.split("#")[1]!]!;
}

/** A digest of every table a denied call could have touched. */
async function digest(): Promise<string> {
  return withClient(ctx.url, async (c) => {
    const parts: string[] = [];
    for (const t of ["User", "AuditEvent", "rate_limits", "DiplomaticRequest", "Concern", "ConcernStatusChange", "Citation", "Quote", "Source", "ApiToken"]) {
      const r = await c.query(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d FROM "${t}" x`);
      parts.push(`${t}:${r.rows[0].d}`);
    }
    return parts.join(" ");
  });
}

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", ctx.url);
  countries = await makeUsAndRussia(ctx.db);
});

describe("entry points", () => {
  it("every server action and mutating route handler has a row in this matrix", () => {
    const found = discover();
    expect(found.actions).toEqual(Object.keys(ACTIONS).sort());
    expect(found.routes).toEqual([...Object.keys(ROUTES), ...Object.keys(EXEMPT_ROUTES)].sort());
  });
});

describe.each(Object.entries(ACTIONS))("%s", (key, entry) => {
  it.each(CALLERS)("as %s", async (caller) => {
    const action = await loadAction(key);
    const role = caller === "ANALYST_ON_OTHERS" ? "ANALYST" : caller;
    const self = role === "anonymous" ? null : await makeUser(ctx.db, role, PASSWORD);
    const other = await makeUser(ctx.db, caller === "ANALYST_ON_OTHERS" ? "ANALYST" : "VIEWER", PASSWORD);
    await actAs(ctx.db, self?.id ?? null);
    session.ip = "192.0.2.200";

    const expected = entry.expected[caller];
    const third = await makeUser(ctx.db, "EDITOR", PASSWORD);
    const owner = caller === "ANALYST" ? self!.id : caller === "ANALYST_ON_OTHERS" ? other.id : third.id;
    const ids = { self: self?.id ?? 0, other: other.id, owner };
    const setup = entry.setup ? await entry.setup(ids) : {};
    const before = await digest();
    const result = await action(entry.input({ ...ids, ...setup }));

    if (expected === 200) {
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      if (entry.readOnly) expect(await digest()).toBe(before);
      else expect(await digest()).not.toBe(before);
    } else {
      expect(result).toMatchObject({ ok: false, status: expected });
      expect(await digest()).toBe(before);
      // The same call with valid input for the caller's own account still works
      // where the action is the caller's to take.
      if (expected === 400 && SELF_ONLY_VALID_INPUT[key] !== undefined) {
        expect(await action(SELF_ONLY_VALID_INPUT[key])).toMatchObject({ ok: true });
      }
    }
  });
});
