// The boundaries of eslint.config.mjs bite: each snippet, linted as if it were
// a file in the folder named, must be refused (or accepted) by the real
// config. Only the two boundary rules run, so the test stays fast.
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    ruleFilter: ({ ruleId }) => ruleId === "no-restricted-imports" || ruleId === "no-restricted-syntax",
  });
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const refused: [string, string, string, RegExp][] = [
  // file, what, code, the message's gist
  ["components/x/form.tsx", "a component importing a server action under app/", 'import { a } from "@/app/(app)/records/actions";', /app\/ does not import|server actions live in lib/],
  ["app/(app)/x/actions.ts", "a server action file under app/", '"use server";\nexport async function a() {}', /define server actions in lib/],
  ["app/(app)/x/page.tsx", "an inline server action in a page", 'export default function P() { async function a() { "use server"; } return a; }', /define server actions in lib/],
  ["app/(app)/x/page.tsx", "a page importing getDb", 'import { getDb } from "@/lib/db/client";', /No query in a page/],
  ["app/(app)/actors/[id]/page.tsx", "a record-type page importing getDb", 'import { getDb } from "@/lib/db/client";', /No query in a page/],
  ["app/(app)/x/page.tsx", "a page importing the Prisma client at run time", 'import { Prisma } from "@/lib/generated/prisma/client";', /No query in a page/],
  ["app/api/x/route.ts", "a route handler importing pg", 'import pg from "pg";', /No query in a page/],
  ["components/x.tsx", "a component importing getDb", 'import { getDb } from "@/lib/db/client";', /No query in a page/],
  ["app/(app)/x/page.tsx", "a page importing another file of app/", 'import { a } from "@/app/(app)/y/helpers";', /app\/ holds routes only/],
  ["app/(app)/x/page.tsx", "a relative import", 'import { a } from "./helpers";', /@\/ alias/],
  ["lib/db/x.ts", "a relative import in lib", 'import { a } from "../auth/users";', /@\/ alias/],
  ["lib/records/x.ts", "lib importing components", 'import { parseId } from "@/components/record-parts";', /lib\/ does not import components/],
  ["lib/db/x.ts", "lib importing app", 'import { a } from "@/app/(app)/x/page";', /app\/ holds routes only/],
  ["lib/db/users.ts", "lib/db importing lib/auth", 'import { hashPassword } from "@/lib/auth/password";', /lib\/auth sits above lib\/db/],
  ["lib/db/x.ts", "lib/db importing a type from lib/auth", 'import type { SessionUser } from "@/lib/auth/current-user";', /lib\/auth sits above lib\/db/],
  ["lib/db/x.ts", "lib/db importing a record type's queries", 'import { a } from "@/lib/records/source/queries";', /lib\/db does not import lib\/records/],
  ["lib/db/x.ts", "lib/db importing the record service", 'import { a } from "@/lib/records/service";', /lib\/db does not import lib\/records/],
  ["lib/db/x.ts", "lib/db importing a feature", 'import { a } from "@/lib/api/http";', /features above it/],
  ["lib/records/source/queries.ts", "a record type importing the registry", 'import { RECORDS } from "@/lib/records/registry";', /gathers every record type/],
  ["lib/records/concern/service.ts", "a record type importing the list registry", 'import { a } from "@/lib/records/lists";', /gathers every record type/],
  ["lib/records/concern/queries.ts", "a record type importing links", 'import { a } from "@/lib/records/links";', /gathers every record type/],
  ["lib/records/actor/definition.ts", "a definition importing the definitions registry", 'import { a } from "@/lib/records/definitions";', /gathers every definition/],
  ["lib/records/concern/status.ts", "a definition importing the registry of definitions", 'import { a } from "@/lib/records/definitions";', /gathers every definition/],
  ["lib/records/actor/definition.ts", "a definition importing queries", 'import { a } from "@/lib/records/actor/queries";', /definitions are pure/],
  ["lib/records/actor/definition.ts", "a definition importing the database", 'import { getDb } from "@/lib/db/client";', /do not touch the database/],
  ["lib/records/service.ts", "lib/records importing lib/auth", 'import { requireUser } from "@/lib/auth/current-user";', /beside lib\/records/],
  ["lib/auth/x.ts", "lib/auth importing lib/records", 'import { a } from "@/lib/records/service";', /Base modules and record definitions|lib\/records/],
  ["lib/format/x.ts", "a base module importing lib/db", 'import { a } from "@/lib/db/visibility";', /do not touch the database/],
  ["lib/lists/x.ts", "a base module importing a record type's list", 'import { a } from "@/lib/records/actor/list";', /definitions are pure/],
  ["lib/records/service.ts", "lib importing a server action", 'import { saveRecordAction } from "@/lib/records/actions";', /Server actions are entry points/],
  ["lib/api/x.ts", "a feature importing a server action", 'import { a } from "@/lib/import/actions";', /Server actions are entry points/],
  ["lib/db/x.ts", "lib importing the front door", 'import { a } from "@/lib/http/front-door";', /front door/],
  ["lib/records/actions.ts", "a server action importing components", 'import { a } from "@/components/x";', /lib\/ does not import components/],
  ["lib/db/x.ts", "lib importing tools", 'import { a } from "@/tools/postgres/admin";', /tools\//],
  ["app/(app)/x/page.tsx", "app importing tools", 'import { a } from "@/tools/seed/load";', /tools\//],
  ["components/x.tsx", "components importing tools", 'import { a } from "@/tools/bench/stats";', /tools\//],
  ["proxy.ts", "proxy.ts importing tools", 'import { a } from "@/tools/cli/main";', /tools\//],
  ["instrumentation.ts", "instrumentation.ts importing tools", 'import { a } from "@/tools/postgres/embedded";', /tools\//],
  ["tools/cli/x.ts", "tools importing components", 'import { a } from "@/components/x";', /tools\/ imports lib/],
];

const accepted: [string, string, string][] = [
  ["components/x/form.tsx", "a component importing a server action from lib", 'import { saveRecordAction } from "@/lib/records/actions";'],
  ["app/(app)/x/page.tsx", "a page importing a Prisma type", 'import type { ConcernStatus } from "@/lib/generated/prisma/enums";'],
  ["app/(app)/x/page.tsx", "a page importing lib and components", 'import { Badge } from "@/components/badge";\nimport { countryNames } from "@/lib/db/countries";'],
  ["app/layout.tsx", "the global style sheet", 'import "./globals.css";'],
  ["lib/records/actions.ts", "a server action file in lib", '"use server";\nimport { runAction } from "@/lib/actions/run-action";\nimport { RECORDS } from "@/lib/records/registry";'],
  ["lib/auth/users.ts", "lib/auth importing lib/db", 'import { getDb } from "@/lib/db/client";\nimport { hashPassword } from "@/lib/auth/password";'],
  ["lib/records/source/queries.ts", "a record type importing another's module and lib/db", 'import { a } from "@/lib/records/actor/queries";\nimport { getDb } from "@/lib/db/client";\nimport { recordHref } from "@/lib/records/definitions";'],
  ["lib/lists/params.ts", "a base module importing the record definitions", 'import { DEFINITIONS } from "@/lib/records/definitions";\nimport { a } from "@/lib/records/actor/definition";'],
  ["lib/db/x.ts", "lib/db importing a definition", 'import { a } from "@/lib/records/actor/definition";'],
  ["lib/api/x.ts", "a feature importing lib/auth, lib/records and the base", 'import { requireUser } from "@/lib/auth/current-user";\nimport { RECORDS } from "@/lib/records/registry";\nimport { can } from "@/lib/permissions";'],
  ["lib/env.ts", "the base importing lib/http/client-address", 'import { a } from "@/lib/http/client-address";'],
  ["tools/cli/x.ts", "tools importing lib", 'import { a } from "@/lib/db/client";'],
];

describe("the boundaries of eslint.config.mjs", () => {
  it.each(refused)("%s: refuses %s", async (file, _what, code, gist) => {
    const found = await problems(file, code);
    expect(found.length, `no problem reported in ${file} for: ${code}`).toBeGreaterThan(0);
    expect(found.join("\n")).toMatch(gist);
  });

  it.each(accepted)("%s: accepts %s", async (file, _what, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
