import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RecordForm } from "@/components/forms/record-form";
import { requirePageUser } from "@/lib/auth/current-user";
import { emptySourceValues, sourceFields } from "@/lib/records/source/definition";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "New source" };

export default async function NewSourcePage() {
  await connection();
  const viewer = await requirePageUser("/sources/new");
  if (!can(viewer.role, "record:create")) notFound();
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">New source</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Required: the kind and a title. Grade the source&apos;s reliability from A to F when you can; the credibility of each piece of information is graded where a record cites it.
      </p>
      <RecordForm
        type="source"
        initialValues={emptySourceValues()}
        fields={sourceFields}
        countries={[]}
        submitLabel="Save source"
        cancelHref="/sources"
      />
    </div>
  );
}
