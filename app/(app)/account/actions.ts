"use server";

import { runAction } from "@/lib/actions/run-action";
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
