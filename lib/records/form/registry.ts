// Form fields of each record type, by the name the record service uses.
// Also the one description of which fields link to which record type (pickers;
// lib/records/links.ts), so every type must be here.
import { actorFields } from "@/lib/records/actor/definition";
import { concernFields } from "@/lib/records/concern/definition";
import type { FieldSpec } from "@/lib/records/form/fields";
import { inspectionFields } from "@/lib/records/inspection/definition";
import { quoteFieldSpecs } from "@/lib/records/quote/definition";
import { requestFields } from "@/lib/records/request/definition";
import { sourceFields } from "@/lib/records/source/definition";
import { transferFields } from "@/lib/records/transfer/definition";
import { weaponSystemFields } from "@/lib/records/weapon-system/definition";

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
