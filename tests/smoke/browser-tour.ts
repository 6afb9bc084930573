// A tour of the app in headless Chromium (Debian's, through playwright-core):
// signs in through the form as each demo role, opens the main pages, saves a
// screenshot of each, and checks what the role may see.
//
//   npx tsx tests/smoke/browser-tour.ts http://127.0.0.1:3000 [screenshot-dir]
import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "playwright-core";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const outDir = path.resolve(process.argv[3] ?? "test-results/screenshots");
let failures = 0;
let passes = 0;

function check(what: string, ok: boolean, detail = "") {
  if (ok) passes++;
  else failures++;
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${ok || !detail ? "" : `: ${detail}`}`);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
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
  console.log(`browser tour: ${passes} passed, ${failures} failed; screenshots in ${outDir}`);
  process.exit(failures === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
