// npm run loadtest -- [--base-url URL] [--duration 60] [--connections 20]
//
// Load on a production build over loopback, bounded in time: autocannon
// drives a mix of the list API (most connections), full-text search, writes
// through the API, list pages and the home dashboard, all at once, for
// `duration` seconds. Prints, per kind of request and in all: requests, rate,
// p50/p95/p99 latency, non-2xx and 5xx answers, errors and timeouts; then the
// same as one JSON line. Targets of issue 7 (2 cores, a million requests):
// no 5xx and no error; the list API's p95 under 100 ms and at least 300
// requests per second. A measurement, not a test.
//
// Without --base-url it starts `npm start` itself (build first: npm run
// build) on DATABASE_URL, else the embedded database, with the API's rate
// limit raised (one demo user makes every request), and stops it afterwards.
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { HttpClient } from "@/tools/bench/http";
import { percentile } from "@/tools/bench/stats";
import { DEMO_PASSWORD } from "@/lib/auth/demo";
import { findFreePort } from "@/tools/postgres/embedded";
import { processEnv } from "@/lib/env";

const say = (line: string) => console.error(`[loadtest] ${line}`);
const USAGE = "Usage: npm run loadtest -- [--base-url URL] [--duration SECONDS] [--connections N]";

type Kind = { name: string; share: number; requests: (n: number) => autocannon.Request[] };

const SEARCH_WORDS = ["halt", "sale", "igla", "missile", "russia", "inspection", "diversion", "tanks", "cable", "venezuela"];

/** What each connection keeps asking (autocannon cycles through a connection's list). */
function kinds(): Kind[] {
  return [
    {
      name: "list API",
      share: 0.6,
      requests: () => [
        { method: "GET", path: "/api/v1/requests?limit=50" },
        { method: "GET", path: "/api/v1/requests?country=RU&limit=50" },
        { method: "GET", path: "/api/v1/transfers?status=DELIVERED&limit=50" },
        { method: "GET", path: "/api/v1/concerns?status=OPEN&limit=50" },
        { method: "GET", path: "/api/v1/requests?response=REBUFFED&sort=date&dir=desc&limit=50" },
      ],
    },
    {
      name: "search API",
      share: 0.1,
      requests: (n) => SEARCH_WORDS.map((w, i) => ({ method: "GET", path: `/api/v1/requests?q=${SEARCH_WORDS[(i + n) % SEARCH_WORDS.length]}${i % 2 ? "" : ` ${w}`}&limit=20`.replace(/ /g, "+") })),
    },
    {
      name: "writes (API)",
      share: 0.1,
      requests: (n) => [
        {
          method: "POST",
          path: "/api/v1/sources",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ kind: "REPORT", title: `Load test source ${n}`, visibility: "INTERNAL" }),
        },
      ],
    },
    { name: "list pages", share: 0.1, requests: () => [{ method: "GET", path: "/requests" }, { method: "GET", path: "/transfers?status=DELIVERED" }] },
    { name: "dashboard", share: 0.1, requests: () => [{ method: "GET", path: "/" }] },
  ];
}

type Result = {
  kind: string;
  connections: number;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  status5xx: number;
  errors: number;
  timeouts: number;
};

