// The home dashboard's figures (lib/dashboard/) against a small known data
// set: each figure must equal a count computed here, independently, from the
// rows the test created; for a viewer (restricted records hidden), their
// author and an editor (shown); with no filter and with each filter
// parameter. Also: the same SQL text through pg gives the same rows.
import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { chooseGranularity, timeRange } from "@/lib/charts/time-series";
import { dashboardFilter, type DashboardFilter } from "@/lib/dashboard/filter";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { makeUser } from "@/tests/helpers/session";
import type {
  ConcernStatus,
  DatePrecision,
  InspectionStatus,
  RequestAsk,
  RequestResponse,
  Severity,
  WeaponCategory,
} from "@/lib/generated/prisma/enums";

const ctx = withMigratedDatabase("dashboard");
let data: typeof import("@/lib/dashboard/data");
let registry: typeof import("@/lib/dashboard/registry");

// ------------------------------------------------------------------ the data set

type Who = "VIEWER" | "EDITOR" | "AUTHOR";
type Vague = { on: string; precision: DatePrecision } | null;
type Rec = { restricted?: boolean; deleted?: boolean; verified?: boolean };

const DAY_MS = 86_400_000;
const today = new Date();
const todayStr = today.toISOString().slice(0, 10);
const daysFromToday = (n: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) + n * DAY_MS).toISOString().slice(0, 10);

const COUNTRIES = [
  { alpha2: "US", alpha3: "USA", numeric: "840", name: "United States" },
  { alpha2: "RU", alpha3: "RUS", numeric: "643", name: "Russia" },
  { alpha2: "VE", alpha3: "VEN", numeric: "862", name: "Venezuela" },
  { alpha2: "CO", alpha3: "COL", numeric: "170", name: "Colombia" },
  { alpha2: "CN", alpha3: "CHN", numeric: "156", name: "China" },
  { alpha2: "FR", alpha3: "FRA", numeric: "250", name: "France" },
];

const WEAPONS: Record<string, Rec & { category: WeaponCategory }> = {
  igla: { category: "MANPADS" },
  tank: { category: "ARMOURED_VEHICLES" },
  secretWs: { category: "SHIPS", restricted: true },
};

const TRANSFERS: Record<string, Rec & { supplier: string; recipient: string; weapon: string }> = {
  t1: { supplier: "RU", recipient: "VE", weapon: "igla" },
  t2: { supplier: "CN", recipient: "VE", weapon: "tank" },
  t3: { supplier: "RU", recipient: "CO", weapon: "igla", restricted: true },
  t4: { supplier: "FR", recipient: "CO", weapon: "igla", deleted: true },
  t5: { supplier: "FR", recipient: "VE", weapon: "secretWs" },
};

type ConcernFx = Rec & {
  title: string;
  severity: Severity;
  status: ConcernStatus;
  countries: string[];
  transfers: string[];
  opened: Vague;
  nextReviewOn: string | null;
  owner?: boolean;
};
const CONCERNS: Record<string, ConcernFx> = {
  c1: { verified: true, title: "C1 Igla-S diversion", severity: "HIGH", status: "OPEN", countries: ["RU", "VE", "CO"], transfers: ["t1"], opened: { on: "2005-01-01", precision: "YEAR" }, nextReviewOn: daysFromToday(-30), owner: true },
  c2: { title: "C2 tanks", severity: "MEDIUM", status: "MONITORING", countries: ["CN", "VE"], transfers: ["t2"], opened: { on: "2009-03-15", precision: "DAY" }, nextReviewOn: daysFromToday(30) },
  c3: { title: "C3 restricted", severity: "CRITICAL", status: "OPEN", countries: ["RU", "CO"], transfers: ["t3"], opened: null, nextReviewOn: daysFromToday(-10), restricted: true },
  c4: { title: "C4 resolved", severity: "LOW", status: "RESOLVED", countries: ["FR"], transfers: ["t1"], opened: { on: "2008-01-01", precision: "YEAR" }, nextReviewOn: daysFromToday(-5) },
  c5: { title: "C5 deleted", severity: "HIGH", status: "OPEN", countries: ["RU"], transfers: ["t1"], opened: { on: "2006-01-01", precision: "YEAR" }, nextReviewOn: daysFromToday(-3), deleted: true },
  c6: { title: "C6 via deleted transfer", severity: "LOW", status: "OPEN", countries: ["US"], transfers: ["t4"], opened: { on: "2010-06-01", precision: "MONTH" }, nextReviewOn: null },
  c7: { title: "C7 via restricted weapon", severity: "MEDIUM", status: "MONITORING", countries: ["FR", "VE"], transfers: ["t5"], opened: { on: "2009-11-20", precision: "DAY" }, nextReviewOn: daysFromToday(-1) },
};

