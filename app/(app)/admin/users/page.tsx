import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Badge } from "@/components/badge";
import { CreateUserForm, UserActions } from "@/components/admin/user-admin";
import { requirePageUser } from "@/lib/auth/current-user";
import { listUsers } from "@/lib/auth/users";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await connection();
  const me = await requirePageUser("/admin/users");
  // Not an admin: the page does not exist for them.
  if (!can(me.role, "user:manage")) notFound();
  const users = await listUsers();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Users</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Role changes, deactivation and password resets end the user&apos;s sessions at their next request.
        </p>
      </div>
      <section aria-labelledby="new-user" className="space-y-3">
        <h2 id="new-user" className="text-lg font-semibold">New user</h2>
        <CreateUserForm />
      </section>
      <section aria-labelledby="all-users" className="space-y-3">
        <h2 id="all-users" className="text-lg font-semibold">All users ({users.length})</h2>
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {users.map((u) => (
            <li key={u.id} className="grid gap-3 py-3 md:grid-cols-[1fr_2fr]">
              <div>
                <div className="font-medium">{u.name}</div>
                <div className="text-sm">{u.email}</div>
                <div className="mt-1 flex gap-2">
                  <Badge>{u.role.toLowerCase()}</Badge>
                  {u.active ? <Badge tone="ok">active</Badge> : <Badge tone="warning">deactivated</Badge>}
                </div>
                <div className="text-xs text-slate-600 dark:text-slate-400">
                  Last sign-in: {u.lastSignInAt ? u.lastSignInAt.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never"}
                </div>
              </div>
              <UserActions
                user={{ ...u, lastSignInAt: u.lastSignInAt?.toISOString() ?? null }}
                isSelf={u.id === me.id}
              />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
