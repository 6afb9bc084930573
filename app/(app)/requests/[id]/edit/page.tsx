import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RecordForm } from "@/components/forms/record-form";
import { parseId } from "@/components/record-parts";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { countryOptions, getRequest } from "@/lib/records/request/queries";
import { requestFields } from "@/lib/records/request/definition";
import { canEdit } from "@/lib/permissions";
import { visibleFormValues } from "@/lib/records/links";
import { requestRecord } from "@/lib/records/request/service";

export const metadata: Metadata = { title: "Edit request" };

type Props = { params: Promise<{ id: string }> };

export default async function EditRequestPage({ params }: Props) {
  await connection();
  const raw = (await params).id;
  const viewer = await requirePageUser(`/requests/${encodeURIComponent(raw)}/edit`);
  const id = parseId(raw);
  const request = id ? await getRequest(viewer, id) : null;
  // Not there, not visible, or not theirs to edit: the edit page does not exist for them.
  if (!request || !canEdit(viewer, request)) notFound();
  // Without the ids of linked records this viewer may not see (they would be in the page's payload); saving keeps them.
  const values = await visibleFormValues(requestRecord, viewer, request.id, getDb());
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">Edit request</h1>
      <RecordForm
        type="request"
        id={request.id}
        version={request.version}
        initialValues={values!}
        fields={requestFields}
        countries={await countryOptions()}
        submitLabel="Save changes"
        cancelHref={`/requests/${request.id}`}
      />
    </div>
  );
}
