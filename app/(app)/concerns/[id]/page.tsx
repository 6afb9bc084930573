import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Badge } from "@/components/badge";
import { Citations } from "@/components/citations";
import { Quotes } from "@/components/quotes";
import { requirePageUser } from "@/lib/auth/current-user";
import { getConcern } from "@/lib/db/concerns";
import { formatUncertain, formatVagueDate, formatYears } from "@/lib/format/dates";
import {
  classificationLabel,
  concernCategoryLabel,
  concernCountryRoleLabel,
  concernStatusLabel,
  inspectionStatusLabel,
  labelOrUnknown,
  requestAskLabel,
  requestChannelLabel,
  requestResponseLabel,
  severityLabel,
  transferStatusLabel,
  weaponCategoryLabel,
} from "@/lib/format/labels";

type Props = { params: Promise<{ id: string }> };

function parseId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const raw = (await params).id;
  const viewer = await requirePageUser(`/concerns/${encodeURIComponent(raw)}`);
  const id = parseId(raw);
  const concern = id ? await getConcern(viewer, id) : null;
  return { title: concern?.title ?? "Concern not found" };
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="border-b border-slate-200 pb-1 text-lg font-semibold dark:border-slate-800">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function ConcernPage({ params }: Props) {
  await connection();
  const raw = (await params).id;
  const viewer = await requirePageUser(`/concerns/${encodeURIComponent(raw)}`);
  const id = parseId(raw);
  // Missing, deleted and restricted-from-this-viewer all look the same: 404.
  const concern = id ? await getConcern(viewer, id) : null;
  if (!concern) notFound();

  const overdue = concern.nextReviewOn !== null && concern.nextReviewOn < new Date();

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/" className="text-blue-700 underline dark:text-blue-400">Unresolved concerns</Link>
        </p>
        <h1 className="text-2xl font-semibold">{concern.title}</h1>
        <div className="flex flex-wrap gap-2">
          <Badge>{concernStatusLabel[concern.status]}</Badge>
          <Badge tone={concern.severity === "HIGH" || concern.severity === "CRITICAL" ? "danger" : "neutral"}>
            Severity: {severityLabel[concern.severity]}
          </Badge>
          <Badge>{concernCategoryLabel[concern.category]}</Badge>
          {overdue ? <Badge tone="warning">Overdue for review</Badge> : null}
        </div>
        {concern.summary ? <p className="max-w-3xl">{concern.summary}</p> : null}
        <dl className="grid max-w-3xl grid-cols-2 gap-3 sm:grid-cols-4">
          <Fact term="Open since">{formatVagueDate(concern.openedOn, concern.openedOnPrecision)}</Fact>
          <Fact term="Owner">{concern.owner?.name ?? "Nobody assigned"}</Fact>
          <Fact term="Next review">{concern.nextReviewOn ? formatVagueDate(concern.nextReviewOn, "DAY") : "Not set"}</Fact>
          <Fact term="Countries">
            {concern.countryLinks.map((l) => `${l.country.name} (${concernCountryRoleLabel[l.role].toLowerCase()})`).join(", ")}
          </Fact>
        </dl>
        <Citations citations={concern.citations} />
      </header>

      <Section title="Arms transfers" id="transfers">
        {concern.transferLinks.length === 0 ? <p className="text-sm">No transfer linked.</p> : null}
        {concern.transferLinks.map(({ transfer: t }) => (
          <div key={t.id} className="rounded border border-slate-200 p-3 dark:border-slate-800">
            <h3 className="font-medium">
              {t.supplier.name} to {t.recipient.name}: {t.weaponSystem?.name ?? "weapon system unknown"}
              {t.weaponSystem ? ` (${weaponCategoryLabel[t.weaponSystem.category]})` : ""}
            </h3>
            <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-5">
              <Fact term="Status">{transferStatusLabel[t.status]}</Fact>
              <Fact term="Year of order">{formatUncertain(t.orderYear, t.orderYearUncertain)}</Fact>
              <Fact term="Number ordered">{formatUncertain(t.numberOrdered, t.numberOrderedUncertain)}</Fact>
              <Fact term="Number delivered">{formatUncertain(t.numberDelivered, t.numberDeliveredUncertain)}</Fact>
              <Fact term="Years of delivery">{formatYears(t.deliveryYears, t.deliveryYearsUncertain)}</Fact>
            </dl>
            {t.comments ? <p className="mt-2 text-sm">{t.comments}</p> : null}
            <Citations citations={t.citations} />
          </div>
        ))}
      </Section>

      <Section title="Diplomatic requests" id="requests">
        {concern.requestLinks.length === 0 ? <p className="text-sm">No request logged.</p> : null}
        <ol className="space-y-4">
          {concern.requestLinks.map(({ request: r }) => {
            const requesting = r.actorLinks.filter((a) => a.side === "REQUESTING");
            const target = r.actorLinks.filter((a) => a.side === "TARGET");
            return (
              <li key={r.id} id={`request-${r.id}`} className="rounded border border-slate-200 p-3 dark:border-slate-800">
                <div className="flex flex-wrap items-baseline gap-2">
                  <span className="font-mono text-sm">{formatVagueDate(r.occurredOn, r.occurredOnPrecision)}</span>
                  <h3 className="font-medium">{r.title}</h3>
                  <Badge tone={r.response === "REBUFFED" ? "danger" : r.response === "ACCEPTED" ? "ok" : "neutral"}>
                    Response: {labelOrUnknown(requestResponseLabel, r.response)}
                  </Badge>
                </div>
                {r.followUpOf ? (
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    Follow-up of <a className="underline" href={`#request-${r.followUpOf.id}`}>{r.followUpOf.title}</a>
                  </p>
                ) : null}
                <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
                  <Fact term="From">
                    {r.requestingCountry.name}
                    {requesting.length ? `: ${requesting.map((a) => a.actor.name).join(", ")}` : ""}
                  </Fact>
                  <Fact term="To">
                    {r.targetCountry.name}
                    {target.length ? `: ${target.map((a) => `${a.actor.name}${a.actor.title ? `, ${a.actor.title}` : ""}`).join("; ")}` : ""}
                  </Fact>
                  <Fact term="Ask">{requestAskLabel[r.ask]}</Fact>
                  <Fact term="Channel">{labelOrUnknown(requestChannelLabel, r.channel, "Not reported")}</Fact>
                  <Fact term="Document classification">{labelOrUnknown(classificationLabel, r.classification)}</Fact>
                </dl>
                {r.askDetail ? <p className="mt-2 text-sm"><span className="font-semibold">Asked: </span>{r.askDetail}</p> : null}
                {r.responseSummary ? <p className="mt-1 text-sm"><span className="font-semibold">Answer: </span>{r.responseSummary}</p> : null}
                <Quotes quotes={r.quotes} />
                <Citations citations={r.citations} />
              </li>
            );
          })}
        </ol>
      </Section>

      <Section title="Inspections" id="inspections">
        {concern.inspections.length === 0 ? <p className="text-sm">No inspection recorded.</p> : null}
        {concern.inspections.map((i) => (
          <div key={i.id} className="rounded border border-slate-200 p-3 dark:border-slate-800">
            <div className="flex flex-wrap items-baseline gap-2">
              <h3 className="font-medium">
                {i.inspectingCountry?.name ?? i.inspectingParty ?? "Inspecting party unknown"} in {i.hostCountry.name}
                {i.weaponSystem ? `: ${i.weaponSystem.name}` : ""}
              </h3>
              <Badge tone={i.status === "CONDUCTED" ? "ok" : "warning"}>{inspectionStatusLabel[i.status]}</Badge>
              {i.status !== "CONDUCTED" && !i.conductedOn ? <Badge tone="warning">Never conducted</Badge> : null}
            </div>
            {i.basis ? <p className="mt-1 text-sm"><span className="font-semibold">Basis: </span>{i.basis}</p> : null}
            <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3">
              <Fact term="Asserted or promised">{formatVagueDate(i.assertedOn, i.assertedOnPrecision)}</Fact>
              <Fact term="Scheduled">{i.scheduledOn ? formatVagueDate(i.scheduledOn, i.scheduledOnPrecision) : "Not scheduled"}</Fact>
              <Fact term="Conducted">{i.conductedOn ? formatVagueDate(i.conductedOn, i.conductedOnPrecision) : "Not conducted"}</Fact>
            </dl>
            {i.findings ? <p className="mt-2 text-sm"><span className="font-semibold">Findings: </span>{i.findings}</p> : null}
            <Quotes quotes={i.quotes} />
            <Citations citations={i.citations} />
          </div>
        ))}
      </Section>

      {concern.quotes.length > 0 ? (
        <Section title="Quotes" id="quotes">
          <Quotes quotes={concern.quotes} />
        </Section>
      ) : null}

      <Section title="Status history" id="status-history">
        <ol className="space-y-1 text-sm">
          {concern.statusChanges.map((s) => (
            <li key={s.id}>
              <span className="font-mono">{s.changedAt.toISOString().slice(0, 10)}</span>{" "}
              {s.fromStatus ? `${concernStatusLabel[s.fromStatus]} → ` : ""}
              {concernStatusLabel[s.toStatus]}
              {s.changedBy ? ` by ${s.changedBy.name}` : ""}: {s.note}
            </li>
          ))}
        </ol>
      </Section>
    </article>
  );
}
