import { TriangleAlert } from "lucide-react";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/auth/demo";

/** Shown on every page while any demo account is active. */
export function DemoBanner({ showAccounts = false }: { showAccounts?: boolean }) {
  return (
    <div role="note" aria-label="Demo accounts are active" data-print="hide" className="border-b border-warning-border bg-warning-soft text-warning-soft-foreground">
      <div className="mx-auto flex max-w-screen-2xl items-start gap-2 px-3 py-1.5 text-xs sm:px-4 sm:text-sm">
        <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        <p>
          <strong>Demo accounts are active.</strong>{" "}
          <span className={showAccounts ? undefined : "max-md:hidden"}>
            Anyone who knows their published password can sign in. Deactivate them (Users, as an admin) before real use.
          </span>
          <span className={showAccounts ? "hidden" : "md:hidden"}>Deactivate them before real use.</span>
          {showAccounts ? (
            <span className="block">
              {DEMO_ACCOUNTS.map((a) => a.email).join(", ")}: password <code className="font-mono">{DEMO_PASSWORD}</code>
            </span>
          ) : null}
        </p>
      </div>
    </div>
  );
}
