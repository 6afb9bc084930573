// npm run user:create -- --email someone@example.org --role ADMIN [--name "Their Name"]
//
// Creates a user on a real deployment (the first admin, typically). The
// password is read from standard input when it is piped in; otherwise one is
// generated and printed once.
import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { generatePassword, hashPassword, newPasswordSchema } from "@/lib/auth/password";
import { audit } from "@/lib/db/audit";
import { createPrismaClient } from "@/lib/db/prisma";
import { startLocalDatabase } from "@/tools/postgres/local";
import { migrateDeploy } from "@/tools/postgres/prisma-cli";
import { createUserSchema } from "@/lib/auth/user-schemas";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
  });
  const piped = !process.stdin.isTTY;
  const password = piped ? await readStdin() : generatePassword();
  const parsed = createUserSchema.safeParse({
    email: values.email,
    role: values.role,
    name: values.name ?? values.email?.split("@")[0],
    password,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join(".") || "input"}: ${issue.message}`);
    console.error("Usage: npm run user:create -- --email <email> --role VIEWER|ANALYST|EDITOR|ADMIN [--name <name>] [< password-file]");
    process.exit(2);
  }
  newPasswordSchema.parse(password);

  let url = env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const local = await startLocalDatabase((l) => console.log(l));
    await migrateDeploy(local.url);
    url = local.url;
    stop = () => local.cluster.stop();
  }
  const db = createPrismaClient(url);
  try {
    const data = parsed.data;
    if (await db.user.findUnique({ where: { email: data.email } })) {
      console.error(`A user with the email ${data.email} exists already.`);
      process.exitCode = 1;
      return;
    }
    const passwordHash = await hashPassword(data.password);
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { email: data.email, name: data.name, role: data.role, passwordHash } });
      await audit(tx, {
        userId: null,
        action: "CREATE",
        entityType: "USER",
        entityId: created.id,
        changes: { email: created.email, name: created.name, role: created.role },
        metadata: { via: "npm run user:create" },
      });
      return created;
    });
    console.log(`Created ${user.role} ${user.email}.`);
    if (!piped) console.log(`Password (shown once, store it now): ${password}`);
  } finally {
    await db.$disconnect();
    await stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