type RequestFx = Rec & {
  from: string;
  to: string;
  date: Vague;
  ask: RequestAsk;
  response: RequestResponse | null;
  concerns: string[];
  transfers: string[];
};
const REQUESTS: Record<string, RequestFx> = {
  r1: { verified: true, from: "US", to: "RU", date: { on: "2005-01-01", precision: "YEAR" }, ask: "HALT_SALE", response: "REBUFFED", concerns: ["c1"], transfers: ["t1"] },
  r2: { from: "US", to: "RU", date: { on: "2009-01-01", precision: "YEAR" }, ask: "SUSPEND_SALE", response: "REBUFFED", concerns: ["c1"], transfers: ["t1"] },
  r3: { from: "US", to: "RU", date: { on: "2009-03-17", precision: "DAY" }, ask: "HALT_SALE", response: "REBUFFED", concerns: ["c1"], transfers: ["t1"] },
  r4: { verified: true, from: "CO", to: "VE", date: { on: "2009-06-01", precision: "MONTH" }, ask: "END_USE_ASSURANCE", response: "DEFLECTED", concerns: ["c1"], transfers: [] },
  r5: { from: "US", to: "CN", date: { on: "2007-02-01", precision: "DAY" }, ask: "HALT_SALE", response: null, concerns: ["c2"], transfers: ["t2"] },
  r6: { from: "FR", to: "CN", date: null, ask: "INFORMATION", response: "ACCEPTED", concerns: [], transfers: [] },
  r7: { from: "US", to: "RU", date: { on: "2006-01-01", precision: "YEAR" }, ask: "HALT_SALE", response: "REBUFFED", concerns: ["c3"], transfers: ["t3"], restricted: true },
  r8: { from: "US", to: "RU", date: { on: "2008-05-05", precision: "DAY" }, ask: "HALT_SALE", response: "REBUFFED", concerns: ["c1"], transfers: ["t1"], deleted: true },
  r9: { from: "VE", to: "CO", date: { on: "2010-01-10", precision: "DAY" }, ask: "INSPECTION", response: "PENDING", concerns: ["c6"], transfers: ["t4"] },
  r10: { from: "US", to: "RU", date: { on: "2009-11-01", precision: "MONTH" }, ask: "HALT_SALE", response: "REBUFFED", concerns: ["c3"], transfers: ["t3"] },
  r11: { from: "FR", to: "VE", date: { on: "2012-04-02", precision: "DAY" }, ask: "CANCEL_SALE", response: "NO_RESPONSE", concerns: ["c7"], transfers: ["t5"] },
  r12: { from: "US", to: "VE", date: { on: "2009-12-31", precision: "DAY" }, ask: "HALT_SALE", response: "REBUFFED", concerns: ["c1", "c3"], transfers: ["t1", "t3"] },
};

type InspectionFx = Rec & {
  host: string;
  inspecting: string | null;
  weapon: string | null;
  transfer: string | null;
  status: InspectionStatus;
  asserted: Vague;
  scheduled: Vague;
  conducted: Vague;
};
const INSPECTIONS: Record<string, InspectionFx> = {
  i1: { host: "VE", inspecting: "RU", weapon: null, transfer: "t1", status: "RIGHT_ASSERTED", asserted: null, scheduled: null, conducted: null },
  i2: { verified: true, host: "VE", inspecting: "US", weapon: "tank", transfer: null, status: "CONDUCTED", asserted: null, scheduled: null, conducted: { on: "2010-05-01", precision: "DAY" } },
  i3: { host: "CO", inspecting: "RU", weapon: null, transfer: "t3", status: "SCHEDULED", asserted: null, scheduled: { on: "2011-02-01", precision: "MONTH" }, conducted: null, restricted: true },
  i4: { host: "CN", inspecting: "FR", weapon: "igla", transfer: null, status: "OVERDUE", asserted: null, scheduled: { on: "2009-01-01", precision: "DAY" }, conducted: null },
  i5: { host: "VE", inspecting: null, weapon: null, transfer: null, status: "RIGHT_ASSERTED", asserted: null, scheduled: null, conducted: null, deleted: true },
  i6: { host: "VE", inspecting: null, weapon: null, transfer: "t2", status: "REFUSED", asserted: { on: "2008-01-01", precision: "YEAR" }, scheduled: null, conducted: null },
  i7: { host: "RU", inspecting: "US", weapon: "igla", transfer: null, status: "SCHEDULED", asserted: null, scheduled: { on: "2009-07-01", precision: "MONTH" }, conducted: { on: "2009-08-02", precision: "DAY" } },
};

