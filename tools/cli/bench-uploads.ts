// npm run bench:uploads -- [--base-url http://127.0.0.1:3000] [--uploads 100] [--path /] [--first-chunk 8388608] [--hold 5] [--pid N]
//
// What stalled anonymous uploads cost a running app: the server's resident
// memory (VmRSS of the process that listens on the URL's port, read from
// /proc, so run it on the server's machine) and the median latency of
// /api/health, before, while N uploads are held open (each sends its
// headers with a 20 MB Content-Length, a first chunk, then nothing), and
// after they are closed. Also how the server answered the uploads (a status,
// or nothing at all) and how many connections it closed itself. Only
// loopback addresses are accepted as targets.
import fs from "node:fs";
import net from "node:net";
import { parseArgs } from "node:util";
import { runMain } from "@/tools/cli/main";

const USAGE =
  "Usage: npm run bench:uploads -- [--base-url http://127.0.0.1:3000] [--uploads 100] [--path /] [--first-chunk 8388608] [--hold 5] [--pid N]";
const DECLARED_BYTES = 20 * 1024 * 1024;

function options() {
  const { values } = parseArgs({
    options: {
      "base-url": { type: "string", default: "http://127.0.0.1:3000" },
      uploads: { type: "string", default: "100" },
      path: { type: "string", default: "/" },
      "first-chunk": { type: "string", default: String(8 * 1024 * 1024) },
      hold: { type: "string", default: "5" },
      pid: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const whole = (name: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min}.\n${USAGE}`);
    return n;
  };
  const base = new URL(values["base-url"]);
  if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(base.hostname)) throw new Error("Only a loopback --base-url is allowed (127.0.0.x, localhost, [::1]).");
  return {
    base,
    uploads: whole("uploads", values.uploads, 1),
    path: values.path,
    firstChunk: whole("first-chunk", values["first-chunk"], 0),
    holdSeconds: whole("hold", values.hold, 0),
    pid: values.pid ? whole("pid", values.pid, 1) : null,
  };
}

/** The process that holds the listening socket of `port` (via /proc/net/tcp* and /proc/<pid>/fd). */
function listeningPid(port: number): number {
  const inodes = new Set<string>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const localPort = parseInt(cols[1]!.split(":")[1]!, 16);
      if (localPort === port && cols[3] === "0A") inodes.add(cols[9]!);
    }
  }
  if (inodes.size === 0) throw new Error(`Nothing listens on port ${port} on this machine.`);
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1]!)) return Number(pid);
      } catch {
        // gone meanwhile
      }
    }
  }
  throw new Error(`Could not find the process listening on port ${port} (run as its user, or pass --pid).`);
}

function rssMb(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!m) throw new Error(`No VmRSS for process ${pid}.`);
  return Number(m[1]) / 1024;
}

async function healthMs(base: URL): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const res = await fetch(new URL("/api/health", base), { signal: AbortSignal.timeout(60_000) });
    await res.text();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[2]!;
}

type Upload = { socket: net.Socket; status: number | null; closedByServer: boolean; closing: boolean };

function startUpload(o: ReturnType<typeof options>): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const upload: Upload = { socket: net.connect({ host: o.base.hostname.replace(/^\[|\]$/g, ""), port: Number(o.base.port || 80) }), status: null, closedByServer: false, closing: false };
    const { socket } = upload;
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(answer);
      if (m) upload.status = Number(m[1]);
    });
    socket.on("end", () => (upload.closedByServer = true));
    socket.on("close", () => (upload.closedByServer ||= !upload.closing));
    socket.on("error", () => {});
    socket.once("connect", () => {
      const boundary = "----bench-uploads";
      socket.write(
        `POST ${o.path} HTTP/1.1\r\nHost: ${o.base.host}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${DECLARED_BYTES}\r\nOrigin: ${o.base.origin}\r\n\r\n`,
      );
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`;
      socket.write(Buffer.concat([Buffer.from(head), Buffer.alloc(Math.max(0, o.firstChunk - head.length), "a")]), () => resolve(upload));
    });
    socket.once("error", reject);
  });
}

async function main() {
  const o = options();
  const pid = o.pid ?? listeningPid(Number(o.base.port || 80));
  const measure = async () => ({ rssMb: Math.round(rssMb(pid)), healthMs: Math.round(await healthMs(o.base)) });
  console.error(`[bench:uploads] server process ${pid}; ${o.uploads} stalled uploads to POST ${o.path} (declared ${DECLARED_BYTES} bytes, first chunk ${o.firstChunk} bytes)`);
  await healthMs(o.base); // warm up
  const before = await measure();
  const uploads: Upload[] = [];
  for (let i = 0; i < o.uploads; i++) uploads.push(await startUpload(o));
  await new Promise((r) => setTimeout(r, o.holdSeconds * 1000));
  const during = await measure();
  const statuses: Record<string, number> = {};
  for (const u of uploads) statuses[u.status ?? "no answer"] = (statuses[u.status ?? "no answer"] ?? 0) + 1;
  const closedByServer = uploads.filter((u) => u.closedByServer).length;
  for (const u of uploads) {
    u.closing = true;
    u.socket.destroy();
  }
  await new Promise((r) => setTimeout(r, 2000));
  const after = await measure();
  const rows = [
    ["before", before],
    [`${o.uploads} uploads held ${o.holdSeconds} s`, during],
    ["after closing them", after],
  ] as const;
  console.log("when | server RSS MB | /api/health median ms");
  for (const [when, m] of rows) console.log(`${when} | ${m.rssMb} | ${m.healthMs}`);
  console.log(`answers to the uploads: ${JSON.stringify(statuses)}; connections closed by the server: ${closedByServer} of ${o.uploads}`);
  console.log(JSON.stringify({ pid, uploads: o.uploads, path: o.path, before, during, after, statuses, closedByServer }));
}

runMain("bench:uploads", main);
