import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { Badge } from "@/components/badge";
import { CountryBarChart } from "@/components/charts/country-bar-chart";
import { Fact, Section } from "@/components/record-parts";
import { requirePageUser } from "@/lib/auth/current-user";
import {
  getCountryPage,
  LATEST_LIMIT,
  LIST_LIMIT,
  NEVER_CONDUCTED,
  type CountryPage,
  type InspectionSide,
  type RequestDirection,
  type TransferSide,
} from "@/lib/db/country-page";
import { formatUncertain, formatVagueDate, formatYears } from "@/lib/format/dates";
import {
  concernCategoryLabel,
  concernCountryRoleLabel,
  concernStatusLabel,
  inspectionStatusLabel,
  labelOrUnknown,
  requestAskLabel,
  requestResponseLabel,
  severityLabel,
  transferStatusLabel,
} from "@/lib/format/labels";
import { displayName } from "@/lib/records/definitions";
import { categoryLabel, deliveriesChart, figureHref, listHref, TIMELINE_SERIES, timelineChart } from "@/lib/pages/country-charts";

type Props = { params: Promise<{ code: string }> };

const link = "text-blue-700 underline dark:text-blue-400";
const th = "py-2 pr-3 font-semibold";
const td = "py-2 pr-3 align-top";
const num = "py-2 pr-3 text-right tabular-nums align-top";
const muted = "text-xs text-slate-600 dark:text-slate-400";

