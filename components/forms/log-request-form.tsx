"use client";

// "Log a lobbying attempt": the request, its quotes and its sources in one
// form, saved in one transaction. Defaults: today, and the countries used last
// time (kept in this browser).
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, useTransition } from "react";
import { logLobbyingAttemptAction } from "@/lib/records/request/actions";
import { saveRecordAction } from "@/lib/records/actions";
import { buttonClass, FormError, secondaryButtonClass } from "@/components/field";
import { RecordFields, type FieldErrors, type Values } from "@/components/forms/record-fields";
import { RecordPicker } from "@/components/forms/record-picker";
import type { Option } from "@/lib/records/form/fields";
import { requestFields } from "@/lib/records/request/definition";
import { classificationLabel, sourceKindLabel } from "@/lib/format/labels";

const LAST_COUNTRIES = "demarche:last-request-countries";

type QuoteRow = { key: number; speakerId: number | null; speakerLabel: string; text: string };
type CitationRow = { key: number; sourceId: number | null; passage: string; credibility: string };

const input = "w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";
let nextKey = 1;

export function LogRequestForm(props: { initialValues: Values; countries: Option[]; isFollowUp: boolean }) {
  const router = useRouter();
  const [values, setValues] = useState<Values>(props.initialValues);
  const [quotes, setQuotes] = useState<QuoteRow[]>([]);
  const [citations, setCitations] = useState<CitationRow[]>([{ key: nextKey++, sourceId: null, passage: "", credibility: "" }]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  // The countries used last time, unless this is a follow-up (pre-filled).
  // Browser storage exists only after hydration, hence an effect.
  useEffect(() => {
    if (props.isFollowUp) return;
    try {
      const last = JSON.parse(window.localStorage.getItem(LAST_COUNTRIES) ?? "null") as { requestingCountryId?: number; targetCountryId?: number } | null;
      // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time default from browser storage, after hydration
      if (last) setValues((v) => ({ ...v, requestingCountryId: v.requestingCountryId ?? last.requestingCountryId ?? null, targetCountryId: v.targetCountryId ?? last.targetCountryId ?? null }));
    } catch {
      // No storage: no defaults.
    }
  }, [props.isFollowUp]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    start(async () => {
      const result = await logLobbyingAttemptAction({
        request: values,
        quotes: quotes.map((q) => ({ speakerId: q.speakerId, speakerLabel: q.speakerLabel, text: q.text })),
        citations: citations
          .filter((c) => c.sourceId !== null || c.passage.trim() !== "")
          .map((c) => ({ sourceId: c.sourceId, passage: c.passage, credibility: c.credibility === "" ? null : Number(c.credibility) })),
      });
      if (result.ok) {
        try {
          window.localStorage.setItem(LAST_COUNTRIES, JSON.stringify({ requestingCountryId: values.requestingCountryId, targetCountryId: values.targetCountryId }));
        } catch {
          // Storage full or off: nothing to remember.
        }
        router.push(result.data.href);
        router.refresh();
        return;
      }
      setError(result.error);
      setErrors(result.fieldErrors ?? {});
    });
  }

  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      <FormError message={error} />
      <RecordFields fields={requestFields} values={values} errors={errors} countries={props.countries} onChange={(n, v) => setValues((old) => ({ ...old, [n]: v }))} />

      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">Quotes</legend>
        {quotes.map((q, index) => (
          <QuoteEditor key={q.key} index={index} row={q} errors={errors} countries={props.countries}
            onChange={(row) => setQuotes((all) => all.map((x) => (x.key === q.key ? row : x)))}
            onRemove={() => setQuotes((all) => all.filter((x) => x.key !== q.key))} />
        ))}
        <button type="button" className={secondaryButtonClass} onClick={() => setQuotes((all) => [...all, { key: nextKey++, speakerId: null, speakerLabel: "", text: "" }])}>
          Add a quote
        </button>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">Sources</legend>
        {citations.map((c, index) => (
          <CitationEditor key={c.key} index={index} row={c} errors={errors}
            onChange={(row) => setCitations((all) => all.map((x) => (x.key === c.key ? row : x)))}
            onRemove={() => setCitations((all) => all.filter((x) => x.key !== c.key))} />
        ))}
        <button type="button" className={secondaryButtonClass} onClick={() => setCitations((all) => [...all, { key: nextKey++, sourceId: null, passage: "", credibility: "" }])}>
          Cite another source
        </button>
      </fieldset>

      <button type="submit" className={buttonClass} disabled={pending}>{pending ? "Saving…" : "Log the request"}</button>
    </form>
  );
}

