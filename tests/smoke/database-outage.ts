// The database failing under a running production app on the embedded
// PostgreSQL (npm start), seen from a browser and the API:
//
//   npx tsx tests/smoke/database-outage.ts <base> <data-dir> <app-log>
//     (data-dir: the embedded cluster's, .data/pg)
//
// - killed (SIGKILL on the postmaster): a signed-in page answers 503 with
//   "The database is unavailable", the API 503 DATABASE_UNAVAILABLE; the
//   launcher logs the restart; the page comes back by itself, without a
//   reload by hand, and so does the API;
// - frozen (SIGSTOP on the postmaster and every process it started, 8 s):
//   the page and the API answer 503 within 5 s; after SIGCONT the page comes
//   back by itself.
// Run it as the user the server runs as, or root.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { check, finish } from "./checks";

const base = process.argv[2] ?? "http://localhost:3000";
const dataDir = path.resolve(process.argv[3] ?? ".data/pg");
const logFile = process.argv[4] ?? "test-results/app.log";

function postmaster(): number {
  return Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

function childrenOf(pid: number): number[] {
  const out = execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" }).trim();
  return out ? out.split(/\s+/).map(Number) : [];
}

async function apiStatus(page: Page): Promise<{ status: number; code: string | null; ms: number }> {
  const started = Date.now();
  const res = await page.request.get(`${base}/api/v1/requests?limit=1`);
  const body = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
  return { status: res.status(), code: body.error?.code ?? null, ms: Date.now() - started };
}

/** Loads the page while the database is down: its status, time, and what it shows. */
async function loadDown(page: Page) {
  const started = Date.now();
  const res = await page.goto(`${base}/concerns`);
  const ms = Date.now() - started;
  const alert = page.getByRole("alert").filter({ hasText: "The database is unavailable" });
  const shown = await alert.waitFor({ timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  return { status: res?.status() ?? 0, ms, shown };
}

async function backByItself(page: Page, within: number): Promise<number | null> {
  const started = Date.now();
  return page
    .getByRole("heading", { name: "Concerns", exact: true })
    .waitFor({ timeout: within })
    .then(
      () => Date.now() - started,
      () => null,
    );
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/signin`);
    await page.getByLabel("Email").fill("viewer@demarche.local");
    await page.getByLabel("Password").fill("demarche-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Unresolved concerns" }).waitFor({ timeout: 60_000 });

    // Killed.
    process.kill(postmaster(), "SIGKILL");
    const api = await apiStatus(page);
    check("killed: the API answers 503 DATABASE_UNAVAILABLE", api.status === 503 && api.code === "DATABASE_UNAVAILABLE", `${api.status} ${api.code}`);
    const killed = await loadDown(page);
    check("killed: a page answers 503", killed.status === 503, String(killed.status));
    check('killed: the page says "The database is unavailable"', killed.shown);
    const back = await backByItself(page, 30_000);
    check("killed: the page comes back by itself (restarted, no reload by hand)", back !== null, "not within 30 s");
    check("killed: the API answers again", (await apiStatus(page)).status === 200);
    const log = fs.readFileSync(logFile, "utf8");
    check("killed: the launcher logged the restart", log.includes("The embedded PostgreSQL stopped (signal SIGKILL); restarting in 1 s (attempt 1).") && log.includes("The embedded PostgreSQL is running again"));

    // Frozen.
    const pm = postmaster();
    const frozen = [pm, ...childrenOf(pm)];
    for (const pid of frozen) process.kill(pid, "SIGSTOP");
    const frozenAt = Date.now();
    try {
      const down = await loadDown(page);
      check("frozen: a page answers 503 within 5 s", down.status === 503 && down.ms < 5_000, `${down.status} in ${down.ms} ms`);
      check('frozen: the page says "The database is unavailable"', down.shown);
      const r = await apiStatus(page);
      check("frozen: the API answers 503 DATABASE_UNAVAILABLE within 5 s", r.status === 503 && r.code === "DATABASE_UNAVAILABLE" && r.ms < 5_000, `${r.status} ${r.code} in ${r.ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 8_000 - (Date.now() - frozenAt))));
    } finally {
      for (const pid of frozen) process.kill(pid, "SIGCONT");
    }
    const resumed = await backByItself(page, 30_000);
    check("frozen: the page comes back by itself once the server resumes", resumed !== null, "not within 30 s");
    check("frozen: the API answers again", (await apiStatus(page)).status === 200);
  } finally {
    await browser.close();
  }
  finish("database outage");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
