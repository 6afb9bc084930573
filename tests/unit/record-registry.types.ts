// Compile-time checks of the record registry (run by `npm run typecheck`,
// not by vitest): a record type missing from the definitions, or an entry
// under another type's name, must not compile. Each @ts-expect-error fails
// the type check if the line under it ever compiles.
import type { RecordDefinition } from "@/lib/records/define";
import { DEFINITIONS, displayName, type RecordType } from "@/lib/records/definitions";

type Registry = { [T in RecordType]: RecordDefinition & { type: T } };

// @ts-expect-error: the quote type is missing.
export const missing: Registry = DEFINITIONS as Omit<typeof DEFINITIONS, "quote">;

// @ts-expect-error: the actor's definition under the concern's name.
export const misnamed: Registry = { ...DEFINITIONS, concern: DEFINITIONS.actor };

// @ts-expect-error: a transfer is named from its countries and weapon system, not a title.
export const wrongParts = displayName("transfer", { title: "x" });
