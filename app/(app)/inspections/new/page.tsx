import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RecordForm } from "@/components/forms/record-form";
import { parseId } from "@/components/record-parts";
import { requirePageUser } from "@/lib/auth/current-user";
import { getTransfer } from "@/lib/records/transfer/queries";
import { countryOptions } from "@/lib/records/request/queries";
import { emptyInspectionValues, inspectionFields } from "@/lib/records/inspection/definition";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "New inspection" };

type Props = { searchParams: Promise<{ transferId?: string }> };

export default async function NewInspectionPage({ searchParams }: Props) {
  await connection();
  const viewer = await requirePageUser("/inspections/new");
  if (!can(viewer.role, "record:create")) notFound();
  const values = emptyInspectionValues();

  // From a transfer's page: the transfer, its weapon system and recipient (the usual host).
  const { transferId } = await searchParams;
  const id = typeof transferId === "string" ? parseId(transferId) : null;
  const transfer = id ? await getTransfer(viewer, id) : null;
  if (transfer) {
    values.transferId = transfer.id;
    values.weaponSystemId = transfer.weaponSystem?.id ?? null;
    values.hostCountryId = transfer.recipient.id;
  }

  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">New inspection</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Required: the host country and the status. Dates may be a year, a month or a day; leave them empty when unknown.
      </p>
      <RecordForm
        type="inspection"
        initialValues={values}
        fields={inspectionFields}
        countries={await countryOptions()}
        submitLabel="Save inspection"
        cancelHref={transfer ? `/transfers/${transfer.id}` : "/inspections"}
      />
    </div>
  );
}
