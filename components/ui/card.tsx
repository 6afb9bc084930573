import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

export const cardClass = "rounded-lg border border-border bg-card text-card-foreground shadow-xs";

export function Card({ className, ...props }: ComponentProps<"div">) {
  return <div data-slot="card" className={cn(cardClass, className)} {...props} />;
}
export function CardHeader({ className, ...props }: ComponentProps<"div">) {
  return <div data-slot="card-header" className={cn("space-y-1 px-4 pt-4", className)} {...props} />;
}
export function CardTitle({ className, ...props }: ComponentProps<"h3">) {
  return <h3 data-slot="card-title" className={cn("text-base font-semibold", className)} {...props} />;
}
export function CardDescription({ className, ...props }: ComponentProps<"p">) {
  return <p data-slot="card-description" className={cn("text-sm text-muted-foreground", className)} {...props} />;
}
export function CardContent({ className, ...props }: ComponentProps<"div">) {
  return <div data-slot="card-content" className={cn("p-4", className)} {...props} />;
}
