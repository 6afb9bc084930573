// The concern status lifecycle (lib/records/concern/status.ts), pair by pair:
// what each from/to change does, who may make it with which refusal, that
// every change needs a note, and that the statuses the page offers
// (allowedTransitions) are exactly those the service lets through
// (checkTransition). A change to a rule fails here until the table says so.
import { describe, expect, it } from "vitest";
import type { ConcernStatus } from "@/lib/generated/prisma/enums";
import {
  allowedTransitions,
  checkTransition,
  CONCERN_STATUSES,
  transitionKind,
  type StatusChanger,
  type TransitionKind,
} from "@/lib/records/concern/status";

const O = "OPEN";
const M = "MONITORING";
const R = "RESOLVED";
const C = "CLOSED_UNRESOLVED";

// What a change does, from (row) to (column):   OPEN      MONITORING  RESOLVED  CLOSED_UNRESOLVED
const KIND: Record<ConcernStatus, [TransitionKind, TransitionKind, TransitionKind, TransitionKind]> = {
  OPEN: /*                                   */ ["none", "move", "close", "close"],
  MONITORING: /*                             */ ["move", "none", "close", "close"],
  RESOLVED: /*                               */ ["reopen", "reopen", "none", "close"],
  CLOSED_UNRESOLVED: /*                      */ ["reopen", "reopen", "close", "none"],
};

// Who is asking, about a concern created by user 1 (INTERNAL unless said).
const AUTHOR = 1;
const WHO: Record<string, StatusChanger> = {
  "anonymous": { actor: null, record: { createdById: AUTHOR, visibility: "INTERNAL" } },
  "viewer, its author": { actor: { id: AUTHOR, role: "VIEWER" }, record: { createdById: AUTHOR, visibility: "INTERNAL" } },
  "analyst, its author": { actor: { id: AUTHOR, role: "ANALYST" }, record: { createdById: AUTHOR, visibility: "INTERNAL" } },
  "analyst, its author (restricted)": { actor: { id: AUTHOR, role: "ANALYST" }, record: { createdById: AUTHOR, visibility: "RESTRICTED" } },
  "analyst, not its author": { actor: { id: 2, role: "ANALYST" }, record: { createdById: AUTHOR, visibility: "INTERNAL" } },
  "editor": { actor: { id: 3, role: "EDITOR" }, record: { createdById: AUTHOR, visibility: "INTERNAL" } },
  "editor (restricted)": { actor: { id: 3, role: "EDITOR" }, record: { createdById: AUTHOR, visibility: "RESTRICTED" } },
  "admin": { actor: { id: 4, role: "ADMIN" }, record: { createdById: AUTHOR, visibility: "INTERNAL" } },
  "unknown role": { actor: { id: AUTHOR, role: "SUPERUSER" }, record: { createdById: AUTHOR, visibility: "INTERNAL" } },
};

const OWN = "You may change the status only of the concerns you created.";
const CLOSE = "Only editors may resolve or close a concern.";
const REOPEN = "Only editors may reopen a resolved or closed concern.";

// Refusal (or null: allowed) for each asker, from (row) to (column) as above.
type Row = [string | null, string | null, string | null, string | null];
const mayEditOnly: Record<ConcernStatus, Row> = {
  OPEN: [null, null, CLOSE, CLOSE],
  MONITORING: [null, null, CLOSE, CLOSE],
  RESOLVED: [REOPEN, REOPEN, REOPEN, REOPEN],
  CLOSED_UNRESOLVED: [REOPEN, REOPEN, REOPEN, REOPEN],
};
const mayNothing: Record<ConcernStatus, Row> = {
  OPEN: [OWN, OWN, CLOSE, CLOSE],
  MONITORING: [OWN, OWN, CLOSE, CLOSE],
  RESOLVED: [REOPEN, REOPEN, REOPEN, REOPEN],
  CLOSED_UNRESOLVED: [REOPEN, REOPEN, REOPEN, REOPEN],
};
const mayAll: Record<ConcernStatus, Row> = {
  OPEN: [null, null, null, null],
  MONITORING: [null, null, null, null],
  RESOLVED: [null, null, null, null],
  CLOSED_UNRESOLVED: [null, null, null, null],
};
const REFUSAL: Record<keyof typeof WHO, Record<ConcernStatus, Row>> = {
  "anonymous": mayNothing,
  "viewer, its author": mayNothing,
  "analyst, its author": mayEditOnly,
  "analyst, its author (restricted)": mayEditOnly,
  "analyst, not its author": mayNothing,
  "editor": mayAll,
  "editor (restricted)": mayAll,
  "admin": mayAll,
  "unknown role": mayNothing,
};

