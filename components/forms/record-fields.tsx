"use client";

import { useId } from "react";
import { RecordPicker } from "@/components/forms/record-picker";
import type { FieldSpec, Option } from "@/lib/records/form/fields";

export type Values = Record<string, unknown>;
export type FieldErrors = Record<string, string[] | undefined>;

const inputClass = "w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";

function str(v: unknown): string {
  return v === null || v === undefined ? "" : String(v);
}

/** Renders the fields of a record form; the caller owns the values. */
export function RecordFields(props: {
  fields: FieldSpec[];
  values: Values;
  onChange: (name: string, value: unknown) => void;
  errors: FieldErrors;
  countries: Option[];
}) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {props.fields.map((f) => (
        <FieldView key={f.name} field={f} {...props} />
      ))}
    </div>
  );
}

function FieldView({ field: f, values, onChange, errors, countries }: {
  field: FieldSpec;
  values: Values;
  onChange: (name: string, value: unknown) => void;
  errors: FieldErrors;
  countries: Option[];
}) {
  const id = useId();
  if (f.kind === "section") {
    return <h2 className="border-b border-slate-200 pt-2 text-base font-semibold md:col-span-2 dark:border-slate-800">{f.label}</h2>;
  }
  const value = values[f.name];
  const fieldErrors = errors[f.name];
  // A calendar day is typed, as every other date is (no native picker): its hint says how.
  const hint = f.kind === "date" ? `YYYY-MM-DD${f.hint ? `. ${f.hint}` : ""}` : f.hint;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = fieldErrors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const common = { id, "aria-describedby": describedBy, "aria-invalid": fieldErrors?.length ? true : undefined } as const;
  const wide = f.wide || f.kind === "textarea" ? "md:col-span-2" : "";

  if (f.kind === "countryRoles") {
    const rows = (Array.isArray(value) ? value : []) as { countryId: number | null; role: string }[];
    const set = (next: typeof rows) => onChange(f.name, next);
    return (
      <fieldset className="space-y-2 md:col-span-2" aria-describedby={describedBy}>
        <legend className="text-sm font-medium">{f.label}</legend>
        {rows.map((row, index) => (
          <div key={index} className="flex flex-wrap items-end gap-2">
            <label className="text-sm">
              Country {index + 1}
              <select className={inputClass} value={str(row.countryId)}
                onChange={(e) => set(rows.map((r, i) => (i === index ? { ...r, countryId: e.target.value ? Number(e.target.value) : null } : r)))}>
                <option value="">Choose…</option>
                {countries.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            </label>
            <label className="text-sm">
              Role of country {index + 1}
              <select className={inputClass} value={row.role}
                onChange={(e) => set(rows.map((r, i) => (i === index ? { ...r, role: e.target.value } : r)))}>
                {f.roles.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            </label>
            <button type="button" className="rounded border border-slate-400 px-2 py-1 text-sm dark:border-slate-600"
              onClick={() => set(rows.filter((_, i) => i !== index))}>
              Remove country {index + 1}
            </button>
          </div>
        ))}
        <button type="button" className="rounded border border-slate-400 px-2 py-1 text-sm dark:border-slate-600"
          onClick={() => set([...rows, { countryId: null, role: f.roles[0]?.value ?? "OTHER" }])}>
          Add a country
        </button>
        {f.hint ? <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">{f.hint}</p> : null}
        {fieldErrors?.length ? <p id={errorId} className="text-sm text-red-700 dark:text-red-400">{fieldErrors.join(" ")}</p> : null}
      </fieldset>
    );
  }

  if (f.kind === "picker") {
    return (
      <div className={wide}>
        <RecordPicker
          name={f.name}
          label={f.label}
          lookup={f.lookup}
          multiple={f.multiple}
          value={(value as number[] | number | null | undefined) ?? (f.multiple ? [] : null)}
          onChange={(v) => onChange(f.name, v)}
          errors={fieldErrors}
          hint={f.hint}
          create={f.create}
          countries={countries}
        />
      </div>
    );
  }

  let control: React.ReactNode;
  switch (f.kind) {
    case "text":
      control = <input {...common} type="text" className={inputClass} value={str(value)} onChange={(e) => onChange(f.name, e.target.value)} required={f.required} />;
      break;
    case "vagueDate":
      control = <input {...common} type="text" inputMode="numeric" placeholder="YYYY, YYYY-MM or YYYY-MM-DD" className={inputClass} value={str(value)} onChange={(e) => onChange(f.name, e.target.value)} />;
      break;
    case "date":
      control = <input {...common} type="text" inputMode="numeric" placeholder="YYYY-MM-DD" className={inputClass} value={str(value)} onChange={(e) => onChange(f.name, e.target.value)} />;
      break;
    case "textarea":
      control = <textarea {...common} rows={f.rows ?? 3} className={inputClass} value={str(value)} onChange={(e) => onChange(f.name, e.target.value)} />;
      break;
    case "select":
    case "country": {
      const options = f.kind === "country" ? countries : f.options;
      const empty = f.kind === "country" ? f.emptyLabel : f.emptyLabel;
      control = (
        <select {...common} className={inputClass} value={str(value)} onChange={(e) => onChange(f.name, e.target.value === "" ? null : f.kind === "country" ? Number(e.target.value) : e.target.value)}>
          {empty !== undefined || value === null || value === undefined || value === "" ? <option value="">{empty ?? "Choose…"}</option> : null}
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      );
      break;
    }
    case "number":
      control = (
        <div className="flex items-center gap-3">
          <input {...common} type="number" min={0} step={1} className={inputClass} value={str(value)} onChange={(e) => onChange(f.name, e.target.value === "" ? null : Number(e.target.value))} />
          {f.uncertainName ? <Uncertain name={f.uncertainName} values={values} onChange={onChange} /> : null}
        </div>
      );
      break;
    case "years":
      control = (
        <div className="flex items-center gap-3">
          <input
            {...common}
            type="text"
            inputMode="numeric"
            placeholder="e.g. 2008, 2009"
            className={inputClass}
            value={Array.isArray(value) ? value.join(", ") : str(value)}
            onChange={(e) => {
              const text = e.target.value;
              const years = text.split(/[,\s]+/).filter(Boolean).map(Number);
              onChange(f.name, years.every((y) => Number.isInteger(y)) ? years : text);
            }}
          />
          {f.uncertainName ? <Uncertain name={f.uncertainName} values={values} onChange={onChange} /> : null}
        </div>
      );
      break;
    case "checkbox":
      return (
        <div className={wide}>
          <label className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" checked={Boolean(value)} onChange={(e) => onChange(f.name, e.target.checked)} />
            {f.label}
          </label>
        </div>
      );
  }

  return (
    <div className={`space-y-1 ${wide}`}>
      <label htmlFor={id} className="block text-sm font-medium">
        {f.label}
        {f.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {control}
      {hint ? <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">{hint}</p> : null}
      {fieldErrors?.length ? <p id={errorId} className="text-sm text-red-700 dark:text-red-400">{fieldErrors.join(" ")}</p> : null}
    </div>
  );
}

function Uncertain({ name, values, onChange }: { name: string; values: Values; onChange: (name: string, value: unknown) => void }) {
  return (
    <label className="inline-flex shrink-0 items-center gap-1 text-sm">
      <input type="checkbox" checked={Boolean(values[name])} onChange={(e) => onChange(name, e.target.checked)} />
      estimated
    </label>
  );
}
