import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RecordForm } from "@/components/forms/record-form";
import { parseId } from "@/components/record-parts";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getTransfer, transferTitle } from "@/lib/records/transfer/queries";
import { countryOptions } from "@/lib/records/request/queries";
import { transferFields } from "@/lib/records/transfer/definition";
import { canEdit } from "@/lib/permissions";
import { visibleFormValues } from "@/lib/records/links";
import { transferRecord } from "@/lib/records/transfer/service";

export const metadata: Metadata = { title: "Edit transfer" };

type Props = { params: Promise<{ id: string }> };

export default async function EditTransferPage({ params }: Props) {
  await connection();
  const raw = (await params).id;
  const viewer = await requirePageUser(`/transfers/${encodeURIComponent(raw)}/edit`);
  const id = parseId(raw);
  const transfer = id ? await getTransfer(viewer, id) : null;
  // Not there, not visible, or not theirs to edit: the edit page does not exist for them.
  if (!transfer || !canEdit(viewer, transfer)) notFound();
  // Without the ids of linked records this viewer may not see (they would be in the page's payload); saving keeps them.
  const values = await visibleFormValues(transferRecord, viewer, transfer.id, getDb());
  if (!values) notFound();
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">Edit transfer</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">{transferTitle(transfer)}</p>
      <RecordForm
        type="transfer"
        id={transfer.id}
        version={transfer.version}
        initialValues={values}
        fields={transferFields}
        countries={await countryOptions()}
        submitLabel="Save changes"
        cancelHref={`/transfers/${transfer.id}`}
      />
    </div>
  );
}
