// Synthetic data at scale, for load tests and benchmarks: realistic,
// reproducible (same seed, same as-of date, same starting database: same
// rows, whichever way they are loaded) and fast (COPY).
//
// Proportions per 1,000,000 requests: 100,000 concerns, 200,000 transfers,
// 50,000 inspections, 100,000 sources, 20,000 actors, 2,000 weapon systems,
// 150,000 quotes, about 1.4 million citations, the link rows and the concerns'
// status histories. A few suppliers supply most, a few governments lobby most;
// dates from 1990 to the as-of date at day, month or year precision; some
// values unknown; ~5% RESTRICTED (created by generated analysts), ~1% deleted.
//
// The rows follow the app's own rules (lib/validation): no country sells to
// or lobbies itself, more delivered than ordered only when a figure is marked
// uncertain, deliveries not before the order year unless marked, a response
// summary only with a response, a conducted date only on a conducted
// inspection, every quote with a speaker, every citation with one target.
//
// The countries and users must exist already (seed() first); everything is
// appended. Ids are reserved first by moving each table's sequence past them,
// so the app can insert meanwhile and afterwards.
//
// Two ways to load:
// - small loads (fewer new requests than there are, or under 50,000): one
//   transaction on one connection, indexes and foreign keys in place, the
//   tables locked against other writers;
// - large loads: the secondary indexes and foreign keys of the loaded tables
//   are dropped (their definitions first saved to a file, see
//   tools/scale/structures.ts), two connections COPY at once (both cores: the
//   generated tsvector search columns make PostgreSQL the bottleneck), VACUUM
//   ANALYZE runs, and every index and foreign key is recreated exactly (the
//   foreign keys checking every row), whatever happened, even after a
//   failure or Ctrl-C; a run killed outright leaves the file, and the next run
//   recreates what is missing before anything else.
import pg from "pg";
import { CopySink, NULL, bool, num, text } from "@/tools/scale/copy";
import { Random, Weighted } from "@/tools/scale/random";
import { dropStructures, pendingFile, readStructures, recreateStructures, restorePendingStructures, type SavedStructures } from "@/tools/scale/structures";
import {
  ARMED_GROUP_THEMES,
  ARMED_GROUP_WORDS,
  CATEGORY_WEIGHTS,
  CONCERN_OBJECTS,
  FINDINGS,
  GOVERNMENT_BODIES,
  INSPECTING_PARTIES,
  LOBBYISTS,
  ORGANISATIONS,
  PASSAGE_OPENINGS,
  PERSON_TITLES,
  PUBLISHERS,
  QUOTE_OPENINGS,
  RECIPIENTS,
  RESPONSE_PHRASES,
  SUPPLIERS,
  VERBS_OF_CONCERN,
  WEAPON_STEMS,
  WEAPON_SUFFIXES,
  namePools,
} from "@/tools/scale/vocab";

export const DEFAULT_SEED = 20050917;

/** Every table the generator writes to, in load order. */
export const GENERATED_TABLES = [
  "User",
  "WeaponSystem",
  "Actor",
  "Source",
  "ArmsTransfer",
  "Concern",
  "ConcernCountry",
  "ConcernTransfer",
  "ConcernStatusChange",
  "DiplomaticRequest",
  "RequestConcern",
  "RequestTransfer",
  "RequestActor",
  "Inspection",
  "Quote",
  "Citation",
] as const;
export type GeneratedTable = (typeof GENERATED_TABLES)[number];

/** Tables bulk-loaded with COPY (users are few and inserted normally). */
const COPIED_TABLES = GENERATED_TABLES.filter((t) => t !== "User");

/** Tables with an id sequence that the load advances. */
const ID_TABLES = ["WeaponSystem", "Actor", "Source", "ArmsTransfer", "Concern", "ConcernStatusChange", "DiplomaticRequest", "Inspection", "Quote", "Citation"] as const;

/** Tables with a generated search column and its GIN index: VACUUM ANALYZE after the load. */
export const SEARCH_TABLES = ["WeaponSystem", "Actor", "Source", "ArmsTransfer", "Concern", "DiplomaticRequest", "Inspection", "Quote", "Citation"] as const;

export type PlannedCounts = {
  analysts: number;
  weaponSystems: number;
  actors: number;
  sources: number;
  transfers: number;
  concerns: number;
  requests: number;
  inspections: number;
  quotes: number;
};

/** The record counts for a number of requests; link rows and citations follow from them. */
export function plannedCounts(requests: number): PlannedCounts {
  if (!Number.isInteger(requests) || requests < 1) throw new Error("requests must be a whole number of at least 1");
  const per = (perMillion: number, floor = 1) => Math.max(floor, Math.round((requests * perMillion) / 1_000_000));
  return {
    analysts: per(20, 2),
    weaponSystems: per(2_000, 10),
    actors: per(20_000, 20),
    sources: per(100_000),
    transfers: per(200_000),
    concerns: per(100_000),
    requests,
    inspections: per(50_000),
    quotes: per(150_000),
  };
}

export type GenerateOptions = {
  requests: number;
  seed?: number;
  /** The "today" of the data (UTC day); default today. Part of what makes a run reproducible. */
  asOf?: Date;
  /** Drop secondary indexes and foreign keys during the load; "auto": when the load at least doubles the requests. */
  dropIndexes?: "auto" | boolean;
  log?: (line: string) => void;
  /** Stops the load (rolled back; dropped indexes and foreign keys are still recreated). */
  signal?: AbortSignal;
};

export type GenerateSummary = {
  seed: number;
  asOf: string;
  requests: number;
  rows: Record<GeneratedTable, number>;
  total: number;
  /** Generating, loading, recreating indexes and foreign keys, committing. */
  loadSeconds: number;
  /** VACUUM ANALYZE / ANALYZE afterwards. */
  analyzeSeconds: number;
  seconds: number;
  rowsPerSecond: number;
  droppedIndexes: number;
  droppedForeignKeys: number;
};

// ------------------------------------------------------------ dates

const DAY_MS = 86_400_000;
const dayNumber = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
const FIRST_DAY = dayNumber(1990, 1, 1);

/** Day strings and period starts for every day from 1985 to two years past the as-of date. */
class Calendar {
  readonly base = dayNumber(1985, 1, 1);
  readonly today: number;
  readonly todayYear: number;
  private readonly dayText: string[] = [];
  private readonly monthStart: Int32Array;
  private readonly yearStart: Int32Array;
  private readonly year: Int16Array;
  private readonly clock: string[] = [];

  constructor(asOf: Date) {
    this.today = Math.floor(asOf.getTime() / DAY_MS);
    this.todayYear = asOf.getUTCFullYear();
    const days = this.today + 800 - this.base;
    this.monthStart = new Int32Array(days);
    this.yearStart = new Int32Array(days);
    this.year = new Int16Array(days);
    for (let i = 0; i < days; i++) {
      const date = new Date((this.base + i) * DAY_MS);
      const y = date.getUTCFullYear();
      const m = date.getUTCMonth() + 1;
      this.dayText.push(date.toISOString().slice(0, 10));
      this.monthStart[i] = dayNumber(y, m, 1);
      this.yearStart[i] = dayNumber(y, 1, 1);
      this.year[i] = y;
    }
    for (let minute = 0; minute < 1440; minute++) {
      this.clock.push(`${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`);
    }
  }

  text(day: number): string {
    return this.dayText[day - this.base]!;
  }
  yearOf(day: number): number {
    return this.year[day - this.base]!;
  }
  /** The first day of the period of `precision` that holds `day`. */
  start(day: number, precision: Precision): number {
    if (precision === "DAY") return day;
    return precision === "MONTH" ? this.monthStart[day - this.base]! : this.yearStart[day - this.base]!;
  }
  /** A timestamp on `day` at a random time. */
  timestamp(day: number, random: Random): string {
    return `${this.dayText[day - this.base]} ${this.clock[random.int(1440)]}:${String(random.int(60)).padStart(2, "0")}.${String(random.int(1000)).padStart(3, "0")}`;
  }
}

type Precision = "DAY" | "MONTH" | "YEAR";
const PRECISIONS = new Weighted<Precision>([["DAY", 60], ["MONTH", 25], ["YEAR", 15]]);

