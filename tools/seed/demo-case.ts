// The product's first case, from tools/seed/seed-article.txt: Russia's sales of
// Igla-S MANPADS to Venezuela, the U.S. requests to halt them, the rebuffs, and
// an inspection right that was never used.
//
// Rules kept here (and checked by tests/integration/seed.test.ts):
// - Nothing the article does not say is invented. Unknown stays null: the
//   number of missiles, the order year, the channel of each request, the date
//   Russia asserted its inspection right, the article's own title and date.
// - Every record cites the article with a verbatim passage; records that the
//   article attributes to a cable also cite that cable.
// - Titles in [square brackets] describe a source that has no known title.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type {
  ActorKind,
  ConcernCountryRole,
  DatePrecision,
  RequestActorSide,
} from "@/lib/generated/prisma/client";

export const ARTICLE_TEXT = fs.readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), "seed-article.txt"),
  "utf8",
);

type SourceKey = "article" | "cable2005" | "cable2009" | "parade2009";
type ActorKey = "antonov" | "russell" | "clinton" | "kulikov" | "schroeder" | "farc" | "embassyMoscow";

/** A citation: which source, and the passage of it that supports the record. */
export type DemoCitation = { source: SourceKey; passage: string | null; note?: string };

const year = (y: number): { on: Date; precision: DatePrecision } => ({
  on: new Date(Date.UTC(y, 0, 1)),
  precision: "YEAR",
});

const P = {
  lobbied:
    "Over a period of at least four years and as late as last year, diplomats lobbied Russia to halt arms sales to Venezuela, expressing particular concern over an advanced man portable air defense system, or MANPADS, called the Igla-S.",
  rebuffed:
    "Russian officials, in turn, repeatedly rebuffed those requests, maintaining that such sales were perfectly legal.",
  antonov2005:
    "Anatoliy Antonov, Russia's director for disarmament and security affairs in the Ministry of Foreign Affairs, \"stressed that there was no international restriction on selling arms, including MANPADS, to Venezuela,\" Daniel Russell, a U.S. diplomat stationed in Moscow, wrote in a 2005 cable marked \"secret.\"",
  diversion:
    "The sale of the Igla-S, one of the most advanced MANPADS, has been of particular concern to U.S. officials, because of fears it might be diverted to FARC rebels in Colombia.",
  umbrage:
    "But Antonov, the Russian official, took umbrage at the notion that U.S. concerns about Venezuela should be enough to restrict Russian arms exports, saying, \"That is your decision, not ours; we have our own policy.\"",
  clinton2009:
    "In 2009, Secretary of State Hillary Rodham Clinton wrote to the U.S. Embassy in Moscow asking that diplomats there again try to convince Russia to suspend sale of the missiles to Venezuela.",
  parade:
    "The sale went ahead, as evidenced in a 2009 parade in which Venezuela proudly displayed its newly acquired Russian Igla-S missiles.",
  profit:
    "on the whole, the cables painted a dark portrait of Russia's arms sales, concluding that \"a compelling motivation is profit -- both licit and illicit.\"",
  kulikov:
    "one cable quotes former Deputy Prime Minister Anatoliy Kulikov saying, \"Russia makes very bad cars, but very good weapons.\"",
  remains:
    "In the meantime, the Igla-S remains a concern for arms-control analysts, as well as for U.S. government officials.",
  schroeder:
    "\"Given the history of diversion from Venezuela's arsenals, regular on-site inventories and inspections by Russian officials are also merited,\" writes Matt Schroeder, manager of the Arms Sales Monitoring Project at the Federation of American Scientists.",
  inspections:
    "According to the diplomatic cables released, the Russians last year told their American counterparts that they have the right to conduct surprise inspections in Venezuela to ensure that the missiles haven't been diverted, but no inspections had been done so far, and none was scheduled.",
} as const;

