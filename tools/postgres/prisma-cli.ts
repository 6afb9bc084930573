// Runs the Prisma CLI as a child process, set up for these machines: no Rust
// engines can be downloaded, so PRISMA_QUERY_ENGINE_LIBRARY points at any
// existing file (the engine is never loaded with engineType = "client"); this
// also makes the CLI print schema errors instead of a download failure.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { processEnv } from "@/lib/env";
import { applyRollups } from "@/tools/postgres/rollups";

const require = createRequire(import.meta.url);

export const projectRoot = path.resolve(path.dirname(require.resolve("prisma/package.json")), "../..");
export const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");

export type CliResult = { stdout: string; stderr: string };

export function runPrisma(args: string[], databaseUrl?: string): Promise<CliResult> {
  const cli = require.resolve("prisma/build/index.js");
  const env = {
    ...processEnv(),
    DATABASE_URL: databaseUrl ?? "postgresql://placeholder@127.0.0.1:1/placeholder",
    PRISMA_QUERY_ENGINE_LIBRARY: path.join(projectRoot, "package.json"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--require", path.join(projectRoot, "tools", "postgres", "prisma-cli-preload.cjs"), cli, ...args],
      { cwd: projectRoot, env, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`prisma ${args.join(" ")} failed:\n${stdout}\n${stderr}`.trim()));
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
  });
}

/**
 * Applies every pending migration in prisma/migrations (prisma migrate
 * deploy), then the dashboard's rollups (prisma/rollups.sql) when they changed.
 */
export async function migrateDeploy(databaseUrl: string): Promise<string> {
  const { stdout } = await runPrisma(["migrate", "deploy"], databaseUrl);
  const rollups = await applyRollups(databaseUrl, projectRoot);
  return `${stdout.trimEnd()}\n${rollups === "applied" ? "Dashboard rollups (prisma/rollups.sql) applied and rebuilt." : "Dashboard rollups are up to date."}\n`;
}

/**
 * The SQL that creates, from nothing, the schema that schema.prisma describes.
 * The diff reads no database, but the CLI's driver adapter connects to one:
 * `databaseUrl` must reach a server.
 */
export async function schemaSqlFromEmpty(databaseUrl: string): Promise<string> {
  const { stdout } = await runPrisma(
    ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schemaPath, "--script"],
    databaseUrl,
  );
  return stdout;
}
