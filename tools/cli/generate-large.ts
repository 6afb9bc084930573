// npm run db:generate-large -- --requests 1000000 [--seed N] [--as-of YYYY-MM-DD] [--drop-indexes auto|yes|no]
//
// Appends synthetic data at scale (tools/scale/generate.ts) to DATABASE_URL when
// it is set, else to the embedded database in .data/pg (started for the
// command and stopped afterwards, or shared with a running app). Loads the
// countries and the demo case first when the database has none.
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/db/prisma";
import { withClient } from "@/tools/postgres/admin";
import { runMain } from "@/tools/cli/main";
import { onAppDatabase } from "@/tools/postgres/local";
import { migrateDeploy } from "@/tools/postgres/prisma-cli";
import { GENERATED_TABLES, generateLarge, type GenerateSummary } from "@/tools/scale/generate";
import { seed } from "@/tools/seed/load";

const say = (line: string) => console.log(`[demarche] ${line}`);

const USAGE = "Usage: npm run db:generate-large -- --requests N [--seed N] [--as-of YYYY-MM-DD] [--drop-indexes auto|yes|no]";

function options() {
  const { values } = parseArgs({
    options: {
      requests: { type: "string", default: "1000000" },
      seed: { type: "string" },
      "as-of": { type: "string" },
      "drop-indexes": { type: "string", default: "auto" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const whole = (name: string, text: string | undefined, min: number) => {
    if (text === undefined) return undefined;
    const n = Number(text.replace(/_/g, ""));
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min}.\n${USAGE}`);
    return n;
  };
  const asOfText = values["as-of"];
  if (asOfText !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOfText)) throw new Error(`--as-of must be a date YYYY-MM-DD.\n${USAGE}`);
  const drop = values["drop-indexes"];
  if (drop !== "auto" && drop !== "yes" && drop !== "no") throw new Error(`--drop-indexes must be auto, yes or no.\n${USAGE}`);
  return {
    requests: whole("requests", values.requests, 1)!,
    seed: whole("seed", values.seed, 0),
    asOf: asOfText ? new Date(`${asOfText}T00:00:00Z`) : undefined,
    dropIndexes: drop === "auto" ? ("auto" as const) : drop === "yes",
  };
}

function report(summary: GenerateSummary) {
  const width = Math.max(...GENERATED_TABLES.map((t) => t.length));
  console.log("");
  console.log(`${"table".padEnd(width)}  ${"rows".padStart(12)}`);
  for (const table of GENERATED_TABLES) {
    console.log(`${table.padEnd(width)}  ${summary.rows[table].toLocaleString("en").padStart(12)}`);
  }
  console.log(`${"total".padEnd(width)}  ${summary.total.toLocaleString("en").padStart(12)}`);
  console.log("");
  console.log(`seed ${summary.seed}, as of ${summary.asOf}, ${summary.requests.toLocaleString("en")} requests`);
  console.log(
    `load (generate, COPY, indexes, foreign keys, commit): ${summary.loadSeconds.toFixed(1)} s, ` +
      `${Math.round(summary.total / summary.loadSeconds).toLocaleString("en")} rows/s`,
  );
  console.log(`vacuum and analyse: ${summary.analyzeSeconds.toFixed(1)} s`);
  console.log(
    `elapsed: ${summary.seconds.toFixed(1)} s, ${summary.total.toLocaleString("en")} rows, ` +
      `${Math.round(summary.rowsPerSecond).toLocaleString("en")} rows/s overall`,
  );
}

async function run(url: string, opts: ReturnType<typeof options>) {
  const countries = await withClient(url, async (c) => {
    const exists = await c.query(`SELECT to_regclass('"Country"') IS NOT NULL AS ok`);
    if (!exists.rows[0].ok) throw new Error("The database has no tables: apply the migrations first (npm run db:migrate).");
    return Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "Country"`)).rows[0]!.n);
  });
  if (countries === 0) {
    say("The database is empty: loading the countries and the demo case first.");
    const db = createPrismaClient(url);
    try {
      await seed(db);
    } finally {
      await db.$disconnect();
    }
  }
  say(`Generating ${opts.requests.toLocaleString("en")} requests and everything in proportion...`);
  // Ctrl-C: stop the load and put back what was dropped; a second one quits at once
  // (the next run then recreates any index or foreign key still missing).
  // (npm passes a Ctrl-C on to this process too: one press may arrive twice.)
  const stop = new AbortController();
  let stoppedAt = 0;
  const onSignal = () => {
    if (stop.signal.aborted && Date.now() - stoppedAt > 2_000) process.exit(130);
    if (stop.signal.aborted) return;
    stoppedAt = Date.now();
    say("Stopping: rolling back the load and recreating indexes and foreign keys (press Ctrl-C again to quit now)...");
    stop.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const summary = await generateLarge(url, { ...opts, signal: stop.signal, log: (line) => say(line) });
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
  report(summary);
}

async function main() {
  const opts = options();
  await onAppDatabase(say, async (url, embedded) => {
    if (embedded) await migrateDeploy(url);
    await run(url, opts);
  });
}

runMain("demarche", main);
