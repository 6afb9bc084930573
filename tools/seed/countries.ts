// Every ISO 3166-1 country, from the maintained `world-countries` package
// (alpha-2, alpha-3, numeric, names, region). Entries that are not officially
// assigned ISO codes (Kosovo's user-assigned XK) are left out.
import worldCountries from "world-countries";

export type CountryRow = {
  alpha2: string;
  alpha3: string;
  numeric: string;
  name: string;
  officialName: string | null;
  region: string | null;
  subregion: string | null;
  altNames: string[];
};

export function isoCountries(): CountryRow[] {
  return worldCountries
    .filter((c) => c.status === "officially-assigned" && /^\d{3}$/.test(c.ccn3))
    .map((c) => {
      const alt = new Set<string>([c.name.official, ...c.altSpellings]);
      alt.delete(c.name.common);
      alt.delete(c.cca2);
      return {
        alpha2: c.cca2,
        alpha3: c.cca3,
        numeric: c.ccn3,
        name: c.name.common,
        officialName: c.name.official || null,
        region: c.region || null,
        subregion: c.subregion || null,
        altNames: [...alt].filter((n) => n.length > 0),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "en"));
}
