import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, isCommonPassword, newPasswordSchema, verifyPassword } from "@/lib/auth/password";

describe("password policy", () => {
  it.each([
    { password: "a".repeat(11) + "B", ok: true, why: "12 characters" },
    { password: "short-pass1", ok: false, why: "11 characters" },
    { password: "x".repeat(127) + "Y", ok: true, why: "128 characters" },
    { password: "x".repeat(255) + "Y", ok: true, why: "256 characters" },
    { password: "x".repeat(256) + "Y", ok: false, why: "257 characters" },
    { password: "qwerty123456", ok: false, why: "a common password" },
    { password: "1qaz2wsx3edc", ok: false, why: "a common keyboard walk" },
    { password: "QWERTY123456", ok: false, why: "a common password in capitals" },
    { password: "aaaaaaaaaaaaaaa", ok: false, why: "one character repeated" },
    { password: "384756129387", ok: false, why: "digits only" },
    { password: "demarche-demo", ok: true, why: "the demo password (not on the list)" },
  ])("$why → $ok", ({ password, ok }) => {
    expect(newPasswordSchema.safeParse(password).success).toBe(ok);
  });

  it("says why a password is refused", () => {
    const result = newPasswordSchema.safeParse("short");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Use at least 12 characters.");
    expect(newPasswordSchema.safeParse("qwerty123456").error?.issues[0]?.message).toMatch(/too common/);
  });

  it("knows common passwords regardless of case", () => {
    expect(isCommonPassword("Password")).toBe(true);
    expect(isCommonPassword("correct horse battery staple, really")).toBe(false);
  });
});

describe("hashing", () => {
  it("stores argon2id hashes that verify the password and nothing else", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery stapl")).toBe(false);
    expect(await verifyPassword(null, "anything at all")).toBe(false);
    expect(await verifyPassword("not a hash", "anything at all")).toBe(false);
  });

  it("generates long random passwords that pass the policy", () => {
    const a = generatePassword();
    expect(a).toHaveLength(24);
    expect(a).not.toBe(generatePassword());
    expect(newPasswordSchema.safeParse(a).success).toBe(true);
  });
});
