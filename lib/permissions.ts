// Who may do what: one table of role to permissions, and pure checks over it.
// Every server action, route handler and data function asks these; the UI
// asks them too, only to hide what the user cannot do.
//
// Unknown or missing roles get nothing.

export const ROLES = ["VIEWER", "ANALYST", "EDITOR", "ADMIN"] as const;
export type AppRole = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** Read records whose visibility is INTERNAL. */
  "record:read",
  /** Read RESTRICTED records of others too. */
  "record:read-restricted",
  /** Create concerns, requests, transfers, inspections, sources, quotes, actors, weapon systems. */
  "record:create",
  /** Edit records one created. */
  "record:edit-own",
  /** Edit any record. */
  "record:edit-any",
  /** Soft-delete records one created. */
  "record:delete-own",
  /** Soft-delete any record. */
  "record:delete-any",
  /** Restore deleted records and earlier versions. */
  "record:restore",
  /** Mark records verified. */
  "record:verify",
  /** Move a concern to RESOLVED or CLOSED_UNRESOLVED. */
  "concern:resolve",
  /** Read the activity feed of every user. */
  "audit:read-all",
  /** List, create, change the role of, deactivate and reset the password of users. */
  "user:manage",
  /** Change one's own password and sign out one's other sessions. */
  "account:manage-own",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const VIEWER: readonly Permission[] = ["record:read", "account:manage-own"];

const ANALYST: readonly Permission[] = [
  ...VIEWER,
  "record:create",
  "record:edit-own",
  "record:delete-own",
];

const EDITOR: readonly Permission[] = [
  ...ANALYST,
  "record:read-restricted",
  "record:edit-any",
  "record:delete-any",
  "record:restore",
  "record:verify",
  "concern:resolve",
];

const ADMIN: readonly Permission[] = [...EDITOR, "audit:read-all", "user:manage"];

export const ROLE_PERMISSIONS: Readonly<Record<AppRole, ReadonlySet<Permission>>> = {
  VIEWER: new Set(VIEWER),
  ANALYST: new Set(ANALYST),
  EDITOR: new Set(EDITOR),
  ADMIN: new Set(ADMIN),
};

export function isRole(value: unknown): value is AppRole {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` has `permission`. Anything that is not a known role has none. */
export function can(role: unknown, permission: Permission): boolean {
  if (!isRole(role)) return false;
  return ROLE_PERMISSIONS[role].has(permission);
}

/** The least a check needs to know about who is asking. */
export type Actor = { id: number; role: unknown };

/** The least a check needs to know about a record. */
export type OwnedRecord = { createdById: number | null; visibility?: "INTERNAL" | "RESTRICTED" };

/** RESTRICTED records are seen by editors, admins and their author only. */
export function canSee(actor: Actor | null | undefined, record: OwnedRecord): boolean {
  if (!actor || !can(actor.role, "record:read")) return false;
  if (record.visibility !== "RESTRICTED") return true;
  return can(actor.role, "record:read-restricted") || (record.createdById !== null && record.createdById === actor.id);
}

export function canEdit(actor: Actor | null | undefined, record: OwnedRecord): boolean {
  if (!actor || !canSee(actor, record)) return false;
  if (can(actor.role, "record:edit-any")) return true;
  return can(actor.role, "record:edit-own") && record.createdById !== null && record.createdById === actor.id;
}

export function canDelete(actor: Actor | null | undefined, record: OwnedRecord): boolean {
  if (!actor || !canSee(actor, record)) return false;
  if (can(actor.role, "record:delete-any")) return true;
  return can(actor.role, "record:delete-own") && record.createdById !== null && record.createdById === actor.id;
}
