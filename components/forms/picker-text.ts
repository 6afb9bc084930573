// What a record picker says when text was typed but nothing chosen from its
// list: the text is not a value, and is never saved silently.
import type { LookupKind } from "@/lib/records/form/fields";

const ONE: Record<LookupKind, string> = {
  actor: "an actor",
  concern: "a concern",
  transfer: "a transfer",
  request: "a request",
  source: "a source",
  weaponSystem: "a weapon system",
  inspection: "an inspection",
  owner: "a user",
};

/** "Owner: “Ana” is not chosen. Choose a user from the list, or clear the text." */
export function strayTextMessage(field: { label: string; lookup: LookupKind; create?: "actor" }, text: string): string {
  const how = field.create === "actor" ? ", create it with “New actor…”," : "";
  return `${field.label}: “${text.trim()}” is not chosen. Choose ${ONE[field.lookup]} from the list${how} or clear the text.`;
}

/**
 * The one option the typed text names, to offer it: the option whose label is
 * the text (ignoring case and spaces at the ends), else the only option found.
 */
export function offeredMatch<T extends { label: string }>(text: string, options: readonly T[]): T | null {
  const wanted = text.trim().toLowerCase();
  if (wanted === "") return null;
  return options.find((o) => o.label.trim().toLowerCase() === wanted) ?? (options.length === 1 ? options[0]! : null);
}
