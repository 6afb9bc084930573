// npm run bench -- [--warmup 3] [--runs 15] [--only name,...] [--skip-queries] [--base-url http://127.0.0.1:3000]
//
// Times the home dashboard against a database (DATABASE_URL, else the
// embedded one in .data/pg), best filled by `npm run db:generate-large`:
// (a) each figure through the app's data layer (lib/dashboard/registry.ts:
// its SQL built, run on the app's pool, shaped), (b) the same SQL sent directly through `pg`, for a viewer and an
// editor, with no filter and with the country filter RU, plus all figures at
// once as the page loads them; (c) with --base-url, a running production build
// (`npm run build && npm start`; this script builds nothing): `/` and
// `/countries/RU` for the demo viewer (at least 40 runs each). Prints
// medians, p95 and app/pg ratios as a table, then the same as one JSON line.
// Figures that take a few milliseconds get more runs (tools/bench/stats.ts).
import os from "node:os";
import { parseArgs } from "node:util";
import { withClient } from "@/tools/postgres/admin";
import { runMain } from "@/tools/cli/main";
import { onAppDatabase } from "@/tools/postgres/local";
import { DEMO_PASSWORD } from "@/lib/auth/demo";
import { benchPages, benchQueries, formatTable, type BenchFilter, type BenchViewer, type HttpResult } from "@/tools/bench/dashboard";

const say = (line: string) => console.error(`[bench] ${line}`);

const HTTP_MIN_RUNS = 40;

const USAGE = "Usage: npm run bench -- [--warmup N] [--runs N] [--only name,...] [--skip-queries] [--base-url URL]";

function options() {
  const { values } = parseArgs({
    options: {
      warmup: { type: "string", default: "3" },
      runs: { type: "string", default: "15" },
      only: { type: "string" },
      "base-url": { type: "string" },
      "skip-queries": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const whole = (name: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min}.\n${USAGE}`);
    return n;
  };
  const baseUrl = values["base-url"];
  if (baseUrl !== undefined && !/^https?:\/\//.test(baseUrl)) throw new Error(`--base-url must start with http:// or https://.\n${USAGE}`);
  return {
    warmup: whole("warmup", values.warmup, 0),
    runs: whole("runs", values.runs, 1),
    only: values.only ? values.only.split(",").map((s) => s.trim()).filter(Boolean) : undefined,
    baseUrl,
    skipQueries: values["skip-queries"],
  };
}

async function run(url: string, opts: ReturnType<typeof options>) {
  // The app's data layer reads DATABASE_URL when it first queries.
  process.env.DATABASE_URL = url;
  const { DASHBOARD_QUERIES } = await import("@/lib/dashboard/registry");
  const { dashboardFilter } = await import("@/lib/dashboard/filter");
  const { getDb } = await import("@/lib/db/client");

  const { users, size } = await withClient(url, async (c) => {
    const u = await c.query<{ id: number; email: string; role: string }>(
      `SELECT id, email, role::text AS role FROM "User" WHERE email IN ('viewer@demarche.local', 'editor@demarche.local')`,
    );
    const s = await c.query<{ requests: string; concerns: string; citations: string }>(
      `SELECT (SELECT count(*) FROM "DiplomaticRequest") AS requests, (SELECT count(*) FROM "Concern") AS concerns, (SELECT count(*) FROM "Citation") AS citations`,
    );
    return { users: u.rows, size: s.rows[0]! };
  });
  const viewerRow = users.find((u) => u.email === "viewer@demarche.local");
  const editorRow = users.find((u) => u.email === "editor@demarche.local");
  if (!viewerRow || !editorRow) throw new Error("The demo viewer and editor are missing: load the demo data first (npm run db:seed).");
  const viewers: BenchViewer[] = [
    { label: "viewer", id: viewerRow.id, role: viewerRow.role },
    { label: "editor", id: editorRow.id, role: editorRow.role },
  ];
  const filters: BenchFilter[] = [
    { label: "none", filter: dashboardFilter("") },
    { label: "country=RU", filter: dashboardFilter("country=RU") },
  ];
  say(
    `${DASHBOARD_QUERIES.length} figures; database with ${Number(size.requests).toLocaleString("en")} requests, ` +
      `${Number(size.concerns).toLocaleString("en")} concerns, ${Number(size.citations).toLocaleString("en")} citations; ` +
      `${opts.warmup} warm-up and ${opts.runs} measured runs each.`,
  );

  const started = Date.now();
  const queries = opts.skipQueries ? [] : await benchQueries(url, DASHBOARD_QUERIES, viewers, filters, { ...opts, log: say });
  if (opts.skipQueries) say("Figures skipped (--skip-queries).");
  await getDb().$disconnect();

  let pages: HttpResult[] = [];
  let http: string;
  if (opts.baseUrl) {
    // At least 40 runs: with 15, the "95th percentile" is simply the slowest run.
    pages = await benchPages(opts.baseUrl, { email: "viewer@demarche.local", password: DEMO_PASSWORD, label: "viewer" }, ["/", "/countries/RU"], {
      ...opts,
      runs: Math.max(opts.runs, HTTP_MIN_RUNS),
      log: say,
    });
    http = `measured against ${opts.baseUrl}`;
  } else {
    http = "skipped: no --base-url (start a production build with `npm run build && npm start`, then pass --base-url http://127.0.0.1:3000)";
    say(`HTTP pages ${http}`);
  }

  console.log("");
  console.log(formatTable(queries, pages));
  console.log("");
  console.log(
    JSON.stringify({
      bench: "dashboard",
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, load: os.loadavg().map((n) => Number(n.toFixed(2))) },
      database: { requests: Number(size.requests), concerns: Number(size.concerns), citations: Number(size.citations) },
      warmup: opts.warmup,
      runs: opts.runs,
      seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
      queries: queries.map((q) => ({
        name: q.name,
        viewer: q.viewer,
        filter: q.filter,
        appMedianMs: round(q.app.median),
        appP95Ms: round(q.app.p95),
        pgMedianMs: round(q.raw.median),
        pgP95Ms: round(q.raw.p95),
        ratio: round(q.ratio, 3),
      })),
      http: opts.baseUrl
        ? { status: http, pages: pages.map((p) => ({ path: p.path, viewer: p.viewer, medianMs: round(p.page.median), p95Ms: round(p.page.p95), bytes: p.bytes })) }
        : { status: http, pages: [] },
    }),
  );
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

async function main() {
  const opts = options();
  await onAppDatabase(say, (url) => run(url, opts));
}

runMain("bench", main);
