// The buckets of the world map's shading: pure, no database, unit-tested.
//
// Bucket 0 is "none" (a figure of 0). Above it, at most five buckets whose
// lower bounds are "nice" numbers (1, 2, 3, 5, 10, 20, 30, 50, 100, ...) up to
// the largest figure on the map: with small figures each value gets a bucket
// of its own (1, 2, 3), with large ones the bounds spread evenly over that
// sequence (1–2, 3–9, 10–29, 30–99, 100 or more), so that a few countries
// with many records do not wash out all the others.

export type Bucket = {
  /** 0 for "none", then 1 to 5 from the lowest to the highest figures. */
  index: number;
  /** Smallest figure in the bucket. */
  min: number;
  /** Largest figure in the bucket; null for the open-ended top bucket. */
  max: number | null;
  /** What the bucket holds, in words ("3–9", "100 or more", "None"). */
  label: string;
};

export const MAX_SHADED_BUCKETS = 5;

/** 1, 2, 3, 5, 10, 20, 30, 50, 100, ... up to `max` (inclusive). */
export function niceBounds(max: number): number[] {
  const out: number[] = [];
  for (let magnitude = 1; magnitude <= max; magnitude *= 10) {
    for (const step of [1, 2, 3, 5]) {
      const v = step * magnitude;
      if (v <= max) out.push(v);
    }
  }
  return out;
}

/** The buckets for figures from 0 to `maxValue`. */
export function bucketsFor(maxValue: number): Bucket[] {
  const max = Number.isFinite(maxValue) ? Math.max(0, Math.floor(maxValue)) : 0;
  const none: Bucket = { index: 0, min: 0, max: 0, label: "None" };
  if (max === 0) return [none];
  let lows: number[];
  if (max <= MAX_SHADED_BUCKETS) {
    lows = Array.from({ length: max }, (_, i) => i + 1);
  } else {
    const nice = niceBounds(max);
    if (nice.length <= MAX_SHADED_BUCKETS) {
      lows = nice;
    } else {
      const last = nice.length - 1;
      const picked = new Set<number>();
      for (let i = 0; i < MAX_SHADED_BUCKETS; i++) picked.add(nice[Math.round((i * last) / (MAX_SHADED_BUCKETS - 1))]!);
      lows = [...picked].sort((a, b) => a - b);
    }
  }
  const buckets: Bucket[] = [none];
  lows.forEach((low, i) => {
    const next = lows[i + 1];
    const isLast = next === undefined;
    const high = isLast ? null : next - 1;
    const f = (n: number) => n.toLocaleString("en");
    const label = isLast ? (low === max ? f(low) : `${f(low)} or more`) : high === low ? f(low) : `${f(low)}–${f(high!)}`;
    buckets.push({ index: i + 1, min: low, max: isLast ? (low === max ? max : null) : high, label });
  });
  return buckets;
}

/** The bucket a figure falls in (figures above the top bucket's bound go in it). */
export function bucketOf(value: number, buckets: readonly Bucket[]): Bucket {
  let found = buckets[0]!;
  for (const b of buckets) if (value >= b.min) found = b;
  return found;
}

/** Shades of the palette (1 = lightest, 5 = darkest): the buckets spread over all five whatever their number. */
export const SHADES = 5;

/**
 * The palette shade of a bucket when the legend has `shadedCount` buckets
 * above "none": 0 for "none"; one bucket takes the middle shade; several
 * spread from the lightest to the darkest.
 */
export function shadeOf(bucketIndex: number, shadedCount: number): number {
  if (bucketIndex <= 0 || shadedCount <= 0) return 0;
  if (shadedCount === 1) return Math.ceil(SHADES / 2);
  const i = Math.min(bucketIndex, shadedCount);
  return 1 + Math.round(((i - 1) * (SHADES - 1)) / (shadedCount - 1));
}
