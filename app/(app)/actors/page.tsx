import type { Metadata } from "next";
import { connection } from "next/server";
import { RecordStateBadges, VerifiedBadge } from "@/components/lists/badges";
import { countryFilter, deletedFilter, enumFilter, searchFilter, verifiedFilter } from "@/components/lists/filters";
import { ListView } from "@/components/lists/list-view";
import { requirePageUser } from "@/lib/auth/current-user";
import { listActors } from "@/lib/records/actor/list";
import { listCountryOptions } from "@/lib/db/lists/countries";
import { actorKindLabel } from "@/lib/format/labels";
import { parseListParams, type RawSearchParams } from "@/lib/lists/params";
import { can } from "@/lib/permissions";
import { RecordLink } from "@/components/records/record-link";

export const metadata: Metadata = { title: "Actors" };

export default async function ActorsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await connection();
  const viewer = await requirePageUser("/actors");
  const { params, messages } = parseListParams("actors", await searchParams);
  const [page, countries] = await Promise.all([listActors(viewer, params), listCountryOptions(viewer)]);
  return (
    <ListView
      title="Actors"
      intro="People, government bodies, organisations and armed groups."
      plural="actors"
      params={params}
      messages={messages}
      page={page}
      filters={[
        searchFilter(params, "Search actors", "Name, title, affiliation and notes."),
        countryFilter(params, countries),
        enumFilter(params, "kind", "Kind", actorKindLabel, "Any kind"),
        verifiedFilter(params),
        ...deletedFilter(params, can(viewer.role, "record:restore")),
      ]}
      columns={[
        {
          key: "name",
          header: "Actor",
          sort: "name",
          cell: (a) => (
            <>
              <RecordLink type="actor" record={a} className="font-medium text-blue-700 underline dark:text-blue-400" />
              <RecordStateBadges visibility={a.visibility} deletedAt={a.deletedAt} />
              {a.title || a.affiliation ? (
                <div className="text-xs text-slate-600 dark:text-slate-400">{[a.title, a.affiliation].filter(Boolean).join(", ")}</div>
              ) : null}
            </>
          ),
        },
        { key: "kind", header: "Kind", sort: "kind", cell: (a) => actorKindLabel[a.kind] },
        { key: "country", header: "Country", cell: (a) => a.country ?? "Unknown" },
        { key: "verified", header: "Verification", cell: (a) => <VerifiedBadge verified={a.verified} /> },
      ]}
    />
  );
}
