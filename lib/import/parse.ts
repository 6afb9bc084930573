// Bytes to CSV records, refusing what is not a UTF-8 CSV file with a message
// that says what to do instead. Pure: no database, no clock.
//
// - Size and row count are capped (lib/import/limits.ts) before the rows are
//   built, so that a hostile file cannot make the server build millions of
//   arrays.
// - The encoding is never guessed: UTF-8 (with or without a BOM) or refused.
//   A silent Latin-1 fallback would turn "Côte d'Ivoire" into another name.
// - The delimiter is the one of comma, semicolon and tab that gives the
//   lines a consistent number of cells (Excel in many European locales
//   saves "CSV" with semicolons). A file in which none does is not CSV.
// - Cells are parsed by csv-parse (quotes, doubled quotes, line breaks in
//   quoted cells), never by splitting lines on commas.
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, tooLargeMessage } from "@/lib/import/limits";

export type Delimiter = "," | ";" | "\t";

export type CsvFile = {
  /** hex SHA-256 of the bytes as uploaded: what a confirmation must match. */
  sha256: string;
  size: number;
  delimiter: Delimiter;
  /** Every record, blank lines included (as [""]), so that index + 1 is the row number a spreadsheet shows. */
  records: string[][];
};

/** A file that cannot be imported at all; the message is for the user. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly code: "EMPTY" | "TOO_LARGE" | "TOO_MANY_ROWS" | "ENCODING" | "BINARY" | "NOT_CSV" | "HEADER",
  ) {
    super(message);
    this.name = "ImportFileError";
  }
}

const SAVE_AS = "Save it from your spreadsheet as “CSV UTF-8 (comma delimited)” and upload that file.";

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/** Files people upload by mistake, recognised by their first bytes. */
const SIGNATURES: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "an Excel workbook (.xlsx) or another zip archive" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: "an Excel 97-2003 workbook (.xls) or another Office file" },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: "a PDF document" },
  { bytes: [0x1f, 0x8b], what: "a gzip archive" },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: "an RTF document" },
];

/** Line (1-based) of the character at `index` of `text`. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8, for the message (only run once decoding failed). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** The file's text, or a refusal that says why and what to do. */
export function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ImportFileError("The file is empty.", "EMPTY");
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportFileError(tooLargeMessage(bytes.length), "TOO_LARGE");
  for (const s of SIGNATURES) {
    if (startsWith(bytes, s.bytes)) throw new ImportFileError(`This file is ${s.what}, not a CSV file. ${SAVE_AS}`, "NOT_CSV");
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new ImportFileError(`This file is in UTF-16 (“Unicode text”), not UTF-8. ${SAVE_AS}`, "ENCODING");
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new ImportFileError(
      `This file holds NUL bytes (the first at byte ${nul + 1}): it is a binary file or UTF-16 text, not a UTF-8 CSV file. ${SAVE_AS}`,
      "BINARY",
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = at < 0 ? null : lineAt(Buffer.from(bytes.subarray(0, at)).toString("latin1"), at);
    throw new ImportFileError(
      `This file is not UTF-8${line ? ` (the first character that is not is on line ${line})` : ""}: it was probably saved as Latin-1 or Windows-1252 (“CSV (comma delimited)” in Excel). ${SAVE_AS}`,
      "ENCODING",
    );
  }
  // Control characters other than tab and line breaks do not occur in text.
  const control = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  if (control) {
    throw new ImportFileError(
      `This file holds control characters (the first on line ${lineAt(text, control.index)}), so it is not a text CSV file. ${SAVE_AS}`,
      "BINARY",
    );
  }
  return text;
}

const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];
const SAMPLE_RECORDS = 50;

/**
 * The delimiter under which most of the first lines agree on one cell count
 * above one. Title lines above a header (registers print some) have fewer
 * cells and do not count. Ties go to the comma.
 */