const STATUS_CHANGES: { concern: string; from: ConcernStatus | null; to: ConcernStatus; at: string }[] = [
  { concern: "c1", from: null, to: "OPEN", at: "2021-03-01T10:00:00Z" },
  { concern: "c2", from: "OPEN", to: "MONITORING", at: "2022-05-01T10:00:00Z" },
  { concern: "c4", from: "OPEN", to: "RESOLVED", at: "2023-01-01T10:00:00Z" },
  { concern: "c3", from: null, to: "OPEN", at: "2023-06-01T10:00:00Z" },
  { concern: "c5", from: null, to: "OPEN", at: "2024-01-01T10:00:00Z" },
  { concern: "c7", from: "OPEN", to: "MONITORING", at: "2009-12-01T10:00:00Z" },
];

// ------------------------------------------------------------------ the independent model

const users: Record<Who, { id: number; role: string }> = {} as never;
const authorOf = (r: Rec) => (r.restricted ? "AUTHOR" : "EDITOR");
const ids = {
  country: {} as Record<string, number>,
  weapon: {} as Record<string, number>,
  transfer: {} as Record<string, number>,
  concern: {} as Record<string, number>,
  request: {} as Record<string, number>,
  inspection: {} as Record<string, number>,
};

function readable(who: Who, r: Rec): boolean {
  if (r.deleted) return false;
  if (!r.restricted) return true;
  return who === "EDITOR" || who === "AUTHOR"; // restricted records are the author's
}

/** The last day of a vague date's period. */
function periodEnd(d: NonNullable<Vague>): string {
  const [y, m] = d.on.split("-").map(Number) as [number, number];
  if (d.precision === "YEAR") return `${y}-12-31`;
  if (d.precision === "MONTH") return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return d.on;
}

function inRange(d: Vague, f: DashboardFilter): boolean {
  if (!f.from && !f.to) return true;
  if (!d) return false;
  if (f.from && periodEnd(d) < f.from.start) return false;
  if (f.to && d.on > f.to.end) return false;
  return true;
}

const weaponMatches = (who: Who, w: string, f: DashboardFilter) => readable(who, WEAPONS[w]!) && f.weapon.includes(WEAPONS[w]!.category);
const transferWeaponMatches = (who: Who, t: string, f: DashboardFilter) => readable(who, TRANSFERS[t]!) && weaponMatches(who, TRANSFERS[t]!.weapon, f);

const verifiedMatches = (r: Rec, f: DashboardFilter) => !f.verified || (f.verified === "yes") === Boolean(r.verified);

function concernMatches(who: Who, k: ConcernFx, f: DashboardFilter, dates = true): boolean {
  if (!readable(who, k) || !verifiedMatches(k, f)) return false;
  if (f.country && !k.countries.includes(f.country)) return false;
  if (f.weapon.length && !k.transfers.some((t) => transferWeaponMatches(who, t, f))) return false;
  if (f.severity.length && !f.severity.includes(k.severity)) return false;
  return !dates || inRange(k.opened, f);
}

function requestMatches(who: Who, r: RequestFx, f: DashboardFilter): boolean {
  if (!readable(who, r) || !verifiedMatches(r, f)) return false;
  if (f.country && r.from !== f.country && r.to !== f.country) return false;
  if (f.weapon.length && !r.transfers.some((t) => transferWeaponMatches(who, t, f))) return false;
  if (f.severity.length && !r.concerns.some((c) => readable(who, CONCERNS[c]!) && f.severity.includes(CONCERNS[c]!.severity))) return false;
  return inRange(r.date, f);
}

