import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RecordForm } from "@/components/forms/record-form";
import { parseId } from "@/components/record-parts";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getConcern } from "@/lib/records/concern/queries";
import { countryOptions } from "@/lib/records/request/queries";
import { concernFields } from "@/lib/records/concern/definition";
import { canEdit } from "@/lib/permissions";
import { visibleFormValues } from "@/lib/records/links";
import { concernRecord } from "@/lib/records/concern/service";

export const metadata: Metadata = { title: "Edit concern" };

type Props = { params: Promise<{ id: string }> };

export default async function EditConcernPage({ params }: Props) {
  await connection();
  const raw = (await params).id;
  const viewer = await requirePageUser(`/concerns/${encodeURIComponent(raw)}/edit`);
  const id = parseId(raw);
  const concern = id ? await getConcern(viewer, id) : null;
  if (!concern || !canEdit(viewer, concern)) notFound();
  // Without the ids of linked records this viewer may not see (they would be in the page's payload); saving keeps them.
  const values = await visibleFormValues(concernRecord, viewer, concern.id, getDb());
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">Edit concern</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">The status changes on the concern&apos;s page, with a note.</p>
      <RecordForm
        type="concern"
        id={concern.id}
        version={concern.version}
        initialValues={values!}
        fields={concernFields}
        countries={await countryOptions()}
        submitLabel="Save changes"
        cancelHref={`/concerns/${concern.id}`}
      />
    </div>
  );
}
