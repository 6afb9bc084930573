// Which errors mean "the database cannot be reached" (503) rather than a
// failed query (lib/db/unavailable.ts). Table-driven.
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
  ])("%s: unavailable", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", withCode("P2002", "Unique constraint failed")],
    ["a syntax error", withCode("42601", "syntax error at or near")],
    ["a statement timeout", withCode("57014", "canceling statement due to statement timeout")],
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
