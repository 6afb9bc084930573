// A process that loads the embedded-PostgreSQL module (the test runner, the
// launcher, every CLI) exits with the code it meant: the package's exit hook
// answered 'beforeExit' with process.exit(0), so `npm test` with a failing
// test and a CLI that failed both exited 0 (tools/postgres/embedded.ts).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

function exitCodeOf(body: string): number | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-exit-"));
  const file = path.join(dir, "script.ts");
  fs.writeFileSync(file, `import ${JSON.stringify(path.join(ROOT, "tools/postgres/embedded.ts"))};\n${body}\n`);
  try {
    return spawnSync(TSX, [file], { cwd: ROOT, encoding: "utf8", timeout: 30_000 }).status;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("a process with the embedded PostgreSQL module loaded", () => {
  it("exits with the failing code it set (as vitest does after a failed test)", () => {
    expect(exitCodeOf("process.exitCode = 1;")).toBe(1);
    expect(exitCodeOf("setTimeout(() => { process.exitCode = 3; }, 10);")).toBe(3);
  });

  it("exits 0 when it meant to, and with an explicit code when one is given", () => {
    expect(exitCodeOf("")).toBe(0);
    expect(exitCodeOf("process.exit(2);")).toBe(2);
  });
});
