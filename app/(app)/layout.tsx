import Link from "next/link";
import { connection } from "next/server";
import { DemoBanner } from "@/components/demo-banner";
import { SignOutButton } from "@/components/sign-out-button";
import { requirePageUser } from "@/lib/auth/current-user";
import { hasActiveDemoAccounts } from "@/lib/db/users";
import { can } from "@/lib/permissions";

// Everything in this group is for signed-in users only. The proxy sends
// visitors without a session token to /signin; this checks the token against
// the database (session version, active) on every request.
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const user = await requirePageUser();
  const demo = await hasActiveDemoAccounts();
  const navLink = "text-sm text-slate-700 hover:underline dark:text-slate-300";
  return (
    <>
      {demo ? <DemoBanner /> : null}
      <header className="border-b border-slate-200 dark:border-slate-800">
        <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-6 px-4 py-3">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            Demarche
          </Link>
          <Link href="/" className={navLink}>Unresolved concerns</Link>
          <Link href="/countries" className={navLink}>Countries</Link>
          {can(user.role, "user:manage") ? <Link href="/admin/users" className={navLink}>Users</Link> : null}
          <span className="ml-auto flex items-center gap-3 text-sm">
            <Link href="/account" className={navLink}>
              {user.name} <span className="text-slate-500 dark:text-slate-400">{`(${user.role.toLowerCase()})`}</span>
            </Link>
            <SignOutButton />
          </span>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