async function runKind(base: string, cookie: string, kind: Kind, connections: number, duration: number, index: number): Promise<Result> {
  const latencies: number[] = [];
  let status5xx = 0;
  let non2xx = 0;
  let finish: (r: autocannon.Result) => void = () => {};
  let fail: (e: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: base,
      connections,
      duration,
      timeout: 10,
      headers: { cookie, origin: base, accept: "application/json, text/html" },
      requests: kind.requests(index),
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (statusCode >= 500) status5xx++;
    if (statusCode < 200 || statusCode >= 300) non2xx++;
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  return {
    kind: kind.name,
    connections,
    requests: latencies.length,
    perSecond: latencies.length / duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx,
    status5xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function startServer(): Promise<{ base: string; child: ChildProcess }> {
  const port = await findFreePort();
  say(`Starting the production build on port ${port} (npm start)...`);
  const child = spawn("npm", ["start"], {
    env: { ...processEnv(), PORT: String(port), API_RATE_LIMIT_PER_MINUTE: "10000000", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 180; i++) {
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return { base, child };
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("The app did not answer /api/health within 3 minutes (did you run npm run build?).");
}

async function main() {
  const { values } = parseArgs({
    options: {
      "base-url": { type: "string" },
      duration: { type: "string", default: "60" },
      connections: { type: "string", default: "20" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const duration = Number(values.duration);
  const total = Number(values.connections);
  if (!Number.isInteger(duration) || duration < 1 || !Number.isInteger(total) || total < kinds().length) {
    throw new Error(`--duration must be a whole number of seconds and --connections at least ${kinds().length}.\n${USAGE}`);
  }
  let server: ChildProcess | null = null;
  let base = values["base-url"];
  if (!base) {
    const started = await startServer();
    base = started.base;
    server = started.child;
  }
  try {
    // Signed in as the demo analyst (may read and create); the session cookie serves pages and the API alike.
    const http = new HttpClient(base);
    await http.signIn("analyst@demarche.local", DEMO_PASSWORD);
    const probe = await http.fetch("/api/v1/requests?limit=1");
    if (probe.status !== 200) throw new Error(`The API answered ${probe.status} to the signed-in load user.`);
    await probe.text();
    const cookie = http.cookieHeader();
    const plan = kinds();
    // Connections by share, at least one each, 20 in all.
    const counts = plan.map((k) => Math.max(1, Math.round(k.share * total)));
    while (counts.reduce((a, b) => a + b, 0) > total) counts[counts.indexOf(Math.max(...counts))]! -= 1;
    while (counts.reduce((a, b) => a + b, 0) < total) counts[0]! += 1;
    say(`${total} connections for ${duration} s against ${base}: ${plan.map((k, i) => `${k.name} ${counts[i]}`).join(", ")}`);
    const started = Date.now();
    const results = await Promise.all(plan.map((k, i) => runKind(base!, cookie, k, counts[i]!, duration, i)));
    const all = results.reduce(
      (a, r) => ({ requests: a.requests + r.requests, non2xx: a.non2xx + r.non2xx, status5xx: a.status5xx + r.status5xx, errors: a.errors + r.errors, timeouts: a.timeouts + r.timeouts }),
      { requests: 0, non2xx: 0, status5xx: 0, errors: 0, timeouts: 0 },
    );
    const header = ["kind", "conn", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "non-2xx", "5xx", "errors", "timeouts"];
    const rows = results.map((r) => [r.kind, String(r.connections), String(r.requests), r.perSecond.toFixed(1), r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), String(r.non2xx), String(r.status5xx), String(r.errors), String(r.timeouts)]);
    rows.push(["all", String(total), String(all.requests), (all.requests / duration).toFixed(1), "", "", "", String(all.non2xx), String(all.status5xx), String(all.errors), String(all.timeouts)]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
    console.log(line(header));
    console.log(widths.map((w) => "-".repeat(w)).join("  "));
    for (const r of rows) console.log(line(r));
    const list = results.find((r) => r.kind === "list API")!;
    console.log("");
    console.log(
      `targets: list API p95 ${list.p95.toFixed(1)} ms (< 100: ${list.p95 < 100 ? "met" : "NOT met"}), ` +
        `${list.perSecond.toFixed(0)} req/s (>= 300: ${list.perSecond >= 300 ? "met" : "NOT met"}), ` +
        `5xx ${all.status5xx} and errors ${all.errors + all.timeouts} (0: ${all.status5xx + all.errors + all.timeouts === 0 ? "met" : "NOT met"})`,
    );
    console.log(
      JSON.stringify({
        loadtest: "demarche",
        at: new Date().toISOString(),
        baseUrl: base,
        machine: { cpus: os.cpus().length, load: os.loadavg().map((n) => Number(n.toFixed(2))) },
        duration,
        connections: total,
        seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
        results,
        all,
      }),
    );
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
}

main().catch((error) => {
  console.error(`[loadtest] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
