// Loads the reference countries and the demo case. Idempotent: records are
// matched on their ISO code or `externalId`, and only what is missing is
// created, so a second run changes nothing. All in one transaction.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/auth/demo";
import { hashPassword } from "@/lib/auth/password";
import { audit } from "@/lib/db/audit";
import { actorRecord } from "@/lib/records/actor/service";
import { concernRecord } from "@/lib/records/concern/service";
import { inspectionRecord } from "@/lib/records/inspection/service";
import { quoteRecord } from "@/lib/records/quote/service";
import { requestRecord } from "@/lib/records/request/service";
import { sourceRecord } from "@/lib/records/source/service";
import { transferRecord } from "@/lib/records/transfer/service";
import type { RecordConfig } from "@/lib/records/types";
import { weaponSystemRecord } from "@/lib/records/weapon-system/service";
import { isoCountries } from "@/tools/seed/countries";
import { demoCase, type DemoCitation } from "@/tools/seed/demo-case";

type Tx = Prisma.TransactionClient;

export type SeedSummary = { countriesCreated: number; demoRecordsCreated: number; demoUsersCreated: number };

/** The four demo accounts, created when missing; existing ones are left as they are. */
export async function seedDemoUsers(tx: Tx): Promise<number> {
  const existing = new Set(
    (await tx.user.findMany({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } }, select: { email: true } })).map((u) => u.email),
  );
  const missing = DEMO_ACCOUNTS.filter((a) => !existing.has(a.email));
  if (missing.length === 0) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await tx.user.createMany({ data: missing.map((a) => ({ email: a.email, name: a.name, role: a.role, passwordHash })) });
  return missing.length;
}

export async function seedCountries(tx: Tx): Promise<number> {
  const result = await tx.country.createMany({ data: isoCountries(), skipDuplicates: true });
  return result.count;
}

async function countryIds(tx: Tx, codes: readonly string[]): Promise<Map<string, number>> {
  const rows = await tx.country.findMany({ where: { alpha2: { in: [...codes] } }, select: { id: true, alpha2: true } });
  const map = new Map(rows.map((r) => [r.alpha2, r.id]));
  for (const code of codes) {
    if (!map.has(code)) throw new Error(`Country ${code} is missing: load the countries first.`);
  }
  return map;
}

