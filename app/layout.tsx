import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Demarche", template: "%s · Demarche" },
  description: "Arms-sale concerns, the diplomatic requests made about them, and whether promised inspections happened.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2 dark:focus:bg-slate-900">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
