// Streams rows into one table with COPY ... FROM STDIN (text format), in
// chunks of a few hundred kilobytes, waiting whenever the socket is full.
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** NULL in COPY's text format. */
export const NULL = "\\N";

const SPECIAL = /[\\\t\n\r]/;

/** A text value for COPY's text format; null stays NULL. */
export function text(value: string | null | undefined): string {
  if (value === null || value === undefined) return NULL;
  if (!SPECIAL.test(value)) return value;
  return value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** A number (or null). */
export function num(value: number | null | undefined): string {
  return value === null || value === undefined ? NULL : String(value);
}

export function bool(value: boolean): string {
  return value ? "t" : "f";
}

const CHUNK = 256 * 1024;

export class CopySink {
  private buffer = "";
  private pending = 0;
  rows = 0;
  private readonly stream: ReturnType<typeof copyFrom>;
  private failure: Error | null = null;
  private readonly finished: Promise<void>;

  /** `abort.aborted` set by someone else stops this copy at its next chunk. */
  constructor(
    client: pg.ClientBase,
    table: string,
    columns: readonly string[],
    private readonly abort: { aborted: boolean } = { aborted: false },
  ) {
    const cols = columns.map((c) => `"${c}"`).join(", ");
    this.stream = client.query(copyFrom(`COPY "${table}" (${cols}) FROM STDIN`));
    this.finished = new Promise<void>((resolve, reject) => {
      this.stream.on("finish", () => resolve());
      this.stream.on("error", (error: Error) => {
        this.failure = error;
        reject(error);
      });
    });
    // Reported by end(); keeps an early error from being unhandled meanwhile.
    this.finished.catch(() => {});
  }

  /** One row, its fields already formatted (text(), num(), bool()) and joined by tabs. */
  line(row: string): void | Promise<void> {
    this.buffer += row;
    this.buffer += "\n";
    this.rows++;
    if (++this.pending >= 64 && this.buffer.length >= CHUNK) return this.flush();
  }

  private flush(): void | Promise<void> {
    if (this.failure) throw this.failure;
    if (this.abort.aborted) throw new Error("aborted");
    const chunk = this.buffer;
    this.buffer = "";
    this.pending = 0;
    if (chunk.length === 0) return;
    if (!this.stream.write(chunk)) {
      return new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          this.stream.off("error", onError);
          resolve();
        };
        const onError = (error: Error) => {
          this.stream.off("drain", onDrain);
          reject(error);
        };
        this.stream.once("drain", onDrain);
        this.stream.once("error", onError);
      });
    }
  }

  /** Abandons the copy: PostgreSQL is sent CopyFail and discards its rows. */
  destroy(error: Error): void {
    if (!this.stream.destroyed) this.stream.destroy(error);
  }

  async end(): Promise<number> {
    await this.flush();
    this.stream.end();
    await this.finished;
    return this.rows;
  }
}
