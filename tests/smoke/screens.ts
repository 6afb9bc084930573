// Every main page at 1440×900 and 390×844, as each role that sees it
// differently, in headless Chromium (issue 14, "Proof"): a full-page
// screenshot of each in <out-dir>/<page>[-<role>]-<desktop|phone>.png,
// axe-core (WCAG 2 A/AA rules; any violation fails, with its rule, target
// and page), and what is measured in the browser on each:
//   - the page answers 200 and has one h1;
//   - at 390 px it does not scroll sideways;
//   - the header is at most 64 px tall at 390 px, and at 1440 px its visible
//     links and buttons sit on one row (no wrapped navigation);
//   - a favicon (<link rel="icon"> in head) whose address answers 200;
//   - defect 5, one name per record: the dashboard, the concern's timeline,
//     Venezuela's page and the activity log show no "quote #5"-like name.
// /search answers 404 until the global search exists: then it is skipped.
//
//   npx tsx tests/smoke/screens.ts http://127.0.0.1:3000 test-results/screens [--readme]
//
// With --readme it also writes the README's screenshots to .github/screenshots/
// (the top 1440×900 of the dashboard, the concern and Venezuela's page; the
// first phone screen of the requests list).
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { DESKTOP, PHONE, anonymous, base, launch, signedIn, type Role, type Viewport } from "./browser";
import { check, finish } from "./checks";

const outDir = path.resolve(process.argv[3] && !process.argv[3].startsWith("--") ? process.argv[3] : "test-results/screens");
const readme = process.argv.includes("--readme");
const readmeDir = path.resolve(".github/screenshots");

const HEADER_MAX_PHONE = 64;
/** A record's type and number in place of its name ("quote #5"): defect 5. */
const TYPE_AND_NUMBER = /\b(quote|request|concern|transfer|source|actor|inspection) #\d+/i;
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const LISTS = ["requests", "concerns", "transfers", "inspections", "sources", "actors", "weapon-systems", "quotes", "citations"] as const;
/** Record types with a page of their own, by their list's segment. */
const RECORDS = ["requests", "concerns", "transfers", "inspections", "sources", "actors", "weapon-systems", "quotes"] as const;

type Who = Role | "anonymous";
type Width = "desktop" | "phone";
type Screen = {
  name: string;
  path: string;
  who: Who[];
  /** Where defect 5 is checked: the whole main, or the concern's timeline. */
  names?: "main" | "timeline";
  /** Drawn in the browser after load (recharts, the map): wait for it. */
  waitFor?: string;
  /** Answers 404 until its feature lands: skipped then, not failed. */
  pending?: boolean;
  /** Written to .github/screenshots/<readme>.png with --readme, at this width. */
  readme?: { file: string; width: Width };
};

let skipped = 0;
function skip(what: string, why: string) {
  skipped++;
  console.log(`skip ${what}: ${why}`);
}

/** The first record page linked from each list (the concern of Igla-S, the README's). */
async function recordPaths(browser: Browser): Promise<Record<(typeof RECORDS)[number], string>> {
  const page = await signedIn(browser, "viewer", DESKTOP);
  const found = {} as Record<(typeof RECORDS)[number], string>;
  for (const segment of RECORDS) {
    await page.goto(`${base}/${segment}`, { waitUntil: "networkidle" });
    const hrefs = await page.locator(`main a[href^="/${segment}/"]`).evaluateAll((as) => as.map((a): [string, string] => [a.getAttribute("href") ?? "", a.textContent ?? ""]));
    const records = hrefs.filter(([h]) => new RegExp(`^/${segment}/(?!new$)[^/?#]+$`).test(h));
    const preferred = segment === "concerns" ? records.find(([, text]) => /Igla-S/.test(text)) : undefined;
    const chosen = preferred ?? records[0];
    if (!chosen) throw new Error(`/${segment} links to no record`);
    found[segment] = chosen[0];
  }
  await page.context().close();
  return found;
}

