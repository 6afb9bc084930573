import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RecordForm } from "@/components/forms/record-form";
import { parseId } from "@/components/record-parts";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getActor } from "@/lib/records/actor/queries";
import { countryOptions } from "@/lib/records/request/queries";
import { actorFields } from "@/lib/records/actor/definition";
import { canEdit } from "@/lib/permissions";
import { visibleFormValues } from "@/lib/records/links";
import { actorRecord } from "@/lib/records/actor/service";

export const metadata: Metadata = { title: "Edit actor" };

type Props = { params: Promise<{ id: string }> };

export default async function EditActorPage({ params }: Props) {
  await connection();
  const raw = (await params).id;
  const viewer = await requirePageUser(`/actors/${encodeURIComponent(raw)}/edit`);
  const id = parseId(raw);
  const actor = id ? await getActor(viewer, id) : null;
  // Not there, not visible, or not theirs to edit: the edit page does not exist for them.
  if (!actor || !canEdit(viewer, actor)) notFound();
  // Without the ids of linked records this viewer may not see (they would be in the page's payload); saving keeps them.
  const values = await visibleFormValues(actorRecord, viewer, actor.id, getDb());
  if (!values) notFound();
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">Edit actor</h1>
      <RecordForm
        type="actor"
        id={actor.id}
        version={actor.version}
        initialValues={values}
        fields={actorFields}
        countries={await countryOptions()}
        submitLabel="Save changes"
        cancelHref={`/actors/${actor.id}`}
      />
    </div>
  );
}
