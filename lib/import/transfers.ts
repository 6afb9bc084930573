// One row of an arms-transfer register (SIPRI's trade register layout) to the
// input of the transfer form's schema, which then validates it exactly as
// it validates the form. Pure: countries come in as a resolver, weapon
// systems are matched afterwards (lib/import/plan.ts).
//
// Markers: "(10)", "10?" and an unnamed "?" column after the figure mean an
// estimate (the figure with its ...Uncertain flag); ". .", "?" and an empty
// cell mean unknown (null). Years of delivery: "2008-2010" (expanded),
// "2008; 2010", "(2009)".
import { compactKey, enumMatcher, isUnknown, listLabels, readMarked, readYearList, type Marked } from "@/lib/import/cells";
import type { CountryMatch, CountryRef } from "@/lib/import/countries";
import { addSchemaIssues, clip, readVisibility, RowProblems, VISIBILITY_COLUMN, type RowReading } from "@/lib/import/rows";
import { cellOf, estimateMark, markerOf, type ColumnSpec, type DataRow, type HeaderMatch } from "@/lib/import/table";
import type { WeaponCategory } from "@/lib/generated/prisma/enums";
import { transferStatusLabel } from "@/lib/format/labels";
import { transferFields, transferSchema, type TransferData, type TransferInput } from "@/lib/records/transfer/definition";
import { columnsFromFields } from "@/lib/import/columns";

export type TransferColumn =
  | "recipient"
  | "supplier"
  | "orderYear"
  | "numberOrdered"
  | "designation"
  | "description"
  | "numberDelivered"
  | "deliveryYears"
  | "status"
  | "comments"
  | "visibility";

/**
 * The columns of an arms-transfer file: a register's headers (SIPRI's), and
 * the transfer form's labels and names of the fields they fill (an export
 * with ?shape=record writes those), derived from the transfer's definition.
 */
export const TRANSFER_COLUMNS: readonly ColumnSpec<TransferColumn>[] = columnsFromFields<TransferColumn>(transferFields, [
  { key: "recipient", field: "recipientId", header: "Recipient", aliases: ["Recipient country", "Buyer"], required: true, help: "Country name or ISO code." },
  { key: "supplier", field: "supplierId", header: "Supplier", aliases: ["Supplier country", "Seller"], required: true, help: "Country name or ISO code." },
  { key: "orderYear", field: "orderYear", header: "Year of order", aliases: ["Order year", "Year ordered", "Ordered in"], help: "2005; (2005) or 2005? when estimated." },
  { key: "numberOrdered", field: "numberOrdered", header: "No. ordered", aliases: ["Number ordered", "Quantity ordered", "Ordered"], help: "100; (100) or 100? when estimated." },
  {
    key: "designation",
    field: "weaponSystemId",
    header: "Weapon designation",
    aliases: ["Designation", "Weapon system", "Weapon"],
    // The column must be there (a register always has it); its cell may say the weapon is unknown.
    required: true,
    help: "Matched to a weapon system by designation or name; a new one is created when none matches.",
  },
  { key: "description", linked: { via: "weaponSystemId", field: "description" }, header: "Weapon description", aliases: ["Description"], help: "Free text, e.g. “portable SAM”; sets a new weapon system’s description and category." },
  { key: "numberDelivered", field: "numberDelivered", header: "No. delivered", aliases: ["Number delivered", "Quantity delivered", "Delivered"], help: "60; (60) or 60? when estimated." },
  {
    key: "deliveryYears",
    field: "deliveryYears",
    header: "Year(s) of delivery",
    aliases: ["Years of delivery", "Year of delivery", "Year(s) of deliveries", "Delivery years", "Delivered in"],
    help: "2008-2010, 2008; 2010, (2009).",
  },
  {
    key: "status",
    field: "status",
    header: "Status",
    aliases: ["Deal status", "Transfer status"],
    // The form requires a status; a file may leave it out (read from the deliveries).
    required: false,
    help: `${listLabels(transferStatusLabel)}. Empty, or a register's condition (New, Second hand): read from the deliveries, the condition kept in the comments.`,
  },
  { key: "comments", field: "comments", header: "Comments", aliases: ["Comment", "Notes", "Note"], help: "Free text." },
  VISIBILITY_COLUMN,
]);

