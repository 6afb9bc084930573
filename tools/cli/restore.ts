// npm run restore -- FILE [--force]
//
// Loads a backup made by `npm run backup` (tools/backup/restore.ts) into
// DATABASE_URL when it is set, else into the embedded database in .data/pg
// (started for the command and stopped afterwards). The database must be
// empty unless --force is given, in which case its rows are deleted first (in
// the same transaction as the load: a failed restore leaves them as they were).
import path from "node:path";
import { parseArgs } from "node:util";
import { restoreBackup, type RestoreSummary } from "@/tools/backup/restore";
import { runMain } from "@/tools/cli/main";
import { onAppDatabase } from "@/tools/postgres/local";

const say = (line: string) => console.log(`[demarche] ${line}`);

const USAGE = "Usage: npm run restore -- FILE [--force]   (--force: delete every row of a non-empty database first)";

function options(): { file: string; force: boolean } {
  let parsed: { values: { force?: boolean; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      options: { force: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (parsed.positionals.length !== 1) {
    console.error(`${parsed.positionals.length === 0 ? "Which backup file?" : "One backup file at a time."}\n${USAGE}`);
    process.exit(2);
  }
  // npm runs scripts in the project directory: relative names are relative to it.
  return { file: path.resolve(parsed.positionals[0]!), force: parsed.values.force ?? false };
}

function report(summary: RestoreSummary) {
  const width = Math.max(5, ...summary.tables.map((t) => t.name.length));
  console.log("");
  console.log(`${"table".padEnd(width)}  ${"rows".padStart(12)}`);
  for (const t of summary.tables) console.log(`${t.name.padEnd(width)}  ${t.rows.toLocaleString("en").padStart(12)}`);
  console.log(`${"total".padEnd(width)}  ${summary.rows.toLocaleString("en").padStart(12)}`);
  console.log("");
  console.log(
    `Restored the backup of ${summary.createdAt}${summary.replaced ? " (the rows that were there are deleted)" : ""} in ${summary.seconds.toFixed(1)} s.`,
  );
}

async function run(url: string, opts: { file: string; force: boolean }) {
  say(`Restoring ${opts.file}...`);
  report(await restoreBackup(opts.file, url, { force: opts.force, log: say }));
}

async function main() {
  const opts = options();
  await onAppDatabase(say, (url) => run(url, opts));
}

runMain("demarche", main);
