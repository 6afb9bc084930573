import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { REQUEST_ID_HEADER } from "@/lib/log";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Demarche", template: "%s · Demarche" },
  description: "Arms-sale concerns, the diplomatic requests made about them, and whether promised inspections happened.",
  applicationName: "Demarche",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1222" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The request's id (proxy.ts), for error pages to show and logs to match.
  const requestId = (await headers()).get(REQUEST_ID_HEADER);
  return (
    <html lang="en">
      <head>{requestId ? <meta name="request-id" content={requestId} /> : null}</head>
      <body className="min-h-screen bg-background font-sans text-foreground antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-[100] focus:rounded-md focus:bg-background focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:shadow-lg focus:ring-2 focus:ring-ring">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