const pairs = CONCERN_STATUSES.flatMap((from) => CONCERN_STATUSES.map((to, j) => ({ from, to, j })));

describe("concern status transitions", () => {
  it("knows the four statuses in lifecycle order", () => {
    expect(CONCERN_STATUSES).toEqual([O, M, R, C]);
  });

  it.each(pairs.map(({ from, to, j }) => ({ from, to, kind: KIND[from][j]! })))("$from → $to is $kind", ({ from, to, kind }) => {
    expect(transitionKind(from, to)).toBe(kind);
    // Without someone asking, only the note and the status are checked.
    expect(checkTransition(from, to, "Why.")).toEqual({ ok: true, kind, note: "Why." });
  });

  const cells = Object.keys(WHO).flatMap((who) => pairs.map(({ from, to, j }) => ({ who, from, to, refusal: REFUSAL[who]![from][j]!, kind: KIND[from][j]! })));
  it.each(cells)("$who: $from → $to", ({ who, from, to, refusal, kind }) => {
    const result = checkTransition(from, to, "  Why.  ", WHO[who]);
    expect(result).toEqual(refusal === null ? { ok: true, kind, note: "Why." } : { ok: false, code: "FORBIDDEN", message: refusal });
  });

  it.each(Object.keys(WHO).flatMap((who) => CONCERN_STATUSES.map((from) => ({ who, from }))))(
    "$who, from $from: offers exactly the other statuses the service lets through",
    ({ who, from }) => {
      const expected = CONCERN_STATUSES.filter((to, j) => to !== from && REFUSAL[who]![from][j] === null);
      expect(allowedTransitions(from, WHO[who])).toEqual(expected);
      for (const to of CONCERN_STATUSES.filter((s) => s !== from)) {
        expect(checkTransition(from, to, "Why.", WHO[who]).ok).toBe(allowedTransitions(from, WHO[who]).includes(to));
      }
    },
  );

  it.each(CONCERN_STATUSES)("from %s, any other status is a transition (no one asking)", (from) => {
    expect(allowedTransitions(from)).toEqual(CONCERN_STATUSES.filter((s) => s !== from));
  });

  // Every change needs a note, the same status again included, and the note
  // is checked before who asks (a 400 says what to fix before a 403).
  it.each(
    pairs.flatMap(({ from, to }) =>
      [
        { note: undefined, message: "Say why the status changes." },
        { note: null, message: "Say why the status changes." },
        { note: "", message: "Say why the status changes." },
        { note: "   \n ", message: "Say why the status changes." },
        { note: 42, message: "Say why the status changes." },
        { note: "x".repeat(2_001), message: "Use at most 2000 characters." },
      ].map((c) => ({ from, to, ...c })),
    ),
  )("$from → $to with note $note: refused, $message", ({ from, to, note, message }) => {
    const expected = { ok: false, code: "VALIDATION", field: "note", message };
    expect(checkTransition(from, to, note)).toEqual(expected);
    expect(checkTransition(from, to, note, WHO["viewer, its author"])).toEqual(expected);
  });

  it("takes a note of exactly 2000 characters, trimmed", () => {
    expect(checkTransition(O, R, ` ${"x".repeat(2_000)} `)).toEqual({ ok: true, kind: "close", note: "x".repeat(2_000) });
  });

  it.each(["DONE", "open", "", null, undefined, 1])("refuses an unknown status %j", (to) => {
    expect(checkTransition(O, to, "Why.", WHO.editor)).toEqual({ ok: false, code: "VALIDATION", field: "status", message: "Choose the new status." });
  });
});