function inspectionMatches(who: Who, i: InspectionFx, f: DashboardFilter): boolean {
  if (!readable(who, i) || !verifiedMatches(i, f)) return false;
  if (f.country && i.host !== f.country && i.inspecting !== f.country) return false;
  if (f.weapon.length && !((i.weapon && weaponMatches(who, i.weapon, f)) || (i.transfer && transferWeaponMatches(who, i.transfer, f)))) return false;
  if (f.severity.length) {
    const t = i.transfer;
    const viaConcern = t !== null && readable(who, TRANSFERS[t]!) &&
      Object.values(CONCERNS).some((k) => k.transfers.includes(t) && readable(who, k) && f.severity.includes(k.severity));
    if (!viaConcern) return false;
  }
  if (f.from || f.to) return [i.asserted, i.scheduled, i.conducted].some((d) => d !== null && inRange(d, f));
  return true;
}

const unresolved = (k: ConcernFx) => k.status === "OPEN" || k.status === "MONITORING";
const UNFULFILLED: InspectionStatus[] = ["RIGHT_ASSERTED", "SCHEDULED", "REFUSED", "OVERDUE", "NO_RIGHT"];
const entries = <T>(o: Record<string, T>) => Object.entries(o);
const countBy = <T>(items: T[], key: (t: T) => string) => {
  const out: Record<string, number> = {};
  for (const t of items) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
};

// ------------------------------------------------------------------ setup

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", ctx.url);
  data = await import("@/lib/dashboard/data");
  registry = await import("@/lib/dashboard/registry");
  const db = ctx.db;
  users.VIEWER = { id: (await makeUser(db, "VIEWER")).id, role: "VIEWER" };
  users.EDITOR = { id: (await makeUser(db, "EDITOR")).id, role: "EDITOR" };
  users.AUTHOR = { id: (await makeUser(db, "ANALYST", undefined, "author")).id, role: "ANALYST" };
  const stamp = (r: Rec) => ({
    visibility: r.restricted ? ("RESTRICTED" as const) : ("INTERNAL" as const),
    createdById: users[authorOf(r)].id,
    deletedAt: r.deleted ? new Date() : null,
    verifiedAt: r.verified ? new Date() : null,
  });
  const date = (v: Vague) => (v ? new Date(`${v.on}T00:00:00Z`) : null);

  for (const c of COUNTRIES) {
    ids.country[c.alpha2] = (await db.country.upsert({ where: { alpha2: c.alpha2 }, update: {}, create: c })).id;
  }
  for (const [key, w] of entries(WEAPONS)) {
    ids.weapon[key] = (await db.weaponSystem.create({ data: { name: key, category: w.category, ...stamp(w) } })).id;
  }
  for (const [key, t] of entries(TRANSFERS)) {
    ids.transfer[key] = (
      await db.armsTransfer.create({
        data: { supplierId: ids.country[t.supplier]!, recipientId: ids.country[t.recipient]!, weaponSystemId: ids.weapon[t.weapon]!, status: "DELIVERED", ...stamp(t) },
      })
    ).id;
  }
  for (const [key, k] of entries(CONCERNS)) {
    ids.concern[key] = (
      await db.concern.create({
        data: {
          title: k.title,
          category: "DIVERSION",
          severity: k.severity,
          status: k.status,
          openedOn: date(k.opened),
          openedOnPrecision: k.opened?.precision ?? null,
          nextReviewOn: k.nextReviewOn ? new Date(`${k.nextReviewOn}T00:00:00Z`) : null,
          ownerId: k.owner ? users.EDITOR.id : null,
          ...stamp(k),
          countryLinks: { create: k.countries.map((c, i) => ({ countryId: ids.country[c]!, role: i === 0 ? "SUPPLIER" : "AFFECTED" })) },
          transferLinks: { create: k.transfers.map((t) => ({ transferId: ids.transfer[t]! })) },
        },
      })
    ).id;
  }
  let minute = 0;
  for (const [key, r] of entries(REQUESTS)) {
    minute += 1;
    ids.request[key] = (
      await db.diplomaticRequest.create({
        data: {
          title: `Request ${key}`,
          occurredOn: date(r.date),
          occurredOnPrecision: r.date?.precision ?? null,
          requestingCountryId: ids.country[r.from]!,
          targetCountryId: ids.country[r.to]!,
          ask: r.ask,
          response: r.response,
          createdAt: new Date(Date.UTC(2024, 0, 1, 0, minute)),
          ...stamp(r),
          concernLinks: { create: r.concerns.map((c) => ({ concernId: ids.concern[c]! })) },
          transferLinks: { create: r.transfers.map((t) => ({ transferId: ids.transfer[t]! })) },
        },
      })
    ).id;
  }
  for (const [key, i] of entries(INSPECTIONS)) {
    ids.inspection[key] = (
      await db.inspection.create({
        data: {
          hostCountryId: ids.country[i.host]!,
          inspectingCountryId: i.inspecting ? ids.country[i.inspecting]! : null,
          weaponSystemId: i.weapon ? ids.weapon[i.weapon]! : null,
          transferId: i.transfer ? ids.transfer[i.transfer]! : null,
          status: i.status,
          assertedOn: date(i.asserted),
          assertedOnPrecision: i.asserted?.precision ?? null,
          scheduledOn: date(i.scheduled),
          scheduledOnPrecision: i.scheduled?.precision ?? null,
          conductedOn: date(i.conducted),
          conductedOnPrecision: i.conducted?.precision ?? null,
          ...stamp(i),
        },
      })
    ).id;
  }
  for (const s of STATUS_CHANGES) {
    await db.concernStatusChange.create({
      data: { concernId: ids.concern[s.concern]!, fromStatus: s.from, toStatus: s.to, note: "test", changedAt: new Date(s.at), changedById: users.EDITOR.id },
    });
  }
});

