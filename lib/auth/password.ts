// Password policy and hashing (argon2id through @node-rs/argon2).
import { hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

// ~49,000 passwords seen most often in breaches, lower-cased.
const COMMON = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return true;
  // A single character repeated ("aaaaaaaaaaaa") or a run of digits only.
  return /^(.)\1+$/.test(password) || /^\d+$/.test(password);
}

export const newPasswordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine((p) => !isCommonPassword(p), "This password is too common; choose another.");

// Argon2id (the library's default algorithm) with OWASP's parameters:
// 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // With no hash, still spend the time of one verification so that a missing
  // account cannot be told from a wrong password by timing.
  const target = passwordHash ?? (await dummyHash());
  try {
    const ok = await verify(target, password);
    return ok && passwordHash !== null;
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword("not-a-real-password-" + Math.random());
  return dummy;
}

/** A random password for accounts created without one (shown once). */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url"); // 24 characters, 144 bits
}
