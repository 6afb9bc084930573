// Finding the header row of an import and the columns it names. Headers are
// matched loosely: case, accents, spacing and punctuation do not matter, and
// "No." is "Number" ("No. ordered" = "Number ordered"). Pure.
import { ImportFileError, tooManyRowsMessage } from "@/lib/import/parse";
import { MAX_IMPORT_ROWS } from "@/lib/import/limits";

export type ColumnSpec<K extends string> = {
  key: K;
  /** The header as the documentation and messages name it. */
  header: string;
  /** Other headers that mean the same column. */
  aliases?: readonly string[];
  required?: boolean;
  /**
   * Registers may follow a figure with an unnamed column that holds "?" when
   * the figure is an estimate (SIPRI's CSV export does): such a column is
   * read as this column's marker.
   */
  markable?: boolean;
  /** What the column holds, for the page's list of columns. */
  help: string;
  /**
   * The field of the record's form (lib/records/<type>/definition.ts) this
   * column fills, when it is one: the column is then also recognised by the
   * field's label (among the aliases) and name (in `names`), and an export
   * of the record writes it under the label (lib/import/columns.ts).
   */
  field?: string;
  /**
   * The column holds a field of the record that field `via` links (the
   * weapon system's description, "Weapon description"): an export of the
   * record writes it from that record.
   */
  linked?: { via: string; field: string };
  /** Headers matched but not listed on the import page (the field's name, as a JSON-style export writes it). */
  names?: readonly string[];
  /**
   * Named columns that say whether a markable column's figure is an
   * estimate ("Number ordered: estimated", yes or empty; an export writes
   * them): read as its marker, as the unnamed one is.
   */
  estimatedNames?: readonly string[];
};

export type HeaderMatch<K extends string> = {
  /** Index of the header record (its row number is index + 1). */
  index: number;
  /** Column index of each recognised column. */
  columns: Partial<Record<K, number>>;
  /** Column index of the marker column of a markable one (unnamed after it, or named by estimatedNames). */
  markers: Partial<Record<K, number>>;
  /** The file's header text of a named marker column (an unnamed one has none). */
  markerNames?: Partial<Record<K, string>>;
  /** The file's own header text of each recognised column (messages name columns as the file does). */
  names: Record<K, string>;
  width: number;
  /** Headers of the columns this import does not read. */
  ignored: string[];
};

