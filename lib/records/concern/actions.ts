"use server";

// The concern's lifecycle, apart from its edit form (lib/records/actions.ts):
// a status change carries a note and is checked by changeConcernStatus.
import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { changeConcernStatus } from "@/lib/records/concern/service";
import { recordId } from "@/lib/validation/common";

const version = z.coerce.number().int().min(1);
const statusSchema = z.object({ id: recordId, version, change: z.unknown() });

/** Concern lifecycle; resolving, closing and reopening need concern:resolve (checked in the service). */
export async function changeConcernStatusAction(input: unknown) {
  return runAction({ permission: "record:edit-own", schema: statusSchema, input }, ({ user, ip }, d) =>
    changeConcernStatus(user, d.id, d.version, d.change, ip),
  );
}
