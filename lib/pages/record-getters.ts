import "server-only";
// Each record type's detail query (lib/records/<type>/queries.ts), by type:
// what its page, its edit page and its metadata load.
import { getActor } from "@/lib/records/actor/queries";
import { getConcern } from "@/lib/records/concern/queries";
import type { RecordType } from "@/lib/records/definitions";
import { getInspection } from "@/lib/records/inspection/queries";
import { getQuote } from "@/lib/records/quote/queries";
import { getRequest } from "@/lib/records/request/queries";
import { getSource } from "@/lib/records/source/queries";
import { getTransfer } from "@/lib/records/transfer/queries";
import { getWeaponSystem } from "@/lib/records/weapon-system/queries";

export const RECORD_GETTERS = {
  request: getRequest,
  concern: getConcern,
  transfer: getTransfer,
  inspection: getInspection,
  source: getSource,
  actor: getActor,
  weaponSystem: getWeaponSystem,
  quote: getQuote,
} as const satisfies { [T in RecordType]: unknown };

/** A record of type T as its detail query returns it. */
export type DetailOf<T extends RecordType> = NonNullable<Awaited<ReturnType<(typeof RECORD_GETTERS)[T]>>>;
