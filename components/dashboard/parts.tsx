// Small pieces shared by the dashboard's sections.
import { AlertTriangle } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatVagueDate } from "@/lib/format/dates";
import type { DatePrecision } from "@/lib/generated/prisma/enums";

export const linkClass = "font-medium text-link underline underline-offset-2 hover:no-underline";
export const mutedClass = "text-muted-foreground";

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
      className={`block rounded-lg border px-4 py-3 shadow-xs transition-colors hover:border-ring focus-visible:outline-2 focus-visible:outline-ring ${
        tone === "alert" && value > 0
          ? "border-destructive-border bg-destructive-soft text-destructive-soft-foreground"
          : "border-border bg-card hover:bg-accent"
      }`}
    >
      <span className="flex items-center gap-1.5 text-2xl font-semibold tabular-nums">
        {tone === "alert" && value > 0 ? <AlertTriangle aria-hidden="true" className="size-5" /> : null}
        {value.toLocaleString("en")}
      </span>
      <span className="block text-sm underline decoration-current/40 underline-offset-2">{label}</span>
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
    <section aria-labelledby={`${id}-title`} className="min-w-0 space-y-2 rounded-lg border border-border bg-card p-4 shadow-xs">
      <h3 id={`${id}-title`} className="font-semibold">
        {title}
      </h3>
      {summary ? <p className={`text-sm ${mutedClass}`}>{summary}</p> : null}
      {empty !== null ? <p className="rounded-md border border-dashed border-border p-4 text-center text-sm text-muted-foreground">{empty}</p> : children}
      {more ? <p className="text-sm">{more}</p> : null}
    </section>
  );
}

// Count phrases have one home (lib/format/plural.ts); kept here for the sections that import it from parts.
export { plural } from "@/lib/format/plural";
