// Country names as files write them, to the app's countries. Matched on the
// ISO alpha-2 and alpha-3 codes, the name, the official name and the
// alternative names loaded from `world-countries` (Country.altNames), plus
// the few register spellings below that the package lacks; case, accents
// and punctuation do not matter. Pure: the caller loads the countries.
import { looseKey } from "@/lib/import/cells";

export type CountryRef = { id: number; alpha2: string; alpha3: string; name: string; officialName: string | null; altNames: readonly string[] | null };

/** Spellings used by registers (SIPRI's among them) and not in `world-countries`, by alpha-2. */
export const EXTRA_COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = {
  TR: ["Turkey"],
  CV: ["Cabo Verde"],
  KR: ["Korea, South"],
  KP: ["Korea, North"],
  GB: ["Britain"],
  CD: ["Congo, DR", "Congo (DRC)", "Zaire"],
  CG: ["Congo, Republic of"],
  GM: ["The Gambia"],
  BS: ["The Bahamas"],
  VA: ["Holy See"],
};

/**
 * States that no longer exist, and other names registers use that are not
 * ISO 3166 countries: named in the message, because the file then needs a
 * decision (which successor state?) that an import must not take.
 */
const NOT_COUNTRIES: Readonly<Record<string, string>> = {
  "soviet union": "The Soviet Union is not an ISO 3166 country: write the state meant today (usually Russia, or the successor state that made the deal).",
  ussr: "The USSR is not an ISO 3166 country: write the state meant today (usually Russia, or the successor state that made the deal).",
  yugoslavia: "Yugoslavia is not an ISO 3166 country: write the successor state meant (Serbia, Croatia, …).",
  czechoslovakia: "Czechoslovakia is not an ISO 3166 country: write Czechia or Slovakia.",
  "east germany": "East Germany is not an ISO 3166 country: write Germany if that is meant.",
  "east germany gdr": "East Germany is not an ISO 3166 country: write Germany if that is meant.",
  "west germany": "West Germany is not an ISO 3166 country: write Germany.",
  "west germany frg": "West Germany is not an ISO 3166 country: write Germany.",
  "unknown recipient s": "An unknown recipient cannot be imported: every transfer names two ISO countries.",
  "unknown supplier s": "An unknown supplier cannot be imported: every transfer names two ISO countries.",
};

export type CountryMatch = { ok: true; country: CountryRef } | { ok: false; message: string };

/**
 * A resolver over `countries`. Codes are tried first ("CD" is the code of DR
 * Congo before it is anything else); a name shared by two countries is
 * refused as ambiguous rather than given to either.
 */
export function countryResolver(countries: readonly CountryRef[]) {
  const byCode = new Map<string, CountryRef>();
  const byName = new Map<string, CountryRef | "ambiguous">();
  const add = (name: string, c: CountryRef) => {
    const key = looseKey(name);
    if (key === "") return;
    const seen = byName.get(key);
    byName.set(key, seen === undefined || seen === c ? c : "ambiguous");
  };
  for (const c of countries) {
    byCode.set(c.alpha2.toUpperCase(), c);
    byCode.set(c.alpha3.toUpperCase(), c);
  }
  for (const c of countries) {
    add(c.name, c);
    if (c.officialName) add(c.officialName, c);
    for (const n of c.altNames ?? []) add(n, c);
    for (const n of EXTRA_COUNTRY_NAMES[c.alpha2] ?? []) add(n, c);
  }
  const cache = new Map<string, CountryMatch>();
  return (text: string): CountryMatch => {
    const cached = cache.get(text);
    if (cached) return cached;
    const result = resolve(text);
    cache.set(text, result);
    return result;
  };

  function resolve(text: string): CountryMatch {
    const t = text.trim();
    if (t === "") return { ok: false, message: "The country is missing: every record names its countries." };
    // SIPRI marks non-state actors and organisations with trailing asterisks.
    const bare = t.replace(/\*+$/, "").trim();
    const code = bare.replace(/\./g, "").toUpperCase();
    if (/^[A-Z]{2,3}$/.test(code) && byCode.has(code)) return { ok: true, country: byCode.get(code)! };
    const key = looseKey(bare);
    const found = byName.get(key);
    if (found === "ambiguous") {
      const which = countries.filter((c) => [c.name, c.officialName ?? "", ...(c.altNames ?? []), ...(EXTRA_COUNTRY_NAMES[c.alpha2] ?? [])].some((n) => looseKey(n) === key));
      return { ok: false, message: `“${t}” could be ${which.map((c) => `${c.name} (${c.alpha2})`).join(" or ")}: write the ISO code instead.` };
    }
    if (found) return { ok: true, country: found };
    const hint = NOT_COUNTRIES[key];
    if (hint) return { ok: false, message: `“${t}”: ${hint}` };
    if (t !== bare) return { ok: false, message: `“${t}” is not a country (registers mark armed groups and organisations with *): every record names two ISO countries.` };
    return { ok: false, message: `“${t}” is not a country we know: write its English name or its ISO code (e.g. RU or RUS).` };
  }
}
