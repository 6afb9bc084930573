// The address of the client, for rate limits and the audit trail. The HTTP
// server in front of Next.js (lib/http/front-door.ts) works it out from the
// socket (and, only behind a configured TRUSTED_PROXIES, from X-Forwarded-For)
// and replaces X-Forwarded-For and X-Real-IP with that one address before
// any app code runs, so whatever a client sent in those headers is gone.
// Should a list arrive anyway (code run without that server, e.g. tests
// calling a handler), its right-most entry is the nearest hop's.
import { normalizeAddress } from "@/lib/http/client-address";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export function clientIp(headers: HeaderBag): string | null {
  const get = (name: string): string | null => {
    if (headers instanceof Headers) return headers.get(name);
    const v = headers[name];
    return Array.isArray(v) ? (v.at(-1) ?? null) : (v ?? null);
  };
  for (const name of ["x-forwarded-for", "x-real-ip"]) {
    const last = get(name)?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
    if (last) return normalizeAddress(last) ?? last.slice(0, 64);
  }
  return null;
}
