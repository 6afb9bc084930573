// The address of the client, for rate limits and the audit trail. Next.js sets
// x-forwarded-for from the socket; a reverse proxy in front appends to it. The
// rightmost entry is the one added by the nearest hop we trust, so a client
// cannot pick its own address by sending the header itself.
type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export function clientIp(headers: HeaderBag): string | null {
  const get = (name: string): string | null => {
    if (headers instanceof Headers) return headers.get(name);
    const v = headers[name];
    return Array.isArray(v) ? (v.at(-1) ?? null) : (v ?? null);
  };
  const forwarded = get("x-forwarded-for");
  if (forwarded) {
    const last = forwarded.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
    if (last) return last.slice(0, 64);
  }
  return get("x-real-ip")?.slice(0, 64) ?? null;
}
