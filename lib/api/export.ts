import "server-only";
// Exports of a list as CSV or JSON: the rows the list shows with its filters
// (the same parameters as the list page), every one of them (no cap), each
// with the record's URL. Streamed page by page (keyset, EXPORT_PAGE rows at
// a time) so that memory stays flat however long the list. The records the
// reader may not see are not in it (the list's own rule). Every export is
// an audit event: who exported which list with which filters.
import { stringify } from "csv-stringify/sync";
import { audit } from "@/lib/db/audit";
import { getDb, getPool } from "@/lib/db/client";
import { log } from "@/lib/log";
import { listAfter, listRowsSql, type RecordListType } from "@/lib/records/lists";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListParams } from "@/lib/lists/params";
import { RECORDS } from "@/lib/records/registry";
import { actorOf, BadRequestError, type ApiPrincipal } from "@/lib/api/http";
import { apiListParams, EXPORT_QUERY, jsonRow } from "@/lib/api/records";
import type { ApiResource } from "@/lib/api/resources";
import { exportShape, recordShape, withoutShape } from "@/lib/api/export-record";

export const EXPORT_PAGE = 1_000;
export type ExportFormat = "csv" | "json";

/**
 * A spreadsheet runs a cell that starts with =, +, -, @ (or a tab or
 * carriage return before one) as a formula: such text gets a leading
 * apostrophe, which spreadsheets show as text and do not run.
 */
export function protectCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return protectCell(value.map((v) => String(v)).join("; "));
  if (typeof value === "object") return protectCell(JSON.stringify(value));
  if (typeof value === "string") return protectCell(value);
  return String(value);
}

/** The column names of a list's rows, even when it has none (a LIMIT 0 of its SQL). */
async function columnsOf(sql: Prisma.Sql): Promise<string[]> {
  const result = await getPool().query({ text: `SELECT * FROM (${sql.text}) x LIMIT 0`, values: sql.values as unknown[] });
  return result.fields.map((f) => f.name);
}

export function exportFormat(url: URL): ExportFormat {
  const format = url.searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "json") throw new BadRequestError("format is csv or json.", { format: ["csv or json"] });
  return format;
}

/** The export as a streamed response (the filters are checked, and the export audited, before the first byte). */
export async function exportList(resource: ApiResource, principal: ApiPrincipal, url: URL): Promise<Response> {
  if (!resource.list) throw new NotFoundError(`${resource.name} have no list to export.`);
  const type: RecordListType = resource.list;
  const format = exportFormat(url);
  // ?shape=record: the columns of the type's import, by field (lib/api/export-record.ts).
  const shape = exportShape(url, resource.record);
  const params = apiListParams(type, withoutShape(url), EXPORT_QUERY) as ListParams<typeof type>;
  const actor = actorOf(principal);
  const record = shape === "record" ? recordShape(resource.record, actor) : null;
  const columns = record ? record.header : [...(await columnsOf(listRowsSql(type, actor, params, 1))), "url"];
  const query = [...url.searchParams].filter(([k]) => k !== "format" && k !== "shape");
  await audit(getDb(), {
    userId: principal.user.id,
    action: "EXPORT",
    metadata: {
      list: resource.name,
      format,
      ...(record ? { shape } : {}),
      filters: Object.fromEntries(query),
      ...(principal.token ? { via: { tokenId: principal.token.id, tokenName: principal.token.name } } : {}),
    },
    ip: principal.ip,
  });

  const encoder = new TextEncoder();
  const href = (id: number) => new URL(RECORDS[resource.record].href(id), url.origin).toString();
  let after: number | null = null;
  let started = false;
  let done = false;
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(format === "csv" ? stringify([columns]) : "[\n"));
          return;
        }
        if (done) return;
        const page: { rows: ({ id: number } & Record<string, unknown>)[]; nextAfter: number | null } = await listAfter(type, actor, params, { after, limit: EXPORT_PAGE });
        const rows = record
          ? await record.rows(page.rows.map((r) => r.id), href)
          : page.rows.map((r) => ({ ...jsonRow(r), url: href(r.id) }));
        if (format === "csv") {
          if (rows.length) controller.enqueue(encoder.encode(stringify(rows.map((r) => columns.map((c) => csvCell((r as Record<string, unknown>)[c]))))));
        } else {
          const text = rows.map((r) => JSON.stringify(r)).join(",\n");
          if (text) controller.enqueue(encoder.encode(`${first ? "" : ",\n"}${text}`));
          if (rows.length) first = false;
        }
        after = page.nextAfter;
        if (after === null) {
          done = true;
          if (format === "json") controller.enqueue(encoder.encode("\n]\n"));
          controller.close();
        }
      } catch (error) {
        // Headers are gone: the reader sees a truncated file, and the log says why.
        void log("error", "export failed", { list: resource.name, format, err: error });
        controller.error(error);
      }
    },
  });
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
  return new Response(stream, {
    status: 200,
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="demarche-${resource.name}-${stamp}.${format}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
