// Quotations typeset one way everywhere: typographic double quotes around a
// quote or passage (“…”), a quote within it in single ones (‘…’), and never a
// second pair when the text arrives already wrapped in quotation marks.
// A text that itself begins or ends with a quotation (a passage such as
// `"Given the history…," writes Matt Schroeder`) gets no added pair: its own
// marks are its outer ones (“Given the history…,” writes Matt Schroeder), for
// a pair added around it would stand beside its own (“‘Given…), which reads
// as a stray mark, the more so when the passage is cut after a few words.
// Pure; used by every component that shows a quote or a cited passage.

const OPEN = new Set(['"', "“", "„", "«"]);
const CLOSE = new Set(['"', "”", "»"]);
const DOUBLE = /["“”„«»]/;
const SINGLE_OPEN = new Set(["'", "‘"]);
const SINGLE_CLOSE = new Set(["'", "’"]);
const SINGLE = /['‘’]/;

/**
 * The text without the quotation marks that wrap it whole ("…", “…”, '…' or
 * ‘…’): `"secret."` gives `secret.`; quotes inside (`a "b" c`) are kept, and
 * so is a text that merely starts or ends with a quoted part (`"a," he said`).
 * Single marks are taken off only when no other single mark (an apostrophe)
 * is inside, so that `'a' and 'b'` or `'Venezuela's'` stay as they are.
 */
export function unwrapQuote(text: string): string {
  const t = text.trim();
  if (t.length < 2) return t;
  if (OPEN.has(t[0]!) && CLOSE.has(t.at(-1)!)) {
    // `"a" and "b"` starts and ends with a mark but is two quotes: leave it.
    const inner = unwrapQuote(t.slice(1, -1));
    return DOUBLE.test(inner) ? t : inner;
  }
  if (SINGLE_OPEN.has(t[0]!) && SINGLE_CLOSE.has(t.at(-1)!)) {
    const inner = t.slice(1, -1);
    return SINGLE.test(inner) ? t : unwrapQuote(inner);
  }
  return t;
}

const opensAfter = (prev: string) => /[\s([{\u2014\u2013-]/.test(prev);

/** Quotation marks within a quote: straight or curly double ones become ‘…’, apostrophes ’. */
export function typesetInner(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const opening = opensAfter(i === 0 ? " " : text[i - 1]!);
    if (ch === '"') out += opening ? "‘" : "’";
    else if (ch === "“" || ch === "„" || ch === "«") out += "‘";
    else if (ch === "”" || ch === "»") out += "’";
    else if (ch === "'") out += opening ? "‘" : "’";
    else out += ch;
  }
  return out;
}

/** A text's own marks as the outer ones: double quotes “…”, single ones ‘…’, apostrophes ’. */
function typesetOwn(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const opening = opensAfter(i === 0 ? " " : text[i - 1]!);
    if (ch === '"') out += opening ? "“" : "”";
    else if (ch === "„" || ch === "«") out += "“";
    else if (ch === "»") out += "”";
    else if (ch === "'") out += opening ? "‘" : "’";
    else out += ch;
  }
  return out;
}

/**
 * Whether the text begins or ends with a quotation mark of its own, double
 * or single. A final single mark counts when it closes a quotation (after
 * punctuation, `…merited,'`, or with an opening single mark before it), not
 * when it is an apostrophe (`the generals'`).
 */
export function hasOwnQuoteAtEdge(text: string): boolean {
  const first = text[0];
  const last = text.at(-1);
  if (first === undefined || last === undefined) return false;
  if (OPEN.has(first) || SINGLE_OPEN.has(first) || CLOSE.has(last)) return true;
  if (!SINGLE_CLOSE.has(last)) return false;
  const body = text.slice(0, -1);
  return /[.,!?;:…]$/.test(body) || /(^|[\s([{\u2014\u2013-])['‘]|‘/.test(body);
}

/** A quote or passage as shown: `“…”`, once, whatever marks it was stored with. */
export function quoted(text: string): string {
  const t = unwrapQuote(text);
  return hasOwnQuoteAtEdge(t) ? typesetOwn(t) : `“${typesetInner(t)}”`;
}

/** The same text for comparing passages: unwrapped, marks and spaces normalised. */
export function passageKey(text: string): string {
  return typesetInner(unwrapQuote(text)).replace(/\s+/g, " ").toLowerCase();
}