/** The transfer form's fields no column of the import fills (the import leaves them empty; lib/import/kinds.ts). */
export const TRANSFER_FIELDS_NOT_IMPORTED: readonly string[] = [];

const STATUS = enumMatcher(transferStatusLabel, { CANCELLED: ["Canceled"], IN_DELIVERY: ["Delivering", "Being delivered"] });

/**
 * SIPRI's register uses its "status" column for the weapons' condition, not
 * the deal's: "New", "Second hand", "Second hand but modernized".
 */
const CONDITION = /^(new|second[\s-]*hand(\s+but\s+moderni[sz]ed)?|used|refurbished|modernized|modernised)$/i;

/** The deal's status as a register's figures tell it, when the file does not say. */
function statusFromDeliveries(orderedText: string | null, deliveredText: string | null, deliveryYears: number[]): "ORDERED" | "IN_DELIVERY" | "DELIVERED" {
  // The figures as the schema will read them (it reports what is not a number).
  const figure = (text: string | null) => {
    const n = text === null ? NaN : Number(text.replace(/[\s,]/g, ""));
    return Number.isFinite(n) ? n : null;
  };
  const ordered = figure(orderedText);
  const delivered = figure(deliveredText);
  if ((delivered === null || delivered === 0) && deliveryYears.length === 0) return "ORDERED";
  if (ordered !== null && delivered !== null && delivered < ordered) return "IN_DELIVERY";
  return "DELIVERED";
}

export type TransferReading = RowReading<TransferData> & {
  supplier: CountryRef | null;
  recipient: CountryRef | null;
  /** The designation as written (trimmed); null when the weapon is unknown. */
  designation: string | null;
  description: string | null;
};

/** Which column a field of the transfer schema comes from. */
const FIELD_COLUMN: Record<string, TransferColumn> = {
  supplierId: "supplier",
  recipientId: "recipient",
  weaponSystemId: "designation",
  status: "status",
  numberOrdered: "numberOrdered",
  numberOrderedUncertain: "numberOrdered",
  numberDelivered: "numberDelivered",
  numberDeliveredUncertain: "numberDelivered",
  orderYear: "orderYear",
  orderYearUncertain: "orderYear",
  deliveryYears: "deliveryYears",
  deliveryYearsUncertain: "deliveryYears",
  comments: "comments",
};

// Helpers of readTransferRow, at module level rather than closures made for
// each of 100,000 rows.
type Ctx = { p: RowProblems; header: HeaderMatch<TransferColumn>; row: DataRow };

const columnName = (header: HeaderMatch<TransferColumn>, key: TransferColumn) => header.names[key] ?? HEADERS[key];
const HEADERS = Object.fromEntries(TRANSFER_COLUMNS.map((c) => [c.key, c.header])) as Record<TransferColumn, string>;

function countryIn(c: Ctx, key: "supplier" | "recipient", country: (text: string) => CountryMatch): CountryRef | null {
  const text = cellOf(c.header, c.row, key);
  if (c.p.refuseFormula(columnName(c.header, key), text)) return null;
  const m = country(text);
  if (m.ok) return m.country;
  c.p.error(columnName(c.header, key), m.message);
  return null;
}

const NOT_MARKED: Marked = { value: null, uncertain: false };

/** A figure or a year with its markers; the schema checks what is left. */
function markedIn(c: Ctx, key: "orderYear" | "numberOrdered" | "numberDelivered"): Marked {
  const text = cellOf(c.header, c.row, key);
  if (c.p.refuseFormula(columnName(c.header, key), text, true)) return NOT_MARKED;
  const m = readMarked(text);
  return markedBy(c, key) ? { value: m.value, uncertain: true } : m;
}

/**
 * Whether the marker column of `key` says its figure is an estimate: the
 * unnamed one after it ("?"), or a named one ("Number ordered: estimated",
 * as an export writes it: yes or empty). Anything else is an error.
 */
