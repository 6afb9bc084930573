import "server-only";
// "Log a lobbying attempt": the request, its quotes and its citations, in one
// transaction. Nothing is written when any part is invalid; field errors of
// the parts come back as "quotes.0.text", "citations.1.sourceId".
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { inTransaction, type DbOrTx } from "@/lib/db/transaction";
import { AppError, ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { addCitation } from "@/lib/records/citations";
import { quoteRecord } from "@/lib/records/quote/service";
import { requestRecord } from "@/lib/records/request/service";
import { createRecord } from "@/lib/records/service";

export const logRequestSchema = z
  .object({
    request: z.record(z.string(), z.unknown(), { error: "The request is missing." }),
    quotes: z
      .array(z.object({ speakerId: z.unknown(), speakerLabel: z.unknown(), text: z.unknown() }).strict())
      .max(20, "At most 20 quotes at once.")
      .default([]),
    citations: z
      .array(z.object({ sourceId: z.unknown(), passage: z.unknown(), credibility: z.unknown() }).strict())
      .max(20, "At most 20 sources at once.")
      .default([]),
  })
  .strict();

/** Runs `work`; a validation error of a part gets its field names prefixed. */
async function part<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ValidationError && error.fieldErrors) {
      const fields = Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [`${prefix}${k}`, v]));
      throw new ValidationError(error.message, fields);
    }
    if (error instanceof AppError && prefix) {
      throw new ValidationError("Some fields need attention.", { [`${prefix}sourceId`]: [error.message] });
    }
    throw error;
  }
}

export async function logLobbyingAttempt(actor: Actor, input: z.infer<typeof logRequestSchema>, ip: string | null, db: DbOrTx = getDb()) {
  return inTransaction(db, async (tx) => {
    const created = await part("", () => createRecord(requestRecord, actor, input.request, ip, tx));
    const request = (await requestRecord.formValues(tx, created.id))!;
    const quoteIds: number[] = [];
    for (const [i, q] of input.quotes.entries()) {
      const quote = await part(`quotes.${i}.`, () =>
        createRecord(
          quoteRecord,
          actor,
          {
            text: q.text,
            speakerId: q.speakerId,
            speakerLabel: q.speakerLabel,
            saidOn: request.occurredOn,
            context: null,
            requestId: created.id,
            concernId: null,
            transferId: null,
            inspectionId: null,
            visibility: request.visibility,
          },
          ip,
          tx,
        ),
      );
      quoteIds.push(quote.id);
    }
    for (const [i, c] of input.citations.entries()) {
      await part(`citations.${i}.`, async () => {
        await addCitation(actor, { targetType: "request", targetId: created.id, sourceId: c.sourceId, passage: c.passage, credibility: c.credibility, note: null }, ip, tx);
        // The quotes come from the same sources: each cites them, with its own words as the passage.
        for (const [q, quoteId] of quoteIds.entries()) {
          await addCitation(actor, { targetType: "quote", targetId: quoteId, sourceId: c.sourceId, passage: input.quotes[q]!.text, credibility: c.credibility, note: null }, ip, tx);
        }
      });
    }
    return { id: created.id, version: created.version, href: requestRecord.href(created.id) };
  });
}
