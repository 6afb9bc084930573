// What a 409 says when a record changed since the version an edit started
// from: one type for the service that builds it (lib/records/service.ts,
// conflict), the server action and the API that send it (lib/api/http.ts), and
// the form that shows it (components/forms/record-form.tsx).
//
// No server-only imports: the form (a client component) uses it. The client
// reads a payload through parseConflictDetails, so that a malformed or missing
// one shows no conflict view instead of breaking the form.

/** One field's value before and after someone else's change. */
export type FieldChange = { before: unknown; after: unknown };

export type ConflictDetails = {
  /** The version the record is at now: saving again on top of it sends this one. */
  currentVersion: number;
  /** The record's form values now (links to records the reader cannot see left out). */
  current: Record<string, unknown>;
  /** What others changed since the version the edit started from; null when that version's state is not known. */
  theirChanges: Record<string, FieldChange> | null;
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isFieldChange(value: unknown): value is FieldChange {
  return isPlainObject(value) && "before" in value && "after" in value;
}

/** The conflict details in a 409's payload, or null if there are none or they are not of this shape. */
export function parseConflictDetails(value: unknown): ConflictDetails | null {
  if (!isPlainObject(value)) return null;
  const { currentVersion, current, theirChanges } = value;
  if (typeof currentVersion !== "number" || !Number.isSafeInteger(currentVersion) || currentVersion < 1) return null;
  if (!isPlainObject(current)) return null;
  if (theirChanges === null) return { currentVersion, current, theirChanges: null };
  if (!isPlainObject(theirChanges) || !Object.values(theirChanges).every(isFieldChange)) return null;
  return { currentVersion, current, theirChanges: theirChanges as Record<string, FieldChange> };
}
