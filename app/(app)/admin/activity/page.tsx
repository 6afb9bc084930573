import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Badge } from "@/components/badge";
import { buttonClass } from "@/components/field";
import { requirePageUser } from "@/lib/auth/current-user";
import { ACTIVITY_ACTIONS, ACTIVITY_ENTITY_TYPES, activityFilterSchema, activityUsers, listActivity, mayReadActivity } from "@/lib/db/activity";

export const metadata: Metadata = { title: "Activity" };

const HREF: Record<string, (id: number) => string> = {
  DIPLOMATIC_REQUEST: (id) => `/requests/${id}`,
  CONCERN: (id) => `/concerns/${id}`,
  ARMS_TRANSFER: (id) => `/transfers/${id}`,
  INSPECTION: (id) => `/inspections/${id}`,
  SOURCE: (id) => `/sources/${id}`,
  ACTOR: (id) => `/actors/${id}`,
  WEAPON_SYSTEM: (id) => `/weapon-systems/${id}`,
  QUOTE: (id) => `/quotes/${id}`,
};

const words = (s: string) => s.toLowerCase().replaceAll("_", " ");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ActivityPage({ searchParams }: Props) {
  await connection();
  const viewer = await requirePageUser("/admin/activity");
  if (!mayReadActivity(viewer)) notFound();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filter = activityFilterSchema.parse(raw);
  const [{ rows, hasNext, page }, users] = await Promise.all([listActivity(viewer, filter), activityUsers()]);
  const pageHref = (p: number) => `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "")), page: String(p) })}`;
  const field = "rounded border border-slate-400 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Activity</h1>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the activity">
        <label className="text-sm">User<br />
          <select name="user" defaultValue={filter.user ?? ""} className={field}>
            <option value="">Anyone</option>
            {users.map((u) => <option key={u.id} value={u.id}>{u.name} ({u.email})</option>)}
          </select>
        </label>
        <label className="text-sm">Record type<br />
          <select name="type" defaultValue={filter.type ?? ""} className={field}>
            <option value="">Any</option>
            {ACTIVITY_ENTITY_TYPES.map((t) => <option key={t} value={t}>{words(t)}</option>)}
          </select>
        </label>
        <label className="text-sm">Action<br />
          <select name="action" defaultValue={filter.action ?? ""} className={field}>
            <option value="">Any</option>
            {ACTIVITY_ACTIONS.map((a) => <option key={a} value={a}>{words(a)}</option>)}
          </select>
        </label>
        <label className="text-sm">From<br /><input type="date" name="from" defaultValue={filter.from ?? ""} className={field} /></label>
        <label className="text-sm">To<br /><input type="date" name="to" defaultValue={filter.to ?? ""} className={field} /></label>
        <button type="submit" className={buttonClass}>Filter</button>
      </form>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Activity, newest first</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            <th scope="col" className="py-2 pr-3">When (UTC)</th>
            <th scope="col" className="py-2 pr-3">Who</th>
            <th scope="col" className="py-2 pr-3">What</th>
            <th scope="col" className="py-2 pr-3">Record</th>
            <th scope="col" className="py-2 pr-3">Changed fields</th>
            <th scope="col" className="py-2 pr-3">From</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr><td colSpan={6} className="py-3">No activity matches these filters.</td></tr>
          ) : null}
          {rows.map((e) => {
            const href = e.entityType && e.entityId ? HREF[e.entityType]?.(e.entityId) : undefined;
            const changed = e.changedFields;
            return (
              <tr key={e.id} className="border-b border-slate-200 align-top dark:border-slate-800">
                <td className="py-1.5 pr-3 font-mono">{e.occurredAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td className="py-1.5 pr-3">{e.user?.name ?? "system"}</td>
                <td className="py-1.5 pr-3">
                  {words(e.action)} {e.outcome && e.outcome !== "success" ? <Badge tone="warning">{e.outcome}</Badge> : null}
                </td>
                <td className="py-1.5 pr-3">
                  {e.entityType ? (
                    e.recordName ? (
                      <>
                        <span className="text-slate-600 dark:text-slate-400">{words(e.entityType)}:</span> {e.recordName}
                      </>
                    ) : (
                      `${words(e.entityType)} #${e.entityId}`
                    )
                  ) : (
                    "—"
                  )}
                  {href ? <> · <Link className="text-blue-700 underline dark:text-blue-400" href={href}>open</Link></> : null}
                  {href && e.entityType !== "USER" ? <> · <Link className="text-blue-700 underline dark:text-blue-400" href={`/history/${historyType(e.entityType!)}/${e.entityId}`}>history</Link></> : null}
                </td>
                <td className="py-1.5 pr-3">{changed.slice(0, 6).join(", ")}{changed.length > 6 ? "…" : ""}</td>
                <td className="py-1.5 pr-3 font-mono">{e.ip ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {page > 1 ? <Link className="text-blue-700 underline dark:text-blue-400" href={pageHref(page - 1)}>Newer</Link> : null}
        <span>Page {page}</span>
        {hasNext ? <Link className="text-blue-700 underline dark:text-blue-400" href={pageHref(page + 1)}>Older</Link> : null}
      </nav>
    </div>
  );
}

function historyType(entityType: string): string {
  const map: Record<string, string> = {
    DIPLOMATIC_REQUEST: "request", CONCERN: "concern", ARMS_TRANSFER: "transfer", INSPECTION: "inspection",
    SOURCE: "source", ACTOR: "actor", WEAPON_SYSTEM: "weaponSystem", QUOTE: "quote",
  };
  return map[entityType] ?? "request";
}
