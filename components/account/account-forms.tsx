"use client";

import { signOut } from "next-auth/react";
import { useState, useTransition } from "react";
import { changeOwnPasswordAction, signOutEverywhereAction } from "@/lib/auth/actions";
import { buttonClass, Field, FormError, secondaryButtonClass } from "@/components/field";

export function ChangePasswordForm() {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]> | undefined>();
  return (
    <form
      className="max-w-sm space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        start(async () => {
          const result = await changeOwnPasswordAction({
            currentPassword: f.get("currentPassword"),
            newPassword: f.get("newPassword"),
            confirmPassword: f.get("confirmPassword"),
          });
          if (result.ok) {
            // Every session ended, this one too: sign in with the new password.
            await signOut({ callbackUrl: "/signin" });
          } else {
            setError(result.error);
            setFieldErrors(result.fieldErrors);
          }
        });
      }}
    >
      <FormError message={error} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={fieldErrors?.currentPassword} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required errors={fieldErrors?.newPassword} hint="At least 12 characters, not a common password." />
      <Field label="New password again" name="confirmPassword" type="password" autoComplete="new-password" required errors={fieldErrors?.confirmPassword} />
      <button type="submit" className={buttonClass} disabled={pending}>Change password</button>
    </form>
  );
}

export function SignOutEverywhereButton() {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <FormError message={error} />
      <button type="button" className={secondaryButtonClass} disabled={pending}
        onClick={() => start(async () => {
          const result = await signOutEverywhereAction({});
          if (result.ok) await signOut({ callbackUrl: "/signin" });
          else setError(result.error);
        })}>
        Sign out everywhere
      </button>
    </div>
  );
}
