"use client";
// Radix Toast: short confirmations ("Citation removed") announced politely,
// swiped or Escape-dismissed, paused on hover. `useToast()` shows one.
import { CheckCircle2, X, XCircle } from "lucide-react";
import { Toast as ToastPrimitive } from "radix-ui";
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type ToastItem = { id: number; title: string; description?: string; tone: "ok" | "danger" };
type Show = (t: Omit<ToastItem, "id" | "tone"> & { tone?: ToastItem["tone"] }) => void;

const ToastContext = createContext<Show>(() => {});

export function useToast(): Show {
  return useContext(ToastContext);
}

let nextId = 1;

export function Toaster({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const show = useCallback<Show>((t) => setItems((list) => [...list.slice(-2), { id: nextId++, tone: "ok", ...t }]), []);
  return (
    <ToastContext.Provider value={show}>
      <ToastPrimitive.Provider swipeDirection="right" duration={5000}>
        {children}
        {items.map((t) => {
          const Icon = t.tone === "ok" ? CheckCircle2 : XCircle;
          return (
            <ToastPrimitive.Root
              key={t.id}
              onOpenChange={(open) => (open ? null : setItems((list) => list.filter((x) => x.id !== t.id)))}
              className={cn(
                "flex items-start gap-2 rounded-lg border bg-popover p-3 pr-8 text-sm text-popover-foreground shadow-lg",
                t.tone === "ok" ? "border-success-border" : "border-destructive-border",
              )}
            >
              <Icon aria-hidden="true" className={cn("mt-0.5 size-4 shrink-0", t.tone === "ok" ? "text-success-soft-foreground" : "text-destructive")} />
              <div className="space-y-0.5">
                <ToastPrimitive.Title className="font-medium">{t.title}</ToastPrimitive.Title>
                {t.description ? <ToastPrimitive.Description className="text-muted-foreground">{t.description}</ToastPrimitive.Description> : null}
              </div>
              <ToastPrimitive.Close className="absolute top-2 right-2 rounded p-1 text-muted-foreground hover:bg-accent" aria-label="Dismiss">
                <X aria-hidden="true" className="size-3.5" />
              </ToastPrimitive.Close>
            </ToastPrimitive.Root>
          );
        })}
        <ToastPrimitive.Viewport className="fixed right-0 bottom-0 z-[60] m-0 flex w-full max-w-sm list-none flex-col gap-2 p-4 outline-none" />
      </ToastPrimitive.Provider>
    </ToastContext.Provider>
  );
}
