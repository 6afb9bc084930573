import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RecordForm } from "@/components/forms/record-form";
import { parseId } from "@/components/record-parts";
import { requirePageUser } from "@/lib/auth/current-user";
import { countryOptions } from "@/lib/records/request/queries";
import { emptyQuoteValues, quoteFieldSpecs, type QuotePrefill } from "@/lib/records/quote/definition";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "New quote" };

const PREFILL = ["speakerId", "requestId", "concernId", "transferId", "inspectionId"] as const;
const BACK: Record<(typeof PREFILL)[number], string> = {
  speakerId: "/actors",
  requestId: "/requests",
  concernId: "/concerns",
  transferId: "/transfers",
  inspectionId: "/inspections",
};

type Props = { searchParams: Promise<Partial<Record<(typeof PREFILL)[number], string | string[]>>> };

export default async function NewQuotePage({ searchParams }: Props) {
  await connection();
  const viewer = await requirePageUser("/quotes/new");
  if (!can(viewer.role, "record:create")) notFound();

  // ?requestId=, ?concernId=, ?transferId=, ?inspectionId= (and ?speakerId=) pre-fill the
  // form; the pickers show only records the user may see, and saving checks each again.
  const query = await searchParams;
  const about: QuotePrefill = {};
  let cancelHref = "/";
  for (const key of PREFILL) {
    const raw = query[key];
    const id = typeof raw === "string" ? parseId(raw) : null;
    if (id === null) continue;
    about[key] = id;
    if (cancelHref === "/") cancelHref = `${BACK[key]}/${id}`;
  }
  const countries = await countryOptions();

  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">New quote</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Required: what was said, and who said it (an actor, or a description such as “the cables&apos; conclusion”). Cite its source on the quote&apos;s page once it is saved.
      </p>
      <RecordForm
        type="quote"
        initialValues={emptyQuoteValues(about)}
        fields={quoteFieldSpecs}
        countries={countries}
        submitLabel="Save quote"
        cancelHref={cancelHref}
      />
    </div>
  );
}
