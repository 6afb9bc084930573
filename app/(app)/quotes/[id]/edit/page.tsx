import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RecordForm } from "@/components/forms/record-form";
import { parseId } from "@/components/record-parts";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getQuote } from "@/lib/records/quote/queries";
import { countryOptions } from "@/lib/records/request/queries";
import { quoteFieldSpecs } from "@/lib/records/quote/definition";
import { canEdit } from "@/lib/permissions";
import { visibleFormValues } from "@/lib/records/links";
import { quoteRecord } from "@/lib/records/quote/service";

export const metadata: Metadata = { title: "Edit quote" };

type Props = { params: Promise<{ id: string }> };

export default async function EditQuotePage({ params }: Props) {
  await connection();
  const raw = (await params).id;
  const viewer = await requirePageUser(`/quotes/${encodeURIComponent(raw)}/edit`);
  const id = parseId(raw);
  const quote = id ? await getQuote(viewer, id) : null;
  // Not there, not visible, or not theirs to edit: the edit page does not exist for them.
  if (!quote || !canEdit(viewer, quote)) notFound();
  // Without the ids of linked records this viewer may not see (they would be in the page's payload); saving keeps them.
  const values = await visibleFormValues(quoteRecord, viewer, quote.id, getDb());
  if (!values) notFound();
  const countries = await countryOptions();
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">Edit quote</h1>
      <RecordForm
        type="quote"
        id={quote.id}
        version={quote.version}
        initialValues={values}
        fields={quoteFieldSpecs}
        countries={countries}
        submitLabel="Save changes"
        cancelHref={`/quotes/${quote.id}`}
      />
    </div>
  );
}
