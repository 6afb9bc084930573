"use server";

// Server actions for accounts: one's own (password, sign out everywhere, API
// tokens; account:manage-own) and an administrator's (users; user:manage).
import { runAction } from "@/lib/actions/run-action";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { changeOwnPasswordSchema, changeRoleSchema, createUserSchema, emptySchema, resetPasswordSchema, setActiveSchema } from "@/lib/auth/user-schemas";
import { changeOwnPassword, changeUserRole, createUser, resetUserPassword, setUserActive, signOutEverywhere } from "@/lib/auth/users";
import { apiTokenCreateSchema, apiTokenRevokeSchema } from "@/lib/validation/api-tokens";

// ---------------------------------------------------------------- one's own account

export async function changeOwnPasswordAction(input: unknown) {
  return runAction({ permission: "account:manage-own", schema: changeOwnPasswordSchema, input }, ({ user, ip }, data) =>
    changeOwnPassword(user, data, ip),
  );
}

export async function signOutEverywhereAction(input: unknown) {
  return runAction({ permission: "account:manage-own", schema: emptySchema, input }, ({ user, ip }) =>
    signOutEverywhere(user, ip),
  );
}

export async function createApiTokenAction(input: unknown) {
  return runAction({ permission: "account:manage-own", schema: apiTokenCreateSchema, input }, async ({ user, ip }, data) => {
    const { secret, token } = await createApiToken(user, data, ip);
    return { secret, id: token.id, name: token.name };
  });
}

export async function revokeApiTokenAction(input: unknown) {
  return runAction({ permission: "account:manage-own", schema: apiTokenRevokeSchema, input }, async ({ user, ip }, data) => {
    await revokeApiToken(user, data.id, ip);
    return { id: data.id };
  });
}

// ---------------------------------------------------------------- users (administrators)

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
