// Form fields of each record type, by the name the record service uses.
import { actorFields } from "@/lib/forms/actors";
import type { FieldSpec } from "@/lib/forms/fields";
import { inspectionFields } from "@/lib/forms/inspections";
import { quoteFieldSpecs } from "@/lib/forms/quotes";
import { requestFields } from "@/lib/forms/requests";
import { sourceFields } from "@/lib/forms/sources";
import { transferFields } from "@/lib/forms/transfers";
import { weaponSystemFields } from "@/lib/forms/weapon-systems";

export const FORM_FIELDS: Record<string, FieldSpec[]> = {
  request: requestFields,
  transfer: transferFields,
  inspection: inspectionFields,
  source: sourceFields,
  actor: actorFields,
  weaponSystem: weaponSystemFields,
  quote: quoteFieldSpecs,
};
