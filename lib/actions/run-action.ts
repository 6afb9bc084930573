import "server-only";
// The one path of every server action: who is asking, may they, is the input
// valid, then one data function that writes and audits in a transaction.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getSessionUser, type SessionUser } from "@/lib/auth/current-user";
import { readClientIp } from "@/lib/auth/request-context";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { can, type Permission } from "@/lib/permissions";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; code: string; error: string; fieldErrors?: Record<string, string[]>; details?: unknown };

export type ActionContext = { user: SessionUser; ip: string | null };

export async function runAction<S extends z.ZodType, T>(
  options: { permission: Permission; schema: S; input: unknown },
  work: (ctx: ActionContext, data: z.infer<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const user = await getSessionUser();
    if (!user) return { ok: false, status: 401, code: "UNAUTHENTICATED", error: "Sign in to continue." };
    if (!can(user.role, options.permission)) {
      return { ok: false, status: 403, code: "FORBIDDEN", error: "You do not have permission to do this." };
    }
    const parsed = options.schema.safeParse(options.input);
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
      return { ok: false, status: 400, code: "VALIDATION", error: "Some fields need attention.", fieldErrors };
    }
    const data = await work({ user, ip: await readClientIp() }, parsed.data);
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError) {
      return {
        ok: false,
        status: error.status,
        code: error.code,
        error: error.message,
        fieldErrors: error.fieldErrors,
        details: error.details,
      };
    }
    if (isDatabaseUnavailable(error)) {
      await log("warn", "server action: database unavailable", { err: error });
      const e = new DatabaseUnavailableError();
      return { ok: false, status: e.status, code: e.code, error: e.message };
    }
    const reference = randomUUID().slice(0, 8);
    await log("error", "server action failed", { reference, err: error });
    return { ok: false, status: 500, code: "INTERNAL", error: `Something went wrong (reference ${reference}).` };
  }
}
