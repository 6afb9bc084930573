import "server-only";
// The app's one Prisma client, created on first use (so that `next build` needs
// no database) and kept on globalThis so that dev-mode reloads reuse its pool.
import { env } from "@/lib/env";
import { createPrismaClient, type Db } from "@/lib/db/prisma";

const holder = globalThis as unknown as { demarcheDb?: { url: string; client: Db } };

export function getDb(): Db {
  const url = env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which set it.");
  }
  if (!holder.demarcheDb || holder.demarcheDb.url !== url) {
    holder.demarcheDb = { url, client: createPrismaClient(url) };
  }
  return holder.demarcheDb.client;
}
