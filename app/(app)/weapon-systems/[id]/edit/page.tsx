import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RecordForm } from "@/components/forms/record-form";
import { parseId } from "@/components/record-parts";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getWeaponSystem } from "@/lib/records/weapon-system/queries";
import { countryOptions } from "@/lib/records/request/queries";
import { weaponSystemFields } from "@/lib/records/weapon-system/definition";
import { canEdit } from "@/lib/permissions";
import { visibleFormValues } from "@/lib/records/links";
import { weaponSystemRecord } from "@/lib/records/weapon-system/service";

export const metadata: Metadata = { title: "Edit weapon system" };

type Props = { params: Promise<{ id: string }> };

export default async function EditWeaponSystemPage({ params }: Props) {
  await connection();
  const raw = (await params).id;
  const viewer = await requirePageUser(`/weapon-systems/${encodeURIComponent(raw)}/edit`);
  const id = parseId(raw);
  const weaponSystem = id ? await getWeaponSystem(viewer, id) : null;
  // Not there, not visible, or not theirs to edit: the edit page does not exist for them.
  if (!weaponSystem || !canEdit(viewer, weaponSystem)) notFound();
  // Without the ids of linked records this viewer may not see (they would be in the page's payload); saving keeps them.
  const values = await visibleFormValues(weaponSystemRecord, viewer, weaponSystem.id, getDb());
  if (!values) notFound();
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">Edit weapon system</h1>
      <RecordForm
        type="weaponSystem"
        id={weaponSystem.id}
        version={weaponSystem.version}
        initialValues={values}
        fields={weaponSystemFields}
        countries={await countryOptions()}
        submitLabel="Save changes"
        cancelHref={`/weapon-systems/${weaponSystem.id}`}
      />
    </div>
  );
}
