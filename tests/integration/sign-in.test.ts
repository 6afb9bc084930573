// Password sign-in against the database: the same answer for every failure,
// audit events, and the limit of 5 failures per account and per address.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";

const ctx = withMigratedDatabase("signin");
let signIn: typeof import("@/lib/auth/sign-in");

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", ctx.url);
  signIn = await import("@/lib/auth/sign-in");
});

const PASSWORD = "a-long-test-password";

describe("signInWithPassword", () => {
  it("signs in with the right password, records the time and audits it", async () => {
    const user = await makeUser(ctx.db, "ANALYST");
    const result = await signIn.signInWithPassword({ email: user.email.toUpperCase(), password: PASSWORD }, "192.0.2.1");
    expect(result).toMatchObject({ id: user.id, role: "ANALYST", sessionVersion: 0 });
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).not.toBeNull();
    const event = await ctx.db.auditEvent.findFirstOrThrow({ where: { action: "SIGN_IN", userId: user.id } });
    expect(event).toMatchObject({ ip: "192.0.2.1", outcome: "success", entityType: "USER", entityId: user.id });
  });

  it("gives the same answer for a wrong password, an unknown email and a deactivated account", async () => {
    const user = await makeUser(ctx.db, "VIEWER");
    const inactive = await makeUser(ctx.db, "VIEWER");
    await ctx.db.user.update({ where: { id: inactive.id }, data: { active: false } });
    const attempts = [
      { email: user.email, password: "wrong-password-123" },
      { email: "nobody-at-all@test.local", password: PASSWORD },
      { email: inactive.email, password: PASSWORD },
    ];
    const messages: string[] = [];
    for (const attempt of attempts) {
      const error = await signIn.signInWithPassword(attempt, "192.0.2.2").catch((e: Error) => e);
      expect(error).toBeInstanceOf(signIn.InvalidCredentialsError);
      messages.push((error as Error).message);
    }
    expect(new Set(messages)).toEqual(new Set(["Wrong email or password."]));
    const failures = await ctx.db.auditEvent.findMany({ where: { action: "SIGN_IN_FAILED", ip: "192.0.2.2" }, orderBy: { id: "asc" } });
    expect(failures.map((f) => f.outcome)).toEqual(["wrong-password", "unknown-email", "deactivated"]);
  });

  it("refuses the sixth try after five wrong passwords, even with the right one; other accounts are unaffected", async () => {
    const victim = await makeUser(ctx.db, "EDITOR");
    const bystander = await makeUser(ctx.db, "EDITOR");
    for (let i = 0; i < 5; i++) {
      await expect(signIn.signInWithPassword({ email: victim.email, password: `wrong-${i}-password` }, `192.0.2.${10 + i}`)).rejects.toThrow(
        "Wrong email or password.",
      );
    }
    await expect(signIn.signInWithPassword({ email: victim.email, password: PASSWORD }, "192.0.2.99")).rejects.toThrow(
      /^Too many attempts, try again in 15 minutes\.$/,
    );
    await expect(signIn.signInWithPassword({ email: bystander.email, password: PASSWORD }, "192.0.2.98")).resolves.toMatchObject({
      id: bystander.id,
    });
    const limited = await ctx.db.auditEvent.findFirst({ where: { action: "SIGN_IN_FAILED", outcome: "rate-limited" } });
    expect(limited?.metadata).toMatchObject({ email: victim.email });
  });

  it("refuses an address after five failures there, whatever the account", async () => {
    const ip = "203.0.113.66";
    for (let i = 0; i < 5; i++) {
      await signIn.signInWithPassword({ email: `ghost-${i}@test.local`, password: "whatever-password" }, ip).catch(() => undefined);
    }
    const fresh = await makeUser(ctx.db, "VIEWER");
    await expect(signIn.signInWithPassword({ email: fresh.email, password: PASSWORD }, ip)).rejects.toThrow(/Too many attempts/);
    await expect(signIn.signInWithPassword({ email: fresh.email, password: PASSWORD }, "203.0.113.67")).resolves.toMatchObject({
      id: fresh.id,
    });
  });

  it("clears an account's failures after a successful sign-in", async () => {
    const user = await makeUser(ctx.db, "VIEWER");
    for (let i = 0; i < 4; i++) await signIn.signInWithPassword({ email: user.email, password: "nope-nope-nope" }, `198.18.0.${i}`).catch(() => undefined);
    await signIn.signInWithPassword({ email: user.email, password: PASSWORD }, "198.18.1.1");
    for (let i = 0; i < 4; i++) await signIn.signInWithPassword({ email: user.email, password: "nope-nope-nope" }, `198.18.2.${i}`).catch(() => undefined);
    await expect(signIn.signInWithPassword({ email: user.email, password: PASSWORD }, "198.18.3.1")).resolves.toMatchObject({ id: user.id });
  });

  it("refuses malformed input without touching the database", async () => {
    const before = await ctx.db.auditEvent.count();
    for (const input of [null, {}, { email: "not-an-email", password: "x" }, { email: "a@b.c" }, "string"]) {
      await expect(signIn.signInWithPassword(input, "192.0.2.3")).rejects.toThrow("Wrong email or password.");
    }
    expect(await ctx.db.auditEvent.count()).toBe(before);
  });
});
