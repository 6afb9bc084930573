// Form fields of each record type, by the name the record service uses.
// Also the one description of which fields link to which record type (pickers;
// lib/records/links.ts), so every type must be here.
import { actorFields } from "@/lib/forms/actors";
import { concernFields } from "@/lib/forms/concerns";
import type { FieldSpec } from "@/lib/forms/fields";
import { inspectionFields } from "@/lib/forms/inspections";
import { quoteFieldSpecs } from "@/lib/forms/quotes";
import { requestFields } from "@/lib/forms/requests";
import { sourceFields } from "@/lib/forms/sources";
import { transferFields } from "@/lib/forms/transfers";
import { weaponSystemFields } from "@/lib/forms/weapon-systems";

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
