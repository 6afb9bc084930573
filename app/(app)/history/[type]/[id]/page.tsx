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
  CITATION_ADDED: "Source cited",
  CITATION_REMOVED: "Citation removed",
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
              {h.citation ? (
                <p className="mt-2 text-sm">
                  {h.citation.added ? "Source cited: " : "Citation removed: "}
                  <span className="font-medium">{h.citation.source}</span>
                  {h.citation.passage ? <>, passage {quoted(h.citation.passage)}</> : null}
                  {h.citation.credibility ? <>; credibility {h.citation.credibility}</> : null}
                  {h.citation.note ? <>; note: {h.citation.note}</> : null}
                </p>
              ) : null}
              {h.rows.length > 0 ? (
                // One layout for every card: fixed columns, so Field, Before and After line up from card to card.
                <table className="mt-2 w-full table-fixed border-collapse text-left text-sm">
                  <caption className="sr-only">Changed fields</caption>
                  <colgroup>
                    <col className="w-1/4" />
                    <col className="w-[37.5%]" />
                    <col className="w-[37.5%]" />
                  </colgroup>
                  <thead>
                    <tr className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-400">
                      <th scope="col" className="py-1 pr-3 font-medium">Field</th>
                      <th scope="col" className="py-1 pr-3 font-medium">Before</th>
                      <th scope="col" className="py-1 font-medium">After</th>
                    </tr>
                  </thead>
                  <tbody>
                    {h.rows.map((r) => (
                      <tr key={r.name} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-900">
                        <th scope="row" className="py-1 pr-3 font-medium break-words">{r.label}</th>
                        <td className="py-1 pr-3 break-words">
                          {/* Before: struck through (a marker that is not only a colour); empty stays a plain dash. */}
                          {r.before === "—" ? <span className="text-slate-500 dark:text-slate-400">—</span> : <del className="history-before">{r.before}</del>}
                        </td>
                        <td className="py-1 break-words">
                          {/* After: plain text, not underlined (it is not a link). */}
                          {r.after === "—" ? <span className="text-slate-500 dark:text-slate-400">—</span> : <ins className="history-after">{r.after}</ins>}
                        </td>
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

/** A passage in typographic quotes, without doubling those it already has. */
function quoted(text: string): string {
  const bare = text.trim().replace(/^[“"«]+|[”"»]+$/g, "");
  return `“${bare}”`;
}
