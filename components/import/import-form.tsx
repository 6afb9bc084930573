"use client";
// The import page's steps: choose what the file holds and the file, check it
// (the dry run: a summary, every problem linked to its row, and the rows),
// then import. Focus moves to what each step produced, so that keyboard and
// screen-reader users land on the result; changing the file or its kind
// discards the check, and the server checks again on import anyway.
import Link from "next/link";
import { useEffect, useId, useRef, useState, useTransition, type ReactNode } from "react";
import { checkImportAction, runImportAction } from "@/lib/import/actions";
import { buttonClass, FormError, secondaryButtonClass } from "@/components/field";
import type { ImportResult } from "@/lib/import/apply";
import { formatBytes, LOWERING_CHECKBOX, MAX_IMPORT_BYTES, tooLargeMessage, type ImportKind } from "@/lib/import/limits";
import type { DryRun, PlanRow } from "@/lib/import/plan";
import { weaponCategoryLabel } from "@/lib/format/labels";

const KIND_LABEL: Record<ImportKind, { one: string; many: string; list: string }> = {
  transfers: { one: "arms transfer", many: "arms transfers", list: "/transfers" },
  requests: { one: "diplomatic request", many: "diplomatic requests", list: "/requests" },
};

const n = (value: number) => value.toLocaleString("en");
const plural = (count: number, one: string, many: string) => `${n(count)} ${count === 1 ? one : many}`;

const SEND_FAILED = "The file could not be sent to the server (the connection failed, or the server refused it). Try again.";

