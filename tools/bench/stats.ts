// Timing helpers for the benchmark: repeated runs after a warm-up, and the
// median and 95th percentile (nearest rank) of the measured ones.

export type Summary = { runs: number; median: number; p95: number; min: number; max: number };

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(times: readonly number[]): Summary {
  const sorted = [...times].sort((a, b) => a - b);
  return { runs: sorted.length, median: median(sorted), p95: percentile(sorted, 95), min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN };
}

/** Milliseconds taken by `work`. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Runs each of `variants` `warmup` times, then `runs` times, interleaved (the
 * order alternates from one round to the next, so that neither profits from
 * the other's cache), and returns each variant's measured times.
 */
export async function measure(
  variants: readonly (() => Promise<unknown>)[],
  warmup: number,
  runs: number,
  options: { minTotalMs?: number; maxRuns?: number } = {},
): Promise<number[][]> {
  const times = variants.map(() => [] as number[]);
  // Quick work gets more runs (up to maxRuns) so that each variant is measured
  // for at least minTotalMs: a millisecond query's median over 15 runs is
  // mostly scheduling noise.
  const planned = async () => {
    if (!options.minTotalMs) return runs;
    const probe = await timed(variants[0]!);
    return Math.max(runs, Math.min(options.maxRuns ?? 200, Math.ceil(options.minTotalMs / Math.max(probe, 0.01))));
  };
  const total = warmup + (await planned());
  for (let round = 0; round < total; round++) {
    const order = round % 2 === 0 ? variants.map((_, i) => i) : variants.map((_, i) => variants.length - 1 - i);
    for (const i of order) {
      const ms = await timed(variants[i]!);
      if (round >= warmup) times[i]!.push(ms);
    }
  }
  return times;
}