// ------------------------------------------------------------ the run

type Country = { id: number; alpha2: string; name: string };

type Context = {
  seed: number;
  /** The first id of each table's new rows (the sequences are moved past them first). */
  first: Record<ReservedTable, number>;
  /** Set when one lane fails: the other stops at its next chunk. */
  abort: { aborted: boolean };
  cal: Calendar;
  yesterday: number;
  countries: Country[];
  countryName: Map<number, string>;
  supplier: Weighted<number>;
  recipient: Weighted<number>;
  lobbyist: Weighted<number>;
  anyCountry: Weighted<number>;
  analysts: number[];
  owners: number[];
  editorId: number | null;
  pools: ReturnType<typeof namePools>;
  counts: PlannedCounts;
  rows: Record<GeneratedTable, number>;
  log: (line: string) => void;
};

/** Weights: `share` spread over `top` (most to least, Zipf with exponent s), the rest evenly over every country. */
function countryWeights(countries: Country[], top: readonly string[], share: number, s: number): Weighted<number> {
  const byCode = new Map(countries.map((c) => [c.alpha2, c]));
  const ranked = top.filter((code) => byCode.has(code));
  const zipfTotal = ranked.reduce((sum, _, rank) => sum + 1 / Math.pow(rank + 1, s), 0);
  const weight = new Map<number, number>(countries.map((c) => [c.id, (1 - share) / countries.length]));
  ranked.forEach((code, rank) => {
    const id = byCode.get(code)!.id;
    weight.set(id, weight.get(id)! + (share * (1 / Math.pow(rank + 1, s))) / zipfTotal);
  });
  return new Weighted([...weight.entries()]);
}

/** The last 10 columns every editable record shares, from visibility to deletedById. */
function stamp(ctx: Context, random: Random, day: number | null): string {
  const restricted = random.chance(0.05);
  const analyst = ctx.analysts[random.int(ctx.analysts.length)]!;
  const r = random.float();
  const creator = restricted ? analyst : r < 0.5 ? analyst : r < 0.7 ? ctx.editorId : null;
  const createdDay = Math.min(ctx.yesterday, (day ?? ctx.yesterday - random.int(3650)) + random.int(45));
  const createdAt = ctx.cal.timestamp(createdDay, random);
  let version = 1;
  let updatedAt = createdAt;
  let updatedBy = creator;
  if (random.chance(0.2)) {
    version++;
    updatedAt = ctx.cal.timestamp(Math.min(ctx.yesterday, createdDay + 1 + random.int(300)), random);
    updatedBy = random.chance(0.5) ? creator : ctx.editorId;
  }
  let verifiedAt = NULL;
  let verifiedBy = NULL;
  if (ctx.editorId !== null && random.chance(0.55)) {
    version++;
    verifiedAt = updatedAt;
    verifiedBy = String(ctx.editorId);
  }
  let deletedAt = NULL;
  let deletedBy = NULL;
  if (random.chance(0.01)) {
    version++;
    deletedAt = updatedAt;
    deletedBy = num(ctx.editorId ?? creator);
  }
  return `${restricted ? "RESTRICTED" : "INTERNAL"}\t${version}\t${createdAt}\t${updatedAt}\t${num(creator)}\t${num(updatedBy)}\t${verifiedAt}\t${verifiedBy}\t${deletedAt}\t${deletedBy}`;
}

const STAMP_COLUMNS = ["visibility", "version", "createdAt", "updatedAt", "createdById", "updatedById", "verifiedAt", "verifiedById", "deletedAt", "deletedById"];

/** A vague date (`date\tprecision`) on or after `from`, not after yesterday; unknown with probability `unknown`. */
function vague(ctx: Context, random: Random, day: number | null, unknown = 0.03): string {
  if (day === null || random.chance(unknown)) return `${NULL}\t${NULL}`;
  const precision = PRECISIONS.draw(random);
  return `${ctx.cal.text(ctx.cal.start(day, precision))}\t${precision}`;
}

/** A day in [from, yesterday], uniform. */
function dayBetween(ctx: Context, random: Random, from: number): number {
  const start = Math.max(FIRST_DAY, Math.min(from, ctx.yesterday));
  return start + random.int(ctx.yesterday - start + 1);
}

async function lineOf(sink: CopySink, row: string): Promise<void> {
  const wait = sink.line(row);
  if (wait) await wait;
}

async function copyRows(ctx: Context, lane: pg.ClientBase, table: GeneratedTable, columns: readonly string[], rows: (sink: CopySink) => Promise<void>) {
  const started = Date.now();
  const sink = new CopySink(lane, table, columns, ctx.abort);
  try {
    await rows(sink);
  } catch (error) {
    sink.destroy(error as Error);
    throw error;
  }
  const n = await sink.end();
  ctx.rows[table] += n;
  const seconds = (Date.now() - started) / 1000;
  ctx.log(`${table}: ${n.toLocaleString("en")} rows in ${seconds.toFixed(1)} s`);
}

type ReservedTable = "WeaponSystem" | "Actor" | "Source" | "ArmsTransfer" | "Concern" | "DiplomaticRequest" | "Inspection" | "Quote";

/** The first id of `count` new rows of `table`: its sequence is moved past them now. */
async function reserveIds(client: pg.ClientBase, table: ReservedTable, count: number): Promise<number> {
  const seq = await client.query<{ seq: string }>(`SELECT pg_get_serial_sequence($1, 'id') AS seq`, [`"${table}"`]);
  const name = seq.rows[0]!.seq;
  const r = await client.query<{ base: string }>(
    `SELECT GREATEST(COALESCE((SELECT max(id) FROM "${table}"), 0),
                     (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM ${name})) AS base`,
  );
  const base = Number(r.rows[0]!.base);
  await client.query(`SELECT setval($1, $2::bigint, true)`, [name, base + count]);
  return base + 1;
}

async function reserveAll(client: pg.ClientBase, counts: PlannedCounts): Promise<Record<ReservedTable, number>> {
  return {
    WeaponSystem: await reserveIds(client, "WeaponSystem", counts.weaponSystems),
    Actor: await reserveIds(client, "Actor", counts.actors),
    Source: await reserveIds(client, "Source", counts.sources),
    ArmsTransfer: await reserveIds(client, "ArmsTransfer", counts.transfers),
    Concern: await reserveIds(client, "Concern", counts.concerns),
    DiplomaticRequest: await reserveIds(client, "DiplomaticRequest", counts.requests),
    Inspection: await reserveIds(client, "Inspection", counts.inspections),
    Quote: await reserveIds(client, "Quote", counts.quotes),
  };
}

// ------------------------------------------------------------ tables

type Weapons = { first: number; origin: Int32Array; category: Uint8Array; name: string[]; byOrigin: Map<number, number[]> };

async function weaponSystems(ctx: Context, lane: pg.ClientBase): Promise<Weapons> {
  const n = ctx.counts.weaponSystems;
  const first = ctx.first.WeaponSystem;
  const random = new Random(ctx.seed, "WeaponSystem");
  const categories = new Weighted(CATEGORY_WEIGHTS.map((c, i) => [i, c[1]] as const));
  const w: Weapons = { first, origin: new Int32Array(n), category: new Uint8Array(n), name: [], byOrigin: new Map() };
  await copyRows(ctx, lane, "WeaponSystem", ["id", "name", "designation", "category", "description", "originCountryId", ...STAMP_COLUMNS], async (sink) => {
    for (let i = 0; i < n; i++) {
      const category = categories.draw(random);
      const origin = random.chance(0.04) ? 0 : ctx.supplier.draw(random);
      const name = `${random.pick(WEAPON_STEMS)}${random.pick(WEAPON_SUFFIXES)}${random.chance(0.3) ? ` ${random.between(2, 99)}` : ""}`;
      const designation = random.chance(0.3)
        ? null
        : random.chance(0.5)
          ? `${random.between(1, 9)}K${random.between(10, 999)}`
          : `${String.fromCharCode(65 + random.int(26))}${String.fromCharCode(65 + random.int(26))}-${random.between(1, 300)}`;
      const description = random.chance(0.6)
        ? null
        : `${CATEGORY_WEIGHTS[category]![2]} made in ${origin ? ctx.countryName.get(origin) : "an unknown country"}`;
      w.origin[i] = origin;
      w.category[i] = category;
      w.name.push(name);
      if (origin) {
        const list = w.byOrigin.get(origin) ?? [];
        list.push(i);
        w.byOrigin.set(origin, list);
      }
      await lineOf(sink, `${first + i}\t${text(name)}\t${text(designation)}\t${CATEGORY_WEIGHTS[category]![0]}\t${text(description)}\t${origin ? origin : NULL}\t${stamp(ctx, random, null)}`);
    }
  });
  return w;
}

