import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { searchFilter } from "@/components/lists/filters";
import { ListView } from "@/components/lists/list-view";
import { requirePageUser } from "@/lib/auth/current-user";
import { listCountryPage, listRegions } from "@/lib/db/lists/countries";
import { parseListParams, type RawSearchParams } from "@/lib/lists/params";

export const metadata: Metadata = { title: "Countries" };

export default async function CountriesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await connection();
  const viewer = await requirePageUser("/countries");
  const { params, messages } = parseListParams("countries", await searchParams);
  const [page, regions] = await Promise.all([listCountryPage(viewer, params), listRegions(viewer)]);
  return (
    <ListView
      title="Countries"
      intro="Every country of ISO 3166-1, with the diplomatic requests each made and received and its unresolved concerns."
      plural="countries"
      params={params}
      messages={messages}
      page={page}
      filters={[
        searchFilter(params, "Search countries", "Name, official name, or a two- or three-letter code."),
        {
          kind: "select",
          name: "region",
          label: "Region",
          value: params.region ?? "",
          anyLabel: "Any region",
          options: regions.map((r) => ({ value: r, label: r })),
        },
      ]}
      columns={[
        {
          key: "name",
          header: "Country",
          sort: "name",
          cell: (c) => (
            <Link href={`/countries/${c.alpha2}`} className="font-medium text-blue-700 underline dark:text-blue-400">
              {c.name}
            </Link>
          ),
        },
        { key: "alpha2", header: "Alpha-2", sort: "alpha2", cell: (c) => <span className="font-mono">{c.alpha2}</span> },
        { key: "alpha3", header: "Alpha-3", cell: (c) => <span className="font-mono">{c.alpha3}</span> },
        { key: "numeric", header: "Numeric", cell: (c) => <span className="font-mono">{c.numeric}</span> },
        { key: "region", header: "Region", sort: "region", cell: (c) => c.region ?? "—" },
        { key: "made", header: "Requests made", sort: "made", align: "right", cell: (c) => c.requestsMade },
        { key: "received", header: "Requests received", sort: "received", align: "right", cell: (c) => c.requestsReceived },
        { key: "unresolved", header: "Unresolved concerns", sort: "unresolved", align: "right", cell: (c) => c.unresolvedConcerns },
      ]}
    />
  );
}
