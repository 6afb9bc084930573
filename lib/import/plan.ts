import "server-only";
// The dry run of an import: every row read and validated with the form's
// schema, its countries and weapon system looked up, and matched against
// what earlier imports created. Only reads: the same function runs again
// inside the import's transaction (lib/import/apply.ts), so that what is
// written is what the checks allow at that moment.
//
// Idempotency: each record's externalId is "import:transfer:" or
// "import:request:" and the SHA-256 of its key (lib/import/transfers.ts,
// requests.ts) and its occurrence number among the file's rows with that
// key. Re-importing a file therefore matches every row instead of creating
// it again, and two identical rows of one file stay two records.
import { createHash } from "node:crypto";
import type pg from "pg";
import { compactKey } from "@/lib/import/cells";
import { countryResolver, type CountryRef } from "@/lib/import/countries";
import { LOWERING_CHECKBOX, type ImportKind } from "@/lib/import/limits";
import type { CsvFile } from "@/lib/import/parse";
import { readRequestRow, REQUEST_COLUMNS, type RequestReading } from "@/lib/import/requests";
import { clip, type CellProblem } from "@/lib/import/rows";
import { dataRows, findHeader, type DataRow, type HeaderMatch } from "@/lib/import/table";
import { designationKey, guessCategory, readTransferRow, TRANSFER_COLUMNS, type TransferReading } from "@/lib/import/transfers";
import { weaponCategoryLabel } from "@/lib/format/labels";
import type { WeaponCategory } from "@/lib/generated/prisma/enums";
import type { Visibility } from "@/lib/generated/prisma/enums";
import { can, canEdit, canSee, type Actor } from "@/lib/permissions";
import type { RequestData } from "@/lib/records/request/definition";
import type { TransferData } from "@/lib/records/transfer/definition";
import { weaponSystemSchema, type WeaponSystemData } from "@/lib/records/weapon-system/definition";

/** A pool or a connection (in a transaction): the plan only reads. */
export type Queryable = { query: (text: string, values?: unknown[]) => Promise<pg.QueryResult> };

/** How many rows and problems the dry run sends to the page (the counts are always complete). */
export const SHOWN_ROWS = 200;
export const SHOWN_PROBLEMS = 1_000;
const SHOWN_NEW_WEAPONS = 200;

export type PlanRow = {
  row: number;
  label: string;
  outcome: "create" | "match" | "error";
  /** The record an earlier import made, when the reader may see it. */
  record: { id: number; href: string } | null;
  errors: CellProblem[];
  notes: CellProblem[];
};

export type DryRun = {
  kind: ImportKind;
  fileName: string;
  size: number;
  sha256: string;
  delimiter: "comma" | "semicolon" | "tab";
  headerRow: number;
  /** Notes on the file as a whole: skipped title rows, columns not read. */
  fileNotes: string[];
  counts: {
    rows: number;
    create: number;
    match: number;
    error: number;
    newWeaponSystems: number;
    /** Records already imported whose visibility the import changes to the file's. */
    visibilityChanges: number;
    /** Rows that would make a restricted record visible to everyone (confirmed or not). */
    lowering: number;
  };
  /** Whether the importer may confirm lowering (editors), and whether they did for this check. */
  lowering: { allowed: boolean; confirmed: boolean };
  /** Every problem of every row, in row order, the first SHOWN_PROBLEMS of them. */
  problems: (CellProblem & { row: number })[];
  problemsTotal: number;
  /** The first SHOWN_ROWS rows and every row with a problem (up to SHOWN_PROBLEMS), in row order. */
  rows: PlanRow[];
  newWeaponSystems: { designation: string; category: WeaponCategory; description: string | null; firstRow: number; rows: number }[];
  canImport: boolean;
};

export type TransferCreate = { row: number; externalId: string; data: TransferData; weapon: { id: number } | { newIndex: number } | null };
export type RequestCreate = { row: number; externalId: string; data: RequestData };

/** A record an earlier import made that takes the file's visibility. */
export type VisibilityChange = { row: number; id: number; from: Visibility; to: Visibility };

