// The HTTP server (lib/http/server.ts and the app modules it imports) as one
// plain JavaScript file, written by the launcher before it starts it: the
// server process then runs without tsx's module hooks, which Node.js runs
// in a thread of their own (about 85 MB more resident memory, measured).
// Packages stay outside the bundle and load from node_modules as usual.
import path from "node:path";
import { build } from "esbuild";

export async function bundleServer(projectRoot: string): Promise<string> {
  const outfile = path.join(projectRoot, "node_modules", ".cache", "demarche", "serve.mjs");
  await build({
    entryPoints: [path.join(projectRoot, "lib/http/server.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(projectRoot, "tsconfig.json"),
    sourcemap: "inline",
    logLevel: "warning",
  });
  return outfile;
}
