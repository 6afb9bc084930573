import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RecordForm } from "@/components/forms/record-form";
import { requirePageUser } from "@/lib/auth/current-user";
import { countryOptions } from "@/lib/records/request/queries";
import { concernFields, emptyConcernValues } from "@/lib/records/concern/definition";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "New concern" };

export default async function NewConcernPage() {
  await connection();
  const viewer = await requirePageUser("/concerns/new");
  if (!can(viewer.role, "record:create")) notFound();
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">New concern</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">A new concern starts open.</p>
      <RecordForm
        type="concern"
        initialValues={emptyConcernValues(new Date().toISOString().slice(0, 10))}
        fields={concernFields}
        countries={await countryOptions()}
        submitLabel="Create concern"
        cancelHref="/concerns"
      />
    </div>
  );
}
