"use server";

import { runAction } from "@/lib/actions/run-action";
import { changeUserRole, createUser, resetUserPassword, setUserActive } from "@/lib/db/users";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setActiveSchema } from "@/lib/validation/users";

export async function createUserAction(input: unknown) {
  return runAction({ permission: "user:manage", schema: createUserSchema, input }, ({ user, ip }, data) =>
    createUser(user, data, ip),
  );
}

export async function changeUserRoleAction(input: unknown) {
  return runAction({ permission: "user:manage", schema: changeRoleSchema, input }, ({ user, ip }, data) =>
    changeUserRole(user, data, ip),
  );
}

export async function setUserActiveAction(input: unknown) {
  return runAction({ permission: "user:manage", schema: setActiveSchema, input }, ({ user, ip }, data) =>
    setUserActive(user, data, ip),
  );
}

export async function resetUserPasswordAction(input: unknown) {
  return runAction({ permission: "user:manage", schema: resetPasswordSchema, input }, ({ user, ip }, data) =>
    resetUserPassword(user, data, ip),
  );
}
