import type { Metadata } from "next";
import { connection } from "next/server";
import Link from "next/link";
import { ChangePasswordForm, SignOutEverywhereButton } from "@/components/account/account-forms";
import { ApiTokens } from "@/components/account/api-tokens";
import { requirePageUser } from "@/lib/auth/current-user";
import { listApiTokens } from "@/lib/auth/api-tokens";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  await connection();
  const me = await requirePageUser("/account");
  const now = new Date().getTime();
  const tokens = (await listApiTokens(me)).map((t) => ({
    ...t,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  }));
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
      <section aria-labelledby="tokens" className="space-y-3">
        <h2 id="tokens" className="text-lg font-semibold">API tokens</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          For other tools: send a token as <code>Authorization: Bearer …</code> to the <Link className="text-blue-700 underline dark:text-blue-400" href="/api-docs">API</Link>.
          It acts as you, with your role, read-only or read and write; revoke it when it is no longer needed.
        </p>
        <ApiTokens tokens={tokens} now={now} />
      </section>
    </div>
  );
}
