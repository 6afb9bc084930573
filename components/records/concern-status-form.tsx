"use client";

// Moves a concern through its lifecycle. Every change needs a note; the
// server decides who may resolve, close or reopen.
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { changeConcernStatusAction } from "@/app/(app)/records/actions";
import { buttonClass, FormError } from "@/components/field";

export function ConcernStatusForm(props: { id: number; version: number; status: string; options: { value: string; label: string }[] }) {
  const router = useRouter();
  const id = useId();
  const [status, setStatus] = useState(props.options[0]?.value ?? "");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, start] = useTransition();
  if (props.options.length === 0) return null;
  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded border border-slate-200 p-3 dark:border-slate-800"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await changeConcernStatusAction({ id: props.id, version: props.version, change: { status, note } });
          if (result.ok) {
            setNote("");
            setError(null);
            setFieldErrors({});
            router.refresh();
          } else {
            setError(result.error);
            setFieldErrors(result.fieldErrors ?? {});
          }
        });
      }}
    >
      <div className="w-full"><FormError message={error} /></div>
      <div>
        <label htmlFor={`${id}-status`} className="block text-sm font-medium">Change status to</label>
        <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value)} className="rounded border border-slate-400 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900">
          {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </div>
      <div className="min-w-72 flex-1">
        <label htmlFor={`${id}-note`} className="block text-sm font-medium">Why (required)</label>
        <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={fieldErrors.note ? true : undefined}
          aria-describedby={fieldErrors.note ? `${id}-note-error` : undefined}
          className="w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900" />
        {fieldErrors.note ? <p id={`${id}-note-error`} className="text-sm text-red-700 dark:text-red-400">{fieldErrors.note.join(" ")}</p> : null}
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>Change status</button>
    </form>
  );
}
