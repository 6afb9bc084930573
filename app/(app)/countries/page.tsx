import type { Metadata } from "next";
import { connection } from "next/server";
import { requirePageUser } from "@/lib/auth/current-user";
import { listCountries } from "@/lib/db/countries";

export const metadata: Metadata = { title: "Countries" };

export default async function CountriesPage() {
  await connection();
  const viewer = await requirePageUser("/countries");
  const countries = await listCountries(viewer);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Countries</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {countries.length} countries (ISO 3166-1), with the diplomatic requests each made and received and its unresolved concerns.
        </p>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Countries</caption>
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-700">
              <th scope="col" className="py-2 pr-3">Country</th>
              <th scope="col" className="py-2 pr-3">Alpha-2</th>
              <th scope="col" className="py-2 pr-3">Alpha-3</th>
              <th scope="col" className="py-2 pr-3">Numeric</th>
              <th scope="col" className="py-2 pr-3">Region</th>
              <th scope="col" className="py-2 pr-3 text-right">Requests made</th>
              <th scope="col" className="py-2 pr-3 text-right">Requests received</th>
              <th scope="col" className="py-2 pr-3 text-right">Unresolved concerns</th>
            </tr>
          </thead>
          <tbody>
            {countries.map((c) => (
              <tr key={c.id} className="border-b border-slate-200 dark:border-slate-800">
                <th scope="row" className="py-1.5 pr-3 font-normal">{c.name}</th>
                <td className="py-1.5 pr-3 font-mono">{c.alpha2}</td>
                <td className="py-1.5 pr-3 font-mono">{c.alpha3}</td>
                <td className="py-1.5 pr-3 font-mono">{c.numeric}</td>
                <td className="py-1.5 pr-3">{c.region ?? "—"}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{c.requestsMade}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{c.requestsReceived}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{c.unresolvedConcerns}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
