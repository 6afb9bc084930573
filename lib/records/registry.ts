import "server-only";
// Every record type the generic service handles, by the name forms and
// actions use.
import { actorRecord } from "@/lib/records/actor/service";
import { concernRecord } from "@/lib/records/concern/service";
import { inspectionRecord } from "@/lib/records/inspection/service";
import { quoteRecord } from "@/lib/records/quote/service";
import { requestRecord } from "@/lib/records/request/service";
import { sourceRecord } from "@/lib/records/source/service";
import { transferRecord } from "@/lib/records/transfer/service";
import type { RecordConfig } from "@/lib/records/types";
import { weaponSystemRecord } from "@/lib/records/weapon-system/service";

export const RECORD_TYPES = ["request", "concern", "transfer", "inspection", "source", "actor", "weaponSystem", "quote"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

// The configs differ in their parsed-input type; callers go through the
// generic service, which keeps each config consistent with itself.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const RECORDS: Record<RecordType, RecordConfig<any>> = {
  request: requestRecord,
  concern: concernRecord,
  transfer: transferRecord,
  inspection: inspectionRecord,
  source: sourceRecord,
  actor: actorRecord,
  weaponSystem: weaponSystemRecord,
  quote: quoteRecord,
};
