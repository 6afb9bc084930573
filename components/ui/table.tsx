// Table parts (shadcn/ui's): a scrolling frame, rows with a hover tint, cells with the scale's padding.
import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

export function Table({ className, frameClassName, ...props }: ComponentProps<"table"> & { frameClassName?: string }) {
  return (
    <div data-slot="table-frame" className={cn("overflow-x-auto", frameClassName)}>
      <table data-slot="table" className={cn("w-full border-collapse text-left text-sm", className)} {...props} />
    </div>
  );
}
export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead data-slot="table-header" className={cn("[&_tr]:border-b [&_tr]:border-border", className)} {...props} />;
}
export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody data-slot="table-body" className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}
export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr data-slot="table-row" className={cn("border-b border-border transition-colors hover:bg-muted/50", className)} {...props} />;
}
export const headCellClass = "px-2 py-2 align-bottom text-xs font-semibold uppercase tracking-wide text-muted-foreground first:pl-0";
export const cellClass = "px-2 py-2 align-top first:pl-0";
export function TableHead({ className, ...props }: ComponentProps<"th">) {
  return <th data-slot="table-head" className={cn(headCellClass, className)} {...props} />;
}
export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td data-slot="table-cell" className={cn(cellClass, className)} {...props} />;
}
