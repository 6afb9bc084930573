// The analysts' and editors' daily work in headless Chromium, against a
// running app with the demo data:
// - an analyst logs a lobbying attempt (keyboard shortcut L) as a follow-up,
//   with a new actor and a new source created inline and a quote, and finds it
//   on the concern's timeline;
// - an editor verifies it, resolves and reopens the concern, edits the
//   request and restores its first version, seeing both in its history;
// - two tabs edit the same request: the second gets the conflict view,
//   reapplies its change on top, and both changes are kept;
// - an analyst imports a register-style CSV: the dry run shows each row and
//   a problem with its row and column and writes nothing; the corrected file
//   is imported on confirmation, and its transfers are on the list.
//
//   npx tsx tests/smoke/browser-flows.ts http://localhost:3000 [screenshot-dir]
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { check, finish } from "./checks";

const base = process.argv[2] ?? "http://localhost:3000";
const outDir = path.resolve(process.argv[3] ?? "test-results/screenshots");


async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on("pageerror", (e) => console.log(`page error (${email}): ${e.message}`));
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("demarche-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Unresolved concerns" }).waitFor();
  return page;
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    // The analyst logs the 2009 request again, as a follow-up of the 2005 one.
    const analyst = await signedIn(browser, "analyst@demarche.local");
    await analyst.getByRole("link", { name: /Igla-S/ }).first().click();
    await analyst.getByRole("heading", { name: "Timeline" }).waitFor();
    const concernUrl = analyst.url();
    await analyst.getByRole("link", { name: /reported in a 2005 cable/ }).first().click();
    await analyst.getByRole("link", { name: "Log a follow-up" }).click();
    await analyst.getByRole("heading", { name: "Log a lobbying attempt" }).waitFor();
    // A follow-up shares the countries, concerns, transfers and the link; its title, actors and ask are its own (issue 14, 7).
    const followUp = {
      title: await analyst.getByLabel("Title").inputValue(),
      ask: await analyst.getByLabel("What was asked").inputValue(),
      requesting: await analyst.getByLabel("Requesting country").inputValue(),
      actors: await analyst.getByRole("list", { name: "Requesting actors: chosen" }).count(),
      concerns: await analyst.getByRole("list", { name: "Concerns: chosen" }).count(),
    };
    check("analyst: follow-up form pre-fills only what it shares (countries, concerns), not the title, actors or ask",
      followUp.title === "" && followUp.ask === "" && followUp.requesting !== "" && followUp.actors === 0 && followUp.concerns === 1, JSON.stringify(followUp));
    // Text typed in a picker and not chosen is named, not dropped silently (issue 14, 6).
    const receiving = analyst.getByRole("combobox", { name: "Receiving actors" });
    await receiving.fill("Nobody by this name");
    await receiving.press("Tab");
    await analyst.getByText("“Nobody by this name” is not chosen").waitFor();
    const described = await receiving.evaluate((el) => (el.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" "));
    check("analyst: a picker's unchosen text gets a message tied to the field", described.includes("Choose an actor from the list") && (await receiving.getAttribute("aria-invalid")) === "true", described);
    await analyst.getByLabel("Title").fill("Clinton asks the Moscow embassy to try again to stop the Igla-S sale");
    await analyst.getByLabel("Date").fill("2009");
    await analyst.getByLabel("What was asked").selectOption("SUSPEND_SALE");
    await analyst.getByRole("button", { name: "New actor…" }).first().click();
    await analyst.locator("fieldset", { hasText: "New actor" }).getByLabel("Name").fill("Embassy political officer");
    await analyst.getByRole("button", { name: "Create actor" }).click();
    await analyst.getByRole("button", { name: "Remove Embassy political officer" }).waitFor();
    await analyst.getByLabel("Response", { exact: true }).selectOption("REBUFFED");
    await analyst.getByLabel("Summary of the response").fill("The sale went ahead.");
    await analyst.getByLabel("Answered on").fill("2009-06");
    await analyst.getByRole("button", { name: "Add a quote" }).click();
    await analyst.getByLabel("…or who said it, in words").fill("Secretary Clinton's cable");
    await analyst.getByLabel("Quote 1: text").fill("try again to convince Russia to suspend the sale");
    await analyst.getByRole("button", { name: "New source…" }).click();
    await analyst.locator("fieldset", { hasText: "New source" }).getByLabel("Title").fill("2009 State Department cable to Moscow");
    await analyst.locator("fieldset", { hasText: "New source" }).getByLabel(/^Date/).fill("2009");
    await analyst.getByRole("button", { name: "Create source" }).click();
    await analyst.getByRole("button", { name: /^Remove 2009 State Department cable/ }).waitFor();
    await analyst.getByLabel("Cited passage").fill("again try to convince Russia to suspend sale of the missiles");
    await analyst.screenshot({ path: path.join(outDir, "log-request-form.png"), fullPage: true });
    // Submitting with the picker's text still there is stopped, the box focused.
    await analyst.getByRole("button", { name: "Log the request" }).click();
    await analyst.waitForTimeout(500);
    check("analyst: the form is not submitted while a picker holds unchosen text",
      /\/requests\/new\?followUp=\d+$/.test(analyst.url()) && (await receiving.evaluate((el) => el === document.activeElement)), analyst.url());
    await receiving.fill("");
    await analyst.getByRole("button", { name: "Log the request" }).click();
    await analyst.waitForURL(/\/requests\/\d+$/);
    const requestUrl = analyst.url();
    const requestText = await analyst.locator("main").innerText();
    check("analyst: the request is logged, unverified, with its quote and source",
      requestText.includes("Unverified") && requestText.includes("try again to convince Russia") && requestText.includes("2009 State Department cable"));
    check("analyst: the request shows when it was answered, and the wait", /Answered on\s*June 2009\s*the same year/i.test(requestText), requestText.slice(0, 600));
    await analyst.goto(concernUrl);
    check("analyst: the request is on the concern's timeline", (await analyst.locator("main").innerText()).includes("Clinton asks the Moscow embassy"));
    await analyst.goto(`${base}/`);
    check("analyst: the request is among the dashboard's latest requests", (await analyst.locator("main").innerText()).includes("Clinton asks the Moscow embassy"));
    await analyst.screenshot({ path: path.join(outDir, "dashboard-after-logging.png"), fullPage: true });

    // The viewer: no edit controls anywhere on the record, and its edit address refused.
    const viewer = await signedIn(browser, "viewer@demarche.local");
    await viewer.goto(requestUrl);
    const controls = await viewer.getByRole("link", { name: /^(Edit|Log a follow-up)$/ }).count();
    const buttons = await viewer.getByRole("button", { name: /Mark verified|Delete|Restore|Log a lobbying attempt|Remove citation/ }).count();
    check("viewer: the request shows no edit, delete, verify or log controls", controls === 0 && buttons === 0, `${controls} links, ${buttons} buttons`);
    const direct = await viewer.goto(`${requestUrl}/edit`);
    check("viewer: the request's edit address is refused", direct?.status() === 404 && !(await viewer.getByRole("button", { name: "Save changes" }).count()), String(direct?.status()));
    const newForm = await viewer.goto(`${base}/requests/new`);
    check("viewer: the new-request form is refused", (newForm?.status() ?? 0) >= 400 || (await viewer.getByRole("button", { name: "Log the request" }).count()) === 0, String(newForm?.status()));

    // The editor verifies, resolves and reopens, edits and restores.
    const editor = await signedIn(browser, "editor@demarche.local");
    await editor.goto(requestUrl);
    await editor.getByRole("button", { name: "Mark verified" }).click();
    await editor.getByText(/^Verified by Demo Editor/).waitFor();
    check("editor: verified the request", true);
    await editor.goto(concernUrl);
    await editor.getByLabel("Change status to").selectOption("RESOLVED");
    await editor.getByLabel("Why (required)").fill("Resolved for the test.");
    await editor.getByRole("button", { name: "Change status" }).click();
    await editor.getByText("Status: Resolved").waitFor();
    await editor.getByLabel("Change status to").selectOption("OPEN");
    await editor.getByLabel("Why (required)").fill("Reopened: no inspection ever happened.");
    await editor.getByRole("button", { name: "Change status" }).click();
    await editor.getByText("Status: Open").waitFor();
    check("editor: resolved and reopened the concern", (await editor.locator("main").innerText()).includes("Reopened: no inspection ever happened."));
    await editor.screenshot({ path: path.join(outDir, "concern-timeline.png"), fullPage: true });
    await editor.goto(`${requestUrl}/edit`);
    await editor.getByLabel("Title").fill("A title to undo");
    await editor.getByRole("button", { name: "Save changes" }).click();
    await editor.waitForURL(/\/requests\/\d+$/);
    await editor.getByRole("link", { name: "History" }).click();
    await editor.getByRole("button", { name: "Restore version 1" }).click();
    await editor.getByText("(back to version 1)").waitFor();
    const history = await editor.locator("main").innerText();
    check("editor: restored version 1; both changes are in the history", history.includes("A title to undo") && history.includes("Restored") && history.includes("Edited"));
    await editor.screenshot({ path: path.join(outDir, "history.png"), fullPage: true });

    // Two tabs, one record.
    const tab1 = await signedIn(browser, "editor@demarche.local");
    const tab2 = await signedIn(browser, "editor@demarche.local");
    await tab1.goto(`${requestUrl}/edit`);
    await tab2.goto(`${requestUrl}/edit`);
    await tab1.getByLabel("Summary of the response").fill("First tab: the sale went ahead.");
    await tab1.getByRole("button", { name: "Save changes" }).click();
    await tab1.waitForURL(/\/requests\/\d+$/);
    await tab2.getByLabel("The ask in detail").fill("Second tab: suspend the sale of the missiles.");
    await tab2.getByRole("button", { name: "Save changes" }).click();
    await tab2.getByText("Someone else saved this record while you were editing it").waitFor();
    check("second tab: the conflict view shows the first tab's change", (await tab2.locator("main").innerText()).includes("First tab: the sale went ahead."));
    await tab2.screenshot({ path: path.join(outDir, "conflict.png"), fullPage: true });
    await tab2.getByRole("button", { name: "Reapply my changes on top of theirs" }).click();
    await tab2.getByRole("button", { name: "Save changes" }).click();
    await tab2.waitForURL(/\/requests\/\d+$/);
    const merged = await tab2.locator("main").innerText();
    check("second tab: reapplied; both changes are kept", merged.includes("First tab: the sale went ahead.") && merged.includes("Second tab: suspend the sale"));

    // Import: a dry run with a problem, then the corrected file, confirmed.
    const register = (recipient: string) =>
      [
        "Transfers of major weapons (register extract)",
        "",
        "Recipient,Supplier,Year of order,No. ordered,Weapon designation,Weapon description,No. delivered,Year(s) of delivery,Status,Comments",
        "Ecuador,Russia,(2009),(6),Mi-171E,transport helicopter,6,2011-2012,New,Browser flow import",
        `${recipient},Russia,2010,. .,Igla-S,portable SAM,?,2011,Delivered,Browser flow import`,
      ].join("\n");
    await analyst.goto(`${base}/transfers`);
    await analyst.getByRole("link", { name: "Import transfers from a CSV register" }).click();
    await analyst.getByRole("heading", { name: "Import from CSV" }).waitFor();
    await analyst.getByLabel("CSV file").setInputFiles({ name: "register.csv", mimeType: "text/csv", buffer: Buffer.from(register("Atlantis")) });
    await analyst.getByRole("button", { name: "Check file" }).click();
    await analyst.getByText(/“Atlantis” is not a country/).first().waitFor();
    const dryText = await analyst.locator("main").innerText();
    check("import: the dry run names the problem's row and column", /row 5/i.test(dryText) && dryText.includes("Recipient"), dryText.slice(0, 400));
    check("import: with a problem there is no import button", (await analyst.getByRole("button", { name: /^Import \d/ }).count()) === 0);
    await analyst.screenshot({ path: path.join(outDir, "import-dry-run-problem.png"), fullPage: true });
    await analyst.getByLabel("CSV file").setInputFiles({ name: "register.csv", mimeType: "text/csv", buffer: Buffer.from(register("Peru")) });
    await analyst.getByRole("button", { name: "Check file" }).click();
    const confirm = analyst.getByRole("button", { name: "Import 2 arms transfers" });
    await confirm.waitFor();
    check("import: the dry run shows both rows to be created", (await analyst.getByText("Will be created").count()) >= 2);
    await analyst.screenshot({ path: path.join(outDir, "import-dry-run.png"), fullPage: true });
    const listBefore = await analyst.request.get(`${base}/api/v1/transfers?q=${encodeURIComponent("Browser flow import")}`);
    const countBefore = ((await listBefore.json()) as { data: unknown[] }).data.length;
    await confirm.click();
    await analyst.getByText(/Imported 2 arms transfers/).waitFor();
    const listAfter = await analyst.request.get(`${base}/api/v1/transfers?q=${encodeURIComponent("Browser flow import")}`);
    const countAfter = ((await listAfter.json()) as { data: unknown[] }).data.length;
    check("import: nothing written by the dry runs; the two transfers after confirming", countBefore === 0 && countAfter === 2, `${countBefore} → ${countAfter}`);
    await analyst.screenshot({ path: path.join(outDir, "import-done.png"), fullPage: true });

    // Sign out.
    await analyst.getByRole("button", { name: "Sign out" }).first().click();
    await analyst.waitForURL(/\/signin/);
    const after = await analyst.goto(`${base}/transfers`);
    check("analyst: signed out; pages ask to sign in again", analyst.url().includes("/signin") && (after?.ok() ?? false));
  } finally {
    await browser.close();
  }
  finish("browser flows");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
