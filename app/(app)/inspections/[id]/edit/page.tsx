import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RecordForm } from "@/components/forms/record-form";
import { parseId } from "@/components/record-parts";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getInspection, inspectionTitle } from "@/lib/records/inspection/queries";
import { countryOptions } from "@/lib/records/request/queries";
import { inspectionFields } from "@/lib/records/inspection/definition";
import { canEdit } from "@/lib/permissions";
import { visibleFormValues } from "@/lib/records/links";
import { inspectionRecord } from "@/lib/records/inspection/service";

export const metadata: Metadata = { title: "Edit inspection" };

type Props = { params: Promise<{ id: string }> };

export default async function EditInspectionPage({ params }: Props) {
  await connection();
  const raw = (await params).id;
  const viewer = await requirePageUser(`/inspections/${encodeURIComponent(raw)}/edit`);
  const id = parseId(raw);
  const inspection = id ? await getInspection(viewer, id) : null;
  // Not there, not visible, or not theirs to edit: the edit page does not exist for them.
  if (!inspection || !canEdit(viewer, inspection)) notFound();
  // Without the ids of linked records this viewer may not see (they would be in the page's payload); saving keeps them.
  const values = await visibleFormValues(inspectionRecord, viewer, inspection.id, getDb());
  if (!values) notFound();
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">Edit inspection</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">{inspectionTitle(inspection)}</p>
      <RecordForm
        type="inspection"
        id={inspection.id}
        version={inspection.version}
        initialValues={values}
        fields={inspectionFields}
        countries={await countryOptions()}
        submitLabel="Save changes"
        cancelHref={`/inspections/${inspection.id}`}
      />
    </div>
  );
}
