import Link from "next/link";
import { connection } from "next/server";
import { Badge } from "@/components/badge";
import { requirePageUser } from "@/lib/auth/current-user";
import { listUnresolvedConcerns } from "@/lib/db/concerns";
import { formatVagueDate } from "@/lib/format/dates";
import { concernCategoryLabel, concernStatusLabel, severityLabel } from "@/lib/format/labels";

export default async function HomePage() {
  await connection();
  const viewer = await requirePageUser("/");
  const concerns = await listUnresolvedConcerns(viewer);
  const today = new Date();

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Unresolved concerns</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Arms-sale concerns that are open or under monitoring, oldest first.
        </p>
      </div>
      {concerns.length === 0 ? (
        <p>No unresolved concerns.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Unresolved concerns</caption>
            <thead>
              <tr className="border-b border-slate-300 dark:border-slate-700">
                <th scope="col" className="py-2 pr-3">Concern</th>
                <th scope="col" className="py-2 pr-3">Severity</th>
                <th scope="col" className="py-2 pr-3">Status</th>
                <th scope="col" className="py-2 pr-3">Countries</th>
                <th scope="col" className="py-2 pr-3">Open since</th>
                <th scope="col" className="py-2 pr-3 text-right">Requests</th>
              </tr>
            </thead>
            <tbody>
              {concerns.map((c) => {
                const overdue = c.nextReviewOn !== null && c.nextReviewOn < today;
                return (
                  <tr key={c.id} className="border-b border-slate-200 align-top dark:border-slate-800">
                    <td className="py-2 pr-3">
                      <Link href={`/concerns/${c.id}`} className="font-medium text-blue-700 underline dark:text-blue-400">
                        {c.title}
                      </Link>
                      <div className="text-xs text-slate-600 dark:text-slate-400">{concernCategoryLabel[c.category]}</div>
                      {overdue ? <Badge tone="warning">Overdue for review</Badge> : null}
                    </td>
                    <td className="py-2 pr-3">
                      <Badge tone={c.severity === "HIGH" || c.severity === "CRITICAL" ? "danger" : "neutral"}>
                        {severityLabel[c.severity]}
                      </Badge>
                    </td>
                    <td className="py-2 pr-3">{concernStatusLabel[c.status]}</td>
                    <td className="py-2 pr-3">{c.countryLinks.map((l) => l.country.name).join(", ")}</td>
                    <td className="py-2 pr-3">{formatVagueDate(c.openedOn, c.openedOnPrecision)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{c._count.requestLinks}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
