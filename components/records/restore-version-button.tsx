"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { restoreRecordVersionAction } from "@/lib/records/actions";
import { secondaryButtonClass } from "@/components/field";

export function RestoreVersionButton(props: { type: string; id: number; eventId: number; version: number; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col">
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await restoreRecordVersionAction({ type: props.type, id: props.id, eventId: props.eventId, version: props.version });
            if (result.ok) router.refresh();
            else setError(result.error);
          })
        }
      >
        {props.label}
      </button>
      {error ? <span role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</span> : null}
    </span>
  );
}
