// The arms transfer form, field by field. Every figure may stay empty
// (unknown) and has an "estimated" box, as registers mark uncertain figures.
import { visibilitySpec } from "@/lib/records/actor/fields";
import { enumOptions, type FieldSpec } from "@/lib/records/form/fields";
import { transferStatusLabel } from "@/lib/format/labels";

const UNKNOWN_HINT = "Leave empty when unknown; tick “estimated” for an uncertain figure.";

export const transferFields: FieldSpec[] = [
  { kind: "country", name: "supplierId", label: "Supplier country", required: true },
  { kind: "country", name: "recipientId", label: "Recipient country", required: true },
  { kind: "picker", name: "weaponSystemId", label: "Weapon system", lookup: "weaponSystem", multiple: false, hint: "Leave empty when unknown." },
  { kind: "select", name: "status", label: "Status", options: enumOptions(transferStatusLabel), required: true },
  { kind: "number", name: "numberOrdered", label: "Number ordered", uncertainName: "numberOrderedUncertain", hint: UNKNOWN_HINT },
  { kind: "number", name: "numberDelivered", label: "Number delivered", uncertainName: "numberDeliveredUncertain", hint: UNKNOWN_HINT },
  { kind: "number", name: "orderYear", label: "Year of order", uncertainName: "orderYearUncertain", hint: UNKNOWN_HINT },
  { kind: "years", name: "deliveryYears", label: "Years of delivery", uncertainName: "deliveryYearsUncertain", hint: "Separate years with commas. " + UNKNOWN_HINT },
  { kind: "textarea", name: "comments", label: "Comments", hint: "What the sources say about the deal, and what is not known." },
  visibilitySpec,
];

export function emptyTransferValues(): Record<string, unknown> {
  return {
    supplierId: null,
    recipientId: null,
    weaponSystemId: null,
    status: "REPORTED",
    numberOrdered: null,
    numberOrderedUncertain: false,
    numberDelivered: null,
    numberDeliveredUncertain: false,
    orderYear: null,
    orderYearUncertain: false,
    deliveryYears: [],
    deliveryYearsUncertain: false,
    comments: "",
    visibility: "INTERNAL",
  };
}
