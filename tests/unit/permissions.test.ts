// The role table, cell by cell: every permission for every role, anonymous
// and an unknown role. A new permission or role fails here until it is added.
import { describe, expect, it } from "vitest";
import { can, canDelete, canEdit, canSee, PERMISSIONS, ROLES, type Permission } from "@/lib/permissions";

const Y = true;
const N = false;

// permission:               VIEWER ANALYST EDITOR ADMIN
const EXPECTED: Record<Permission, [boolean, boolean, boolean, boolean]> = {
  "record:read": [Y, Y, Y, Y],
  "record:read-restricted": [N, N, Y, Y],
  "record:create": [N, Y, Y, Y],
  "record:edit-own": [N, Y, Y, Y],
  "record:edit-any": [N, N, Y, Y],
  "record:delete-own": [N, Y, Y, Y],
  "record:delete-any": [N, N, Y, Y],
  "record:restore": [N, N, Y, Y],
  "record:verify": [N, N, Y, Y],
  "concern:resolve": [N, N, Y, Y],
  "audit:read-all": [N, N, N, Y],
  "user:manage": [N, N, N, Y],
  "account:manage-own": [Y, Y, Y, Y],
};

describe("can(role, permission)", () => {
  it("has an expectation for every permission", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
    expect(ROLES).toEqual(["VIEWER", "ANALYST", "EDITOR", "ADMIN"]);
  });

  const cells = PERMISSIONS.flatMap((permission) =>
    ROLES.map((role, i) => ({ role, permission, allowed: EXPECTED[permission][i]! })),
  );
  it.each(cells)("$role / $permission → $allowed", ({ role, permission, allowed }) => {
    expect(can(role, permission)).toBe(allowed);
  });

  const strangers = [undefined, null, "", "SUPERUSER", "admin", 3, {}, ["ADMIN"]];
  it.each(PERMISSIONS.flatMap((permission) => strangers.map((role) => ({ role, permission }))))(
    "denies $permission to $role (anonymous or unknown)",
    ({ role, permission }) => {
      expect(can(role, permission)).toBe(false);
    },
  );
});

describe("record-level rules", () => {
  const me = 7;
  const other = 8;
  const own = { createdById: me, visibility: "INTERNAL" as const };
  const others = { createdById: other, visibility: "INTERNAL" as const };
  const ownRestricted = { createdById: me, visibility: "RESTRICTED" as const };
  const othersRestricted = { createdById: other, visibility: "RESTRICTED" as const };
  const seeded = { createdById: null, visibility: "INTERNAL" as const };

  // role, record, see, edit, delete
  const table = [
    ["VIEWER", own, Y, N, N],
    ["VIEWER", others, Y, N, N],
    ["VIEWER", othersRestricted, N, N, N],
    ["VIEWER", ownRestricted, Y, N, N],
    ["ANALYST", own, Y, Y, Y],
    ["ANALYST", others, Y, N, N],
    ["ANALYST", seeded, Y, N, N],
    ["ANALYST", ownRestricted, Y, Y, Y],
    ["ANALYST", othersRestricted, N, N, N],
    ["EDITOR", others, Y, Y, Y],
    ["EDITOR", othersRestricted, Y, Y, Y],
    ["ADMIN", othersRestricted, Y, Y, Y],
    ["ADMIN", seeded, Y, Y, Y],
    ["GHOST", others, N, N, N],
  ] as const;

  it.each(table)("%s on %o: see %s, edit %s, delete %s", (role, record, see, edit, del) => {
    const actor = { id: me, role };
    expect(canSee(actor, record)).toBe(see);
    expect(canEdit(actor, record)).toBe(edit);
    expect(canDelete(actor, record)).toBe(del);
  });

  it("denies everything to nobody", () => {
    expect(canSee(null, others)).toBe(false);
    expect(canEdit(undefined, own)).toBe(false);
    expect(canDelete(null, own)).toBe(false);
  });
});
