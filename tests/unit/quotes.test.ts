import { describe, expect, it } from "vitest";
import { passageKey, quoted, typesetInner, unwrapQuote } from "@/lib/format/quotes";

describe("quoted", () => {
  it.each([
    { why: "wraps plain text in typographic quotes", text: "That is your decision, not ours.", expected: "“That is your decision, not ours.”" },
    { why: "does not double straight quotes around the text", text: '"secret."', expected: "“secret.”" },
    { why: "does not double curly quotes around the text", text: "“secret.”", expected: "“secret.”" },
    { why: "trims before unwrapping", text: '  "secret."  ', expected: "“secret.”" },
    {
      why: "keeps a quote at the end of the text as a quote within (no .\"”)",
      text: 'wrote in a 2005 cable marked "secret."',
      expected: "“wrote in a 2005 cable marked ‘secret.’”",
    },
    {
      why: "keeps a quote at the start of the text as a quote within",
      text: '"Given the history, inspections are merited," writes Matt Schroeder.',
      expected: "“‘Given the history, inspections are merited,’ writes Matt Schroeder.”",
    },
    { why: "leaves two quotes that merely start and end the text", text: '"a" and "b"', expected: "“‘a’ and ‘b’”" },
    { why: "typesets apostrophes", text: "Venezuela's arsenals", expected: "“Venezuela’s arsenals”" },
  ])("$why", ({ text, expected }) => {
    const out = quoted(text);
    expect(out).toBe(expected);
    expect(out).not.toMatch(/"|”.*”$|^“.*“/);
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
