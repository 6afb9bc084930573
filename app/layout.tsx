import type { Metadata } from "next";
import { headers } from "next/headers";
import { REQUEST_ID_HEADER } from "@/lib/log";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Demarche", template: "%s · Demarche" },
  description: "Arms-sale concerns, the diplomatic requests made about them, and whether promised inspections happened.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The request's id (proxy.ts), for error pages to show and logs to match.
  const requestId = (await headers()).get(REQUEST_ID_HEADER);
  return (
    <html lang="en">
      <head>{requestId ? <meta name="request-id" content={requestId} /> : null}</head>
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2 dark:focus:bg-slate-900">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
