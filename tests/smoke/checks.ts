// The smoke scripts' reporting: one line per check ("ok" or "FAIL"), then a
// summary, and an exit status that fails CI when any check failed.
let passes = 0;
let failures = 0;

export function check(what: string, ok: boolean, detail = ""): void {
  if (ok) passes++;
  else failures++;
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${ok || !detail ? "" : `: ${detail}`}`);
}

/** Prints "<label>: N passed, M failed<after>" and exits (1 when any check failed). */
export function finish(label: string, after = ""): never {
  console.log(`${label}: ${passes} passed, ${failures} failed${after}`);
  process.exit(failures === 0 ? 0 : 1);
}
