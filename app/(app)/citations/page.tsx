import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { RelatedListView } from "@/components/records/related-list-view";
import { requirePageUser } from "@/lib/auth/current-user";
import { listCitations } from "@/lib/records/related-lists";
import { credibilityLabel } from "@/lib/records/source/definition";
import type { RawSearchParams } from "@/lib/lists/params";
import { CITATION_FILTERS, parseRelatedListParams, type CitationFilter } from "@/lib/lists/related-params";
import { quoted } from "@/lib/format/quotes";

export const metadata: Metadata = { title: "Citations" };

const link = "text-blue-700 underline dark:text-blue-400";

const FILTERED: Record<CitationFilter, { what: string; path: string }> = {
  source: { what: "of source", path: "/sources" },
  request: { what: "by diplomatic request", path: "/requests" },
  concern: { what: "by concern", path: "/concerns" },
  transfer: { what: "by transfer", path: "/transfers" },
  inspection: { what: "by inspection", path: "/inspections" },
  actor: { what: "by actor", path: "/actors" },
  weaponSystem: { what: "by weapon system", path: "/weapon-systems" },
  quote: { what: "by quote", path: "/quotes" },
};

/** Every citation, or those of one source or by one record: what the record pages' "See all N citations" opens. */
export default async function CitationsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await connection();
  const viewer = await requirePageUser("/citations");
  const { params, messages } = parseRelatedListParams(CITATION_FILTERS, await searchParams);
  const page = await listCitations(viewer, params);
  const f = params.filter ? { ...FILTERED[params.filter.key], id: params.filter.id } : null;
  return (
    <RelatedListView
      title="Citations"
      path="/citations"
      plural="citations"
      filter={f ? { label: `${f.what} ${f.id}`, href: `${f.path}/${f.id}` } : null}
      params={params}
      messages={messages}
      page={page}
    >
      <ul className="space-y-3 text-sm">
        {page.rows.map((c) => (
          <li key={c.citationId} className="border-l-2 border-slate-300 pl-3 dark:border-slate-700">
            <div>
              <Link className={`font-medium ${link}`} href={`/sources/${c.source.id}`}>{c.source.title}</Link>
              {" cited by "}
              <Link className={link} href={c.href}>{c.label}</Link>
              {c.detail && !c.label.includes(c.detail) ? <span className="text-slate-600 dark:text-slate-400"> ({c.detail})</span> : null}
            </div>
            {c.passage ? <blockquote className="mt-1 italic text-slate-700 dark:text-slate-300">{quoted(c.passage)}</blockquote> : <p className="text-slate-600 dark:text-slate-400">No passage quoted.</p>}
            <p className="text-xs text-slate-600 dark:text-slate-400">
              Credibility: {c.credibility ? (credibilityLabel[c.credibility] ?? c.credibility) : "not graded"}
              {c.note ? ` · ${c.note}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </RelatedListView>
  );
}
