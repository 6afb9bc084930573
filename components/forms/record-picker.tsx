"use client";

// A type-ahead over existing records (ARIA combobox with a listbox), for one
// or several records, with "create new" for actors without leaving the form.
// Typed text is only a search: left in the box without a choice, the picker
// says so (on leaving the box, and on submitting, which it stops) and offers
// the one match it found.
import { useEffect, useId, useRef, useState } from "react";
import { offeredMatch, strayTextMessage } from "@/components/forms/picker-text";
import { saveRecordAction } from "@/lib/records/actions";
import { secondaryButtonClass } from "@/components/field";
import type { LookupKind, Option } from "@/lib/records/form/fields";
import { actorKindLabel } from "@/lib/format/labels";

type Selected = { id: number; label: string };

async function fetchOptions(type: LookupKind, params: Record<string, string>): Promise<Selected[]> {
  const query = new URLSearchParams({ type, ...params });
  const res = await fetch(`/api/lookup?${query}`, { headers: { accept: "application/json" } });
  if (!res.ok) return [];
  return ((await res.json()) as { options: Selected[] }).options;
}

export function RecordPicker(props: {
  name: string;
  label: string;
  lookup: LookupKind;
  multiple: boolean;
  value: number[] | number | null;
  onChange: (value: number[] | number | null) => void;
  errors?: string[];
  hint?: string;
  create?: "actor";
  countries?: Option[];
}) {
  const id = useId();
  const listId = `${id}-list`;
  const ids = props.value === null ? [] : Array.isArray(props.value) ? props.value : [props.value];
  const [labels, setLabels] = useState<Record<number, string>>({});
  const [query, setQuery] = useState("");
  const [options, setOptions] = useState<{ query: string; found: Selected[] }>({ query: "", found: [] });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [creating, setCreating] = useState(false);
  // Text typed and left without choosing: shown as a message until changed.
  const [stray, setStray] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const queryRef = useRef(query);
  useEffect(() => {
    queryRef.current = query;
  }, [query]);

  // A form is not submitted with text that would be dropped: the message
  // shows and the box takes the focus. (A native listener on the form runs
  // before React's onSubmit, which listens at the root.)
  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form) return;
    const guard = (event: SubmitEvent) => {
      if (queryRef.current.trim() === "") return;
      event.preventDefault();
      event.stopPropagation();
      setStray(true);
      setOpen(false);
      inputRef.current?.focus();
    };
    form.addEventListener("submit", guard);
    return () => form.removeEventListener("submit", guard);
  }, []);

  // Labels for ids set from outside (edit form, follow-up, reapply).
  const missing = ids.filter((i) => labels[i] === undefined);
  useEffect(() => {
    if (missing.length === 0) return;
    let cancelled = false;
    fetchOptions(props.lookup, { ids: missing.join(",") }).then((found) => {
      if (cancelled) return;
      setLabels((old) => {
        const next = { ...old };
        for (const o of found) next[o.id] = o.label;
        for (const m of missing) next[m] ??= `#${m} (not available)`;
        return next;
      });
    });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the ids that lack a label
  }, [missing.join(","), props.lookup]);

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => {
      fetchOptions(props.lookup, { q: query }).then((found) => {
        setOptions({ query, found: found.filter((o) => !ids.includes(o.id)) });
        setActive(0);
      });
    }, 150);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refetch on query or open
  }, [query, open, props.lookup]);

  function choose(option: Selected) {
    setLabels((old) => ({ ...old, [option.id]: option.label }));
    if (props.multiple) props.onChange([...ids, option.id]);
    else props.onChange(option.id);
    setQuery("");
    setStray(false);
    setOpen(props.multiple);
    inputRef.current?.focus();
  }

  function remove(removed: number) {
    if (props.multiple) props.onChange(ids.filter((i) => i !== removed));
    else props.onChange(null);
    inputRef.current?.focus();
  }

  const list = options.found;

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(list.length - 1, 0)));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === "Enter" && open && list[active]) {
      event.preventDefault();
      choose(list[active]!);
    } else if (event.key === "Escape") {
      setOpen(false);
    } else if (event.key === "Backspace" && query === "" && ids.length > 0) {
      remove(ids[ids.length - 1]!);
    }
  }

  const strayText = stray && !creating && query.trim() !== "" ? query : null;
  const offer = strayText !== null && options.query === query ? offeredMatch(query, list) : null;
  const describedBy = [props.hint ? `${id}-hint` : null, props.errors?.length ? `${id}-error` : null, strayText !== null ? `${id}-stray` : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">{props.label}</label>
      {ids.length > 0 ? (
        <ul className="flex flex-wrap gap-1" aria-label={`${props.label}: chosen`}>
          {ids.map((i) => (
            <li key={i} className="inline-flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 text-sm dark:bg-slate-800">
              <span>{labels[i] ?? `#${i}`}</span>
              <button type="button" onClick={() => remove(i)} className="rounded px-1 text-slate-600 hover:bg-slate-200 dark:text-slate-300" aria-label={`Remove ${labels[i] ?? i}`}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {(
        <div className="relative">
          <input
            ref={inputRef}
            id={id}
            type="text"
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && list[active] ? `${id}-opt-${list[active]!.id}` : undefined}
            aria-invalid={props.errors?.length || strayText !== null ? true : undefined}
            aria-describedby={describedBy}
            autoComplete="off"
            placeholder={!props.multiple && ids.length > 0 ? "Type to search for another…" : "Type to search…"}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setStray(false);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() =>
              setTimeout(() => {
                setOpen(false);
                if (queryRef.current.trim() !== "" && document.activeElement !== inputRef.current) setStray(true);
              }, 150)
            }
            onKeyDown={onKeyDown}
            className="w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
          />
          {open ? (
            <ul id={listId} role="listbox" aria-label={props.label} className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded border border-slate-300 bg-white shadow dark:border-slate-700 dark:bg-slate-900">
              {list.length === 0 ? <li className="px-2 py-1 text-sm text-slate-600 dark:text-slate-400">No match.</li> : null}
              {list.map((o, index) => (
                <li
                  key={o.id}
                  id={`${id}-opt-${o.id}`}
                  role="option"
                  aria-selected={index === active}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choose(o);
                  }}
                  className={`cursor-pointer px-2 py-1 text-sm ${index === active ? "bg-blue-100 dark:bg-blue-900" : ""}`}
                >
                  {o.label}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
      {props.hint ? <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">{props.hint}</p> : null}
      {props.errors?.length ? <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">{props.errors.join(" ")}</p> : null}
      <div aria-live="polite">
        {strayText !== null ? (
          <p id={`${id}-stray`} className="text-sm text-red-700 dark:text-red-400">
            {strayTextMessage(props, strayText)}
            {offer ? (
              <>
                {" "}
                <button type="button" className="text-blue-700 underline dark:text-blue-400" onClick={() => choose(offer)}>
                  Choose {offer.label}
                </button>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
      {props.create === "actor" ? (
        creating ? (
          <NewActorForm
            initialName={query}
            countries={props.countries ?? []}
            onCancel={() => setCreating(false)}
            onCreated={(option) => {
              setCreating(false);
              choose(option);
            }}
          />
        ) : (
          <button type="button" className="text-sm text-blue-700 underline dark:text-blue-400" onClick={() => setCreating(true)}>
            New actor…
          </button>
        )
      ) : null}
    </div>
  );
}

function NewActorForm(props: { initialName: string; countries: Option[]; onCancel: () => void; onCreated: (o: Selected) => void }) {
  const id = useId();
  const [name, setName] = useState(props.initialName);
  const [kind, setKind] = useState("PERSON");
  const [title, setTitle] = useState("");
  const [countryId, setCountryId] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function save() {
    setPending(true);
    const result = await saveRecordAction({
      type: "actor",
      values: { name, kind, title, affiliation: "", countryId: countryId || null, notes: "", visibility: "INTERNAL" },
    });
    setPending(false);
    if (result.ok) {
      props.onCreated({ id: result.data.id, label: name + (title ? ` — ${title}` : "") });
    } else {
      setErrors(result.fieldErrors ?? {});
      setError(result.error);
    }
  }

  const input = "w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";
  return (
    <fieldset className="mt-2 space-y-2 rounded border border-slate-300 p-3 dark:border-slate-700">
      <legend className="px-1 text-sm font-medium">New actor</legend>
      {error ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</p> : null}
      <div className="grid gap-2 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-name`} className="block text-xs font-medium">Name</label>
          <input id={`${id}-name`} className={input} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          {errors.name ? <p className="text-xs text-red-700">{errors.name.join(" ")}</p> : null}
        </div>
        <div>
          <label htmlFor={`${id}-kind`} className="block text-xs font-medium">Kind</label>
          <select id={`${id}-kind`} className={input} value={kind} onChange={(e) => setKind(e.target.value)}>
            {Object.entries(actorKindLabel).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-title`} className="block text-xs font-medium">Title or position</label>
          <input id={`${id}-title`} className={input} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${id}-country`} className="block text-xs font-medium">Country</label>
          <select id={`${id}-country`} className={input} value={countryId} onChange={(e) => setCountryId(e.target.value)}>
            <option value="">Unknown</option>
            {props.countries.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </select>
        </div>
      </div>
      <div className="flex gap-2">
        <button type="button" className={secondaryButtonClass} onClick={save} disabled={pending}>Create actor</button>
        <button type="button" className={secondaryButtonClass} onClick={props.onCancel}>Cancel</button>
      </div>
    </fieldset>
  );
}
