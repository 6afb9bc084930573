import "server-only";
// next-auth 4: email and password (credentials provider), JWT sessions of at
// most 8 hours from sign-in. The JWT carries the user id, the session version,
// a session id and the sign-in time; every request compares them with the
// database (lib/auth/current-user.ts), so that sign-out everywhere, a role or
// password change, or deactivation ends every session of the user, and a
// plain sign-out ends this one, at the next request.
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { deviceCookieName, deviceCookieOptions } from "@/lib/auth/device";
import { readClientIp } from "@/lib/auth/request-context";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-age";
import { InvalidCredentialsError, signInWithPassword } from "@/lib/auth/sign-in";
import { endSession } from "@/lib/auth/users";
import { authSecret, env } from "@/lib/env";
import { RateLimitedError } from "@/lib/errors";
import { RATE_LIMITED_PREFIX } from "@/lib/auth/sign-in-messages";
import { log } from "@/lib/log";

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: env.NODE_ENV === "production",
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            // The known-device cookie is read and renewed here (next/headers:
            // Next adds cookies set in a route handler to next-auth's answer).
            const jar = await cookies();
            const name = deviceCookieName();
            const user = await signInWithPassword(credentials, { ip: clientIp(req.headers ?? {}), deviceCookie: jar.get(name)?.value });
            jar.set(name, user.deviceCookie, deviceCookieOptions());
            return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
          } catch (error) {
            if (error instanceof RateLimitedError) {
              throw new Error(`${RATE_LIMITED_PREFIX}${Math.max(1, Math.ceil(error.retryAfterSeconds))}`);
            }
            if (error instanceof InvalidCredentialsError) return null;
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as unknown as { id: string; sessionVersion: number };
          token.uid = Number(u.id);
          token.sv = u.sessionVersion;
          // Kept through next-auth's re-encodings (its own jti is not): the
          // id a sign-out puts on the deny-list, and the time the 8 hours
          // count from.
          token.sid = randomUUID();
          token.sat = Math.floor(Date.now() / 1000);
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv };
      },
    },
    events: {
      // Awaited by next-auth before it clears the cookie: a copy of the
      // cookie is refused from the next request on.
      async signOut({ token }) {
        const uid = typeof token?.uid === "number" ? token.uid : null;
        if (!uid) return;
        const sid = typeof token.sid === "string" ? token.sid : null;
        const sat = typeof token.sat === "number" ? token.sat : null;
        const ip = await readClientIp().catch(() => null);
        try {
          await endSession(uid, sid && sat ? { sid, expiresAt: new Date((sat + SESSION_MAX_AGE_SECONDS) * 1000) } : null, ip);
        } catch (error) {
          // next-auth catches errors of events (and signs out the browser
          // anyway); the log must say that copies of the cookie still work.
          await log("error", "sign-out: session not ended on the server", { err: error });
        }
      },
    },
  };
}
