// The global search's input (issue 14, "Global search"): what the header box,
// the command palette, /search?q= and GET /api/v1/search accept, and the
// types it searches. Pure (no database), shared by the server and the
// browser: the type-ahead checks a query with the same schema before it asks.
//
// A query reaches PostgreSQL only as bound parameters: the whole of it
// through websearch_to_tsquery('simple', …), which reads any text without
// an error ("a b": both words, "a or b", "-a", "\"a phrase\""), and its last
// word, when it is letters and digits only, as a prefix (to_tsquery(word:*))
// so that "igl" finds "Igla-S" while the user types (searchTerms,
// lib/lists/params.ts, as the lists do). Operators of to_tsquery's own
// syntax (&, |, !, <->, :*, parentheses) are plain punctuation to
// websearch_to_tsquery, and a prefix word never contains them.
import { z } from "zod";
import { searchTerms, type SearchTerms } from "@/lib/lists/params";

export const MAX_SEARCH_LENGTH = 200;
/** Hits per type in the type-ahead and the palette. */
export const TYPEAHEAD_PER_TYPE = 5;
/** Hits per type on the results page (each group links to its list for the rest). */
export const PAGE_PER_TYPE = 20;
/** Matches are counted up to this many per type ("1,000+" beyond). */
export const COUNT_CAP = 1000;

/**
 * What the global search covers, by the name the API and the URLs use (a
 * record type's segment, and countries). Citations are found through their
 * source's page and the lists' searches, not as hits of their own.
 */
export const SEARCH_TYPES = ["concerns", "requests", "transfers", "inspections", "sources", "actors", "weapon-systems", "quotes", "countries"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Each type's heading in the results (plural) and its noun (one hit). */
export const SEARCH_TYPE_LABELS: Record<SearchType, { heading: string; noun: string; plural: string }> = {
  concerns: { heading: "Concerns", noun: "concern", plural: "concerns" },
  requests: { heading: "Diplomatic requests", noun: "request", plural: "requests" },
  transfers: { heading: "Arms transfers", noun: "transfer", plural: "transfers" },
  inspections: { heading: "Inspections", noun: "inspection", plural: "inspections" },
  sources: { heading: "Sources", noun: "source", plural: "sources" },
  actors: { heading: "Actors", noun: "actor", plural: "actors" },
  "weapon-systems": { heading: "Weapon systems", noun: "weapon system", plural: "weapon systems" },
  quotes: { heading: "Quotes", noun: "quote", plural: "quotes" },
  countries: { heading: "Countries", noun: "country", plural: "countries" },
};

/** Characters that are never searched: NUL (PostgreSQL refuses it in text) and other control characters. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** The query as searched: control characters dropped, white space collapsed, trimmed. */
export function normaliseQuery(raw: string): string {
  return raw.replace(CONTROL, "").replace(/\s+/g, " ").trim();
}

/** A search query: 1 to 200 characters once normalised, with at least one letter or digit. */
export const searchQuerySchema = z
  .string({ error: "Type something to search for." })
  .transform(normaliseQuery)
  .pipe(
    z
      .string()
      .min(1, { error: "Type something to search for." })
      .max(MAX_SEARCH_LENGTH, { error: `A search is at most ${MAX_SEARCH_LENGTH} characters.` })
      .refine((s) => /[\p{L}\p{N}]/u.test(s), { error: "A search needs a letter or a digit to look for." }),
  );

/** `types=concerns,requests`: one or more of SEARCH_TYPES, comma-separated (empty: every type). */
export const searchTypesSchema = z
  .string()
  .max(200, { error: "Too many types." })
  .transform((s) => s.split(",").map((t) => t.trim()).filter((t) => t !== ""))
  .pipe(z.array(z.enum(SEARCH_TYPES, { error: `Each type is one of ${SEARCH_TYPES.join(", ")}.` })))
  .transform((types) => (types.length ? [...new Set(types)] : [...SEARCH_TYPES]));

/** How a query is read: the text for websearch_to_tsquery and the prefix word (lib/lists/params.ts searchTerms). */
export function queryTerms(q: string): SearchTerms {
  return searchTerms(normaliseQuery(q));
}

/** The list page of a type with the same search, where there is one ("more in this list"). */
export function listSearchHref(type: SearchType, q: string): string | null {
  if (type === "quotes") return null; // the quotes list has no search
  return `/${type}?q=${encodeURIComponent(q)}`;
}

/** A hit's snippet: plain text, and the matched words as [start, end) offsets into it (UTF-16, as JavaScript counts). */
export type Snippet = { text: string; highlights: [number, number][] };

/** Marks ts_headline puts around a match: private-use characters, removed from every text before it is read. */
export const MATCH_START = "\uE000";
export const MATCH_END = "\uE001";

/** ts_headline's output (with MATCH_START/MATCH_END) as text and offsets. Nothing in it is ever HTML. */
export function parseHeadline(marked: string): Snippet {
  let text = "";
  const highlights: [number, number][] = [];
  let start: number | null = null;
  for (const ch of marked) {
    if (ch === MATCH_START) {
      start = text.length;
    } else if (ch === MATCH_END) {
      if (start !== null && text.length > start) highlights.push([start, text.length]);
      start = null;
    } else {
      text += ch;
    }
  }
  return { text, highlights };
}

/** A snippet cut into the parts to show, each marked as a match or not (for <mark>). */
export function snippetParts(snippet: Snippet): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const [s, e] of [...snippet.highlights].sort((a, b) => a[0] - b[0])) {
    if (s < at || e > snippet.text.length || e <= s) continue;
    if (s > at) parts.push({ text: snippet.text.slice(at, s), match: false });
    parts.push({ text: snippet.text.slice(s, e), match: true });
    at = e;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), match: false });
  return parts;
}

/** The parts of a name that match the query's words (case-insensitively, whole words or their start), for the type-ahead. */
export function highlightWords(text: string, q: string): Snippet {
  const words = normaliseQuery(q)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && w !== "or");
  const highlights: [number, number][] = [];
  if (words.length) {
    const re = /[\p{L}\p{N}]+/gu;
    const lower = text.toLowerCase();
    for (let m = re.exec(lower); m; m = re.exec(lower)) {
      const w = words.find((x) => m![0].startsWith(x));
      if (w && lower.length === text.length) highlights.push([m.index, m.index + w.length]);
    }
  }
  return { text, highlights };
}
