// Sessions end at the next request after a role change, deactivation, a
// password change or sign-out everywhere, and a plain sign-out ends its own
// session (not the user's others); the current-password check is limited
// like sign-in; the last active admin stays; every user change is audited
// with who, what and from where.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { actAs, makeUser, newSessionToken, session } from "@/tests/helpers/session";

vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));

const ctx = withMigratedDatabase("sessions");
let current: typeof import("@/lib/auth/current-user");
let users: typeof import("@/lib/auth/users");
let adminActions: typeof import("@/lib/auth/actions");
let accountActions: typeof import("@/lib/auth/actions");
let options: typeof import("@/lib/auth/options");
let signIn: typeof import("@/lib/auth/sign-in");
let countriesApi: typeof import("@/app/api/v1/countries/route");

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", ctx.url);
  current = await import("@/lib/auth/current-user");
  users = await import("@/lib/auth/users");
  adminActions = await import("@/lib/auth/actions");
  accountActions = await import("@/lib/auth/actions");
  options = await import("@/lib/auth/options");
  signIn = await import("@/lib/auth/sign-in");
  countriesApi = await import("@/app/api/v1/countries/route");
});

/** next-auth's sign-out event, as POST /api/auth/signout runs it (awaited, before the cookie is cleared). */
async function signOut(token: NonNullable<typeof session.token>) {
  await options.authOptions().events!.signOut!({ token: token as never, session: null as never });
}

async function apiStatus(): Promise<number> {
  const res = await countriesApi.GET(new Request("http://localhost/api/v1/countries"), { params: Promise.resolve({}) } as never);
  return res.status;
}

async function signedInAs(role: "VIEWER" | "ANALYST" | "EDITOR" | "ADMIN") {
  const user = await makeUser(ctx.db, role);
  await actAs(ctx.db, user.id);
  return { user, token: session.token! };
}

