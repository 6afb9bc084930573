import "server-only";
// Known-device tokens (OWASP, "slow down online guessing with device
// cookies"): after a successful sign-in the browser gets a token bound to the
// account, signed with the app's secret. An attempt that presents one is
// spared the account's wait and the address limit (lib/auth/rate-limit.ts),
// so that someone guessing from elsewhere cannot keep the owner out of their
// own browser. One cookie holds the tokens of up to a few accounts; a token
// names no account (only its signature does), so the cookie says nothing
// about who signed in.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret, env } from "@/lib/env";

export const DEVICE_TOKEN_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const MAX_TOKENS = 5;

/** __Host-: only this host, Secure, path / (production is served over HTTPS). */
export function deviceCookieName(): string {
  return env.NODE_ENV === "production" ? "__Host-demarche-device" : "demarche-device";
}

export function deviceCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: env.NODE_ENV === "production",
    path: "/",
    maxAge: DEVICE_TOKEN_MAX_AGE_SECONDS,
  };
}

function sign(email: string, nonce: string, issuedAt: number): string {
  return createHmac("sha256", authSecret()).update(`device\n${email}\n${nonce}\n${issuedAt}`).digest("base64url");
}

type Token = { nonce: string; issuedAt: number; signature: string; raw: string };

function parse(cookie: string | null | undefined): Token[] {
  if (!cookie) return [];
  return cookie
    .slice(0, 2048)
    .split("~")
    .map((raw) => {
      const [nonce, issued, signature] = raw.split(".");
      const issuedAt = Number(issued);
      return nonce && signature && Number.isSafeInteger(issuedAt) ? { nonce, issuedAt, signature, raw } : null;
    })
    .filter((t): t is Token => t !== null)
    .slice(0, MAX_TOKENS);
}

const fresh = (t: Token, now: number) => t.issuedAt <= now && now - t.issuedAt < DEVICE_TOKEN_MAX_AGE_SECONDS;

function isFor(t: Token, email: string): boolean {
  const expected = Buffer.from(sign(email, t.nonce, t.issuedAt));
  const given = Buffer.from(t.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The nonce of this cookie's valid, unexpired token for the account, or null. */
export function knownDeviceNonce(cookie: string | null | undefined, email: string, now = Math.floor(Date.now() / 1000)): string | null {
  return parse(cookie).find((t) => fresh(t, now) && isFor(t, email))?.nonce ?? null;
}

/**
 * The cookie's new value after a successful sign-in: a new token for this
 * account first, the other accounts' unexpired tokens after it.
 */
export function issueDeviceToken(cookie: string | null | undefined, email: string, now = Math.floor(Date.now() / 1000)): string {
  const nonce = randomBytes(16).toString("base64url");
  const token = `${nonce}.${now}.${sign(email, nonce, now)}`;
  const others = parse(cookie).filter((t) => fresh(t, now) && !isFor(t, email));
  return [token, ...others.map((t) => t.raw)].slice(0, MAX_TOKENS).join("~");
}
