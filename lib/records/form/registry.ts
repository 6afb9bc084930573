// Form fields of each record type, by the name the record service uses.
// Also the one description of which fields link to which record type (pickers;
// lib/records/links.ts), so every type must be here.
import { actorFields } from "@/lib/records/actor/fields";
import { concernFields } from "@/lib/records/concern/fields";
import type { FieldSpec } from "@/lib/records/form/fields";
import { inspectionFields } from "@/lib/records/inspection/fields";
import { quoteFieldSpecs } from "@/lib/records/quote/fields";
import { requestFields } from "@/lib/records/request/fields";
import { sourceFields } from "@/lib/records/source/fields";
import { transferFields } from "@/lib/records/transfer/fields";
import { weaponSystemFields } from "@/lib/records/weapon-system/fields";

export const FORM_FIELDS: Record<string, FieldSpec[]> = {
  request: requestFields,
  concern: concernFields,
  transfer: transferFields,
  inspection: inspectionFields,
  source: sourceFields,
  actor: actorFields,
  weaponSystem: weaponSystemFields,
  quote: quoteFieldSpecs,
};
