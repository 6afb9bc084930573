import "server-only";
// next-auth 4: email and password (credentials provider), JWT sessions of at
// most 8 hours. The JWT carries the user id and the session version; every
// request compares that version with the database (lib/auth/current-user.ts),
// so that sign-out everywhere, a role or password change, or deactivation
// ends the session at the next request.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientIp } from "@/lib/auth/client-ip";
import { InvalidCredentialsError, signInWithPassword } from "@/lib/auth/sign-in";
import { audit } from "@/lib/db/audit";
import { getDb } from "@/lib/db/client";
import { authSecret, env } from "@/lib/env";
import { RateLimitedError } from "@/lib/errors";
import { RATE_LIMITED_PREFIX } from "@/lib/auth/sign-in-messages";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;


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
            const user = await signInWithPassword(credentials, clientIp(req.headers ?? {}));
            return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
          } catch (error) {
            if (error instanceof RateLimitedError) {
              throw new Error(`${RATE_LIMITED_PREFIX}${Math.ceil(error.retryAfterSeconds / 60)}`);
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
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv };
      },
    },
    events: {
      async signOut({ token }) {
        const uid = typeof token?.uid === "number" ? token.uid : null;
        if (uid) await audit(getDb(), { userId: uid, action: "SIGN_OUT", entityType: "USER", entityId: uid });
      },
    },
  };
}
