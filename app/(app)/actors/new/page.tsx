import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RecordForm } from "@/components/forms/record-form";
import { requirePageUser } from "@/lib/auth/current-user";
import { countryOptions } from "@/lib/records/request/queries";
import { actorFields, emptyActorValues } from "@/lib/records/actor/definition";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "New actor" };

export default async function NewActorPage() {
  await connection();
  const viewer = await requirePageUser("/actors/new");
  if (!can(viewer.role, "record:create")) notFound();
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">New actor</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">Required: the name and the kind. Everything else may stay unknown.</p>
      <RecordForm
        type="actor"
        initialValues={emptyActorValues()}
        fields={actorFields}
        countries={await countryOptions()}
        submitLabel="Save actor"
        cancelHref="/actors"
      />
    </div>
  );
}