function QuoteEditor(props: { index: number; row: QuoteRow; errors: FieldErrors; countries: Option[]; onChange: (r: QuoteRow) => void; onRemove: () => void }) {
  const id = useId();
  const e = (field: string) => props.errors[`quotes.${props.index}.${field}`];
  return (
    <div className="grid gap-3 rounded border border-slate-200 p-3 md:grid-cols-2 dark:border-slate-800">
      <RecordPicker name={`quote-${props.index}-speaker`} label={`Quote ${props.index + 1}: speaker`} lookup="actor" multiple={false} create="actor"
        countries={props.countries} value={props.row.speakerId} onChange={(v) => props.onChange({ ...props.row, speakerId: v as number | null })} errors={e("speakerId")} />
      <div className="space-y-1">
        <label htmlFor={`${id}-label`} className="block text-sm font-medium">…or who said it, in words</label>
        <input id={`${id}-label`} className={input} value={props.row.speakerLabel} onChange={(ev) => props.onChange({ ...props.row, speakerLabel: ev.target.value })} />
      </div>
      <div className="space-y-1 md:col-span-2">
        <label htmlFor={`${id}-text`} className="block text-sm font-medium">Quote {props.index + 1}: text</label>
        <textarea id={`${id}-text`} rows={2} className={input} value={props.row.text} aria-invalid={e("text") ? true : undefined}
          onChange={(ev) => props.onChange({ ...props.row, text: ev.target.value })} />
        {e("text") ? <p className="text-sm text-red-700 dark:text-red-400">{e("text")!.join(" ")}</p> : null}
      </div>
      <div><button type="button" className={secondaryButtonClass} onClick={props.onRemove}>Remove quote {props.index + 1}</button></div>
    </div>
  );
}