export function ImportForm({ initialKind, columnHelp }: { initialKind: ImportKind; columnHelp: Record<ImportKind, ReactNode> }) {
  const id = useId();
  const [kind, setKind] = useState<ImportKind>(initialKind);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<DryRun | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [checking, startCheck] = useTransition();
  const [importing, startImport] = useTransition();
  const fileInput = useRef<HTMLInputElement>(null);
  const landing = useRef<HTMLElement | null>(null);
  const [focusKey, setFocusKey] = useState(0);

  // After a step, focus what it produced (set through `landing`).
  useEffect(() => {
    if (focusKey) landing.current?.focus();
  }, [focusKey]);
  const land = (el: HTMLElement | null) => {
    landing.current = el;
  };

  const reset = () => {
    setCheck(null);
    setDone(null);
    setError(null);
    setFileError(null);
  };

  const onCheck = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    runCheck(false);
  };

  // allowLowering: the editor ticked, in the check's result, that the
  // restricted records it lists may be made visible to everyone; the check
  // runs again with it, so that what it then shows is what the import does.
  const runCheck = (allowLowering: boolean) => {
    reset();
    if (!file) {
      setFileError("Choose a CSV file.");
      fileInput.current?.focus();
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      setFileError(tooLargeMessage(file.size));
      fileInput.current?.focus();
      return;
    }
    const form = new FormData();
    form.set("kind", kind);
    form.set("file", file);
    if (allowLowering) form.set("allowLowering", "on");
    startCheck(async () => {
      try {
        const result = await checkImportAction(form);
        if (result.ok) {
          setCheck(result.data);
        } else if (result.fieldErrors?.file?.length) {
          setFileError(result.fieldErrors.file.join(" "));
          fileInput.current?.focus();
          return;
        } else {
          setError(result.error);
        }
      } catch {
        setError(SEND_FAILED);
      }
      setFocusKey((k) => k + 1);
    });
  };

  const onImport = () => {
    if (!file || !check) return;
    const form = new FormData();
    form.set("kind", check.kind);
    form.set("file", file);
    form.set("sha256", check.sha256);
    form.set("expectedCreate", String(check.counts.create));
    if (check.lowering.confirmed) {
      form.set("allowLowering", "on");
      form.set("expectedLowering", String(check.counts.lowering));
    }
    startImport(async () => {
      try {
        const result = await runImportAction(form);
        if (result.ok) {
          setDone(result.data);
          setCheck(null);
          setError(null);
        } else {
          setError(result.error);
        }
      } catch {
        setError(SEND_FAILED);
      }
      setFocusKey((k) => k + 1);
    });
  };

  const hintId = `${id}-file-hint`;
  const errorId = `${id}-file-error`;
  return (
    <div className="space-y-6">
      <form onSubmit={onCheck} className="space-y-4" noValidate>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">What the file holds</legend>
          {(Object.keys(KIND_LABEL) as ImportKind[]).map((k) => (
            <label key={k} className="mr-5 inline-flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  reset();
                }}
              />
              {KIND_LABEL[k].many[0]!.toUpperCase() + KIND_LABEL[k].many.slice(1)}
            </label>
          ))}
        </fieldset>

        <div className="space-y-1">
          <label htmlFor={`${id}-file`} className="block text-sm font-medium">
            CSV file
          </label>
          <input
            ref={fileInput}
            id={`${id}-file`}
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={[hintId, fileError ? errorId : null].filter(Boolean).join(" ")}
            aria-invalid={fileError ? true : undefined}
            className="block w-full max-w-xl rounded border border-slate-400 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              reset();
            }}
          />
          <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
            UTF-8 CSV (“CSV UTF-8” in Excel), comma, semicolon or tab separated, at most {formatBytes(MAX_IMPORT_BYTES)}. The first row names the
            columns; title rows above it are skipped.
          </p>
          {fileError ? (
            <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-400">
              {fileError}
            </p>
          ) : null}
        </div>

        <details className="rounded border border-slate-300 px-3 py-2 text-sm dark:border-slate-700">
          <summary className="cursor-pointer font-medium">Columns read from a file of {KIND_LABEL[kind].many}</summary>
          <div className="mt-2 space-y-2">
            <p className="text-slate-700 dark:text-slate-300">
              Headers are matched loosely (case, spacing, “No.” for “Number”). Estimates: <code>(10)</code>, <code>10?</code>, or a “?” in an
              unnamed column right after the figure. Unknown: an empty cell, <code>?</code> or <code>. .</code>. A cell starting with{" "}
              <code>=</code>, <code>+</code>, <code>-</code> or <code>@</code> is refused in a name, code, figure or date column, and kept as text
              with a leading apostrophe in a free-text column.
            </p>
            {columnHelp[kind]}
          </div>
        </details>

        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className={buttonClass} disabled={checking || importing} aria-busy={checking || undefined}>
            {checking ? "Checking…" : "Check file"}
          </button>
          {checking ? (
            <span role="status" className="text-sm text-slate-600 dark:text-slate-400">
              Reading and checking every row; a large file takes a few seconds.
            </span>
          ) : null}
        </div>
      </form>

      {error ? (
        <div ref={land} tabIndex={-1} className="outline-none">
          <FormError message={error} />
        </div>
      ) : null}

      {done ? <Imported result={done} landRef={land} onAgain={() => { reset(); fileInput.current?.focus(); }} /> : null}

      {check ? (
        <CheckResult
          check={check}
          importing={importing}
          onImport={onImport}
          onAllowLowering={runCheck}
          landRef={error ? () => undefined : land}
          onAnother={() => {
            reset();
            fileInput.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}

function Imported({ result, landRef, onAgain }: { result: ImportResult; landRef: (el: HTMLElement | null) => void; onAgain: () => void }) {
  const label = KIND_LABEL[result.kind];
  return (
    <div
      ref={landRef}
      tabIndex={-1}
      role="status"
      className="space-y-2 rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-950 outline-none dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
    >
      <p className="font-medium">
        Imported {plural(result.created, label.one, label.many)}
        {result.matched ? `; ${plural(result.matched, "row was already imported and is left as it is", "rows were already imported and are left as they are")}` : ""}
        {result.weaponSystemsCreated ? `; ${plural(result.weaponSystemsCreated, "new weapon system", "new weapon systems")}` : ""}
        {result.visibilityChanged ? `; ${plural(result.visibilityChanged, "record already imported took", "records already imported took")} the file’s visibility` : ""}.
      </p>
      <p>
        Recorded in the activity log as one import (event #{result.auditEventId}).{" "}
        <Link href={label.list} className="underline">
          See the {label.many}
        </Link>
        {result.weaponSystemsCreated ? (
          <>
            {" · "}
            <Link href="/weapon-systems" className="underline">
              Check the new weapon systems
            </Link>
          </>
        ) : null}
        {" · "}
        <button type="button" className="underline" onClick={onAgain}>
          Import another file
        </button>
      </p>
    </div>
  );
}

function outcomeBadge(row: PlanRow) {
  const base = "inline-block rounded px-1.5 py-0.5 text-xs font-medium";
  if (row.outcome === "create") return <span className={`${base} bg-blue-100 text-blue-900 dark:bg-blue-950 dark:text-blue-100`}>Will be created</span>;
  if (row.outcome === "match") return <span className={`${base} bg-slate-200 text-slate-900 dark:bg-slate-800 dark:text-slate-100`}>Already imported</span>;
  return <span className={`${base} bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100`}>Problem</span>;
}

function focusRow(event: React.MouseEvent<HTMLAnchorElement>, row: number) {
  const target = document.getElementById(`import-row-${row}`);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: "center" });
  target.focus();
}

function CheckResult({
  check,
  importing,
  onImport,
  onAllowLowering,
  landRef,
  onAnother,
}: {
  check: DryRun;
  importing: boolean;
  onImport: () => void;
  onAllowLowering: (allow: boolean) => void;
  landRef: (el: HTMLElement | null) => void;
  onAnother: () => void;
}) {
  const [onlyProblems, setOnlyProblems] = useState(check.counts.error > 0);
  const label = KIND_LABEL[check.kind];
  const { counts } = check;
  const rows = onlyProblems ? check.rows.filter((r) => r.outcome === "error") : check.rows;
  const shownAll = check.rows.length >= counts.rows;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <h2 id={headingId} ref={counts.error ? undefined : landRef} tabIndex={-1} className="text-lg font-semibold outline-none">
        Check of “{check.fileName}” ({formatBytes(check.size)})
      </h2>

      <dl className="grid max-w-3xl grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-5">
        {[
          ["Rows", counts.rows],
          ["To create", counts.create],
          ["Already imported", counts.match],
          ["With problems", counts.error],
          ...(check.kind === "transfers" ? [["New weapon systems", counts.newWeaponSystems] as const] : []),
        ].map(([term, value]) => (
          <div key={term as string}>
            <dt className="text-slate-600 dark:text-slate-400">{term}</dt>
            <dd className={`text-lg font-semibold tabular-nums ${term === "With problems" && Number(value) > 0 ? "text-red-700 dark:text-red-400" : ""}`}>{n(Number(value))}</dd>
          </div>
        ))}
      </dl>

      {check.fileNotes.length ? (
        <ul className="ml-5 list-disc text-sm text-slate-700 dark:text-slate-300">
          {check.fileNotes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}

      {counts.error ? (
        <div
          ref={landRef}
          tabIndex={-1}
          role="alert"
          aria-labelledby={`${headingId}-problems`}
          className="space-y-2 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950 outline-none dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <h3 id={`${headingId}-problems`} className="font-semibold">
            {plural(counts.error, "row has", "rows have")} {plural(check.problemsTotal, "problem", "problems")}: nothing can be imported until the file
            is fixed and checked again.
          </h3>
          <ul className="ml-5 list-disc space-y-0.5">
            {check.problems.slice(0, 20).map((p, i) => (
              <li key={i}>
                <a href={`#import-row-${p.row}`} onClick={(e) => focusRow(e, p.row)} className="underline">
                  Row {p.row}
                  {p.column ? `, ${p.column}` : ""}
                </a>
                : {p.message}
              </li>
            ))}
          </ul>
          {check.problemsTotal > 20 ? (
            <p>
              And {plural(check.problemsTotal - 20, "more problem", "more problems")}: see the table below
              {check.problemsTotal > check.problems.length ? ` (it lists the rows of the first ${n(check.problems.length)})` : ""}.
            </p>
          ) : null}
        </div>
      ) : null}

      {counts.lowering && check.lowering.allowed ? (
        <div className="space-y-1 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <label className="inline-flex items-start gap-2 font-medium">
            <input
              type="checkbox"
              className="mt-1"
              checked={check.lowering.confirmed}
              disabled={importing}
              onChange={(e) => onAllowLowering(e.currentTarget.checked)}
            />
            {LOWERING_CHECKBOX} ({plural(counts.lowering, "record", "records")})
          </label>
          <p>
            The file marks {plural(counts.lowering, "record that is restricted now", "records that are restricted now")} as Internal: importing it
            would let every signed-in user, viewers included, read {counts.lowering === 1 ? "it" : "them"}. An import never does that unless you tick
            this; the file is then checked again, and the change is recorded in each record’s history.
          </p>
        </div>
      ) : null}

      {check.newWeaponSystems.length ? (
        <details className="rounded border border-slate-300 px-3 py-2 text-sm dark:border-slate-700">
          <summary className="cursor-pointer font-medium">
            {plural(counts.newWeaponSystems, "weapon system", "weapon systems")} will be created (no existing one has the designation)
          </summary>
          <p className="mt-2 text-slate-700 dark:text-slate-300">
            Each is named and designated as in the file, with the file’s description. The category is read from a few words of the description
            (“portable SAM” is MANPADS, “tank” armoured vehicles…) and is Other when it names none: check them after the import.
          </p>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">New weapon systems</caption>
              <thead>
                <tr className="border-b border-slate-300 dark:border-slate-700">
                  <th scope="col" className="py-1.5 pr-3">Designation</th>
                  <th scope="col" className="py-1.5 pr-3">Category</th>
                  <th scope="col" className="py-1.5 pr-3">Description</th>
                  <th scope="col" className="py-1.5 pr-3 text-right">Rows</th>
                </tr>
              </thead>
              <tbody>
                {check.newWeaponSystems.map((w) => (
                  <tr key={w.designation} className="border-b border-slate-200 align-top dark:border-slate-800">
                    <th scope="row" className="py-1.5 pr-3 font-normal">{w.designation}</th>
                    <td className="py-1.5 pr-3">{weaponCategoryLabel[w.category]}</td>
                    <td className="py-1.5 pr-3">{w.description ?? "—"}</td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">{n(w.rows)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        {check.canImport ? (
          <button type="button" className={buttonClass} onClick={onImport} disabled={importing} aria-busy={importing || undefined}>
            {importing
              ? "Importing…"
              : counts.create
                ? `Import ${plural(counts.create, label.one, label.many)}`
                : `Import: change the visibility of ${plural(counts.visibilityChanges, "record", "records")}`}
          </button>
        ) : null}
        <button type="button" className={secondaryButtonClass} onClick={onAnother} disabled={importing}>
          Choose another file
        </button>
        <p className="text-sm text-slate-700 dark:text-slate-300" role={importing ? "status" : undefined}>
          {importing
            ? "Writing every row in one transaction; if any fails, nothing is kept."
            : counts.error
              ? "Fix the problems in the file, then check it again."
              : counts.create === 0 && counts.visibilityChanges === 0
                ? "Nothing to import: every row has been imported already."
                : `Written in one transaction: all ${plural(counts.create, "record", "records")} or none.${counts.match ? ` ${plural(counts.match, "row already imported is left as it is", "rows already imported are left as they are")}.` : ""}`}
        </p>
      </div>

      <div className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h3 className="font-semibold">Rows</h3>
          <label className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.currentTarget.checked)} />
            Only rows with problems
          </label>
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          {shownAll
            ? `Showing ${plural(rows.length, "row", "rows")}${onlyProblems ? ` of ${n(counts.rows)}` : ""}.`
            : `Showing ${plural(rows.length, "row", "rows")}: ${onlyProblems ? "those with problems" : "the first ones and every row with a problem"}, of ${n(counts.rows)}.`}
        </p>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Rows of {check.fileName}: what each will be</caption>
            <thead>
              <tr className="border-b border-slate-300 dark:border-slate-700">
                <th scope="col" className="py-2 pr-3 text-right">Row</th>
                <th scope="col" className="py-2 pr-3">Record</th>
                <th scope="col" className="py-2 pr-3">Outcome</th>
                <th scope="col" className="py-2 pr-3">Problems and notes</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.row} id={`import-row-${r.row}`} tabIndex={-1} className="border-b border-slate-200 align-top outline-none focus:bg-amber-50 dark:border-slate-800 dark:focus:bg-amber-950">
                  <th scope="row" className="py-2 pr-3 text-right font-normal tabular-nums">{r.row}</th>
                  <td className="py-2 pr-3">
                    {r.record ? (
                      <Link href={r.record.href} className="text-blue-700 underline dark:text-blue-400">
                        {r.label}
                      </Link>
                    ) : (
                      r.label
                    )}
                  </td>
                  <td className="py-2 pr-3">{outcomeBadge(r)}</td>
                  <td className="py-2 pr-3">
                    {r.errors.length || r.notes.length ? (
                      <ul className="space-y-0.5">
                        {r.errors.map((e, i) => (
                          <li key={`e${i}`} className="text-red-700 dark:text-red-400">
                            <span className="font-medium">{e.column ?? "Row"}:</span> {e.message}
                          </li>
                        ))}
                        {r.notes.map((x, i) => (
                          <li key={`n${i}`} className="text-slate-700 dark:text-slate-300">
                            {x.column ? <span className="font-medium">{x.column}: </span> : null}
                            {x.message}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="text-slate-500 dark:text-slate-400">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
