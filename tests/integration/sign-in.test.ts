// Password sign-in against the database: the same answer for every failure,
// audit events, and the limits of lib/auth/rate-limit.ts, which must slow
// guessing down without letting anyone lock another person out: strict per
// (account, address), a growing wait per account that a known browser skips,
// and a per-address limit that stops spraying but not an office's typos.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";

const ctx = withMigratedDatabase("signin");
let signIn: typeof import("@/lib/auth/sign-in");
let limits: typeof import("@/lib/auth/rate-limit");

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", ctx.url);
  signIn = await import("@/lib/auth/sign-in");
  limits = await import("@/lib/auth/rate-limit");
});

afterEach(() => {
  vi.useRealTimers();
});

const PASSWORD = "a-long-test-password";

/** A browser: keeps the known-device cookie the app gives it at sign-in. */
type Browser = { cookie: string | null };
const browser = (): Browser => ({ cookie: null });

/** One sign-in attempt; the error (not thrown) when refused. */
async function attempt(email: string, password: string, ip: string, from: Browser = browser()) {
  try {
    const user = await signIn.signInWithPassword({ email, password }, { ip, deviceCookie: from.cookie });
    from.cookie = user.deviceCookie;
    return user;
  } catch (error) {
    return error as Error;
  }
}

const refused = (r: unknown) => r instanceof Error && /^Too many attempts, try again in \d+ minutes?\.$/.test(r.message);
const wrong = (r: unknown) => r instanceof Error && r.message === "Wrong email or password.";
const waitOf = (r: unknown) => (r as { retryAfterSeconds: number }).retryAfterSeconds;

/** Moves the clock the limits read (Date only: timers, sockets and the database run as usual). */
function advanceSeconds(seconds: number) {
  const now = Date.now();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now + seconds * 1000);
}