function CitationEditor(props: { index: number; row: CitationRow; errors: FieldErrors; onChange: (r: CitationRow) => void; onRemove: () => void }) {
  const id = useId();
  const [creating, setCreating] = useState(false);
  const e = (field: string) => props.errors[`citations.${props.index}.${field}`];
  return (
    <div className="grid gap-3 rounded border border-slate-200 p-3 md:grid-cols-2 dark:border-slate-800">
      <div className="md:col-span-2">
        <RecordPicker name={`citation-${props.index}-source`} label={`Source ${props.index + 1}`} lookup="source" multiple={false}
          value={props.row.sourceId} onChange={(v) => props.onChange({ ...props.row, sourceId: v as number | null })} errors={e("sourceId")} />
        {creating ? (
          <NewSourceForm onCancel={() => setCreating(false)} onCreated={(sourceId) => {
            setCreating(false);
            props.onChange({ ...props.row, sourceId });
          }} />
        ) : (
          <button type="button" className="text-sm text-blue-700 underline dark:text-blue-400" onClick={() => setCreating(true)}>New source…</button>
        )}
      </div>
      <div className="space-y-1 md:col-span-2">
        <label htmlFor={`${id}-passage`} className="block text-sm font-medium">Cited passage</label>
        <textarea id={`${id}-passage`} rows={2} className={input} value={props.row.passage} onChange={(ev) => props.onChange({ ...props.row, passage: ev.target.value })} />
        {e("passage") ? <p className="text-sm text-red-700 dark:text-red-400">{e("passage")!.join(" ")}</p> : null}
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-cred`} className="block text-sm font-medium">Credibility of the information</label>
        <select id={`${id}-cred`} className={input} value={props.row.credibility} onChange={(ev) => props.onChange({ ...props.row, credibility: ev.target.value })}>
          <option value="">Not graded</option>
          <option value="1">1 — confirmed by other sources</option>
          <option value="2">2 — probably true</option>
          <option value="3">3 — possibly true</option>
          <option value="4">4 — doubtful</option>
          <option value="5">5 — improbable</option>
          <option value="6">6 — truth cannot be judged</option>
        </select>
      </div>
      <div className="self-end"><button type="button" className={secondaryButtonClass} onClick={props.onRemove}>Remove source {props.index + 1}</button></div>
    </div>
  );
}

function NewSourceForm(props: { onCancel: () => void; onCreated: (id: number) => void }) {
  const id = useId();
  const [v, setV] = useState({ kind: "DIPLOMATIC_CABLE", title: "", author: "", publishedOn: "", classification: "", url: "", reliability: "" });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof v) => (ev: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV((old) => ({ ...old, [k]: ev.target.value }));
  async function save() {
    const result = await saveRecordAction({
      type: "source",
      values: {
        kind: v.kind, title: v.title, reference: "", author: v.author, publisher: "", publishedOn: v.publishedOn,
        classification: v.classification || null, url: v.url, excerpt: "", reliability: v.reliability || null, visibility: "INTERNAL",
      },
    });
    if (result.ok) props.onCreated(result.data.id);
    else {
      setErrors(result.fieldErrors ?? {});
      setError(result.error);
    }
  }
  const err = (k: string) => (errors[k] ? <p className="text-xs text-red-700 dark:text-red-400">{errors[k]!.join(" ")}</p> : null);
  return (
    <fieldset className="mt-2 grid gap-2 rounded border border-slate-300 p-3 sm:grid-cols-2 dark:border-slate-700">
      <legend className="px-1 text-sm font-medium">New source</legend>
      {error ? <p role="alert" className="text-sm text-red-700 sm:col-span-2 dark:text-red-400">{error}</p> : null}
      <div><label htmlFor={`${id}-kind`} className="block text-xs font-medium">Kind</label>
        <select id={`${id}-kind`} className={input} value={v.kind} onChange={set("kind")}>
          {Object.entries(sourceKindLabel).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
        </select></div>
      <div><label htmlFor={`${id}-title`} className="block text-xs font-medium">Title</label>
        <input id={`${id}-title`} className={input} value={v.title} onChange={set("title")} />{err("title")}</div>
      <div><label htmlFor={`${id}-author`} className="block text-xs font-medium">Author</label>
        <input id={`${id}-author`} className={input} value={v.author} onChange={set("author")} /></div>
      <div><label htmlFor={`${id}-date`} className="block text-xs font-medium">Date (YYYY, YYYY-MM or YYYY-MM-DD)</label>
        <input id={`${id}-date`} className={input} value={v.publishedOn} onChange={set("publishedOn")} />{err("publishedOn")}</div>
      <div><label htmlFor={`${id}-class`} className="block text-xs font-medium">Classification</label>
        <select id={`${id}-class`} className={input} value={v.classification} onChange={set("classification")}>
          <option value="">Unknown</option>
          {Object.entries(classificationLabel).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
        </select></div>
      <div><label htmlFor={`${id}-rel`} className="block text-xs font-medium">Reliability of the source</label>
        <select id={`${id}-rel`} className={input} value={v.reliability} onChange={set("reliability")}>
          <option value="">Not graded</option>
          {["A — completely reliable", "B — usually reliable", "C — fairly reliable", "D — not usually reliable", "E — unreliable", "F — cannot be judged"].map((l) => (
            <option key={l[0]} value={l[0]}>{l}</option>
          ))}
        </select></div>
      <div className="sm:col-span-2"><label htmlFor={`${id}-url`} className="block text-xs font-medium">Link</label>
        <input id={`${id}-url`} className={input} value={v.url} onChange={set("url")} />{err("url")}</div>
      <div className="flex gap-2 sm:col-span-2">
        <button type="button" className={secondaryButtonClass} onClick={save}>Create source</button>
        <button type="button" className={secondaryButtonClass} onClick={props.onCancel}>Cancel</button>
      </div>
    </fieldset>
  );
}
