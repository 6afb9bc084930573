import { Badge } from "@/components/badge";

export function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

export function Section({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="border-b border-slate-200 pb-1 text-lg font-semibold dark:border-slate-800">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Verified or not, in words (never colour alone). */
export function VerificationBadge({ verifiedAt, by }: { verifiedAt: Date | null; by?: string | null }) {
  return verifiedAt ? (
    <Badge tone="ok">Verified{by ? ` by ${by}` : ""} {verifiedAt.toISOString().slice(0, 10)}</Badge>
  ) : (
    <Badge tone="warning">Unverified</Badge>
  );
}

