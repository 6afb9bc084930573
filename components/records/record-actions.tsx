"use client";

// The buttons of a record page. The server decides which are shown (from the
// user's permissions) and checks again when one is used.
import { BadgeCheck, History, Pencil, RotateCcw, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteRecordAction, undeleteRecordAction, verifyRecordAction } from "@/lib/records/actions";
import { FormError } from "@/components/field";
import { ConfirmButton } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";

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
      <div role="group" aria-label="Actions" className="flex flex-wrap gap-2 print:hidden">
        {p.editHref && !p.deleted ? (
          <Button asChild variant="secondary" size="sm">
            <Link href={p.editHref}>
              <Pencil aria-hidden="true" />
              Edit
            </Link>
          </Button>
        ) : null}
        {(p.extraLinks ?? []).map((l) => (
          <Button key={l.href} asChild variant="secondary" size="sm">
            <Link href={l.href}>{l.label}</Link>
          </Button>
        ))}
        {p.canVerify && !p.deleted ? (
          <Button variant="secondary" size="sm" disabled={pending}
            onClick={() => run(() => verifyRecordAction({ type: p.type, id: p.id, version: p.version }))}>
            <BadgeCheck aria-hidden="true" />
            Mark verified
          </Button>
        ) : null}
        {p.canDelete && !p.deleted ? (
          <ConfirmButton
            trigger={
              <Button variant="secondary" size="sm" disabled={pending} className="text-destructive-soft-foreground">
                <Trash2 aria-hidden="true" />
                Delete
              </Button>
            }
            title={`Delete this ${p.label.toLowerCase()}?`}
            description="It disappears from lists and searches. Editors can restore it, and its history is kept."
            confirmLabel={`Delete ${p.label.toLowerCase()}`}
            onConfirm={() =>
              run(() => deleteRecordAction({ type: p.type, id: p.id, version: p.version }), () => {
                router.push(p.afterDeleteHref);
                router.refresh();
              })
            }
          />
        ) : null}
        {p.canRestore && p.deleted ? (
          <Button variant="secondary" size="sm" disabled={pending}
            onClick={() => run(() => undeleteRecordAction({ type: p.type, id: p.id }))}>
            <RotateCcw aria-hidden="true" />
            Restore
          </Button>
        ) : null}
        <Button asChild variant="ghost" size="sm">
          <Link href={p.historyHref}>
            <History aria-hidden="true" />
            History
          </Link>
        </Button>
      </div>
    </div>
  );
}
