// Counts in sentences: "1 request matches", "2 requests match". One helper for
// every count phrase, so that the noun and its verb agree with the number.

/** "1 request", "1,204 requests" (the plural given when it is not the noun plus s). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** The word that agrees with n: inflect(1, "matches", "match") is "matches". */
export const inflect = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** "1 request matches these filters", "3 requests match these filters". */
export const countPhrase = (n: number, noun: { one: string; many?: string }, verb: { one: string; many: string }, rest = ""): string =>
  `${plural(n, noun.one, noun.many)} ${inflect(n, verb.one, verb.many)}${rest ? ` ${rest}` : ""}`;

/** The indefinite article and the noun: "a transfer status", "an actor kind" (by the first letter: the labels have no "hour" or "unit"). */
export const withArticle = (noun: string): string => `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
