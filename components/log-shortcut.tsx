"use client";

import { Plus } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { buttonVariants } from "@/components/ui/button";

const LOG_PATH = "/requests/new";

/** The first field a person types in: not hidden, not disabled, not a button. */
const FIRST_FIELD =
  "main form input:not([type=hidden]):not([type=submit]):not([type=button]):not([disabled]), main form select:not([disabled]), main form textarea:not([disabled])";

/** Focus the log form's first field once it is on the page (a client navigation renders it a moment after the click). */
function focusFirstField(deadline = Date.now() + 3000) {
  const field = document.querySelector<HTMLElement>(FIRST_FIELD);
  if (field) {
    field.focus();
    return;
  }
  if (Date.now() < deadline) window.requestAnimationFrame(() => focusFirstField(deadline));
}

/**
 * "Log request" (the log form is "Log a lobbying attempt"): a button in the header and the L key anywhere.
 * Either way the form opens with the cursor in its first field.
 */
export function LogShortcut() {
  const router = useRouter();
  const pathname = usePathname();
  // Set when the shortcut or the button is used; the form's arrival (a new pathname) spends it.
  const pending = useRef(false);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== "l" && event.key !== "L") return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      event.preventDefault();
      if (window.location.pathname === LOG_PATH) {
        focusFirstField();
        return;
      }
      pending.current = true;
      router.push(LOG_PATH);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router]);

  useEffect(() => {
    if (pathname !== LOG_PATH || !pending.current) return;
    pending.current = false;
    focusFirstField();
  }, [pathname]);

  return (
    <Link
      href={LOG_PATH}
      aria-keyshortcuts="L"
      data-print="hide"
      title="Log a lobbying attempt (shortcut: L)"
      onClick={() => {
        if (window.location.pathname === LOG_PATH) focusFirstField();
        else pending.current = true;
      }}
      className={buttonVariants({ variant: "primary", size: "md" })}
    >
      <Plus aria-hidden="true" />
      Log request
      <kbd aria-hidden="true" className="ml-0.5 hidden rounded border border-white/40 px-1 font-sans text-[0.6875rem] leading-4 xl:inline">
        L
      </kbd>
    </Link>
  );
}
