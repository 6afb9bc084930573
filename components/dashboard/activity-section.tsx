// Recent activity: the requests logged last and the latest concern status changes.
import Link from "next/link";
import { ListBox, instant, linkClass, mutedClass, vagueDay } from "@/components/dashboard/parts";
import type { RecentRequestRow, StatusChangeRow } from "@/lib/dashboard/queries";
import { concernStatusLabel, labelOrUnknown, requestAskLabel, requestResponseLabel } from "@/lib/format/labels";

export function ActivitySection({
  requests,
  changes,
  filtered,
}: {
  requests: RecentRequestRow[];
  changes: StatusChangeRow[];
  filtered: boolean;
}) {
  return (
    <section aria-labelledby="activity-title" className="space-y-3">
      <h2 id="activity-title" className="text-xl font-semibold">
        Recent activity
      </h2>
      <div className="grid gap-3 lg:grid-cols-2">
        <ListBox
          id="latest-requests"
          title="Requests logged last"
          empty={requests.length ? null : filtered ? "No diplomatic requests match these filters." : "No requests have been logged yet."}
        >
          <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
            {requests.map((r) => (
              <li key={r.id} className="py-1.5">
                <Link href={`/requests/${r.id}`} className={linkClass}>
                  {r.title}
                </Link>
                <div className={mutedClass}>
                  {vagueDay(r.occurredOn, r.occurredOnPrecision)} · {r.requestingCountry} <span aria-hidden="true">→</span>
                  <span className="sr-only">to</span> {r.targetCountry} · {requestAskLabel[r.ask]} ·{" "}
                  {labelOrUnknown(requestResponseLabel, r.response, "Response unknown")} · logged {instant(r.createdAt)}
                </div>
              </li>
            ))}
          </ul>
        </ListBox>
        <ListBox
          id="latest-status-changes"
          title="Latest concern status changes"
          empty={changes.length ? null : filtered ? "No status changes match these filters." : "No status changes yet."}
        >
          <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
            {changes.map((c) => (
              <li key={c.id} className="py-1.5">
                <Link href={`/concerns/${c.concernId}`} className={linkClass}>
                  {c.title}
                </Link>
                <div className={mutedClass}>
                  {c.fromStatus ? `From ${concernStatusLabel[c.fromStatus]} to ` : "Opened as "}
                  {concernStatusLabel[c.toStatus]} · {instant(c.changedAt)}
                  {c.changedBy ? ` · by ${c.changedBy}` : ""}
                </div>
                <p className="line-clamp-2">{c.note}</p>
              </li>
            ))}
          </ul>
        </ListBox>
      </div>
    </section>
  );
}
