import "server-only";
// The record shape of an export (?shape=record): instead of the list's SQL
// columns, the columns of the import of the type (lib/import/kinds.ts),
// each named by its field's label (lib/records/<type>/definition.ts) and
// written as the import reads it: countries and weapon systems by name,
// choices by their labels, vague dates as typed (2009-03), an estimate in a
// column of its own ("Number ordered: estimated": yes), the weapon system's
// description beside its name ("Weapon description"). So an export of
// transfers or requests is read back by their import. Only for the types an
// import reads; the list shape stays the default (the list pages' links).
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import { countryNames } from "@/lib/db/countries";
import { readableSql, type Viewer } from "@/lib/db/visibility";
import { estimatedHeader } from "@/lib/import/columns";
import { importKindOf } from "@/lib/import/kinds";
import { BadRequestError } from "@/lib/api/http";
import { FORM_FIELDS, type RecordType } from "@/lib/records/definitions";
import { fieldValues } from "@/lib/records/form/columns";
import type { FieldSpec } from "@/lib/records/form/fields";
import { RECORDS } from "@/lib/records/registry";

export type ExportShape = "list" | "record";

/** ?shape=list (the default) or ?shape=record, for the types an import reads. */
export function exportShape(url: URL, type: RecordType): ExportShape {
  const shape = url.searchParams.get("shape") ?? "list";
  if (shape !== "list" && shape !== "record") throw new BadRequestError("shape is list or record.", { shape: ["list or record"] });
  if (shape === "record" && !importKindOf(type)) {
    throw new BadRequestError("shape=record writes the columns an import reads: only transfers and requests have an import.", { shape: ["Only for transfers and requests."] });
  }
  return shape;
}

/** The URL without `shape`, for the list's own parameter checks. */
export function withoutShape(url: URL): URL {
  const copy = new URL(url);
  copy.searchParams.delete("shape");
  return copy;
}

/** A column: a field of the record (or its estimate box), or a field of the record it links (`linked`). */
type Column = { header: string; field: FieldSpec; estimated: boolean; linked?: string };

/** The record shape's columns of `type`: every field its import fills, by label, each estimate box after its figure. */
export function recordColumns(type: RecordType): Column[] {
  const kind = importKindOf(type);
  if (!kind) return [];
  const fields = FORM_FIELDS[type];
  return kind.columns.flatMap((c): Column[] => {
    // Only the weapon system's own fields are read from a linked record (names and descriptions, below).
    const via = c.linked ? fields.find((f) => f.name === c.linked!.via) : undefined;
    if (c.linked && via?.kind === "picker" && via.lookup === "weaponSystem") return [{ header: c.header, field: via, estimated: false, linked: c.linked.field }];
    const field = c.field ? fields.find((f) => f.name === c.field) : undefined;
    if (!field) return [];
    const own: Column = { header: field.label, field, estimated: false };
    const uncertain = (field.kind === "number" || field.kind === "years") && field.uncertainName;
    return uncertain ? [own, { header: estimatedHeader(field), field, estimated: true }] : [own];
  });
}

type WeaponSystem = { name: string; description: string | null };
type Names = { countries: ReadonlyMap<number, string>; weaponSystems: ReadonlyMap<number, WeaponSystem> };

/** One cell: what the import reads back as the field's value. */
function cellOf(column: Column, values: Record<string, unknown>, names: Names): string {
  const f = column.field;
  if (column.estimated) return (f.kind === "number" || f.kind === "years") && f.uncertainName && values[f.uncertainName] === true ? "yes" : "";
  const v = values[f.name];
  if (v === null || v === undefined) return "";
  switch (f.kind) {
    case "country":
      return names.countries.get(Number(v)) ?? "";
    case "picker":
      // Only the weapon system is a column of an import (lib/import/transfers.ts).
      if (f.lookup !== "weaponSystem") return "";
      return column.linked === "description" ? (names.weaponSystems.get(Number(v))?.description ?? "") : (names.weaponSystems.get(Number(v))?.name ?? "");
    case "select":
      return f.options.find((o) => o.value === v)?.label ?? String(v);
    case "years":
      return Array.isArray(v) ? v.join("; ") : String(v);
    case "checkbox":
      return v ? "yes" : "no";
    default:
      return String(v);
  }
}

/** The names and descriptions of the weapon systems `ids` the viewer may read (a hidden one exports as unknown). */
async function weaponSystemNames(viewer: Viewer, ids: number[]): Promise<Map<number, WeaponSystem>> {
  if (ids.length === 0) return new Map();
  const rows = await getDb().$queryRaw<({ id: number } & WeaponSystem)[]>(
    Prisma.sql`SELECT w.id, w.name, w.description FROM "WeaponSystem" w WHERE w.id = ANY(${ids}::int[]) AND ${readableSql(viewer, "w")}`,
  );
  return new Map(rows.map((r) => [r.id, { name: r.name, description: r.description }]));
}

export type RecordShape = {
  /** The header row: id, the columns, url. */
  header: string[];
  /** The rows of one page of the list (ids in the list's order), as header → cell. */
  rows: (ids: number[], href: (id: number) => string) => Promise<Record<string, unknown>[]>;
};

/** The record shape of `type` for `viewer` (the list has already left out what they may not see). */
export function recordShape(type: RecordType, viewer: Viewer): RecordShape {
  const columns = recordColumns(type);
  const fields = FORM_FIELDS[type];
  let countries: Map<number, string> | null = null;
  return {
    header: ["id", ...columns.map((c) => c.header), "url"],
    async rows(ids, href) {
      if (ids.length === 0) return [];
      countries ??= await countryNames();
      const delegate = RECORDS[type].delegate(getDb()) as unknown as { findMany(args: { where: { id: { in: number[] } } }): Promise<Record<string, unknown>[]> };
      const byId = new Map((await delegate.findMany({ where: { id: { in: ids } } })).map((r) => [r.id as number, fieldValues(fields, r)]));
      const weaponIds = columns.some((c) => c.field.kind === "picker" && c.field.lookup === "weaponSystem")
        ? [...new Set([...byId.values()].map((v) => v.weaponSystemId).filter((x): x is number => typeof x === "number"))]
        : [];
      const names: Names = { countries, weaponSystems: await weaponSystemNames(viewer, weaponIds) };
      return ids.flatMap((id) => {
        const values = byId.get(id);
        if (!values) return [];
        return [{ id, ...Object.fromEntries(columns.map((c) => [c.header, cellOf(c, values, names)])), url: href(id) }];
      });
    },
  };
}
