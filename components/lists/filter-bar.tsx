// The filters of a list: a GET form, so that every view is a URL that can
// be bookmarked and shared. Works without JavaScript.
import Link from "next/link";
import { Filter, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { inputClass as uiInputClass, selectClass } from "@/components/ui/input";
import { FilterForm } from "@/components/lists/filter-form";

export type FilterOption = { value: string; label: string };

export type FilterField =
  | { kind: "search"; name: string; label: string; value: string; hint?: string }
  | { kind: "select"; name: string; label: string; value: string; options: FilterOption[]; anyLabel: string }
  | { kind: "date"; name: string; label: string; value: string }
  | { kind: "checkbox"; name: string; label: string; checked: boolean };

const inputClass = uiInputClass;
const labelClass = "block text-sm font-medium";
const hintClass = "text-xs text-muted-foreground";

function fieldId(formId: string, name: string) {
  return `${formId}-${name}`;
}

function Field({ field, formId }: { field: FilterField; formId: string }) {
  const id = fieldId(formId, field.name);
  switch (field.kind) {
    case "search":
      return (
        <div className="space-y-1 sm:col-span-2">
          <label htmlFor={id} className={labelClass}>
            {field.label}
          </label>
          <input
            id={id}
            name={field.name}
            type="search"
            defaultValue={field.value}
            maxLength={200}
            aria-describedby={field.hint ? `${id}-hint` : undefined}
            className={inputClass}
          />
          {field.hint ? (
            <p id={`${id}-hint`} className={hintClass}>
              {field.hint}
            </p>
          ) : null}
        </div>
      );
    case "select": {
      // A value that is none of the options (several chosen in the URL) stays selectable.
      const known = field.value === "" || field.options.some((o) => o.value === field.value);
      return (
        <div className="space-y-1">
          <label htmlFor={id} className={labelClass}>
            {field.label}
          </label>
          <select id={id} name={field.name} defaultValue={field.value} className={selectClass}>
            <option value="">{field.anyLabel}</option>
            {known ? null : <option value={field.value}>{field.value.split(",").join(" or ")}</option>}
            {field.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      );
    }
    case "date":
      return (
        <div className="space-y-1">
          <label htmlFor={id} className={labelClass}>
            {field.label}
          </label>
          <input
            id={id}
            name={field.name}
            type="text"
            inputMode="numeric"
            defaultValue={field.value}
            placeholder="YYYY"
            pattern="\d{4}(-\d{2}(-\d{2})?)?"
            title="A year (2005), a month (2005-03) or a day (2005-03-17)"
            aria-describedby={`${formId}-date-hint`}
            className={inputClass}
          />
        </div>
      );
    case "checkbox":
      return (
        <div className="flex items-end pb-1.5">
          <input id={id} name={field.name} type="checkbox" value="yes" defaultChecked={field.checked} className="mr-2 size-4 accent-primary" />
          <label htmlFor={id} className="text-sm font-medium">
            {field.label}
          </label>
        </div>
      );
  }
}

export function FilterBar({
  id,
  label,
  action,
  fields,
  hidden = {},
  clearHref,
}: {
  /** Unique on the page; prefixes the fields' ids. */
  id: string;
  /** What is being filtered ("Filter diplomatic requests"). */
  label: string;
  action: string;
  fields: FilterField[];
  /** Kept as they are when the filters change (the sort). */
  hidden?: Record<string, string>;
  clearHref: string;
}) {
  const hasDates = fields.some((f) => f.kind === "date");
  return (
    <FilterForm
      method="get"
      action={action}
      role="search"
      aria-label={label}
      className="space-y-3 rounded-lg border border-border bg-card p-3 shadow-xs"
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {fields.map((f) => (
          <Field key={f.name} field={f} formId={id} />
        ))}
      </div>
      {hasDates ? (
        <p id={`${id}-date-hint`} className={hintClass}>
          Dates: a year (2005), a month (2005-03) or a day (2005-03-17). A record dated only “2005” is within any range that
          touches 2005.
        </p>
      ) : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm">
          <Filter aria-hidden="true" />
          Apply filters
        </Button>
        <Button asChild variant="ghost" size="sm">
          <Link href={clearHref}>
            <X aria-hidden="true" />
            Clear filters
          </Link>
        </Button>
      </div>
    </FilterForm>
  );
}
