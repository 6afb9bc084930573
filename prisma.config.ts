// Prisma CLI configuration. The CLI runs without Prisma's downloaded Rust
// engines (unreachable from our machines): the schema engine is the WASM
// ("js") one and every database connection goes through @prisma/adapter-pg.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () =>
    // A short idle timeout lets the CLI exit as soon as it is done instead of
    // waiting 10 s for pg's pool to close idle connections.
    new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "", idleTimeoutMillis: 100 }),
  schema: "prisma/schema.prisma",
});