type Actors = { first: number; count: number; byCountry: Map<number, number[]> };

async function actors(ctx: Context, lane: pg.ClientBase): Promise<Actors> {
  const n = ctx.counts.actors;
  const first = ctx.first.Actor;
  const random = new Random(ctx.seed, "Actor");
  const kinds = new Weighted([["PERSON", 60], ["GOVERNMENT_BODY", 25], ["ORGANISATION", 10], ["ARMED_GROUP", 5]] as const);
  const a: Actors = { first, count: n, byCountry: new Map() };
  await copyRows(ctx, lane, "Actor", ["id", "name", "kind", "title", "affiliation", "countryId", "notes", ...STAMP_COLUMNS], async (sink) => {
    for (let i = 0; i < n; i++) {
      const kind = kinds.draw(random);
      const r = random.float();
      const country =
        random.chance(0.05) ? 0 : r < 0.4 ? ctx.lobbyist.draw(random) : r < 0.7 ? ctx.supplier.draw(random) : ctx.recipient.draw(random);
      const countryName = country ? ctx.countryName.get(country)! : null;
      let name: string;
      let title: string | null = null;
      let affiliation: string | null = null;
      if (kind === "PERSON") {
        name = random.pick(ctx.pools.people);
        title = random.chance(0.85) ? random.pick(PERSON_TITLES) : null;
        affiliation = random.chance(0.8) ? `${random.pick(GOVERNMENT_BODIES)}${countryName ? ` of ${countryName}` : ""}` : null;
      } else if (kind === "GOVERNMENT_BODY") {
        name = `${random.pick(GOVERNMENT_BODIES)}${countryName ? ` of ${countryName}` : ""}`;
      } else if (kind === "ORGANISATION") {
        name = random.chance(0.6) ? random.pick(ORGANISATIONS) : random.pick(ctx.pools.companies);
      } else {
        name = `${random.pick(ARMED_GROUP_THEMES)} ${random.pick(ARMED_GROUP_WORDS)}${countryName ? ` of ${countryName}` : ""}`;
      }
      const notes = random.chance(0.85) ? null : `Met with ${random.pick(ctx.pools.people)} about ${random.pick(CATEGORY_WEIGHTS)[2]}.`;
      if (country) {
        const list = a.byCountry.get(country) ?? [];
        list.push(first + i);
        a.byCountry.set(country, list);
      }
      await lineOf(sink, `${first + i}\t${text(name)}\t${kind}\t${text(title)}\t${text(affiliation)}\t${country ? country : NULL}\t${text(notes)}\t${stamp(ctx, random, null)}`);
    }
  });
  return a;
}

async function sources(ctx: Context, lane: pg.ClientBase, w: Weapons): Promise<{ first: number; count: number }> {
  const n = ctx.counts.sources;
  const first = ctx.first.Source;
  const random = new Random(ctx.seed, "Source");
  const kinds = new Weighted(
    [["DIPLOMATIC_CABLE", 30], ["NEWS_ARTICLE", 30], ["REPORT", 15], ["OFFICIAL_STATEMENT", 12], ["PUBLIC_EVENT", 5], ["INTERVIEW", 5], ["OTHER", 3]] as const,
  );
  const reliability = new Weighted([[null, 20], ["A", 8], ["B", 25], ["C", 25], ["D", 10], ["E", 4], ["F", 8]] as const);
  const columns = ["id", "kind", "title", "reference", "author", "publisher", "publishedOn", "publishedOnPrecision", "classification", "url", "excerpt", "reliability", ...STAMP_COLUMNS];
  await copyRows(ctx, lane, "Source", columns, async (sink) => {
    for (let i = 0; i < n; i++) {
      const kind = kinds.draw(random);
      const day = dayBetween(ctx, random, FIRST_DAY);
      const a = ctx.countryName.get(ctx.supplier.draw(random))!;
      const b = ctx.countryName.get(ctx.recipient.draw(random))!;
      const weapon = w.name[random.int(w.name.length)]!;
      const noun = random.pick(CATEGORY_WEIGHTS)[2];
      let title: string;
      let reference: string | null = null;
      let classification: string | null = null;
      let url: string | null = null;
      if (kind === "DIPLOMATIC_CABLE") {
        const city = random.pick(ctx.pools.cities).toUpperCase().replace(/[^A-Z]/g, "");
        reference = `${String(ctx.cal.yearOf(day) % 100).padStart(2, "0")}${city}${random.between(100, 9999)}`;
        title = `${a}: ${noun} for ${b}, ${random.pick(["demarche delivered", "follow-up", "response", "update", "readout"])}`;
        classification = random.pick(["CONFIDENTIAL", "SECRET", "SECRET", "UNCLASSIFIED"]);
      } else if (kind === "PUBLIC_EVENT") {
        title = `[${random.pick(["Military parade", "Arms fair", "Live-fire exercise", "Delivery ceremony"])} in ${b} showing ${weapon}]`;
      } else {
        title = `${a} ${random.pick(["sells", "delivers", "offers", "halts sale of", "signs deal for"])} ${weapon} ${noun} to ${b}`;
        classification = random.chance(0.7) ? "UNCLASSIFIED" : null;
        url = random.chance(0.55) ? `https://news.example.org/${ctx.cal.yearOf(day)}/${first + i}` : null;
      }
      const author = random.chance(0.6) ? random.pick(ctx.pools.people) : null;
      const publisher = kind === "DIPLOMATIC_CABLE" ? `Embassy in ${a}` : random.chance(0.7) ? random.pick(PUBLISHERS) : null;
      const excerpt = random.chance(0.5) ? null : `${random.pick(PASSAGE_OPENINGS)} ${weapon} ${random.pick(VERBS_OF_CONCERN)} ${random.pick(CONCERN_OBJECTS)} in ${b}.`;
      const grade = reliability.draw(random);
      await lineOf(
        sink,
        `${first + i}\t${kind}\t${text(title)}\t${text(reference)}\t${text(author)}\t${text(publisher)}\t${vague(ctx, random, day, 0.05)}\t${classification ?? NULL}\t${text(url)}\t${text(excerpt)}\t${grade ?? NULL}\t${stamp(ctx, random, day)}`,
      );
    }
  });
  return { first, count: n };
}

type Transfers = { first: number; count: number; supplier: Int32Array; recipient: Int32Array; weapon: Int32Array; year: Int16Array };

