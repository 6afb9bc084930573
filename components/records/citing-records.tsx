// The records that cite a source, grouped by type, each with its citations
// of the source (passage, credibility): the source page's "Cited by" and
// the list of all of them (/citations?source=N).
import Link from "next/link";
import type { CitingRecord } from "@/lib/records/source/queries";
import { credibilityLabel } from "@/lib/records/source/definition";
import type { CitationTarget } from "@/lib/validation/citations";
import { quoted } from "@/lib/format/quotes";

const link = "text-blue-700 underline dark:text-blue-400";

/** The citing records, grouped by type in this order. */
const GROUPS: { type: CitationTarget; title: string }[] = [
  { type: "concern", title: "Concerns" },
  { type: "request", title: "Diplomatic requests" },
  { type: "transfer", title: "Arms transfers" },
  { type: "inspection", title: "Inspections" },
  { type: "quote", title: "Quotes" },
  { type: "actor", title: "Actors" },
  { type: "weaponSystem", title: "Weapon systems" },
];

export function CitingRecords({ citedBy }: { citedBy: CitingRecord[] }) {
  return (
    <>
        {GROUPS.map((g) => {
          const rows = citedBy.filter((c) => c.type === g.type);
          if (rows.length === 0) return null;
          // One entry per citing record, with each of its citations of this source.
          const byRecord = new Map<number, CitingRecord[]>();
          for (const c of rows) byRecord.set(c.id, [...(byRecord.get(c.id) ?? []), c]);
          return (
            <div key={g.type} className="space-y-2">
              <h3 className="font-semibold">{g.title} ({byRecord.size})</h3>
              <ul className="space-y-3">
                {[...byRecord.values()].map((citations) => <CitingEntry key={citations[0]!.id} citations={citations} />)}
              </ul>
            </div>
          );
        })}
    </>
  );
}

function CitingEntry({ citations }: { citations: CitingRecord[] }) {
  const record = citations[0]!;
  return (
    <li className="border-l-2 border-slate-300 pl-3 text-sm dark:border-slate-700">
      <div>
        <Link className={`font-medium ${link}`} href={record.href}>{record.label}</Link>
        {record.detail && !record.label.includes(record.detail) ? <span className="text-slate-600 dark:text-slate-400"> ({record.detail})</span> : null}
      </div>
      <ul className="mt-1 space-y-2">
        {citations.map((c) => (
          <li key={c.citationId}>
            {c.passage ? <blockquote className="italic text-slate-700 dark:text-slate-300">{quoted(c.passage)}</blockquote> : <p className="text-slate-600 dark:text-slate-400">No passage quoted.</p>}
            <p className="text-xs text-slate-600 dark:text-slate-400">
              Credibility: {c.credibility ? (credibilityLabel[c.credibility] ?? c.credibility) : "not graded"}
              {c.note ? ` · ${c.note}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </li>
  );
}