const load = cache(async (raw: string) => {
  await connection();
  const viewer = await requirePageUser(`/countries/${encodeURIComponent(raw)}`);
  const data = await getCountryPage(viewer, raw);
  return { viewer, data };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { data } = await load((await params).code);
  return { title: data ? data.country.name : "Country not found" };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/** A figure that links to the records behind it; a zero is plain text. */
function Figure({ n, href, label }: { n: number; href: string; label?: string }) {
  if (n === 0) return <span className="text-slate-500 dark:text-slate-400">0</span>;
  return (
    <Link className={link} href={href} aria-label={label}>
      {n.toLocaleString("en")}
    </Link>
  );
}

/**
 * A table's visible title, outside its scrolling box (a caption scrolls away
 * with a table wider than a phone); the table names itself by it
 * (aria-labelledby).
 */
function TableTitle({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <h3 id={id} className="text-sm font-semibold">
      {children}
    </h3>
  );
}

function CountryRef({ name, alpha2 }: { name: string | null; alpha2: string | null }) {
  if (!name) return <>unknown</>;
  return alpha2 ? <Link className={link} href={`/countries/${alpha2}`}>{name}</Link> : <>{name}</>;
}

function Stat({ term, n, href, note }: { term: string; n: number; href: string; note?: string }) {
  return (
    <div className="rounded border border-slate-200 px-3 py-2 dark:border-slate-800">
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="text-2xl font-semibold tabular-nums">
        <Link href={href} className="hover:underline">{n.toLocaleString("en")}</Link>
        {note ? <span className="ml-2 text-xs font-normal text-slate-600 dark:text-slate-400">{note}</span> : null}
      </dd>
    </div>
  );
}

/**
 * Deliveries per year and weapon category as a table (years down, categories
 * across): the figures of the deliveries chart, for screen readers and for
 * everyone, shown under the chart on demand (CountryBarChart's `table`), at
 * the section's full width. The category headers link to the records.
 */
function DeliveriesByYear({ id, data, side }: { id: string; data: CountryPage; side: TransferSide }) {
  const { country } = data;
  const s = data.transfers[side];
  const chart = deliveriesChart(s.categories);
  if (chart.rows.length === 0) return null;
  const years = [...chart.rows].reverse();
  return (
    <div className="space-y-2">
      <TableTitle id={`${id}-title`}>Transfers delivered {side === "SUPPLIER" ? "by" : "to"} {country.name} per year, by weapon category</TableTitle>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm" id={id} aria-labelledby={`${id}-title`}>
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-700">
              <th scope="col" className={th}>Year</th>
              {chart.series.map((c) => (
                <th key={c.key} scope="col" className={`${th} text-right`}>
                  <Link className={link} href={listHref("/transfers", { country: country.alpha2, weapon: c.key === "UNKNOWN" ? undefined : c.key })}>
                    {c.label}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((row) => (
              <tr key={row.x} className="border-b border-slate-200 dark:border-slate-800">
                <th scope="row" className={`${td} font-normal`}>{row.x}</th>
                {chart.series.map((c) => (
                  <td key={c.key} className={num}>{row[c.key] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function TransfersSection({ data, side }: { data: CountryPage; side: TransferSide }) {
  const { country } = data;
  const s = data.transfers[side];
  const id = side === "SUPPLIER" ? "supplier" : "recipient";
  const verb = side === "SUPPLIER" ? "supplied" : "received";
  const title = side === "SUPPLIER" ? "As supplier" : "As recipient";
  const code = country.alpha2;
  const chart = deliveriesChart(s.categories);
  return (
    <Section title={`${title}: ${plural(s.total, "transfer")} ${verb}`} id={id}>
      {s.total === 0 ? (
        <p className="text-sm">No arms transfer {verb} by {country.name} is recorded.</p>
      ) : (
        <>
          <div className="space-y-2">
            <TableTitle id={`${id}-table-title`}>Transfers {verb} by {country.name}, by weapon category</TableTitle>
            <div className="overflow-x-auto">
              <table className="w-full max-w-3xl border-collapse text-left text-sm" id={`${id}-table`} aria-labelledby={`${id}-table-title`}>
                <thead>
                  <tr className="border-b border-slate-300 dark:border-slate-700">
                    <th scope="col" className={th}>Weapon category</th>
                    <th scope="col" className={`${th} text-right`}>Transfers</th>
                    <th scope="col" className={`${th} text-right`}>With a year of order</th>
                    <th scope="col" className={`${th} text-right`}>With a delivery year</th>
                    <th scope="col" className={`${th} text-right`}>No year known</th>
                  </tr>
                </thead>
                <tbody>
                  {s.categories.map((c) => {
                    const label = categoryLabel(c.category);
                    const href = figureHref(c.transfers, c.firstId, "/transfers", listHref("/transfers", { country: code, weapon: c.category ?? undefined }));
                    return (
                      <tr key={c.category ?? "unknown"} className="border-b border-slate-200 dark:border-slate-800">
                        <th scope="row" className={`${td} font-medium`}>{label}</th>
                        <td className={num}><Figure n={c.transfers} href={href} label={`${c.transfers} transfers, ${label}`} /></td>
                        <td className={num}>
                          <Figure n={c.ordered} href={href} label={`${c.ordered} with a year of order, ${label}`} />
                          {c.orderedEstimated > 0 ? <div className={muted}>{c.orderedEstimated} estimated</div> : null}
                        </td>
                        <td className={num}>
                          <Figure n={c.delivered} href={href} label={`${c.delivered} with a delivery year, ${label}`} />
                          {c.deliveredEstimated > 0 ? <div className={muted}>{c.deliveredEstimated} estimated</div> : null}
                        </td>
                        <td className={num}><Figure n={c.undated} href={href} label={`${c.undated} with no year known, ${label}`} /></td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <p className={`${muted} mt-1 max-w-3xl`}>
              Each link opens the list of transfers involving {country.name} (supplied or received) for that weapon category; a single
              transfer opens its record. Orders per year are on the timeline below.
            </p>
          </div>
          <CountryBarChart
            id={`${id}-chart`}
            title={`Deliveries ${side === "SUPPLIER" ? "by" : "to"} ${country.name} per year, by weapon category`}
            xLabel="Year of delivery"
            yLabel="Transfers delivered"
            rows={chart.rows}
            series={chart.series}
            stacked
            emptyText="no delivery with a known year (orders and undated transfers are in the table)."
            table={<DeliveriesByYear id={`${id}-years`} data={data} side={side} />}
          />
          <div className="space-y-1">
            <h3 className="text-sm font-semibold">Latest transfers {verb}</h3>
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {s.latest.map((t) => (
                <li key={t.id}>
                  <Link className={link} href={`/transfers/${t.id}`}>
                    {t.name}
                  </Link>
                  {t.weaponCategory ? ` (${categoryLabel(t.weaponCategory)})` : ""}
                  {": "}
                  {transferStatusLabel[t.status].toLowerCase()}; ordered {formatUncertain(t.orderYear, t.orderYearUncertain).toLowerCase()}; delivered{" "}
                  {formatYears(t.deliveryYears, t.deliveryYearsUncertain).toLowerCase()}
                </li>
              ))}
            </ul>
            <p className="text-sm">
              {/* Exactly the transfers this section counts (supplier=XX or recipient=XX). */}
              <Link className={link} href={listHref("/transfers", { [side === "SUPPLIER" ? "supplier" : "recipient"]: code })}>
                {s.total > s.latest.length ? `See all ${s.total.toLocaleString("en")} transfers ${verb}` : `These transfers in the list`}
              </Link>
            </p>
          </div>
        </>
      )}
    </Section>
  );
}

/** The words and list filter of each request column (the filter lists exactly the requests the column counts). */
const REQUEST_WORDS: Record<
  RequestDirection,
  { id: string; heading: string; verb: string; param: string; caption: (name: string) => string; none: (name: string) => string }
> = {
  RECEIVED: {
    id: "requests-received",
    heading: "Received",
    verb: "received",
    param: "askedOf",
    caption: (name) => `received by ${name}`,
    none: (name) => `No diplomatic request to ${name} is recorded.`,
  },
  MADE: {
    id: "requests-made",
    heading: "Made",
    verb: "made",
    param: "requestedBy",
    caption: (name) => `made by ${name}`,
    none: (name) => `${name} made no diplomatic request that is recorded.`,
  },
  CONCERNING: {
    id: "requests-concerning",
    heading: "Concerning it",
    verb: "concerning it",
    param: "concerning",
    caption: (name) => `between other countries concerning ${name}`,
    none: (name) => `No request between other countries about a transfer or a concern involving ${name} is recorded.`,
  },
};

function RequestsColumn({ data, direction }: { data: CountryPage; direction: RequestDirection }) {
  const { country } = data;
  const r = data.requests[direction];
  const code = country.alpha2;
  const w = REQUEST_WORDS[direction];
  return (
    <div className="min-w-0 space-y-3">
      <h3 id={w.id} className="font-semibold">
        {w.heading}: {plural(r.total, "request")}
      </h3>
      {r.total === 0 ? (
        <p className="text-sm">{w.none(country.name)}</p>
      ) : (
        <>
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Requests {w.caption(country.name)}, by response</caption>
            <thead>
              <tr className="border-b border-slate-300 dark:border-slate-700">
                <th scope="col" className={th}>Response</th>
                <th scope="col" className={`${th} text-right`}>Requests</th>
              </tr>
            </thead>
            <tbody>
              {r.byResponse.map((b) => {
                const label = labelOrUnknown(requestResponseLabel, b.response, "Response unknown");
                return (
                  <tr key={b.response ?? "unknown"} className="border-b border-slate-200 dark:border-slate-800">
                    <th scope="row" className={`${td} font-normal`}>{label}</th>
                    <td className={num}>
                      <Figure
                        n={b.count}
                        href={listHref("/requests", { [w.param]: code, response: b.response })}
                        label={`${b.count} ${w.verb}, ${label.toLowerCase()}`}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h4 className="text-sm font-semibold">Latest {w.verb}</h4>
          <ul className="space-y-2 text-sm">
            {r.latest.map((q) => (
              <li key={q.id}>
                <span className="tabular-nums">{formatVagueDate(q.occurredOn, q.occurredOnPrecision)}</span>:{" "}
                <Link className={link} href={`/requests/${q.id}`}>{displayName("request", q)}</Link>
                <div className={muted}>
                  {direction === "MADE" ? "To" : "From"} <CountryRef name={q.counterpart} alpha2={q.counterpartAlpha2} />
                  {q.target !== null ? (
                    <>
                      {" to "}
                      <CountryRef name={q.target} alpha2={q.targetAlpha2} />
                    </>
                  ) : null}
                  ; asked: {requestAskLabel[q.ask].toLowerCase()};{" "}
                  response: {labelOrUnknown(requestResponseLabel, q.response).toLowerCase()}
                </div>
              </li>
            ))}
          </ul>
          {r.total > r.latest.length ? (
            <p className={muted}>
              The {LATEST_LIMIT} latest of {r.total.toLocaleString("en")}.{" "}
              <Link className={link} href={listHref("/requests", { [w.param]: code })}>
                See all {r.total.toLocaleString("en")} requests {w.verb}
              </Link>
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

function InspectionsColumn({ data, side }: { data: CountryPage; side: InspectionSide }) {
  const { country } = data;
  const s = data.inspections[side];
  const host = side === "HOST";
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">
        {host ? `Hosted by ${country.name}` : `By ${country.name}, elsewhere`}: {s.total.toLocaleString("en")}
      </h3>
      {s.total === 0 ? (
        <p className="text-sm">{host ? `No inspection in ${country.name} is recorded.` : `No inspection by ${country.name} is recorded.`}</p>
      ) : (
        <ul className="space-y-3 text-sm">
          {s.list.map((i) => (
            <li key={i.id} className="space-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <Link className={link} href={`/inspections/${i.id}`}>
                  {i.name}
                </Link>
                <Badge tone={i.status === "CONDUCTED" ? "ok" : i.neverConducted ? "warning" : "neutral"}>{inspectionStatusLabel[i.status]}</Badge>
                {i.neverConducted ? <Badge tone="danger">Never conducted</Badge> : null}
              </div>
              <div className={muted}>
                {i.assertedOn ? `Asserted ${formatVagueDate(i.assertedOn, i.assertedOnPrecision)}. ` : ""}
                {i.scheduledOn ? `Scheduled for ${formatVagueDate(i.scheduledOn, i.scheduledOnPrecision)}. ` : ""}
                {i.conductedOn ? `Conducted ${formatVagueDate(i.conductedOn, i.conductedOnPrecision)}. ` : ""}
                {i.counterpartAlpha2 ? (
                  <>
                    {host ? "Inspecting" : "Host"}: <CountryRef name={i.counterpart} alpha2={i.counterpartAlpha2} />.{" "}
                  </>
                ) : null}
                {i.transferId ? <Link className={link} href={`/transfers/${i.transferId}`}>The transfer</Link> : null}
              </div>
              {i.basis ? <p className="text-sm">Basis: {i.basis}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {s.total > s.list.length ? (
        <p className={muted}>
          The first {LIST_LIMIT} of {s.total.toLocaleString("en")}.{" "}
          <Link className={link} href={listHref("/inspections", { [host ? "host" : "inspectedBy"]: country.alpha2 })}>
            See all {s.total.toLocaleString("en")} inspections {host ? "hosted" : "made elsewhere"}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

export default async function CountryPageView({ params }: Props) {
  const { data } = await load((await params).code);
  if (!data) notFound();
  const { country, requests, concerns, inspections, timeline } = data;
  const code = country.alpha2;
  const neverConducted = inspections.HOST.neverConducted + inspections.INSPECTING.neverConducted;
  const neverHref = listHref("/inspections", { country: code, status: NEVER_CONDUCTED.join(",") });
  const unresolvedHref = listHref("/concerns", { country: code, status: "OPEN,MONITORING" });
  const timelineRows = timelineChart(timeline);

  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm">
          <Link href="/countries" className={link}>Countries</Link>
          {" · "}
          <Link href="/map" className={link}>World map</Link>
        </p>
        <h1 className="text-2xl font-semibold">{country.name}</h1>
        {country.officialName && country.officialName !== country.name ? <p className="text-sm text-slate-600 dark:text-slate-400">{country.officialName}</p> : null}
        <dl className="grid max-w-3xl grid-cols-2 gap-4 sm:grid-cols-5">
          <Fact term="Alpha-2"><span className="font-mono">{country.alpha2}</span></Fact>
          <Fact term="Alpha-3"><span className="font-mono">{country.alpha3}</span></Fact>
          <Fact term="Numeric"><span className="font-mono">{country.numeric}</span></Fact>
          <Fact term="Region">{country.region ?? "—"}</Fact>
          <Fact term="Subregion">{country.subregion ?? "—"}</Fact>
        </dl>
      </header>

      <section aria-labelledby="at-a-glance" className="space-y-2">
        <h2 id="at-a-glance" className="sr-only">At a glance</h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-7">
          <Stat term="Transfers supplied" n={data.transfers.SUPPLIER.total} href="#supplier" />
          <Stat term="Transfers received" n={data.transfers.RECIPIENT.total} href="#recipient" />
          <Stat term="Requests made" n={requests.MADE.total} href="#requests-made" />
          <Stat term="Requests received" n={requests.RECEIVED.total} href="#requests-received" />
          <Stat term="Requests concerning it" n={requests.CONCERNING.total} href="#requests-concerning" />
          <Stat term="Unresolved concerns" n={concerns.unresolved} href="#concerns" note={concerns.total > concerns.unresolved ? `of ${concerns.total.toLocaleString("en")}` : undefined} />
          <Stat term="Inspections never conducted" n={neverConducted} href="#inspections" />
        </dl>
        <p className="text-sm">
          Every record involving {country.name}:{" "}
          <Link className={link} href={listHref("/requests", { country: code })}>requests</Link>,{" "}
          <Link className={link} href={listHref("/transfers", { country: code })}>transfers</Link>,{" "}
          <Link className={link} href={listHref("/concerns", { country: code })}>concerns</Link>,{" "}
          <Link className={link} href={listHref("/inspections", { country: code })}>inspections</Link>,{" "}
          <Link className={link} href={listHref("/actors", { country: code })}>actors</Link>,{" "}
          <Link className={link} href={listHref("/weapon-systems", { country: code })}>weapon systems</Link>.
        </p>
      </section>

      <TransfersSection data={data} side="SUPPLIER" />
      <TransfersSection data={data} side="RECIPIENT" />

      <Section title="Diplomatic requests and their responses" id="requests">
        <p className={muted}>
          Each request counts once: received (asked of {country.name}), made (by {country.name}), or concerning it (between other countries,
          about a transfer {country.name} supplied or received or a concern in which it has a role). Figures open the list of those requests
          with that response.
        </p>
        <div className="grid gap-8 md:grid-cols-2 xl:grid-cols-3">
          <RequestsColumn data={data} direction="RECEIVED" />
          <RequestsColumn data={data} direction="MADE" />
          <RequestsColumn data={data} direction="CONCERNING" />
        </div>
      </Section>

      <Section title={`Concerns: ${concerns.unresolved.toLocaleString("en")} unresolved of ${concerns.total.toLocaleString("en")}`} id="concerns">
        {concerns.total === 0 ? (
          <p className="text-sm">{country.name} has no role in any recorded concern.</p>
        ) : (
          <>
            <p className="text-sm">
              {concerns.byStatus.map((b, i) => (
                <span key={b.status}>
                  {i > 0 ? ", " : ""}
                  <Link className={link} href={listHref("/concerns", { country: code, status: b.status })}>
                    {b.count.toLocaleString("en")} {concernStatusLabel[b.status].toLowerCase()}
                  </Link>
                </span>
              ))}
              {concerns.unresolved > 0 ? (
                <>
                  {" · "}
                  <Link className={link} href={unresolvedHref}>the unresolved ones in the list</Link>
                </>
              ) : null}
            </p>
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-left text-sm">
                <caption className="sr-only">Concerns in which {country.name} has a role</caption>
                <thead>
                  <tr className="border-b border-slate-300 dark:border-slate-700">
                    <th scope="col" className={th}>Concern</th>
                    <th scope="col" className={th}>Role of {country.name}</th>
                    <th scope="col" className={th}>Status</th>
                    <th scope="col" className={th}>Severity</th>
                    <th scope="col" className={th}>Opened</th>
                  </tr>
                </thead>
                <tbody>
                  {concerns.list.map((c) => (
                    <tr key={c.id} className="border-b border-slate-200 dark:border-slate-800">
                      <td className={td}>
                        <Link className={`${link} font-medium`} href={`/concerns/${c.id}`}>{displayName("concern", c)}</Link>
                        <div className={muted}>{concernCategoryLabel[c.category]}</div>
                        {c.overdue ? <Badge tone="warning">Overdue for review</Badge> : null}
                      </td>
                      <td className={td}>{c.roles.map((r) => concernCountryRoleLabel[r]).join(", ")}</td>
                      <td className={td}>
                        <Badge tone={c.status === "OPEN" || c.status === "MONITORING" ? "warning" : "neutral"}>{concernStatusLabel[c.status]}</Badge>
                      </td>
                      <td className={td}>{severityLabel[c.severity]}</td>
                      <td className={td}>{formatVagueDate(c.openedOn, c.openedOnPrecision)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {concerns.total > concerns.list.length ? (
              <p className={muted}>
                The first {LIST_LIMIT} of {concerns.total}; <Link className={link} href={listHref("/concerns", { country: code })}>all of them in the list</Link>.
              </p>
            ) : null}
          </>
        )}
      </Section>

      <Section title="Inspections" id="inspections">
        {neverConducted > 0 ? (
          <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            <span className="font-semibold">
              <Link className="underline" href={neverHref}>{plural(neverConducted, "inspection")}</Link> promised, asserted, scheduled or refused{" "}
              {neverConducted === 1 ? "was" : "were"} never conducted.
            </span>{" "}
            {inspections.HOST.neverConducted > 0 ? `${inspections.HOST.neverConducted} in ${country.name}` : ""}
            {inspections.HOST.neverConducted > 0 && inspections.INSPECTING.neverConducted > 0 ? "; " : ""}
            {inspections.INSPECTING.neverConducted > 0 ? `${inspections.INSPECTING.neverConducted} by ${country.name}` : ""}.
          </p>
        ) : null}
        <div className="grid gap-8 md:grid-cols-2">
          <InspectionsColumn data={data} side="HOST" />
          <InspectionsColumn data={data} side="INSPECTING" />
        </div>
      </Section>

      <Section title="Timeline" id="timeline">
        <CountryBarChart
          id="timeline-chart"
          title={`Requests and transfers involving ${country.name}, per year`}
          xLabel="Year"
          yLabel="Records"
          rows={timelineRows}
          series={TIMELINE_SERIES}
          emptyText={`no request or transfer involving ${country.name} has a known year.`}
          tableHref="#timeline-table"
          note="Transfers supplied and received together; a transfer counts in its year of order and in each year of delivery."
        />
        {timeline.length === 0 ? null : (
          <div className="space-y-2">
            <TableTitle id="timeline-table-title">Requests and transfers involving {country.name}, per year: the figures</TableTitle>
            <div className="overflow-x-auto">
              <table id="timeline-table" className="w-full border-collapse text-left text-sm" aria-labelledby="timeline-table-title">
                <thead>
                  <tr className="border-b border-slate-300 dark:border-slate-700">
                    <th scope="col" className={th}>Year</th>
                    <th scope="col" className={`${th} text-right`}>Requests made</th>
                    <th scope="col" className={`${th} text-right`}>Requests received</th>
                    <th scope="col" className={`${th} text-right`}>Requests concerning it</th>
                    <th scope="col" className={`${th} text-right`}>Transfers ordered</th>
                    <th scope="col" className={`${th} text-right`}>Transfers delivered</th>
                  </tr>
                </thead>
                <tbody>
                  {timeline.map((y) => {
                    const yearText = y.year === null ? "Year unknown" : String(y.year);
                    const inYear = { from: y.year, to: y.year };
                    return (
                      <tr key={y.year ?? "unknown"} className="border-b border-slate-200 dark:border-slate-800">
                        <th scope="row" className={`${td} font-normal`}>{yearText}</th>
                        <td className={num}>
                          <Figure n={y.requestsMade} href={listHref("/requests", { country: code, ...inYear })} label={`${y.requestsMade} requests made in ${yearText}`} />
                        </td>
                        <td className={num}>
                          <Figure n={y.requestsReceived} href={listHref("/requests", { country: code, ...inYear })} label={`${y.requestsReceived} requests received in ${yearText}`} />
                        </td>
                        <td className={num}>
                          <Figure n={y.requestsConcerning} href={listHref("/requests", { concerning: code, ...inYear })} label={`${y.requestsConcerning} requests concerning ${country.name} in ${yearText}`} />
                        </td>
                        <td className={num}>
                          <Figure n={y.transfersOrdered} href={figureHref(y.transfersOrdered, y.firstOrderedId, "/transfers", listHref("/transfers", { country: code, ...inYear }))} label={`${y.transfersOrdered} transfers ordered in ${yearText}`} />
                        </td>
                        <td className={num}>
                          <Figure n={y.transfersDelivered} href={figureHref(y.transfersDelivered, y.firstDeliveredId, "/transfers", listHref("/transfers", { country: code }))} label={`${y.transfersDelivered} transfers delivered in ${yearText}`} />
                          {y.year === null && y.transfersUndated > 0 ? (
                            <div className={muted}>
                              <Link className={link} href={listHref("/transfers", { country: code })}>{plural(y.transfersUndated, "transfer")}</Link> with no year known
                            </div>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <p className={`${muted} mt-1 max-w-3xl`}>
              Several requests in a year open the list of requests made and received by {country.name} (or of those concerning it) in that year; transfers ordered, the
              list of transfers ordered that year. The list cannot filter by year of delivery: several deliveries open every transfer involving{" "}
              {country.name}.
            </p>
          </div>
        )}
      </Section>
    </article>
  );
}