async function transfers(ctx: Context, lane: pg.ClientBase, w: Weapons): Promise<Transfers> {
  const n = ctx.counts.transfers;
  const first = ctx.first.ArmsTransfer;
  const random = new Random(ctx.seed, "ArmsTransfer");
  const statuses = new Weighted([["DELIVERED", 40], ["IN_DELIVERY", 15], ["ORDERED", 15], ["REPORTED", 15], ["SUSPENDED", 8], ["CANCELLED", 7]] as const);
  const t: Transfers = { first, count: n, supplier: new Int32Array(n), recipient: new Int32Array(n), weapon: new Int32Array(n), year: new Int16Array(n) };
  const columns = [
    "id", "supplierId", "recipientId", "weaponSystemId", "status", "numberOrdered", "numberOrderedUncertain", "numberDelivered",
    "numberDeliveredUncertain", "orderYear", "orderYearUncertain", "deliveryYears", "deliveryYearsUncertain", "comments", ...STAMP_COLUMNS,
  ];
  const lastYear = ctx.cal.yearOf(ctx.yesterday);
  await copyRows(ctx, lane, "ArmsTransfer", columns, async (sink) => {
    for (let i = 0; i < n; i++) {
      const supplier = ctx.supplier.draw(random);
      let recipient = ctx.recipient.draw(random);
      while (recipient === supplier) recipient = ctx.anyCountry.draw(random);
      const own = w.byOrigin.get(supplier);
      const weaponIndex = random.chance(0.05) ? -1 : own && random.chance(0.9) ? own[random.int(own.length)]! : random.int(w.name.length);
      const status = statuses.draw(random);
      const orderYear = random.chance(0.1) ? null : random.between(1990, lastYear);
      const orderYearUncertain = orderYear !== null && random.chance(0.15);
      const ordered: number | null = random.chance(0.25) ? null : Math.max(1, Math.round(Math.pow(10, random.float() * 4)));
      let orderedUncertain = ordered !== null && random.chance(0.2);
      let delivered: number | null = null;
      let deliveredUncertain = false;
      if (status === "DELIVERED" || status === "IN_DELIVERY" || status === "SUSPENDED") {
        if (random.chance(0.8)) {
          const share = status === "DELIVERED" ? (random.chance(0.8) ? 1 : random.float()) : random.float();
          delivered = ordered === null ? Math.max(1, Math.round(Math.pow(10, random.float() * 3))) : Math.round(ordered * share);
          deliveredUncertain = random.chance(0.15);
          // Registers sometimes count more delivered than ordered: only with an estimate flag.
          if (ordered !== null && random.chance(0.02)) {
            delivered = ordered + 1 + random.int(Math.max(1, Math.round(ordered / 5)));
            if (!orderedUncertain && !deliveredUncertain) deliveredUncertain = true;
          }
        }
      } else if (status === "CANCELLED" && random.chance(0.5)) {
        delivered = 0;
      }
      if (ordered !== null && delivered !== null && delivered > ordered && !orderedUncertain && !deliveredUncertain) orderedUncertain = true;
      const years: number[] = [];
      if (status === "DELIVERED" || status === "IN_DELIVERY" || (status === "SUSPENDED" && delivered)) {
        if (random.chance(0.85)) {
          const from = orderYear ?? random.between(1990, lastYear);
          const start = Math.min(lastYear, from + random.int(4));
          const span = 1 + random.int(4);
          for (let y = start; y < start + span && y <= lastYear; y++) years.push(y);
        }
      }
      const yearsUncertain = years.length > 0 && random.chance(0.1);
      const comments = random.chance(0.7)
        ? null
        : `${random.pick(["Deal reported by", "Figures estimated from", "Delivery confirmed by", "Contract mentioned in"])} ${random.pick(PUBLISHERS)}.`;
      t.supplier[i] = supplier;
      t.recipient[i] = recipient;
      t.weapon[i] = weaponIndex < 0 ? 0 : w.first + weaponIndex;
      t.year[i] = orderYear ?? 0;
      await lineOf(
        sink,
        `${first + i}\t${supplier}\t${recipient}\t${weaponIndex < 0 ? NULL : w.first + weaponIndex}\t${status}\t${num(ordered)}\t${bool(orderedUncertain)}\t${num(delivered)}\t${bool(deliveredUncertain)}\t${num(orderYear)}\t${bool(orderYearUncertain)}\t{${years.join(",")}}\t${bool(yearsUncertain)}\t${text(comments)}\t${stamp(ctx, random, orderYear ? dayNumber(orderYear, 1, 1) : null)}`,
      );
    }
  });
  return t;
}

type Concerns = {
  first: number;
  count: number;
  transfer1: Int32Array;
  transfer2: Int32Array;
  raisedBy: Int32Array;
  affected: Int32Array;
  status: Uint8Array;
  opened: Int32Array;
  resolved: Int32Array;
  owner: Int32Array;
};

const CONCERN_STATUSES = ["OPEN", "MONITORING", "RESOLVED", "CLOSED_UNRESOLVED"] as const;

async function concerns(ctx: Context, lane: pg.ClientBase, t: Transfers, w: Weapons): Promise<Concerns> {
  const n = ctx.counts.concerns;
  const first = ctx.first.Concern;
  const random = new Random(ctx.seed, "Concern");
  const categories = new Weighted([["DIVERSION", 35], ["PROLIFERATION", 10], ["END_USE", 20], ["REGIONAL_STABILITY", 20], ["HUMAN_RIGHTS", 12], ["OTHER", 3]] as const);
  const severities = new Weighted([["LOW", 20], ["MEDIUM", 40], ["HIGH", 30], ["CRITICAL", 10]] as const);
  const statuses = new Weighted([[0, 35], [1, 25], [2, 25], [3, 15]] as const);
  const c: Concerns = {
    first, count: n, transfer1: new Int32Array(n), transfer2: new Int32Array(n), raisedBy: new Int32Array(n), affected: new Int32Array(n),
    status: new Uint8Array(n), opened: new Int32Array(n), resolved: new Int32Array(n), owner: new Int32Array(n),
  };
  const columns = ["id", "title", "summary", "category", "severity", "status", "ownerId", "nextReviewOn", "openedOn", "openedOnPrecision", "resolvedOn", "resolutionNote", ...STAMP_COLUMNS];
  await copyRows(ctx, lane, "Concern", columns, async (sink) => {
    for (let i = 0; i < n; i++) {
      const ti = random.int(t.count);
      const supplier = t.supplier[ti]!;
      const recipient = t.recipient[ti]!;
      let second = -1;
      if (random.chance(0.5)) {
        second = random.int(t.count);
        if (second === ti) second = -1;
      }
      let raisedBy = random.chance(0.6) ? ctx.lobbyist.draw(random) : 0;
      if (raisedBy === supplier || raisedBy === recipient) raisedBy = 0;
      let affected = random.chance(0.3) ? ctx.anyCountry.draw(random) : 0;
      if (affected === supplier || affected === recipient) affected = 0;
      const category = categories.draw(random);
      const status = statuses.draw(random);
      const year = t.year[ti]!;
      const opened = dayBetween(ctx, random, year ? dayNumber(year, 1, 1) : FIRST_DAY);
      const closed = status >= 2;
      const resolved = closed ? Math.min(ctx.yesterday, opened + 30 + random.int(4000)) : 0;
      const owner = random.chance(0.85) ? ctx.owners[random.int(ctx.owners.length)]! : 0;
      const nextReview = !closed && random.chance(0.8) ? ctx.cal.text(ctx.cal.today - 200 + random.int(380)) : null;
      const weapon = t.weapon[ti] ? w.name[t.weapon[ti]! - w.first]! : "weapons";
      const sName = ctx.countryName.get(supplier)!;
      const rName = ctx.countryName.get(recipient)!;
      const title =
        category === "DIVERSION"
          ? `${weapon} from ${rName} ${random.pick(VERBS_OF_CONCERN)} ${random.pick(CONCERN_OBJECTS)}`
          : `${sName} ${weapon} sale to ${rName}: ${category.toLowerCase().replace(/_/g, " ")}`;
      const summary = random.chance(0.3) ? null : `${sName} supplies ${weapon} to ${rName}; monitors fear they ${random.pick(VERBS_OF_CONCERN)} ${random.pick(CONCERN_OBJECTS)}.`;
      const note = closed && random.chance(0.8) ? random.pick(["Sale cancelled.", "Stocks verified on site.", "Deliveries completed; no diversion found.", "No further information; closed.", "Recipient provided end-use assurances."]) : null;
      c.transfer1[i] = t.first + ti;
      c.transfer2[i] = second < 0 ? 0 : t.first + second;
      c.raisedBy[i] = raisedBy;
      c.affected[i] = affected;
      c.status[i] = status;
      c.opened[i] = opened;
      c.resolved[i] = resolved;
      c.owner[i] = owner;
      await lineOf(
        sink,
        `${first + i}\t${text(title)}\t${text(summary)}\t${category}\t${severities.draw(random)}\t${CONCERN_STATUSES[status]}\t${owner || NULL}\t${nextReview ?? NULL}\t${vague(ctx, random, opened)}\t${closed ? ctx.cal.text(resolved) : NULL}\t${text(note)}\t${stamp(ctx, random, opened)}`,
      );
    }
  });
  return c;
}

