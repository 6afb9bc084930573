import "server-only";
// The one place that reads the request's session token and address. Tests
// replace this module to act as a given user; everything after it (the
// database check of the session version, permissions) runs for real.
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { authOptions } from "@/lib/auth/options";
import { clientIp } from "@/lib/auth/client-ip";

export type SessionToken = { uid: number; sv: number };

export async function readSessionToken(): Promise<SessionToken | null> {
  const session = await getServerSession(authOptions());
  if (typeof session?.uid !== "number" || typeof session.sv !== "number") return null;
  return { uid: session.uid, sv: session.sv };
}

export async function readClientIp(): Promise<string | null> {
  return clientIp(await headers());
}
