import "server-only";
// GET /api/v1/search?q=&types=&limit=: the global search for API clients and
// the header's type-ahead (components/search/). The caller's session or
// token decides what is found (lib/search/search.ts), as everywhere in the API.
import { z } from "zod";
import { actorOf, BadRequestError, refuseUnknownQuery, type ApiPrincipal } from "@/lib/api/http";
import { PAGE_PER_TYPE, searchQuerySchema, searchTypesSchema, SEARCH_TYPES, TYPEAHEAD_PER_TYPE } from "@/lib/search/query";
import { searchAll, type SearchResults } from "@/lib/search/search";

/** The operation's query parameters. */
export const SEARCH_QUERY = ["q", "types", "limit"] as const;

const limitSchema = z
  .string()
  .regex(/^\d{1,3}$/, { error: `A whole number from 1 to ${PAGE_PER_TYPE}.` })
  .transform(Number)
  .pipe(z.number().int().min(1, { error: `A whole number from 1 to ${PAGE_PER_TYPE}.` }).max(PAGE_PER_TYPE, { error: `At most ${PAGE_PER_TYPE}.` }));

function one(url: URL, name: (typeof SEARCH_QUERY)[number]): string | null {
  const all = url.searchParams.getAll(name);
  if (all.length > 1) throw new BadRequestError(`Give ${name} once.`, { [name]: ["Given more than once."] });
  return all[0] ?? null;
}

function parse<T>(schema: z.ZodType<T>, name: string, value: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const message = r.error.issues[0]?.message ?? "Not valid.";
  throw new BadRequestError(`${name}: ${message}`, { [name]: [message] });
}

export async function apiSearch(principal: ApiPrincipal, url: URL): Promise<SearchResults> {
  refuseUnknownQuery(url, SEARCH_QUERY);
  const rawQ = one(url, "q");
  if (rawQ === null) throw new BadRequestError("q is required: the words to search for.", { q: ["Required."] });
  const q = parse(searchQuerySchema, "q", rawQ);
  const rawTypes = one(url, "types");
  const types = rawTypes === null ? [...SEARCH_TYPES] : parse(searchTypesSchema, "types", rawTypes);
  const rawLimit = one(url, "limit");
  const limit = rawLimit === null ? TYPEAHEAD_PER_TYPE : parse(limitSchema, "limit", rawLimit);
  return searchAll(actorOf(principal), q, { perType: limit, types });
}
