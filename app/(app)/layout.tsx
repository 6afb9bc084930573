import { connection } from "next/server";
import { DemoBanner } from "@/components/demo-banner";
import { LogShortcut } from "@/components/log-shortcut";
import { SiteHeader } from "@/components/nav/site-header";
import { HeaderSearch } from "@/components/search/header-search";
import { Toaster } from "@/components/ui/toast";
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
  const mayLog = can(user.role, "record:create");
  return (
    <Toaster>
      {demo ? <DemoBanner /> : null}
      <SiteHeader
        user={{ name: user.name, role: user.role }}
        showActivity={can(user.role, "audit:read-all")}
        showUsers={can(user.role, "user:manage")}
        search={<HeaderSearch className="w-full" />}
        logAction={mayLog ? <LogShortcut /> : null}
        mayLog={mayLog}
      />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </Toaster>
  );
}
