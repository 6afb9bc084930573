"use client";
// What a page shows when it failed: the database being unavailable (asked of
// /api/health, since a production error carries no message to the browser;
// or said by the page's own 503, which the server answers for a page that
// failed while the database was unavailable, even if it is back by the time
// the browser asks) with a retry every few seconds until it is back, or an
// unexpected error with the references to quote (the error's digest and the
// request id that the server's logs carry).
import { AlertTriangle, RotateCw, XCircle } from "lucide-react";
import { useEffect, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";

const RETRY_MS = 5_000;
const noSubscription = () => () => {};

function requestIdOfPage(): string | null {
  return document.querySelector('meta[name="request-id"]')?.getAttribute("content") ?? null;
}

// The document's HTTP status tells once per page load: a page retried
// because of it that fails again (for another reason) must not retry for ever.
let documentStatus: number | null | undefined;
let retriedFor503 = false;

/** Whether this page's document came with a 503 that has not been acted on yet. */
function pending503(): boolean {
  if (documentStatus === undefined) {
    const navigation = performance.getEntriesByType?.("navigation")[0] as (PerformanceEntry & { responseStatus?: number }) | undefined;
    documentStatus = navigation?.responseStatus ?? null;
  }
  return documentStatus === 503 && !retriedFor503;
}

async function databaseUp(): Promise<boolean | null> {
  try {
    const res = await fetch("/api/health", { cache: "no-store", signal: AbortSignal.timeout(4_000) });
    const body = (await res.json()) as { db?: string };
    return body.db === "up";
  } catch {
    return null; // the server itself does not answer
  }
}

/**
 * `retry` is Next.js's (16.3+): it fetches the segment again from the server
 * and renders it. (Its `reset` only re-renders what the browser has, so a
 * page whose server render failed stayed an error page for ever.)
 */
export function ErrorView({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const [state, setState] = useState<"checking" | "database-down" | "server-down" | "error">("checking");
  // From the page's meta tag on the client; none in the server's render (no mismatch when hydrating).
  const requestId = useSyncExternalStore(noSubscription, requestIdOfPage, () => null);
  // The server said so already (its 503): shown without waiting for the health check to say it too.
  const said503 = useSyncExternalStore(noSubscription, pending503, () => false);
  const shown = state === "checking" && said503 ? "database-down" : state;

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async (first: boolean) => {
      const up = await databaseUp();
      if (stopped) return;
      if (up === true) {
        // Back (or never down): an unexpected error is shown; a recovered database retries the page.
        if (first && !pending503()) {
          setState("error");
        } else {
          retriedFor503 = true;
          retry();
        }
        return;
      }
      setState(up === false ? "database-down" : "server-down");
      timer = setTimeout(() => void check(false), RETRY_MS);
    };
    void check(true);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [retry]);

  const refs = (
    <p className="text-xs opacity-90">
      {error.digest ? <>Reference {error.digest}. </> : null}
      {requestId ? <>Request {requestId}.</> : null}
    </p>
  );
  if (shown === "database-down" || shown === "server-down") {
    return (
      <div role="alert" className="space-y-2 rounded-lg border border-warning-border bg-warning-soft px-4 py-3 text-warning-soft-foreground">
        <h1 className="flex items-center gap-2 text-section-title font-semibold">
          <AlertTriangle aria-hidden="true" className="size-5 shrink-0" />
          {shown === "database-down" ? "The database is unavailable" : "The server does not answer"}</h1>
        <p className="text-sm">
          Nothing can be shown or saved until it is back. This page tries again every {RETRY_MS / 1000} seconds; nothing you saved
          before is lost.
        </p>
        <Button variant="secondary" size="sm" onClick={() => retry()}>
          <RotateCw aria-hidden="true" />
          Try again now
        </Button>
        {refs}
      </div>
    );
  }
  if (shown === "checking") {
    // What the server renders, and what shows until the health check answers (or without JavaScript).
    return (
      <div role="alert" className="space-y-2 rounded-lg border border-border bg-muted px-4 py-3 text-foreground">
        <h1 className="text-section-title font-semibold">This page could not be shown</h1>
        <p className="text-sm">Checking whether the database is available...</p>
        <Button variant="secondary" size="sm" onClick={() => retry()}>
          <RotateCw aria-hidden="true" />
          Try again
        </Button>
        {refs}
      </div>
    );
  }
  return (
    <div role="alert" className="space-y-2 rounded-lg border border-destructive-border bg-destructive-soft px-4 py-3 text-destructive-soft-foreground">
      <h1 className="flex items-center gap-2 text-section-title font-semibold">
        <XCircle aria-hidden="true" className="size-5 shrink-0" />
        Something went wrong</h1>
      <p className="text-sm">This page could not be shown. Try again; if it keeps failing, quote the references below.</p>
      <Button variant="secondary" size="sm" onClick={() => retry()}>
        <RotateCw aria-hidden="true" />
        Try again
      </Button>
      {refs}
    </div>
  );
}
