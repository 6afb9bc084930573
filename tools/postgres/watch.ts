// Keeps an embedded PostgreSQL running for the launcher (tools/cli/run-app.ts):
// when the server exits without being asked to (crashed, killed, OOM), it
// is started again on the same data directory and port, after 1 s, then 2,
// 4, 8... up to 30 s between attempts, the count starting over once the
// server has stayed up for a minute. One line is logged each time. The app
// is not restarted: its connection pool drops the dead connections and
// makes new ones (lib/db/prisma.ts), and answers 503 meanwhile.
import type { EmbeddedCluster } from "@/tools/postgres/embedded";

export type WatchOptions = {
  say: (line: string) => void;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Up this long after a restart, the next exit starts the count over. */
  resetAfterMs?: number;
};

export type ClusterWatcher = {
  /** The server running now (or the last one, while it is restarted). */
  current(): EmbeddedCluster;
  /** Stops watching, then stops the server. */
  stop(): Promise<void>;
};

function ended({ code, signal }: { code: number | null; signal: NodeJS.Signals | null }): string {
  return signal ? `signal ${signal}` : `code ${code}`;
}

/**
 * Watches `first` and, whenever the server it runs exits on its own, calls
 * `restart` (which must start it on the same port, since the app has its URL).
 * A server another process started (`exited` null) is not watched.
 */
export function watchEmbeddedPostgres(first: EmbeddedCluster, restart: () => Promise<EmbeddedCluster>, options: WatchOptions): ClusterWatcher {
  const { say } = options;
  const firstDelay = options.firstDelayMs ?? 1_000;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const resetAfter = options.resetAfterMs ?? 60_000;
  let current = first;
  let upSince = Date.now();
  let attempt = 0;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | null = null;

  const delayOf = (n: number) => Math.min(firstDelay * 2 ** (n - 1), maxDelay);

  const schedule = (why: string) => {
    attempt += 1;
    const delay = delayOf(attempt);
    say(`${why}; restarting in ${delay / 1000} s (attempt ${attempt}).`);
    timer = setTimeout(() => {
      restarting = tryRestart().finally(() => (restarting = null));
    }, delay);
  };

  const tryRestart = async () => {
    if (stopping) return;
    let cluster: EmbeddedCluster;
    try {
      cluster = await restart();
    } catch (error) {
      if (stopping) return;
      const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
      schedule(`The embedded PostgreSQL did not start again (${reason})`);
      return;
    }
    if (stopping) {
      await cluster.stop();
      return;
    }
    say(`The embedded PostgreSQL is running again on 127.0.0.1:${cluster.port}.`);
    watch(cluster);
  };

  const watch = (cluster: EmbeddedCluster) => {
    current = cluster;
    upSince = Date.now();
    void cluster.exited?.then((how) => {
      if (stopping || current !== cluster) return;
      if (Date.now() - upSince >= resetAfter) attempt = 0;
      schedule(`The embedded PostgreSQL stopped (${ended(how)})`);
    });
  };

  watch(first);
  return {
    current: () => current,
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      await restarting;
      await current.stop();
    },
  };
}
