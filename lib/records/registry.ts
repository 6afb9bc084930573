import "server-only";
// The server half of every record type: its service config (lib/records/<type>/service.ts,
// built from its definition), by the record type of lib/records/definitions.ts.
// A type missing here, or a config of another type, is a type error.
import { actorRecord } from "@/lib/records/actor/service";
import { concernRecord } from "@/lib/records/concern/service";
import type { RecordType } from "@/lib/records/definitions";
import { inspectionRecord } from "@/lib/records/inspection/service";
import { quoteRecord } from "@/lib/records/quote/service";
import { requestRecord } from "@/lib/records/request/service";
import { sourceRecord } from "@/lib/records/source/service";
import { transferRecord } from "@/lib/records/transfer/service";
import type { RecordConfig } from "@/lib/records/types";
import { weaponSystemRecord } from "@/lib/records/weapon-system/service";

export { RECORD_TYPES, type RecordType } from "@/lib/records/definitions";

// The configs differ in their parsed-input type; callers go through the
// generic service, which keeps each config consistent with itself.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const RECORDS: { [T in RecordType]: RecordConfig<any> & { type: T } } = {
  request: requestRecord,
  concern: concernRecord,
  transfer: transferRecord,
  inspection: inspectionRecord,
  source: sourceRecord,
  actor: actorRecord,
  weaponSystem: weaponSystemRecord,
  quote: quoteRecord,
};