// ------------------------------------------------------------------ the checks

const FILTERS = [
  "",
  "country=RU",
  "country=ve",
  "country=FR",
  "country=ZZ",
  "weapon=MANPADS",
  "weapon=SHIPS",
  "weapon=ARMOURED_VEHICLES,MANPADS",
  "severity=HIGH",
  "severity=CRITICAL",
  "severity=MEDIUM,LOW",
  "from=2009&to=2009",
  "from=2009-03&to=2009-06",
  "from=2009-06-15",
  "to=2006",
  "from=2021&to=2022",
  "country=RU&weapon=MANPADS&severity=HIGH&from=2005&to=2009",
  "verified=yes",
  "verified=no",
  "verified=yes&country=RU",
  // Bounds inside a month or a year: the rollups' partly covered periods are counted one by one.
  "from=2009-03-17&to=2009-12-30",
  "from=2009-03-18",
  "to=2009-03-17",
  "from=2009-06-15&to=2009-06-20",
  "from=2005-02&to=2009-11",
  "from=2006-01-02&country=RU",
  "verified=no&from=2009-06-15",
];
const WHO: Who[] = ["VIEWER", "AUTHOR", "EDITOR"];
const CASES = WHO.flatMap((who) => FILTERS.map((query) => ({ who, query })));

const keyOf = <T>(o: Record<string, T>, id: number, kind: keyof typeof ids) => Object.keys(o).find((k) => ids[kind][k] === id);