async function concernLinks(ctx: Context, lane: pg.ClientBase, c: Concerns, t: Transfers) {
  await copyRows(ctx, lane, "ConcernCountry", ["concernId", "countryId", "role"], async (sink) => {
    for (let i = 0; i < c.count; i++) {
      const ti = c.transfer1[i]! - t.first;
      const id = c.first + i;
      await lineOf(sink, `${id}\t${t.supplier[ti]}\tSUPPLIER`);
      await lineOf(sink, `${id}\t${t.recipient[ti]}\tRECIPIENT`);
      if (c.affected[i]) await lineOf(sink, `${id}\t${c.affected[i]}\tAFFECTED`);
      if (c.raisedBy[i]) await lineOf(sink, `${id}\t${c.raisedBy[i]}\tRAISED_BY`);
    }
  });
  await copyRows(ctx, lane, "ConcernTransfer", ["concernId", "transferId"], async (sink) => {
    for (let i = 0; i < c.count; i++) {
      await lineOf(sink, `${c.first + i}\t${c.transfer1[i]}`);
      if (c.transfer2[i]) await lineOf(sink, `${c.first + i}\t${c.transfer2[i]}`);
    }
  });
  const random = new Random(ctx.seed, "ConcernStatusChange");
  await copyRows(ctx, lane, "ConcernStatusChange", ["concernId", "fromStatus", "toStatus", "note", "changedAt", "changedById"], async (sink) => {
    for (let i = 0; i < c.count; i++) {
      const id = c.first + i;
      const status = c.status[i]!;
      const opened = Math.min(ctx.yesterday, c.opened[i]!);
      const end = status >= 2 ? c.resolved[i]! : ctx.yesterday;
      const who = () => num(c.owner[i] || ctx.analysts[random.int(ctx.analysts.length)]!);
      // Each change on a later day than the one before, or later the same day.
      let day = opened;
      let step = 0;
      const at = (d: number) => `${ctx.cal.text(d)} ${String(9 + step++).padStart(2, "0")}:${String(random.int(60)).padStart(2, "0")}:00.000`;
      const next = () => (day = Math.min(end, day + 1 + random.int(Math.max(1, Math.floor((end - day) / 2)))));
      await lineOf(sink, `${id}\t${NULL}\tOPEN\tConcern opened.\t${at(day)}\t${who()}`);
      const viaMonitoring = status === 1 || (status >= 2 && random.chance(0.5)) || (status === 0 && random.chance(0.1));
      if (viaMonitoring) {
        await lineOf(sink, `${id}\tOPEN\tMONITORING\tWatching deliveries and end use.\t${at(next())}\t${who()}`);
        if (status === 0) await lineOf(sink, `${id}\tMONITORING\tOPEN\tNew reports: reopened.\t${at(next())}\t${who()}`);
      }
      if (status >= 2) {
        const from = viaMonitoring ? "MONITORING" : "OPEN";
        const note = status === 2 ? "Resolved." : "Closed without resolution.";
        await lineOf(sink, `${id}\t${from}\t${CONCERN_STATUSES[status]}\t${note}\t${at(end)}\t${num(ctx.editorId ?? (c.owner[i] || null))}`);
      }
    }
  });
}

type Requests = {
  first: number;
  count: number;
  concern1: Int32Array;
  concern2: Int32Array;
  transfer1: Int32Array;
  transfer2: Int32Array;
  requesting: Int32Array;
  target: Int32Array;
  day: Int32Array;
};

const ASKS = new Weighted(
  [["HALT_SALE", 25], ["SUSPEND_SALE", 15], ["CANCEL_SALE", 10], ["END_USE_ASSURANCE", 20], ["INSPECTION", 10], ["INFORMATION", 15], ["OTHER", 5]] as const,
);
const ASK_PHRASE: Record<string, string> = {
  HALT_SALE: "to halt the sale of",
  SUSPEND_SALE: "to suspend the sale of",
  CANCEL_SALE: "to cancel the sale of",
  END_USE_ASSURANCE: "for end-use assurances on",
  INSPECTION: "to inspect",
  INFORMATION: "for information on",
  OTHER: "about",
};
const CHANNELS = new Weighted([[null, 15], ["CABLE", 26], ["MEETING", 17], ["DEMARCHE", 21], ["LETTER", 9], ["CALL", 8], ["PUBLIC_STATEMENT", 4]] as const);
const RESPONSES = new Weighted(
  [["REBUFFED", 32], ["DEFLECTED", 26], ["PENDING", 16], ["NO_RESPONSE", 10], ["PARTIALLY_ACCEPTED", 7], ["ACCEPTED", 4], [null, 5]] as const,
);
const RECENT_RESPONSES = new Weighted([["PENDING", 60], ["REBUFFED", 15], ["DEFLECTED", 15], ["NO_RESPONSE", 5], [null, 5]] as const);
const CLASSIFICATIONS = new Weighted([[null, 20], ["UNCLASSIFIED", 30], ["CONFIDENTIAL", 35], ["SECRET", 15]] as const);

async function requests(ctx: Context, lane: pg.ClientBase, c: Concerns, t: Transfers, w: Weapons): Promise<Requests> {
  const n = ctx.counts.requests;
  const first = ctx.first.DiplomaticRequest;
  const random = new Random(ctx.seed, "DiplomaticRequest");
  const r: Requests = {
    first, count: n, concern1: new Int32Array(n), concern2: new Int32Array(n), transfer1: new Int32Array(n), transfer2: new Int32Array(n),
    requesting: new Int32Array(n), target: new Int32Array(n), day: new Int32Array(n),
  };
  const lastRequest = new Int32Array(c.count);
  const lastDay = new Int32Array(c.count);
  const columns = [
    "id", "title", "occurredOn", "occurredOnPrecision", "requestingCountryId", "targetCountryId", "channel", "ask", "askDetail",
    "response", "responseSummary", "classification", "followUpOfId", ...STAMP_COLUMNS,
  ];
  await copyRows(ctx, lane, "DiplomaticRequest", columns, async (sink) => {
    for (let i = 0; i < n; i++) {
      const id = first + i;
      const ci = random.chance(0.9) ? random.skewed(c.count, 1.6) : -1;
      let ti = ci >= 0 ? (random.chance(0.85) ? c.transfer1[ci]! - t.first : c.transfer2[ci] ? c.transfer2[ci]! - t.first : -1) : random.chance(0.7) ? random.int(t.count) : -1;
      const requesting = ci >= 0 && c.raisedBy[ci] ? c.raisedBy[ci]! : ctx.lobbyist.draw(random);
      let target = ti >= 0 ? (random.chance(0.75) ? t.supplier[ti]! : t.recipient[ti]!) : ctx.supplier.draw(random);
      if (target === requesting) target = ti >= 0 && t.supplier[ti] !== requesting ? t.supplier[ti]! : ti >= 0 && t.recipient[ti] !== requesting ? t.recipient[ti]! : 0;
      while (target === 0 || target === requesting) target = ctx.supplier.draw(random);
      let day = dayBetween(ctx, random, ci >= 0 ? c.opened[ci]! : ti >= 0 && t.year[ti] ? dayNumber(t.year[ti]!, 1, 1) : FIRST_DAY);
      let followUp = 0;
      if (ci >= 0 && lastRequest[ci] && random.chance(0.35)) {
        followUp = lastRequest[ci]!;
        day = Math.min(ctx.yesterday, lastDay[ci]! + 1 + random.int(400));
      }
      if (ci >= 0) {
        lastRequest[ci] = id;
        lastDay[ci] = day;
      }
      const known = !random.chance(0.02);
      const ask = ASKS.draw(random);
      const response = day > ctx.yesterday - 120 ? RECENT_RESPONSES.draw(random) : RESPONSES.draw(random);
      const weapon = ti >= 0 && t.weapon[ti] ? w.name[t.weapon[ti]! - w.first]! : random.pick(CATEGORY_WEIGHTS)[2];
      const recipientName = ti >= 0 ? ctx.countryName.get(t.recipient[ti]!)! : ctx.countryName.get(ctx.recipient.draw(random))!;
      const title = `${ctx.countryName.get(requesting)} asks ${ctx.countryName.get(target)} ${ASK_PHRASE[ask]} ${weapon} to ${recipientName}`;
      const askDetail = random.chance(0.5) ? null : `Raised ${followUp ? "again " : ""}with ${random.pick(PERSON_TITLES).toLowerCase()} ${random.pick(ctx.pools.people)}.`;
      const summary = response !== null && random.chance(0.6) ? `${ctx.countryName.get(target)} ${random.pick(RESPONSE_PHRASES)}.` : null;
      r.concern1[i] = ci >= 0 ? c.first + ci : 0;
      r.concern2[i] = ci >= 0 && random.chance(0.05) ? c.first + random.int(c.count) : 0;
      if (r.concern2[i] === r.concern1[i]) r.concern2[i] = 0;
      if (ti >= 0 && ci >= 0 && random.chance(0.08)) ti = -1; // linked to the concern only
      r.transfer1[i] = ti >= 0 ? t.first + ti : 0;
      r.transfer2[i] = ti >= 0 && ci >= 0 && c.transfer2[ci] && c.transfer2[ci] !== t.first + ti && random.chance(0.3) ? c.transfer2[ci]! : 0;
      r.requesting[i] = requesting;
      r.target[i] = target;
      r.day[i] = known ? day : 0;
      await lineOf(
        sink,
        `${id}\t${text(title)}\t${known ? vague(ctx, random, day, 0) : `${NULL}\t${NULL}`}\t${requesting}\t${target}\t${CHANNELS.draw(random) ?? NULL}\t${ask}\t${text(askDetail)}\t${response ?? NULL}\t${text(summary)}\t${CLASSIFICATIONS.draw(random) ?? NULL}\t${followUp || NULL}\t${stamp(ctx, random, day)}`,
      );
    }
  });
  return r;
}

