"use server";

import { runAction } from "@/lib/actions/run-action";
import { createApiToken, revokeApiToken } from "@/lib/db/api-tokens";
import { apiTokenCreateSchema, apiTokenRevokeSchema } from "@/lib/validation/api-tokens";
import { changeOwnPassword, signOutEverywhere } from "@/lib/db/users";
import { changeOwnPasswordSchema, emptySchema } from "@/lib/validation/users";

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