describe.each(CASES)("$who, filter “$query”", ({ who, query }) => {
  const f = () => dashboardFilter(query);
  const viewer = () => users[who];

  it("unresolved concerns by severity and status", async () => {
    const result = await data.getUnresolvedConcernCounts(viewer(), f());
    const expected = Object.values(CONCERNS).filter((k) => unresolved(k) && concernMatches(who, k, f()));
    expect(result.total).toBe(expected.length);
    expect(result.bySeverity).toEqual(countBy(expected, (k) => k.severity));
    expect(result.byStatus).toEqual(countBy(expected, (k) => k.status));
    const cells = Object.fromEntries(result.cells.map((c) => [`${c.severity}/${c.status}`, c.n]));
    expect(cells).toEqual(countBy(expected, (k) => `${k.severity}/${k.status}`));
  });

  // Each count tile links to the concerns list with the same filters: the list must show the tile's count.
  // The link carries country and severity (the filters the concerns list shares); other filters are not checked here.
  it.runIf(query.split("&").every((p) => p === "" || p.startsWith("country=") || p.startsWith("severity=")))(
    "each concern tile's count equals the total of the list its link opens",
    async () => {
      const { concernsListHref } = await import("@/lib/dashboard/links");
      const { parseListParams } = await import("@/lib/lists/params");
      const { listRecords } = await import("@/lib/records/lists");
      const counts = await data.getUnresolvedConcernCounts(viewer(), f());
      const tiles: [string[] | undefined, number][] = [
        [undefined, counts.total],
        [["OPEN"], counts.byStatus.OPEN ?? 0],
        [["MONITORING"], counts.byStatus.MONITORING ?? 0],
      ];
      for (const [statuses, n] of tiles) {
        const href = concernsListHref(f(), statuses);
        expect(href.startsWith("/concerns?")).toBe(true);
        const raw = Object.fromEntries(new URL(href, "http://localhost").searchParams);
        const { params } = parseListParams("concerns", raw);
        const page = await listRecords("concerns", viewer(), params);
        expect(page.total, href).toEqual({ value: n, exact: true });
      }
    },
  );

  it("longest unresolved (opened first, unknown last) and overdue for review", async () => {
    const matching = entries(CONCERNS).filter(([, k]) => unresolved(k) && concernMatches(who, k, f()));
    const oldest = await data.getOldestUnresolvedConcerns(viewer(), f());
    const byOpened = [...matching].sort(([a, x], [b, y]) =>
      (x.opened?.on ?? "9999") < (y.opened?.on ?? "9999") ? -1 : (x.opened?.on ?? "9999") > (y.opened?.on ?? "9999") ? 1 : ids.concern[a]! - ids.concern[b]!,
    );
    expect(oldest.rows.map((r) => keyOf(CONCERNS, r.id, "concern"))).toEqual(byOpened.map(([key]) => key));
    expect(oldest.total).toBe(matching.length);
    for (const r of oldest.rows) {
      const k = CONCERNS[keyOf(CONCERNS, r.id, "concern")!]!;
      expect(r.owner !== null).toBe(Boolean(k.owner));
      expect(r.overdue).toBe(k.nextReviewOn !== null && k.nextReviewOn < todayStr);
    }

    const overdue = await data.getOverdueConcerns(viewer(), f());
    const expectedOverdue = matching
      .filter(([, k]) => k.nextReviewOn !== null && k.nextReviewOn < todayStr)
      .sort(([, x], [, y]) => (x.nextReviewOn! < y.nextReviewOn! ? -1 : 1));
    expect(overdue.rows.map((r) => keyOf(CONCERNS, r.id, "concern"))).toEqual(expectedOverdue.map(([key]) => key));
    expect(overdue.total).toBe(expectedOverdue.length);
    for (const r of overdue.rows) expect(r.daysOverdue).toBeGreaterThan(0);
  });

  it("requests over time, stacked by response (unknown a series of its own)", async () => {
    const result = await data.getRequestsOverTime(viewer(), f());
    const expected = Object.values(REQUESTS).filter((r) => requestMatches(who, r, f()));
    expect(result.total).toBe(expected.length);
    expect(result.undated).toBe(expected.filter((r) => !r.date).length);
    // The SQL chose month or year buckets by the rule of lib/charts/time-series.ts.
    const dated = expected
      .filter((r) => r.date)
      .map((r) => ({ month: r.date!.on.slice(0, 7), yearOnly: r.date!.precision === "YEAR", series: r.response ?? "UNKNOWN", n: 1 }));
    const range = timeRange(dated, f().from, f().to);
    if (range && dated.length) expect(result.granularity).toBe(chooseGranularity(range, { onlyYearPrecision: dated.every((r) => r.yearOnly) }));
    // Each dated request in the bucket its date and the granularity say.
    const expectedBuckets: Record<string, Record<string, number>> = {};
    for (const r of expected) {
      if (!r.date) continue;
      const year = r.date.on.slice(0, 4);
      const bucket = result.granularity === "year" ? year : r.date.precision === "YEAR" ? `${year}-unknown` : r.date.on.slice(0, 7);
      const series = r.response ?? "UNKNOWN";
      expectedBuckets[bucket] ??= {};
      expectedBuckets[bucket][series] = (expectedBuckets[bucket][series] ?? 0) + 1;
    }
    const got: Record<string, Record<string, number>> = {};
    for (const b of result.buckets) if (Object.values(b.values).some((v) => v > 0)) got[b.key] = b.values;
    expect(got).toEqual(expectedBuckets);
    expect(result.monthUnknown).toBe(result.granularity === "month" ? expected.filter((r) => r.date?.precision === "YEAR").length : 0);
    expect(new Set(result.series.map((s) => s.key))).toEqual(new Set(expected.map((r) => r.response ?? "UNKNOWN")));
  });

  it("responses by target country", async () => {
    const result = await data.getResponsesByCountry(viewer(), f());
    const expected: Record<string, Record<string, number>> = {};
    for (const r of Object.values(REQUESTS).filter((r) => requestMatches(who, r, f()))) {
      expected[r.to] ??= {};
      const s = r.response ?? "UNKNOWN";
      expected[r.to]![s] = (expected[r.to]![s] ?? 0) + 1;
    }
    expect(Object.fromEntries(result.data.map((d) => [d.key, d.values]))).toEqual(expected);
    expect(result.countryCount).toBe(Object.keys(expected).length);
    // Most requested first.
    const totals = result.data.map((d) => Object.values(d.values).reduce((a, b) => a + b, 0));
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
  });

  it("asks rebuffed most, per target country", async () => {
    const result = await data.getRebuffedAsks(viewer(), f());
    const groups: Record<string, { rebuffed: number; asked: number }> = {};
    for (const r of Object.values(REQUESTS).filter((r) => requestMatches(who, r, f()))) {
      const g = (groups[`${r.ask}/${r.to}`] ??= { rebuffed: 0, asked: 0 });
      g.asked += 1;
      if (r.response === "REBUFFED") g.rebuffed += 1;
    }
    const expected = Object.fromEntries(Object.entries(groups).filter(([, g]) => g.rebuffed > 0));
    expect(Object.fromEntries(result.map((r) => [`${r.ask}/${r.alpha2}`, { rebuffed: r.rebuffed, asked: r.asked }]))).toEqual(expected);
    const rebuffed = result.map((r) => r.rebuffed);
    expect([...rebuffed].sort((a, b) => b - a)).toEqual(rebuffed);
  });

  it("inspections by status, and those promised or asserted but never conducted", async () => {
    const matching = entries(INSPECTIONS).filter(([, i]) => inspectionMatches(who, i, f()));
    const byStatus = await data.getInspectionsByStatus(viewer(), f());
    expect(Object.fromEntries(byStatus.rows.map((r) => [r.status, r.n]))).toEqual(countBy(matching, ([, i]) => i.status));
    const never = matching.filter(([, i]) => UNFULFILLED.includes(i.status) && i.conducted === null);
    expect(byStatus.neverConducted).toBe(never.length);
    expect(byStatus.total).toBe(matching.length);

    const list = await data.getUnfulfilledInspections(viewer(), f());
    expect(new Set(list.rows.map((r) => keyOf(INSPECTIONS, r.id, "inspection")))).toEqual(new Set(never.map(([key]) => key)));
    expect(list.total).toBe(never.length);
  });

  it("recent activity: latest requests and concern status changes", async () => {
    const requests = await data.getRecentRequests(viewer(), f());
    const expected = entries(REQUESTS)
      .filter(([, r]) => requestMatches(who, r, f()))
      .map(([key]) => key)
      .reverse() // created one minute apart, in order
      .slice(0, 8);
    expect(requests.map((r) => keyOf(REQUESTS, r.id, "request"))).toEqual(expected);

    const changes = await data.getRecentStatusChanges(viewer(), f());
    const filter = f();
    const expectedChanges = STATUS_CHANGES.filter((s) => {
      if (!concernMatches(who, CONCERNS[s.concern]!, filter, false)) return false;
      const day = s.at.slice(0, 10);
      return (!filter.from || day >= filter.from.start) && (!filter.to || day <= filter.to.end);
    })
      .sort((a, b) => (a.at < b.at ? 1 : -1))
      .map((s) => `${s.concern}:${s.to}`);
    expect(changes.map((c) => `${keyOf(CONCERNS, c.concernId, "concern")}:${c.toStatus}`)).toEqual(expectedChanges);
  });
});

