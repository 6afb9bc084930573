"use server";

import { runAction } from "@/lib/actions/run-action";
import { logLobbyingAttempt, logRequestSchema } from "@/lib/records/log-request";

export async function logLobbyingAttemptAction(input: unknown) {
  return runAction({ permission: "record:create", schema: logRequestSchema, input }, ({ user, ip }, data) =>
    logLobbyingAttempt(user, data, ip),
  );
}
