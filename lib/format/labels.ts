// Human words for every enum value the UI shows. Record<Enum, string> makes
// the compiler insist on a label for each new value.
import type {
  ActorKind,
  Classification,
  ConcernCategory,
  ConcernCountryRole,
  ConcernStatus,
  InspectionStatus,
  RequestAsk,
  RequestChannel,
  RequestResponse,
  Severity,
  SourceKind,
  TransferStatus,
  WeaponCategory,
} from "@/lib/generated/prisma/enums";

export const concernStatusLabel: Record<ConcernStatus, string> = {
  OPEN: "Open",
  MONITORING: "Monitoring",
  RESOLVED: "Resolved",
  CLOSED_UNRESOLVED: "Closed unresolved",
};

export const severityLabel: Record<Severity, string> = {
  LOW: "Low",
  MEDIUM: "Medium",
  HIGH: "High",
  CRITICAL: "Critical",
};

export const concernCategoryLabel: Record<ConcernCategory, string> = {
  DIVERSION: "Diversion",
  PROLIFERATION: "Proliferation",
  END_USE: "End use",
  REGIONAL_STABILITY: "Regional stability",
  HUMAN_RIGHTS: "Human rights",
  OTHER: "Other",
};

export const concernCountryRoleLabel: Record<ConcernCountryRole, string> = {
  SUPPLIER: "Supplier",
  RECIPIENT: "Recipient",
  AFFECTED: "Affected",
  RAISED_BY: "Raised by",
  OTHER: "Other",
};

export const requestChannelLabel: Record<RequestChannel, string> = {
  CABLE: "Cable",
  MEETING: "Meeting",
  DEMARCHE: "Démarche",
  LETTER: "Letter",
  CALL: "Call",
  PUBLIC_STATEMENT: "Public statement",
};

export const requestAskLabel: Record<RequestAsk, string> = {
  HALT_SALE: "Halt the sale",
  SUSPEND_SALE: "Suspend the sale",
  CANCEL_SALE: "Cancel the sale",
  END_USE_ASSURANCE: "End-use assurance",
  INSPECTION: "Inspection",
  INFORMATION: "Information",
  OTHER: "Other",
};

export const requestResponseLabel: Record<RequestResponse, string> = {
  PENDING: "Pending",
  REBUFFED: "Rebuffed",
  DEFLECTED: "Deflected",
  PARTIALLY_ACCEPTED: "Partially accepted",
  ACCEPTED: "Accepted",
  NO_RESPONSE: "No response",
};

export const classificationLabel: Record<Classification, string> = {
  UNCLASSIFIED: "Unclassified",
  CONFIDENTIAL: "Confidential",
  SECRET: "Secret",
};

export const inspectionStatusLabel: Record<InspectionStatus, string> = {
  NO_RIGHT: "No right",
  RIGHT_ASSERTED: "Right asserted",
  SCHEDULED: "Scheduled",
  CONDUCTED: "Conducted",
  REFUSED: "Refused",
  OVERDUE: "Overdue",
};

export const sourceKindLabel: Record<SourceKind, string> = {
  DIPLOMATIC_CABLE: "Diplomatic cable",
  NEWS_ARTICLE: "News article",
  REPORT: "Report",
  OFFICIAL_STATEMENT: "Official statement",
  PUBLIC_EVENT: "Public event",
  INTERVIEW: "Interview",
  OTHER: "Other",
};

export const transferStatusLabel: Record<TransferStatus, string> = {
  REPORTED: "Reported",
  ORDERED: "Ordered",
  IN_DELIVERY: "In delivery",
  DELIVERED: "Delivered",
  SUSPENDED: "Suspended",
  CANCELLED: "Cancelled",
};

export const weaponCategoryLabel: Record<WeaponCategory, string> = {
  AIRCRAFT: "Aircraft",
  AIR_DEFENCE_SYSTEMS: "Air defence systems",
  MANPADS: "MANPADS",
  ARMOURED_VEHICLES: "Armoured vehicles",
  ARTILLERY: "Artillery",
  MISSILES: "Missiles",
  SHIPS: "Ships",
  SMALL_ARMS_LIGHT_WEAPONS: "Small arms and light weapons",
  SENSORS: "Sensors",
  OTHER: "Other",
};

export const actorKindLabel: Record<ActorKind, string> = {
  PERSON: "Person",
  GOVERNMENT_BODY: "Government body",
  ORGANISATION: "Organisation",
  ARMED_GROUP: "Armed group",
};

/** Unknown stays visibly unknown. */
export function labelOrUnknown<K extends string>(labels: Record<K, string>, value: K | null | undefined, unknown = "Unknown"): string {
  return value ? labels[value] : unknown;
}