describe("restricted and deleted records", () => {
  it("are hidden from a viewer and shown to an editor and to their author", async () => {
    const f = dashboardFilter("");
    const oldestTitles = async (who: Who) => (await data.getOldestUnresolvedConcerns(users[who], f)).rows.map((r) => r.title);
    expect(await oldestTitles("VIEWER")).not.toContain("C3 restricted");
    expect(await oldestTitles("EDITOR")).toContain("C3 restricted");
    expect(await oldestTitles("AUTHOR")).toContain("C3 restricted");
    for (const who of WHO) expect(await oldestTitles(who)).not.toContain("C5 deleted");

    const total = async (who: Who) => (await data.getRequestsOverTime(users[who], f)).total;
    expect(await total("VIEWER")).toBe(10); // 12 less r7 (restricted) and r8 (deleted)
    expect(await total("EDITOR")).toBe(11);
  });

  it("restricted links do not let a record match a filter for a viewer", async () => {
    // r10 is linked to MANPADS only through restricted t3, and to CRITICAL only through restricted c3.
    const has = async (who: Who, query: string) =>
      (await data.getRecentRequests(users[who], dashboardFilter(query))).some((r) => r.id === ids.request.r10);
    expect(await has("VIEWER", "weapon=MANPADS")).toBe(false);
    expect(await has("EDITOR", "weapon=MANPADS")).toBe(true);
    expect(await has("VIEWER", "severity=CRITICAL")).toBe(false);
    expect(await has("EDITOR", "severity=CRITICAL")).toBe(true);
    // c6 is linked to MANPADS only through deleted t4: for no one.
    const c6 = async (who: Who) =>
      (await data.getOldestUnresolvedConcerns(users[who], dashboardFilter("weapon=MANPADS"))).rows.some((r) => r.title.startsWith("C6"));
    expect(await c6("EDITOR")).toBe(false);
  });

  it("refuses a caller without a known role", () => {
    for (const q of registry.DASHBOARD_QUERIES) {
      expect(() => q.sql({ id: 1, role: "GHOST" }, dashboardFilter(""))).toThrow(/permission/);
    }
  });
});

