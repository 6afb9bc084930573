"use client";

// A record's cited sources: each citation with its passage, the source's
// grading and a link to the source's page, and, for those who may edit the
// record, a "Cite a source" form and a "Remove" button per citation. The page
// decides who sees the controls; the server checks again when one is used.
//
// Use it on any record page (a client component, rendered from the server page):
//   <RecordCitations targetType="request" targetId={r.id} citations={r.citations}
//     canCite={canEdit(viewer, r) && r.deletedAt === null} />
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { addCitationAction, removeCitationAction } from "@/lib/records/actions";
import { buttonClass, FormError, secondaryButtonClass } from "@/components/field";
import { RecordPicker } from "@/components/forms/record-picker";
import { ConfirmButton } from "@/components/ui/alert-dialog";
import { RelatedMore } from "@/components/records/linked-records";
import type { Related } from "@/lib/db/records/related";
import type { CitationRow } from "@/lib/records/source/queries";
import { formatVagueDate } from "@/lib/format/dates";
import { quoted } from "@/lib/format/quotes";
import { classificationLabel, sourceKindLabel } from "@/lib/format/labels";
import { credibilityLabel, credibilityOptions, reliabilityLabel } from "@/lib/records/source/definition";
import type { CitationTarget } from "@/lib/validation/citations";

/** One citation, as citationArgs (lib/records/source/queries.ts) selects it for every record page. */
export type CitationItem = CitationRow;

export type RecordCitationsProps = {
  /** The citing record's type, as the record registry names it ("request", "weaponSystem", ...). */
  targetType: CitationTarget;
  targetId: number;
  /** Its first citations, how many there are, and where all are listed. */
  citations: Related<CitationItem>;
  /** Whether the viewer may edit the record (canEdit) and it is not deleted. */
  canCite: boolean;
  /** Heading of the list, for screen readers; "Cited sources" by default. */
  label?: string;
};

const inputClass = "w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";
const linkClass = "text-blue-700 underline dark:text-blue-400";

export function RecordCitations({ targetType, targetId, citations, canCite, label = "Cited sources" }: RecordCitationsProps) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <FormError message={error} />
      {citations.total === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No source cited.</p>
      ) : (
        <ul className="space-y-3" aria-label={label}>
          {citations.rows.map((c) => (
            <CitationEntry key={c.id} citation={c} canRemove={canCite} onError={setError} />
          ))}
        </ul>
      )}
      <RelatedMore list={citations} plural="sources cited" />
      {canCite ? <CiteSourceForm targetType={targetType} targetId={targetId} /> : null}
    </div>
  );
}

function CitationEntry({ citation: c, canRemove, onError }: { citation: CitationItem; canRemove: boolean; onError: (message: string | null) => void }) {
  const s = c.source;
  const facts = [
    sourceKindLabel[s.kind],
    s.author ? `by ${s.author}` : null,
    s.publishedOn ? formatVagueDate(s.publishedOn, s.publishedOnPrecision) : null,
    s.classification ? classificationLabel[s.classification] : null,
  ].filter(Boolean);

  return (
    <li className="border-l-2 border-slate-300 pl-3 text-sm dark:border-slate-700">
      <div>
        <Link href={`/sources/${s.id}`} className={`font-medium ${linkClass}`}>{s.title}</Link>{" "}
        <span className="text-slate-600 dark:text-slate-400">({facts.join(", ")})</span>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {s.reliability || c.credibility
          ? `Source reliability ${s.reliability ? reliabilityLabel[s.reliability] : "not graded"} · credibility of this information ${c.credibility ? (credibilityLabel[c.credibility] ?? c.credibility) : "not graded"}`
          : "Not graded"}
      </p>
      {c.passage ? <blockquote className="mt-1 italic text-slate-700 dark:text-slate-300">{quoted(c.passage)}</blockquote> : null}
      {c.note ? <p className="mt-1 text-slate-600 dark:text-slate-400">{c.note}</p> : null}
      {canRemove ? <RemoveCitationButton citation={c} onError={onError} /> : null}
    </li>
  );
}

