import { BadgeCheck, CircleDashed, Lock, Trash2 } from "lucide-react";
import { Badge } from "@/components/badge";

/** The verification stamp of a record, in words. */
export function VerifiedBadge({ verified }: { verified: boolean }) {
  return verified ? <Badge tone="ok" icon={BadgeCheck}>Verified</Badge> : <Badge tone="neutral" icon={CircleDashed}>Unverified</Badge>;
}

/** "Restricted" and "Deleted" next to a record's name, when they apply. */
export function RecordStateBadges({ visibility, deletedAt }: { visibility: "INTERNAL" | "RESTRICTED"; deletedAt: Date | null }) {
  if (visibility !== "RESTRICTED" && !deletedAt) return null;
  return (
    <span className="ml-1 inline-flex gap-1 align-middle">
      {visibility === "RESTRICTED" ? <Badge tone="warning" icon={Lock}>Restricted</Badge> : null}
      {deletedAt ? <Badge tone="danger" icon={Trash2}>Deleted</Badge> : null}
    </span>
  );
}

/** "Russia → Venezuela", read as "Russia to Venezuela". */
export function CountryPair({ from, to }: { from: string; to: string | null }) {
  return (
    <>
      {from} <span aria-hidden="true">→</span>
      <span className="sr-only">to</span> {to ?? "unknown"}
    </>
  );
}
