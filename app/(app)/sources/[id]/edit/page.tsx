import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RecordForm } from "@/components/forms/record-form";
import { parseId } from "@/components/record-parts";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getSource } from "@/lib/records/source/queries";
import { sourceFields } from "@/lib/records/source/definition";
import { canEdit } from "@/lib/permissions";
import { visibleFormValues } from "@/lib/records/links";
import { sourceRecord } from "@/lib/records/source/service";

export const metadata: Metadata = { title: "Edit source" };

type Props = { params: Promise<{ id: string }> };

export default async function EditSourcePage({ params }: Props) {
  await connection();
  const raw = (await params).id;
  const viewer = await requirePageUser(`/sources/${encodeURIComponent(raw)}/edit`);
  const id = parseId(raw);
  const source = id ? await getSource(viewer, id) : null;
  // Not there, not visible, or not theirs to edit: the edit page does not exist for them.
  if (!source || !canEdit(viewer, source)) notFound();
  // Without the ids of linked records this viewer may not see (they would be in the page's payload); saving keeps them.
  const values = await visibleFormValues(sourceRecord, viewer, source.id, getDb());
  if (!values) notFound();
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">Edit source</h1>
      <RecordForm
        type="source"
        id={source.id}
        version={source.version}
        initialValues={values}
        fields={sourceFields}
        countries={[]}
        submitLabel="Save changes"
        cancelHref={`/sources/${source.id}`}
      />
    </div>
  );
}
