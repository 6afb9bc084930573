import { describe, expect, it } from "vitest";
import { hasOwnQuoteAtEdge, passageKey, quoted, typesetInner, unwrapQuote } from "@/lib/format/quotes";

describe("quoted", () => {
  it.each([
    { why: "wraps plain text in typographic quotes", text: "That is your decision, not ours.", expected: "“That is your decision, not ours.”" },
    { why: "does not double straight quotes around the text", text: '"secret."', expected: "“secret.”" },
    { why: "does not double curly quotes around the text", text: "“secret.”", expected: "“secret.”" },
    { why: "trims before unwrapping", text: '  "secret."  ', expected: "“secret.”" },
    { why: "typesets a quote within in single marks", text: 'the cable marked "secret" was read', expected: "“the cable marked ‘secret’ was read”" },
    // A text that itself ends or begins with a quotation keeps its own marks
    // as the outer ones: no pair beside them (’” or “‘, issue 14: the demo
    // concern's passage 10 showed “‘Given…).
    {
      why: "adds no pair around a text that ends with a quote of its own (no ’”)",
      text: 'wrote in a 2005 cable marked "secret."',
      expected: "wrote in a 2005 cable marked “secret.”",
    },
    {
      why: "adds no pair around a text that begins with a quote of its own (no “‘)",
      text: '"Given the history, inspections are merited," writes Matt Schroeder.',
      expected: "“Given the history, inspections are merited,” writes Matt Schroeder.",
    },
    {
      why: "the same with curly marks",
      text: "“Given the history, inspections are merited,” writes Matt Schroeder.",
      expected: "“Given the history, inspections are merited,” writes Matt Schroeder.",
    },
    {
      why: "the same with single marks, at the start",
      text: "'Given the history, inspections are merited,' writes Matt Schroeder.",
      expected: "‘Given the history, inspections are merited,’ writes Matt Schroeder.",
    },
    {
      why: "the same with single marks, at the end",
      text: "the cable was marked ‘secret.’",
      expected: "the cable was marked ‘secret.’",
    },
    { why: "unwraps single marks around the whole text", text: "'secret.'", expected: "“secret.”" },
    { why: "unwraps curly single marks around the whole text", text: "‘secret.’", expected: "“secret.”" },
    { why: "leaves two quotes that merely start and end the text", text: '"a" and "b"', expected: "“a” and “b”" },
    { why: "typesets apostrophes", text: "Venezuela's arsenals", expected: "“Venezuela’s arsenals”" },
    { why: "keeps an apostrophe inside single marks", text: "'Venezuela's arsenals'", expected: "‘Venezuela’s arsenals’" },
  ])("$why", ({ text, expected }) => {
    const out = quoted(text);
    expect(out).toBe(expected);
    // No straight marks, and never two marks side by side at an edge.
    expect(out).not.toMatch(/["']|^[“‘][“‘]|[”’][”’]$/);
  });
});

describe("a final apostrophe", () => {
  it("is an apostrophe, not a closing quote: the text is wrapped", () => {
    expect(quoted("the generals'")).toBe("“the generals’”");
    expect(hasOwnQuoteAtEdge("the generals'")).toBe(false);
    expect(hasOwnQuoteAtEdge("marked 'secret.'")).toBe(true);
  });
});

describe("unwrapQuote and typesetInner", () => {
  it("strip only marks that wrap the whole text, repeatedly", () => {
    expect(unwrapQuote('""nested""')).toBe("nested");
    expect(unwrapQuote('"half')).toBe('"half');
    expect(typesetInner('say "no"')).toBe("say ‘no’");
  });
  it("passageKey equates a passage stored with and without its marks", () => {
    expect(passageKey('"The sale  went ahead."')).toBe(passageKey("The sale went ahead."));
    expect(passageKey("The sale went ahead.")).not.toBe(passageKey("The sale was halted."));
  });
});
