// What an import accepts, shared by the page (to refuse early, before an
// upload) and the server (which refuses again: the page is not trusted).
// next.config.js sets the server's request body limits just above
// MAX_IMPORT_BYTES; change both together.

export const IMPORT_KINDS = ["transfers", "requests"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;

/** "20 MB", "1.4 MB", "812 kB": sizes as the messages state them (1 MB = 1,048,576 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString("en", { maximumFractionDigits: 1 })} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024).toLocaleString("en")} kB`;
  return `${bytes} bytes`;
}

/** Said before an upload (the browser knows the size) and by the server. */
export function tooLargeMessage(bytes: number): string {
  return `The file is ${formatBytes(bytes)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}. Split it into smaller files and import them one after the other.`;
}

/** The check's box by which an editor lets an import make restricted records visible to everyone (lib/import/plan.ts). */
export const LOWERING_CHECKBOX = "Make these restricted records visible to everyone";
