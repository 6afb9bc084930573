"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import {
  changeUserRoleAction,
  createUserAction,
  resetUserPasswordAction,
  setUserActiveAction,
} from "@/lib/auth/actions";
import { buttonClass, Field, FormError, secondaryButtonClass } from "@/components/field";
import type { ActionResult } from "@/lib/actions/run-action";
import { ROLES, type AppRole } from "@/lib/permissions";

export type UserRow = { id: number; email: string; name: string; role: AppRole; active: boolean; lastSignInAt: string | null };

type Errors = Record<string, string[]> | undefined;

function useAction() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Errors>(undefined);
  const [done, setDone] = useState<string | null>(null);
  function run<T>(call: () => Promise<ActionResult<T>>, success: string, after?: () => void) {
    setDone(null);
    start(async () => {
      const result = await call();
      if (result.ok) {
        setError(null);
        setFieldErrors(undefined);
        setDone(success);
        after?.();
        router.refresh();
      } else {
        setError(result.error);
        setFieldErrors(result.fieldErrors);
      }
    });
  }
  return { pending, error, fieldErrors, done, run };
}

export function CreateUserForm() {
  const { pending, error, fieldErrors, done, run } = useAction();
  const roleId = useId();
  return (
    <form
      className="grid max-w-3xl grid-cols-1 gap-3 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const f = new FormData(form);
        run(
          () =>
            createUserAction({
              email: f.get("email"),
              name: f.get("name"),
              role: f.get("role"),
              password: f.get("password"),
            }),
          "User created.",
          () => form.reset(),
        );
      }}
    >
      <div className="sm:col-span-2"><FormError message={error} /></div>
      <Field label="Email" name="email" type="email" required errors={fieldErrors?.email} autoComplete="off" />
      <Field label="Name" name="name" required errors={fieldErrors?.name} autoComplete="off" />
      <div className="space-y-1">
        <label htmlFor={roleId} className="block text-sm font-medium">Role</label>
        <select id={roleId} name="role" defaultValue="VIEWER" className="w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900">
          {ROLES.map((r) => <option key={r} value={r}>{r.toLowerCase()}</option>)}
        </select>
        {fieldErrors?.role ? <p className="text-sm text-red-700">{fieldErrors.role.join(" ")}</p> : null}
      </div>
      <Field label="Initial password" name="password" type="password" required errors={fieldErrors?.password} autoComplete="new-password" hint="At least 12 characters, not a common password." />
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" className={buttonClass} disabled={pending}>Create user</button>
        {done ? <span role="status" className="text-sm text-emerald-800 dark:text-emerald-300">{done}</span> : null}
      </div>
    </form>
  );
}

export function UserActions({ user, isSelf }: { user: UserRow; isSelf: boolean }) {
  const { pending, error, fieldErrors, done, run } = useAction();
  const [role, setRole] = useState<AppRole>(user.role);
  const [password, setPassword] = useState("");
  const roleId = useId();
  return (
    <div className="space-y-2">
      <FormError message={error} />
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={roleId} className="block text-xs font-medium">Role of {user.email}</label>
          <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as AppRole)} className="rounded border border-slate-400 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900">
            {ROLES.map((r) => <option key={r} value={r}>{r.toLowerCase()}</option>)}
          </select>
        </div>
        <button type="button" className={secondaryButtonClass} disabled={pending || role === user.role}
          onClick={() => run(() => changeUserRoleAction({ userId: user.id, role }), "Role changed.")}>
          Change role
        </button>
        <button type="button" className={secondaryButtonClass} disabled={pending || isSelf}
          title={isSelf ? "You cannot deactivate yourself." : undefined}
          onClick={() => run(() => setUserActiveAction({ userId: user.id, active: !user.active }), user.active ? "Deactivated." : "Reactivated.")}>
          {user.active ? "Deactivate" : "Reactivate"}
        </button>
      </div>
      <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => {
        e.preventDefault();
        run(() => resetUserPasswordAction({ userId: user.id, password }), "Password reset.", () => setPassword(""));
      }}>
        <div className="min-w-56">
          <Field label={`New password for ${user.email}`} name="password" type="password" value={password}
            onChange={(e) => setPassword(e.target.value)} errors={fieldErrors?.password} autoComplete="new-password" />
        </div>
        <button type="submit" className={secondaryButtonClass} disabled={pending || password.length === 0}>Reset password</button>
      </form>
      {done ? <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">{done}</p> : null}
    </div>
  );
}
