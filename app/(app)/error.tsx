"use client";
// Errors of a page in the signed-in area, under its header and navigation.
import { ErrorView } from "@/components/error-view";

export default function PageError(props: { error: Error & { digest?: string }; retry: () => void }) {
  return <ErrorView {...props} />;
}
