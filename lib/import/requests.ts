// One row of a file of diplomatic requests to the input of the request
// form's schema, which then validates it as it validates the form. Pure.
//
// Dates are YYYY, YYYY-MM or YYYY-MM-DD, and the precision follows ("2005"
// is the year 2005). Enum values are matched by code or label, loosely
// ("Halt the sale", "halt sale", "HALT_SALE"); optional ones may be empty or
// "unknown".
import { enumMatcher, isUnknown, listLabels, looseKey } from "@/lib/import/cells";
import type { CountryMatch, CountryRef } from "@/lib/import/countries";
import { addSchemaIssues, clip, readVisibility, RowProblems, VISIBILITY_COLUMN, type RowReading } from "@/lib/import/rows";
import { cellOf, type ColumnSpec, type DataRow, type HeaderMatch } from "@/lib/import/table";
import { classificationLabel, requestAskLabel, requestChannelLabel, requestResponseLabel } from "@/lib/format/labels";
import { requestFields, requestSchema, type RequestData, type RequestInput } from "@/lib/records/request/definition";
import { columnsFromFields } from "@/lib/import/columns";
import { vagueDateInput } from "@/lib/vague-date";

export type RequestColumn =
  | "date"
  | "datePrecision"
  | "requesting"
  | "target"
  | "title"
  | "ask"
  | "askDetail"
  | "channel"
  | "response"
  | "summary"
  | "classification"
  | "visibility";

/**
 * The columns of a file of diplomatic requests: its own headers, and the
 * request form's labels and names of the fields they fill (an export with
 * ?shape=record writes those), derived from the request's definition.
 */
export const REQUEST_COLUMNS: readonly ColumnSpec<RequestColumn>[] = columnsFromFields<RequestColumn>(requestFields, [
  { key: "date", field: "occurredOn", header: "Date", aliases: ["Date of request", "Occurred on", "When"], help: "2005, 2005-03 or 2005-03-17 (the precision follows); empty if unknown." },
  {
    key: "datePrecision",
    header: "Date precision",
    aliases: ["Occurred on precision", "Precision"],
    help: "Year, Month or Day: the date's precision when the date is written in full (as an export writes 2009-03-01 for March 2009); empty: as written.",
  },
  { key: "requesting", field: "requestingCountryId", header: "Requesting country", aliases: ["Requester", "Requesting", "From", "From country"], help: "Country name or ISO code." },
  { key: "target", field: "targetCountryId", header: "Target country", aliases: ["Target", "To", "To country"], help: "Country name or ISO code." },
  { key: "title", field: "title", header: "Title", aliases: ["Request"], help: "A short title, at most 300 characters." },
  { key: "ask", field: "ask", header: "Ask", aliases: ["Asked"], help: listLabels(requestAskLabel) + "." },
  { key: "askDetail", field: "askDetail", header: "Ask detail", aliases: ["Ask details", "Details", "Detail"], help: "Free text." },
  { key: "channel", field: "channel", header: "Channel", help: listLabels(requestChannelLabel) + "; empty if unknown." },
  { key: "response", field: "response", header: "Response", aliases: ["Answer"], help: listLabels(requestResponseLabel) + "; empty if unknown." },
  { key: "summary", field: "responseSummary", header: "Summary", aliases: ["Response summary", "Summary of response"], help: "Free text; needs a response." },
  { key: "classification", field: "classification", header: "Classification", aliases: ["Document classification"], help: listLabels(classificationLabel) + "; empty if unknown." },
  VISIBILITY_COLUMN,
]);

/**
 * The request form's fields no column fills: links to other records, which
 * an import of a file cannot name yet (issue 15). An import leaves them empty.
 */
export const REQUEST_FIELDS_NOT_IMPORTED: readonly string[] = ["requestingActorIds", "targetActorIds", "concernIds", "transferIds", "followUpOfId"];

const ASK = enumMatcher(requestAskLabel, {
  HALT_SALE: ["Halt", "Halt the sale", "Stop the sale"],
  SUSPEND_SALE: ["Suspend", "Suspend the sale"],
  CANCEL_SALE: ["Cancel", "Cancel the sale"],
});
const CHANNEL = enumMatcher(requestChannelLabel, { CALL: ["Phone call", "Telephone call"] });
const RESPONSE = enumMatcher(requestResponseLabel, { NO_RESPONSE: ["None", "No answer"] });
const CLASSIFICATION = enumMatcher(classificationLabel, { UNCLASSIFIED: ["Public"] });

const PRECISION_LABELS = { YEAR: "Year", MONTH: "Month", DAY: "Day" } as const;
const PRECISION = enumMatcher(PRECISION_LABELS);
const PRECISION_LENGTH = { YEAR: 4, MONTH: 7, DAY: 10 } as const;

export type RequestReading = RowReading<RequestData> & { requesting: CountryRef | null; target: CountryRef | null };

