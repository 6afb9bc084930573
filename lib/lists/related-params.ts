// The URL parameters of the two lists that record pages link to for "See all
// N quotes" and "See all N citations" (/quotes?speaker=3,
// /citations?source=12, /citations?request=7): at most one record to filter
// by, and a page. Validated like the other lists' parameters
// (lib/lists/params.ts): an invalid value never fails the page, it is
// ignored and explained. Pure, so that the unit tests share it.
import { z } from "zod";
import { CITATION_TARGETS } from "@/lib/validation/citations";
import { MAX_PAGE, type RawSearchParams } from "@/lib/lists/params";

/** Who said a quote (speaker), or the record it is about. */
export const QUOTE_FILTERS = ["speaker", "request", "concern", "transfer", "inspection"] as const;
/** The source cited, or the record that cites it. */
export const CITATION_FILTERS = ["source", ...CITATION_TARGETS] as const;

export type QuoteFilter = (typeof QUOTE_FILTERS)[number];
export type CitationFilter = (typeof CITATION_FILTERS)[number];

export type RelatedListParams<K extends string> = {
  /** The record the list is filtered by; null: every row. */
  filter: { key: K; id: number } | null;
  page: number;
};

const idSchema = z.string().regex(/^\d{1,9}$/).transform(Number).pipe(z.number().int().min(1));
const pageSchema = z.string().regex(/^\d{1,7}$/).transform(Number).pipe(z.number().int().min(1).max(MAX_PAGE));

function first(raw: RawSearchParams, key: string): string | null {
  const v = raw instanceof URLSearchParams ? raw.getAll(key) : raw[key];
  const list = (v === undefined ? [] : typeof v === "string" ? [v] : [...v]).map((s) => s.trim()).filter(Boolean);
  return list[0] ?? null;
}

const shown = (v: string) => `“${v.length > 40 ? `${v.slice(0, 40)}…` : v}”`;

export function parseRelatedListParams<K extends string>(keys: readonly K[], raw: RawSearchParams): { params: RelatedListParams<K>; messages: string[] } {
  const messages: string[] = [];
  let filter: RelatedListParams<K>["filter"] = null;
  for (const key of keys) {
    const v = first(raw, key);
    if (v === null) continue;
    const r = idSchema.safeParse(v);
    if (!r.success) messages.push(`${shown(v)} is not a number (“${key}” takes a record's number, such as 12); it was ignored.`);
    else if (filter) messages.push(`Only one record is filtered by; “${key}” was ignored.`);
    else filter = { key, id: r.data };
  }
  let page = 1;
  const rawPage = first(raw, "page");
  if (rawPage !== null) {
    const r = pageSchema.safeParse(rawPage);
    if (r.success) page = r.data;
    else messages.push(`Page ${shown(rawPage)} does not exist (pages are numbered 1 to ${MAX_PAGE.toLocaleString("en")}); showing page 1.`);
  }
  return { params: { filter, page }, messages };
}

/** The list's address with `params` (page 1 left out). */
export function relatedListHref(path: string, params: RelatedListParams<string>, page = params.page): string {
  const q = new URLSearchParams();
  if (params.filter) q.set(params.filter.key, String(params.filter.id));
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
