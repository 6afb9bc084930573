// Reading one cell of an import: the markers registers use for estimates and
// unknowns, lists of years, names compared loosely, enum values by code or
// label, and cells a spreadsheet would run as formulas. Pure.

/** Lower-case, without accents, punctuation or spacing: "Côte d’Ivoire" and "cote divoire" meet. */
export function looseKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[.'’‘`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** As looseKey, with the spaces gone too: "Igla-S", "IGLA S" and "igla s" are one designation. */
export function compactKey(text: string): string {
  return looseKey(text).replace(/ /g, "");
}

/**
 * Registers write "unknown" as ". ." (SIPRI's text layout), an empty cell or
 * a lone "?". Unknown is stored as null, never as a guess.
 */
export function isUnknown(text: string): boolean {
  const t = text.trim().toLowerCase();
  return t === "" || t === "?" || /^(\.\s*){2,3}$/.test(t) || t === "unknown" || t === "n/a";
}

export type Marked = { value: string | null; uncertain: boolean };

/**
 * A figure or year with its estimate markers taken off: "(10)", "10?",
 * "(10)?", "~10", "c. 10", "ca 10" and "about 10" are 10, estimated; ". .",
 * "?" and "" are unknown. What is left is checked by the form's schema.
 */
export function readMarked(text: string): Marked {
  if (isUnknown(text)) return { value: null, uncertain: false };
  let t = text.trim();
  let uncertain = false;
  if (t.endsWith("?")) {
    uncertain = true;
    t = t.slice(0, -1).trim();
  }
  const bracketed = /^\((.*)\)$/.exec(t) ?? /^\[(.*)\]$/.exec(t);
  if (bracketed) {
    uncertain = true;
    t = bracketed[1]!.trim();
  }
  const about = /^(?:~|c\.|ca\.?|circa|about|approx\.?)\s*(.*)$/i.exec(t);
  if (about) {
    uncertain = true;
    t = about[1]!.trim();
  }
  if (t.endsWith("?")) {
    uncertain = true;
    t = t.slice(0, -1).trim();
  }
  if (isUnknown(t)) return { value: null, uncertain: false };
  return { value: t, uncertain };
}

export type YearList = { years: number[]; uncertain: boolean } | { error: string };

export const YEAR_LIST_HELP = "Write the years as 2008, 2008-2010 or 2008; 2010 (brackets or a question mark for estimates), or leave the cell empty if unknown.";

/**
 * Years of delivery: "2008-2009" (a range, expanded), "2008; 2010",
 * "2008, 2010", "(2009)" or "2009?" (estimated), ". ." (unknown). One marked
 * year marks the list as estimated: the record has one flag for all of them.
 * Range bounds and the years' span are checked here; which years are
 * allowed (1900 to this year) is left to the form's schema.
 */
export function readYearList(text: string): YearList {
  if (isUnknown(text)) return { years: [], uncertain: false };
  let uncertain = false;
  const normalised = text
    .trim()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s*-\s*/g, "-");
  const years: number[] = [];
  for (const raw of normalised.split(/[\s,;/]+/).filter((s) => s !== "")) {
    // Brackets may hold one year, "(2009)", or several, "2008, (2009, 2010)":
    // each part inside them is estimated.
    const token = raw.replace(/[()[\]?]/g, "");
    if (token !== raw) uncertain = true;
    // A lone "?" (or ". .") among years says the list is incomplete.
    if (token === "" || isUnknown(token)) {
      uncertain = true;
      continue;
    }
    const single = /^(\d{4})$/.exec(token);
    const range = /^(\d{4})-(\d{4})$/.exec(token);
    if (single) {
      years.push(Number(single[1]));
    } else if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to < from) return { error: `The range ${token} runs backwards. ${YEAR_LIST_HELP}` };
      if (to - from > 200) return { error: `The range ${token} spans more than 200 years. ${YEAR_LIST_HELP}` };
      for (let y = from; y <= to; y++) years.push(y);
    } else {
      return { error: `“${raw}” is not a year. ${YEAR_LIST_HELP}` };
    }
  }
  return { years, uncertain };
}

/**
 * A cell a spreadsheet would run as a formula when the data is opened in
 * one later: it starts with =, +, -, @ (after optional spaces), or a tab or
 * carriage return.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[\t\r]/.test(text) || /^\s*[=+\-@]/.test(text);
}

/** In a numeric or year column, "-5" and "+5" are numbers (to be refused or read as such), not formulas. */
export function looksLikeNumber(text: string): boolean {
  return /^\s*[+-]?\s*\(?\d/.test(text);
}

/**
 * Free text that would run as a formula gets a leading apostrophe, as
 * spreadsheets themselves mark text (the app's CSV export does the same, so
 * an exported cell is not marked twice).
 */
export function neutraliseFormula(text: string): string {
  return `'${text.trim()}`;
}

/** Code or label to enum value, loosely: "In delivery", "IN_DELIVERY" and "in-delivery" are IN_DELIVERY. */
export function enumMatcher<T extends string>(labels: Record<T, string>, synonyms: Partial<Record<T, readonly string[]>> = {}) {
  const index = new Map<string, T>();
  for (const value of Object.keys(labels) as T[]) {
    for (const name of [value, labels[value], ...(synonyms[value] ?? [])]) index.set(compactKey(name), value);
  }
  // Files repeat a handful of values over many rows: each is worked out once.
  const seen = new Map<string, T | null>();
  return (text: string): T | null => {
    let value = seen.get(text);
    if (value === undefined) {
      value = index.get(compactKey(text)) ?? null;
      if (seen.size < 1_000) seen.set(text, value);
    }
    return value;
  };
}

/** "Delivered, Ordered or Cancelled": the accepted labels, for a message. */
export function listLabels(labels: Record<string, string>): string {
  const all = Object.values(labels);
  return all.length < 2 ? all.join("") : `${all.slice(0, -1).join(", ")} or ${all[all.length - 1]}`;
}
