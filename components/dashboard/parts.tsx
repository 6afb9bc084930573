// Small pieces shared by the dashboard's sections.
import Link from "next/link";
import type { ReactNode } from "react";
import { formatVagueDate } from "@/lib/format/dates";
import type { DatePrecision } from "@/lib/generated/prisma/enums";

export const linkClass = "font-medium text-blue-700 underline dark:text-blue-400";
export const mutedClass = "text-slate-600 dark:text-slate-400";

/** A YYYY-MM-DD from SQL, at its precision ("2005", "March 2009"...). */
export function vagueDay(day: string | null, precision: DatePrecision | null): string {
  return formatVagueDate(day ? new Date(`${day}T00:00:00Z`) : null, precision);
}

/** An ISO instant as a day and time in UTC. */
export function instant(iso: string): string {
  return `${formatVagueDate(new Date(iso), "DAY")}, ${iso.slice(11, 16)} UTC`;
}

/** A headline figure: a number and what it counts, a link to the list it counts (`href`). */
export function Stat({
  value,
  label,
  href,
  tone = "neutral",
}: {
  value: number;
  label: ReactNode;
  href: string;
  tone?: "neutral" | "alert";
}) {
  return (
    <Link
      href={href}
      data-stat=""
      className={`block rounded border px-3 py-2 hover:border-blue-500 hover:bg-blue-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-slate-900 ${
        tone === "alert" && value > 0
          ? "border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
          : "border-slate-200 dark:border-slate-800"
      }`}
    >
      <span className="block text-2xl font-semibold tabular-nums">{value.toLocaleString("en")}</span>
      <span className="block text-sm underline decoration-slate-400 underline-offset-2">{label}</span>
    </Link>
  );
}

/** A short list's box: a heading, an optional summary, the rows or a sentence saying there are none. */
export function ListBox({
  id,
  title,
  summary,
  empty,
  children,
  more,
}: {
  id: string;
  title: string;
  summary?: ReactNode;
  /** Said when there are no rows; null: there are rows. */
  empty: ReactNode | null;
  children?: ReactNode;
  more?: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="min-w-0 space-y-2 rounded border border-slate-200 p-3 dark:border-slate-800">
      <h3 id={`${id}-title`} className="font-semibold">
        {title}
      </h3>
      {summary ? <p className={`text-sm ${mutedClass}`}>{summary}</p> : null}
      {empty !== null ? <p className="rounded border border-dashed border-slate-300 p-4 text-center text-sm dark:border-slate-700">{empty}</p> : children}
      {more ? <p className="text-sm">{more}</p> : null}
    </section>
  );
}

// Count phrases have one home (lib/format/plural.ts); kept here for the sections that import it from parts.
export { plural } from "@/lib/format/plural";
