"use client";

// The names of the records that a form's pickers link, for showing values in
// words outside the pickers (the conflict panel, lib/records/form/display.ts):
// fetched by ids from the pickers' own lookup (/api/lookup, which answers only
// with records the reader may see), one request per kind.
import { useEffect, useMemo, useState } from "react";
import type { RecordLabels } from "@/lib/records/form/display";
import type { FieldSpec } from "@/lib/records/form/fields";

/** The labels of the records linked, by the pickers among `fields`, in any of `values` (form values by field name). */
export function useRecordLabels(fields: readonly FieldSpec[], values: readonly Record<string, unknown>[]): RecordLabels {
  // Kind → sorted ids, as a string, so that the effect runs when they change only.
  const key = useMemo(() => {
    const wanted: Record<string, Set<number>> = {};
    for (const f of fields) {
      if (f.kind !== "picker") continue;
      for (const v of values) {
        for (const id of [v[f.name]].flat()) if (typeof id === "number") (wanted[f.lookup] ??= new Set()).add(id);
      }
    }
    return JSON.stringify(Object.entries(wanted).map(([kind, ids]) => [kind, [...ids].sort((a, b) => a - b).slice(0, 100)]));
  }, [fields, values]);
  const [labels, setLabels] = useState<RecordLabels>(() => new Map());
  useEffect(() => {
    let live = true;
    const wanted = JSON.parse(key) as [string, number[]][];
    void Promise.all(
      wanted.map(async ([kind, ids]): Promise<[string, Map<number, string>]> => {
        const res = await fetch(`/api/lookup?${new URLSearchParams({ type: kind, ids: ids.join(",") })}`, { headers: { accept: "application/json" } });
        const options = res.ok ? ((await res.json()) as { options: { id: number; label: string }[] }).options : [];
        return [kind, new Map(options.map((o) => [o.id, o.label]))];
      }),
    ).then(
      (entries) => {
        if (live) setLabels(new Map(entries));
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [key]);
  return labels;
}
