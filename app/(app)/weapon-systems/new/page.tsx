import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RecordForm } from "@/components/forms/record-form";
import { requirePageUser } from "@/lib/auth/current-user";
import { countryOptions } from "@/lib/records/request/queries";
import { emptyWeaponSystemValues, weaponSystemFields } from "@/lib/records/weapon-system/definition";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "New weapon system" };

export default async function NewWeaponSystemPage() {
  await connection();
  const viewer = await requirePageUser("/weapon-systems/new");
  if (!can(viewer.role, "record:create")) notFound();
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">New weapon system</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">Required: the name and the category. Everything else may stay unknown.</p>
      <RecordForm
        type="weaponSystem"
        initialValues={emptyWeaponSystemValues()}
        fields={weaponSystemFields}
        countries={await countryOptions()}
        submitLabel="Save weapon system"
        cancelHref="/weapon-systems"
      />
    </div>
  );
}
