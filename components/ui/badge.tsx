// A status or severity label. Its colour never speaks alone: each tone has an
// icon (lucide) and the text says what it means.
import { cva, type VariantProps } from "class-variance-authority";
import { AlertTriangle, CheckCircle2, Circle, Info, Lock, Trash2, XCircle, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export const badgeVariants = cva(
  "inline-flex items-center gap-1 whitespace-nowrap rounded-md border px-1.5 py-0.5 text-xs font-medium [&_svg]:size-3.5 [&_svg]:shrink-0",
  {
    variants: {
      tone: {
        neutral: "border-border bg-muted text-foreground",
        info: "border-info-border bg-info-soft text-info-soft-foreground",
        warning: "border-warning-border bg-warning-soft text-warning-soft-foreground",
        danger: "border-destructive-border bg-destructive-soft text-destructive-soft-foreground",
        ok: "border-success-border bg-success-soft text-success-soft-foreground",
      },
    },
    defaultVariants: { tone: "neutral" },
  },
);

export type BadgeTone = NonNullable<VariantProps<typeof badgeVariants>["tone"]>;

/** Each tone's icon, when the caller does not name a better one. */
export const TONE_ICONS: Record<BadgeTone, LucideIcon> = {
  neutral: Circle,
  info: Info,
  warning: AlertTriangle,
  danger: XCircle,
  ok: CheckCircle2,
};

export const STATE_ICONS = { restricted: Lock, deleted: Trash2 } as const;

export function UiBadge({
  tone = "neutral",
  icon,
  className,
  children,
}: {
  tone?: BadgeTone;
  /** An icon that says more than the tone's (a lock for "Restricted"); null: none (the text alone suffices). */
  icon?: LucideIcon | null;
  className?: string;
  children: ReactNode;
}) {
  const Icon = icon === undefined ? TONE_ICONS[tone] : icon;
  return (
    <span data-slot="badge" data-tone={tone} className={cn(badgeVariants({ tone }), className)}>
      {Icon ? <Icon aria-hidden="true" /> : null}
      {children}
    </span>
  );
}