/** "Year(s) of delivery" → "yearsofdelivery"; "No. ordered" → "numberordered". */
export function headerKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\(s\)/g, "s")
    .replace(/\b(?:no|nr|num)\b\.?/g, "number")
    .replace(/#/g, "number")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

function specIndex<K extends string>(specs: readonly ColumnSpec<K>[]): Map<string, K> {
  const index = new Map<string, K>();
  for (const s of specs) for (const name of [s.header, ...(s.aliases ?? []), ...(s.names ?? [])]) index.set(headerKey(name), s.key);
  return index;
}

/** The named marker columns: header key → the markable column they mark. */
function markerIndex<K extends string>(specs: readonly ColumnSpec<K>[]): Map<string, K> {
  const index = new Map<string, K>();
  for (const s of specs) for (const name of s.estimatedNames ?? []) index.set(headerKey(name), s.key);
  return index;
}

const HEADER_SCAN = 20;

const listOf = (names: readonly string[]) =>
  names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;

/**
 * The header: the first of the file's first 20 rows that names every
 * required column. Rows above it are titles and notes (registers print
 * some) and are skipped. Refused, naming the columns: no such row, or a
 * column named twice.
 */
export function findHeader<K extends string>(records: readonly string[][], specs: readonly ColumnSpec<K>[], what: string): HeaderMatch<K> {
  const index = specIndex(specs);
  const required = specs.filter((s) => s.required);
  let best: { at: number; found: Set<K> } | null = null;
  for (let at = 0; at < Math.min(records.length, HEADER_SCAN); at++) {
    const found = new Set<K>();
    for (const cell of records[at]!) {
      const key = index.get(headerKey(cell));
      if (key) found.add(key);
    }
    if (found.size > 0 && (!best || found.size > best.found.size)) best = { at, found };
    if (required.every((s) => found.has(s.key))) return matchAt(records, specs, index, at);
  }
  const expected = listOf(required.map((s) => s.header));
  if (!best) {
    const first = records.find((r) => r.some((c) => c.trim() !== "")) ?? [];
    const seen = first.filter((c) => c.trim() !== "").slice(0, 8).map((c) => `“${c.trim().slice(0, 40)}”`);
    throw new ImportFileError(
      `No header row found: the first row should name the columns of ${what}, at least ${expected}.${seen.length ? ` The file’s first row reads ${listOf(seen)}.` : ""} Check that the file holds ${what}.`,
      "HEADER",
    );
  }
  const missing = required.filter((s) => !best.found.has(s.key)).map((s) => `“${s.header}”`);
  throw new ImportFileError(
    `The header row (row ${best.at + 1}) lacks the required column${missing.length === 1 ? "" : "s"} ${listOf(missing)}. ${what[0]!.toUpperCase()}${what.slice(1)} need at least ${expected}.`,
    "HEADER",
  );
}

function matchAt<K extends string>(records: readonly string[][], specs: readonly ColumnSpec<K>[], index: Map<string, K>, at: number): HeaderMatch<K> {
  const header = records[at]!;
  const columns: Partial<Record<K, number>> = {};
  const markers: Partial<Record<K, number>> = {};
  const markerNames: Partial<Record<K, string>> = {};
  const names = {} as Record<K, string>;
  const ignored: string[] = [];
  const markable = new Set(specs.filter((s) => s.markable).map((s) => s.key));
  const namedMarkers = markerIndex(specs);
  header.forEach((cell, i) => {
    const marked = namedMarkers.get(headerKey(cell));
    if (marked) {
      if (markers[marked] !== undefined) {
        throw new ImportFileError(
          `The header row (row ${at + 1}) has two columns marking estimates of “${names[marked] ?? specs.find((s) => s.key === marked)!.header}” (columns ${markers[marked]! + 1} and ${i + 1}). Remove one of them.`,
          "HEADER",
        );
      }
      markers[marked] = i;
      markerNames[marked] = cell.trim();
      return;
    }
    const key = index.get(headerKey(cell));
    if (key) {
      if (columns[key] !== undefined) {
        throw new ImportFileError(
          `The header row (row ${at + 1}) names the column “${names[key]}” twice (columns ${columns[key]! + 1} and ${i + 1}, “${cell.trim()}”). Remove or rename one of them.`,
          "HEADER",
        );
      }
      columns[key] = i;
      names[key] = cell.trim();
      return;
    }
    if (cell.trim() === "") {
      const previous = index.get(headerKey(header[i - 1] ?? ""));
      if (previous && markable.has(previous) && markers[previous] === undefined) {
        markers[previous] = i;
        return;
      }
      ignored.push(`column ${i + 1} (no header)`);
      return;
    }
    ignored.push(`“${cell.trim()}”`);
  });
  return { index: at, columns, markers, markerNames, names, width: header.length, ignored };
}

export type DataRow = { row: number; cells: string[] };

export type RowProblem = { row: number; column: string | null; message: string };

/**
 * The rows below the header, blank ones left out. A row with another number
 * of cells than the header is a problem of that row (a missing delimiter, or
 * a comma not in quotes), except for empty cells trailing past the header,
 * which spreadsheets add.
 */
export function dataRows(records: readonly string[][], header: HeaderMatch<string>): { rows: DataRow[]; problems: RowProblem[] } {
  const rows: DataRow[] = [];
  const problems: RowProblem[] = [];
  for (let i = header.index + 1; i < records.length; i++) {
    const cells = records[i]!;
    if (cells.every((c) => c.trim() === "")) continue;
    const row = i + 1;
    let width = cells.length;
    while (width > header.width && cells[width - 1]!.trim() === "") width--;
    if (width !== header.width) {
      problems.push({
        row,
        column: null,
        message: `This row has ${width} cells; the header has ${header.width}. A cell is missing or one too many, often a comma inside a cell that is not in double quotes.`,
      });
    }
    rows.push({ row, cells });
  }
  if (rows.length > MAX_IMPORT_ROWS) throw new ImportFileError(tooManyRowsMessage(), "TOO_MANY_ROWS");
  if (rows.length === 0) throw new ImportFileError(`The file has a header row (row ${header.index + 1}) but no rows below it.`, "EMPTY");
  return { rows, problems };
}

/** The cell of column `key` in `row` ("" when the file has no such column). */
export function cellOf<K extends string>(header: HeaderMatch<K>, row: DataRow, key: K): string {
  const i = header.columns[key];
  return i === undefined ? "" : (row.cells[i] ?? "");
}

/** The marker column of `key` ("?" for an estimate, "" otherwise; anything else is refused by the caller). */
export function markerOf<K extends string>(header: HeaderMatch<K>, row: DataRow, key: K): string {
  const i = header.markers[key];
  return i === undefined ? "" : (row.cells[i] ?? "").trim();
}

/**
 * A marker cell read: true for an estimate ("?", "(?)"; in a named column
 * also yes, true, estimated, x), false for none (empty; in a named column
 * also no, false), null for anything else (the caller says what is wrong).
 */
export function estimateMark(text: string, named: boolean): boolean | null {
  const t = text.trim().toLowerCase();
  if (t === "") return false;
  if (/^\(?\?\)?$/.test(t)) return true;
  if (!named) return null;
  if (["yes", "y", "true", "estimated", "estimate", "x"].includes(t)) return true;
  if (["no", "n", "false"].includes(t)) return false;
  return null;
}