const FIELD_COLUMN: Record<string, RequestColumn> = {
  title: "title",
  occurredOn: "date",
  requestingCountryId: "requesting",
  targetCountryId: "target",
  channel: "channel",
  ask: "ask",
  askDetail: "askDetail",
  response: "response",
  responseSummary: "summary",
  classification: "classification",
};

export function readRequestRow(
  header: HeaderMatch<RequestColumn>,
  row: DataRow,
  country: (text: string) => CountryMatch,
): RequestReading {
  const p = new RowProblems();
  const name = (key: RequestColumn) => header.names[key] ?? REQUEST_COLUMNS.find((c) => c.key === key)!.header;
  const cell = (key: RequestColumn) => cellOf(header, row, key);

  const countryOf = (key: "requesting" | "target"): CountryRef | null => {
    const text = cell(key);
    if (p.refuseFormula(name(key), text)) return null;
    const m = country(text);
    if (!m.ok) {
      p.error(name(key), m.message);
      return null;
    }
    return m.country;
  };
  const requesting = countryOf("requesting");
  const target = countryOf("target");

  /** An enum column: required ones must name a value; optional ones may say nothing or "unknown". */
  function enumOf<T extends string>(key: RequestColumn, match: (t: string) => T | null, labels: Record<T, string>, required: boolean): T | null {
    const text = cell(key);
    if (p.refuseFormula(name(key), text)) return null;
    if (!required && isUnknown(text)) return null;
    const value = match(text);
    if (!value) {
      p.error(
        name(key),
        text.trim() === "" ? `This is required: write ${listLabels(labels)}.` : `“${clip(text)}” is not one of ${listLabels(labels)}${required ? "" : " (or empty if unknown)"}.`,
      );
    }
    return value;
  }
  const ask = enumOf("ask", ASK, requestAskLabel, true);
  const channel = enumOf("channel", CHANNEL, requestChannelLabel, false);
  const response = enumOf("response", RESPONSE, requestResponseLabel, false);
  const classification = enumOf("classification", CLASSIFICATION, classificationLabel, false);

  const dateText = cell("date").trim();
  const written = p.refuseFormula(name("date"), dateText, true) || isUnknown(dateText) ? null : dateText;
  // An export writes a vague date as its first day plus a precision: read
  // back as such, "2009-03-01" with MONTH is March 2009 (and re-imports match).
  const precision = enumOf("datePrecision", PRECISION, PRECISION_LABELS, false);
  const date = written && precision && /^\d{4}-\d{2}-\d{2}$/.test(written) ? written.slice(0, PRECISION_LENGTH[precision]) : written;
  const text = (key: RequestColumn) => {
    const t = cell(key).trim();
    return t === "" ? null : p.freeText(name(key), t);
  };

  const visibility = readVisibility(p, name("visibility"), cell("visibility"));

  const input: RequestInput = {
    title: text("title") ?? "",
    occurredOn: date,
    requestingCountryId: requesting?.id ?? 0,
    targetCountryId: target?.id ?? 0,
    channel,
    ask: (ask ?? "") as RequestInput["ask"],
    askDetail: text("askDetail"),
    response,
    responseSummary: text("summary"),
    respondedOn: null, // no column yet (lib/import/kinds.ts)
    classification,
    visibility: visibility ?? "INTERNAL",
    followUpOfId: null,
    requestingActorIds: [],
    targetActorIds: [],
    concernIds: [],
    transferIds: [],
  };
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success) addSchemaIssues(p, parsed.error, (field) => (FIELD_COLUMN[field] ? name(FIELD_COLUMN[field]) : null));

  const data = p.errors.length === 0 && parsed.success ? parsed.data : null;
  const label = requestLabel(requesting?.name ?? clip(cell("requesting"), 30), target?.name ?? clip(cell("target"), 30), cell("title"), data);
  return {
    row: row.row,
    data,
    errors: p.errors,
    notes: p.notes,
    key: data ? requestKey(data, requesting!, target!) : null,
    label,
    requesting,
    target,
    visibility,
  };
}

/** The row's label, made when the page shows it (a closure over these values only, not the reading's scope). */
function requestLabel(requesting: string, target: string, title: string, data: RequestData | null): () => string {
  return () => `${data?.occurredOn ? vagueDateInput(data.occurredOn.date, data.occurredOn.precision) : "date unknown"}, ${requesting} → ${target}: ${clip(title, 80)}`;
}

/**
 * What identifies a request across imports: its date as written (with its
 * precision), the two countries, the ask and the title (loosely: case and
 * spacing do not matter). The response is left out, so that a file updated
 * with the answers still matches the requests it already holds.
 */
export function requestKey(data: RequestData, requesting: CountryRef, target: CountryRef): string {
  const date = data.occurredOn ? vagueDateInput(data.occurredOn.date, data.occurredOn.precision) : "";
  return ["request", date, requesting.alpha2, target.alpha2, data.ask, looseKey(data.title)].join("|");
}
