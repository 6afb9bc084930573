// Country pages' layout, measured in headless Chromium (Debian's, through
// playwright-core), for issue 14: the tables that give a chart's figures sit
// under their chart at its width (they were squeezed to ~90 px beside it,
// their caption over six lines), no table on the page is narrower than
// 300 px at 1440 px, no caption wraps word by word, the page does not scroll
// sideways on a phone, and Venezuela's page shows the requests about it.
//
//   npx tsx tests/smoke/country-layout.ts http://127.0.0.1:3000 [screenshot-dir]
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { DESKTOP, PHONE, base, launch, signedIn } from "./browser";
import { check, finish } from "./checks";

const outDir = path.resolve(process.argv[3] ?? "test-results/screenshots");
const MIN_TABLE_WIDTH = 300;

async function open(page: Page, code: string) {
  await page.goto(`${base}/countries/${code}`, { waitUntil: "networkidle" });
  await page.getByRole("heading", { name: "Timeline" }).waitFor();
  // Charts draw in the browser (recharts): wait for the first one.
  await page.locator("figure svg.recharts-surface").first().waitFor({ timeout: 20_000 });
}

async function desktop(browser: Browser) {
  const page = await signedIn(browser, "editor", DESKTOP);
  for (const code of ["RU", "VE"]) {
    await open(page, code);
    // Every disclosure open, so that the tables in them are laid out.
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    const m = await page.evaluate(() => {
      const box = (e: Element) => e.getBoundingClientRect();
      const line = (e: Element) => parseFloat(getComputedStyle(e).lineHeight) || 20;
      return {
        tables: [...document.querySelectorAll("main table")].map((t) => ({
          name: t.id || t.querySelector("caption")?.textContent?.trim().slice(0, 60) || "a table",
          width: Math.round(box(t).width),
          // Its visible title (a caption, or the heading it is labelled by; sr-only ones are 1 px): how many lines it takes.
          captionLines: (() => {
            const by = t.getAttribute("aria-labelledby");
            const c = (by ? document.getElementById(by) : null) ?? t.querySelector("caption");
            if (!c || box(c).width <= 1) return 0;
            return Math.round(box(c).height / line(c));
          })(),
        })),
        // Each chart's own table: under the chart, and as wide as it (90 % at least).
        chartTables: [...document.querySelectorAll("main figure")].flatMap((f) => {
          const chart = f.querySelector(".recharts-responsive-container, svg.recharts-surface");
          const table = f.querySelector("details table");
          if (!chart || !table) return [];
          return [{ name: table.id || "a chart's table", below: box(table).top >= box(chart).bottom, ratio: box(table).width / box(chart).width }];
        }),
      };
    });
    check(`/countries/${code} at 1440 px has tables`, m.tables.length > 0);
    for (const t of m.tables) {
      check(`/countries/${code} at 1440 px: table ${t.name} is at least ${MIN_TABLE_WIDTH} px wide`, t.width >= MIN_TABLE_WIDTH, `${t.width} px`);
      check(`/countries/${code} at 1440 px: title of ${t.name} on one or two lines`, t.captionLines <= 2, `${t.captionLines} lines`);
    }
    check(`/countries/${code}: the delivery chart has its table`, m.chartTables.length > 0);
    for (const t of m.chartTables) {
      check(`/countries/${code}: ${t.name} is under its chart`, t.below);
      check(`/countries/${code}: ${t.name} is as wide as its chart`, t.ratio >= 0.9, `${Math.round(t.ratio * 100)} %`);
    }
    await page.screenshot({ path: path.join(outDir, `country-${code}-1440.png`), fullPage: true });
  }
  // Defect 2: the two U.S. démarches to Russia are about Venezuela.
  await open(page, "VE");
  const concerning = await page.locator("#requests-concerning").innerText();
  check("/countries/VE counts the requests concerning it", /Concerning it: 2 requests/.test(concerning), concerning);
  const main = await page.locator("main").innerText();
  check("/countries/VE lists the two U.S. requests to Russia", (main.match(/From United States to Russia/g) ?? []).length === 2);
  // Its figure opens the list of exactly those requests.
  await page.locator("#requests-concerning").locator("xpath=..").getByRole("link", { name: /^2 concerning it/ }).click();
  await page.waitForURL(/\/requests\?/);
  const listed = await page.locator("main").innerText();
  check("the figure opens /requests?concerning=VE", page.url().includes("concerning=VE"), page.url());
  check("the list shows the two U.S. requests to Russia", /U\.S\. request to Russia to suspend/.test(listed) && /U\.S\. request to Russia to halt/.test(listed), listed.slice(0, 300));
  await page.context().close();
}

async function phone(browser: Browser) {
  const page = await signedIn(browser, "editor", PHONE);
  for (const code of ["RU", "VE"]) {
    await open(page, code);
    const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    check(`/countries/${code} at 390 px does not scroll sideways`, m.scroll <= m.client, `${m.scroll} px of content in ${m.client} px`);
    await page.screenshot({ path: path.join(outDir, `country-${code}-390.png`), fullPage: true });
  }
  await page.context().close();
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await launch();
  try {
    await desktop(browser);
    await phone(browser);
  } finally {
    await browser.close();
  }
  finish("country layout", `; screenshots in ${outDir}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
