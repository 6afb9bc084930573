// Database-level chores over a plain `pg` connection: create, drop, check.
import pg from "pg";

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether the server answers at all (used by the launcher and /api/health). */
export async function canConnect(url: string): Promise<boolean> {
  try {
    await withClient(url, (c) => c.query("select 1"));
    return true;
  } catch {
    return false;
  }
}

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  return withClient(databaseUrl(serverUrl, "postgres"), async (c) => {
    const r = await c.query("select 1 from pg_database where datname = $1", [name]);
    return (r.rowCount ?? 0) > 0;
  });
}

export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  await withClient(databaseUrl(serverUrl, "postgres"), async (c) => {
    const ident = c.escapeIdentifier(name);
    const from = template ? ` TEMPLATE ${c.escapeIdentifier(template)}` : "";
    await c.query(`CREATE DATABASE ${ident}${from}`);
  });
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(databaseUrl(serverUrl, "postgres"), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
  });
}
