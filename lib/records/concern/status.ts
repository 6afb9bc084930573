// The concern's status lifecycle as one pure module: which status may go to
// which, what a change needs (a note), who may make it, and what it does to
// the concern. The service (lib/records/concern/service.ts,
// changeConcernStatus) is the authority and refuses what checkTransition
// refuses; the concern page and its status form ask the same functions, only
// to offer the statuses the user may choose.
//
// No server-only imports: the status form (a client component) uses it too.
import type { ConcernStatus } from "@/lib/generated/prisma/enums";
import { can, canEdit, type Actor, type OwnedRecord } from "@/lib/permissions";
import { requiredText } from "@/lib/validation/common";

export const CONCERN_STATUSES = ["OPEN", "MONITORING", "RESOLVED", "CLOSED_UNRESOLVED"] as const satisfies readonly ConcernStatus[];

/** Statuses that end a concern; moving into or out of them needs "concern:resolve". */
export const CLOSED_STATUSES: readonly ConcernStatus[] = ["RESOLVED", "CLOSED_UNRESOLVED"];

export const STATUS_NOTE_MAX = 2_000;
export const STATUS_NOTE_MESSAGE = "Say why the status changes.";
export const STATUS_MESSAGE = "Choose the new status.";

/** The note every status change carries (trimmed, 1 to 2000 characters). */
export const statusNoteField = requiredText(STATUS_NOTE_MAX, STATUS_NOTE_MESSAGE);

export function isConcernStatus(value: unknown): value is ConcernStatus {
  return typeof value === "string" && (CONCERN_STATUSES as readonly string[]).includes(value);
}

export function isClosedStatus(status: ConcernStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

/**
 * What a change from `from` to `to` does to the concern:
 * - "none": the same status again, nothing is written;
 * - "close": into RESOLVED or CLOSED_UNRESOLVED (also from one to the other):
 *   resolvedOn becomes today and the note becomes the resolution note;
 * - "reopen": out of them, to OPEN or MONITORING: both are cleared;
 * - "move": between OPEN and MONITORING.
 */
export type TransitionKind = "none" | "move" | "close" | "reopen";

export function transitionKind(from: ConcernStatus, to: ConcernStatus): TransitionKind {
  if (from === to) return "none";
  if (isClosedStatus(to)) return "close";
  if (isClosedStatus(from)) return "reopen";
  return "move";
}

/** Who asks, and the concern they ask about (its author and visibility decide whether they may edit it). */
export type StatusChanger = { actor: Actor | null | undefined; record: OwnedRecord };

/**
 * Why `who` may not move a concern from `from` to `to`, or null if they may.
 * Into or out of a closed status needs "concern:resolve" (editors, admins);
 * between OPEN and MONITORING, being allowed to edit the concern.
 * Asked for the same status too: only who may make a change may repeat it.
 */
function refusal(from: ConcernStatus, to: ConcernStatus, who: StatusChanger): string | null {
  if (isClosedStatus(from) || isClosedStatus(to)) {
    if (can(who.actor?.role, "concern:resolve")) return null;
    return isClosedStatus(from)
      ? "Only editors may reopen a resolved or closed concern."
      : "Only editors may resolve or close a concern.";
  }
  return canEdit(who.actor, who.record) ? null : "You may change the status only of the concerns you created.";
}

/**
 * The statuses a concern in `from` may be moved to, in lifecycle order; with
 * `who`, only those that user may choose. Any status may go to any other (a
 * concern can be resolved straight from OPEN, reopened to MONITORING, or
 * closed unresolved after being resolved); the same status is not a change.
 */
export function allowedTransitions(from: ConcernStatus, who?: StatusChanger): ConcernStatus[] {
  return CONCERN_STATUSES.filter((to) => to !== from && (!who || refusal(from, to, who) === null));
}

export type TransitionResult =
  | { ok: true; kind: TransitionKind; note: string }
  | { ok: false; code: "VALIDATION"; field: "status" | "note"; message: string }
  | { ok: false; code: "FORBIDDEN"; message: string };

/**
 * Whether a concern in `from` may be moved to `to` with `note` (by `who`, when
 * given): the status must be one of CONCERN_STATUSES, every change (the same
 * status again included) needs a note, then the permission. On success, what
 * the change does and the note as it is stored (trimmed).
 */
export function checkTransition(from: ConcernStatus, to: unknown, note: unknown, who?: StatusChanger): TransitionResult {
  if (!isConcernStatus(to)) return { ok: false, code: "VALIDATION", field: "status", message: STATUS_MESSAGE };
  const parsed = statusNoteField.safeParse(note);
  if (!parsed.success) return { ok: false, code: "VALIDATION", field: "note", message: parsed.error.issues[0]?.message ?? STATUS_NOTE_MESSAGE };
  if (who) {
    const message = refusal(from, to, who);
    if (message !== null) return { ok: false, code: "FORBIDDEN", message };
  }
  return { ok: true, kind: transitionKind(from, to), note: parsed.data };
}
