// Which errors mean "the database cannot answer now" (503: unreachable,
// frozen, or too busy for a request's time limits) rather than a failed
// query (lib/db/unavailable.ts). Table-driven.
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["connection refused", withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432")],
    ["admin shutdown", withCode("57P01", "terminating connection due to administrator command")],
    ["starting up", withCode("57P03", "the database system is starting up")],
    ["connection failure", withCode("08006")],
    ["Prisma cannot reach", withCode("P1001", "Can't reach database server at 127.0.0.1:1")],
    ["pool timeout", new Error("timeout exceeded when trying to connect")],
    ["connection cut", new Error("Connection terminated unexpectedly")],
    ["wrapped as a cause", Object.assign(new Error("query failed"), { cause: withCode("ECONNRESET") })],
    ["Prisma's driver error", Object.assign(new Error("adapter"), { originalCode: "57P01" })],
    ["a statement timeout", withCode("57014", "canceling statement due to statement timeout")],
    ["a lock timeout", withCode("55P03", "canceling statement due to lock timeout")],
    ["too many connections", withCode("53300", "sorry, too many clients already")],
    ["no answer from the server (pg's query_timeout)", new Error("Query read timeout")],
    ["a connection not made in time", new Error("Connection terminated due to connection timeout")],
    ["Prisma's transaction not started in time (P2028)", withCode("P2028", "Transaction API error: Unable to start a transaction in the given time.")],
    ["Prisma's expired transaction (P2028)", withCode("P2028", "Transaction API error: A query cannot be executed on an expired transaction. The timeout for this transaction was 30000 ms")],
    ["a raw query's server code in Prisma's meta (P2010)", Object.assign(withCode("P2010", "Raw query failed."), { meta: { code: "55P03", message: "canceling statement due to lock timeout" } })],
  ])("%s: unavailable", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", withCode("P2002", "Unique constraint failed")],
    ["a syntax error", withCode("42601", "syntax error at or near")],
    ["a closed transaction used again (P2028)", withCode("P2028", "Transaction API error: Transaction already closed: A query cannot be executed on a committed transaction.")],
    ["a raw query's syntax error (P2010)", Object.assign(withCode("P2010", "Raw query failed."), { meta: { code: "42601", message: "syntax error" } })],
    ["a plain error", new Error("something else")],
    ["not an error", "ECONNREFUSED"],
    ["nothing", undefined],
  ])("%s: not unavailable", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("does not loop on a cycle of causes", () => {
    const a = new Error("a") as Error & { cause?: unknown };
    const b = new Error("b") as Error & { cause?: unknown };
    a.cause = b;
    b.cause = a;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