describe("session revocation", () => {
  it("accepts a token of the current session version", async () => {
    const { user } = await signedInAs("ANALYST");
    expect(await current.getSessionUser()).toMatchObject({ id: user.id, role: "ANALYST" });
  });

  it("refuses the old session after a role change, even an upgrade", async () => {
    const { user, token } = await signedInAs("ANALYST");
    const admin = await makeUser(ctx.db, "ADMIN");
    await actAs(ctx.db, admin.id);
    expect(await adminActions.changeUserRoleAction({ userId: user.id, role: "EDITOR" })).toMatchObject({ ok: true });
    session.token = token;
    expect(await current.getSessionUser()).toBeNull();
    await expect(current.requireUser()).rejects.toThrow("Sign in to continue.");
  });

  it("refuses the old session after deactivation, and a new token of a deactivated user too", async () => {
    const { user, token } = await signedInAs("EDITOR");
    const admin = await makeUser(ctx.db, "ADMIN");
    await actAs(ctx.db, admin.id);
    expect(await adminActions.setUserActiveAction({ userId: user.id, active: false })).toMatchObject({ ok: true });
    session.token = token;
    expect(await current.getSessionUser()).toBeNull();
    await actAs(ctx.db, user.id);
    expect(await current.getSessionUser()).toBeNull();
  });

  it("refuses the old session after the user changes their password", async () => {
    const { token } = await signedInAs("VIEWER");
    const result = await accountActions.changeOwnPasswordAction({
      currentPassword: "a-long-test-password",
      newPassword: "another-long-password",
      confirmPassword: "another-long-password",
    });
    expect(result).toMatchObject({ ok: true });
    session.token = token;
    expect(await current.getSessionUser()).toBeNull();
  });

  it("refuses every old session after sign-out everywhere", async () => {
    const { token } = await signedInAs("ANALYST");
    expect(await accountActions.signOutEverywhereAction({})).toMatchObject({ ok: true });
    session.token = token;
    expect(await current.getSessionUser()).toBeNull();
  });

  it("a plain sign-out ends that session on the server; the user's other session goes on", async () => {
    const user = await makeUser(ctx.db, "ANALYST");
    const laptop = await newSessionToken(ctx.db, user.id);
    const phone = await newSessionToken(ctx.db, user.id);
    // A row past its end, left by an earlier sign-out: cleaned at this one.
    await ctx.db.endedSession.create({ data: { sid: "long-gone", userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    session.ip = "203.0.113.50";
    session.token = laptop;
    expect(await apiStatus()).toBe(200);

    await signOut(laptop);

    // A copy of the laptop's cookie: no page, no action, no API.
    session.token = { ...laptop };
    expect(await current.getSessionUser()).toBeNull();
    expect(await accountActions.signOutEverywhereAction({})).toMatchObject({ ok: false, status: 401 });
    expect(await apiStatus()).toBe(401);
    // The phone is still signed in.
    session.token = phone;
    expect(await current.getSessionUser()).toMatchObject({ id: user.id });
    expect(await apiStatus()).toBe(200);

    const ended = await ctx.db.endedSession.findUniqueOrThrow({ where: { sid: laptop.sid! } });
    expect(ended).toMatchObject({ userId: user.id, expiresAt: new Date((laptop.sat! + 8 * 60 * 60) * 1000) });
    expect(await ctx.db.endedSession.findUnique({ where: { sid: "long-gone" } })).toBeNull();
    const event = await ctx.db.auditEvent.findFirstOrThrow({ where: { action: "SIGN_OUT", userId: user.id } });
    expect(event).toMatchObject({ ip: "203.0.113.50", entityType: "USER", entityId: user.id, outcome: "success" });
    // Signing out twice (a double click, a replayed request) is harmless.
    await signOut(laptop);
  });

  it("refuses a token for a user that does not exist", async () => {
    session.token = { uid: 987_654, sv: 0 };
    expect(await current.getSessionUser()).toBeNull();
  });
});

describe("user management", () => {
  it("keeps the last active admin: no demotion, no deactivation, nothing written", async () => {
    await ctx.db.user.updateMany({ where: { role: "ADMIN" }, data: { active: false } });
    const { user: admin } = await signedInAs("ADMIN");
    const eventsBefore = await ctx.db.auditEvent.count();
    const demote = await adminActions.changeUserRoleAction({ userId: admin.id, role: "EDITOR" });
    expect(demote).toMatchObject({ ok: false, status: 409, error: expect.stringMatching(/last active admin/) });
    const deactivate = await adminActions.setUserActiveAction({ userId: admin.id, active: false });
    expect(deactivate).toMatchObject({ ok: false, status: 409 });
    expect(await ctx.db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN", active: true, sessionVersion: 0 });
    expect(await ctx.db.auditEvent.count()).toBe(eventsBefore);

    // With a second active admin, the first may step down.
    const second = await makeUser(ctx.db, "ADMIN");
    expect(await adminActions.changeUserRoleAction({ userId: admin.id, role: "EDITOR" })).toMatchObject({ ok: true });
    await ctx.db.user.update({ where: { id: second.id }, data: { active: false } });
  });

  it("audits a role change with before and after, who and from where", async () => {
    const { user: admin } = await signedInAs("ADMIN");
    session.ip = "203.0.113.9";
    const target = await makeUser(ctx.db, "VIEWER");
    await adminActions.changeUserRoleAction({ userId: target.id, role: "ANALYST" });
    const event = await ctx.db.auditEvent.findFirstOrThrow({ where: { action: "ROLE_CHANGE", entityId: target.id } });
    expect(event).toMatchObject({
      userId: admin.id,
      entityType: "USER",
      ip: "203.0.113.9",
      outcome: "success",
      changes: { role: { before: "VIEWER", after: "ANALYST" } },
    });
  });

  it("creates users with a hashed password, refuses duplicates and weak passwords with field messages", async () => {
    await signedInAs("ADMIN");
    const created = await adminActions.createUserAction({ email: "New.Person@Test.local", name: "New Person", role: "ANALYST", password: "a-fine-password-42" });
    expect(created).toMatchObject({ ok: true, data: { email: "new.person@test.local", role: "ANALYST" } });
    const stored = await ctx.db.user.findUniqueOrThrow({ where: { email: "new.person@test.local" } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(created)).not.toContain("argon2");

    const count = await ctx.db.user.count();
    const duplicate = await adminActions.createUserAction({ email: "new.person@test.local", name: "Again", role: "VIEWER", password: "a-fine-password-42" });
    expect(duplicate).toMatchObject({ ok: false, status: 400, fieldErrors: { email: ["A user with this email exists already."] } });
    const weak = await adminActions.createUserAction({ email: "weak@test.local", name: "Weak", role: "VIEWER", password: "qwerty123456" });
    expect(weak).toMatchObject({ ok: false, status: 400, fieldErrors: { password: [expect.stringMatching(/too common/)] } });
    const bad = await adminActions.createUserAction({ email: "nope", name: "", role: "GOD", password: "short" });
    expect(bad).toMatchObject({ ok: false, status: 400 });
    expect(Object.keys((bad as { fieldErrors: object }).fieldErrors).sort()).toEqual(["email", "name", "password", "role"]);
    expect(await ctx.db.user.count()).toBe(count);
  });

  it("refuses a wrong current password and keeps the old one", async () => {
    const { user } = await signedInAs("VIEWER");
    const result = await accountActions.changeOwnPasswordAction({
      currentPassword: "not-my-password",
      newPassword: "another-long-password",
      confirmPassword: "another-long-password",
    });
    expect(result).toMatchObject({ ok: false, status: 400, fieldErrors: { currentPassword: ["Your current password is not right."] } });
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(0);
    const mismatch = await accountActions.changeOwnPasswordAction({
      currentPassword: "a-long-test-password",
      newPassword: "another-long-password",
      confirmPassword: "another-long-passwordX",
    });
    expect(mismatch).toMatchObject({ ok: false, status: 400, fieldErrors: { confirmPassword: ["The two new passwords differ."] } });
  });

  it("limits guesses at the current password like sign-in: the 6th wrong guess is refused without a check, nothing changes", async () => {
    const { user } = await signedInAs("EDITOR");
    session.ip = "203.0.113.60";
    const guess = (currentPassword: string) =>
      accountActions.changeOwnPasswordAction({ currentPassword, newPassword: "another-long-password", confirmPassword: "another-long-password" });
    for (let i = 0; i < 5; i++) {
      expect(await guess(`guess-number-${i}`)).toMatchObject({ ok: false, status: 400, fieldErrors: { currentPassword: ["Your current password is not right."] } });
    }
    // The sixth, with the right password: refused, not checked.
    const sixth = await guess("a-long-test-password");
    expect(sixth).toMatchObject({ ok: false, status: 429, code: "RATE_LIMITED", error: "Too many attempts, try again in 15 minutes." });
    const after = await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ passwordHash: user.passwordHash, sessionVersion: 0 });
    const events = await ctx.db.auditEvent.findMany({ where: { action: "PASSWORD_CHANGE", entityId: user.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.outcome)).toEqual([...Array(5).fill("wrong-current-password"), "rate-limited"]);
    expect(events.every((e) => e.ip === "203.0.113.60")).toBe(true);
    // The same counts as sign-in: this pair cannot sign in either for now.
    await expect(signIn.signInWithPassword({ email: user.email, password: "a-long-test-password" }, { ip: "203.0.113.60" })).rejects.toThrow(/Too many attempts/);
  });

  it("reports whether demo accounts are active", async () => {
    expect(await users.hasActiveDemoAccounts()).toBe(false);
    await ctx.db.user.create({ data: { email: "viewer@demarche.local", name: "Demo Viewer", role: "VIEWER" } });
    expect(await users.hasActiveDemoAccounts()).toBe(true);
    await ctx.db.user.update({ where: { email: "viewer@demarche.local" }, data: { active: false } });
    expect(await users.hasActiveDemoAccounts()).toBe(false);
  });
});
