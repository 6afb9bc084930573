"use server";

// Server actions for every record type (the concern's status has its own:
// lib/records/concern/actions.ts). The service authorises each change on
// the record itself (ownership, visibility, role); runAction only makes sure
// someone is signed in who may read at all.
import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { addCitation, removeCitation } from "@/lib/records/citations";
import { RECORD_TYPES, RECORDS } from "@/lib/records/registry";
import { createRecord, deleteRecord, restoreVersion, undeleteRecord, updateRecord, verifyRecord } from "@/lib/records/service";
import { recordId } from "@/lib/validation/common";

const type = z.enum(RECORD_TYPES, { error: "Unknown record type." });
const version = z.coerce.number().int().min(1);

const saveSchema = z.object({
  type,
  id: recordId.optional(),
  version: version.optional(),
  values: z.unknown(),
});

export async function saveRecordAction(input: unknown) {
  return runAction({ permission: "record:read", schema: saveSchema, input }, async ({ user, ip }, d) => {
    const config = RECORDS[d.type];
    const saved =
      d.id === undefined
        ? await createRecord(config, user, d.values, ip)
        : await updateRecord(config, user, d.id, d.version ?? 0, d.values, ip);
    return { ...saved, href: config.href(saved.id) };
  });
}

const changeSchema = z.object({ type, id: recordId, version });

export async function deleteRecordAction(input: unknown) {
  return runAction({ permission: "record:delete-own", schema: changeSchema, input }, ({ user, ip }, d) =>
    deleteRecord(RECORDS[d.type], user, d.id, d.version, ip),
  );
}

export async function verifyRecordAction(input: unknown) {
  return runAction({ permission: "record:verify", schema: changeSchema, input }, ({ user, ip }, d) =>
    verifyRecord(RECORDS[d.type], user, d.id, d.version, ip),
  );
}

export async function undeleteRecordAction(input: unknown) {
  return runAction({ permission: "record:restore", schema: z.object({ type, id: recordId }), input }, ({ user, ip }, d) =>
    undeleteRecord(RECORDS[d.type], user, d.id, ip),
  );
}

export async function restoreRecordVersionAction(input: unknown) {
  return runAction(
    { permission: "record:restore", schema: z.object({ type, id: recordId, eventId: recordId, version }), input },
    ({ user, ip }, d) => restoreVersion(RECORDS[d.type], user, d.id, d.eventId, d.version, ip),
  );
}

/** Cite a source on a record; allowed to whoever may edit the record. */
export async function addCitationAction(input: unknown) {
  return runAction({ permission: "record:edit-own", schema: z.unknown(), input }, ({ user, ip }, d) => addCitation(user, d, ip));
}

export async function removeCitationAction(input: unknown) {
  return runAction({ permission: "record:edit-own", schema: z.unknown(), input }, ({ user, ip }, d) => removeCitation(user, d, ip));
}
