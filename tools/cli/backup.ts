// npm run backup -- [--out FILE]
//
// Writes the whole database (tools/backup/backup.ts) to one file, by default
// backups/demarche-YYYYMMDD-HHMMSS.backup.gz (UTC) in the project. Reads
// DATABASE_URL when it is set, else the embedded database in .data/pg
// (started for the command and stopped afterwards, or shared with a running app).
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase, backupTimestamp, type BackupSummary } from "@/tools/backup/backup";
import { runMain } from "@/tools/cli/main";
import { onAppDatabase } from "@/tools/postgres/local";
import { projectRoot } from "@/tools/postgres/prisma-cli";

const say = (line: string) => console.log(`[demarche] ${line}`);

const USAGE = "Usage: npm run backup -- [--out FILE]   (default: backups/demarche-YYYYMMDD-HHMMSS.backup.gz)";

function options(): { out: string } {
  let values: { out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { out: { type: "string", short: "o" }, help: { type: "boolean", short: "h", default: false } },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.out !== undefined && values.out.trim() === "") {
    console.error(`--out needs a file name.\n${USAGE}`);
    process.exit(2);
  }
  // npm runs scripts in the project directory: relative names are relative to it.
  const out = values.out
    ? path.resolve(values.out)
    : path.join(projectRoot, "backups", `demarche-${backupTimestamp()}.backup.gz`);
  return { out };
}

function report(summary: BackupSummary) {
  const width = Math.max(5, ...summary.tables.map((t) => t.name.length));
  console.log("");
  console.log(`${"table".padEnd(width)}  ${"rows".padStart(12)}`);
  for (const t of summary.tables) console.log(`${t.name.padEnd(width)}  ${t.rows.toLocaleString("en").padStart(12)}`);
  console.log(`${"total".padEnd(width)}  ${summary.rows.toLocaleString("en").padStart(12)}`);
  console.log("");
  const mib = summary.bytes / (1024 * 1024);
  console.log(`${summary.file} (${mib < 10 ? mib.toFixed(2) : mib.toFixed(0)} MiB, ${summary.seconds.toFixed(1)} s)`);
}

async function run(url: string, out: string) {
  say(`Backing up to ${out}...`);
  report(await backupDatabase(url, out, { log: say }));
}

async function main() {
  const { out } = options();
  await onAppDatabase(say, (url) => run(url, out));
}

runMain("demarche", main);
