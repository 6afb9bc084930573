// Vague dates as people type them: "2005", "2005-03" or "2005-03-17". Stored
// as the first day of the period plus its precision (see schema.prisma).
import { z } from "zod";
import type { DatePrecision } from "@/lib/generated/prisma/enums";

export type VagueDate = { date: Date; precision: DatePrecision };

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function parseVagueDate(text: string): VagueDate | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  if (year < 1800 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null; // 2005-02-30
  return { date, precision: m[3] ? "DAY" : m[2] ? "MONTH" : "YEAR" };
}

/** Back to the text a form shows. */
export function vagueDateInput(date: Date | string | null | undefined, precision: DatePrecision | null | undefined): string {
  if (!date) return "";
  const iso = (typeof date === "string" ? date : date.toISOString()).slice(0, 10);
  return precision === "YEAR" ? iso.slice(0, 4) : precision === "MONTH" ? iso.slice(0, 7) : iso;
}

/** Whether any part of the period has begun by `now` (a year known only as "2026" is not in the future during 2026). */
export function startsInFuture(value: VagueDate, now = new Date()): boolean {
  return value.date.getTime() > now.getTime();
}

/**
 * Optional vague date field. Empty means unknown (null). `allowFuture` for
 * dates that may lie ahead (a scheduled inspection).
 */
export function vagueDateField(options: { allowFuture?: boolean } = {}) {
  return z
    .preprocess((v) => v ?? null, z.union([z.string({ error: "Write the date as YYYY, YYYY-MM or YYYY-MM-DD." }), z.null()]))
    .transform((value, ctx): VagueDate | null => {
      if (value === null || value.trim() === "") return null;
      const parsed = parseVagueDate(value);
      if (!parsed) {
        ctx.addIssue({ code: "custom", message: "Write the date as YYYY, YYYY-MM or YYYY-MM-DD." });
        return z.NEVER;
      }
      if (!options.allowFuture && startsInFuture(parsed)) {
        ctx.addIssue({ code: "custom", message: "This date is in the future." });
        return z.NEVER;
      }
      return parsed;
    });
}