describe("vague dates in buckets", () => {
  it("a request known only by its year counts in that year's bucket (year granularity)", async () => {
    const result = await data.getRequestsOverTime(users.VIEWER, dashboardFilter(""));
    expect(result.granularity).toBe("year");
    expect(result.buckets.map((b) => b.key)).toEqual(["2005", "2006", "2007", "2008", "2009", "2010", "2011", "2012"]);
    // 2009: r2 (year only), r3, r10, r12 rebuffed; r4 deflected.
    expect(result.buckets.find((b) => b.key === "2009")!.values).toEqual({ REBUFFED: 4, DEFLECTED: 1 });
    expect(result.undated).toBe(1);
  });

  it("in month buckets, it sits in its own “month unknown” bucket after December, not in January", async () => {
    const result = await data.getRequestsOverTime(users.VIEWER, dashboardFilter("from=2009&to=2009"));
    expect(result.granularity).toBe("month");
    const keys = result.buckets.map((b) => b.key);
    expect(keys.slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, i) => `2009-${String(i + 1).padStart(2, "0")}`));
    expect(keys[12]).toBe("2009-unknown");
    expect(result.buckets[0]!.values).toEqual({});
    expect(result.buckets[12]!.values).toEqual({ REBUFFED: 1 });
    expect(result.buckets[12]!.label).toBe("2009, month unknown");
    expect(result.monthUnknown).toBe(1);
    // A range within 2009 still includes it (its period overlaps), after the range's last month.
    const inner = await data.getRequestsOverTime(users.VIEWER, dashboardFilter("from=2009-03&to=2009-06"));
    expect(inner.buckets.map((b) => b.key)).toEqual(["2009-03", "2009-04", "2009-05", "2009-06", "2009-unknown"]);
  });
});

describe("the same SQL through pg and through the app", () => {
  it.each(["", "country=RU&weapon=MANPADS&severity=HIGH&from=2005&to=2009"])("filter “%s”: same rows", async (query) => {
    const client = new pg.Client({ connectionString: ctx.url });
    await client.connect();
    try {
      expect(registry.DASHBOARD_QUERIES.map((q) => q.name)).toEqual([
        "unresolvedConcernCounts",
        "oldestUnresolvedConcerns",
        "overdueConcerns",
        "requestsOverTime",
        "responsesByCountry",
        "rebuffedAsks",
        "inspectionsByStatus",
        "unfulfilledInspections",
        "recentRequests",
        "recentStatusChanges",
      ]);
      for (const q of registry.DASHBOARD_QUERIES) {
        for (const who of WHO) {
          const sql = q.sql(users[who], dashboardFilter(query));
          // User input is bound, never spliced.
          if (query) expect(sql.text).not.toMatch(/'RU'|MANPADS'|'HIGH'|2005-01-01/);
          const viaPg = (await client.query(sql.text, sql.values)).rows;
          const viaApp = await data.runSql<Record<string, unknown>>(sql);
          expect(viaApp).toEqual(viaPg);
          await expect(q.run(users[who], dashboardFilter(query))).resolves.toBeDefined();
        }
      }
    } finally {
      await client.end();
    }
  });
});
