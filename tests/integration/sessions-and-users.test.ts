// Sessions end at the next request after a role change, deactivation, a
// password change or sign-out everywhere; the last active admin stays; every
// user change is audited with who, what and from where.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { actAs, makeUser, session } from "@/tests/helpers/session";

vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));

const ctx = withMigratedDatabase("sessions");
let current: typeof import("@/lib/auth/current-user");
let users: typeof import("@/lib/db/users");
let adminActions: typeof import("@/app/(app)/admin/users/actions");
let accountActions: typeof import("@/app/(app)/account/actions");

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", ctx.url);
  current = await import("@/lib/auth/current-user");
  users = await import("@/lib/db/users");
  adminActions = await import("@/app/(app)/admin/users/actions");
  accountActions = await import("@/app/(app)/account/actions");
});

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

  it("reports whether demo accounts are active", async () => {
    expect(await users.hasActiveDemoAccounts()).toBe(false);
    await ctx.db.user.create({ data: { email: "viewer@demarche.local", name: "Demo Viewer", role: "VIEWER" } });
    expect(await users.hasActiveDemoAccounts()).toBe(true);
    await ctx.db.user.update({ where: { email: "viewer@demarche.local" }, data: { active: false } });
    expect(await users.hasActiveDemoAccounts()).toBe(false);
  });
});
