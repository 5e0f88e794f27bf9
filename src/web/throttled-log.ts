// A log that writes one line per kind of failure per interval: a full disk must not fill the rest of it.

/** Where the lines go (console.error by default). */
export type LogLine = (line: string) => void;

/**
 * Logs the first failure of each kind at once, then stays quiet about that kind for `intervalMs`; the next line of
 * the kind after the interval says how many were left out.
 */
export class ThrottledLog {
  private readonly write: LogLine;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly byKind = new Map<string, { loggedAt: number; suppressed: number }>();

  constructor(write: LogLine = (line) => console.error(line), intervalMs = 60_000, now: () => number = Date.now) {
    this.write = write;
    this.intervalMs = intervalMs;
    this.now = now;
  }

  /** Logs `line()` unless a line of this kind went out less than the interval ago (then only counts it). */
  report(kind: string, line: () => string): void {
    const now = this.now();
    const last = this.byKind.get(kind);
    if (last && now - last.loggedAt < this.intervalMs) {
      last.suppressed++;
      return;
    }
    const more = last?.suppressed
      ? ` (${last.suppressed} more of this kind in the last ${this.describeInterval()})`
      : '';
    this.write(`${line()}${more}`);
    this.byKind.set(kind, { loggedAt: now, suppressed: 0 });
    // A bug with a different message each time must not grow this map without end.
    if (this.byKind.size > 1000) this.byKind.delete(this.byKind.keys().next().value as string);
  }

  private describeInterval(): string {
    return this.intervalMs % 1000 === 0 ? `${this.intervalMs / 1000} s` : `${this.intervalMs} ms`;
  }
}
