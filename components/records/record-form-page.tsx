// The one new page and the one edit page of every record type, from its
// definition (fields, empty values, label) and lib/pages/record-form.ts (who
// may open them, the record's form values). Each route file
// (app/(app)/<segment>/new/page.tsx, .../[id]/edit/page.tsx) names its type
// and nothing else: Next matches a static segment (requests/) before a
// dynamic one, so one [segment] route could not serve them.
//
// What differs by type is said here, as options: the words (FORM_TEXT), the
// pre-filled values of /quotes/new?transferId= and /inspections/new?transferId=,
// and /requests/new, the "log a lobbying attempt" form (LogRequestForm: a
// request with its actors, sources and quotes created inline, or a follow-up).
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { LogRequestForm } from "@/components/forms/log-request-form";
import { RecordForm } from "@/components/forms/record-form";
import { PageHeader } from "@/components/ui/page-header";
import { DEFINITIONS, FORM_FIELDS, type RecordType } from "@/lib/records/definitions";
import { inspectionPrefill, loadEditForm, loadNewForm, quotePrefill, requestFollowUp } from "@/lib/pages/record-form";
import type { FormValues } from "@/lib/records/types";

type Query = Record<string, string | string[] | undefined>;

type FormText = {
  /** The new page's title and heading, written out per type (no article or plural made from the label). */
  newTitle: string;
  /** The edit page's title and heading. */
  editTitle: string;
  /** What the new form requires. */
  help: string;
  /** The new form's button. */
  submit: string;
  /** Said on the edit page, under the record's name. */
  editHelp?: string;
};

const FORM_TEXT: { [T in RecordType]: FormText } = {
  actor: { newTitle: "New actor", editTitle: "Edit actor", submit: "Save actor", help: "Required: the name and the kind. Everything else may stay unknown." },
  concern: {
    newTitle: "New concern",
    editTitle: "Edit concern",
    submit: "Save concern",
    help: "A new concern starts open.",
    editHelp: "The status changes on the concern's page, with a note.",
  },
  inspection: {
    newTitle: "New inspection",
    editTitle: "Edit inspection",
    submit: "Save inspection",
    help: "Required: the host country and the status. Dates may be a year, a month or a day; leave them empty when unknown.",
  },
  quote: {
    newTitle: "New quote",
    editTitle: "Edit quote",
    submit: "Save quote",
    help: "Required: what was said, and who said it (an actor, or a description such as “the cables' conclusion”). Cite its source on the quote's page once it is saved.",
  },
  request: {
    newTitle: "Log a lobbying attempt",
    editTitle: "Edit diplomatic request",
    submit: "Save diplomatic request",
    help: "Required: a title, both countries and what was asked. Everything else may stay unknown.",
  },
  source: {
    newTitle: "New source",
    editTitle: "Edit source",
    submit: "Save source",
    help: "Required: the kind and a title. Grade the source's reliability from A to F when you can; the credibility of each piece of information is graded where a record cites it.",
  },
  transfer: {
    newTitle: "New arms transfer",
    editTitle: "Edit arms transfer",
    submit: "Save arms transfer",
    help: "Required: both countries and the status. Leave any figure empty when it is not known; tick “estimated” when a source gives only an estimate.",
  },
  weaponSystem: {
    newTitle: "New weapon system",
    editTitle: "Edit weapon system",
    submit: "Save weapon system",
    help: "Required: the name and the category. Everything else may stay unknown.",
  },
};

const newTitle = (type: RecordType) => FORM_TEXT[type].newTitle;
const editTitle = (type: RecordType) => FORM_TEXT[type].editTitle;

export const newRecordMetadata = (type: RecordType): Metadata => ({ title: newTitle(type) });
export const editRecordMetadata = (type: RecordType): Metadata => ({ title: editTitle(type) });

const helpClass = "text-sm text-slate-600 dark:text-slate-400";

/** /<segment>/new: an empty form, pre-filled from the query where the type takes it. */
export async function NewRecordPage({ type, searchParams }: { type: RecordType; searchParams?: Promise<Query> }) {
  const { viewer, values: empty, countries } = await loadNewForm(type);
  const query = (await searchParams) ?? {};
  const text = FORM_TEXT[type];

  if (type === "request") {
    const { values, followUpOf } = await requestFollowUp(viewer, empty, query.followUp);
    return (
      <Shell title={newTitle(type)}>
        {followUpOf ? <p className="text-sm">Follow-up of: {followUpOf}</p> : null}
        <p className={helpClass}>{text.help}</p>
        <LogRequestForm initialValues={values} countries={countries} isFollowUp={followUpOf !== null} />
      </Shell>
    );
  }

  let values: FormValues = empty;
  let cancelHref = `/${DEFINITIONS[type].segment}`;
  if (type === "quote" || type === "inspection") {
    const prefill = type === "quote" ? quotePrefill(query) : await inspectionPrefill(viewer, query);
    values = { ...empty, ...prefill.values };
    cancelHref = prefill.cancelHref;
  }
  return (
    <Shell title={newTitle(type)}>
      <p className={helpClass}>{text.help}</p>
      <RecordForm
        type={type}
        initialValues={values}
        fields={FORM_FIELDS[type]}
        countries={countries}
        submitLabel={text.submit}
        cancelHref={cancelHref}
      />
    </Shell>
  );
}

/** /<segment>/[id]/edit: the record's form, for those who may edit it (else 404). */
export async function EditRecordPage({ type, params }: { type: RecordType; params: Promise<{ id: string }> }) {
  const form = await loadEditForm(type, (await params).id);
  const help = FORM_TEXT[type].editHelp;
  return (
    <Shell title={editTitle(type)}>
      <p className={helpClass}>{form.name}</p>
      {help ? <p className={helpClass}>{help}</p> : null}
      <RecordForm
        type={type}
        id={form.id}
        version={form.version}
        initialValues={form.values}
        fields={FORM_FIELDS[type]}
        countries={form.countries}
        submitLabel="Save changes"
        cancelHref={form.cancelHref}
      />
    </Shell>
  );
}

function Shell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="max-w-4xl space-y-4">
      <PageHeader title={title} />
      {children}
    </div>
  );
}
