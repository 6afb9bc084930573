import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Badge } from "@/components/badge";
import { parseId } from "@/lib/validation/ids";
import { RestoreVersionButton } from "@/components/records/restore-version-button";
import { requirePageUser } from "@/lib/auth/current-user";
import { mayOpenRecord } from "@/lib/pages/record-page";
import { can } from "@/lib/permissions";
import { RECORDS, RECORD_TYPES, type RecordType } from "@/lib/records/registry";
import { historyView } from "@/lib/records/history";

export const metadata: Metadata = { title: "History" };

type Props = { params: Promise<{ type: string; id: string }> };

const ACTION_WORDS: Record<string, string> = {
  CREATE: "Created",
  UPDATE: "Edited",
  DELETE: "Deleted",
  RESTORE: "Restored",
  VERIFY: "Verified",
  STATUS_CHANGE: "Status changed",
  IMPORT: "Imported",
};

export default async function HistoryPage({ params }: Props) {
  await connection();
  const { type, id: rawId } = await params;
  const viewer = await requirePageUser(`/history/${encodeURIComponent(type)}/${encodeURIComponent(rawId)}`);
  const id = parseId(rawId);
  if (!id || !(RECORD_TYPES as readonly string[]).includes(type)) notFound();
  const config = RECORDS[type as RecordType];
  // The record's own rule (its page answers 404 just the same): a deleted
  // record's history only for those who may restore it, a restricted one's
  // only for editors, admins and its author.
  if (!(await mayOpenRecord(viewer, config, id))) notFound();
  const history = await historyView(viewer, type as RecordType, id);
  if (!history) notFound();
  const currentVersion = Math.max(0, ...history.map((h) => h.version ?? 0));
  const mayRestore = can(viewer.role, "record:restore");

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={config.href(id)} className="text-blue-700 underline dark:text-blue-400">Back to the {config.label.toLowerCase()}</Link>
      </p>
      <h1 className="text-2xl font-semibold">History of this {config.label.toLowerCase()}</h1>
      {history.length === 0 ? <p>No recorded change (loaded with the demo data).</p> : null}
      <ol className="space-y-4">
        {history.map((h) => {
          const meta = (h.metadata ?? {}) as { restoredVersion?: number; fileName?: string; note?: string };
          return (
            <li key={h.id} className="rounded border border-slate-200 p-3 dark:border-slate-800">
              <div className="flex flex-wrap items-center gap-2">
                <Badge>{ACTION_WORDS[h.action] ?? h.action}</Badge>
                {h.version ? <span className="text-sm">version {h.version}</span> : null}
                <span className="text-sm text-slate-600 dark:text-slate-400">
                  {h.occurredAt.toISOString().replace("T", " ").slice(0, 16)} UTC by {h.user ?? "the system"}
                </span>
                {meta.restoredVersion ? <span className="text-sm">(back to version {meta.restoredVersion})</span> : null}
                {h.action === "STATUS_CHANGE" && typeof meta.note === "string" && meta.note ? <span className="text-sm">“{meta.note}”</span> : null}
                {h.action === "IMPORT" && meta.fileName ? (
                  <span className="text-sm">from the CSV file “{meta.fileName}”</span>
                ) : null}
                {mayRestore && h.restorable && h.version ? (
                  <RestoreVersionButton type={type} id={id} eventId={h.id} version={currentVersion} label={`Restore version ${h.version}`} />
                ) : null}
              </div>
              {h.rows.length > 0 ? (
                <table className="mt-2 w-full text-left text-sm">
                  <caption className="sr-only">Changed fields</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="w-1/4 pr-3">Field</th>
                      <th scope="col" className="pr-3">Before</th>
                      <th scope="col">After</th>
                    </tr>
                  </thead>
                  <tbody>
                    {h.rows.map((r) => (
                      <tr key={r.name} className="align-top">
                        <th scope="row" className="pr-3 font-medium">{r.label}</th>
                        <td className="pr-3 text-red-800 dark:text-red-300"><del>{r.before}</del></td>
                        <td className="text-emerald-800 dark:text-emerald-300"><ins>{r.after}</ins></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
