import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ImportForm } from "@/components/import/import-form";
import { requirePageUser } from "@/lib/auth/current-user";
import { formatBytes, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ImportKind } from "@/lib/import/limits";
import { REQUEST_COLUMNS } from "@/lib/import/requests";
import type { ColumnSpec } from "@/lib/import/table";
import { TRANSFER_COLUMNS } from "@/lib/import/transfers";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Import from CSV" };

function ColumnList({ columns, caption }: { columns: readonly ColumnSpec<string>[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            <th scope="col" className="py-1.5 pr-3">Column</th>
            <th scope="col" className="py-1.5 pr-3">Also accepted</th>
            <th scope="col" className="py-1.5 pr-3">Holds</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.key} className="border-b border-slate-200 align-top dark:border-slate-800">
              <th scope="row" className="py-1.5 pr-3 font-medium">
                {c.header}
                {c.required ? <span className="ml-1 text-xs font-normal text-slate-600 dark:text-slate-400">(required)</span> : null}
              </th>
              <td className="py-1.5 pr-3 text-slate-700 dark:text-slate-300">{c.aliases?.length ? c.aliases.join(", ") : "—"}</td>
              <td className="py-1.5 pr-3">{c.help}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const viewer = await requirePageUser("/import");
  const kind: ImportKind = (await searchParams).kind === "requests" ? "requests" : "transfers";
  if (!can(viewer.role, "record:create")) {
    return (
      <div className="max-w-3xl space-y-3">
        <h1 className="text-2xl font-semibold">Import from CSV</h1>
        <p>
          Importing creates records, which your role ({viewer.role.toLowerCase()}) may not do. An admin can give you the analyst role.{" "}
          <Link href="/transfers" className="text-blue-700 underline dark:text-blue-400">Back to the transfers</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-5xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Import from CSV</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Arms transfers in the layout of a trade register (SIPRI’s), or diplomatic requests. Checking the file writes nothing: it shows, row by
          row, what will be created, what an earlier import already holds, and every problem. The import then writes all the rows or none.
          At most {formatBytes(MAX_IMPORT_BYTES)} and {MAX_IMPORT_ROWS.toLocaleString("en")} rows, in UTF-8.
        </p>
      </div>
      <ImportForm
        initialKind={kind}
        columnHelp={{
          transfers: <ColumnList columns={TRANSFER_COLUMNS} caption="Columns of an arms-transfer file" />,
          requests: <ColumnList columns={REQUEST_COLUMNS} caption="Columns of a file of diplomatic requests" />,
        }}
      />
    </div>
  );
}