export function detectDelimiter(text: string): Delimiter {
  let best: { delimiter: Delimiter; score: number } | null = null;
  let failure: unknown = null;
  for (const delimiter of DELIMITERS) {
    let records: string[][];
    try {
      records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to: SAMPLE_RECORDS });
    } catch (error) {
      failure ??= error;
      continue;
    }
    const counts = new Map<number, number>();
    for (const r of records) if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const score = Math.max(0, ...counts.values());
    if (score > 0 && (!best || score > best.score)) best = { delimiter, score };
  }
  // A quote left open breaks the file whatever the delimiter.
  if (!best && failure) throw new ImportFileError(csvErrorMessage(failure), "NOT_CSV");
  if (!best) {
    throw new ImportFileError(
      "No delimiter found: every line is a single cell, with no commas, semicolons or tabs between columns. This is not a CSV file, or it holds one column only. " +
        SAVE_AS,
      "NOT_CSV",
    );
  }
  return best.delimiter;
}

/** How csv-parse's refusals read for a user; `lines` is added to its line numbers (when it parsed a part of the file). */
function csvErrorMessage(error: unknown, lines = 0): string {
  const e = error as { code?: string; lines?: number; message?: string };
  const line = typeof e.lines === "number" ? ` (line ${e.lines + lines})` : "";
  switch (e.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      // csv-parse reports where the file ended, not where the quote opened.
      return `A quoted cell is never closed: the file ends${line} inside a cell that starts with a double quote. Look for the cell whose closing double quote is missing.`;
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return `A quoted cell is followed by other characters${line}: a double quote inside a quoted cell must be doubled ("").`;
    case "CSV_MAX_RECORD_SIZE":
      return `A row is longer than 128,000 characters${line}: the file is probably not CSV, or a quote is not closed.`;
    default:
      return `The file is not valid CSV${line}: ${e.message ?? "unknown error"}.`;
  }
}

const LEAD_RECORDS = 20;

/**
 * Bytes to records. A record limit a little above the row limit stops a file
 * of millions of tiny lines early; the exact row count (blank lines and title
 * lines excluded) is checked once the header is known.
 *
 * The first records are parsed on their own, and the rest from the first one
 * with the body's number of cells: csv-parse measures every record against
 * the first, and a title row above the header (registers print some) would
 * make it build an error object, stack trace included, for every row of the
 * file (five times slower).
 */
export function parseCsvFile(bytes: Uint8Array): CsvFile {
  const text = decodeUtf8(bytes).replace(/^\uFEFF/, "");
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0);
  if (text.trim() === "") throw new ImportFileError("The file is empty.", "EMPTY");
  const delimiter = detectDelimiter(text);
  const options = { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false } as const;
  const cap = MAX_IMPORT_ROWS + 1_000;
  let records: string[][];
  try {
    const lead = parse(body, { ...options, info: true, to: LEAD_RECORDS }) as unknown as { record: string[]; info: { bytes: number; lines: number } }[];
    const widths = new Map<number, number>();
    for (const r of lead) if (r.record.length > 1) widths.set(r.record.length, (widths.get(r.record.length) ?? 0) + 1);
    const width = [...widths].sort((a, b) => b[1] - a[1])[0]?.[0];
    const start = Math.max(0, lead.findIndex((r) => r.record.length === width));
    const before = start > 0 ? lead[start - 1]!.info : { bytes: 0, lines: 0 };
    try {
      records = [...lead.slice(0, start).map((r) => r.record), ...parse(body.subarray(before.bytes), { ...options, to: cap + 1 - start })];
    } catch (error) {
      throw new ImportFileError(csvErrorMessage(error, before.lines), "NOT_CSV");
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(csvErrorMessage(error), "NOT_CSV");
  }
  if (records.length > cap) throw new ImportFileError(tooManyRowsMessage(), "TOO_MANY_ROWS");
  return { sha256: sha256Hex(bytes), size: bytes.length, delimiter, records };
}

export function tooManyRowsMessage(): string {
  return `The file has more than ${MAX_IMPORT_ROWS.toLocaleString("en")} rows, the most one import takes. Split it into smaller files.`;
}
