import { describe, expect, it } from "vitest";
import { ARTICLE_PASSAGES, ARTICLE_TEXT, demoCase } from "@/tools/seed/demo-case";

// The demo data may say only what the article says. Every passage it cites
// from the article must be found there word for word.
const normalise = (s: string) => s.replace(/\s+/g, " ");

describe("demo case", () => {
  it("quotes the article verbatim in every article citation", () => {
    const all = [
      ...Object.values(demoCase.actors).flatMap((a) => a.citations),
      ...demoCase.weaponSystem.citations,
      ...demoCase.transfer.citations,
      ...demoCase.concern.citations,
      ...Object.values(demoCase.requests).flatMap((r) => r.citations),
      ...demoCase.inspection.citations,
      ...demoCase.quotes.flatMap((q) => q.citations),
    ];
    const fromArticle = all.filter((c) => c.source === "article");
    expect(fromArticle.length).toBeGreaterThan(10);
    for (const c of fromArticle) {
      expect(c.passage, "an article citation needs a passage").toBeTruthy();
      expect(normalise(ARTICLE_TEXT)).toContain(normalise(c.passage!));
    }
    for (const p of ARTICLE_PASSAGES) expect(normalise(ARTICLE_TEXT)).toContain(normalise(p));
  });

  it("quotes only words the article puts in quotation marks", () => {
    const quoted = [...ARTICLE_TEXT.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    for (const q of demoCase.quotes) {
      expect(quoted.some((inArticle) => inArticle.includes(q.text.replace(/,$/, "")))).toBe(true);
    }
  });

  it("leaves unknown figures unknown", () => {
    expect(demoCase.transfer).not.toHaveProperty("numberOrdered");
    expect(demoCase.transfer).not.toHaveProperty("numberDelivered");
    expect(demoCase.transfer).not.toHaveProperty("orderYear");
    expect(demoCase.requests.r2005.channel).toBeNull();
    expect(demoCase.requests.r2009.channel).toBeNull();
  });
});
