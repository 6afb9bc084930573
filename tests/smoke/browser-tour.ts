// A tour of the app in headless Chromium (Debian's, through playwright-core):
// signs in through the form as each demo role, opens the main pages, saves a
// screenshot of each, and checks what the role may see.
//
//   npx tsx tests/smoke/browser-tour.ts http://127.0.0.1:3000 [screenshot-dir]
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { check, finish } from "./checks";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const outDir = path.resolve(process.argv[3] ?? "test-results/screenshots");


async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
}

/** Dashboard's JavaScript, as issue 5 bounds it: every script the page loads (lazy chunks included), gzipped. */
const PAGE_WEIGHT_LIMIT = 300 * 1024;

/** The scripts a page loads (after it settles): their gzipped bytes, and whether recharts is among them. */
async function scriptWeight(context: BrowserContext, url: string): Promise<{ bytes: number; recharts: boolean }> {
  const page = await context.newPage();
  const scripts: Promise<{ bytes: number; recharts: boolean }>[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() !== "script") return;
    scripts.push(
      r.body().then(
        (body) => ({ bytes: gzipSync(body).length, recharts: body.includes("recharts-") }),
        () => ({ bytes: 0, recharts: false }),
      ),
    );
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForTimeout(300);
  const all = await Promise.all(scripts);
  await page.close();
  return { bytes: all.reduce((a, s) => a + s.bytes, 0), recharts: all.some((s) => s.recharts) };
}

async function pageWeight(context: BrowserContext) {
  const home = await scriptWeight(context, `${base}/`);
  console.log(`     dashboard JavaScript: ${(home.bytes / 1024).toFixed(1)} kB gzipped (recharts ${home.recharts ? "loaded" : "not loaded"})`);
  check(`dashboard JavaScript under ${PAGE_WEIGHT_LIMIT / 1024} kB gzipped`, home.bytes > 0 && home.bytes < PAGE_WEIGHT_LIMIT, `${home.bytes} bytes`);
  check("dashboard loads recharts (lazily)", home.recharts);
  for (const p of ["/concerns", "/map"]) {
    const w = await scriptWeight(context, `${base}${p}`);
    check(`${p} does not load recharts`, !w.recharts);
  }
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
    // playwright gives each launch a fresh, temporary profile of its own.
  });
  try {
    for (const role of ["admin", "editor", "analyst", "viewer"]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${base}/`);
      check(`${role}: anonymous visit lands on sign-in`, page.url().includes("/signin"), page.url());
      if (role === "admin") await shot(page, "signin");
      await page.getByLabel("Email").fill(`${role}@demarche.local`);
      await page.getByLabel("Password").fill("demarche-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "Unresolved concerns" }).waitFor({ timeout: 20_000 });
      check(`${role}: signed in through the form`, true);
      await shot(page, `${role}-home`);
      if (role === "viewer") await pageWeight(context);
      const usersLink = await page.getByRole("link", { name: "Users" }).count();
      check(`${role}: Users link ${role === "admin" ? "shown" : "hidden"}`, (usersLink > 0) === (role === "admin"));

      await page.getByRole("link", { name: /Igla-S/ }).first().click();
      await page.getByRole("heading", { name: "Timeline" }).waitFor();
      const text = await page.locator("main").innerText();
      check(`${role}: concern page shows both requests, the inspection and the sources`,
        text.includes("2005") && text.includes("2009") && text.includes("Right asserted") && text.includes("2005 cable by Daniel Russell"));
      if (role === "viewer") {
        await shot(page, "concern");
        await page.screenshot({ path: path.join(outDir, "concern-top.png") }); // the README's picture
      }

      await page.getByRole("link", { name: "Countries" }).click();
      await page.getByRole("heading", { name: "Countries" }).waitFor();
      if (role === "viewer") await shot(page, "countries");

      if (role === "admin") {
        await page.getByRole("link", { name: "Users" }).click();
        await page.getByRole("heading", { name: "Users", exact: true }).waitFor();
        await shot(page, "admin-users");
      }
      await page.getByRole("link", { name: /\(.*\)$/ }).click();
      await page.getByRole("heading", { name: "Your account" }).waitFor();
      if (role === "analyst") await shot(page, "account");

      await page.getByRole("button", { name: "Sign out" }).first().click();
      await page.waitForURL(/\/signin/, { timeout: 20_000 });
      check(`${role}: signed out`, page.url().includes("/signin"));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  finish("browser tour", `; screenshots in ${outDir}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
