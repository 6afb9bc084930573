"use server";

// CSV import: the dry run (writes nothing) and the import it confirms. Both
// take FormData with the file itself; the import re-reads and re-checks the
// file (lib/import/apply.ts), so nothing the page says is trusted.
import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { checkImport, runImport } from "@/lib/import/apply";
import { IMPORT_KINDS, MAX_IMPORT_BYTES, tooLargeMessage } from "@/lib/import/limits";

type Upload = { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> };

const fileField = z
  .custom<Upload>((v) => typeof v === "object" && v !== null && typeof (v as Upload).arrayBuffer === "function" && typeof (v as Upload).size === "number", {
    error: "Choose a CSV file.",
  })
  .superRefine((file, ctx) => {
    if (file.size === 0) ctx.addIssue({ code: "custom", message: "The file is empty." });
    if (file.size > MAX_IMPORT_BYTES) ctx.addIssue({ code: "custom", message: tooLargeMessage(file.size) });
  });

const checkSchema = z.object({
  kind: z.enum(IMPORT_KINDS, { error: "Choose what the file holds: arms transfers or diplomatic requests." }),
  file: fileField,
  allowLowering: z.enum(["on", "true"], { error: "Tick the box, or leave it out." }).optional(),
});

const importSchema = checkSchema.extend({
  sha256: z.string({ error: "Check the file before importing it." }).regex(/^[0-9a-f]{64}$/, "Check the file before importing it."),
  // Zero when the import only gives records already imported the file's visibility.
  expectedCreate: z.coerce.number({ error: "Check the file before importing it." }).int().min(0, "Check the file before importing it."),
  expectedLowering: z.coerce.number({ error: "Check the file before importing it." }).int().min(0).default(0),
});


/** FormData (or a plain object, for tests) as an object for the schema. */
function fields(input: unknown): Record<string, unknown> {
  if (input instanceof FormData) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of input.entries()) if (!(key in out)) out[key] = value;
    return out;
  }
  return typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
}

const bytesOf = async (file: Upload) => new Uint8Array(await file.arrayBuffer());
const nameOf = (file: Upload) => (typeof file.name === "string" && file.name.trim() ? file.name.trim().slice(0, 255) : "upload.csv");

export async function checkImportAction(input: unknown) {
  return runAction({ permission: "record:create", schema: checkSchema, input: fields(input) }, async ({ user }, d) =>
    checkImport(user, d.kind, await bytesOf(d.file), nameOf(d.file), undefined, { allowLowering: d.allowLowering !== undefined }),
  );
}

export async function runImportAction(input: unknown) {
  return runAction({ permission: "record:create", schema: importSchema, input: fields(input) }, async ({ user, ip }, d) =>
    runImport(user, d.kind, await bytesOf(d.file), {
      fileName: nameOf(d.file),
      sha256: d.sha256,
      expectedCreate: d.expectedCreate,
      // The editor's confirmation, in the check, that restricted records may be made visible to everyone (lib/import/plan.ts).
      allowLowering: d.allowLowering !== undefined,
      expectedLowering: d.expectedLowering,
      ip,
    }),
  );
}
