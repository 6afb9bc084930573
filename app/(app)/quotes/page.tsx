import type { Metadata } from "next";
import { connection } from "next/server";
import { RelatedListView } from "@/components/records/related-list-view";
import { requirePageUser } from "@/lib/auth/current-user";
import { listQuotes } from "@/lib/records/related-lists";
import { QuoteAbout, RecordLink } from "@/components/records/record-link";
import { formatVagueDate } from "@/lib/format/dates";
import type { RawSearchParams } from "@/lib/lists/params";
import { QUOTE_FILTERS, parseRelatedListParams } from "@/lib/lists/related-params";

export const metadata: Metadata = { title: "Quotes" };


const FILTERED: Record<(typeof QUOTE_FILTERS)[number], { what: string; href: (id: number) => string }> = {
  speaker: { what: "said by actor", href: (id) => `/actors/${id}` },
  request: { what: "about diplomatic request", href: (id) => `/requests/${id}` },
  concern: { what: "about concern", href: (id) => `/concerns/${id}` },
  transfer: { what: "about transfer", href: (id) => `/transfers/${id}` },
  inspection: { what: "about inspection", href: (id) => `/inspections/${id}` },
};

/** Every quote, or those by one actor or about one record: what the record pages' "See all N quotes" opens. */
export default async function QuotesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await connection();
  const viewer = await requirePageUser("/quotes");
  const { params, messages } = parseRelatedListParams(QUOTE_FILTERS, await searchParams);
  const page = await listQuotes(viewer, params);
  const f = params.filter ? FILTERED[params.filter.key] : null;
  return (
    <RelatedListView
      title="Quotes"
      path="/quotes"
      plural="quotes"
      filter={f && params.filter ? { label: `${f.what} ${params.filter.id}`, href: f.href(params.filter.id) } : null}
      params={params}
      messages={messages}
      page={page}
    >
      <ul className="space-y-3 text-sm">
        {page.rows.map((q) => {
          return (
            <li key={q.id} className="border-l-2 border-slate-300 pl-3 dark:border-slate-700">
              <RecordLink type="quote" record={q} />
              {q.saidOn ? ` (${formatVagueDate(q.saidOn, q.saidOnPrecision)})` : ""}
              <QuoteAbout quote={q} />
            </li>
          );
        })}
      </ul>
    </RelatedListView>
  );
}
