"use client";

// A type-ahead over existing records, for one or several records, with
// "create new" for actors without leaving the form. Built on cmdk (the input
// is its combobox, the results its listbox of options, arrow keys, Enter and
// the pointer choose) inside a Radix popover anchored on the input, so that
// typing stays in the input, as shadcn/ui's combobox does. The results come
// from the server (/api/lookup), so cmdk does not filter them.
// Typed text is only a search: left in the box without a choice, the picker
// says so (on leaving the box, and on submitting, which it stops) and offers
// the one match it found.
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { Command } from "cmdk";
import { Popover } from "radix-ui";
import { offeredMatch, strayTextMessage } from "@/components/forms/picker-text";
import { saveRecordAction } from "@/lib/records/actions";
import { secondaryButtonClass } from "@/components/field";
import type { LookupKind, Option } from "@/lib/records/form/fields";
import { actorKindLabel } from "@/lib/format/labels";

type Selected = { id: number; label: string };

const isAbort = (error: unknown) => error instanceof DOMException && error.name === "AbortError";

/** Options from the lookup; throws with a sentence to show when the server does not answer. */
async function fetchOptions(type: LookupKind, params: Record<string, string>, signal?: AbortSignal): Promise<Selected[]> {
  const query = new URLSearchParams({ type, ...params });
  let res: Response;
  try {
    res = await fetch(`/api/lookup?${query}`, { headers: { accept: "application/json" }, signal });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new Error("The search could not reach the server.");
  }
  if (!res.ok) throw new Error(res.status === 401 || res.status === 403 ? "You are signed out or may not search these records." : `The search failed (HTTP ${res.status}).`);
  return ((await res.json()) as { options: Selected[] }).options;
}

