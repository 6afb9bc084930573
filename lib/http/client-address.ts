// Who is on the other end of a request. The socket's peer is the client,
// unless that peer is a proxy we were told to trust (TRUSTED_PROXIES): then
// X-Forwarded-For is read from the right, each trusted proxy having appended
// the address it saw, and the first address that is not a trusted proxy is
// the client. Everything left of it was written by the client itself and is
// ignored: a client cannot choose its own address by sending the header.
//
// Pure: no environment, no request objects (lib/http/front-door.ts applies it).
import net from "node:net";

export type TrustedProxies = {
  /** The entries as configured (for messages). */
  readonly entries: readonly string[];
  has(address: string): boolean;
};

/**
 * An address as one string per host: IPv4-mapped IPv6 (`::ffff:10.0.0.1`)
 * as IPv4, IPv6 compressed and lower-cased, brackets, an IPv4 port
 * (`1.2.3.4:5678`, as some proxies write) and an IPv6 zone dropped. Null
 * when it is not an IP address.
 */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let a = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  a = a.replace(/%[\w.-]+$/, "");
  const kind = net.isIP(a);
  if (kind === 4) return a;
  if (kind !== 6) return null;
  // The URL parser writes IPv6 in its canonical compressed form.
  const canonical = new URL(`http://[${a}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (mapped) {
    const hi = parseInt(mapped[1]!, 16);
    const lo = parseInt(mapped[2]!, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return canonical;
}

/** Why an entry of TRUSTED_PROXIES is not an address or a CIDR block, or null when it is one. */
export function trustedProxyEntryProblem(entry: string): string | null {
  const [address, prefix, ...rest] = entry.split("/");
  const kind = net.isIP(address ?? "");
  if (!kind || rest.length) return `"${entry}" is not an IP address or a CIDR block (like 10.0.0.0/8 or fd00::/8)`;
  if (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= (kind === 4 ? 32 : 128))) {
    return `"${entry}" has a prefix length that is not 0-${kind === 4 ? 32 : 128}`;
  }
  return null;
}

/** The comma-separated list of TRUSTED_PROXIES as entries (empty: trust nobody). */
export function splitTrustedProxies(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A matcher for the configured proxies. Entries must be valid (lib/env.ts checks them at start). */
export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new net.BlockList();
  for (const entry of entries) {
    const problem = trustedProxyEntryProblem(entry);
    if (problem) throw new Error(`TRUSTED_PROXIES: ${problem}.`);
    const [address, prefix] = entry.split("/") as [string, string | undefined];
    const type = net.isIP(address) === 4 ? "ipv4" : "ipv6";
    // IPv4 entries are matched as IPv4 (addresses are normalized before the check).
    if (prefix === undefined) list.addAddress(normalizeAddress(address)!, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return {
    entries: [...entries],
    has(address: string) {
      const a = normalizeAddress(address);
      if (!a || entries.length === 0) return false;
      return list.check(a, net.isIP(a) === 4 ? "ipv4" : "ipv6");
    },
  };
}

export const TRUST_NOBODY: TrustedProxies = trustedProxies([]);

/**
 * The client's address: the socket's peer, or, when the peer is a trusted
 * proxy, the right-most X-Forwarded-For entry that is not one (all entries
 * trusted: the left-most). An entry that is not an address stops the walk:
 * the hop that wrote it is the last one we can vouch for, so its sender is
 * the client. Null only when the socket has no address (it was closed).
 */
export function resolveClientAddress(
  remoteAddress: string | null | undefined,
  forwardedFor: string | readonly string[] | null | undefined,
  trusted: TrustedProxies,
): string | null {
  const peer = normalizeAddress(remoteAddress);
  if (!peer || !trusted.has(peer)) return peer;
  const header = typeof forwardedFor === "string" ? forwardedFor : (forwardedFor ?? []).join(",");
  const hops = header.split(",").map((s) => s.trim()).filter(Boolean);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const address = normalizeAddress(hops[i]);
    if (!address) break;
    client = address;
    if (!trusted.has(address)) break;
  }
  return client;
}