function screens(records: Record<(typeof RECORDS)[number], string>): Screen[] {
  const id = (p: string) => p.split("/").at(-1)!;
  const charts = "figure svg.recharts-surface";
  return [
    { name: "dashboard", path: "/", who: ["viewer", "editor"], names: "main", waitFor: charts, readme: { file: "dashboard", width: "desktop" } },
    ...LISTS.map((l): Screen => ({ name: l, path: `/${l}`, who: l === "requests" ? ["viewer", "editor"] : ["viewer"], readme: l === "requests" ? { file: "requests-phone", width: "phone" } : undefined })),
    ...RECORDS.map((r): Screen => ({
      name: `${r.replace(/s$/, "")}`,
      path: records[r],
      who: r === "requests" || r === "concerns" ? ["viewer", "editor"] : ["viewer"],
      names: r === "concerns" ? "timeline" : undefined,
      readme: r === "concerns" ? { file: "concern", width: "desktop" } : undefined,
    })),
    { name: "countries", path: "/countries", who: ["viewer"] },
    { name: "country-VE", path: "/countries/VE", who: ["viewer"], names: "main", waitFor: charts, readme: { file: "country", width: "desktop" } },
    { name: "map", path: "/map", who: ["viewer"], waitFor: "main svg path.sea" },
    { name: "search", path: "/search?q=Igla", who: ["viewer"], pending: true },
    { name: "request-new", path: "/requests/new", who: ["editor"] },
    { name: "concern-edit", path: `${records.concerns}/edit`, who: ["editor"] },
    { name: "concern-history", path: `/history/concern/${id(records.concerns)}`, who: ["editor"] },
    { name: "account", path: "/account", who: ["viewer"] },
    { name: "admin-activity", path: "/admin/activity", who: ["admin"], names: "main" },
    { name: "admin-users", path: "/admin/users", who: ["admin"] },
    { name: "import", path: "/import", who: ["editor"] },
    { name: "api-docs", path: "/api-docs", who: ["viewer"] },
    { name: "signin", path: "/signin", who: ["anonymous"] },
  ];
}

/** What is measured on the page as it is now. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const visible = (e: Element) => {
      const b = e.getBoundingClientRect();
      // Not hidden, and not a 1 px screen-reader-only element (a skip link).
      return (e as HTMLElement).checkVisibility() && b.width > 1 && b.height > 1;
    };
    const header = [...document.querySelectorAll("header")].find((h) => !h.closest("main")) ?? null;
    // The header's rows: its visible links and buttons, grouped by their top offsets;
    // one that starts below the bottom of the row above it starts a new row
    // (items of one row differ in height, hence in top, by a few px).
    const controls = header ? [...header.querySelectorAll("a[href], button, [role=button], input, select")].filter(visible) : [];
    const boxes = controls.map((c) => c.getBoundingClientRect()).sort((a, b) => a.top - b.top);
    const rows: { top: number; bottom: number }[] = [];
    for (const b of boxes) {
      const last = rows.at(-1);
      if (last && b.top < last.bottom - 1) last.bottom = Math.max(last.bottom, b.bottom);
      else rows.push({ top: b.top, bottom: b.bottom });
    }
    const icon = document.head.querySelector<HTMLLinkElement>('link[rel~="icon"]');
    return {
      scrollWidth: document.scrollingElement?.scrollWidth ?? document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      header: header ? Math.round(header.getBoundingClientRect().height) : null,
      headerTops: [...new Set(boxes.map((b) => Math.round(b.top + window.scrollY)))],
      headerRows: rows.length,
      h1s: [...document.querySelectorAll("h1")].map((h) => (h.textContent ?? "").trim().slice(0, 50)),
      icon: icon ? icon.href : null,
    };
  });
}

/** The text in which defect 5 is looked for: main, or the section under the "Timeline" heading. */
async function namesText(page: Page, where: "main" | "timeline"): Promise<string | null> {
  return page.evaluate((w) => {
    const main = document.querySelector("main");
    if (w === "main") return main ? (main as HTMLElement).innerText : null;
    const heading = [...document.querySelectorAll("main h2, main h3")].find((h) => /^\s*Timeline\s*$/.test(h.textContent ?? ""));
    const section = heading?.closest("section") ?? heading?.parentElement ?? null;
    return section ? (section as HTMLElement).innerText : null;
  }, where);
}