/** What the list shows for `query`: the options found, or why there are none. */
type Results = { query: string; found: Selected[]; error: string | null };

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
  const ids = props.value === null ? [] : Array.isArray(props.value) ? props.value : [props.value];
  const [labels, setLabels] = useState<Record<number, string>>({});
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Results | null>(null);
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  // Text typed and left without choosing: shown as a message until changed.
  const [stray, setStray] = useState(false);
  // cmdk names the input itself (its id, and a visually hidden label); the
  // visible label points at that id once the input exists.
  const [inputId, setInputId] = useState<string | undefined>(undefined);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const setInput = useCallback((node: HTMLInputElement | null) => {
    inputRef.current = node;
    if (node) setInputId(node.id);
  }, []);
  const anchorRef = useRef<HTMLDivElement>(null);
  const queryRef = useRef(query);
  useEffect(() => {
    queryRef.current = query;
  }, [query]);

  // cmdk's input always says its list is expanded and controls it (its list is
  // always shown); here the list is in a popover, so say whether it is open.
  const controls = useRef<string | null>(null);
  useLayoutEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    controls.current ??= input.getAttribute("aria-controls");
    input.setAttribute("aria-expanded", String(open));
    if (open && controls.current) input.setAttribute("aria-controls", controls.current);
    else input.removeAttribute("aria-controls");
  }, [open]);

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
    const controller = new AbortController();
    fetchOptions(props.lookup, { ids: missing.join(",") }, controller.signal).then(
      (found) => {
        setLabels((old) => {
          const next = { ...old };
          for (const o of found) next[o.id] = o.label;
          for (const m of missing) next[m] ??= `#${m} (not available)`;
          return next;
        });
      },
      () => {
        // Aborted, or the server did not answer: the chips keep showing the ids.
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the ids that lack a label
  }, [missing.join(","), props.lookup]);

  // The options for the text typed, from the server: a short pause after the
  // last keystroke, and a search superseded by newer text is abandoned.
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetchOptions(props.lookup, { q: query }, controller.signal).then(
        (found) => setResults({ query, found, error: null }),
        (error: unknown) => {
          if (!isAbort(error)) setResults({ query, found: [], error: error instanceof Error ? error.message : "The search failed." });
        },
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
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

  // Until the search for the current text answers, the previous options stay
  // in view, dimmed and not choosable.
  const loading = open && (results === null || results.query !== query);
  const list = (results?.found ?? []).filter((o) => !ids.includes(o.id));

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!open) {
        event.preventDefault();
        setOpen(true);
      }
      // Open: cmdk moves the highlight.
    } else if (event.key === "Enter") {
      // cmdk chooses the highlighted option; with none, Enter submits the
      // form as in any text field (the submit guard above stops stray text).
      const highlighted = event.currentTarget.getAttribute("aria-activedescendant");
      const option = highlighted ? document.getElementById(highlighted) : null;
      if (!open || !option || option.getAttribute("aria-disabled") === "true") {
        event.preventDefault();
        if (!loading) event.currentTarget.form?.requestSubmit();
      }
    } else if (event.key === "Escape" && open) {
      // The popover closes on Escape; the key goes no further (not to a dialog around the form).
      event.stopPropagation();
    } else if (event.key === "Backspace" && query === "" && ids.length > 0) {
      remove(ids[ids.length - 1]!);
    }
  }

  const strayText = stray && !creating && query.trim() !== "" ? query : null;
  const offer = strayText !== null && results?.query === query ? offeredMatch(query, list) : null;
  const describedBy = [props.hint ? `${id}-hint` : null, props.errors?.length ? `${id}-error` : null, strayText !== null ? `${id}-stray` : null].filter(Boolean).join(" ") || undefined;
  const status = loading ? "Searching…" : results?.error ? null : list.length === 0 ? "No match." : null;

  return (
    <div className="space-y-1">
      <label htmlFor={inputId} className="block text-sm font-medium" onClick={() => inputRef.current?.focus()}>
        {props.label}
      </label>
      {ids.length > 0 ? (
        <ul className="flex flex-wrap gap-1" aria-label={`${props.label}: chosen`}>
          {ids.map((i) => (
            <li key={i} className="inline-flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 text-sm dark:bg-slate-800">
              <span>{labels[i] ?? `#${i}`}</span>
              <button type="button" onClick={() => remove(i)} className="rounded px-1 text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700" aria-label={`Remove ${labels[i] ?? i}`}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Command shouldFilter={false} vimBindings={false} label={props.label} className="outline-none">
        <Popover.Root open={open} onOpenChange={setOpen}>
          <Popover.Anchor ref={anchorRef}>
            <Command.Input
              ref={setInput}
              aria-invalid={props.errors?.length || strayText !== null ? true : undefined}
              aria-describedby={describedBy}
              placeholder={!props.multiple && ids.length > 0 ? "Type to search for another…" : "Type to search…"}
              value={query}
              onValueChange={(text) => {
                setQuery(text);
                setStray(false);
                setOpen(true);
              }}
              onFocus={() => setOpen(true)}
              onClick={() => setOpen(true)}
              onBlur={() =>
                setTimeout(() => {
                  if (document.activeElement === inputRef.current) return;
                  setOpen(false);
                  if (queryRef.current.trim() !== "") setStray(true);
                }, 150)
              }
              onKeyDown={onKeyDown}
              className="w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
            />
          </Popover.Anchor>
          <Popover.Portal>
            <Popover.Content
              align="start"
              sideOffset={4}
              // The focus stays in the input: typing goes on while the list is open,
              // and a click on an option does not take the focus away.
              onOpenAutoFocus={(event) => event.preventDefault()}
              onCloseAutoFocus={(event) => event.preventDefault()}
              onMouseDown={(event) => event.preventDefault()}
              onInteractOutside={(event) => {
                if (event.target instanceof Node && anchorRef.current?.contains(event.target)) event.preventDefault();
              }}
              className="z-50 w-(--radix-popover-trigger-width) min-w-48 overflow-hidden rounded border border-slate-300 bg-white text-slate-900 shadow-md dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
            >
              <Command.List label={props.label} aria-busy={loading || undefined} className="max-h-64 overflow-auto p-1">
                {list.map((o) => (
                  <Command.Item
                    key={o.id}
                    value={String(o.id)}
                    disabled={loading}
                    onSelect={() => choose(o)}
                    className="cursor-pointer rounded-sm px-2 py-1 text-sm data-[disabled=true]:cursor-default data-[disabled=true]:opacity-60 data-[selected=true]:bg-blue-100 dark:data-[selected=true]:bg-blue-900"
                  >
                    {o.label}
                  </Command.Item>
                ))}
              </Command.List>
              <div role="status" className="empty:hidden px-3 pb-2 pt-1 text-sm text-slate-600 dark:text-slate-400">
                {status}
              </div>
              {!loading && results?.error ? (
                <p role="alert" className="px-3 pb-2 pt-1 text-sm text-red-700 dark:text-red-400">
                  {results.error} Change the text to try again.
                </p>
              ) : null}
            </Popover.Content>
          </Popover.Portal>
        </Popover.Root>
      </Command>
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
