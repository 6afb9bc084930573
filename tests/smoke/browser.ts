// What the browser smoke scripts share: Debian's Chromium launched through
// playwright-core with the flags that keep it off the closed network
// (docs: toolchain, "Browsers"), a context signed in through the form as a
// demo role at a viewport, and opening a page until its title is there.
//
//   const browser = await launch();
//   const page = await signedIn(browser, "viewer", DESKTOP);
//   await open(page, "/transfers");
import { chromium, type Browser, type Page, type Response } from "playwright-core";

export type Role = "viewer" | "analyst" | "editor" | "admin";
export type Viewport = { width: number; height: number };

export const DESKTOP: Viewport = { width: 1440, height: 900 };
export const PHONE: Viewport = { width: 390, height: 844 };

/** The app under test: the first argument of the script, or a local default. */
export const base = process.argv[2] ?? "http://127.0.0.1:3000";

/** Headless Chromium (CHROMIUM_PATH, else Debian's /usr/bin/chromium) in a fresh profile of its own. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A new context at `viewport`, anonymous: functions passed to page.evaluate work in it. */
export async function anonymous(browser: Browser, viewport: Viewport): Promise<Page> {
  const context = await browser.newContext({ viewport });
  // tsx keeps function names with a helper (__name) that the page lacks: functions given to page.evaluate need it.
  await context.addInitScript({ content: "window.__name = (f) => f;" });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}

/** A new context at `viewport`, signed in through the form as the demo `role` (the page is left on where sign-in led). */
export async function signedIn(browser: Browser, role: Role, viewport: Viewport): Promise<Page> {
  const page = await anonymous(browser, viewport);
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email").fill(`${role}@demarche.local`);
  await page.getByLabel("Password").fill("demarche-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"), { timeout: 20_000 });
  return page;
}

/** Opens `path` of the app and waits for the network to settle and the page's title (main h1); returns the answer. */
export async function open(page: Page, path: string): Promise<Response | null> {
  const response = await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
  await page.locator("main h1").first().waitFor({ timeout: 20_000 });
  return response;
}
