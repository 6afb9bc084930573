import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// ---------------------------------------------------------------- boundaries
//
// Who may import whom, enforced below with no-restricted-imports (issue 13).
// Layers, bottom to top; a layer imports its own and lower layers only:
//
//   1. base        lib/generated (Prisma's output), lib/errors, lib/env, lib/log,
//                  lib/permissions, lib/vague-date, lib/timeline, lib/format,
//                  lib/validation, lib/lists (list parameters), lib/charts,
//                  lib/map, lib/http/client-address: no database, no session.
//                  With them, the record definitions, pure too: lib/records/
//                  define.ts, definitions.ts, form/, and each type's
//                  definition.ts (and concern/status.ts): schema, fields, list.
//   2. db          lib/db: the client, Prisma, visibility, transactions, audit,
//                  lists/common, countries, lookups... The infrastructure and
//                  the queries that belong to no record type. Never a session:
//                  functions take the viewer as an argument. It may read the
//                  record definitions (base), not a type's queries or service.
//   3. domain      lib/records (each record type in lib/records/<type>/, the
//                  generic service, registries) and lib/auth (sessions, sign-in,
//                  passwords, users, API tokens). lib/auth reads the database,
//                  so it sits above lib/db; records and auth do not import each
//                  other (the record service takes the user as an argument).
//                  Inside lib/records, a type's folder does not import what
//                  gathers every type (registries, links, citations): a cycle.
//   4. features    lib/api, lib/actions (runAction), lib/import, lib/dashboard,
//                  lib/pages: what the routes call.
//   5. actions     lib/**/actions.ts: the server actions ("use server"), next to
//                  their feature. Imported by components only, never by lib.
//      entry       lib/http (the front door, except client-address) and
//                  lib/server-start.ts: processes; nothing in lib imports them.
//   6. components  React components: lib and the actions, never app/.
//   7. app         routes only: pages, layouts, route handlers. No server
//                  action defined here, no query of its own (no getDb, no
//                  Prisma client, no pg): they call lib. No import from app/.
//
// tools/ (CLIs, seed, bench, backup, the embedded-PostgreSQL launcher) may
// import lib, never app or components; nothing outside tools/ and tests/
// imports tools. tests/ may import anything.
//
// Imports go through the @/ alias (relative imports, but a ./x.css, are refused in app,
// components and lib) so that these patterns see every static import. Dynamic
// import() and require() are not checked.

const TOOLS = { group: ["@/tools", "@/tools/**"], message: "tools/ (CLIs, seed, bench, backup, launcher) is for the command line: the app does not import it. Move what both need into lib/." };
const APP = { group: ["@/app", "@/app/**"], message: "app/ holds routes only: nothing imports from it. Move the code into lib/ (or components/ for React)." };
const COMPONENTS = { group: ["@/components", "@/components/**"], message: "lib/ does not import components/: move what both need (types, helpers) into lib/." };
const ACTIONS = { regex: "^@/lib/(.+/)?actions(\\.ts)?$", message: "Server actions are entry points for components: lib does not call them; call the service function they wrap." };
const ENTRY = {
  group: ["@/lib/http/**", "!@/lib/http/client-address", "@/lib/server-start"],
  message: "The front door (lib/http) and lib/server-start are processes: nothing in lib imports them.",
};
const FEATURES = {
  group: ["@/lib/api/**", "@/lib/actions/**", "@/lib/import/**", "@/lib/dashboard/**", "@/lib/pages/**"],
  message: "A lower layer does not import the features above it (lib/api, lib/actions, lib/import, lib/dashboard, lib/pages): move the shared piece down, or pass it in as an argument (layers: eslint.config.mjs).",
};
// Base modules may import the record definitions (pure), not the rest of lib/records.
const RECORDS_IMPL = {
  regex: "^@/lib/records/(?!(define|definitions)$|form/[^/]+$|[^/]+/(definition|status)$)",
  message: "Base modules and record definitions are pure: they may import a record type's definition (lib/records/<type>/definition.ts, lib/records/definitions.ts), never its queries, service or registry (layers: eslint.config.mjs).",
};
const RECORDS = { regex: RECORDS_IMPL.regex, message: "lib/db does not import lib/records beyond the definitions (pure): move the shared piece down (lib/db, or a base module), or pass it in (layers: eslint.config.mjs)." };
const AUTH = { group: ["@/lib/auth/**"], message: "lib/auth sits above lib/db and beside lib/records: take the user as an argument (type Viewer, lib/db/visibility) instead of importing lib/auth (layers: eslint.config.mjs)." };
const DB = { group: ["@/lib/db/**"], message: "Base modules do not touch the database: move the code into lib/db, or take the data as an argument (layers: eslint.config.mjs)." };
const RELATIVE = { regex: "^\\.\\.?/(?!.*\\.css$)", message: "Import with the @/ alias (\"@/lib/...\"), so that the boundary rules below see where the import goes." };
// Runtime only: `import type` of Prisma's types and enums stays allowed.
const QUERIES = {
  group: ["@/lib/db/client", "@/lib/db/prisma", "@/lib/db/transaction", "@/lib/generated/prisma/**", "@prisma/client", "@prisma/client/**", "pg"],
  allowTypeImports: true,
  message: "No query in a page, route or component: put it in a lib function (lib/db/..., or the record type's queries.ts, with import \"server-only\") and call that. `import type` stays allowed.",
};
// What gathers every record type's service, queries or lists: a record type's own folder importing it is a cycle.
const ALL_TYPES = {
  group: ["@/lib/records/registry", "@/lib/records/*registry*", "@/lib/records/lists", "@/lib/records/links", "@/lib/records/citations", "@/lib/records/log-request", "@/lib/records/actions"],
  message: "A record type's folder does not import what gathers every record type (registries, links, citations): that imports this type back. Import the other type's own module, lib/records/definitions, or take what you need as an argument.",
};
// And a type's definition does not import the registry of every definition (which imports it).
const ALL_DEFINITIONS = {
  group: [...ALL_TYPES.group, "@/lib/records/definitions"],
  message: "A record type's definition does not import what gathers every definition (lib/records/definitions): that imports this definition back. Import the other type's definition itself.",
};