function markedBy(c: Ctx, key: "orderYear" | "numberOrdered" | "numberDelivered" | "deliveryYears"): boolean {
  const marker = markerOf(c.header, c.row, key);
  const named = c.header.markerNames?.[key];
  const mark = estimateMark(marker, named !== undefined);
  if (mark !== null) return mark;
  // An unnamed column after the years of delivery has always been read as a mark, whatever it holds.
  if (named === undefined && key === "deliveryYears") return true;
  c.p.error(
    columnName(c.header, key),
    named === undefined
      ? `The unnamed column after “${columnName(c.header, key)}” marks estimates with “?”; it holds “${clip(marker, 20)}”.`
      : `The column “${named}” says whether “${columnName(c.header, key)}” is an estimate: write yes, or leave it empty; it holds “${clip(marker, 20)}”.`,
  );
  return true;
}

export function readTransferRow(
  header: HeaderMatch<TransferColumn>,
  row: DataRow,
  country: (text: string) => CountryMatch,
): TransferReading {
  const p = new RowProblems();
  const c: Ctx = { p, header, row };
  const supplier = countryIn(c, "supplier", country);
  const recipient = countryIn(c, "recipient", country);
  const orderYear = markedIn(c, "orderYear");
  const numberOrdered = markedIn(c, "numberOrdered");
  const numberDelivered = markedIn(c, "numberDelivered");

  let deliveryYears: number[] = [];
  let deliveryYearsUncertain = markedBy(c, "deliveryYears");
  const yearsText = cellOf(header, row, "deliveryYears");
  if (!p.refuseFormula(columnName(header, "deliveryYears"), yearsText, true)) {
    const list = readYearList(yearsText);
    if ("error" in list) p.error(columnName(header, "deliveryYears"), list.error);
    else {
      deliveryYears = list.years;
      deliveryYearsUncertain ||= list.uncertain;
    }
  }

  const statusText = cellOf(header, row, "status").trim();
  let status: string = "";
  let condition: string | null = null;
  if (!p.refuseFormula(columnName(header, "status"), statusText)) {
    const s = STATUS(statusText);
    if (s) status = s;
    else if (statusText === "" || CONDITION.test(statusText)) {
      status = statusFromDeliveries(numberOrdered.value, numberDelivered.value, deliveryYears);
      if (statusText !== "") condition = statusText;
      p.note(
        columnName(header, "status"),
        `${statusText === "" ? "No status" : `“${clip(statusText)}” is the weapons’ condition, not the deal’s status`}: ${transferStatusLabel[status as keyof typeof transferStatusLabel]}, read from the deliveries${condition ? "; the condition is kept in the comments" : ""}.`,
      );
    } else {
      p.error(
        columnName(header, "status"),
        `“${clip(statusText)}” is not a status: write ${listLabels(transferStatusLabel)} (or leave it empty to read it from the deliveries).`,
      );
    }
  }

  const designationText = cellOf(header, row, "designation").trim();
  let designation: string | null = null;
  if (!p.refuseFormula(columnName(header, "designation"), designationText) && !isUnknown(designationText)) designation = designationText;
  const descriptionText = cellOf(header, row, "description").trim();
  const description = descriptionText === "" ? null : p.freeText(columnName(header, "description"), descriptionText);
  const commentsText = cellOf(header, row, "comments").trim();
  const written = commentsText === "" ? null : p.freeText(columnName(header, "comments"), commentsText);
  const comments = condition ? [`Condition: ${condition}.`, written].filter(Boolean).join(" ") : written;

  const visibility = readVisibility(p, columnName(header, "visibility"), cellOf(header, row, "visibility"));

  const input: TransferInput = {
    supplierId: supplier?.id ?? 0,
    recipientId: recipient?.id ?? 0,
    weaponSystemId: null,
    status: status as TransferInput["status"],
    numberOrdered: numberOrdered.value,
    numberOrderedUncertain: numberOrdered.uncertain,
    numberDelivered: numberDelivered.value,
    numberDeliveredUncertain: numberDelivered.uncertain,
    orderYear: orderYear.value,
    orderYearUncertain: orderYear.uncertain,
    deliveryYears,
    deliveryYearsUncertain,
    comments,
    visibility: visibility ?? "INTERNAL",
  };
  const parsed = transferSchema.safeParse(input);
  if (!parsed.success) addSchemaIssues(p, parsed.error, (field) => (FIELD_COLUMN[field] ? columnName(header, FIELD_COLUMN[field]) : null));

  const data = p.errors.length === 0 && parsed.success ? parsed.data : null;
  return {
    row: row.row,
    data,
    errors: p.errors,
    notes: p.notes,
    key: data ? transferKey(supplier!, recipient!, designation, data.orderYear) : null,
    label: transferLabel(supplier?.name ?? clip(cellOf(header, row, "supplier"), 30), recipient?.name ?? clip(cellOf(header, row, "recipient"), 30), designation, data),
    supplier,
    recipient,
    designation,
    description,
    visibility,
  };
}

