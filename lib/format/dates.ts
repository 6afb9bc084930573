// Dates that may be vague: stored as the first day of the period they name,
// with a precision (see prisma/schema.prisma). Shown at that precision only.
import type { DatePrecision } from "@/lib/generated/prisma/enums";

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

export function formatVagueDate(date: Date | null | undefined, precision: DatePrecision | null | undefined): string {
  if (!date) return "Date unknown";
  const y = date.getUTCFullYear();
  const m = MONTHS[date.getUTCMonth()];
  switch (precision ?? "DAY") {
    case "YEAR":
      return String(y);
    case "MONTH":
      return `${m} ${y}`;
    case "DAY":
      return `${date.getUTCDate()} ${m} ${y}`;
  }
}

/** A sort key that puts undated records last and keeps vague dates in order. */
export function vagueDateSortKey(date: Date | null | undefined): number {
  return date ? date.getTime() : Number.POSITIVE_INFINITY;
}

/** "2009 (estimated)" for flagged figures; "Unknown" for nulls. */
export function formatUncertain(value: number | null | undefined, uncertain: boolean): string {
  if (value === null || value === undefined) return "Unknown";
  return uncertain ? `${value} (estimated)` : String(value);
}

export function formatYears(years: readonly number[], uncertain: boolean): string {
  if (years.length === 0) return "Unknown";
  const text = years.join(", ");
  return uncertain ? `${text} (estimated)` : text;
}
