import { AlertCircle } from "lucide-react";
import { useId } from "react";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/input";

type FieldProps = {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
  children?: never;
} & React.InputHTMLAttributes<HTMLInputElement>;

/** A labelled input with its error messages next to it. */
export function Field({ label, name, errors, hint, ...input }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
        {...input}
      />
      {hint ? <p id={hintId} className="text-xs text-muted-foreground">{hint}</p> : null}
      {errors?.length ? (
        <p id={errorId} className="flex items-start gap-1 text-sm text-destructive-soft-foreground">
          <AlertCircle aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-destructive" />
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="flex items-start gap-2 rounded-md border border-destructive-border bg-destructive-soft px-3 py-2 text-sm text-destructive-soft-foreground">
      <AlertCircle aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      {message}
    </p>
  );
}

/** The primary button's look (components/ui/button), for callers that style a <button> or <Link> by class. */
export const buttonClass = buttonVariants({ variant: "primary" });
/** The secondary button's look. */
export const secondaryButtonClass = buttonVariants({ variant: "secondary" });
/** Both, merged with a caller's classes. */
export function buttonClassWith(variant: "primary" | "secondary" | "ghost" | "destructive", className?: string): string {
  return cn(buttonVariants({ variant }), className);
}
