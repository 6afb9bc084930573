"use client";

// Moves a concern through its lifecycle (lib/records/concern/status.ts). The
// page offers only the statuses this user may choose (allowedTransitions);
// the note is checked here by the same rule before sending, and the server
// checks everything again.
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { changeConcernStatusAction } from "@/lib/records/concern/actions";
import { buttonClass, FormError } from "@/components/field";
import { concernStatusLabel } from "@/lib/format/labels";
import type { ConcernStatus } from "@/lib/generated/prisma/enums";
import { checkTransition } from "@/lib/records/concern/status";

export function ConcernStatusForm(props: { id: number; version: number; status: ConcernStatus; allowed: readonly ConcernStatus[] }) {
  const router = useRouter();
  const id = useId();
  const [status, setStatus] = useState<string>(props.allowed[0] ?? "");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, start] = useTransition();
  if (props.allowed.length === 0) return null;
  // After a change the page offers other statuses: the one chosen before may no longer be among them.
  const chosen = props.allowed.find((s) => s === status) ?? props.allowed[0];
  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded border border-slate-200 p-3 dark:border-slate-800"
      onSubmit={(e) => {
        e.preventDefault();
        const check = checkTransition(props.status, chosen, note);
        if (!check.ok) {
          const noteError = check.code === "VALIDATION" && check.field === "note";
          setError(noteError ? "Some fields need attention." : check.message);
          setFieldErrors(noteError ? { note: [check.message] } : {});
          return;
        }
        start(async () => {
          const result = await changeConcernStatusAction({ id: props.id, version: props.version, change: { status: chosen, note } });
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
        <select id={`${id}-status`} value={chosen} onChange={(e) => setStatus(e.target.value)} className="rounded border border-slate-400 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900">
          {props.allowed.map((s) => <option key={s} value={s}>{concernStatusLabel[s]}</option>)}
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
