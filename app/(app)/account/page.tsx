import type { Metadata } from "next";
import { connection } from "next/server";
import { ChangePasswordForm, SignOutEverywhereButton } from "@/components/account/account-forms";
import { requirePageUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  await connection();
  const me = await requirePageUser("/account");
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Your account</h1>
        <p className="text-sm">{me.name} · {me.email} · {me.role.toLowerCase()}</p>
      </div>
      <section aria-labelledby="password" className="space-y-3">
        <h2 id="password" className="text-lg font-semibold">Change your password</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">Afterwards you sign in again everywhere.</p>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="sessions" className="space-y-3">
        <h2 id="sessions" className="text-lg font-semibold">Sessions</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">Ends every session of yours, on every device, this one included.</p>
        <SignOutEverywhereButton />
      </section>
    </div>
  );
}
