// npm run prisma -- <args>: the Prisma CLI with the environment it needs here
// (see tools/postgres/prisma-cli.ts). Also runs `prisma generate` after install.
import { env } from "@/lib/env";
import { runPrisma } from "@/tools/postgres/prisma-cli";

runPrisma(process.argv.slice(2), env.DATABASE_URL)
  .then(({ stdout, stderr }) => {
    process.stdout.write(stdout);
    process.stderr.write(stderr.replace(/^.*Preview feature "(driverAdapters|queryCompiler)" is deprecated.*\n/gm, ""));
  })
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