export async function seedDemoCase(tx: Tx): Promise<number> {
  let created = 0;
  // Records made by this run, to give each a CREATE event with its snapshot
  // (the history's first version, which can be restored).
  type Snapshotter = Pick<RecordConfig, "entityType" | "formValues">;
  const made: { config: Snapshotter; id: number }[] = [];
  const countries = await countryIds(tx, demoCase.countries);
  const country = (code: string) => countries.get(code)!;

  // Finds the record by externalId, or creates it. `exists` tells the caller
  // whether its links and citations were made by an earlier run.
  async function ensure<T extends { id: number }>(
    config: Snapshotter,
    find: () => Promise<T | null>,
    create: () => Promise<T>,
  ): Promise<T> {
    const found = await find();
    if (found) return found;
    created++;
    const row = await create();
    made.push({ config, id: row.id });
    return row;
  }

  const sourceIds = {} as Record<DemoCitation["source"], number>;
  for (const [key, s] of Object.entries(demoCase.sources) as [DemoCitation["source"], (typeof demoCase.sources)[DemoCitation["source"]]][]) {
    const row = await ensure(
      sourceRecord,
      () => tx.source.findUnique({ where: { externalId: s.externalId }, select: { id: true } }),
      () =>
        tx.source.create({
          data: {
            externalId: s.externalId,
            kind: s.kind,
            title: s.title,
            author: s.author,
            publisher: s.publisher,
            publishedOn: s.published?.on ?? null,
            publishedOnPrecision: s.published?.precision ?? null,
            classification: s.classification,
            excerpt: s.excerpt,
          },
          select: { id: true },
        }),
    );
    sourceIds[key] = row.id;
  }

  const cite = (citations: readonly DemoCitation[]) => ({
    create: citations.map((c) => ({ sourceId: sourceIds[c.source], passage: c.passage, note: c.note ?? null })),
  });

  const actorIds = {} as Record<keyof typeof demoCase.actors, number>;
  for (const [key, a] of Object.entries(demoCase.actors) as [keyof typeof demoCase.actors, (typeof demoCase.actors)[keyof typeof demoCase.actors]][]) {
    const row = await ensure(
      actorRecord,
      () => tx.actor.findUnique({ where: { externalId: a.externalId }, select: { id: true } }),
      () =>
        tx.actor.create({
          data: {
            externalId: a.externalId,
            name: a.name,
            kind: a.kind,
            title: a.title,
            affiliation: a.affiliation,
            countryId: a.country ? country(a.country) : null,
            citations: cite(a.citations),
          },
          select: { id: true },
        }),
    );
    actorIds[key] = row.id;
  }

  const w = demoCase.weaponSystem;
  const weapon = await ensure(
    weaponSystemRecord,
    () => tx.weaponSystem.findUnique({ where: { externalId: w.externalId }, select: { id: true } }),
    () =>
      tx.weaponSystem.create({
        data: {
          externalId: w.externalId,
          name: w.name,
          designation: w.designation,
          category: w.category,
          description: w.description,
          originCountryId: country(w.originCountry),
          citations: cite(w.citations),
        },
        select: { id: true },
      }),
  );

  const t = demoCase.transfer;
  const transfer = await ensure(
    transferRecord,
    () => tx.armsTransfer.findUnique({ where: { externalId: t.externalId }, select: { id: true } }),
    () =>
      tx.armsTransfer.create({
        data: {
          externalId: t.externalId,
          supplierId: country(t.supplier),
          recipientId: country(t.recipient),
          weaponSystemId: weapon.id,
          status: t.status,
          deliveryYears: [...t.deliveryYears],
          deliveryYearsUncertain: t.deliveryYearsUncertain,
          comments: t.comments,
          citations: cite(t.citations),
        },
        select: { id: true },
      }),
  );

  const c = demoCase.concern;
  const concern = await ensure(
    concernRecord,
    () => tx.concern.findUnique({ where: { externalId: c.externalId }, select: { id: true } }),
    () =>
      tx.concern.create({
        data: {
          externalId: c.externalId,
          title: c.title,
          summary: c.summary,
          category: c.category,
          severity: c.severity,
          status: c.status,
          openedOn: c.opened.on,
          openedOnPrecision: c.opened.precision,
          countryLinks: { create: c.countries.map((l) => ({ countryId: country(l.country), role: l.role })) },
          transferLinks: { create: [{ transferId: transfer.id }] },
          statusChanges: { create: [{ fromStatus: null, toStatus: c.status, note: c.openingNote }] },
          citations: cite(c.citations),
        },
        select: { id: true },
      }),
  );

  const requestIds = {} as Record<keyof typeof demoCase.requests, number>;
  for (const key of ["r2005", "r2009"] as const) {
    const r = demoCase.requests[key];
    const row = await ensure(
      requestRecord,
      () => tx.diplomaticRequest.findUnique({ where: { externalId: r.externalId }, select: { id: true } }),
      () =>
        tx.diplomaticRequest.create({
          data: {
            externalId: r.externalId,
            title: r.title,
            occurredOn: r.occurred.on,
            occurredOnPrecision: r.occurred.precision,
            requestingCountryId: country(r.requestingCountry),
            targetCountryId: country(r.targetCountry),
            channel: r.channel,
            ask: r.ask,
            askDetail: r.askDetail,
            response: r.response,
            responseSummary: r.responseSummary,
            classification: r.classification,
            followUpOfId: key === "r2009" ? requestIds.r2005 : null,
            actorLinks: { create: r.actors.map((a) => ({ actorId: actorIds[a.actor], side: a.side })) },
            concernLinks: { create: [{ concernId: concern.id }] },
            transferLinks: { create: [{ transferId: transfer.id }] },
            citations: cite(r.citations),
          },
          select: { id: true },
        }),
    );
    requestIds[key] = row.id;
  }

  const i = demoCase.inspection;
  const inspection = await ensure(
    inspectionRecord,
    () => tx.inspection.findUnique({ where: { externalId: i.externalId }, select: { id: true } }),
    () =>
      tx.inspection.create({
        data: {
          externalId: i.externalId,
          transferId: transfer.id,
          weaponSystemId: weapon.id,
          hostCountryId: country(i.host),
          inspectingCountryId: country(i.inspecting),
          basis: i.basis,
          status: i.status,
          findings: i.findings,
          citations: cite(i.citations),
        },
        select: { id: true },
      }),
  );

  for (const q of demoCase.quotes) {
    await ensure(
      quoteRecord,
      () => tx.quote.findUnique({ where: { externalId: q.externalId }, select: { id: true } }),
      () =>
        tx.quote.create({
          data: {
            externalId: q.externalId,
            text: q.text,
            speakerId: q.speaker ? actorIds[q.speaker] : null,
            speakerLabel: q.speakerLabel,
            saidOn: q.said?.on ?? null,
            saidOnPrecision: q.said?.precision ?? null,
            context: q.context,
            requestId: q.about.request ? requestIds[q.about.request] : null,
            concernId: q.about.concern ? concern.id : null,
            inspectionId: q.about.inspection ? inspection.id : null,
            citations: cite(q.citations),
          },
          select: { id: true },
        }),
    );
  }

  for (const { config, id } of made) {
    const values = await config.formValues(tx, id);
    await audit(tx, {
      userId: null,
      action: "CREATE",
      entityType: config.entityType,
      entityId: id,
      metadata: { seed: true },
      snapshot: { values, version: 1, deleted: false, verified: false } as Prisma.InputJsonValue,
      version: 1,
    });
  }
  return created;
}

/** Countries and the demo case, in one transaction; audited when it creates anything. */
export async function seed(db: PrismaClient): Promise<SeedSummary> {
  return db.$transaction(
    async (tx) => {
      const countriesCreated = await seedCountries(tx);
      const demoRecordsCreated = await seedDemoCase(tx);
      const demoUsersCreated = await seedDemoUsers(tx);
      if (countriesCreated > 0 || demoRecordsCreated > 0 || demoUsersCreated > 0) {
        await tx.auditEvent.create({
          data: {
            action: "SEED",
            outcome: "success",
            metadata: { countriesCreated, demoRecordsCreated, demoUsersCreated, case: "Igla-S MANPADS, Russia to Venezuela" },
          },
        });
      }
      return { countriesCreated, demoRecordsCreated, demoUsersCreated };
    },
    { timeout: 60_000 },
  );
}
