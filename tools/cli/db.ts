// npm run db:migrate / npm run db:seed
// Against DATABASE_URL when it is set, else against the embedded database in
// .data/pg (started for the command and stopped afterwards).
import { createPrismaClient } from "@/lib/db/prisma";
import { runMain } from "@/tools/cli/main";
import { onAppDatabase } from "@/tools/postgres/local";
import { migrateDeploy } from "@/tools/postgres/prisma-cli";
import { seed } from "@/tools/seed/load";

const say = (line: string) => console.log(`[demarche] ${line}`);

async function run(command: string, url: string) {
  if (command === "migrate") {
    process.stdout.write(await migrateDeploy(url));
  } else if (command === "seed") {
    const db = createPrismaClient(url);
    try {
      const s = await seed(db);
      say(
        s.countriesCreated + s.demoRecordsCreated + s.demoUsersCreated === 0
          ? "Demo data already loaded; nothing changed."
          : `Loaded ${s.countriesCreated} countries, ${s.demoRecordsCreated} demo records and ${s.demoUsersCreated} demo accounts.`,
      );
    } finally {
      await db.$disconnect();
    }
  } else {
    console.error("Usage: tsx tools/cli/db.ts migrate|seed");
    process.exit(2);
  }
}

async function main() {
  const command = process.argv[2] ?? "";
  await onAppDatabase(say, async (url, embedded) => {
    if (embedded && command === "seed") await migrateDeploy(url);
    await run(command, url);
  });
}

runMain("demarche", main);
