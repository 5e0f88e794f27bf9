// Timing helpers shared by the benchmarks: median of repeated runs, a plain table printer, and how busy the machine was.
import { readFileSync } from 'node:fs';

/** Median milliseconds of `runs` calls of `fn` after `warmup` untimed calls. */
export function medianMs(fn: () => unknown, runs = 7, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** Median milliseconds of `runs` awaited calls of `fn` after `warmup` untimed ones. */
export async function medianMsAsync(fn: () => Promise<unknown>, runs = 7, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** Prints rows as an aligned table under a title. */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  console.log(`\n${title}`);
  for (const row of cells) console.log(row.map((cell, i) => cell.padStart(widths[i] as number)).join('  '));
}

/** A number with `digits` decimals. */
export const fixed = (value: number, digits = 2) => value.toFixed(digits);

/** The machine's CPU time so far, busy and in all, in clock ticks (Linux /proc/stat); undefined elsewhere. */
function cpuTicks(): { busy: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    const total = fields.reduce((sum, n) => sum + n, 0);
    // idle and iowait are the time no process wanted the CPU.
    return { busy: total - (fields[3] ?? 0) - (fields[4] ?? 0), total };
  } catch {
    return undefined;
  }
}

/** Runs `fn` and tells how busy every core of the machine was meanwhile: 1 means no core was ever idle. */
export async function withMachineLoad<T>(fn: () => Promise<T>): Promise<{ result: T; busy: number | undefined }> {
  const before = cpuTicks();
  const result = await fn();
  const after = cpuTicks();
  const busy = before && after ? (after.busy - before.busy) / Math.max(1, after.total - before.total) : undefined;
  return { result, busy };
}