async function requestLinks(ctx: Context, lane: pg.ClientBase, r: Requests, a: Actors) {
  await copyRows(ctx, lane, "RequestConcern", ["requestId", "concernId"], async (sink) => {
    for (let i = 0; i < r.count; i++) {
      if (r.concern1[i]) await lineOf(sink, `${r.first + i}\t${r.concern1[i]}`);
      if (r.concern2[i]) await lineOf(sink, `${r.first + i}\t${r.concern2[i]}`);
    }
  });
  await copyRows(ctx, lane, "RequestTransfer", ["requestId", "transferId"], async (sink) => {
    for (let i = 0; i < r.count; i++) {
      if (r.transfer1[i]) await lineOf(sink, `${r.first + i}\t${r.transfer1[i]}`);
      if (r.transfer2[i]) await lineOf(sink, `${r.first + i}\t${r.transfer2[i]}`);
    }
  });
  const random = new Random(ctx.seed, "RequestActor");
  await copyRows(ctx, lane, "RequestActor", ["requestId", "actorId", "side"], async (sink) => {
    for (let i = 0; i < r.count; i++) {
      const id = r.first + i;
      const mine = a.byCountry.get(r.requesting[i]!);
      const theirs = a.byCountry.get(r.target[i]!);
      if (mine && random.chance(0.7)) {
        const first = mine[random.int(mine.length)]!;
        await lineOf(sink, `${id}\t${first}\tREQUESTING`);
        if (random.chance(0.15)) {
          const second = mine[random.int(mine.length)]!;
          if (second !== first) await lineOf(sink, `${id}\t${second}\tREQUESTING`);
        }
      }
      if (theirs && random.chance(0.6)) await lineOf(sink, `${id}\t${theirs[random.int(theirs.length)]}\tTARGET`);
    }
  });
}

const INSPECTION_STATUSES = new Weighted(
  [["RIGHT_ASSERTED", 25], ["NO_RIGHT", 10], ["SCHEDULED", 15], ["CONDUCTED", 20], ["REFUSED", 15], ["OVERDUE", 15]] as const,
);
const BASES = [
  "Claimed right to surprise inspections", "End-use clause in the export contract", "Post-shipment verification programme",
  "Bilateral end-use monitoring agreement", "UN Security Council resolution", "Memorandum of understanding",
];

async function inspections(ctx: Context, lane: pg.ClientBase, t: Transfers, w: Weapons): Promise<{ first: number; count: number }> {
  const n = ctx.counts.inspections;
  const first = ctx.first.Inspection;
  const random = new Random(ctx.seed, "Inspection");
  const columns = [
    "id", "transferId", "weaponSystemId", "hostCountryId", "inspectingCountryId", "inspectingParty", "basis", "status",
    "assertedOn", "assertedOnPrecision", "scheduledOn", "scheduledOnPrecision", "conductedOn", "conductedOnPrecision", "findings", ...STAMP_COLUMNS,
  ];
  await copyRows(ctx, lane, "Inspection", columns, async (sink) => {
    for (let i = 0; i < n; i++) {
      const ti = random.chance(0.85) ? random.int(t.count) : -1;
      const weapon = ti >= 0 ? (t.weapon[ti] && random.chance(0.7) ? t.weapon[ti]! : 0) : w.first + random.int(w.name.length);
      const host = ti >= 0 ? t.recipient[ti]! : ctx.recipient.draw(random);
      let inspecting = ti >= 0 && random.chance(0.75) ? t.supplier[ti]! : random.chance(0.5) ? ctx.lobbyist.draw(random) : 0;
      if (inspecting === host) inspecting = 0;
      const party = inspecting === 0 || random.chance(0.1) ? random.pick(INSPECTING_PARTIES) : null;
      const status = INSPECTION_STATUSES.draw(random);
      const from = ti >= 0 && t.year[ti] ? dayNumber(t.year[ti]!, 1, 1) : FIRST_DAY;
      const asserted = random.chance(0.7) ? dayBetween(ctx, random, from) : null;
      let scheduled: string;
      if (status === "SCHEDULED") {
        const day = ctx.cal.today - 30 + random.int(400); // may lie ahead
        scheduled = random.chance(0.7) ? `${ctx.cal.text(day)}\tDAY` : `${ctx.cal.text(ctx.cal.start(day, "MONTH"))}\tMONTH`;
      } else if (status === "OVERDUE" || (status === "CONDUCTED" && random.chance(0.5))) {
        scheduled = vague(ctx, random, dayBetween(ctx, random, asserted ?? from), 0.1);
      } else {
        scheduled = `${NULL}\t${NULL}`;
      }
      const conducted = status === "CONDUCTED" && random.chance(0.85) ? vague(ctx, random, dayBetween(ctx, random, asserted ?? from), 0) : `${NULL}\t${NULL}`;
      const findings = status === "CONDUCTED" && random.chance(0.7) ? random.pick(FINDINGS) : status === "REFUSED" && random.chance(0.3) ? "Access refused by the host government." : null;
      await lineOf(
        sink,
        `${first + i}\t${ti >= 0 ? t.first + ti : NULL}\t${weapon || NULL}\t${host}\t${inspecting || NULL}\t${text(party)}\t${text(random.chance(0.7) ? random.pick(BASES) : null)}\t${status}\t${vague(ctx, random, asserted, 0)}\t${scheduled}\t${conducted}\t${text(findings)}\t${stamp(ctx, random, asserted)}`,
      );
    }
  });
  return { first, count: n };
}

const SPEAKER_LABELS = ["the cables' conclusion", "a senior official", "an embassy spokesperson", "a defence ministry source", "the report's authors", "an unnamed diplomat"];