/** "Remove citation" (after a confirmation; the source itself stays), for a page that lists citations its own way. */
export function RemoveCitationButton({ citation: c, onError, className = "mt-1" }: { citation: CitationItem; onError?: (message: string | null) => void; className?: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const s = c.source;

  function remove() {
    start(async () => {
      const result = await removeCitationAction({ citationId: c.id });
      if (!result.ok) {
        (onError ?? setError)(result.error);
        return;
      }
      (onError ?? setError)(null);
      router.refresh();
    });
  }

  return (
    <>
      <ConfirmButton
        trigger={
          <button
            type="button"
            className={`${className} text-sm text-red-800 underline disabled:opacity-60 dark:text-red-300`}
            disabled={pending}
            aria-label={`Remove citation: ${s.title}${c.passage ? `: ${quoted(c.passage.length > 60 ? `${c.passage.slice(0, 60)}…` : c.passage)}` : ""}`}
          >
            {pending ? "Removing…" : "Remove citation"}
          </button>
        }
        title="Remove this citation?"
        description={<>The citation of “{s.title}” is removed from this record. The source itself stays.</>}
        confirmLabel="Remove citation"
        onConfirm={remove}
      />
      {onError ? null : <FormError message={error} />}
    </>
  );
}

type Errors = Record<string, string[] | undefined>;

/** "Cite a source": a source, the passage that supports the record, and its credibility (1-6). */
export function CiteSourceForm({ targetType, targetId }: { targetType: CitationTarget; targetId: number }) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [sourceId, setSourceId] = useState<number | null>(null);
  const [passage, setPassage] = useState("");
  const [credibility, setCredibility] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, start] = useTransition();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const wasOpen = useRef(false);

  // Keyboard users stay in place: into the form when it opens, back to the button when it closes.
  useEffect(() => {
    if (open) formRef.current?.querySelector<HTMLElement>("input, textarea, select")?.focus();
    else if (wasOpen.current) toggleRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  function reset() {
    setSourceId(null);
    setPassage("");
    setCredibility("");
    setNote("");
    setErrors({});
    setError(null);
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    start(async () => {
      const result = await addCitationAction({
        targetType,
        targetId,
        sourceId,
        passage,
        credibility: credibility === "" ? null : Number(credibility),
        note,
      });
      if (!result.ok) {
        setError(result.error);
        setErrors(result.fieldErrors ?? {});
        return;
      }
      reset();
      setOpen(false);
      setSaved(true);
      router.refresh();
    });
  }

  if (!open) {
    return (
      <div className="flex items-center gap-3">
        <button
          ref={toggleRef}
          type="button"
          className={secondaryButtonClass}
          aria-expanded={false}
          aria-controls={`${id}-form`}
          onClick={() => {
            setSaved(false);
            setOpen(true);
          }}
        >
          Cite a source
        </button>
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">{saved ? "Source cited." : ""}</p>
      </div>
    );
  }

  const describedBy = (name: string, hint?: boolean) =>
    [hint ? `${id}-${name}-hint` : null, errors[name]?.length ? `${id}-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const fieldError = (name: string) =>
    errors[name]?.length ? <p id={`${id}-${name}-error`} className="text-sm text-red-700 dark:text-red-400">{errors[name]!.join(" ")}</p> : null;

  return (
    <form ref={formRef} id={`${id}-form`} onSubmit={submit} noValidate className="space-y-3 rounded border border-slate-300 p-3 dark:border-slate-700" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold">Cite a source</h3>
      <FormError message={error} />
      <RecordPicker
        name="sourceId"
        label="Source"
        lookup="source"
        multiple={false}
        value={sourceId}
        onChange={(v) => setSourceId(typeof v === "number" ? v : null)}
        errors={errors.sourceId}
        hint="Type part of the title."
      />
      <p className="text-sm">
        Not listed? <Link href="/sources/new" className={linkClass}>Add a new source</Link> first.
      </p>
      <div className="space-y-1">
        <label htmlFor={`${id}-passage`} className="block text-sm font-medium">Passage</label>
        <textarea
          id={`${id}-passage`}
          rows={3}
          className={inputClass}
          value={passage}
          onChange={(e) => setPassage(e.target.value)}
          aria-describedby={describedBy("passage", true)}
          aria-invalid={errors.passage?.length ? true : undefined}
        />
        <p id={`${id}-passage-hint`} className="text-xs text-slate-600 dark:text-slate-400">The words of the source that support this record.</p>
        {fieldError("passage")}
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-credibility`} className="block text-sm font-medium">Credibility of the information</label>
          <select
            id={`${id}-credibility`}
            className={inputClass}
            value={credibility}
            onChange={(e) => setCredibility(e.target.value)}
            aria-describedby={describedBy("credibility")}
            aria-invalid={errors.credibility?.length ? true : undefined}
          >
            <option value="">Not graded</option>
            {credibilityOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
          {fieldError("credibility")}
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-note`} className="block text-sm font-medium">Note</label>
          <input
            id={`${id}-note`}
            type="text"
            className={inputClass}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-describedby={describedBy("note")}
            aria-invalid={errors.note?.length ? true : undefined}
          />
          {fieldError("note")}
        </div>
      </div>
      {errors.targetId?.length ? <p className="text-sm text-red-700 dark:text-red-400">{errors.targetId.join(" ")}</p> : null}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass} disabled={pending}>{pending ? "Citing…" : "Cite this source"}</button>
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => {
            reset();
            setOpen(false);
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
