"use client";

// A record's create/edit form: the fields, the save, field errors next to
// fields, and the conflict view when someone else saved first.
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { saveRecordAction } from "@/lib/records/actions";
import { buttonClass, FormError, secondaryButtonClass } from "@/components/field";
import { RecordFields, type FieldErrors, type Values } from "@/components/forms/record-fields";
import type { FieldSpec, Option } from "@/lib/records/form/fields";
import { displayValue, fieldLabel, fieldOf } from "@/lib/records/form/display";
import { useRecordLabels } from "@/components/forms/use-record-labels";
import { reapply } from "@/lib/records/form/reapply";
import { parseConflictDetails, type ConflictDetails } from "@/lib/records/conflict";


export function RecordForm(props: {
  type: string;
  id?: number;
  version?: number;
  initialValues: Values;
  fields: FieldSpec[];
  countries: Option[];
  submitLabel: string;
  cancelHref?: string;
}) {
  const router = useRouter();
  const [values, setValues] = useState<Values>(props.initialValues);
  // What the user started from: their changes are the differences to it.
  const [base, setBase] = useState<Values>(props.initialValues);
  const [version, setVersion] = useState(props.version);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictDetails | null>(null);
  const [pending, start] = useTransition();

  function save(event?: React.FormEvent) {
    event?.preventDefault();
    start(async () => {
      const result = await saveRecordAction({ type: props.type, id: props.id, version, values });
      if (result.ok) {
        router.push(result.data.href);
        router.refresh();
        return;
      }
      setError(result.error);
      setErrors(result.fieldErrors ?? {});
      // A 409 without (well-formed) details, such as a record still in use, shows no conflict view.
      setConflict(result.status === 409 ? parseConflictDetails(result.details) : null);
    });
  }

  return (
    <form onSubmit={save} className="space-y-4" noValidate>
      <FormError message={error} />
      {conflict ? (
        <ConflictPanel
          conflict={conflict}
          fields={props.fields}
          countries={props.countries}
          mine={values}
          onReapply={() => {
            // Their record, with my changes (fields I edited) applied on top.
            setValues(reapply(base, values, conflict.current));
            setBase(conflict.current);
            setVersion(conflict.currentVersion);
            setConflict(null);
            setError("Your changes are applied on top of the other person's. Review them, then save.");
          }}
          onDiscard={() => {
            setValues(conflict.current);
            setBase(conflict.current);
            setVersion(conflict.currentVersion);
            setConflict(null);
            setError(null);
          }}
        />
      ) : null}
      <RecordFields
        fields={props.fields}
        values={values}
        errors={errors}
        countries={props.countries}
        onChange={(name, value) => setValues((old) => ({ ...old, [name]: value }))}
      />
      <div className="flex gap-3">
        <button type="submit" className={buttonClass} disabled={pending || conflict !== null}>
          {pending ? "Saving…" : props.submitLabel}
        </button>
        {props.cancelHref ? (
          <a href={props.cancelHref} className={secondaryButtonClass}>Cancel</a>
        ) : null}
      </div>
    </form>
  );
}

export function ConflictPanel(props: {
  conflict: ConflictDetails;
  fields: FieldSpec[];
  countries: Option[];
  mine: Values;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const countryNames = useMemo(() => new Map(props.countries.map((c) => [Number(c.value), c.label])), [props.countries]);
  const changes = props.conflict.theirChanges;
  // Linked records by name, not by id: in what they changed and in mine.
  const shown = useMemo(() => {
    const entries = Object.entries(changes ?? {});
    return [props.mine, Object.fromEntries(entries.map(([k, c]) => [k, c.before])), Object.fromEntries(entries.map(([k, c]) => [k, c.after]))];
  }, [props.mine, changes]);
  const recordLabels = useRecordLabels(props.fields, shown);
  return (
    <section role="alert" aria-labelledby="conflict-title" className="space-y-3 rounded border border-amber-400 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950">
      <h2 id="conflict-title" className="font-semibold">Someone else saved this record while you were editing it</h2>
      {changes && Object.keys(changes).length > 0 ? (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">What the other person changed</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-3">Field</th>
              <th scope="col" className="pr-3">Was</th>
              <th scope="col" className="pr-3">They made it</th>
              <th scope="col">You have</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(changes).map(([name, c]) => {
              const field = fieldOf(props.fields, name);
              return (
                <tr key={name} className="align-top">
                  <th scope="row" className="pr-3 font-medium">{fieldLabel(props.fields, name)}</th>
                  <td className="pr-3"><del>{displayValue(field, c.before, countryNames, recordLabels)}</del></td>
                  <td className="pr-3"><ins>{displayValue(field, c.after, countryNames, recordLabels)}</ins></td>
                  <td>{displayValue(field, props.mine[name], countryNames, recordLabels)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="text-sm">Their exact changes are not known; the record now holds the values shown after you discard yours.</p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass} onClick={props.onReapply}>Reapply my changes on top of theirs</button>
        <button type="button" className={secondaryButtonClass} onClick={props.onDiscard}>Discard mine and load theirs</button>
      </div>
    </section>
  );
}
