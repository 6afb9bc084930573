// Builders of the usual filter fields from a list's parsed parameters.
import type { FilterField, FilterOption } from "@/components/lists/filter-bar";
import type { AnyListParams } from "@/lib/lists/params";

export function searchFilter(params: AnyListParams, label: string, hint: string): FilterField {
  return { kind: "search", name: "q", label, value: params.q ?? "", hint };
}

export function countryFilter(params: AnyListParams, countries: { alpha2: string; name: string }[], label = "Country"): FilterField {
  return {
    kind: "select",
    name: "country",
    label,
    value: params.country ?? "",
    anyLabel: "Any country",
    options: countries.map((c) => ({ value: c.alpha2, label: `${c.name} (${c.alpha2})` })),
  };
}

/** A select over an enum's labels, plus any combined choices (e.g. "open or monitoring"). */
export function enumFilter(
  params: AnyListParams,
  name: string,
  label: string,
  labels: Readonly<Record<string, string>>,
  anyLabel: string,
  combined: FilterOption[] = [],
): FilterField {
  return {
    kind: "select",
    name,
    label,
    value: (params.enums[name] ?? []).join(","),
    anyLabel,
    options: [...combined, ...Object.entries(labels).map(([value, text]) => ({ value, label: text }))],
  };
}

export function dateFilters(params: AnyListParams, what: string): FilterField[] {
  return [
    { kind: "date", name: "from", label: `${what} from`, value: params.from?.input ?? "" },
    { kind: "date", name: "to", label: `${what} to`, value: params.to?.input ?? "" },
  ];
}

export function verifiedFilter(params: AnyListParams): FilterField {
  return {
    kind: "select",
    name: "verified",
    label: "Verification",
    value: params.verified === null ? "" : params.verified ? "yes" : "no",
    anyLabel: "Verified or not",
    options: [
      { value: "yes", label: "Verified" },
      { value: "no", label: "Unverified" },
    ],
  };
}

/** Only for those who may restore (editors and admins). */
export function deletedFilter(params: AnyListParams, mayRestore: boolean): FilterField[] {
  return mayRestore ? [{ kind: "checkbox", name: "deleted", label: "Deleted records only", checked: params.deleted }] : [];
}
