// The benchmark proper: each dashboard figure through the app's data layer
// (`run`: SQL built, sent over the app's pool, rows shaped) and the same SQL sent directly through `pg` (`sql`), for
// each viewer and filter; the whole dashboard as the page loads it (every
// figure at once); and, given a running production build, the pages over HTTP.
import pg from "pg";
import type { DashboardFilter, DashboardQuery } from "@/lib/dashboard/registry";
import { HttpClient } from "@/tools/bench/http";
import { measure, summarize, type Summary } from "@/tools/bench/stats";

export type BenchViewer = { label: string; id: number; role: string };
export type BenchFilter = { label: string; filter: DashboardFilter };

export type QueryResult = {
  name: string;
  viewer: string;
  filter: string;
  app: Summary;
  raw: Summary;
  /** Median through the app over median through pg. */
  ratio: number;
};

export type HttpResult = { path: string; viewer: string; status: "measured"; page: Summary; bytes: number };

export type BenchOptions = {
  warmup: number;
  runs: number;
  /** Only the figures whose name contains one of these. */
  only?: string[];
  log?: (line: string) => void;
};

export async function benchQueries(
  url: string,
  queries: readonly DashboardQuery[],
  viewers: readonly BenchViewer[],
  filters: readonly BenchFilter[],
  options: BenchOptions,
): Promise<QueryResult[]> {
  const log = options.log ?? (() => {});
  const selected = options.only?.length ? queries.filter((q) => options.only!.some((o) => q.name.includes(o))) : [...queries];
  // One connection for the single figures, a pool as large as the app's for
  // the whole dashboard; both with the session settings of the app's pool
  // (no JIT), so the ratio measures the data layer and nothing else.
  const session = "-c jit=off";
  const client = new pg.Client({ connectionString: url, options: session });
  const pool = new pg.Pool({ connectionString: url, max: 10, options: session });
  await client.connect();
  const results: QueryResult[] = [];
  const record = (name: string, viewer: BenchViewer, filter: BenchFilter, app: number[], raw: number[]) => {
    const a = summarize(app);
    const r = summarize(raw);
    const result = { name, viewer: viewer.label, filter: filter.label, app: a, raw: r, ratio: a.median / r.median };
    results.push(result);
    log(`${name} [${viewer.label}, ${filter.label}]: app ${a.median.toFixed(1)} ms, pg ${r.median.toFixed(1)} ms (x${result.ratio.toFixed(2)})`);
  };
  try {
    for (const viewer of viewers) {
      const who = { id: viewer.id, role: viewer.role };
      for (const filter of filters) {
        for (const q of selected) {
          const sql = q.sql(who, filter.filter);
          const [app, raw] = await measure(
            [() => q.run(who, filter.filter), () => client.query(sql.text, sql.values)],
            options.warmup,
            options.runs,
            { minTotalMs: 300, maxRuns: 200 },
          );
          record(q.name, viewer, filter, app!, raw!);
        }
        if (selected.length > 1) {
          // The whole dashboard as the page loads it: every figure at once.
          const sqls = selected.map((q) => q.sql(who, filter.filter));
          const [app, raw] = await measure(
            [() => Promise.all(selected.map((q) => q.run(who, filter.filter))), () => Promise.all(sqls.map((s) => pool.query(s.text, s.values)))],
            options.warmup,
            options.runs,
          );
          record("(all figures at once)", viewer, filter, app!, raw!);
        }
      }
    }
  } finally {
    await client.end();
    await pool.end();
  }
  return results;
}

export async function benchPages(
  baseUrl: string,
  account: { email: string; password: string; label: string },
  paths: readonly string[],
  options: BenchOptions,
): Promise<HttpResult[]> {
  const log = options.log ?? (() => {});
  const http = new HttpClient(baseUrl);
  await http.signIn(account.email, account.password);
  const results: HttpResult[] = [];
  for (const path of paths) {
    let bytes = 0;
    const [times] = await measure(
      [
        async () => {
          bytes = await http.page(path);
        },
      ],
      options.warmup,
      options.runs,
    );
    const page = summarize(times!);
    results.push({ path, viewer: account.label, status: "measured", page, bytes });
    log(`GET ${path} [${account.label}]: ${page.median.toFixed(1)} ms (${bytes.toLocaleString("en")} bytes)`);
  }
  return results;
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");

/** The results as a plain-text table. */
export function formatTable(queries: readonly QueryResult[], pages: readonly HttpResult[]): string {
  const header = ["figure", "viewer", "filter", "app median", "app p95", "pg median", "pg p95", "app/pg"];
  const rows = queries.map((r) => [r.name, r.viewer, r.filter, ms(r.app.median), ms(r.app.p95), ms(r.raw.median), ms(r.raw.p95), r.ratio.toFixed(2)]);
  for (const p of pages) rows.push([`GET ${p.path}`, p.viewer, "-", ms(p.page.median), ms(p.page.p95), "-", "-", "-"]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
