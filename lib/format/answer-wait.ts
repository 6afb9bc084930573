// When a request was answered, against when it was made: both vague dates
// (a year, a month or a day). Safe for the client and the schema alike.
import type { DatePrecision } from "@/lib/generated/prisma/enums";

type Dated = { date: Date; precision: DatePrecision };

const RANK: Record<DatePrecision, number> = { YEAR: 0, MONTH: 1, DAY: 2 };

/** The first instant after the period a vague date names (2005-03 ends at 2005-04-01). */
export function periodEnd({ date, precision }: Dated): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  if (precision === "YEAR") return new Date(Date.UTC(y + 1, 0, 1));
  if (precision === "MONTH") return new Date(Date.UTC(y, m + 1, 1));
  return new Date(Date.UTC(y, m, d + 1));
}

/**
 * Whether the answer certainly came before the request: its whole period ends
 * before the request's begins. "2005" answers "2005-03-17" (it may be later
 * that year); "2005-02" does not answer "2005-03".
 */
export function answeredBeforeAsked(asked: Dated, answered: Dated): boolean {
  return periodEnd(answered).getTime() <= asked.date.getTime();
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/**
 * How long the answer took, in words, at the coarser of the two precisions:
 * "the same year", "2 years later" (years), "the same month", "4 months
 * later", "1 year and 2 months later" (months), "the same day", "12 days
 * later" (days, up to two months; then months). Null when either date is
 * unknown.
 */
export function answerWait(
  asked: { date: Date | null; precision: DatePrecision | null },
  answered: { date: Date | null; precision: DatePrecision | null },
): string | null {
  if (!asked.date || !answered.date) return null;
  const precision = RANK[asked.precision ?? "DAY"] <= RANK[answered.precision ?? "DAY"] ? (asked.precision ?? "DAY") : (answered.precision ?? "DAY");
  const a = asked.date;
  const b = answered.date;
  const years = b.getUTCFullYear() - a.getUTCFullYear();
  if (precision === "YEAR") return years <= 0 ? "the same year" : `${plural(years, "year")} later`;
  if (precision === "DAY") {
    const days = Math.round((b.getTime() - a.getTime()) / 86_400_000);
    if (days <= 0) return "the same day";
    if (days < 60) return `${plural(days, "day")} later`;
  }
  let months = years * 12 + b.getUTCMonth() - a.getUTCMonth();
  // At day precision, a month counts only once its day is reached (17 March to 10 May: 1 month).
  if (precision === "DAY" && b.getUTCDate() < a.getUTCDate()) months -= 1;
  if (months <= 0) return "the same month";
  if (months < 12) return `${plural(months, "month")} later`;
  const rest = months % 12;
  return `${plural(Math.floor(months / 12), "year")}${rest ? ` and ${plural(rest, "month")}` : ""} later`;
}
