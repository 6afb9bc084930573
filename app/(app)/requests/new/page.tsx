import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { LogRequestForm } from "@/components/forms/log-request-form";
import { parseId } from "@/components/record-parts";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { countryOptions, getRequest } from "@/lib/records/request/queries";
import { emptyRequestValues } from "@/lib/records/request/definition";
import { can } from "@/lib/permissions";
import { visibleFormValues } from "@/lib/records/links";
import { requestRecord } from "@/lib/records/request/service";

export const metadata: Metadata = { title: "Log a lobbying attempt" };

type Props = { searchParams: Promise<{ followUp?: string }> };

export default async function NewRequestPage({ searchParams }: Props) {
  await connection();
  const viewer = await requirePageUser("/requests/new");
  if (!can(viewer.role, "record:create")) notFound();
  const { followUp } = await searchParams;
  const today = new Date().toISOString().slice(0, 10);
  let values = emptyRequestValues(today);
  let followUpTitle: string | null = null;

  // A follow-up starts from the earlier request: same countries, actors,
  // concerns and transfers, linked to it; a new date, ask and response.
  const earlierId = followUp ? parseId(followUp) : null;
  const earlier = earlierId ? await getRequest(viewer, earlierId) : null;
  if (earlier) {
    // Only the links this viewer may see: a hidden one would be refused on saving (and is in the page's payload).
    const prior = (await visibleFormValues(requestRecord, viewer, earlier.id, getDb()))!;
    followUpTitle = earlier.title;
    values = {
      ...values,
      title: `Follow-up: ${earlier.title}`,
      requestingCountryId: prior.requestingCountryId,
      targetCountryId: prior.targetCountryId,
      requestingActorIds: prior.requestingActorIds,
      targetActorIds: prior.targetActorIds,
      concernIds: prior.concernIds,
      transferIds: prior.transferIds,
      ask: prior.ask,
      channel: prior.channel,
      followUpOfId: earlier.id,
    };
  }

  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">Log a lobbying attempt</h1>
      {followUpTitle ? <p className="text-sm">Follow-up of: {followUpTitle}</p> : null}
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Required: a title, both countries and what was asked. Everything else may stay unknown.
      </p>
      <LogRequestForm initialValues={values} countries={await countryOptions()} isFollowUp={earlier !== null} />
    </div>
  );
}