/**
 * The row's label, made when the page shows the row. A function of its own,
 * so that the closure keeps these few values and not the whole reading's
 * scope (at 100,000 rows, the garbage collector notices).
 */
function transferLabel(supplier: string, recipient: string, designation: string | null, data: TransferData | null): () => string {
  return () =>
    [
      `${supplier} → ${recipient}`,
      designation ? clip(designation, 40) : "weapon unknown",
      data?.orderYear ? `ordered ${data.orderYear}${data.orderYearUncertain ? " (estimated)" : ""}` : null,
    ]
      .filter(Boolean)
      .join(", ");
}

// A register names a few thousand designations over many rows: their loose
// form is worked out once (the cache is emptied past a bound, so that a
// long-running server does not keep every designation it ever saw).
const designationKeys = new Map<string, string>();

/** compactKey of a designation, cached. */
export function designationKey(designation: string): string {
  let key = designationKeys.get(designation);
  if (key === undefined) {
    if (designationKeys.size > 50_000) designationKeys.clear();
    key = compactKey(designation);
    designationKeys.set(designation, key);
  }
  return key;
}

/**
 * What identifies a deal across imports: supplier, recipient, weapon and
 * year of order (estimate markers and figures left out, so that a register
 * revised later still matches the deal it already holds).
 */
export function transferKey(supplier: CountryRef, recipient: CountryRef, designation: string | null, orderYear: number | null): string {
  return ["transfer", supplier.alpha2, recipient.alpha2, designation ? designationKey(designation) : "", orderYear ?? ""].join("|");
}

/**
 * A new weapon system's category from the register's description, by a few
 * words registers use ("portable SAM" is MANPADS; "anti-ship missile" is a
 * missile, not a ship); anything else is OTHER. Checked in this order.
 */
const CATEGORY_WORDS: readonly [WeaponCategory, RegExp][] = [
  ["MANPADS", /\b(manpads|portable sam|man[- ]portable)\b/i],
  ["AIR_DEFENCE_SYSTEMS", /\b(sam system|air defen[cs]e|ad system|anti-aircraft gun|aa gun|spaag)\b/i],
  ["AIRCRAFT", /\b(aircraft|helicopter|uav|ucav|drone|fighter|bomber|trainer|airliner)\b/i],
  ["MISSILES", /\b(missile|sam|asm|aam|ssm|bvraam|srbm|atgm|anti-tank missile|torpedo|guided rocket)s?\b/i],
  ["SHIPS", /\b(ship|frigate|corvette|destroyer|submarine|patrol craft|patrol boat|landing craft|minehunter|minesweeper|opv|vessel)s?\b/i],
  ["ARMOURED_VEHICLES", /\b(tank|apc|ifv|armou?red|afv|mrap|apv)s?\b/i],
  ["SMALL_ARMS_LIGHT_WEAPONS", /\b(rifle|carbine|pistol|machine gun|sub-machine gun|grenade launcher|small arms)s?\b/i],
  ["ARTILLERY", /\b(gun|howitzer|mortar|mrl|rocket launcher|artillery)s?\b/i],
  ["SENSORS", /\b(radar|sonar|sensor|eo system|sigint)s?\b/i],
];

export function guessCategory(description: string | null): WeaponCategory {
  if (!description) return "OTHER";
  for (const [category, words] of CATEGORY_WORDS) if (words.test(description)) return category;
  return "OTHER";
}
