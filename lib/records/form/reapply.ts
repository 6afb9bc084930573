// After a conflict: the record as the other person left it, with the fields
// this user changed (from `base`, what they started from, to `mine`) on top.
export type Values = Record<string, unknown>;

export function reapply(base: Values, mine: Values, current: Values): Values {
  const out = { ...current };
  for (const key of Object.keys(mine)) {
    if (JSON.stringify(mine[key] ?? null) !== JSON.stringify(base[key] ?? null)) out[key] = mine[key];
  }
  return out;
}
