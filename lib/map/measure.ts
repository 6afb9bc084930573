// What the world map shades countries by (?measure=concerns|requests): pure,
// shared by the page, the data function and the tests.

export const MEASURES = {
  concerns: {
    label: "Unresolved concerns",
    description: "Concerns that are open or under monitoring in which the country has a role (supplier, recipient, affected, raised by, other).",
    one: "unresolved concern",
    many: "unresolved concerns",
  },
  requests: {
    label: "Requests received",
    description: "Diplomatic requests (lobbying attempts) that the country received.",
    one: "request received",
    many: "requests received",
  },
} as const;

export type Measure = keyof typeof MEASURES;
export const DEFAULT_MEASURE: Measure = "concerns";

export function isMeasure(value: unknown): value is Measure {
  return typeof value === "string" && Object.hasOwn(MEASURES, value);
}

/** The measure a URL asks for; anything else (absent, repeated, unknown) is the default. */
export function parseMeasure(raw: string | readonly string[] | undefined | null): Measure {
  const value = Array.isArray(raw) ? raw[0] : raw;
  const v = typeof value === "string" ? value.trim().toLowerCase() : "";
  return isMeasure(v) ? v : DEFAULT_MEASURE;
}

/** "1 unresolved concern", "12 requests received". */
export function figureText(measure: Measure, n: number): string {
  const m = MEASURES[measure];
  return `${n.toLocaleString("en")} ${n === 1 ? m.one : m.many}`;
}

export type MapSort = "figure" | "name";

export function parseMapSort(raw: string | readonly string[] | undefined | null): MapSort {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === "name" ? "name" : "figure";
}
