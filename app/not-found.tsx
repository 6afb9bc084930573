import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p>There is no record at this address.</p>
      <p>
        <Link href="/" className="text-blue-700 underline dark:text-blue-400">
          Back to the unresolved concerns
        </Link>
      </p>
    </div>
  );
}
