// What reading one row of an import gives, whatever the record type, and the
// form schema's verdict put in the file's terms (row and column). Pure.
import type { z } from "zod";
import { enumMatcher, looksLikeFormula, looksLikeNumber, neutraliseFormula } from "@/lib/import/cells";
import type { Visibility } from "@/lib/generated/prisma/enums";

export type CellProblem = { column: string | null; message: string };

export type RowReading<D> = {
  row: number;
  /** The record as the form's schema parsed it; null when the row has errors. */
  data: D | null;
  errors: CellProblem[];
  /** Said in the dry run, not in the way of the import (a neutralised formula). */
  notes: CellProblem[];
  /** What identifies the record across imports (before its occurrence number); null when the row has errors. */
  key: string | null;
  /** The row in a few words, for the dry run's table (made only for the rows it shows). */
  label: () => string;
  /** Who may see the record, as the file says; null when it says nothing (no column, or an empty cell). */
  visibility: Visibility | null;
};

/** The Visibility column of both kinds of file (a Demarche export has it). */
export const VISIBILITY_COLUMN = {
  key: "visibility",
  field: "visibility",
  header: "Visibility",
  aliases: ["Who may see it"],
  help: "Internal (everyone signed in) or Restricted (editors, admins and the author). Empty: Internal for a new record; a record already imported keeps its own.",
} as const;

const VISIBILITY_LABELS: Record<Visibility, string> = { INTERNAL: "Internal", RESTRICTED: "Restricted" };
const VISIBILITY = enumMatcher(VISIBILITY_LABELS, { INTERNAL: ["Everyone signed in", "Everyone"], RESTRICTED: ["Restricted: editors, admins and you"] });

/** The Visibility cell: null when empty (the caller decides what that means). */
export function readVisibility(problems: RowProblems, column: string, text: string): Visibility | null {
  const t = text.trim();
  if (t === "" || problems.refuseFormula(column, t)) return null;
  const value = VISIBILITY(t);
  if (!value) problems.error(column, `“${clip(t)}” is not a visibility: write Internal or Restricted (or leave it empty).`);
  return value;
}

/** Collects a row's problems, one per column (the first said is the one that matters). */
export class RowProblems {
  readonly errors: CellProblem[] = [];
  readonly notes: CellProblem[] = [];
  error(column: string | null, message: string) {
    if (this.has(column)) return;
    this.errors.push({ column, message });
  }

  note(column: string | null, message: string) {
    this.notes.push({ column, message });
  }

  has(column: string | null): boolean {
    return this.errors.some((e) => e.column === column);
  }

  /**
   * Names, codes and enum values: a formula is refused (it cannot be a
   * country or a status, and neutralising it would only make it wrong).
   */
  refuseFormula(column: string, text: string, numeric = false): boolean {
    if (!looksLikeFormula(text) || (numeric && looksLikeNumber(text))) return false;
    this.error(column, `“${clip(text)}” starts with ${firstMark(text)}, which a spreadsheet runs as a formula. Formulas are not accepted: write the value itself.`);
    return true;
  }

  /** Free text: a formula is kept as text, with a leading apostrophe, and said so. */
  freeText(column: string, text: string): string {
    if (!looksLikeFormula(text)) return text;
    this.note(column, `Starts with ${firstMark(text)}, which a spreadsheet would run as a formula: stored with a leading apostrophe, as text (${clip(neutraliseFormula(text))}).`);
    return neutraliseFormula(text);
  }
}

function firstMark(text: string): string {
  const c = text.trimStart()[0] ?? text[0] ?? "";
  return c === "\t" ? "a tab" : c === "\r" ? "a carriage return" : `“${c}”`;
}

export function clip(text: string, max = 60): string {
  const t = text.trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * The schema's issues as problems of the file's columns. An issue on a field
 * whose column already has a problem is left out (the import's own message
 * said more); a refinement that talks of "estimated" gets the file's way of
 * saying it.
 */
export function addSchemaIssues(
  problems: RowProblems,
  error: z.ZodError,
  columnOfField: (field: string) => string | null,
) {
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    const column = columnOfField(field);
    let message = issue.message;
    if (/estimated/.test(message)) message += " In the file, mark an estimate with brackets, e.g. (10), or a question mark, e.g. 10?.";
    problems.error(column, message);
  }
}
