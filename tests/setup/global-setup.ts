// One PostgreSQL server for the whole run, and a migrated template database
// that each test file clones into a database of its own (tests/helpers/db.ts).
//
// DATABASE_URL unset: a throw-away embedded cluster, deleted afterwards.
// DATABASE_URL set: that server is used; the run only creates databases named
// demarche_test_* on it and drops them afterwards, never touching others.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { env } from "@/lib/env";
import { createDatabase, databaseUrl, dropDatabase, withClient } from "@/tools/postgres/admin";
import { migrateDeploy } from "@/tools/postgres/prisma-cli";
import { startThrowAwayCluster } from "@/tools/postgres/throw-away";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the server's maintenance database ("postgres"). */
    serverUrl: string;
    /** A database with every migration applied, to clone with CREATE DATABASE ... TEMPLATE. */
    templateDatabase: string;
    /** Prefix of every database this run creates. */
    databasePrefix: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = env.DATABASE_URL ? null : await startThrowAwayCluster();
  const serverUrl = cluster ? cluster.url("postgres") : databaseUrl(env.DATABASE_URL!, "postgres");
  const prefix = `demarche_test_${randomBytes(4).toString("hex")}`;
  const template = `${prefix}_template`;

  await createDatabase(serverUrl, template);
  await migrateDeploy(databaseUrl(serverUrl, template));

  project.provide("serverUrl", serverUrl);
  project.provide("templateDatabase", template);
  project.provide("databasePrefix", prefix);

  return async () => {
    if (cluster) {
      await cluster.stop();
      return;
    }
    const names = await withClient(serverUrl, async (c) => {
      const r = await c.query<{ datname: string }>("select datname from pg_database where datname like $1", [`${prefix}%`]);
      return r.rows.map((row) => row.datname);
    });
    for (const name of names) await dropDatabase(serverUrl, name);
  };
}
