import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RecordForm } from "@/components/forms/record-form";
import { requirePageUser } from "@/lib/auth/current-user";
import { countryOptions } from "@/lib/records/request/queries";
import { emptyTransferValues, transferFields } from "@/lib/records/transfer/definition";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "New arms transfer" };

export default async function NewTransferPage() {
  await connection();
  const viewer = await requirePageUser("/transfers/new");
  if (!can(viewer.role, "record:create")) notFound();
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">New arms transfer</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Required: both countries and the status. Leave any figure empty when it is not known; tick “estimated” when a source gives only an estimate.
      </p>
      <RecordForm
        type="transfer"
        initialValues={emptyTransferValues()}
        fields={transferFields}
        countries={await countryOptions()}
        submitLabel="Save transfer"
        cancelHref="/transfers"
      />
    </div>
  );
}
