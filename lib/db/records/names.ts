// What a record's display name is made of (displayName in
// lib/records/definitions.ts), as Prisma selects: every query that names a
// transfer or an inspection selects these, so that every page names it the
// same way. Linked records carry their visibility and deletion marker, so
// that redactInvisible and hideDeletedLinks null those the viewer may not
// see (the name then says "weapon system not shown", as the pickers do).
import { visibilityFields } from "@/lib/db/visibility";

const country = { select: { id: true, name: true, alpha2: true } } as const;
const live = { deletedAt: true, ...visibilityFields } as const;

/** A transfer's name: "Russia to Venezuela: Igla-S". */
export const transferNameSelect = {
  weaponSystemId: true,
  supplier: country,
  recipient: country,
  weaponSystem: { select: { id: true, name: true, ...live } },
} as const;

/** An inspection's name: "Inspection in Venezuela by Russia: Igla-S". */
export const inspectionNameSelect = {
  inspectingParty: true,
  hostCountry: country,
  inspectingCountry: country,
  weaponSystem: { select: { id: true, name: true, ...live } },
} as const;

/** A quote's name: its speaker and its opening words. */
export const quoteNameSelect = {
  text: true,
  speakerLabel: true,
  speaker: { select: { id: true, name: true, ...live } },
} as const;
