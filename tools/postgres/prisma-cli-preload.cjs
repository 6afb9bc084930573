// Preloaded into the Prisma CLI by tools/postgres/prisma-cli.ts.
//
// Prisma 6.19's WASM schema engine arms a 10 s timer for each command and
// never clears it, so every `migrate deploy` or `migrate diff` sits idle for
// ten seconds after finishing. Timers armed by the CLI bundle are unref'd:
// they still fire if the process is alive, but no longer keep it alive. Work
// in progress is kept alive by its own sockets and promises.
"use strict";
const originalSetTimeout = global.setTimeout;
global.setTimeout = function patchedSetTimeout(callback, ms, ...args) {
  const timer = originalSetTimeout(callback, ms, ...args);
  if (ms >= 5000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
