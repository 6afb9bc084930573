import "server-only";
// Every record type the generic service handles, by the name forms and
// actions use.
import { requestRecord } from "@/lib/records/requests";
import type { RecordConfig } from "@/lib/records/types";

export const RECORD_TYPES = ["request"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

// The configs differ in their parsed-input type; callers go through the
// generic service, which keeps each config consistent with itself.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const RECORDS: Record<RecordType, RecordConfig<any>> = {
  request: requestRecord,
};
