// What the dashboard's concern section says in words, at a million records:
// every count is written with thousands separators, as the figures above it are.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ConcernsSection } from "@/components/dashboard/concerns-section";
import type { ConcernList, ConcernListRow } from "@/lib/dashboard/queries";

const row = (id: number): ConcernListRow => ({
  id,
  title: `Concern ${id}`,
  severity: "HIGH",
  status: "OPEN",
  openedOn: "2005-01-01",
  openedOnPrecision: "YEAR",
  owner: null,
  nextReviewOn: "2026-05-15",
  overdue: true,
  daysOverdue: 200,
  total: 23_752,
});

describe("the dashboard's unresolved concerns, in words", () => {
  it("counts in the lists' summaries have thousands separators", () => {
    const list: ConcernList = { total: 23_752, rows: [row(1), row(2)] };
    const html = renderToStaticMarkup(
      createElement(ConcernsSection, {
        counts: { total: 56_568, bySeverity: { HIGH: 56_568 }, byStatus: { OPEN: 56_568 }, cells: [{ severity: "HIGH", status: "OPEN", n: 56_568 }] },
        oldest: list,
        overdue: list,
        filtered: false,
        hrefs: { unresolved: "/concerns?status=OPEN%2CMONITORING", open: "/concerns?status=OPEN", monitoring: "/concerns?status=MONITORING" },
      }),
    );
    expect(html).toContain("The 2 most overdue of 23,752.");
    expect(html).toContain("of 23,752.");
    expect(html).not.toMatch(/\b23752\b/);
    expect(html).toContain("56,568");
  });

  it("every count tile is a link to the list it counts", () => {
    const list: ConcernList = { total: 0, rows: [] };
    const html = renderToStaticMarkup(
      createElement(ConcernsSection, {
        counts: { total: 3, bySeverity: { HIGH: 3 }, byStatus: { OPEN: 2, MONITORING: 1 }, cells: [] },
        oldest: list,
        overdue: list,
        filtered: false,
        hrefs: { unresolved: "/concerns?status=OPEN%2CMONITORING", open: "/concerns?status=OPEN", monitoring: "/concerns?status=MONITORING" },
      }),
    );
    const tiles = [...html.matchAll(/<(\w+)[^>]*data-stat=""[^>]*>/g)];
    expect(tiles).toHaveLength(4);
    for (const [tag, name] of tiles.map((m) => [m[0], m[1]])) {
      expect(name).toBe("a");
      expect(tag).toMatch(/href="[^"]+"/);
    }
    expect(html).toContain('href="/concerns?status=OPEN"');
    expect(html).toContain('href="/concerns?status=MONITORING"');
    expect(html).toContain('href="#overdue-title"');
  });
});
