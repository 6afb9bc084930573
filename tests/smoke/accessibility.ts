// Accessibility in headless Chromium against a running app with the demo
// data: every main page passes axe-core (WCAG 2 A and AA rules) with no
// serious or critical violation, as a viewer and as an editor; focus is
// visible on every control reached with Tab; and one whole flow is done with
// the keyboard alone (sign in, log a lobbying attempt through its shortcut,
// find it, sign out).
//
//   npx tsx tests/smoke/accessibility.ts http://localhost:3000 [screenshot-dir]
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { check, finish } from "./checks";

const base = process.argv[2] ?? "http://localhost:3000";
const outDir = path.resolve(process.argv[3] ?? "test-results/screenshots");


async function signIn(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("demarche-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Unresolved concerns" }).waitFor();
  return { context, page };
}

/** Serious and critical violations of the WCAG 2 A/AA rules on the page as it is now. */
async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

async function checkPage(page: Page, who: string, url: string, ready?: (p: Page) => Promise<unknown>) {
  await page.goto(`${base}${url}`, { waitUntil: "networkidle" });
  if (ready) await ready(page);
  const violations = await axe(page);
  check(`${who} ${url}: no serious or critical axe violation`, violations.length === 0, violations.join("\n     "));
}

/** Tabs through the page: every element that takes focus shows it (an outline or a ring). */
async function focusVisible(page: Page, who: string, url: string, steps = 25) {
  await page.goto(`${base}${url}`, { waitUntil: "networkidle" });
  const invisible: string[] = [];
  for (let i = 0; i < steps; i++) {
    await page.keyboard.press("Tab");
    const shown = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { ok: true, what: "body" };
      const s = getComputedStyle(el);
      const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
      const ring = s.boxShadow !== "none" && s.boxShadow !== "";
      return { ok: outline || ring, what: `${el.tagName.toLowerCase()} ${(el.textContent ?? "").trim().slice(0, 30) || el.getAttribute("name") || el.getAttribute("aria-label") || ""}` };
    });
    if (!shown.ok) invisible.push(shown.what);
  }
  check(`${who} ${url}: focus is visible on every element reached with Tab`, invisible.length === 0, invisible.slice(0, 5).join("; "));
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    // The sign-in page, anonymous.
    {
      const context = await browser.newContext();
      const page = await context.newPage();
      await checkPage(page, "anonymous", "/signin");
      await focusVisible(page, "anonymous", "/signin", 6);
      await context.close();
    }

    const pages = [
      "/",
      "/concerns",
      "/requests",
      "/transfers",
      "/inspections",
      "/sources",
      "/actors",
      "/weapon-systems",
      "/countries",
      "/countries/RU",
      "/countries/VE",
      "/map",
      "/map?measure=requests",
      "/account",
      "/api-docs",
    ];
    for (const who of ["viewer", "editor"] as const) {
      const { context, page } = await signIn(browser, `${who}@demarche.local`);
      for (const url of pages) await checkPage(page, who, url);
      // A record of each kind, from its list; and the forms an editor uses.
      await page.goto(`${base}/concerns`);
      const concern = await page.getByRole("link", { name: /Igla-S/ }).first().getAttribute("href");
      if (concern) await checkPage(page, who, concern, (p) => p.getByRole("heading", { name: "Timeline" }).waitFor());
      await page.goto(`${base}/requests`);
      const request = await page.locator('main a[href^="/requests/"]').first().getAttribute("href");
      if (request) await checkPage(page, who, request);
      if (who === "editor") {
        await checkPage(page, who, "/requests/new");
        await checkPage(page, who, "/concerns/new");
        if (request) await checkPage(page, who, `${request}/edit`);
        if (request) await checkPage(page, who, `/history/request/${request.split("/").at(-1)}`);
        await focusVisible(page, who, "/requests/new", 30);
        // The import page, and its dry run with a problem row.
        await checkPage(page, who, "/import");
        const csv = "Recipient,Supplier,Weapon designation,Status\nPeru,Russia,Mi-171E,New\nAtlantis,Russia,Igla-S,Delivered\n";
        await page.getByLabel("CSV file").setInputFiles({ name: "check.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
        await page.getByRole("button", { name: "Check file" }).click();
        await page.getByText(/“Atlantis” is not a country/).first().waitFor();
        const violations = await axe(page);
        check(`${who} /import dry run: no serious or critical axe violation`, violations.length === 0, violations.join("\n     "));
        await focusVisible(page, who, "/import", 12);
      }
      await focusVisible(page, who, "/", 30);
      await context.close();
    }
    {
      const { context, page } = await signIn(browser, "admin@demarche.local");
      await checkPage(page, "admin", "/admin/users");
      await checkPage(page, "admin", "/admin/activity");
      await context.close();
    }

    // With the keyboard alone: sign in, log a lobbying attempt (shortcut L), see it, sign out.
    {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      const type = async (text: string) => page.keyboard.type(text);
      const tabTo = async (matches: () => Promise<boolean>, max = 60) => {
        for (let i = 0; i < max; i++) {
          if (await matches()) return true;
          await page.keyboard.press("Tab");
        }
        return matches();
      };
      const focused = (selector: string) => () => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
      // The field whose label starts with `text` has the focus.
      const labelled = (text: string) => () =>
        page.evaluate((t) => {
          const el = document.activeElement as HTMLInputElement | null;
          return Boolean(el?.labels && [...el.labels].some((l) => (l.textContent ?? "").trim().startsWith(t)));
        }, text);
      await page.goto(`${base}/signin`);
      await tabTo(focused('input[name="email"], input[type="email"]'));
      await type("analyst@demarche.local");
      await page.keyboard.press("Tab");
      await type("demarche-demo");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: "Unresolved concerns" }).waitFor();
      await page.keyboard.press("l");
      await page.getByRole("heading", { name: "Log a lobbying attempt" }).waitFor();
      const title = "Keyboard-only request about the Igla-S";
      const onTitle = await tabTo(labelled("Title"));
      await type(title);
      const onDate = await tabTo(labelled("Date"));
      await page.keyboard.press("Control+A");
      await type("2010-02");
      // A select takes the option whose label is typed.
      const onRequesting = await tabTo(labelled("Requesting country"));
      await type("United States");
      const onTarget = await tabTo(labelled("Target country"));
      await type("Russia");
      const onAsk = await tabTo(labelled("What was asked"));
      await page.keyboard.press("ArrowDown");
      const onSubmit = await tabTo(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.trim() === "Log the request"), 200);
      check("keyboard: every field of the flow reached with Tab", onTitle && onDate && onRequesting && onTarget && onAsk && onSubmit, JSON.stringify({ onTitle, onDate, onRequesting, onTarget, onAsk, onSubmit }));
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/requests\/\d+$/, { timeout: 20_000 }).catch(async () => {
        await page.screenshot({ path: path.join(outDir, "keyboard-failed.png"), fullPage: true });
        throw new Error(`keyboard: the request was not logged: ${(await page.locator("main").innerText()).slice(0, 500)}`);
      });
      check("keyboard: the request is logged", (await page.locator("main").innerText()).includes(title));
      await page.screenshot({ path: path.join(outDir, "keyboard-logged.png"), fullPage: true });
      await page.goto(`${base}/`);
      check("keyboard: the request is among the dashboard's latest", (await page.locator("main").innerText()).includes(title));
      const onSignOut = await tabTo(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.trim() === "Sign out"), 80);
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/signin/);
      check("keyboard: signed out", onSignOut && page.url().includes("/signin"));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  finish("accessibility");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
