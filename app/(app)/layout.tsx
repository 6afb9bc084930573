import Link from "next/link";
import { connection } from "next/server";
import { DemoBanner } from "@/components/demo-banner";
import { LogShortcut } from "@/components/log-shortcut";
import { SignOutButton } from "@/components/sign-out-button";
import { requirePageUser } from "@/lib/auth/current-user";
import { hasActiveDemoAccounts } from "@/lib/auth/users";
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
      <header data-print="hide" className="border-b border-slate-200 dark:border-slate-800">
        <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-5 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            Demarche
          </Link>
          <Link href="/concerns" className={navLink}>Concerns</Link>
          <Link href="/requests" className={navLink}>Requests</Link>
          <Link href="/transfers" className={navLink}>Transfers</Link>
          <Link href="/inspections" className={navLink}>Inspections</Link>
          <Link href="/sources" className={navLink}>Sources</Link>
          <Link href="/actors" className={navLink}>Actors</Link>
          <Link href="/weapon-systems" className={navLink}>Weapon systems</Link>
          <Link href="/countries" className={navLink}>Countries</Link>
          <Link href="/map" className={navLink}>Map</Link>
          {can(user.role, "audit:read-all") ? <Link href="/admin/activity" className={navLink}>Activity</Link> : null}
          {can(user.role, "user:manage") ? <Link href="/admin/users" className={navLink}>Users</Link> : null}
          <span className="ml-auto flex items-center gap-3 text-sm">
            {can(user.role, "record:create") ? <LogShortcut /> : null}
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
