"use client";
// API tokens on the account page: create one (its secret shown once, with a
// copy button), see each token's scope, expiry and last use, revoke one.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/auth/actions";
import { buttonClass, Field, FormError, secondaryButtonClass } from "@/components/field";

export type TokenRow = {
  id: number;
  name: string;
  prefix: string;
  scope: "READ" | "READ_WRITE";
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  revokedAt: string | null;
};

const day = (iso: string) => iso.slice(0, 10);

function state(t: TokenRow, now: number): string {
  if (t.revokedAt) return `Revoked ${day(t.revokedAt)}`;
  if (Date.parse(t.expiresAt) <= now) return `Expired ${day(t.expiresAt)}`;
  return `Active until ${day(t.expiresAt)}`;
}

export function ApiTokens({ tokens, now }: { tokens: TokenRow[]; now: number }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]> | undefined>();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-4">
      {created ? (
        <div role="status" className="space-y-2 rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
          <p className="font-medium">Token “{created.name}” created. Copy it now: it is shown only once.</p>
          <label className="block">
            <span className="sr-only">The new token</span>
            <input readOnly value={created.secret} className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs text-slate-900" onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={async () => {
              await navigator.clipboard?.writeText(created.secret);
              setCopied(true);
            }}
          >
            {copied ? "Copied" : "Copy"}
          </button>
        </div>
      ) : null}
      <form
        className="max-w-md space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const f = new FormData(form);
          start(async () => {
            const result = await createApiTokenAction({ name: f.get("name"), scope: f.get("scope"), expiresInDays: f.get("expiresInDays") });
            if (result.ok) {
              setCreated({ name: result.data.name, secret: result.data.secret });
              setCopied(false);
              setError(null);
              setFieldErrors(undefined);
              form.reset();
              router.refresh();
            } else {
              setError(result.error);
              setFieldErrors(result.fieldErrors);
            }
          });
        }}
      >
        <FormError message={error} />
        <Field label="Name" name="name" required maxLength={100} errors={fieldErrors?.name} hint="What the token is for, e.g. “partner sync”." />
        <div className="space-y-1">
          <label htmlFor="token-scope" className="block text-sm font-medium">Access</label>
          <select id="token-scope" name="scope" defaultValue="READ" className="rounded border border-slate-400 bg-white px-2 py-1 text-sm dark:bg-slate-900" aria-describedby="token-scope-hint">
            <option value="READ">Read only</option>
            <option value="READ_WRITE">Read and write</option>
          </select>
          <p id="token-scope-hint" className="text-xs text-slate-600 dark:text-slate-400">A token never allows more than your role does.</p>
          {fieldErrors?.scope ? <p className="text-sm text-red-700 dark:text-red-400">{fieldErrors.scope.join(" ")}</p> : null}
        </div>
        <Field label="Expires after (days)" name="expiresInDays" type="number" min={1} max={365} defaultValue={90} required errors={fieldErrors?.expiresInDays} />
        <button type="submit" className={buttonClass} disabled={pending}>Create token</button>
      </form>
      {tokens.length === 0 ? (
        <p className="text-sm">You have no API tokens.</p>
      ) : (
        <table className="w-full max-w-3xl border-collapse text-left text-sm">
          <caption className="pb-2 text-left font-semibold">Your tokens</caption>
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-700">
              <th scope="col" className="py-2 pr-3">Name</th>
              <th scope="col" className="py-2 pr-3">Token</th>
              <th scope="col" className="py-2 pr-3">Access</th>
              <th scope="col" className="py-2 pr-3">State</th>
              <th scope="col" className="py-2 pr-3">Last used</th>
              <th scope="col" className="py-2 pr-3"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} className="border-b border-slate-200 dark:border-slate-800">
                <td className="py-2 pr-3">{t.name}</td>
                <td className="py-2 pr-3 font-mono text-xs">{t.prefix}…</td>
                <td className="py-2 pr-3">{t.scope === "READ" ? "Read only" : "Read and write"}</td>
                <td className="py-2 pr-3">{state(t, now)}</td>
                <td className="py-2 pr-3">{t.lastUsedAt ? `${day(t.lastUsedAt)}${t.lastUsedIp ? ` from ${t.lastUsedIp}` : ""}` : "Never"}</td>
                <td className="py-2 pr-3">
                  {t.revokedAt ? null : (
                    <button
                      type="button"
                      className={secondaryButtonClass}
                      disabled={pending}
                      aria-label={`Revoke token ${t.name}`}
                      onClick={() =>
                        start(async () => {
                          const result = await revokeApiTokenAction({ id: t.id });
                          if (result.ok) router.refresh();
                          else setError(result.error);
                        })
                      }
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