export type Plan =
  | { kind: "transfers"; dryRun: DryRun; creates: TransferCreate[]; newWeaponSystems: WeaponSystemData[]; visibilityChanges: VisibilityChange[] }
  | { kind: "requests"; dryRun: DryRun; creates: RequestCreate[]; newWeaponSystems: []; visibilityChanges: VisibilityChange[] };

export type PlanOptions = {
  /** The editor ticked "make these restricted records visible to everyone" in the check. */
  allowLowering?: boolean;
};

/** Who may make a restricted record visible to everyone through an import (with a confirmation). */
export function mayLowerVisibility(actor: Actor): boolean {
  return can(actor.role, "record:edit-any") && can(actor.role, "record:read-restricted");
}

const WHAT: Record<ImportKind, string> = { transfers: "arms transfers", requests: "diplomatic requests" };
const DELIMITER_NAME = { ",": "comma", ";": "semicolon", "\t": "tab" } as const;

export function externalIdOf(kind: ImportKind, key: string, occurrence: number): string {
  const prefix = kind === "transfers" ? "import:transfer:" : "import:request:";
  return prefix + createHash("sha256").update(`v1|${key}|${occurrence}`).digest("hex");
}

async function loadCountries(q: Queryable): Promise<CountryRef[]> {
  const r = await q.query(`SELECT id, alpha2, alpha3, name, "officialName", coalesce("altNames", '{}') AS "altNames" FROM "Country"`);
  return r.rows as CountryRef[];
}

type Existing = {
  id: number;
  externalId: string;
  deletedAt: Date | null;
  visibility: "INTERNAL" | "RESTRICTED";
  createdById: number | null;
  [column: string]: unknown;
};

