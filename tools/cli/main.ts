// The end of every CLI: a failure prints one line, "[tag] message", and exits 1.
export function runMain(tag: string, main: () => Promise<void>): void {
  main().catch((error) => {
    console.error(`[${tag}] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