async function quotes(
  ctx: Context,
  lane: pg.ClientBase,
  r: Requests,
  c: Concerns,
  t: Transfers,
  ins: { first: number; count: number },
  a: Actors,
  w: Weapons,
): Promise<{ first: number; count: number }> {
  const n = ctx.counts.quotes;
  const first = ctx.first.Quote;
  const random = new Random(ctx.seed, "Quote");
  const columns = ["id", "text", "speakerId", "speakerLabel", "saidOn", "saidOnPrecision", "context", "requestId", "concernId", "transferId", "inspectionId", ...STAMP_COLUMNS];
  await copyRows(ctx, lane, "Quote", columns, async (sink) => {
    for (let i = 0; i < n; i++) {
      const x = random.float();
      let request = 0;
      let concern = 0;
      let transfer = 0;
      let inspection = 0;
      let day: number | null = null;
      let speakerCountry = 0;
      if (x < 0.7) {
        const ri = random.int(r.count);
        request = r.first + ri;
        day = r.day[ri] || null;
        speakerCountry = random.chance(0.6) ? r.target[ri]! : r.requesting[ri]!;
      } else if (x < 0.85) {
        const ci = random.int(c.count);
        concern = c.first + ci;
        day = dayBetween(ctx, random, c.opened[ci]!);
      } else if (x < 0.95) {
        const ti = random.int(t.count);
        transfer = t.first + ti;
        day = dayBetween(ctx, random, t.year[ti] ? dayNumber(t.year[ti]!, 1, 1) : FIRST_DAY);
        speakerCountry = t.supplier[ti]!;
      } else {
        inspection = ins.first + random.int(ins.count);
        day = dayBetween(ctx, random, FIRST_DAY);
      }
      const local = speakerCountry ? a.byCountry.get(speakerCountry) : undefined;
      const speaker = random.chance(0.8) ? (local && random.chance(0.7) ? local[random.int(local.length)]! : a.first + random.int(a.count)) : 0;
      const label = speaker ? (random.chance(0.05) ? random.pick(SPEAKER_LABELS) : null) : random.pick(SPEAKER_LABELS);
      const said = `${random.pick(QUOTE_OPENINGS)} ${random.chance(0.5) ? w.name[random.int(w.name.length)] : random.pick(CATEGORY_WEIGHTS)[2]}.`;
      const context = random.chance(0.7) ? null : `${random.pick(["In a meeting with", "Told", "Speaking to", "In a letter to"])} ${random.pick(ctx.pools.people)}.`;
      await lineOf(
        sink,
        `${first + i}\t${text(said)}\t${speaker || NULL}\t${text(label)}\t${vague(ctx, random, day, 0.15)}\t${text(context)}\t${request || NULL}\t${concern || NULL}\t${transfer || NULL}\t${inspection || NULL}\t${stamp(ctx, random, day)}`,
      );
    }
  });
  return { first, count: n };
}

const CREDIBILITY = new Weighted([[null, 25], [1, 8], [2, 25], [3, 22], [4, 8], [5, 4], [6, 8]] as const);

async function citations(
  ctx: Context,
  lane: pg.ClientBase,
  s: { first: number; count: number },
  targets: { column: string; first: number; count: number; perRecord: number }[],
) {
  const random = new Random(ctx.seed, "Citation");
  const columns = ["sourceId", "passage", "credibility", "note", "actorId", "weaponSystemId", "transferId", "concernId", "requestId", "inspectionId", "quoteId", "version", "createdAt", "updatedAt", "createdById", "updatedById"];
  const slots = ["actorId", "weaponSystemId", "transferId", "concernId", "requestId", "inspectionId", "quoteId"];
  await copyRows(ctx, lane, "Citation", columns, async (sink) => {
    for (const target of targets) {
      const slot = slots.indexOf(target.column);
      const before = `${NULL}\t`.repeat(slot);
      const after = `\t${NULL}`.repeat(slots.length - slot - 1);
      for (let i = 0; i < target.count; i++) {
        // perRecord 1.0: one citation each, 10% a second; below 1: that share has one.
        let k = target.perRecord >= 1 ? (random.chance(0.9) ? 1 : 0) + (random.chance(0.1) ? 1 : 0) : random.chance(target.perRecord) ? 1 : 0;
        for (; k > 0; k--) {
          const source = s.first + random.skewed(s.count, 1.8);
          const passage = random.chance(0.2)
            ? null
            : `${random.pick(PASSAGE_OPENINGS)} ${random.pick(ctx.pools.words)} ${random.pick(VERBS_OF_CONCERN)} ${random.pick(CONCERN_OBJECTS)}.`;
          const credibility = CREDIBILITY.draw(random);
          const note = random.chance(0.08) ? "Corroborated by a second source." : null;
          const creator = random.chance(0.5) ? ctx.analysts[random.int(ctx.analysts.length)]! : null;
          const at = ctx.cal.timestamp(ctx.yesterday - random.int(3650), random);
          await lineOf(sink, `${source}\t${text(passage)}\t${num(credibility)}\t${text(note)}\t${before}${target.first + i}${after}\t1\t${at}\t${at}\t${num(creator)}\t${num(creator)}`);
        }
      }
    }
  });
}

// ------------------------------------------------------------ entry point

async function generatedUsers(ctx: Context, lane: pg.ClientBase, count: number): Promise<void> {
  const random = new Random(ctx.seed, "User");
  const emails: string[] = [];
  let inserted = 0;
  for (let i = 1; i <= count; i++) {
    const email = `analyst-${String(i).padStart(4, "0")}@scale.demarche.local`;
    emails.push(email);
    // Generated analysts cannot sign in: no password.
    const r = await lane.query(
      `INSERT INTO "User" (email, name, role, "passwordHash", active, "createdAt", "updatedAt")
       VALUES ($1, $2, 'ANALYST', NULL, true, $3, $3) ON CONFLICT (email) DO NOTHING`,
      [email, `${random.pick(ctx.pools.people)} (generated)`, `${ctx.cal.text(ctx.yesterday)} 00:00:00`],
    );
    inserted += r.rowCount ?? 0;
  }
  ctx.rows.User += inserted;
  const ids = await lane.query<{ id: number }>(`SELECT id FROM "User" WHERE email = ANY($1) ORDER BY email`, [emails]);
  ctx.analysts = ids.rows.map((row) => row.id);
  const others = await lane.query<{ id: number; role: string }>(
    `SELECT id, role FROM "User" WHERE active AND role IN ('ANALYST', 'EDITOR', 'ADMIN') AND NOT (email = ANY($1)) ORDER BY id`,
    [emails],
  );
  ctx.editorId = others.rows.find((u) => u.role === "EDITOR")?.id ?? others.rows.find((u) => u.role === "ADMIN")?.id ?? null;
  ctx.owners = [...ctx.analysts, ...others.rows.map((u) => u.id)];
  ctx.log(`User: ${inserted} generated analysts added (${ctx.analysts.length} in use)`);
}

function citationTargets(ctx: Context) {
  const f = ctx.first;
  const n = ctx.counts;
  return [
    { column: "requestId", first: f.DiplomaticRequest, count: n.requests, perRecord: 1 },
    { column: "concernId", first: f.Concern, count: n.concerns, perRecord: 1 },
    { column: "transferId", first: f.ArmsTransfer, count: n.transfers, perRecord: 0.5 },
    { column: "inspectionId", first: f.Inspection, count: n.inspections, perRecord: 1 },
    { column: "quoteId", first: f.Quote, count: n.quotes, perRecord: 1 },
    { column: "actorId", first: f.Actor, count: n.actors, perRecord: 0.2 },
    { column: "weaponSystemId", first: f.WeaponSystem, count: n.weaponSystems, perRecord: 1 },
  ];
}

/** Every table in one transaction on one connection, in dependency order (foreign keys in place). */
async function loadInOrder(ctx: Context, lane: pg.ClientBase) {
  const w = await weaponSystems(ctx, lane);
  const a = await actors(ctx, lane);
  const s = await sources(ctx, lane, w);
  const t = await transfers(ctx, lane, w);
  const c = await concerns(ctx, lane, t, w);
  await concernLinks(ctx, lane, c, t);
  const r = await requests(ctx, lane, c, t, w);
  await requestLinks(ctx, lane, r, a);
  const ins = await inspections(ctx, lane, t, w);
  await quotes(ctx, lane, r, c, t, ins, a, w);
  await citations(ctx, lane, s, citationTargets(ctx));
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  promise.catch(() => {}); // reported by the lane that failed
  return { promise, resolve, reject };
}

/**
 * Two connections, two transactions, loading at the same time (no foreign
 * keys are in place, so neither waits for the other's rows): lane A the
 * records the others hang from, lane B the sources, links, quotes and
 * citations. Lane A commits first, so that no committed row ever points at a
 * missing one.
 */
