import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { DemoBanner } from "@/components/demo-banner";
import { AppMark } from "@/components/nav/app-mark";
import { SignInForm } from "@/components/sign-in-form";
import { Card } from "@/components/ui/card";
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
      <main id="main" className="mx-auto max-w-sm px-4 py-12 sm:py-20">
        <Card className="p-6 sm:p-8">
          <div className="mb-6 space-y-3">
            <AppMark className="size-10" />
            <div>
              <h1 className="text-page-title font-semibold tracking-tight">Demarche</h1>
              <p className="text-sm text-muted-foreground">Sign in to the arms-sale concern monitor.</p>
            </div>
          </div>
          <SignInForm callbackUrl={callbackUrl} initialError={error} />
        </Card>
      </main>
    </>
  );
}
