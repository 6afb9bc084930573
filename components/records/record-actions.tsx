"use client";

// The buttons of a record page. The server decides which are shown (from the
// user's permissions) and checks again when one is used.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteRecordAction, undeleteRecordAction, verifyRecordAction } from "@/lib/records/actions";
import { FormError, secondaryButtonClass } from "@/components/field";

export type RecordActionsProps = {
  type: string;
  id: number;
  version: number;
  label: string;
  editHref?: string;
  historyHref: string;
  extraLinks?: { href: string; label: string }[];
  canVerify: boolean;
  canDelete: boolean;
  canRestore: boolean;
  deleted: boolean;
  afterDeleteHref: string;
};

export function RecordActions(p: RecordActionsProps) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function run(call: () => Promise<{ ok: boolean; error?: string }>, after?: () => void) {
    start(async () => {
      const result = await call();
      if (!result.ok) {
        setError(result.error ?? "That did not work.");
        return;
      }
      setError(null);
      if (after) after();
      else router.refresh();
    });
  }

  return (
    <div className="space-y-2">
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        {p.editHref && !p.deleted ? <Link href={p.editHref} className={secondaryButtonClass}>Edit</Link> : null}
        {(p.extraLinks ?? []).map((l) => (
          <Link key={l.href} href={l.href} className={secondaryButtonClass}>{l.label}</Link>
        ))}
        {p.canVerify && !p.deleted ? (
          <button type="button" className={secondaryButtonClass} disabled={pending}
            onClick={() => run(() => verifyRecordAction({ type: p.type, id: p.id, version: p.version }))}>
            Mark verified
          </button>
        ) : null}
        {p.canDelete && !p.deleted ? (
          <button type="button" className={secondaryButtonClass} disabled={pending}
            onClick={() => {
              if (!window.confirm(`Delete this ${p.label.toLowerCase()}? Editors can restore it.`)) return;
              run(() => deleteRecordAction({ type: p.type, id: p.id, version: p.version }), () => {
                router.push(p.afterDeleteHref);
                router.refresh();
              });
            }}>
            Delete
          </button>
        ) : null}
        {p.canRestore && p.deleted ? (
          <button type="button" className={secondaryButtonClass} disabled={pending}
            onClick={() => run(() => undeleteRecordAction({ type: p.type, id: p.id }))}>
            Restore
          </button>
        ) : null}
        <Link href={p.historyHref} className={secondaryButtonClass}>History</Link>
      </div>
    </div>
  );
}
