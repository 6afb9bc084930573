// Text fields and native selects (a native <select> posts with its form and
// needs no JavaScript; the record forms and filter bars rely on that).
import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

export const inputClass =
  "block w-full min-w-0 rounded-md border border-input bg-background px-2.5 py-1.5 text-sm text-foreground shadow-xs placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-destructive";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input data-slot="input" className={cn(inputClass, className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea data-slot="textarea" className={cn(inputClass, "min-h-20", className)} {...props} />;
}

export const selectClass = cn(
  inputClass,
  "appearance-none bg-[image:linear-gradient(45deg,transparent_50%,currentColor_50%),linear-gradient(135deg,currentColor_50%,transparent_50%)] bg-[position:calc(100%-14px)_55%,calc(100%-9px)_55%] bg-[size:5px_5px,5px_5px] bg-no-repeat pr-7",
);

export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return <select data-slot="select" className={cn(selectClass, className)} {...props} />;
}

export function Label({ className, ...props }: ComponentProps<"label">) {
  return <label data-slot="label" className={cn("block text-sm font-medium text-foreground", className)} {...props} />;
}