const restrict = (...patterns) => ["error", { patterns }];
const ACTION_FILES = ["lib/**/actions.ts"];
const DEFINITION_FILES = ["lib/records/define.ts", "lib/records/definitions.ts", "lib/records/form/**", "lib/records/*/definition.ts", "lib/records/*/status.ts"];
const BASE = [RELATIVE, TOOLS, APP, COMPONENTS, ACTIONS, ENTRY, FEATURES, RECORDS_IMPL, AUTH, DB];

const boundaries = [
  // Every file of lib first; the blocks below narrow it per layer (a later block replaces the rule's options).
  { files: ["lib/**"], rules: { "no-restricted-imports": restrict(RELATIVE, TOOLS, APP, COMPONENTS, ACTIONS) } },
  {
    files: ["lib/errors.ts", "lib/env.ts", "lib/log.ts", "lib/permissions.ts", "lib/vague-date.ts", "lib/timeline.ts", "lib/format/**", "lib/validation/**", "lib/lists/**", "lib/charts/**", "lib/map/**", "lib/http/client-address.ts"],
    rules: { "no-restricted-imports": restrict(...BASE) },
  },
  { files: ["lib/db/**"], ignores: ACTION_FILES, rules: { "no-restricted-imports": restrict(RELATIVE, TOOLS, APP, COMPONENTS, ACTIONS, ENTRY, FEATURES, RECORDS, AUTH) } },
  { files: ["lib/auth/**"], ignores: ACTION_FILES, rules: { "no-restricted-imports": restrict(RELATIVE, TOOLS, APP, COMPONENTS, ACTIONS, ENTRY, FEATURES, RECORDS) } },
  { files: ["lib/records/**"], ignores: ACTION_FILES, rules: { "no-restricted-imports": restrict(RELATIVE, TOOLS, APP, COMPONENTS, ACTIONS, ENTRY, FEATURES, AUTH) } },
  {
    files: ["lib/records/*/**"],
    ignores: ["lib/records/form/**", ...ACTION_FILES],
    rules: { "no-restricted-imports": restrict(RELATIVE, TOOLS, APP, COMPONENTS, ACTIONS, ENTRY, FEATURES, AUTH, ALL_TYPES) },
  },
  {
    files: ["lib/api/**", "lib/actions/**", "lib/import/**", "lib/dashboard/**", "lib/pages/**"],
    ignores: ACTION_FILES,
    rules: { "no-restricted-imports": restrict(RELATIVE, TOOLS, APP, COMPONENTS, ACTIONS, ENTRY) },
  },
  // After lib/records: the definitions are base modules (pure), and a type's own does not import the registries either.
  { files: DEFINITION_FILES, rules: { "no-restricted-imports": restrict(...BASE) } },
  { files: ["lib/records/*/definition.ts", "lib/records/*/status.ts"], ignores: ["lib/records/form/**"], rules: { "no-restricted-imports": restrict(...BASE, ALL_DEFINITIONS) } },
  { files: ACTION_FILES, rules: { "no-restricted-imports": restrict(RELATIVE, TOOLS, APP, COMPONENTS, ENTRY) } },
  { files: ["components/**"], rules: { "no-restricted-imports": restrict(RELATIVE, TOOLS, { ...APP, message: "components/ does not import app/: server actions live in lib/**/actions.ts, shared code in lib/." }, ENTRY, QUERIES) } },
  { files: ["app/**"], rules: { "no-restricted-imports": restrict(RELATIVE, TOOLS, APP, ENTRY, QUERIES) } },
  {
    files: ["app/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "Program > ExpressionStatement[directive='use server'], :function > BlockStatement > ExpressionStatement[directive='use server']",
          message: "app/ holds routes only: define server actions in lib/<feature>/actions.ts (see eslint.config.mjs), and import them from there.",
        },
      ],
    },
  },
  { files: ["proxy.ts", "instrumentation.ts"], rules: { "no-restricted-imports": restrict(TOOLS, APP, COMPONENTS) } },
  {
    files: ["tools/**"],
    rules: { "no-restricted-imports": restrict({ ...APP, message: "tools/ imports lib, never app/." }, { ...COMPONENTS, message: "tools/ imports lib, never components/." }) },
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "lib/generated/**",
      "next-env.d.ts",
      "test-results/**",
    ],
  },
  ...boundaries,
];

export default config;
