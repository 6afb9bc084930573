import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { DemoBanner } from "@/components/demo-banner";
import { SignInForm } from "@/components/sign-in-form";
import { getSessionUser } from "@/lib/auth/current-user";
import { hasActiveDemoAccounts } from "@/lib/auth/users";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  await connection();
  const { callbackUrl, error } = await searchParams;
  if (await getSessionUser()) redirect(callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/");
  const demo = await hasActiveDemoAccounts();
  return (
    <>
      {demo ? <DemoBanner showAccounts /> : null}
      <main id="main" className="mx-auto max-w-sm px-4 py-12">
        <h1 className="mb-1 text-2xl font-semibold">Demarche</h1>
        <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">Sign in to the arms-sale concern monitor.</p>
        <SignInForm callbackUrl={callbackUrl} initialError={error} />
      </main>
    </>
  );
}
