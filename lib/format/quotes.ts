// Quotations typeset one way everywhere: typographic double quotes around a
// quote or passage (“…”), a quote within it in single ones (‘…’), and never a
// second pair when the text arrives already wrapped in quotation marks.
// Pure; used by every component that shows a quote or a cited passage.

const OPEN = new Set(['"', "“", "„", "«"]);
const CLOSE = new Set(['"', "”", "»"]);
const DOUBLE = /["“”„«»]/;

/**
 * The text without the quotation marks that wrap it whole ("…" or “…”):
 * `"secret."` gives `secret.`; quotes inside (`a "b" c`) are kept, and so is
 * a text that merely starts or ends with a quoted part (`"a," he said`).
 */
export function unwrapQuote(text: string): string {
  const t = text.trim();
  if (t.length < 2 || !OPEN.has(t[0]!) || !CLOSE.has(t.at(-1)!)) return t;
  // `"a" and "b"` starts and ends with a mark but is two quotes: leave it.
  const inner = unwrapQuote(t.slice(1, -1));
  return DOUBLE.test(inner) ? t : inner;
}

/** Quotation marks within a quote: straight or curly double ones become ‘…’, apostrophes ’. */
export function typesetInner(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const prev = i === 0 ? " " : text[i - 1]!;
    const opening = /[\s([{\u2014\u2013-]/.test(prev);
    if (ch === '"') out += opening ? "‘" : "’";
    else if (ch === "“" || ch === "„" || ch === "«") out += "‘";
    else if (ch === "”" || ch === "»") out += "’";
    else if (ch === "'") out += opening ? "‘" : "’";
    else out += ch;
  }
  return out;
}

/** A quote or passage as shown: `“…”`, once, whatever marks it was stored with. */
export function quoted(text: string): string {
  return `“${typesetInner(unwrapQuote(text))}”`;
}

/** The same text for comparing passages: unwrapped, marks and spaces normalised. */
export function passageKey(text: string): string {
  return typesetInner(unwrapQuote(text)).replace(/\s+/g, " ").toLowerCase();
}
