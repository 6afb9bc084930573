// npm run bench:import -- [--rows 100000] [--seed 1] [--out FILE]
//
// Times a CSV import of an arms-transfer register of N rows (default
// 100,000), generated reproducibly from --seed with the register's markers
// ("(10)", "10?", ". .", "2008-2010", "2008; 2010", "(2009)"), alternative
// country names, quoted commas and free text that starts like a formula.
// Against DATABASE_URL when it is set, else the embedded database in
// .data/pg. The import is real: it adds the rows (and new weapon systems) to
// that database as the demo analyst, so point it at a throw-away database.
// Prints the seconds of each step (parse, dry run, import: re-parse, re-plan
// and the writes in one transaction) and rows per second, as a table and
// then as one JSON line. A seed whose rows are already imported creates
// nothing: use another.
import { writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { stringify } from "csv-stringify/sync";
import { withClient } from "@/tools/postgres/admin";
import { runMain } from "@/tools/cli/main";
import { onAppDatabase } from "@/tools/postgres/local";

const say = (line: string) => console.error(`[bench:import] ${line}`);
const USAGE = "Usage: npm run bench:import -- [--rows N] [--seed N] [--out FILE]";

function options() {
  const { values } = parseArgs({
    options: {
      rows: { type: "string", default: "100000" },
      seed: { type: "string", default: "1" },
      out: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const whole = (name: string, text: string, min: number) => {
    const n = Number(text.replace(/_/g, ""));
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min}.\n${USAGE}`);
    return n;
  };
  return { rows: whole("rows", values.rows, 1), seed: whole("seed", values.seed, 0), out: values.out };
}

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Names as registers write them, alternative spellings included.
const COUNTRIES = [
  "United States", "USA", "Russia", "Russian Federation", "China", "France", "Germany", "United Kingdom", "UK", "Italy", "Spain",
  "Israel", "South Korea", "Korea, South", "Türkiye", "Turkey", "Sweden", "Netherlands", "Ukraine", "Belarus", "India", "Pakistan",
  "Saudi Arabia", "UAE", "Egypt", "Algeria", "Venezuela", "Colombia", "Brazil", "Chile", "Peru", "Viet Nam", "Indonesia",
  "Malaysia", "Australia", "Japan", "Côte d'Ivoire", "DR Congo", "Nigeria", "South Africa", "Iran", "Syria", "Myanmar", "Burma",
];
const TYPES: [string, string][] = [
  ["Su", "FGA aircraft"], ["MiG", "fighter aircraft"], ["Mi", "transport helicopter"], ["Igla", "portable SAM"], ["S", "SAM system"],
  ["T", "tank"], ["BTR", "APC"], ["BMP", "IFV"], ["2S", "self-propelled gun"], ["BM", "MRL"], ["Kh", "anti-ship missile"],
  ["R", "BVRAAM"], ["Project", "frigate"], ["Type", "patrol craft"], ["AN/", "air search radar"], ["AL", "turbofan"],
];
const STATUSES = ["Delivered", "Delivered", "Delivered", "Ordered", "In delivery", "Cancelled", "Suspended", "Reported"];
const COMMENTS = ["", "", "", "Second-hand", "Ex-Soviet; modernized before delivery", "Part of $1 b deal, incl. training", "-ex-army stock", "Assembled locally, from kits"];

const ALIASES = [["USA", "United States"], ["UK", "United Kingdom"], ["Turkey", "Türkiye"], ["Korea, South", "South Korea"], ["Burma", "Myanmar"], ["Russia", "Russian Federation"]];
const sameCountry = (a: string, b: string) => a === b || ALIASES.some((g) => g.includes(a) && g.includes(b));

/** A register of `rows` rows: a title row, the header, then the deals. */
export function generateRegister(rows: number, seed: number): string {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const thisYear = new Date().getUTCFullYear();
  const out: string[][] = [
    ["SIPRI Arms Transfers Database (synthetic, seed " + seed + ")"],
    ["Recipient", "Supplier", "Year of order", "No. ordered", "Weapon designation", "Weapon description", "No. delivered", "Year(s) of delivery", "Status", "Comments"],
  ];
  for (let i = 0; i < rows; i++) {
    const supplier = pick(COUNTRIES);
    let recipient = pick(COUNTRIES);
    while (sameCountry(supplier, recipient)) recipient = pick(COUNTRIES);
    const [prefix, description] = pick(TYPES);
    const designation = `${prefix}-${int(1, 60)}${pick(["", "", "M", "K", "MK2", "E"])}`;
    const orderYear = int(1960, thisYear - 2);
    const ordered = int(1, 500);
    const delivered = Math.min(ordered, int(0, ordered));
    const orderEstimated = rnd() < 0.15;
    const first = Math.min(thisYear, orderYear + int(0, 3));
    const last = Math.min(thisYear, first + int(0, 4));
    const years = (() => {
      const r = rnd();
      if (r < 0.1) return ". .";
      if (r < 0.2) return `(${first})`;
      if (r < 0.3 && last > first) return `${first}; ${last}`;
      return first === last ? `${first}` : `${first}-${last}`;
    })();
    const figure = (n: number) => {
      const r = rnd();
      return r < 0.08 ? ". ." : r < 0.2 ? `(${n})` : r < 0.25 ? `${n}?` : `${n}`;
    };
    out.push([
      recipient,
      supplier,
      orderEstimated ? (rnd() < 0.5 ? `(${orderYear})` : `${orderYear}?`) : `${orderYear}`,
      figure(ordered),
      designation,
      description,
      // Marked as estimates when the order is, so that the schema's rules
      // (no more delivered than ordered, no delivery before the order) hold.
      delivered === ordered ? figure(delivered) : `(${delivered})`,
      orderEstimated ? `(${years.replace(/[()]/g, "")})`.replace("(. .)", ". .") : years,
      pick(STATUSES),
      pick(COMMENTS),
    ]);
  }
  return stringify(out, { record_delimiter: "\r\n" });
}

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

async function run(url: string, opts: ReturnType<typeof options>) {
  process.env.DATABASE_URL = url;
  const { parseCsvFile } = await import("@/lib/import/parse");
  const { planImport } = await import("@/lib/import/plan");
  const { runImport } = await import("@/lib/import/apply");
  const { getLongPool } = await import("@/lib/db/client");

  const analyst = await withClient(url, async (c) => {
    const r = await c.query<{ id: number; role: string }>(`SELECT id, role::text AS role FROM "User" WHERE email = 'analyst@demarche.local'`);
    return r.rows[0];
  });
  if (!analyst) throw new Error("The demo analyst is missing: load the demo data first (npm run db:seed).");

  say(`generating ${opts.rows.toLocaleString("en")} rows (seed ${opts.seed})`);
  const text = generateRegister(opts.rows, opts.seed);
  const bytes = new TextEncoder().encode(text);
  if (opts.out) writeFileSync(opts.out, bytes);
  say(`${(bytes.length / 1024 / 1024).toFixed(1)} MB of CSV`);

  let t = process.hrtime.bigint();
  const file = parseCsvFile(bytes);
  const parse = seconds(t);

  say("dry run");
  t = process.hrtime.bigint();
  const plan = await planImport(getLongPool(), analyst, "transfers", file, "bench.csv");
  const dryRun = seconds(t);
  const { counts } = plan.dryRun;
  if (counts.error) throw new Error(`The generated file has ${counts.error} rows with problems, e.g. ${JSON.stringify(plan.dryRun.problems.slice(0, 3))}`);

  const steps: Partial<Record<"parse" | "plan" | "write" | "commit", number>> = {};
  let importSeconds: number | null = null;
  let created = 0;
  if (counts.create > 0) {
    say(`import of ${counts.create.toLocaleString("en")} records`);
    t = process.hrtime.bigint();
    const result = await runImport(
      analyst,
      "transfers",
      bytes,
      { fileName: "bench.csv", sha256: file.sha256, expectedCreate: counts.create, ip: null },
      { onStep: (name, s) => (steps[name] = s) },
    );
    importSeconds = seconds(t);
    created = result.created;
  } else {
    say("every row is already imported: nothing to time for the import (use another --seed)");
  }
  await getLongPool().end();

  const total = parse + dryRun + (importSeconds ?? 0);
  const lines: [string, string][] = [
    ["rows", counts.rows.toLocaleString("en")],
    ["file", `${(bytes.length / 1024 / 1024).toFixed(1)} MB`],
    ["parse (s)", parse.toFixed(2)],
    ["dry run: parse excluded (s)", dryRun.toFixed(2)],
    ["import: re-parse, re-plan, write (s)", importSeconds === null ? "-" : importSeconds.toFixed(2)],
    ["  of which re-parse / re-plan (s)", importSeconds === null ? "-" : `${(steps.parse ?? 0).toFixed(2)} / ${(steps.plan ?? 0).toFixed(2)}`],
    ["  of which writes / commit (s)", importSeconds === null ? "-" : `${(steps.write ?? 0).toFixed(2)} / ${(steps.commit ?? 0).toFixed(2)}`],
    ["total (s)", total.toFixed(2)],
    ["import rows/s", importSeconds === null ? "-" : Math.round(created / importSeconds).toLocaleString("en")],
    ["created / new weapon systems", `${created.toLocaleString("en")} / ${counts.newWeaponSystems.toLocaleString("en")}`],
    ["machine", `${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`],
  ];
  const width = Math.max(...lines.map(([k]) => k.length));
  console.log("");
  for (const [k, v] of lines) console.log(`${k.padEnd(width)}  ${v}`);
  console.log("");
  console.log(
    JSON.stringify({
      bench: "import",
      rows: counts.rows,
      bytes: bytes.length,
      seed: opts.seed,
      parseSeconds: round(parse),
      dryRunSeconds: round(dryRun),
      importSeconds: importSeconds === null ? null : round(importSeconds),
      importSteps: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, round(v)])),
      totalSeconds: round(total),
      importRowsPerSecond: importSeconds === null ? null : Math.round(created / importSeconds),
      created,
      newWeaponSystems: counts.newWeaponSystems,
      cores: os.cpus().length,
      loadAverage: os.loadavg().map((l) => round(l)),
    }),
  );
}

async function main() {
  const opts = options();
  await onAppDatabase(say, (url) => run(url, opts));
}

runMain("bench:import", main);