/** What an import of the file would do, for `actor`. Reads only. */
export async function planImport(q: Queryable, actor: Actor, kind: ImportKind, file: CsvFile, fileName: string, options: PlanOptions = {}): Promise<Plan> {
  const specs = kind === "transfers" ? TRANSFER_COLUMNS : REQUEST_COLUMNS;
  const header = findHeader(file.records, specs as never, WHAT[kind]) as HeaderMatch<string>;
  const { rows, problems: widthProblems } = dataRows(file.records, header);
  const badWidth = new Map(widthProblems.map((p) => [p.row, p.message]));
  const country = countryResolver(await loadCountries(q));

  const readings: (TransferReading | RequestReading)[] = rows.map((row) => {
    const width = badWidth.get(row.row);
    if (width) return widthReading(row, width);
    return kind === "transfers" ? readTransferRow(header as never, row, country) : readRequestRow(header as never, row, country);
  });

  const designationColumn = header.names.designation ?? "Weapon designation";
  const weapons = kind === "transfers" ? await resolveWeapons(q, actor, readings as TransferReading[]) : new Map<number, WeaponChoice>();

  // Occurrence numbers, then which of the records an earlier import made.
  const seen = new Map<string, number>();
  const externalIds = readings.map((r) => {
    if (!r.key) return null;
    const n = (seen.get(r.key) ?? 0) + 1;
    seen.set(r.key, n);
    return externalIdOf(kind, r.key, n);
  });
  const existing = await loadExisting(q, kind, externalIds.filter((id): id is string => id !== null));

  const planRows: PlanRow[] = [];
  const problems: DryRun["problems"] = [];
  let problemsTotal = 0;
  const counts = { rows: readings.length, create: 0, match: 0, error: 0, newWeaponSystems: 0, visibilityChanges: 0, lowering: 0 };
  const mayLower = mayLowerVisibility(actor);
  const allowLowering = mayLower && options.allowLowering === true;
  const visibilityChanges: VisibilityChange[] = [];
  const transferCreates: TransferCreate[] = [];
  const requestCreates: RequestCreate[] = [];
  // New weapon systems, made once per designation, only for rows created.
  const newWeapons: { data: WeaponSystemData; firstRow: number; rows: number; internal?: boolean }[] = [];
  const newWeaponIndex = new Map<string, number>();
  /**
   * An import never lowers a record's visibility on its own. A row that the
   * file marks Internal for a restricted record an earlier import made is a
   * problem, unless an editor confirmed it in the check; Restricted for an
   * internal one is applied when the importer may edit the record. An empty
   * cell (or no column) keeps the record's own. Records the importer may not
   * see, and deleted ones, are left alone, without a word about them.
   */
  const visibilityColumn = header.names.visibility ?? "Visibility";
  const planVisibility = (r: TransferReading | RequestReading, found: Existing): CellProblem | null => {
    if (r.visibility === null || r.visibility === found.visibility || found.deletedAt || !canSee(actor, found)) return null;
    if (r.visibility === "INTERNAL") {
      counts.lowering++;
      if (!mayLower) {
        r.errors.push({ column: visibilityColumn, message: "The file makes this restricted record visible to everyone: only an editor may lower a record's visibility. Write Restricted, or leave the cell empty to keep it." });
        return null;
      }
      if (!allowLowering) {
        r.errors.push({
          column: visibilityColumn,
          message: `The file makes this restricted record visible to everyone. An import does that only when you confirm it: tick “${LOWERING_CHECKBOX}” and check again, or write Restricted in the file.`,
        });
        return null;
      }
      visibilityChanges.push({ row: r.row, id: found.id, from: found.visibility, to: "INTERNAL" });
      return { column: visibilityColumn, message: "Will be made visible to everyone (Internal), as you confirmed." };
    }
    if (!canEdit(actor, found)) {
      return { column: visibilityColumn, message: "The file says Restricted: the record stays Internal, since only its author or an editor may change it." };
    }
    visibilityChanges.push({ row: r.row, id: found.id, from: found.visibility, to: "RESTRICTED" });
    return { column: visibilityColumn, message: "Will be made restricted, as the file says." };
  };

  readings.forEach((r, i) => {
    const externalId = externalIds[i] ?? null;
    const weapon = weapons.get(r.row);
    if (weapon && "error" in weapon) r.errors.push({ column: designationColumn, message: weapon.error });
    const found = externalId ? existing.get(externalId) : undefined;
    const visibilityNote = found && !r.errors.length ? planVisibility(r, found) : null;
    const outcome: PlanRow["outcome"] = r.errors.length || !externalId ? "error" : found ? "match" : "create";
    counts[outcome]++;
    if (outcome === "error") {
      problemsTotal += r.errors.length;
      for (const e of r.errors) if (problems.length < SHOWN_PROBLEMS) problems.push({ row: r.row, ...e });
    }
    // The page shows the first rows and the rows with problems: only theirs
    // are described (at 100,000 rows, describing every row costs seconds).
    const shown = i < SHOWN_ROWS || (outcome === "error" && counts.error <= SHOWN_PROBLEMS);
    const notes = shown ? [...r.notes] : [];
    let record: PlanRow["record"] = null;
    if (shown && outcome === "match" && found) {
      const visible = canSee(actor, found);
      const noun = kind === "transfers" ? "transfer" : "request";
      record = visible ? { id: found.id, href: `/${kind}/${found.id}` } : null;
      const state = found.deletedAt ? `, since deleted${visible ? " (an editor can restore it)" : ""}` : "";
      notes.unshift({ column: null, message: `Already imported${visible ? ` as ${noun} #${found.id}` : ""}${state}: not created again.` });
      const changed = differences(kind, r.data!, found, weapon);
      if (changed.length) {
        notes.push({ column: null, message: `The file differs from the imported record in: ${changed.join(", ")}. An import does not change existing records: edit the record if the file is right.` });
      }
      if (visibilityNote) notes.push(visibilityNote);
    }
    if (outcome === "create" && kind === "transfers") {
      let ref: TransferCreate["weapon"] = null;
      if (weapon && "existing" in weapon) {
        ref = { id: weapon.existing.id };
        if (shown) notes.push({ column: designationColumn, message: `Weapon system “${clip(weapon.existing.name, 60)}” (#${weapon.existing.id}).` });
      } else if (weapon && "create" in weapon) {
        let index = newWeaponIndex.get(weapon.key);
        const first = index === undefined;
        if (index === undefined) {
          index = newWeapons.length;
          newWeaponIndex.set(weapon.key, index);
          newWeapons.push({ data: weapon.create, firstRow: r.row, rows: 0 });
        }
        const made = newWeapons[index]!;
        made.rows++;
        // A weapon system only restricted rows use is restricted too: its name comes from them.
        if ((r.data as TransferData).visibility === "INTERNAL") made.internal = true;
        ref = { newIndex: index };
        if (shown) {
          const c = made.data.category;
          notes.push({
            column: designationColumn,
            message: first
              ? `New weapon system “${clip(made.data.name, 60)}”, category ${weaponCategoryLabel[c]}${c === "OTHER" ? "" : " (from the description)"}: check it after the import.`
              : `Weapon system “${clip(made.data.name, 60)}”, new with row ${made.firstRow}.`,
          });
        }
      }
      transferCreates.push({ row: r.row, externalId: externalId!, data: r.data as TransferData, weapon: ref });
    } else if (outcome === "create") {
      requestCreates.push({ row: r.row, externalId: externalId!, data: r.data as RequestData });
    }
    if (shown) planRows.push({ row: r.row, label: r.label(), outcome, record, errors: r.errors, notes });
  });
  for (const w of newWeapons) w.data = { ...w.data, visibility: w.internal ? "INTERNAL" : "RESTRICTED" };
  counts.newWeaponSystems = newWeapons.length;
  counts.visibilityChanges = visibilityChanges.length;

  const fileNotes: string[] = [];
  if (header.index > 0) fileNotes.push(`Row${header.index === 1 ? " 1 is" : `s 1-${header.index} are`} above the header (row ${header.index + 1}) and were skipped as titles and notes.`);
  if (file.delimiter !== ",") fileNotes.push(`Cells are separated by ${DELIMITER_NAME[file.delimiter]}s.`);
  if (header.ignored.length) fileNotes.push(`Not read (no such field in Demarche): ${header.ignored.join(", ")}.`);

  const dryRun: DryRun = {
    kind,
    fileName,
    size: file.size,
    sha256: file.sha256,
    delimiter: DELIMITER_NAME[file.delimiter],
    headerRow: header.index + 1,
    fileNotes,
    counts,
    problems,
    problemsTotal,
    rows: planRows,
    newWeaponSystems: newWeapons.slice(0, SHOWN_NEW_WEAPONS).map((w) => ({
      designation: w.data.designation ?? w.data.name,
      category: w.data.category,
      description: w.data.description,
      firstRow: w.firstRow,
      rows: w.rows,
    })),
    lowering: { allowed: mayLower, confirmed: allowLowering },
    canImport: counts.error === 0 && (counts.create > 0 || counts.visibilityChanges > 0),
  };
  if (kind === "transfers") {
    return { kind, dryRun, creates: transferCreates, newWeaponSystems: newWeapons.map((w) => w.data), visibilityChanges };
  }
  return { kind, dryRun, creates: requestCreates, newWeaponSystems: [], visibilityChanges };
}

function widthReading(row: DataRow, message: string): TransferReading & RequestReading {
  return {
    row: row.row,
    data: null,
    errors: [{ column: null, message }],
    notes: [],
    key: null,
    label: () => clip(row.cells.filter((c) => c.trim() !== "").slice(0, 3).join(", "), 80),
    supplier: null,
    recipient: null,
    requesting: null,
    target: null,
    designation: null,
    description: null,
    visibility: null,
  };
}

type WeaponChoice =
  | { existing: { id: number; name: string } }
  | { create: WeaponSystemData; key: string }
  | { error: string };

/**
 * Each row's weapon system: an existing one whose designation, or else
 * name, is the row's designation (case, spacing and punctuation aside;
 * deleted ones and those the importer may not see do not count; the oldest
 * wins), or a new one (named and designated as the row, its description and
 * a category guessed from it), validated with the weapon system form's
 * schema. Rows with an unknown weapon have none.
 */
async function resolveWeapons(q: Queryable, actor: Actor, readings: TransferReading[]): Promise<Map<number, WeaponChoice>> {
  const r = await q.query(`SELECT id, name, designation, visibility, "createdById" FROM "WeaponSystem" WHERE "deletedAt" IS NULL ORDER BY id`);
  const byDesignation = new Map<string, { id: number; name: string }>();
  const byName = new Map<string, { id: number; name: string }>();
  for (const w of r.rows as { id: number; name: string; designation: string | null; visibility: "INTERNAL" | "RESTRICTED"; createdById: number | null }[]) {
    if (!canSee(actor, w)) continue;
    const d = w.designation ? compactKey(w.designation) : "";
    if (d && !byDesignation.has(d)) byDesignation.set(d, w);
    const n = compactKey(w.name);
    if (n && !byName.has(n)) byName.set(n, w);
  }
  const choices = new Map<number, WeaponChoice>();
  const made = new Map<string, WeaponChoice>();
  for (const reading of readings) {
    if (!reading.designation) continue;
    const key = designationKey(reading.designation);
    const existing = byDesignation.get(key) ?? byName.get(key);
    if (existing) {
      choices.set(reading.row, { existing });
      continue;
    }
    let choice = made.get(key);
    if (!choice) {
      const parsed = weaponSystemSchema.safeParse({
        name: reading.designation,
        designation: reading.designation,
        category: guessCategory(reading.description),
        description: reading.description,
        originCountryId: null,
        visibility: "INTERNAL",
      });
      choice = parsed.success
        ? { create: parsed.data, key }
        : { error: `No weapon system can be made from this designation: ${parsed.error.issues[0]?.message ?? "it is not valid"}` };
      made.set(key, choice);
    }
    choices.set(reading.row, choice);
  }
  return choices;
}

const TRANSFER_COMPARED: [keyof TransferData, string][] = [
  ["status", "status"],
  ["numberOrdered", "number ordered"],
  ["numberOrderedUncertain", "number ordered estimated"],
  ["numberDelivered", "number delivered"],
  ["numberDeliveredUncertain", "number delivered estimated"],
  ["orderYearUncertain", "year of order estimated"],
  ["deliveryYears", "years of delivery"],
  ["deliveryYearsUncertain", "years of delivery estimated"],
  ["comments", "comments"],
];
const REQUEST_COMPARED: [keyof RequestData, string][] = [
  ["channel", "channel"],
  ["askDetail", "ask detail"],
  ["response", "response"],
  ["responseSummary", "summary"],
  ["classification", "classification"],
];

async function loadExisting(q: Queryable, kind: ImportKind, externalIds: string[]): Promise<Map<string, Existing>> {
  if (externalIds.length === 0) return new Map();
  const sql =
    kind === "transfers"
      ? `SELECT id, "externalId", "deletedAt", visibility, "createdById", "weaponSystemId", status, "numberOrdered", "numberOrderedUncertain", "numberDelivered", "numberDeliveredUncertain", "orderYearUncertain", "deliveryYears", "deliveryYearsUncertain", comments FROM "ArmsTransfer" WHERE "externalId" = ANY($1::text[])`
      : `SELECT id, "externalId", "deletedAt", visibility, "createdById", channel, "askDetail", response, "responseSummary", classification FROM "DiplomaticRequest" WHERE "externalId" = ANY($1::text[])`;
  const r = await q.query(sql, [externalIds]);
  return new Map((r.rows as Existing[]).map((row) => [row.externalId, row]));
}

/** The fields in which the file's row and the record an earlier import made differ. */
function differences(kind: ImportKind, data: TransferData | RequestData, found: Existing, weapon: WeaponChoice | undefined): string[] {
  const compared = (kind === "transfers" ? TRANSFER_COMPARED : REQUEST_COMPARED) as [string, string][];
  const out = compared
    .filter(([field]) => JSON.stringify((data as Record<string, unknown>)[field] ?? null) !== JSON.stringify(found[field] ?? null))
    .map(([, label]) => label);
  if (kind === "transfers") {
    const weaponId = weapon && "existing" in weapon ? weapon.existing.id : null;
    if (found.weaponSystemId !== weaponId) out.unshift("weapon system");
  }
  return out;
}
