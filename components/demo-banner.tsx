import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/auth/demo";

/** Shown on every page while any demo account is active. */
export function DemoBanner({ showAccounts = false }: { showAccounts?: boolean }) {
  return (
    <div role="note" aria-label="Demo accounts are active" data-print="hide" className="border-b border-amber-400 bg-amber-100 px-4 py-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
      <strong>Demo accounts are active.</strong> Anyone who knows their published password can sign in. Deactivate them
      (Users, as an admin) before real use.
      {showAccounts ? (
        <span className="block">
          {DEMO_ACCOUNTS.map((a) => a.email).join(", ")}: password <code>{DEMO_PASSWORD}</code>
        </span>
      ) : null}
    </div>
  );
}