/** Every passage quoted from the article; the seed test checks each is verbatim. */
export const ARTICLE_PASSAGES: readonly string[] = Object.values(P);

export const demoCase = {
  countries: ["RU", "VE", "US", "CO"] as const,

  sources: {
    article: {
      externalId: "demo:source:article",
      kind: "NEWS_ARTICLE",
      title: "[News article on released U.S. diplomatic cables about Russian arms sales to Venezuela]",
      author: null,
      publisher: null,
      published: null,
      classification: "UNCLASSIFIED",
      excerpt: ARTICLE_TEXT.trim(),
    },
    cable2005: {
      externalId: "demo:source:cable-2005",
      kind: "DIPLOMATIC_CABLE",
      title: "[2005 cable by Daniel Russell, U.S. diplomat stationed in Moscow]",
      author: "Daniel Russell",
      publisher: null,
      published: year(2005),
      classification: "SECRET",
      excerpt: "stressed that there was no international restriction on selling arms, including MANPADS, to Venezuela",
    },
    cable2009: {
      externalId: "demo:source:cable-2009",
      kind: "DIPLOMATIC_CABLE",
      title: "[2009 cable from Secretary of State Hillary Rodham Clinton to the U.S. Embassy in Moscow]",
      author: "Hillary Rodham Clinton",
      publisher: null,
      published: year(2009),
      classification: null,
      excerpt: null,
    },
    parade2009: {
      externalId: "demo:source:parade-2009",
      kind: "PUBLIC_EVENT",
      title: "[2009 parade in Venezuela displaying newly acquired Russian Igla-S missiles]",
      author: null,
      publisher: null,
      published: year(2009),
      classification: null,
      excerpt: null,
    },
  },

  actors: {
    antonov: {
      externalId: "demo:actor:antonov",
      name: "Anatoliy Antonov",
      kind: "PERSON" as ActorKind,
      title: "Director for Disarmament and Security Affairs",
      affiliation: "Ministry of Foreign Affairs",
      country: "RU",
      citations: [{ source: "article", passage: P.antonov2005 }] as DemoCitation[],
    },
    russell: {
      externalId: "demo:actor:russell",
      name: "Daniel Russell",
      kind: "PERSON" as ActorKind,
      title: "U.S. diplomat stationed in Moscow",
      affiliation: null,
      country: "US",
      citations: [{ source: "article", passage: P.antonov2005 }] as DemoCitation[],
    },
    clinton: {
      externalId: "demo:actor:clinton",
      name: "Hillary Rodham Clinton",
      kind: "PERSON" as ActorKind,
      title: "Secretary of State",
      affiliation: null,
      country: "US",
      citations: [{ source: "article", passage: P.clinton2009 }] as DemoCitation[],
    },
    kulikov: {
      externalId: "demo:actor:kulikov",
      name: "Anatoliy Kulikov",
      kind: "PERSON" as ActorKind,
      title: "Former Deputy Prime Minister",
      affiliation: null,
      country: "RU",
      citations: [{ source: "article", passage: P.kulikov }] as DemoCitation[],
    },
    schroeder: {
      externalId: "demo:actor:schroeder",
      name: "Matt Schroeder",
      kind: "PERSON" as ActorKind,
      title: "Manager, Arms Sales Monitoring Project",
      affiliation: "Federation of American Scientists",
      country: null,
      citations: [{ source: "article", passage: P.schroeder }] as DemoCitation[],
    },
    farc: {
      externalId: "demo:actor:farc",
      name: "FARC",
      kind: "ARMED_GROUP" as ActorKind,
      title: null,
      affiliation: null,
      country: "CO",
      citations: [{ source: "article", passage: P.diversion }] as DemoCitation[],
    },
    embassyMoscow: {
      externalId: "demo:actor:us-embassy-moscow",
      name: "U.S. Embassy in Moscow",
      kind: "GOVERNMENT_BODY" as ActorKind,
      title: null,
      affiliation: null,
      country: "US",
      citations: [{ source: "article", passage: P.clinton2009 }] as DemoCitation[],
    },
  } satisfies Record<ActorKey, unknown>,

  weaponSystem: {
    externalId: "demo:weapon:igla-s",
    name: "Igla-S",
    designation: null,
    category: "MANPADS",
    description: "Man-portable air defence system (MANPADS); one of the most advanced MANPADS, according to the article.",
    originCountry: "RU",
    citations: [
      { source: "article", passage: P.lobbied },
      { source: "article", passage: P.diversion },
    ] as DemoCitation[],
  },

  transfer: {
    externalId: "demo:transfer:ru-ve-igla-s",
    supplier: "RU",
    recipient: "VE",
    status: "DELIVERED",
    // Delivery is evidenced by the 2009 parade of "newly acquired" missiles:
    // 2009 is an estimate of the delivery year, hence flagged uncertain.
    deliveryYears: [2009],
    deliveryYearsUncertain: true,
    comments:
      "Delivered: Venezuela displayed newly acquired Russian Igla-S missiles in a 2009 parade. Number ordered, number delivered and year of order are not reported.",
    citations: [
      { source: "article", passage: P.parade },
      { source: "parade2009", passage: null, note: "Venezuela displayed its newly acquired Russian Igla-S missiles." },
    ] as DemoCitation[],
  },

  concern: {
    externalId: "demo:concern:igla-s-diversion",
    title: "Diversion of Igla-S MANPADS from Venezuela to FARC rebels in Colombia",
    summary:
      "U.S. officials feared that Igla-S missiles sold by Russia to Venezuela might be diverted to FARC rebels in Colombia. Russia repeatedly rebuffed U.S. requests to halt the sale, which went ahead. The Igla-S remains a concern for arms-control analysts and U.S. government officials.",
    category: "DIVERSION",
    severity: "HIGH",
    status: "OPEN",
    // The earliest evidence of the concern is the 2005 cable.
    opened: year(2005),
    countries: [
      { country: "RU", role: "SUPPLIER" },
      { country: "VE", role: "RECIPIENT" },
      { country: "CO", role: "AFFECTED" },
      { country: "US", role: "RAISED_BY" },
    ] as { country: string; role: ConcernCountryRole }[],
    openingNote: "Opened from the demo case: the concern is evidenced from 2005 and remains unresolved.",
    citations: [
      { source: "article", passage: P.diversion },
      { source: "article", passage: P.remains },
    ] as DemoCitation[],
  },

  requests: {
    r2005: {
      externalId: "demo:request:2005",
      title: "U.S. request to Russia to halt arms sales to Venezuela, reported in a 2005 cable",
      occurred: year(2005),
      requestingCountry: "US",
      targetCountry: "RU",
      channel: null,
      ask: "HALT_SALE",
      askDetail: "Halt arms sales to Venezuela, with particular concern over the Igla-S MANPADS.",
      response: "REBUFFED",
      responseSummary:
        "Antonov stressed that there was no international restriction on selling arms, including MANPADS, to Venezuela, and rejected the notion that U.S. concerns should restrict Russian arms exports.",
      classification: "SECRET",
      actors: [{ actor: "antonov", side: "TARGET" }] as { actor: ActorKey; side: RequestActorSide }[],
      citations: [
        { source: "article", passage: P.lobbied },
        { source: "article", passage: P.antonov2005 },
        { source: "article", passage: P.umbrage },
        {
          source: "cable2005",
          passage: "stressed that there was no international restriction on selling arms, including MANPADS, to Venezuela",
          note: "As quoted in the article.",
        },
      ] as DemoCitation[],
    },
    r2009: {
      externalId: "demo:request:2009",
      title: "U.S. request to Russia to suspend the sale of Igla-S missiles to Venezuela (2009)",
      occurred: year(2009),
      requestingCountry: "US",
      targetCountry: "RU",
      channel: null,
      ask: "SUSPEND_SALE",
      askDetail:
        "Secretary of State Clinton asked the U.S. Embassy in Moscow to try again to convince Russia to suspend the sale of the missiles to Venezuela.",
      response: "REBUFFED",
      responseSummary:
        "Russian officials repeatedly rebuffed the U.S. requests, maintaining that such sales were legal; the sale went ahead, as a 2009 parade showed.",
      classification: null,
      actors: [
        { actor: "clinton", side: "REQUESTING" },
        { actor: "embassyMoscow", side: "REQUESTING" },
      ] as { actor: ActorKey; side: RequestActorSide }[],
      citations: [
        { source: "article", passage: P.clinton2009 },
        { source: "article", passage: P.rebuffed },
        { source: "article", passage: P.parade },
        { source: "cable2009", passage: null, note: "Content as reported by the article." },
      ] as DemoCitation[],
    },
  },

  inspection: {
    externalId: "demo:inspection:ru-surprise-inspections-ve",
    host: "VE",
    inspecting: "RU",
    basis:
      "Russia's claimed right to conduct surprise inspections in Venezuela to ensure that the missiles have not been diverted.",
    status: "RIGHT_ASSERTED",
    findings: "No inspection had been done and none was scheduled, according to the released cables.",
    citations: [{ source: "article", passage: P.inspections }] as DemoCitation[],
  },

  quotes: [
    {
      externalId: "demo:quote:antonov-restriction",
      text: "stressed that there was no international restriction on selling arms, including MANPADS, to Venezuela",
      speaker: "antonov" as ActorKey,
      speakerLabel: null,
      said: year(2005),
      context: "Antonov's position as reported by Daniel Russell in a 2005 cable marked secret.",
      about: { request: "r2005" as const, concern: false, inspection: false },
      citations: [
        { source: "article", passage: P.antonov2005 },
        { source: "cable2005", passage: null },
      ] as DemoCitation[],
    },
    {
      externalId: "demo:quote:antonov-decision",
      text: "That is your decision, not ours; we have our own policy.",
      speaker: "antonov" as ActorKey,
      speakerLabel: null,
      said: year(2005),
      context: "Antonov's answer to the idea that U.S. concerns should restrict Russian arms exports.",
      about: { request: "r2005" as const, concern: false, inspection: false },
      citations: [
        { source: "article", passage: P.umbrage },
        { source: "cable2005", passage: null },
      ] as DemoCitation[],
    },
    {
      externalId: "demo:quote:kulikov-cars",
      text: "Russia makes very bad cars, but very good weapons.",
      speaker: "kulikov" as ActorKey,
      speakerLabel: null,
      said: null,
      context: "Quoted in one of the released cables, on Russian pride in arms sales.",
      about: { request: null, concern: true, inspection: false },
      citations: [{ source: "article", passage: P.kulikov }] as DemoCitation[],
    },
    {
      externalId: "demo:quote:cables-profit",
      text: "a compelling motivation is profit -- both licit and illicit.",
      speaker: null,
      speakerLabel: "The released U.S. diplomatic cables (their conclusion)",
      said: null,
      context: "The cables' conclusion on Russia's arms sales.",
      about: { request: null, concern: true, inspection: false },
      citations: [{ source: "article", passage: P.profit }] as DemoCitation[],
    },
    {
      externalId: "demo:quote:schroeder-inspections",
      text: "Given the history of diversion from Venezuela's arsenals, regular on-site inventories and inspections by Russian officials are also merited,",
      speaker: "schroeder" as ActorKey,
      speakerLabel: null,
      said: null,
      context: "Recommendation of regular on-site inventories and inspections.",
      about: { request: null, concern: true, inspection: true },
      citations: [{ source: "article", passage: P.schroeder }] as DemoCitation[],
    },
  ],
} as const;
