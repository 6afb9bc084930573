// The one place that reads process.env. Everything else imports `env`.
import { z } from "zod";
import { splitTrustedProxies, trustedProxyEntryProblem } from "@/lib/http/client-address";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Any PostgreSQL server. Unset: the launcher and the tests start an embedded one. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /**
   * Signs session tokens. Required in production; `npm run dev` (and `npm
   * start` on the embedded database) generate one once and keep it in .data/.
   */
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  /** The app's public URL (next-auth builds its redirects from it). */
  NEXTAUTH_URL: z.string().url().optional(),
  /** Port of the web app. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Port the embedded PostgreSQL prefers; another free one is used when taken. */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Requests per minute that one user or API token may make to /api/v1 (then 429). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
  /** Log every line the embedded PostgreSQL prints (off by default: noisy). */
  EMBEDDED_PG_VERBOSE: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  /**
   * The reverse proxies in front of the app, whose X-Forwarded-For is
   * believed: comma-separated IP addresses and CIDR blocks (e.g.
   * `127.0.0.1,10.0.0.0/8`). Empty (the default): the client is the
   * socket's peer and X-Forwarded-For is ignored (lib/http/client-address.ts).
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((text, ctx) => {
      for (const entry of splitTrustedProxies(text)) {
        const problem = trustedProxyEntryProblem(entry);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }
    })
    .transform(splitTrustedProxies),
});

export type Env = z.infer<typeof schema>;

function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

const KEYS = Object.keys(schema.shape) as (keyof Env)[];
let cached: { fingerprint: string; value: Env } | null = null;

function current(): Env {
  // Parsed once per distinct environment (tests point the data layer at a
  // database of their own after modules are loaded).
  const fingerprint = KEYS.map((k) => process.env[k] ?? "\u0000").join("\u0001");
  if (cached?.fingerprint !== fingerprint) cached = { fingerprint, value: parseEnv(process.env) };
  return cached.value;
}

export const env: Env = new Proxy({} as Env, {
  get: (_target, key) => current()[key as keyof Env],
});

// Fail at start, not at first use, when the environment is invalid.
current();

/** The session signing secret; a clear error when it is missing. */
export function authSecret(): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  throw new Error(
    env.NODE_ENV === "production"
      ? "NEXTAUTH_SECRET is required in production: set it to a random string of at least 32 characters (e.g. `openssl rand -base64 32`)."
      : "NEXTAUTH_SECRET is not set. Start the app with `npm run dev`, which generates one in .data/.",
  );
}

/** For launchers that must hand a changed environment to a child process. */
export function processEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}
