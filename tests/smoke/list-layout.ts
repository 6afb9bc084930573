// Record lists' layout on a phone and on a wide screen, measured in headless
// Chromium (Debian's, through playwright-core), for issue 14 (defect 9: the
// transfers list scrolled sideways on a phone and cut its columns,
// "Delive", "Unkn"). At 390 px no list scrolls sideways (neither the page
// nor its table), no cell's text overflows its cell, no word is broken
// across lines, and each row's first column links to the record's page
// (where the hidden secondary columns' information is). At 1440 px every
// column is shown.
//
//   npx tsx tests/smoke/list-layout.ts http://127.0.0.1:3000 [screenshot-dir]
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { DESKTOP, PHONE, launch, open, signedIn } from "./browser";
import { check, finish } from "./checks";

const outDir = path.resolve(process.argv[3] ?? "test-results/screenshots");
const LISTS = ["/requests", "/concerns", "/transfers", "/inspections", "/sources", "/actors", "/weapon-systems", "/quotes", "/citations"];
// Lists drawn as a table (ListTable); /quotes and /citations are lists of passages.
const TABLES = new Set(["/requests", "/concerns", "/transfers", "/inspections", "/sources", "/actors", "/weapon-systems"]);

/** What the list's table shows: its columns (shown or not), and whether each row shows them all. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const shown = (e: Element) => getComputedStyle(e).display !== "none" && e.getBoundingClientRect().width > 0;
    const table = document.querySelector("main table");
    const headers = table ? [...table.querySelectorAll("thead th")] : [];
    const rows = table ? [...table.querySelectorAll("tbody tr")] : [];
    const cells = [...document.querySelectorAll("main th, main td")].filter(shown);
    // A word (letters and digits only) whose text takes more than one line box is cut.
    const cutWords: string[] = [];
    for (const cell of cells) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? "";
        for (const m of text.matchAll(/[\p{L}\p{N}]{2,}/gu)) {
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          const lines = new Set([...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top)));
          if (lines.size > 1) cutWords.push(m[0]);
        }
      }
    }
    const wrapper = table?.parentElement ?? null;
    return {
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
      tableScroll: wrapper ? wrapper.scrollWidth : 0,
      tableClient: wrapper ? wrapper.clientWidth : 0,
      rows: rows.length,
      columns: headers.map((h) => ({ name: h.textContent?.replace(/[▲▼↕].*$/, "").trim() ?? "", shown: shown(h) })),
      // Rows whose shown cells differ in number from the shown headers.
      ragged: rows.filter((r) => [...r.children].filter(shown).length !== headers.filter(shown).length).length,
      // Rows whose first (shown) cell has no link to a record's page.
      unlinked: rows.filter((r) => !r.children[0] || !shown(r.children[0]) || !r.children[0].querySelector("a[href]")).length,
      clipped: cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => (c.textContent ?? "").trim().slice(0, 40)),
      cutWords: [...new Set(cutWords)].slice(0, 10),
    };
  });
}

async function desktop(browser: Browser) {
  const page = await signedIn(browser, "viewer", DESKTOP);
  for (const list of LISTS) {
    await open(page, list);
    const m = await measure(page);
    check(`${list} at 1440 px does not scroll sideways`, m.scroll <= m.inner, `${m.scroll} px in ${m.inner} px`);
    if (!TABLES.has(list)) continue;
    check(`${list} at 1440 px has rows`, m.rows > 0);
    const hidden = m.columns.filter((c) => !c.shown).map((c) => c.name);
    check(`${list} at 1440 px shows every column`, m.columns.length > 1 && hidden.length === 0, `hidden: ${hidden.join(", ")}`);
    check(`${list} at 1440 px: every row has a cell under every column`, m.ragged === 0, `${m.ragged} rows`);
    check(`${list} at 1440 px: no cell's text overflows it`, m.clipped.length === 0, m.clipped.join(" | "));
  }
  await open(page, "/transfers");
  await page.screenshot({ path: path.join(outDir, "list-transfers-1440.png"), fullPage: true });
  await page.context().close();
}

async function phone(browser: Browser) {
  const page = await signedIn(browser, "viewer", PHONE);
  for (const list of LISTS) {
    await open(page, list);
    const m = await measure(page);
    check(`${list} at 390 px does not scroll sideways`, m.scroll <= m.inner, `${m.scroll} px of content in ${m.inner} px`);
    check(`${list} at 390 px: no cell's text overflows it`, m.clipped.length === 0, m.clipped.join(" | "));
    check(`${list} at 390 px: no word is cut across lines`, m.cutWords.length === 0, m.cutWords.join(", "));
    if (!TABLES.has(list)) continue;
    check(`${list} at 390 px has rows`, m.rows > 0);
    check(`${list} at 390 px: the table fits, without scrolling sideways in itself`, m.tableScroll <= m.tableClient, `${m.tableScroll} px in ${m.tableClient} px`);
    check(`${list} at 390 px: every row has a cell under every shown column`, m.ragged === 0, `${m.ragged} rows`);
    check(`${list} at 390 px: each row's first column links to the record (the hidden columns' information)`, m.unlinked === 0, `${m.unlinked} rows`);
    check(`${list} at 390 px shows two columns at least`, m.columns.filter((c) => c.shown).length >= 2);
  }
  await open(page, "/transfers");
  await page.screenshot({ path: path.join(outDir, "list-transfers-390.png"), fullPage: true });
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
  finish("list layout", `; screenshots in ${outDir}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