describe("signInWithPassword", () => {
  it("signs in with the right password, records the time, audits it and gives the browser a device cookie", async () => {
    const user = await makeUser(ctx.db, "ANALYST");
    const result = await signIn.signInWithPassword({ email: user.email.toUpperCase(), password: PASSWORD }, { ip: "192.0.2.1" });
    expect(result).toMatchObject({ id: user.id, role: "ANALYST", sessionVersion: 0 });
    expect(result.deviceCookie).toMatch(/^[\w-]+\.\d+\.[\w-]+$/);
    expect(result.deviceCookie).not.toContain(user.email.split("@")[0]);
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
    for (const a of attempts) {
      const error = await attempt(a.email, a.password, "192.0.2.2");
      expect(error).toBeInstanceOf(signIn.InvalidCredentialsError);
      messages.push((error as Error).message);
    }
    expect(new Set(messages)).toEqual(new Set(["Wrong email or password."]));
    const failures = await ctx.db.auditEvent.findMany({ where: { action: "SIGN_IN_FAILED", ip: "192.0.2.2" }, orderBy: { id: "asc" } });
    expect(failures.map((f) => f.outcome)).toEqual(["wrong-password", "unknown-email", "deactivated"]);
  });

  it("an attacker failing many times on alice's account cannot keep her out of her own browser; the attacker's pair is blocked", async () => {
    const alice = await makeUser(ctx.db, "EDITOR", PASSWORD, "alice");
    const hers = browser();
    expect(await attempt(alice.email, PASSWORD, "127.0.0.1", hers)).toMatchObject({ id: alice.id });

    // 20 tries from 127.0.0.2: five are checked, the rest refused, even the
    // right password, for the rest of the 15 minutes.
    const results = [];
    for (let i = 0; i < 20; i++) results.push(await attempt(alice.email, `guess-${i}-password`, "127.0.0.2"));
    expect(results.slice(0, 5).every(wrong)).toBe(true);
    expect(results.slice(5).every(refused)).toBe(true);
    const pairBlocked = await attempt(alice.email, PASSWORD, "127.0.0.2");
    expect(refused(pairBlocked)).toBe(true);
    expect((pairBlocked as Error).message).toBe("Too many attempts, try again in 15 minutes.");

    // From another address the account's wait applies (a browser with a
    // cookie of another account, or a forged one, is unknown here).
    const attacker = browser();
    const mallory = await makeUser(ctx.db, "VIEWER", PASSWORD, "mallory");
    await attempt(mallory.email, PASSWORD, "127.0.0.3", attacker);
    expect(refused(await attempt(alice.email, PASSWORD, "127.0.0.3", attacker))).toBe(true);
    expect(refused(await attempt(alice.email, PASSWORD, "127.0.0.3", { cookie: `${hers.cookie}x` }))).toBe(true);

    // Alice, in her browser at her address, is not slowed down.
    expect(await attempt(alice.email, PASSWORD, "127.0.0.1", hers)).toMatchObject({ id: alice.id });
    // Nor in her browser elsewhere (another office address, a train).
    expect(await attempt(alice.email, PASSWORD, "127.0.0.3", hers)).toMatchObject({ id: alice.id });

    const limited = await ctx.db.auditEvent.findMany({ where: { action: "SIGN_IN_FAILED", outcome: "rate-limited", ip: "127.0.0.2" } });
    expect(limited).toHaveLength(16);
    expect(limited[0]!.metadata).toMatchObject({ email: alice.email, limit: "pair" });
    const checked = await ctx.db.auditEvent.count({ where: { action: "SIGN_IN_FAILED", outcome: "wrong-password", userId: alice.id } });
    expect(checked).toBe(5);
  });

  it("the account's wait grows with each failure from unknown browsers, refuses without checking the password, and is capped", async () => {
    const bob = await makeUser(ctx.db, "ANALYST", PASSWORD, "bob");
    // Five failures, each from another address: no pair is blocked.
    for (let i = 0; i < 5; i++) expect(wrong(await attempt(bob.email, "not-bobs-password", `10.1.0.${i}`))).toBe(true);

    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      const early = await attempt(bob.email, PASSWORD, `10.2.${round}.1`);
      expect(refused(early)).toBe(true); // the right password, not checked
      waits.push(waitOf(early));
      advanceSeconds(waitOf(early) + 1);
      expect(wrong(await attempt(bob.email, "not-bobs-password", `10.3.${round}.1`))).toBe(true);
    }
    expect(waits.map((w) => Math.round(w / 5) * 5)).toEqual([30, 60, 120, 240]);
    expect(limits.accountWaitSeconds(6)).toBe(60);
    expect(limits.accountWaitSeconds(30)).toBe(15 * 60);

    // A delay, not a lock: after the wait, the right password works.
    const early = await attempt(bob.email, PASSWORD, "10.4.0.1");
    expect(waitOf(early)).toBeGreaterThan(400);
    expect(waitOf(early)).toBeLessThanOrEqual(480);
    advanceSeconds(waitOf(early) + 1);
    expect(await attempt(bob.email, PASSWORD, "10.4.0.1")).toMatchObject({ id: bob.id });

    const limited = await ctx.db.auditEvent.findMany({ where: { action: "SIGN_IN_FAILED", outcome: "rate-limited", metadata: { path: ["email"], equals: bob.email } } });
    expect(limited).toHaveLength(5);
    expect(limited.every((e) => (e.metadata as { limit: string }).limit === "account")).toBe(true);
  });

  it("parallel guesses from one address get five password checks, not twenty", async () => {
    const victim = await makeUser(ctx.db, "VIEWER");
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(victim.email, `parallel-${i}-guess`, "192.0.2.77")));
    expect(results.filter(wrong)).toHaveLength(5);
    expect(results.filter(refused)).toHaveLength(15);
  });

  it("an office behind one address is not locked by its typos, and a second address of the office neither", async () => {
    const office = "127.0.0.4";
    const staff = await Promise.all([0, 1, 2, 3].map(() => makeUser(ctx.db, "ANALYST")));
    // Four colleagues, four typos each, and one more for the first: 17 failures from one address.
    for (const u of staff) for (let i = 0; i < 4; i++) expect(wrong(await attempt(u.email, `typo-${i}-password`, office))).toBe(true);
    expect(wrong(await attempt(staff[0]!.email, "typo-5-password", office))).toBe(true);

    // Everyone but the one with five typos signs in from the office at once.
    for (const u of staff.slice(1)) expect(await attempt(u.email, PASSWORD, office)).toMatchObject({ id: u.id });
    // The one with five typos: refused here for 15 minutes (this pair)...
    expect(refused(await attempt(staff[0]!.email, PASSWORD, office))).toBe(true);
    // ...but from the office's second address only asked to wait 30 s, then in.
    const second = "127.0.0.5";
    const wait = await attempt(staff[0]!.email, PASSWORD, second);
    expect(refused(wait) && waitOf(wait) <= 30).toBe(true);
    advanceSeconds(31);
    expect(await attempt(staff[0]!.email, PASSWORD, second)).toMatchObject({ id: staff[0]!.id });
  });

  it("stops spraying many accounts from one address, but not known browsers there nor other addresses", async () => {
    const sprayer = "127.0.0.9";
    const target = await makeUser(ctx.db, "EDITOR");
    const hers = browser();
    await attempt(target.email, PASSWORD, "127.0.0.10", hers);

    const results = [];
    for (let i = 0; i < limits.ADDRESS_MAX_FAILURES + 5; i++) results.push(await attempt(`sprayed-${i}@test.local`, "Summer2026!!", sprayer));
    expect(results.slice(0, limits.ADDRESS_MAX_FAILURES).every(wrong)).toBe(true);
    expect(results.slice(limits.ADDRESS_MAX_FAILURES).every(refused)).toBe(true);

    // The right password of a real account, from the sprayer's address, without a known browser: refused.
    const other = await makeUser(ctx.db, "VIEWER");
    expect(refused(await attempt(other.email, PASSWORD, sprayer))).toBe(true);
    // A known browser behind that address, and any other address, still sign in.
    expect(await attempt(target.email, PASSWORD, sprayer, hers)).toMatchObject({ id: target.id });
    expect(await attempt(other.email, PASSWORD, "127.0.0.11")).toMatchObject({ id: other.id });
    const limited = await ctx.db.auditEvent.findFirstOrThrow({ where: { action: "SIGN_IN_FAILED", outcome: "rate-limited", ip: sprayer } });
    expect(limited.metadata).toMatchObject({ limit: "address" });
  });

  it("clears the pair's failures after a successful sign-in", async () => {
    const user = await makeUser(ctx.db, "VIEWER");
    const mine = browser();
    for (let i = 0; i < 4; i++) expect(wrong(await attempt(user.email, "nope-nope-nope", "198.18.0.1", mine))).toBe(true);
    expect(await attempt(user.email, PASSWORD, "198.18.0.1", mine)).toMatchObject({ id: user.id });
    for (let i = 0; i < 4; i++) expect(wrong(await attempt(user.email, "nope-nope-nope", "198.18.0.1", mine))).toBe(true);
    expect(await attempt(user.email, PASSWORD, "198.18.0.1", mine)).toMatchObject({ id: user.id });
  });

  it("refuses malformed input without touching the database", async () => {
    const before = await ctx.db.auditEvent.count();
    for (const input of [null, {}, { email: "not-an-email", password: "x" }, { email: "a@b.c" }, "string"]) {
      await expect(signIn.signInWithPassword(input, { ip: "192.0.2.3" })).rejects.toThrow("Wrong email or password.");
    }
    expect(await ctx.db.auditEvent.count()).toBe(before);
  });
});