const favicons = new Map<string, number>();

async function visit(page: Page, screen: Screen, who: Who, width: Width) {
  const label = `${who} ${screen.path} at ${width === "desktop" ? "1440" : "390"} px`;
  const file = `${screen.name}${screen.who.length > 1 && who !== screen.who[0] ? `-${who}` : ""}-${width}`;
  const response = await page.goto(`${base}${screen.path}`, { waitUntil: "networkidle" });
  const status = response?.status() ?? 0;
  if (screen.pending && status === 404) return skip(label, "answers 404 (not built yet)");
  check(`${label} answers 200`, status === 200, `${status}`);
  if (status !== 200) return;
  await page.locator("main h1").first().waitFor({ timeout: 20_000 });
  if (screen.waitFor) await page.locator(screen.waitFor).first().waitFor({ timeout: 20_000 });
  // Fonts and lazy figures settle.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(250);

  if (readme && screen.readme?.width === width && who === screen.who[0]) {
    fs.mkdirSync(readmeDir, { recursive: true });
    await page.screenshot({ path: path.join(readmeDir, `${screen.readme.file}.png`) });
  }
  await page.screenshot({ path: path.join(outDir, `${file}.png`), fullPage: true });

  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const violations = result.violations.map((v) => `${v.id} (${v.impact}) on ${screen.path}: ${v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join(" | ")}${v.nodes.length > 4 ? ` (+${v.nodes.length - 4})` : ""}`);
  check(`${label}: no axe violation (WCAG 2 A/AA)`, violations.length === 0, violations.join("\n     "));

  const m = await measure(page);
  check(`${label}: one h1`, m.h1s.length === 1, `${m.h1s.length}: ${m.h1s.join(" | ")}`);
  if (width === "phone") {
    check(`${label} does not scroll sideways`, m.scrollWidth <= m.innerWidth + 1, `${m.scrollWidth} px in ${m.innerWidth} px`);
  }
  if (m.header !== null) {
    if (width === "phone") check(`${label}: header at most ${HEADER_MAX_PHONE} px tall`, m.header <= HEADER_MAX_PHONE, `${m.header} px`);
    else check(`${label}: the header's links and buttons on one row`, m.headerRows === 1, `${m.headerRows} rows (tops ${m.headerTops.join(", ")} px)`);
  } else if (who !== "anonymous") {
    check(`${label} has a header`, false);
  }
  if (width === "desktop") {
    let iconStatus = 0;
    if (m.icon) {
      if (!favicons.has(m.icon)) favicons.set(m.icon, (await page.request.get(m.icon)).status());
      iconStatus = favicons.get(m.icon)!;
    }
    check(`${label}: a favicon that answers 200`, m.icon !== null && iconStatus === 200, m.icon ? `${m.icon} answers ${iconStatus}` : 'no <link rel="icon"> in head');
    if (screen.names) {
      const text = await namesText(page, screen.names);
      const found = text?.match(new RegExp(TYPE_AND_NUMBER.source, "gi")) ?? [];
      check(`${label}: every record by its name (${screen.names}), none as "type #n"`, text !== null && found.length === 0, text === null ? `no ${screen.names} found` : [...new Set(found)].join(", "));
    }
  }
}

async function main() {
  const started = Date.now();
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await launch();
  try {
    const all = screens(await recordPaths(browser));
    const viewports: [Width, Viewport][] = [["desktop", DESKTOP], ["phone", PHONE]];
    for (const who of ["anonymous", "viewer", "editor", "admin"] as const) {
      const mine = all.filter((s) => s.who.includes(who));
      for (const [width, viewport] of viewports) {
        const page = who === "anonymous" ? await anonymous(browser, viewport) : await signedIn(browser, who, viewport);
        for (const screen of mine) await visit(page, screen, who, width);
        await page.context().close();
      }
    }
  } finally {
    await browser.close();
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  finish("screens", `, ${skipped} skipped, in ${seconds} s; screenshots in ${outDir}${readme ? ` and ${readmeDir}` : ""}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
