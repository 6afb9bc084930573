"use client";
// Errors of the signed-in area's layout (its session check is the first to
// meet an unavailable database) and of pages outside it.
import { ErrorView } from "@/components/error-view";

export default function RootError(props: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10">
      <ErrorView {...props} />
    </main>
  );
}
