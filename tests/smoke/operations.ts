// Operations checks against a running production app (.ci/run):
//
//   npx tsx tests/smoke/operations.ts logs <base> <app-log>
//     every answer carries an x-request-id, pages carry the same id, and the
//     app's log lines are JSON with that request id;
//   npx tsx tests/smoke/operations.ts shutdown <base> <process-group-id> <app-log> [pg-port]
//     SIGTERM to the whole process group (as Ctrl+C or a service manager
//     does) while requests are in flight: every request the server had begun
//     is answered in full, the database included, and then the app and its
//     embedded PostgreSQL stop on their own. (A request still unread in the
//     socket when the port closes is refused, as at any closed port.)
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import { check, finish } from "./checks";


async function logs(base: string, logFile: string) {
  const page = await fetch(`${base}/signin`);
  const html = await page.text();
  const id = page.headers.get("x-request-id");
  check("a page answers with an x-request-id", Boolean(id && /^[\w.:-]{8,}$/.test(id)), String(id));
  check("the page carries the same request id (for its error view)", Boolean(id && html.includes(`name="request-id" content="${id}"`)));
  const api = await fetch(`${base}/api/v1/requests`);
  const apiId = api.headers.get("x-request-id");
  const body = (await api.json()) as { error?: { code?: string } };
  check("an API answer carries one too, errors included", Boolean(apiId) && api.status === 401 && body.error?.code === "UNAUTHENTICATED");
  const mine = await fetch(`${base}/api/health`, { headers: { "x-request-id": "smoke-check-0001" } });
  check("a sane x-request-id from a proxy in front is kept", mine.headers.get("x-request-id") === "smoke-check-0001");
  await new Promise((r) => setTimeout(r, 500)); // let the log lines reach the file
  const lines = fs.readFileSync(logFile, "utf8").split("\n").filter((l) => l.startsWith("{"));
  const parsed = lines.map((l) => {
    try {
      return JSON.parse(l) as { requestId?: string; level?: string; msg?: string; time?: string };
    } catch {
      return null;
    }
  });
  check("the app's log lines are JSON objects with a time, level and message", parsed.length > 0 && parsed.every((p) => p && p.time && p.level && p.msg), `${parsed.filter((p) => !p).length} unparsable of ${parsed.length}`);
  check("the log has the request ids of the answers above", [id, apiId, "smoke-check-0001"].every((x) => parsed.some((p) => p?.requestId === x)));
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function shutdown(base: string, group: number, logFile: string, pgPort: number | null) {
  // A public page and the health check (which asks the database), each on
  // a connection of its own, all at once: the signal comes once every one
  // is connected and sent, while the server is still working through them.
  let connected = 0;
  let signalledAt = 0;
  let allConnected: () => void = () => {};
  const ready = new Promise<void>((resolve) => (allConnected = resolve));
  const total = 40;
  const inFlight = Array.from({ length: total }, (_, i) => {
    const health = i % 2 === 1;
    return new Promise<{ status: number; complete: boolean; afterSignal?: boolean; error?: string }>((resolve) => {
      const url = `${base}${health ? "/api/health" : "/signin"}?n=${i}`;
      const headers = { "x-request-id": `shutdown-check-${i}` };
      const request = http.get(url, { agent: false, headers }, (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            complete: health ? text.includes('"db":"up"') : text.includes("</html>"),
            afterSignal: signalledAt > 0,
          }),
        );
      });
      request.on("socket", (socket) =>
        socket.once("connect", () => {
          if (++connected === total) allConnected();
        }),
      );
      request.on("error", (e) => resolve({ status: 0, complete: false, error: String(e) }));
    });
  });
  await ready;
  signalledAt = Date.now();
  process.kill(-group, "SIGTERM");
  const results = await Promise.all(inFlight);
  await new Promise((r) => setTimeout(r, 300)); // let the last log lines reach the file
  const begun = new Set(
    fs
      .readFileSync(logFile, "utf8")
      .split("\n")
      .flatMap((line) => /"requestId":"shutdown-check-(\d+)"/.exec(line)?.[1] ?? [])
      .map(Number),
  );
  const dropped = results.filter((r, i) => begun.has(i) && !(r.status === 200 && r.complete));
  const late = results.filter((r) => r.afterSignal).length;
  check(
    `SIGTERM with requests in flight: every one the server had begun answered in full (${begun.size} begun, ${late} answered after the signal, ${total - begun.size} refused unread)`,
    begun.size > 0 && dropped.length === 0 && late > 0,
    JSON.stringify(dropped.slice(0, 3)),
  );
  // Then every process of the group (npm, the launcher, Next.js) exits by
  // itself, well before the launcher's 25 s grace period would cut it off.
  let stopped = false;
  while (!stopped && Date.now() - signalledAt < 30_000) {
    try {
      process.kill(-group, 0);
      await new Promise((r) => setTimeout(r, 100));
    } catch {
      stopped = true;
    }
  }
  const seconds = (Date.now() - signalledAt) / 1000;
  check(`then the app exits on its own (${seconds.toFixed(1)} s after the signal)`, stopped && seconds < 20);
  if (pgPort) {
    let down = false;
    for (let i = 0; i < 40 && !down; i++) {
      down = !(await portOpen(pgPort));
      if (!down) await new Promise((r) => setTimeout(r, 500));
    }
    check("and its embedded PostgreSQL stops after it", down);
  }
}

async function main() {
  const [mode, base, arg, extra, more] = process.argv.slice(2);
  if (mode === "logs" && base && arg) await logs(base, arg);
  else if (mode === "shutdown" && base && arg && extra) await shutdown(base, Number(arg), extra, more ? Number(more) : null);
  else {
    console.error("Usage: operations.ts logs <base> <app-log> | shutdown <base> <process-group-id> <app-log> [pg-port]");
    process.exit(2);
  }
  finish(`operations (${mode})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
