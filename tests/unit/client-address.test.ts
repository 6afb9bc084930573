// The client's address (lib/http/client-address.ts): the socket's peer,
// unless the peer is a configured trusted proxy; a client's own
// X-Forwarded-For never chooses its address.
import { describe, expect, it } from "vitest";
import { normalizeAddress, resolveClientAddress, splitTrustedProxies, trustedProxies, trustedProxyEntryProblem, TRUST_NOBODY } from "@/lib/http/client-address";
import { clientIp } from "@/lib/auth/client-ip";

describe("normalizeAddress", () => {
  it.each([
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["::FFFF:7f00:2", "127.0.0.2"],
    ["203.0.113.9", "203.0.113.9"],
    [" 203.0.113.9 ", "203.0.113.9"],
    ["203.0.113.9:51234", "203.0.113.9"],
    ["[2001:DB8::1]:443", "2001:db8::1"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["fe80::1%eth0", "fe80::1"],
    ["::1", "::1"],
  ])("%s is %s", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });

  it.each(["", "unknown", "1.2.3", "999.1.1.1", "<script>", "1.2.3.4, 5.6.7.8", "_hidden"])("%j is not an address", (raw) => {
    expect(normalizeAddress(raw)).toBeNull();
  });
});

describe("resolveClientAddress", () => {
  it("without trusted proxies: the socket's peer, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("::ffff:127.0.0.1", "6.6.6.6", TRUST_NOBODY)).toBe("127.0.0.1");
    expect(resolveClientAddress("198.51.100.4", "10.0.0.1, 203.0.113.5", TRUST_NOBODY)).toBe("198.51.100.4");
    // Rotating the header changes nothing: every attempt counts for one address.
    const seen = new Set(Array.from({ length: 12 }, (_, i) => resolveClientAddress("198.51.100.4", `192.0.2.${i}`, TRUST_NOBODY)));
    expect([...seen]).toEqual(["198.51.100.4"]);
  });

  it("a peer that is not a trusted proxy is the client even when proxies are configured", () => {
    const trusted = trustedProxies(["10.0.0.0/8"]);
    expect(resolveClientAddress("198.51.100.4", "6.6.6.6", trusted)).toBe("198.51.100.4");
  });

  it("behind a trusted proxy: the address the proxy appended, not what the client sent before it", () => {
    const trusted = trustedProxies(["10.0.0.2"]);
    expect(resolveClientAddress("10.0.0.2", "203.0.113.5", trusted)).toBe("203.0.113.5");
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.5", trusted)).toBe("203.0.113.5");
    expect(resolveClientAddress("10.0.0.2", ["6.6.6.6", "203.0.113.5"], trusted)).toBe("203.0.113.5");
  });

  it("several trusted hops are skipped from the right", () => {
    const trusted = trustedProxies(["10.0.0.0/8", "2001:db8:1::/48"]);
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.5, 10.1.2.3, 2001:db8:1::7", trusted)).toBe("203.0.113.5");
    expect(resolveClientAddress("::ffff:10.0.0.2", "203.0.113.5", trusted)).toBe("203.0.113.5");
  });

  it("every hop trusted: the left-most; no header: the proxy itself", () => {
    const trusted = trustedProxies(["10.0.0.0/8"]);
    expect(resolveClientAddress("10.0.0.2", "10.9.9.9, 10.0.0.3", trusted)).toBe("10.9.9.9");
    expect(resolveClientAddress("10.0.0.2", undefined, trusted)).toBe("10.0.0.2");
  });

  it("a hop that is not an address stops the walk at the last hop we can vouch for", () => {
    const trusted = trustedProxies(["10.0.0.0/8"]);
    expect(resolveClientAddress("10.0.0.2", "203.0.113.5, garbage", trusted)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "garbage, 10.0.0.9", trusted)).toBe("10.0.0.9");
  });

  it("IPv6 peers and entries, in any spelling", () => {
    const trusted = trustedProxies(["::1"]);
    expect(resolveClientAddress("0:0:0:0:0:0:0:1", "[2001:DB8::5]:1234", trusted)).toBe("2001:db8::5");
    expect(resolveClientAddress("::1", "::ffff:203.0.113.5", trusted)).toBe("203.0.113.5");
  });

  it("an IPv4 trusted proxy matches its IPv4-mapped spelling", () => {
    expect(trustedProxies(["127.0.0.1"]).has("::ffff:127.0.0.1")).toBe(true);
    expect(trustedProxies(["127.0.0.0/8"]).has("::ffff:127.0.0.3")).toBe(true);
    expect(trustedProxies(["127.0.0.1"]).has("127.0.0.2")).toBe(false);
  });
});

describe("TRUSTED_PROXIES entries", () => {
  it("splits a comma-separated list, spaces and empty entries aside", () => {
    expect(splitTrustedProxies(" 10.0.0.1, ,fd00::/8 ")).toEqual(["10.0.0.1", "fd00::/8"]);
    expect(splitTrustedProxies(undefined)).toEqual([]);
  });

  it.each(["10.0.0.1", "10.0.0.0/8", "::1", "fd00::/8", "0.0.0.0/0"])("%s is accepted", (entry) => {
    expect(trustedProxyEntryProblem(entry)).toBeNull();
  });

  it.each(["proxy.local", "10.0.0.0/33", "fd00::/129", "10.0.0.0/8/1", "10.0.0.0/x", "*"])("%s is refused", (entry) => {
    expect(trustedProxyEntryProblem(entry)).not.toBeNull();
    expect(() => trustedProxies([entry])).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("clientIp (what the app reads)", () => {
  it("reads the one address the front door wrote, normalized", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientIp({ "x-real-ip": "203.0.113.5" })).toBe("203.0.113.5");
    expect(clientIp({})).toBeNull();
  });
});