async function loadInTwoLanes(ctx: Context, laneA: pg.ClientBase, laneB: pg.ClientBase) {
  const weapons = deferred<Weapons>();
  const actorsDone = deferred<Actors>();
  const transfersDone = deferred<Transfers>();
  const concernsDone = deferred<Concerns>();
  const requestsDone = deferred<Requests>();
  const all = [weapons, actorsDone, transfersDone, concernsDone, requestsDone];
  const fail = (error: unknown) => {
    ctx.abort.aborted = true;
    for (const d of all) d.reject(error);
    throw error;
  };
  const a = async () => {
    try {
      const w = await weaponSystems(ctx, laneA);
      weapons.resolve(w);
      actorsDone.resolve(await actors(ctx, laneA));
      const t = await transfers(ctx, laneA, w);
      transfersDone.resolve(t);
      const c = await concerns(ctx, laneA, t, w);
      concernsDone.resolve(c);
      requestsDone.resolve(await requests(ctx, laneA, c, t, w));
    } catch (error) {
      fail(error);
    }
  };
  const b = async () => {
    try {
      const w = await weapons.promise;
      const s = await sources(ctx, laneB, w);
      const t = await transfersDone.promise;
      const c = await concernsDone.promise;
      await concernLinks(ctx, laneB, c, t);
      const ins = await inspections(ctx, laneB, t, w);
      await citations(ctx, laneB, s, citationTargets(ctx));
      const r = await requestsDone.promise;
      const act = await actorsDone.promise;
      await quotes(ctx, laneB, r, c, t, ins, act, w);
      await requestLinks(ctx, laneB, r, act);
    } catch (error) {
      fail(error);
    }
  };
  const results = await Promise.allSettled([a(), b()]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  // For this session only: room for index builds, foreign-key checks and sorts.
  await client.query("SET maintenance_work_mem = '1GB'");
  await client.query("SET work_mem = '256MB'");
  return client;
}

/** Runs one statement per item, spread over the connections. */
async function spread<T>(clients: pg.ClientBase[], items: T[], sql: (item: T) => string) {
  const queue = [...items];
  await Promise.all(
    clients.map(async (client) => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await client.query(sql(item));
    }),
  );
}

export async function generateLarge(url: string, options: GenerateOptions): Promise<GenerateSummary> {
  const started = Date.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const asOf = options.asOf ?? new Date();
  const asOfDay = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate()));
  const counts = plannedCounts(options.requests);
  const log = options.log ?? (() => {});
  const rows = Object.fromEntries(GENERATED_TABLES.map((t) => [t, 0])) as Record<GeneratedTable, number>;
  let structures: SavedStructures = { indexes: [], foreignKeys: [] };
  let loadSeconds = 0;
  let analyzeSeconds = 0;

  const main = await connect(url);
  const second = await connect(url);
  const file = await pendingFile(main, url);
  const lanes = [main, second];
  const quoted = (tables: readonly string[]) => tables.map((t) => `"${t}"`).join(", ");
  try {
    await restorePendingStructures(lanes, url, log);
    const countries = (await main.query<Country>(`SELECT id, alpha2, name FROM "Country" ORDER BY id`)).rows;
    if (countries.length < 2) throw new Error("The database has no countries: load them first (npm run db:seed).");
    const cal = new Calendar(asOfDay);
    const ctx: Context = {
      seed,
      first: {} as Record<ReservedTable, number>,
      abort: { aborted: false },
      cal,
      yesterday: cal.today - 1,
      countries,
      countryName: new Map(countries.map((c) => [c.id, c.name])),
      supplier: countryWeights(countries, SUPPLIERS, 0.92, 1.1),
      recipient: countryWeights(countries, RECIPIENTS, 0.7, 0.7),
      lobbyist: countryWeights(countries, LOBBYISTS, 0.9, 1.3),
      anyCountry: countryWeights(countries, [], 0, 1),
      analysts: [],
      owners: [],
      editorId: null,
      pools: namePools(seed),
      counts,
      rows,
      log,
    };
    options.signal?.addEventListener("abort", () => (ctx.abort.aborted = true), { once: true });
    if (options.signal?.aborted) throw new Error("aborted");

    await main.query("BEGIN");
    // No app writes meanwhile (reads go on, unless indexes are dropped).
    await main.query(`LOCK TABLE ${quoted(COPIED_TABLES)} IN SHARE ROW EXCLUSIVE MODE`);
    const existing = Number((await main.query<{ n: string }>(`SELECT count(*) AS n FROM "DiplomaticRequest"`)).rows[0]!.n);
    const drop =
      options.dropIndexes === "auto" || options.dropIndexes === undefined ? counts.requests >= 50_000 && counts.requests >= existing : options.dropIndexes;
    ctx.first = await reserveAll(main, counts);
    await generatedUsers(ctx, main, counts.analysts);

    if (!drop) {
      // Small loads: one transaction, foreign keys and indexes in place.
      await loadInOrder(ctx, main);
      await setSequences(main);
      await main.query("COMMIT");
      loadSeconds = (Date.now() - started) / 1000;
      log(`committed after ${loadSeconds.toFixed(1)} s`);
      const analyzeStarted = Date.now();
      // Statistics for the planner; VACUUM also merges the GIN indexes'
      // pending entries (the search columns) and sets the visibility map.
      await spread(lanes, [...SEARCH_TABLES], (t) => `VACUUM (ANALYZE) "${t}"`);
      await spread(lanes, GENERATED_TABLES.filter((t) => !(SEARCH_TABLES as readonly string[]).includes(t)), (t) => `ANALYZE "${t}"`);
      analyzeSeconds = (Date.now() - analyzeStarted) / 1000;
      log(`vacuumed and analysed in ${analyzeSeconds.toFixed(1)} s`);
    } else {
      structures = await readStructures(main, COPIED_TABLES);
      await dropStructures(main, structures, file);
      await main.query("COMMIT");
      log(`dropped ${structures.indexes.length} secondary indexes and ${structures.foreignKeys.length} foreign keys for the load (kept in ${file})`);
      try {
        for (const lane of lanes) await lane.query("BEGIN");
        try {
          await loadInTwoLanes(ctx, main, second);
        } catch (error) {
          for (const lane of lanes) await lane.query("ROLLBACK").catch(() => {});
          throw error;
        }
        await main.query("COMMIT");
        await second.query("COMMIT");
        log(`loaded and committed after ${((Date.now() - started) / 1000).toFixed(1)} s`);
        const analyzeStarted = Date.now();
        // Before the indexes exist: statistics for the planner (and for the
        // foreign-key checks), the visibility map for index-only scans. The
        // GIN indexes are built afresh below, so they have no pending list.
        const bySize = (await main.query<{ t: string }>(
          `SELECT relname AS t FROM pg_class WHERE relname = ANY($1) AND relkind = 'r' ORDER BY pg_relation_size(oid) DESC`,
          [GENERATED_TABLES],
        )).rows.map((r) => r.t);
        await spread(lanes, bySize, (t) => `VACUUM (ANALYZE) "${t}"`);
        analyzeSeconds = (Date.now() - analyzeStarted) / 1000;
        log(`vacuumed and analysed in ${analyzeSeconds.toFixed(1)} s`);
      } finally {
        // Whatever happened above: every index and foreign key back as it was.
        await recreateStructures(lanes, structures, file, log);
      }
      await setSequences(main);
      loadSeconds = (Date.now() - started) / 1000 - analyzeSeconds;
    }
    // The requests' triggers recorded the load as deltas of the dashboard's
    // counts (prisma/rollups.sql): fold them in now, once.
    const compactStarted = Date.now();
    const folded = Number((await main.query<{ n: string }>("SELECT dashboard.compact() AS n")).rows[0]!.n);
    await main.query("ANALYZE dashboard.request_month");
    await main.query("ANALYZE dashboard.request_target");
    log(`folded ${folded.toLocaleString("en")} rows of dashboard counts in ${((Date.now() - compactStarted) / 1000).toFixed(1)} s`);
  } catch (error) {
    await main.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await main.end();
    await second.end();
  }
  const seconds = (Date.now() - started) / 1000;
  const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
  return {
    seed,
    asOf: asOfDay.toISOString().slice(0, 10),
    requests: counts.requests,
    rows,
    total,
    loadSeconds,
    analyzeSeconds,
    seconds,
    rowsPerSecond: total / seconds,
    droppedIndexes: structures.indexes.length,
    droppedForeignKeys: structures.foreignKeys.length,
  };
}

/** Every sequence at its table's highest id, so that the app's next insert gets a fresh one. */
async function setSequences(client: pg.ClientBase) {
  for (const table of ID_TABLES) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, 'id'), GREATEST((SELECT COALESCE(max(id), 0) FROM "${table}"), 1), (SELECT max(id) IS NOT NULL FROM "${table}"))`,
      [`"${table}"`],
    );
  }
}
