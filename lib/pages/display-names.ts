// What the list pages name a row by: a list row (lib/records/<type>/list.ts)
// holds its linked records' names as text; these give displayName
// (lib/records/definitions.ts) the parts it takes, so that a list cell names
// a record as its page, its pickers and its related lists do. Pure.

/** The name parts of a list row, by type. */
export const listRowParts = {
  transfer: (t: { id: number; supplier: string; recipient: string; weaponSystem: string | null; weaponSystemHidden?: boolean }) => ({
    id: t.id,
    supplier: { name: t.supplier },
    recipient: { name: t.recipient },
    weaponSystem: t.weaponSystem === null ? null : { name: t.weaponSystem },
    weaponSystemHidden: t.weaponSystemHidden ?? false,
  }),
  inspection: (i: { id: number; hostCountry: string; inspectingCountry: string | null; inspectingParty: string | null; weaponSystem: string | null }) => ({
    id: i.id,
    hostCountry: { name: i.hostCountry },
    inspectingCountry: i.inspectingCountry === null ? null : { name: i.inspectingCountry },
    inspectingParty: i.inspectingParty,
    weaponSystem: i.weaponSystem === null ? null : { name: i.weaponSystem },
  }),
};
